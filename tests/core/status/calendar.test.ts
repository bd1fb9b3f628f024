/**
 * Calendar maths in a store's own country time (electron/core/status/calendar.ts).
 *
 * Instants are written with explicit UTC offsets (Date.parse, not luxon) so that the expectations do
 * not come from the library under test. Singapore and Manila are UTC+8, Jakarta is UTC+7; none of
 * the covered countries observes daylight saving time.
 */
import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  daysLeft,
  formatLocal,
  formatLocalDate,
  lastDayStart,
  localMidnight,
  rungDueAt,
  timeZoneOf
} from '../../../electron/core/status/calendar'

const SG = 'Asia/Singapore'
const JAKARTA = 'Asia/Jakarta'
const MANILA = 'Asia/Manila'

const sg = (local: string) => Date.parse(`${local}+08:00`)
const wib = (local: string) => Date.parse(`${local}+07:00`)
const pht = (local: string) => Date.parse(`${local}+08:00`)
const utc = (iso: string) => Date.parse(`${iso}Z`)
const iso = (instant: number) => new Date(instant).toISOString()

describe('timeZoneOf', () => {
  it.each([
    ['SG', 'Asia/Singapore'],
    ['MY', 'Asia/Kuala_Lumpur'],
    ['TH', 'Asia/Bangkok'],
    ['PH', 'Asia/Manila'],
    ['VN', 'Asia/Ho_Chi_Minh'],
    ['ID', 'Asia/Jakarta']
  ])('a %s store lives in %s', (country, zone) => {
    expect(timeZoneOf(country)).toBe(zone)
  })

  it('falls back to UTC for a country Storewatch has no zone for (South Korea is out of scope)', () => {
    expect(timeZoneOf('KR')).toBe('UTC')
  })
})

describe('localMidnight', () => {
  it.each([
    ['Singapore', SG, '2024-03-01T00:00:00.000+08:00'],
    ['Jakarta', JAKARTA, '2024-03-01T00:00:00.000+07:00'],
    ['Manila', MANILA, '2024-03-01T00:00:00.000+08:00'],
    ['UTC', 'UTC', '2024-03-01T00:00:00.000+00:00']
  ])('reads 2024-03-01 as midnight in %s', (_name, zone, expected) => {
    expect(iso(localMidnight('2024-03-01', zone))).toBe(iso(Date.parse(expected)))
  })

  it('puts Jakarta’s midnight one hour after Manila’s for the same date', () => {
    expect(localMidnight('2026-03-15', JAKARTA) - localMidnight('2026-03-15', MANILA)).toBe(60 * 60 * 1000)
  })

  it('handles a leap day', () => {
    expect(iso(localMidnight('2024-02-29', SG))).toBe('2024-02-28T16:00:00.000Z')
  })
})

describe('lastDayStart', () => {
  it.each([
    ['a deadline at local midnight leaves the previous day as the last', sg('2026-03-15T00:00:00.000'), sg('2026-03-14T00:00')],
    ['a deadline 1 ms after local midnight keeps that day', sg('2026-03-15T00:00:00.001'), sg('2026-03-15T00:00')],
    ['a deadline in the morning keeps that day', sg('2026-03-15T10:00'), sg('2026-03-15T00:00')],
    ['a deadline 1 ms before midnight keeps that day', sg('2026-03-15T23:59:59.999'), sg('2026-03-15T00:00')]
  ])('%s', (_name, deadline, expected) => {
    expect(iso(lastDayStart(deadline, SG))).toBe(iso(expected))
  })

  it('depends on the zone: Jakarta’s midnight is 01:00 in Manila', () => {
    const deadline = wib('2026-03-15T00:00') // = 2026-03-15T01:00 in Manila
    expect(iso(lastDayStart(deadline, JAKARTA))).toBe(iso(wib('2026-03-14T00:00')))
    expect(iso(lastDayStart(deadline, MANILA))).toBe(iso(pht('2026-03-15T00:00')))
  })
})

