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

  it('counts days left from today’s date to the End Time’s date in the store’s calendar (DESIGN.md §6)', () => {
    const end = at('2026-12-10T16:00:00Z') // 11 Dec 00:00 in Singapore
    expect(daysLeft(end, at('2026-11-26T15:59:59.999Z'), 'SG')).toBe(15) // 26 Nov, 23:59:59.999 SG
    expect(daysLeft(end, at('2026-11-26T16:00:00Z'), 'SG')).toBe(14) // 27 Nov, 00:00 SG
    expect(daysLeft(end, at('2026-11-27T02:00:00Z'), 'SG')).toBe(14)
    expect(daysLeft(end, end - 1, 'SG')).toBe(1) // 10 Dec, the last day it works
    expect(daysLeft(end, end, 'SG')).toBe(0)
    expect(daysLeft(end, at('2026-12-11T16:00:00Z'), 'SG')).toBe(-1)
    // An End Time with a time of day counts from its own date too.
    const afternoon = at('2026-12-11T07:00:00Z') // 11 Dec 15:00 in Singapore
    expect(daysLeft(afternoon, at('2026-11-26T16:00:00Z'), 'SG')).toBe(14)
    expect(daysLeft(afternoon, at('2026-12-11T08:00:00Z'), 'SG')).toBe(0)
    // 16:30 UTC is still 14 March in Jakarta but already 15 March in Manila; a deadline at 16:00
    // UTC on the 15th is 23:00 that day in Jakarta and 00:00 on the 16th in Manila.
    const instant = at('2026-03-14T16:30:00Z')
    const deadline = at('2026-03-15T16:00:00Z')
    expect(daysLeft(deadline, instant, 'ID')).toBe(1)
    expect(daysLeft(deadline, instant, 'PH')).toBe(1)
    expect(daysLeft(at('2026-03-15T15:00:00Z'), instant, 'PH')).toBe(0)
  })

  it('says how far a deadline is in words, from its days left', () => {
    expect(formatDaysLeft(178)).toBe('in 6 months')
    expect(formatDaysLeft(59)).toBe('in 59 days')
    expect(formatDaysLeft(14)).toBe('in 14 days')
    expect(formatDaysLeft(1)).toBe('tomorrow')
    expect(formatDaysLeft(0)).toBe('today')
    expect(formatDaysLeft(-1)).toBe('yesterday')
    expect(formatDaysLeft(-3)).toBe('3 days ago')
  })
})
