/** The date module: store-country time, the KAM's time (UTC in these tests) and days left. */
import { describe, expect, it } from 'vitest'
import {
  daysLeft,
  formatDaysLeft,
  formatKamTime,
  formatStoreTime,
  fromStoreInput,
  sameTimeAsKam,
  storeTimeName,
  toStoreInput
} from '../../renderer/src/lib/dates'

const at = (iso: string) => Date.parse(iso)

describe('dates in the store’s country and in the KAM’s time', () => {
  it('reads a datetime-local value in the store’s country time', () => {
    expect(fromStoreInput('2026-03-15T00:00', 'ID')).toBe(at('2026-03-14T17:00:00Z'))
    expect(fromStoreInput('2026-03-15T00:00', 'PH')).toBe(at('2026-03-14T16:00:00Z'))
    expect(fromStoreInput('2026-03-15T00:00', 'KR')).toBe(at('2026-03-15T00:00:00Z'))
    expect(fromStoreInput('', 'SG')).toBeNull()
    expect(fromStoreInput('2026-02-30T10:00', 'SG')).toBeNaN()
  })

  it('writes an instant back as the store’s local time', () => {
    expect(toStoreInput(at('2026-03-14T17:00:00Z'), 'ID')).toBe('2026-03-15T00:00')
    expect(toStoreInput(null, 'ID')).toBe('')
  })

  it('names the store’s time and the KAM’s', () => {
    expect(formatStoreTime(at('2026-03-14T16:00:00Z'), 'SG')).toBe('15 Mar 2026, 00:00 (SG time)')
    expect(formatStoreTime(at('2026-03-14T16:00:00Z'), 'SG', at('2026-01-01T00:00:00Z'))).toBe('15 Mar, 00:00 (SG time)')
    expect(formatStoreTime(at('2026-03-14T16:00:00Z'), 'KR')).toBe('14 Mar 2026, 16:00 (UTC)')
    expect(formatKamTime(at('2026-03-14T23:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe('14 Mar, 23:00 your time')
    expect(formatKamTime(at('2027-03-14T23:00:00Z'), at('2026-01-01T00:00:00Z'))).toBe('14 Mar 2027, 23:00 your time')
    expect(storeTimeName('SG')).toBe('Singapore time')
    expect(sameTimeAsKam(at('2026-03-14T16:00:00Z'), 'SG')).toBe(false)
    expect(sameTimeAsKam(at('2026-03-14T16:00:00Z'), 'KR')).toBe(true)
  })

  it('counts days left in the store’s calendar, the deadline’s last day included', () => {
    const end = at('2026-03-14T16:00:00Z') // 15 Mar 00:00 in Singapore: 14 Mar is the last day
    expect(daysLeft(end, at('2026-03-07T02:00:00Z'), 'SG')).toBe(7)
    expect(daysLeft(end, at('2026-03-14T15:59:00Z'), 'SG')).toBe(0)
    expect(daysLeft(end, at('2026-03-14T16:00:00Z'), 'SG')).toBe(-1)
    // 16:30 UTC is still 14 March in Jakarta but already 15 March in Manila; a deadline at 16:00
    // UTC on the 15th is 23:00 that day in Jakarta and midnight starting the 16th in Manila.
    const instant = at('2026-03-14T16:30:00Z')
    const deadline = at('2026-03-15T16:00:00Z')
    expect(daysLeft(deadline, instant, 'ID')).toBe(1)
    expect(daysLeft(deadline, instant, 'PH')).toBe(0)
  })

  it('says how far a deadline is in words', () => {
    const midnight = at('2026-03-14T16:00:00Z')
    expect(formatDaysLeft(178, midnight, 'SG')).toBe('in 6 months')
    expect(formatDaysLeft(59, midnight, 'SG')).toBe('in 59 days')
    expect(formatDaysLeft(7, midnight, 'SG')).toBe('in 7 days')
    expect(formatDaysLeft(1, midnight, 'SG')).toBe('tomorrow')
    expect(formatDaysLeft(0, midnight, 'SG')).toBe('today')
    // Ended at 00:00 today (days left -1): it ended today, not yesterday.
    expect(formatDaysLeft(-1, midnight, 'SG')).toBe('today')
    expect(formatDaysLeft(-2, midnight, 'SG')).toBe('yesterday')
    expect(formatDaysLeft(-4, midnight, 'SG')).toBe('3 days ago')
    const afternoon = at('2026-03-15T06:00:00Z')
    expect(formatDaysLeft(-3, afternoon, 'SG')).toBe('3 days ago')
  })
})