describe('daysLeft', () => {
  const midnightEnd = sg('2026-03-15T00:00') // last day: 14 March
  const morningEnd = sg('2026-03-15T10:00') // last day: 15 March

  it.each([
    ['a month before', sg('2026-02-14T12:00'), 28],
    ['15 days before the last day, 1 ms before local midnight', sg('2026-02-27T23:59:59.999'), 15],
    ['14 days before the last day, at local midnight', sg('2026-02-28T00:00'), 14],
    ['the day before the last day, 1 ms before local midnight', sg('2026-03-13T23:59:59.999'), 1],
    ['the last day, at its local midnight', sg('2026-03-14T00:00'), 0],
    ['the last day, 1 ms before the deadline', midnightEnd - 1, 0],
    ['at the deadline (the day after the last day)', midnightEnd, -1],
    ['1 ms after the deadline', midnightEnd + 1, -1],
    ['two days after the deadline', sg('2026-03-16T12:00'), -2],
    ['a week after the deadline', sg('2026-03-21T23:59'), -7]
  ])('a deadline at local midnight (15 Mar 00:00 SG): %s → %i', (_name, now, expected) => {
    expect(daysLeft(midnightEnd, now, SG)).toBe(expected)
  })

  it.each([
    ['the day before, 1 ms before local midnight', sg('2026-03-14T23:59:59.999'), 1],
    ['the deadline’s own day, at local midnight', sg('2026-03-15T00:00'), 0],
    ['the deadline’s own day, after the deadline (still the last day)', sg('2026-03-15T10:00'), 0],
    ['the next day', sg('2026-03-16T00:00'), -1]
  ])('a deadline in the morning (15 Mar 10:00 SG): %s → %i', (_name, now, expected) => {
    expect(daysLeft(morningEnd, now, SG)).toBe(expected)
  })

  it('counts calendar days, not 24-hour periods: 23:59 and 00:00 the next day are a day apart', () => {
    expect(daysLeft(morningEnd, sg('2026-03-01T23:59'), SG) - daysLeft(morningEnd, sg('2026-03-02T00:00'), SG)).toBe(1)
    // Exactly 15 × 24 h before a midnight deadline is already 14 calendar days from the last day.
    expect(daysLeft(midnightEnd, midnightEnd - 15 * DAY_MS, SG)).toBe(14)
  })

  it('counts across a month end and a leap day', () => {
    expect(daysLeft(sg('2024-03-02T00:00'), sg('2024-02-27T09:00'), SG)).toBe(3) // 27 Feb → 1 Mar
    expect(daysLeft(sg('2025-03-02T00:00'), sg('2025-02-27T09:00'), SG)).toBe(2) // no 29 Feb in 2025
  })

  describe('Jakarta (UTC+7) vs Manila (UTC+8) for the same instants', () => {
    // Midnight in Jakarta is 01:00 in Manila: Jakarta's last day is 14 March, Manila's is 15 March.
    const deadline = utc('2026-03-14T17:00')
    it.each([
      ['28 Feb, 10:00 WIB / 11:00 PHT', utc('2026-02-28T03:00'), 14, 15],
      ['14 Mar, 23:30 WIB / 15 Mar, 00:30 PHT (the local dates differ too)', utc('2026-03-14T16:30'), 0, 0],
      ['14 Mar, 16:00 WIB / 17:00 PHT', utc('2026-03-14T09:00'), 0, 1]
    ])('now = %s → Jakarta %i, Manila %i', (_name, now, jakarta, manila) => {
      expect(daysLeft(deadline, now, JAKARTA)).toBe(jakarta)
      expect(daysLeft(deadline, now, MANILA)).toBe(manila)
    })

    it('a deadline at each city’s own local midnight: the same instant is past in Manila, the last day in Jakarta', () => {
      const now = utc('2026-03-14T16:30') // 23:30 on 14 Mar in Jakarta, 00:30 on 15 Mar in Manila
      expect(daysLeft(wib('2026-03-15T00:00'), now, JAKARTA)).toBe(0)
      expect(daysLeft(pht('2026-03-15T00:00'), now, MANILA)).toBe(-1)
    })
  })

  it('counts calendar days across a daylight-saving change (a zone with DST, for the UTC fallback’s sake)', () => {
    // New York springs forward on 8 March 2026: that day has 23 hours.
    const deadline = Date.parse('2026-03-10T12:00:00-04:00')
    expect(daysLeft(deadline, Date.parse('2026-03-07T12:00:00-05:00'), 'America/New_York')).toBe(3)
  })
})

