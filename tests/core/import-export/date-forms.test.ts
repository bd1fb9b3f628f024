import { describe, expect, it } from 'vitest'
import { isoInZone, readDate } from '../../../electron/core/import/date-forms'

const SG = 'Asia/Singapore'
const BKK = 'Asia/Bangkok'

/** Each form, the zone it is read in, and the instant it must give (as UTC ISO). */
const READS: [string, string, string][] = [
  ['2026-12-03', SG, '2026-12-02T16:00:00.000Z'],
  ['2026-12-03', BKK, '2026-12-02T17:00:00.000Z'],
  ['2026-12-03 14:30', SG, '2026-12-03T06:30:00.000Z'],
  ['2026-12-03T14:30:15', SG, '2026-12-03T06:30:15.000Z'],
  ['2026-12-03T14:30:15.250', SG, '2026-12-03T06:30:15.250Z'],
  ['2026-12-03T14:30Z', SG, '2026-12-03T14:30:00.000Z'],
  ['2026-12-03T14:30:00+07:00', SG, '2026-12-03T07:30:00.000Z'],
  ['2026-12-03T14:30-0500', SG, '2026-12-03T19:30:00.000Z'],
  ['13/04/2026', SG, '2026-04-12T16:00:00.000Z'],
  ['13/04/2026 09:15', SG, '2026-04-13T01:15:00.000Z'],
  ['13.04.2026', BKK, '2026-04-12T17:00:00.000Z'],
  ['13-4-2026', SG, '2026-04-12T16:00:00.000Z'],
  ['04/13/2026', SG, '2026-04-12T16:00:00.000Z'],
  ['05/05/2026', SG, '2026-05-04T16:00:00.000Z'],
  ['3 Dec 2026', SG, '2026-12-02T16:00:00.000Z'],
  ['3 December 2026 08:00', SG, '2026-12-03T00:00:00.000Z'],
  ['03-Dec-2026', SG, '2026-12-02T16:00:00.000Z'],
  ['3 Sept 2026', SG, '2026-09-02T16:00:00.000Z'],
  ['Dec 3, 2026', SG, '2026-12-02T16:00:00.000Z'],
  ['Dec 3, 2026 14:30', SG, '2026-12-03T06:30:00.000Z'],
  ['46359', SG, '2026-12-02T16:00:00.000Z'],
  ['46359.5', SG, '2026-12-03T04:00:00.000Z'],
  ['  2026-12-03  ', SG, '2026-12-02T16:00:00.000Z']
]

const INVALID: [string, RegExp][] = [
  ['31/02/2026', /neither day\/month nor month\/day/],
  ['2026-02-30', /there is no 30 Feb 2026/],
  ['2026-12-03 25:00', /there is no 3 Dec 2026 at that time/],
  ['3 Decoration 2026', /"Decoration" is not a month/],
  ['tomorrow', /no date form matches/],
  ['12345', /before 1990 or after 2099/],
  ['13/13/2026', /neither/]
]

describe('readDate: the forms people type', () => {
  it.each(READS)('%s in %s is %s', (text, zone, expected) => {
    const reading = readDate(text, zone)
    expect(reading.kind).toBe('date')
    if (reading.kind === 'date') expect(new Date(reading.instant).toISOString()).toBe(expected)
  })

  it.each(INVALID)('%s is refused with a reason', (text, why) => {
    const reading = readDate(text, SG)
    expect(reading.kind).toBe('invalid')
    if (reading.kind === 'invalid') {
      expect(reading.message).toMatch(why)
      expect(reading.message).toContain(`"${text}"`)
    }
  })

  it('a blank cell is blank, not an error', () => {
    expect(readDate('   ', SG)).toEqual({ kind: 'blank' })
  })

  it('03/04/2026 reads two ways and is not guessed: both readings come back', () => {
    const reading = readDate('03/04/2026', SG)
    expect(reading.kind).toBe('ambiguous')
    if (reading.kind !== 'ambiguous') return
    expect(reading.readings.map((r) => [r.label, r.order, new Date(r.instant).toISOString()])).toEqual([
      ['3 Apr 2026', 'day-first', '2026-04-02T16:00:00.000Z'],
      ['4 Mar 2026', 'month-first', '2026-03-03T16:00:00.000Z']
    ])
  })

  it('what the export writes reads back to the same instant, milliseconds and all', () => {
    for (const instant of [Date.UTC(2026, 11, 2, 16), Date.UTC(2026, 11, 3, 6, 30, 15), Date.UTC(2026, 11, 3, 6, 30, 15, 250)]) {
      for (const zone of [SG, BKK, 'UTC']) {
        const written = isoInZone(instant, zone)
        const reading = readDate(written, 'Asia/Jakarta')
        expect(reading, written).toEqual({ kind: 'date', instant })
      }
    }
    expect(isoInZone(Date.UTC(2026, 11, 2, 16), SG)).toBe('2026-12-03T00:00+08:00')
  })
})
