/**
 * How the portfolio moved (issue #10, the 90-day chart): stores by status per day, from the counts
 * each check run recorded when it finished (`check_runs.status_counts`). A day's counts are those
 * of its last run; a day without a run carries the last known counts (marked `recorded: false`),
 * and the series starts at the first day with known counts. Days are the KAM's calendar days.
 */
import { DateTime } from 'luxon'
import type { StatusHistory, StatusHistoryDay } from '../../shared/monitoring'
import { STORE_STATUSES } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import type { Clock } from '../ports'

export const HISTORY_DAYS = 90

export interface StatusHistoryDeps {
  database: DatabaseHandle
  clock: Clock
  kamTimeZone: () => string
}

type Counts = Record<StoreStatus, number>

/** Every status, 0 where the run counted none; unknown keys (a damaged row) are left out. */
function countsOf(json: string): Counts {
  const counts = Object.fromEntries(STORE_STATUSES.map((status) => [status, 0])) as Counts
  const parsed = JSON.parse(json) as Record<string, unknown>
  for (const status of STORE_STATUSES) {
    const value = parsed[status]
    if (typeof value === 'number' && Number.isFinite(value)) counts[status] = value
  }
  return counts
}

export function createStatusHistory(deps: StatusHistoryDeps) {
  const { sqlite } = deps.database
  const statements = {
    inWindow: sqlite
      .prepare('SELECT finished_at, status_counts FROM check_runs WHERE status_counts IS NOT NULL AND finished_at >= ? ORDER BY finished_at, id')
      .raw(),
    before: sqlite
      .prepare('SELECT status_counts FROM check_runs WHERE status_counts IS NOT NULL AND finished_at < ? ORDER BY finished_at DESC, id DESC LIMIT 1')
      .pluck()
  }

  return function history(): StatusHistory {
    const timeZone = deps.kamTimeZone()
    const today = DateTime.fromMillis(deps.clock.now(), { zone: timeZone }).startOf('day')
    const first = today.minus({ days: HISTORY_DAYS - 1 })
    const byDay = new Map<string, Counts>()
    for (const [finishedAt, json] of statements.inWindow.all(first.toMillis()) as [number, string][]) {
      // Later runs of the same day replace earlier ones: the day's last word.
      byDay.set(DateTime.fromMillis(finishedAt, { zone: timeZone }).toISODate()!, countsOf(json))
    }
    const earlier = statements.before.get(first.toMillis()) as string | undefined
    let known: Counts | null = earlier === undefined ? null : countsOf(earlier)
    const days: StatusHistoryDay[] = []
    for (let day = first; day <= today; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!
      const recorded = byDay.get(date)
      if (recorded) known = recorded
      if (known) days.push({ date, counts: known, recorded: recorded !== undefined })
    }
    return { days, recordedDays: byDay.size, windowDays: HISTORY_DAYS, timeZone }
  }
}