describe('rungDueAt', () => {
  const midnightEnd = sg('2026-03-15T00:00') // last day: 14 March

  it.each([
    [14, sg('2026-02-28T00:00')],
    [7, sg('2026-03-07T00:00')],
    [3, sg('2026-03-11T00:00')],
    [1, sg('2026-03-13T00:00')],
    [0, sg('2026-03-14T00:00')]
  ])('the %i-day rung of a midnight deadline comes due at the start of its local day', (rung, expected) => {
    expect(iso(rungDueAt(midnightEnd, rung, SG))).toBe(iso(expected))
  })

  it.each([
    [14, sg('2026-03-01T00:00')],
    [7, sg('2026-03-08T00:00')],
    [3, sg('2026-03-12T00:00')],
    [1, sg('2026-03-14T00:00')],
    [0, sg('2026-03-15T00:00')]
  ])('the %i-day rung of a 10:00 deadline counts from the deadline’s own day', (rung, expected) => {
    expect(iso(rungDueAt(sg('2026-03-15T10:00'), rung, SG))).toBe(iso(expected))
  })

  it.each([14, 7, 3, 1, 0])('agrees with daysLeft: the %i-day rung is due the instant daysLeft reaches it', (rung) => {
    for (const deadline of [midnightEnd, sg('2026-03-15T10:00'), wib('2026-07-01T00:00')]) {
      const due = rungDueAt(deadline, rung, SG)
      expect(daysLeft(deadline, due, SG)).toBe(rung)
      expect(daysLeft(deadline, due - 1, SG)).toBe(rung + 1)
      expect(due).toBeLessThan(deadline)
    }
  })

  it('crosses a month end and a leap day', () => {
    // Ends at midnight on 2 March 2024 in Jakarta: last day 1 March, the 1-day rung is 29 February.
    const deadline = wib('2024-03-02T00:00')
    expect(iso(rungDueAt(deadline, 1, JAKARTA))).toBe(iso(wib('2024-02-29T00:00')))
    expect(iso(rungDueAt(deadline, 3, JAKARTA))).toBe(iso(wib('2024-02-27T00:00')))
  })

  it('is due at each city’s own midnight: Jakarta vs Manila for the same deadline instant', () => {
    const deadline = utc('2026-03-14T17:00') // 15 Mar 00:00 WIB, 15 Mar 01:00 PHT
    expect(iso(rungDueAt(deadline, 0, JAKARTA))).toBe(iso(wib('2026-03-14T00:00')))
    expect(iso(rungDueAt(deadline, 0, MANILA))).toBe(iso(pht('2026-03-15T00:00')))
    expect(iso(rungDueAt(deadline, 14, JAKARTA))).toBe(iso(wib('2026-02-28T00:00')))
    expect(iso(rungDueAt(deadline, 14, MANILA))).toBe(iso(pht('2026-03-01T00:00')))
  })
})

describe('formatLocal and formatLocalDate', () => {
  const instant = utc('2026-03-14T16:00') // midnight in Singapore and Manila, 23:00 the day before in Jakarta

  it.each([
    [SG, '15 Mar 2026, 00:00'],
    [MANILA, '15 Mar 2026, 00:00'],
    [JAKARTA, '14 Mar 2026, 23:00'],
    ['Asia/Bangkok', '14 Mar 2026, 23:00'],
    ['UTC', '14 Mar 2026, 16:00']
  ])('shows the instant in %s as “%s”', (zone, expected) => {
    expect(formatLocal(instant, zone)).toBe(expected)
  })

  it('uses a 24-hour clock, an unpadded day and English month names', () => {
    expect(formatLocal(sg('2024-03-01T13:05'), SG)).toBe('1 Mar 2024, 13:05')
    expect(formatLocal(sg('2026-12-09T07:45:59.999'), SG)).toBe('9 Dec 2026, 07:45')
  })

  it.each([
    [SG, '15 Mar 2026'],
    [JAKARTA, '14 Mar 2026'],
    ['UTC', '14 Mar 2026']
  ])('formatLocalDate shows the local date in %s as “%s”', (zone, expected) => {
    expect(formatLocalDate(instant, zone)).toBe(expected)
  })
})
