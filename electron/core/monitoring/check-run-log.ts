/** The check runs' own records: how each run ended, and the latest runs for the dashboard. */
import type { RemoteCheckSummary } from '../../shared/lazada'
import type { CheckRunSummary, CheckTrigger } from '../../shared/monitoring'
import type { RemoteResults } from '../lazada-sync/remote-check'
import type { Clock, Logger } from '../ports'
import { messageOf, type CheckStatements } from './check-statements'

type RunRow = [number, CheckTrigger, number, number | null, number, number, number, string, string | null]

export function createCheckRunLog(statements: CheckStatements, clock: Clock, logger: Logger) {
  return {
    /** A run whose transaction rolled back: recorded on its own, with Lazada's answers it had. */
    recordFailure(trigger: CheckTrigger, startedAt: number, error: unknown, remote: RemoteResults | null): CheckRunSummary {
      logger.error('a check run failed', { trigger, error: messageOf(error) })
      const errors = [`The check could not be completed: ${messageOf(error)}.`, ...(remote?.errors ?? [])]
      // Lazada's answers were recorded as they came, before the run: they stay.
      const kept: RemoteCheckSummary | null = remote && remote.summary
      const finishedAt = clock.now()
      const id = Number(statements.failedRun.run(trigger, startedAt, finishedAt, JSON.stringify(errors), kept && JSON.stringify(kept)).lastInsertRowid)
      return { id, trigger, startedAt, finishedAt, storesChecked: 0, statusChanges: 0, remindersFired: 0, errors, remote: kept, cancelled: kept?.state === 'cancelled' }
    },

    /** The latest runs, newest first. */
    recent(limit: number): CheckRunSummary[] {
      return (statements.recent.all(limit) as RunRow[]).map(([id, trigger, startedAt, finishedAt, storesChecked, statusChanges, remindersFired, errors, remote]) => {
        const remoteSummary = remote === null ? null : (JSON.parse(remote) as RemoteCheckSummary)
        const parsed = JSON.parse(errors) as string[]
        return { id, trigger, startedAt, finishedAt, storesChecked, statusChanges, remindersFired, errors: parsed, remote: remoteSummary, cancelled: remoteSummary?.state === 'cancelled' }
      })
    }
  }
}
