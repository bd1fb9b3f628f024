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

describe('lastDayStart: the last local day a deadline leaves intact (for “by 10 Dec” in the client’s message)', () => {
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

describe('daysLeft: calendar days from today’s date to the End Time’s date (DESIGN.md §6)', () => {
  // The user’s example: an End Time of 11 Dec 00:00 in Singapore reads 14 days left on 27 Nov.
  const midnightEnd = sg('2026-12-11T00:00')
  const afternoonEnd = sg('2026-12-11T15:00')

  it.each([
    ['a month before', sg('2026-11-11T12:00'), 30],
    ['26 Nov, 1 ms before midnight', sg('2026-11-26T23:59:59.999'), 15],
    ['27 Nov at 00:00 (the boundary)', sg('2026-11-27T00:00'), 14],
    ['27 Nov at 10:00', sg('2026-11-27T10:00'), 14],
    ['27 Nov, 1 ms before midnight', sg('2026-11-27T23:59:59.999'), 14],
    ['4 Dec', sg('2026-12-04T09:00'), 7],
    ['10 Dec, the last day it works, at 00:00', sg('2026-12-10T00:00'), 1],
    ['10 Dec, 1 ms before the End Time', midnightEnd - 1, 1],
    ['at the End Time (11 Dec 00:00)', midnightEnd, 0],
    ['11 Dec at 23:59', sg('2026-12-11T23:59'), 0],
    ['12 Dec', sg('2026-12-12T00:00'), -1],
    ['a week after', sg('2026-12-18T23:59'), -7]
  ])('End Time 11 Dec 00:00 (SG): %s → %i', (_name, now, expected) => {
    expect(daysLeft(midnightEnd, now, SG)).toBe(expected)
  })

  it.each([
    ['27 Nov at 00:00', sg('2026-11-27T00:00'), 14],
    ['26 Nov, 1 ms before midnight', sg('2026-11-26T23:59:59.999'), 15],
    ['10 Dec, 1 ms before midnight', sg('2026-12-10T23:59:59.999'), 1],
    ['11 Dec at 00:00', sg('2026-12-11T00:00'), 0],
    ['11 Dec, after the End Time (still its date)', sg('2026-12-11T16:00'), 0],
    ['12 Dec at 00:00', sg('2026-12-12T00:00'), -1]
  ])('End Time with a time of day, 11 Dec 15:00 (SG): %s → %i', (_name, now, expected) => {
    expect(daysLeft(afternoonEnd, now, SG)).toBe(expected)
  })

  it('gives End Times on the same date the same count, whatever their time of day', () => {
    for (const end of [sg('2026-12-11T00:00'), sg('2026-12-11T00:00:00.001'), sg('2026-12-11T12:00'), sg('2026-12-11T23:59:59.999')]) {
      expect(daysLeft(end, sg('2026-11-27T08:00'), SG)).toBe(14)
    }
    expect(daysLeft(sg('2026-12-10T23:59:59.999'), sg('2026-11-27T08:00'), SG)).toBe(13)
  })

  it('counts calendar days, not 24-hour periods: 23:59 and 00:00 the next day are a day apart', () => {
    expect(daysLeft(afternoonEnd, sg('2026-11-27T23:59'), SG) - daysLeft(afternoonEnd, sg('2026-11-28T00:00'), SG)).toBe(1)
    // 14 × 24 h before a 15:00 End Time is 15:00 on the day the count reaches 14.
    expect(daysLeft(afternoonEnd, afternoonEnd - 14 * DAY_MS, SG)).toBe(14)
  })

  it('counts across a month end and a leap day', () => {
    expect(daysLeft(sg('2024-03-02T00:00'), sg('2024-02-27T09:00'), SG)).toBe(4) // 27 Feb → 2 Mar, through 29 Feb
    expect(daysLeft(sg('2025-03-02T00:00'), sg('2025-02-27T09:00'), SG)).toBe(3) // no 29 Feb in 2025
  })

  describe('Jakarta (UTC+7) vs Manila (UTC+8) for the same instants', () => {
    // 17:00 UTC on 10 Dec is 11 Dec 00:00 in Jakarta and 11 Dec 01:00 in Manila: the same date.
    const deadline = utc('2026-12-10T17:00')
    it.each([
      ['27 Nov, 10:00 WIB / 11:00 PHT', utc('2026-11-27T03:00'), 14, 14],
      ['26 Nov, 23:30 WIB / 27 Nov, 00:30 PHT (the local dates differ)', utc('2026-11-26T16:30'), 15, 14],
      ['10 Dec, 23:30 WIB / 11 Dec, 00:30 PHT', utc('2026-12-10T16:30'), 1, 0]
    ])('now = %s → Jakarta %i, Manila %i', (_name, now, jakarta, manila) => {
      expect(daysLeft(deadline, now, JAKARTA)).toBe(jakarta)
      expect(daysLeft(deadline, now, MANILA)).toBe(manila)
    })

    it('an End Time at each city’s own midnight: the same instant is already its date in Manila, the day before in Jakarta', () => {
      const now = utc('2026-12-10T16:30') // 23:30 on 10 Dec in Jakarta, 00:30 on 11 Dec in Manila
      expect(daysLeft(wib('2026-12-11T00:00'), now, JAKARTA)).toBe(1)
      expect(daysLeft(pht('2026-12-11T00:00'), now, MANILA)).toBe(0)
    })
  })

  it('counts calendar days across a daylight-saving change (none of the six countries has one; the calendar stays generic)', () => {
    // New York springs forward on 8 March 2026 (a 23-hour day) and falls back on 1 November (25 hours).
    const spring = Date.parse('2026-03-10T00:00:00-04:00')
    expect(daysLeft(spring, Date.parse('2026-03-07T00:00:00-05:00'), 'America/New_York')).toBe(3)
    expect(daysLeft(spring, Date.parse('2026-03-06T23:59:59.999-05:00'), 'America/New_York')).toBe(4)
    const autumn = Date.parse('2026-11-02T00:00:00-05:00')
    expect(daysLeft(autumn, Date.parse('2026-10-31T00:00:00-04:00'), 'America/New_York')).toBe(2)
    expect(daysLeft(autumn, Date.parse('2026-11-01T23:59:59.999-05:00'), 'America/New_York')).toBe(1)
  })
})

describe('rungDueAt: the k-day reminder comes due the day the count reaches k', () => {
  const midnightEnd = sg('2026-12-11T00:00')
  const afternoonEnd = sg('2026-12-11T15:00')

  it.each([
    [14, sg('2026-11-27T00:00')],
    [7, sg('2026-12-04T00:00')],
    [3, sg('2026-12-08T00:00')],
    [1, sg('2026-12-10T00:00')],
    [0, sg('2026-12-11T00:00')]
  ])('the %i-day rung of an End Time of 11 Dec 00:00 (SG) comes due at the start of that day', (rung, expected) => {
    expect(iso(rungDueAt(midnightEnd, rung, SG))).toBe(iso(expected))
  })

  it('the 0-day rung of an End Time at local midnight is the End Time itself', () => {
    expect(rungDueAt(midnightEnd, 0, SG)).toBe(midnightEnd)
  })

  it.each([
    [14, sg('2026-11-27T00:00')],
    [1, sg('2026-12-10T00:00')],
    [0, sg('2026-12-11T00:00')]
  ])('an End Time with a time of day (11 Dec 15:00) counts from its date: the %i-day rung', (rung, expected) => {
    expect(iso(rungDueAt(afternoonEnd, rung, SG))).toBe(iso(expected))
  })

  it.each([14, 7, 3, 1, 0])('agrees with daysLeft: the %i-day rung is due the instant daysLeft reaches it', (rung) => {
    for (const [deadline, zone] of [
      [midnightEnd, SG],
      [afternoonEnd, SG],
      [wib('2026-07-01T00:00'), JAKARTA],
      [Date.parse('2026-03-10T00:00:00-04:00'), 'America/New_York']
    ] as const) {
      const due = rungDueAt(deadline, rung, zone)
      expect(daysLeft(deadline, due, zone)).toBe(rung)
      expect(daysLeft(deadline, due - 1, zone)).toBe(rung + 1)
      expect(due).toBeLessThanOrEqual(deadline)
    }
  })

  it('crosses a month end and a leap day', () => {
    // Ends at midnight on 2 March 2024 in Jakarta: the 1-day rung is 1 March, the 3-day rung 28 February.
    const deadline = wib('2024-03-02T00:00')
    expect(iso(rungDueAt(deadline, 1, JAKARTA))).toBe(iso(wib('2024-03-01T00:00')))
    expect(iso(rungDueAt(deadline, 2, JAKARTA))).toBe(iso(wib('2024-02-29T00:00')))
    expect(iso(rungDueAt(deadline, 3, JAKARTA))).toBe(iso(wib('2024-02-28T00:00')))
  })

  it('is due at each city’s own midnight: Jakarta vs Manila for the same deadline instant', () => {
    const deadline = utc('2026-12-10T16:30') // 10 Dec 23:30 WIB, 11 Dec 00:30 PHT
    expect(iso(rungDueAt(deadline, 0, JAKARTA))).toBe(iso(wib('2026-12-10T00:00')))
    expect(iso(rungDueAt(deadline, 0, MANILA))).toBe(iso(pht('2026-12-11T00:00')))
    expect(iso(rungDueAt(deadline, 14, JAKARTA))).toBe(iso(wib('2026-11-26T00:00')))
    expect(iso(rungDueAt(deadline, 14, MANILA))).toBe(iso(pht('2026-11-27T00:00')))
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
