/**
 * Calendar maths in a store's own country time. A deadline's "day" is the last local day on which
 * the thing still works: a subscription ending at 00:00 on 15 March works through 14 March.
 */
import { DateTime } from 'luxon'
import { countryInfo } from '../../shared/countries'

export const DAY_MS = 24 * 60 * 60 * 1000

/** The IANA zone of a store's country; UTC where Storewatch knows none (out-of-scope countries). */
export function timeZoneOf(country: string): string {
  return countryInfo(country).timeZone ?? 'UTC'
}

function localDay(instant: number, timeZone: string): DateTime {
  return DateTime.fromMillis(instant, { zone: timeZone }).startOf('day')
}

/** The last local day a deadline leaves intact, as the start instant of that day. */
export function lastDayStart(deadline: number, timeZone: string): number {
  return localDay(deadline - 1, timeZone).toMillis()
}

/** Calendar days from today to the deadline's last day (0: today is the last day; negative: past). */
export function daysLeft(deadline: number, now: number, timeZone: string): number {
  return Math.round(localDay(deadline - 1, timeZone).diff(localDay(now, timeZone), 'days').days)
}

/** The instant a reminder `rungDays` before a deadline comes due: the start of that local day. */
export function rungDueAt(deadline: number, rungDays: number, timeZone: string): number {
  return localDay(deadline - 1, timeZone).minus({ days: rungDays }).toMillis()
}

/** Local midnight of a `YYYY-MM-DD` date in a zone. */
export function localMidnight(isoDate: string, timeZone: string): number {
  return DateTime.fromISO(isoDate, { zone: timeZone }).toMillis()
}

/** "15 Mar 2026, 00:00": the time matters, since a midnight end leaves the day before as the last. */
export function formatLocal(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toFormat('d LLL yyyy, HH:mm')
}

/** "15 Mar 2026" for dates where the time of day is not the point (first authorization, release). */
export function formatLocalDate(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toFormat('d LLL yyyy')
}
