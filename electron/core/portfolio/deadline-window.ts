/**
 * "Ends within N days" as instants SQL can compare: for each country's time zone, the first
 * instant whose days left (the rules' own count, `daysLeft` in the store's country time) exceed N.
 * A deadline ahead of now and before that instant has at most N days left.
 */
import { COVERED_COUNTRIES } from '../../shared/countries'
import { DAY_MS, daysLeft, timeZoneOf } from '../status/calendar'

export interface DeadlineCutoffs {
  /** Covered countries, each with its zone's cutoff. */
  byCountry: { country: string; before: number }[]
  /** Every other country: their dates are read in UTC. */
  otherwise: number
}

/**
 * The first instant after `now` with more than `days` days left in `timeZone`. Days left only
 * grow with the deadline, so a binary search over milliseconds finds it whatever rule `daysLeft`
 * follows for a deadline at midnight.
 */
export function firstInstantBeyond(days: number, now: number, timeZone: string): number {
  let low = now
  let high = now + (days + 3) * DAY_MS
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (daysLeft(middle, now, timeZone) > days) high = middle
    else low = middle
  }
  return high
}

export function deadlineCutoffs(days: number, now: number): DeadlineCutoffs {
  return {
    byCountry: COVERED_COUNTRIES.map((country) => ({ country, before: firstInstantBeyond(days, now, timeZoneOf(country)) })),
    otherwise: firstInstantBeyond(days, now, 'UTC')
  }
}
