import { describe, expect, it } from 'vitest'
import { LocalDays } from '../../../electron/core/monitoring/local-days'
import { DAY_MS, daysLeft, rungDueAt } from '../../../electron/core/status/calendar'

// The covered countries' zones, UTC, and zones with DST, half-hour DST and midnight DST changes.
const ZONES = ['Asia/Singapore', 'Asia/Jakarta', 'Asia/Manila', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Beirut']
const HOUR_MS = 60 * 60 * 1000

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

describe('local days', () => {
  it.each(ZONES)('matches calendar.ts in %s for rung due times and days left', (zone) => {
    const days = new LocalDays(zone)
    const now = Date.parse('2026-06-15T09:30:00Z')
    for (const deadline of instants()) {
      for (const rung of [0, 1, 3, 7, 14, 30]) expect(days.rungDueAt(deadline, rung)).toBe(rungDueAt(deadline, rung, zone))
      expect(days.daysLeft(deadline, now)).toBe(daysLeft(deadline, now, zone))
      expect(days.daysLeft(now, deadline)).toBe(daysLeft(now, deadline, zone))
    }
  })
})
