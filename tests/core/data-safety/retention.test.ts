import { describe, expect, it } from 'vitest'
import { DEFAULT_RETENTION, describeRetention, planRetention } from '../../../electron/core/data-safety/retention'
import type { RetainedBackup } from '../../../electron/core/data-safety/retention'

const SGT = 'Asia/Singapore'
const DAY = 86_400_000

function daily(at: string): RetainedBackup {
  return { name: `daily ${at}`, takenAt: Date.parse(at), kind: 'daily' }
}

describe('planRetention', () => {
  it('keeps the newest copy of each of the last 7 days and of each of the last 4 weeks (Monday to Sunday)', () => {
    // One a day at 09:00 SGT for 30 days, the last on Wednesday 2 Dec 2026.
    const last = Date.parse('2026-12-02T09:00:00+08:00')
    const backups = Array.from({ length: 30 }, (_, i) => daily(new Date(last - i * DAY).toISOString()))
    const { keep, remove } = planRetention(backups, SGT)
    const kept = [...keep].map(([name, as]) => [new Date(Date.parse(name.slice(6)) + 8 * 3_600_000).toISOString().slice(0, 10), as])
    expect(kept.sort()).toEqual([
      ['2026-11-15', 'weekly'],
      ['2026-11-22', 'weekly'],
      ['2026-11-26', 'daily'],
      ['2026-11-27', 'daily'],
      ['2026-11-28', 'daily'],
      ['2026-11-29', 'daily'],
      ['2026-11-30', 'daily'],
      ['2026-12-01', 'daily'],
      ['2026-12-02', 'daily']
    ])
    expect(remove).toHaveLength(21)
  })

  it('keeps one copy per day in the KAM’s zone: the newest', () => {
    const morning = daily('2026-12-02T01:00:00+08:00') // 1 Dec 17:00 UTC, yet 2 Dec in Singapore
    const noon = daily('2026-12-02T12:00:00+08:00')
    const dayBefore = daily('2026-12-01T12:00:00+08:00')
    const { keep, remove } = planRetention([morning, noon, dayBefore], SGT)
    expect([...keep.keys()]).toEqual([noon.name, dayBefore.name])
    expect(remove).toEqual([morning.name])
  })

  it('keeps the last 5 copies taken before an update and the last 10 taken before actions or on request, apart from the daily ones', () => {
    const at = (i: number) => Date.parse('2026-12-01T00:00:00Z') + i * 60_000
    const migrations = Array.from({ length: 7 }, (_, i) => ({ name: `migration ${i}`, takenAt: at(i), kind: 'before-migration' }))
    const kinds = ['before-delete-store', 'before-import', 'before-restore', 'manual', 'before-bulk-archive']
    const actions = Array.from({ length: 12 }, (_, i) => ({ name: `action ${i}`, takenAt: at(100 + i), kind: kinds[i % kinds.length]! }))
    const days = [daily('2026-11-30T09:00:00Z')]
    const { keep, remove } = planRetention([...migrations, ...actions, ...days], SGT)
    expect(remove.sort()).toEqual(['action 0', 'action 1', 'migration 0', 'migration 1'])
    expect(keep.get('action 11')).toBe('before-import')
    expect(keep.get(days[0]!.name)).toBe('daily')
  })

  it('says the rule in a sentence', () => {
    expect(describeRetention(DEFAULT_RETENTION)).toBe(
      'Storewatch backs up the portfolio every day it runs and keeps the newest copy of each of the last 7 days and of each of the last 4 weeks, ' +
        'plus the last 10 copies taken before deleting, importing or restoring (or on request) and the last 5 taken before an update of Storewatch.'
    )
  })
})
