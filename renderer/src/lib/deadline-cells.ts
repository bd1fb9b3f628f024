/**
 * What a list row says about a deadline, worked out once per deadline and minute: the rows draw
 * it again each time they scroll into view, and the dates (luxon in the store's zone) are the
 * costliest part of a row.
 */
import { daysLeft, formatDaysLeft, formatKamTime, formatStoreDate, formatStoreTime, sameTimeAsKam, urgencyOf } from './dates'
import type { Urgency } from './dates'

export interface DeadlineSummary {
  /** "15 Mar 2026". */
  date: string
  /** "in 7 days", "2 days ago". */
  distance: string
  /** Months away the date says enough, and a narrow column leaves the distance out. */
  near: boolean
  urgency: Urgency
  /** "4 Dec, 00:00 (SG time)": the store's clock, the year only when it is not this one. */
  storeTime: string
  /** "3 Dec, 23:00 your time", or null when the KAM's clock reads the same. */
  kamTime: string | null
}

const MAX_CACHED = 20_000
const cache = new Map<string, DeadlineSummary>()

/** `days` is main's count where it sent one; computed the same way otherwise. */
export function deadlineSummary(deadline: number, country: string, now: number, days?: number | null): DeadlineSummary {
  const minute = Math.floor(now / 60_000)
  const key = `${deadline}|${country}|${minute}|${days ?? ''}`
  let summary = cache.get(key)
  if (!summary) {
    const left = days ?? daysLeft(deadline, now, country)
    summary = {
      date: formatStoreDate(deadline, country),
      distance: formatDaysLeft(left),
      near: left < 60,
      urgency: urgencyOf(left, deadline, now),
      storeTime: formatStoreTime(deadline, country, now),
      kamTime: sameTimeAsKam(deadline, country) ? null : formatKamTime(deadline, now)
    }
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(key, summary)
  }
  return summary
}

/** The exact time in the store's clock and, where it differs, the KAM's: the hint on a deadline. */
export function exactDeadline(deadline: number, country: string, now: number): string {
  const storeTime = formatStoreTime(deadline, country)
  return sameTimeAsKam(deadline, country) ? storeTime : `${storeTime} · ${formatKamTime(deadline, now)}`
}
