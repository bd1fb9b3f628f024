/**
 * Calendar maths in a store's own country time (DESIGN.md §6). "Days left" is the number of
 * calendar days from today's date to the deadline's date: an End Time of 11 Dec 00:00 has 14 days
 * left on 27 Nov, and the k-day reminder comes due at the start of the day that count reaches k.
 * The last local day a deadline leaves intact is another thing (`lastDayStart`): a subscription
 * ending at 00:00 on 11 December works through 10 December.
 *
 * The rules run these for every store on every check, so they avoid a luxon call per instant
 * (30–60 µs each): a zone's UTC offset is cached per UTC day when it is the same at both ends of
 * that day (no zone changes its offset twice in a day, so such a day has no change at all), and
 * anything touching a day with an offset change is answered by luxon itself.
 */
import { DateTime, IANAZone } from 'luxon'
import { countryInfo } from '../../shared/countries'

export const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** One zone's calendar, with its offsets cached per UTC day. */
export class ZoneCalendar {
  private readonly zone: IANAZone
  /** UTC day number → offset in ms, or NaN when the offset changes during that day. */
  private readonly offsets = new Map<number, number>()

  constructor(readonly timeZone: string) {
    this.zone = IANAZone.create(timeZone)
  }

  /** The offset in force during `instant`'s whole UTC day, or NaN if it changes that day. */
  private dayOffset(instant: number): number {
    const day = Math.floor(instant / DAY_MS)
    let offset = this.offsets.get(day)
    if (offset === undefined) {
      const start = this.zone.offset(day * DAY_MS)
      offset = start === this.zone.offset((day + 1) * DAY_MS - 1) ? start * MINUTE_MS : Number.NaN
      this.offsets.set(day, offset)
    }
    return offset
  }

  offsetAt(instant: number): number {
    const offset = this.dayOffset(instant)
    return Number.isNaN(offset) ? this.zone.offset(instant) * MINUTE_MS : offset
  }

  /** Local calendar day number (days since 1970-01-01 in this zone) of an instant. */
  dayNumber(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS)
  }

  /** The start instant of the local day holding `instant`. */
  dayStart(instant: number): number {
    const offset = this.dayOffset(instant)
    if (!Number.isNaN(offset)) {
      const start = Math.floor((instant + offset) / DAY_MS) * DAY_MS - offset
      if (this.dayOffset(start) === offset) return start
    }
    return DateTime.fromMillis(instant, { zone: this.timeZone }).startOf('day').toMillis()
  }

  /** Calendar days from today's date to the deadline's date (0: the deadline's own date; negative: after it). */
  daysLeft(deadline: number, now: number): number {
    return this.dayNumber(deadline) - this.dayNumber(now)
  }

  /**
   * The start of the local day `days` before the deadline's date, when `daysLeft` reaches `days`:
   * when that reminder is due. The 0-day rung of a deadline at local midnight is the deadline itself.
   */
  rungDueAt(deadline: number, days: number): number {
    const offset = this.dayOffset(deadline)
    if (!Number.isNaN(offset)) {
      const dateStart = Math.floor((deadline + offset) / DAY_MS) * DAY_MS - offset
      const due = dateStart - days * DAY_MS
      if (this.dayOffset(dateStart) === offset && this.dayOffset(due) === offset) return due
    }
    return DateTime.fromMillis(deadline, { zone: this.timeZone }).startOf('day').minus({ days }).toMillis()
  }

  /** Local midnight of a `YYYY-MM-DD` date. */
  midnight(isoDate: string): number {
    const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`)
    const offset = this.dayOffset(utcMidnight)
    const candidate = utcMidnight - offset
    if (!Number.isNaN(offset) && this.dayOffset(candidate) === offset) return candidate
    return DateTime.fromISO(isoDate, { zone: this.timeZone }).toMillis()
  }

  /** "15 Mar 2026, 00:00" in this zone (English month names, whatever the system's language). */
  format(instant: number, withTime: boolean): string {
    const local = new Date(instant + this.offsetAt(instant))
    const date = `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`
    if (!withTime) return date
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${date}, ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  }
}

const calendars = new Map<string, ZoneCalendar>()

/** One shared calendar per zone, so each day's offset is looked up once per process. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  let calendar = calendars.get(timeZone)
  if (!calendar) {
    calendar = new ZoneCalendar(timeZone)
    calendars.set(timeZone, calendar)
  }
  return calendar
}

/** The IANA zone of a store's country; UTC where Storewatch knows none (out-of-scope countries). */
export function timeZoneOf(country: string): string {
  return countryInfo(country).timeZone ?? 'UTC'
}

/** The last local day a deadline leaves intact, as the start instant of that day. */
export function lastDayStart(deadline: number, timeZone: string): number {
  return zoneCalendar(timeZone).dayStart(deadline - 1)
}

/** Calendar days from today's date to the deadline's date (0: the deadline's own date; negative: after it). */
export function daysLeft(deadline: number, now: number, timeZone: string): number {
  return zoneCalendar(timeZone).daysLeft(deadline, now)
}

/** The instant a reminder `rungDays` before a deadline's date comes due: the start of that local day. */
export function rungDueAt(deadline: number, rungDays: number, timeZone: string): number {
  return zoneCalendar(timeZone).rungDueAt(deadline, rungDays)
}

/** Local midnight of a `YYYY-MM-DD` date in a zone. */
export function localMidnight(isoDate: string, timeZone: string): number {
  return zoneCalendar(timeZone).midnight(isoDate)
}

/** "15 Mar 2026, 00:00": the time matters, since a midnight end leaves the day before as the last. */
export function formatLocal(instant: number, timeZone: string): string {
  return zoneCalendar(timeZone).format(instant, true)
}

/** "15 Mar 2026" for dates where the time of day is not the point (first authorization, release). */
export function formatLocalDate(instant: number, timeZone: string): string {
  return zoneCalendar(timeZone).format(instant, false)
}
