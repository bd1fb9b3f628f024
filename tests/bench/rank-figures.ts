/**
 * Ranking the 100,000 stores for the worklist (issue #10): the dashboard's first worklist window
 * through the IPC handler (`dashboard:worklist`: every store needing action ordered by
 * urgency-rank.ts in SQL, the tier counts, the first 100 rows), all stores and "My stores", each
 * next to the raw read of the check's rows (`check100kRawMs`) just before it, so both see the same
 * machine load.
 */
import type { AppCore } from '../../electron/core/app-core'
import type { Result } from '../../electron/shared/result'
import type { WorklistPage } from '../../electron/shared/monitoring'
import { median } from './stats'

const RANK_RUNS = 7

export interface RankFigures {
  rank100kMs: number
  rank100kRawMs: number
  rank100kRatio: number
  /** Stores the ranking ordered (those needing action). */
  rank100kRows: number
  rank100kMineMs: number
  rank100kMineRatio: number
}

async function worklistWindow(core: AppCore): Promise<WorklistPage> {
  const result = (await core.dispatcher.dispatch('dashboard:worklist', { offset: 0, limit: 100 }, { emit: () => {} })) as Result<WorklistPage>
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function timedPairs(core: AppCore, readRaw: () => number): Promise<{ rank: number[]; raw: number[]; rows: number }> {
  const rank: number[] = []
  const raw: number[] = []
  let rows = 0
  for (let i = 0; i < RANK_RUNS; i++) {
    const a = performance.now()
    readRaw()
    const b = performance.now()
    const page = await worklistWindow(core)
    const c = performance.now()
    if (page.items.length === 0) throw new Error('the worklist ranked no store')
    rows = page.total
    raw.push(b - a)
    rank.push(c - b)
  }
  return { rank, raw, rows }
}

export async function rankFigures(core: AppCore, readRaw: () => number): Promise<RankFigures> {
  const all = await timedPairs(core, readRaw)
  // "My stores": the seeded owners are "KAM 0" … "KAM 6"; one in seven is the KAM's.
  core.settings.save({ ...core.settings.get(), you: { name: 'kam 3', remindersFor: 'all' } })
  core.monitoring.setDashboardScope('mine')
  const mine = await timedPairs(core, readRaw)
  core.monitoring.setDashboardScope('all')
  const ratio = (pairs: { rank: number[]; raw: number[] }) => Number(median(pairs.rank.map((ms, i) => ms / pairs.raw[i]!)).toFixed(2))
  return {
    rank100kMs: Math.round(median(all.rank)),
    rank100kRawMs: Math.round(median(all.raw)),
    rank100kRatio: ratio(all),
    rank100kRows: all.rows,
    rank100kMineMs: Math.round(median(mine.rank)),
    rank100kMineRatio: ratio(mine)
  }
}
