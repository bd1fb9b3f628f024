/**
 * The calendar maths of `status/calendar.ts` (rung due times, days left) without a luxon call per
 * instant, for check runs over a whole portfolio: luxon costs 30–60 µs a call here, and a check
 * run needs several per store.
 *
 * Exactness: a zone's UTC offset is cached per UTC day when it is the same at both ends of that day
 * (no zone changes its offset twice within a day, so the day then has no change at all); anything
 * touching a day with an offset change is answered by `calendar.ts` itself.
 */
import { IANAZone } from 'luxon'
import { DAY_MS, rungDueAt } from '../status/calendar'

const MINUTE_MS = 60_000

export class LocalDays {
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

  private offsetAt(instant: number): number {
    const offset = this.dayOffset(instant)
    return Number.isNaN(offset) ? this.zone.offset(instant) * MINUTE_MS : offset
  }

  /** Local calendar day number (days since 1970-01-01 in this zone) of an instant. */
  dayNumber(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS)
  }

  /** Same as `calendar.daysLeft`. */
  daysLeft(deadline: number, now: number): number {
    return this.dayNumber(deadline - 1) - this.dayNumber(now)
  }

  /** Same as `calendar.rungDueAt`: the start of the local day `days` before the deadline's last day. */
  rungDueAt(deadline: number, days: number): number {
    const last = deadline - 1
    const offset = this.dayOffset(last)
    if (!Number.isNaN(offset)) {
      const lastStart = Math.floor((last + offset) / DAY_MS) * DAY_MS - offset
      const due = lastStart - days * DAY_MS
      // luxon keeps the offset it started from when the result has that offset too.
      if (this.dayOffset(lastStart) === offset && this.dayOffset(due) === offset) return due
    }
    return rungDueAt(deadline, days, this.timeZone)
  }
}

const byZone = new Map<string, LocalDays>()

/** One shared calculator per zone, so each offset is looked up once per process. */
export function localDaysIn(timeZone: string): LocalDays {
  let days = byZone.get(timeZone)
  if (!days) {
    days = new LocalDays(timeZone)
    byZone.set(timeZone, days)
  }
  return days
}
