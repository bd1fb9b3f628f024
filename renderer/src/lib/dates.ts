/**
 * Dates as a KAM needs them: deadlines in the store's own country time (that is when Lazada cuts
 * the store off) and in the KAM's time (when they must act), plus "in 7 days" style distances.
 * Instants are UTC epoch milliseconds; "days left" counts calendar days from today's date to the
 * deadline's date in the store's country time, as main does (electron/core/status/calendar.ts,
 * DESIGN.md §6): an End Time of 11 Dec 00:00 has 14 days left on 27 Nov.
 */
import { DateTime } from 'luxon'
import { countryInfo } from '../../../electron/shared/countries'

/** The IANA zone of a store's country; UTC where none is known (out-of-scope countries), like main. */
export function storeTimeZone(country: string): string {
  return countryInfo(country).timeZone ?? 'UTC'
}

/** "SG time", or "UTC" where the country has no known zone. */
export function storeTimeLabel(country: string): string {
  return countryInfo(country).timeZone ? `${country} time` : 'UTC'
}

/** "Singapore time": next to form inputs read in the store's time. */
export function storeTimeName(country: string): string {
  const info = countryInfo(country)
  return info.timeZone ? `${info.name} time` : 'UTC'
}

function inStore(instant: number, country: string): DateTime {
  return DateTime.fromMillis(instant, { zone: storeTimeZone(country) })
}

/**
 * "15 Mar 2026, 00:00 (SG time)"; with `now` (where room is short), the year only when it is not
 * this year's: "15 Mar, 00:00 (SG time)".
 */
export function formatStoreTime(instant: number, country: string, now?: number): string {
  const local = inStore(instant, country)
  const format = now !== undefined && local.year === inStore(now, country).year ? 'd LLL, HH:mm' : 'd LLL yyyy, HH:mm'
  return `${local.toFormat(format)} (${storeTimeLabel(country)})`
}

/** "15 Mar 2026": a date in the store's country. */
export function formatStoreDate(instant: number, country: string): string {
  return inStore(instant, country).toFormat('d LLL yyyy')
}

/** True when the KAM's clock reads the same as the store's at that instant: one time is enough. */
export function sameTimeAsKam(instant: number, country: string): boolean {
  return inStore(instant, country).offset === DateTime.fromMillis(instant).offset
}

/** "14 Mar, 23:00 your time" (with the year when it is not this year's). */
export function formatKamTime(instant: number, now: number = Date.now()): string {
  const local = DateTime.fromMillis(instant)
  const format = local.year === DateTime.fromMillis(now).year ? 'd LLL, HH:mm' : 'd LLL yyyy, HH:mm'
  return `${local.toFormat(format)} your time`
}

/** Calendar days from today's date to the deadline's date, in the store's time (0: its own date; negative: after). */
export function daysLeft(deadline: number, now: number, country: string): number {
  const zone = storeTimeZone(country)
  const deadlineDate = DateTime.fromMillis(deadline, { zone }).startOf('day')
  const today = DateTime.fromMillis(now, { zone }).startOf('day')
  return Math.round(deadlineDate.diff(today, 'days').days)
}

/**
 * "in 7 days", "tomorrow", "today", "yesterday", "3 days ago" ("in 6 months" when far) for a
 * deadline, from its days left: the distance between today's date and the deadline's date.
 */
export function formatDaysLeft(days: number): string {
  // Past two months the exact count stops mattering.
  if (days >= 60) return `in ${Math.round(days / 30.4)} months`
  if (days > 1) return `in ${days} days`
  if (days === 1) return 'tomorrow'
  if (days === 0) return 'today'
  if (days === -1) return 'yesterday'
  return `${-days} days ago`
}

/** How urgent a deadline looks: passed, within three days, within the reminder window, later. */
export type Urgency = 'passed' | 'soon' | 'near' | 'later'

export function urgencyOf(days: number, deadline: number, now: number, windowDays = 14): Urgency {
  if (deadline <= now) return 'passed'
  if (days <= 3) return 'soon'
  if (days <= windowDays) return 'near'
  return 'later'
}

/** `<input type="datetime-local">` value for an instant, read in the store's country time. */
export function toStoreInput(instant: number | null, country: string): string {
  return instant === null ? '' : inStore(instant, country).toFormat("yyyy-MM-dd'T'HH:mm")
}

/**
 * The instant a `datetime-local` value names in the store's country time: '2026-03-15T00:00' in
 * Indonesia is 2026-03-14T17:00:00Z. '' is null (not known); an unreadable value is NaN.
 */
export function fromStoreInput(value: string, country: string): number | null {
  if (value.trim() === '') return null
  const parsed = DateTime.fromISO(value, { zone: storeTimeZone(country) })
  return parsed.isValid ? parsed.toMillis() : Number.NaN
}

/** A `YYYY-MM-DD` calendar date → "2 Mar", or "2 Mar 2026" with the year. */
export function formatCalendarDate(isoDate: string, withYear = false): string {
  const day = DateTime.fromISO(isoDate)
  return day.toFormat(withYear ? 'd LLL yyyy' : 'd LLL')
}
