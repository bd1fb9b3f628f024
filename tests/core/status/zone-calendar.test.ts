/**
 * The cached-offset calendar must agree exactly with luxon's own arithmetic, DST zones included:
 * the rules' deadlines and reminder times depend on it.
 */
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { DAY_MS, ZoneCalendar } from '../../../electron/core/status/calendar'

// The covered countries' zones, UTC, and zones with DST, half-hour DST and midnight DST changes.
const ZONES = ['Asia/Singapore', 'Asia/Jakarta', 'Asia/Manila', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Beirut']
const HOUR_MS = 60 * 60 * 1000

/** Luxon's answers, written the plain way (DESIGN.md §6: today's date to the deadline's date): what the fast calendar must equal. */
const reference = {
  day: (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).startOf('day'),
  daysLeft: (deadline: number, now: number, zone: string) => Math.round(reference.day(deadline, zone).diff(reference.day(now, zone), 'days').days),
  rungDueAt: (deadline: number, days: number, zone: string) => reference.day(deadline, zone).minus({ days }).toMillis(),
  format: (instant: number, zone: string) => DateTime.fromMillis(instant, { zone }).setLocale('en-GB').toFormat('d LLL yyyy, HH:mm')
}

/** A repeatable spread of instants over 2023–2027, plus every hour around the 2026 DST changes. */
function instants(): number[] {
  let seed = 7
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const from = Date.parse('2023-01-01T00:00:00Z')
  const spread = Array.from({ length: 400 }, () => from + Math.floor(random() * 5 * 365) * DAY_MS + Math.floor(random() * 96) * 15 * 60 * 1000)
  const aroundChanges = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-04', '2026-10-25', '2026-11-01'].flatMap((day) =>
    Array.from({ length: 72 }, (_, h) => Date.parse(`${day}T00:00:00Z`) - 24 * HOUR_MS + h * HOUR_MS)
  )
  return [...spread, ...aroundChanges]
}

describe('zone calendar', () => {
  it.each(ZONES)('agrees with luxon in %s on days left, reminder times, day starts and formatting', (zone) => {
    const calendar = new ZoneCalendar(zone)
    const now = Date.parse('2026-06-15T09:30:00Z')
    for (const instant of instants()) {
      for (const rung of [0, 1, 3, 7, 14, 30]) expect(calendar.rungDueAt(instant, rung)).toBe(reference.rungDueAt(instant, rung, zone))
      expect(calendar.daysLeft(instant, now)).toBe(reference.daysLeft(instant, now, zone))
      expect(calendar.daysLeft(now, instant)).toBe(reference.daysLeft(now, instant, zone))
      expect(calendar.dayStart(instant)).toBe(reference.day(instant, zone).toMillis())
      expect(calendar.format(instant, true)).toBe(reference.format(instant, zone).replace('Sept', 'Sep'))
    }
  })

  it.each(ZONES)('puts local midnight of a date where luxon does in %s', (zone) => {
    const calendar = new ZoneCalendar(zone)
    for (const date of ['2024-03-01', '2026-03-08', '2026-03-29', '2026-09-06', '2026-10-04', '2026-11-01', '2024-02-29']) {
      expect(calendar.midnight(date)).toBe(DateTime.fromISO(date, { zone }).toMillis())
    }
  })
})
