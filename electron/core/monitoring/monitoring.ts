/**
 * Scheduled checks, reminders and the dashboard (issue #3), wired from their parts: the scheduler
 * (when), the check run (what), the notification centre and snoozes, and the dashboard.
 */
import type { CheckRunSummary, CheckTrigger, Dashboard, ReminderCentre, ReminderCentreFilter, ReminderGroupResult, ReminderItem, ReminderList, Snooze, SnoozeMode, StatusHistory, WorklistPage } from '../../shared/monitoring'
import type { StoreScope } from '../../shared/my-stores'
import type { DatabaseHandle } from '../db/open-database'
import type { WriteHold } from '../import/write-hold'
import type { RemoteCheck, RemoteResults, RemoteTask } from '../lazada-sync/remote-check'
import type { Actor, Broadcast, Clock, Logger, Notifier, Ticker } from '../ports'
import type { History } from '../portfolio/store-history'
import type { SettingsService } from '../settings/settings-service'
import type { StatusService } from '../status/status-service'
import { createTaskRegistry } from '../tasks/task-registry'
import type { TaskRegistry } from '../tasks/task-registry'
import { createCheckRunner } from './check-run'
import { createDashboard } from './dashboard'
import { createReminderCentre } from './reminders'
import { createReminderScope } from './reminder-scope'
import { appMetaScheduleStore } from './schedule-store'
import { createScheduler } from './scheduler'
import { createStatusHistory } from './status-history'

export interface MonitoringDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  /** Who snoozes, for the store's history. */
  actor: Actor
  settings: SettingsService
  status: StatusService
  history: History
  notifier: Notifier
  ticker: Ticker
  broadcast: Broadcast
  /** The KAM's own IANA time zone, for quiet hours. */
  kamTimeZone: () => string
  /** Asks Lazada before each check (when credentials are set up), recording its answers as they come. */
  remote?: RemoteCheck
  /** Where a check shows its progress (default: its own, published as `tasks:progress`). */
  tasks?: TaskRegistry
  /** Taken while an import writes: a check due meanwhile starts once it is let go. */
  writeHold?: WriteHold
  /** Where the dashboard's "All stores / My stores" choice is kept; not kept (all) when absent. */
  dashboardScope?: { get(): StoreScope; save(scope: StoreScope): void }
}

export interface Monitoring {
  /** Checks at once, then on the schedule; idempotent. */
  start(): void
  stop(): void
  /** The computer woke or was unlocked: run if a check is due (or overdue). */
  wake(): void
  /** Runs a check now, or waits for the one running and returns it. */
  runNow(trigger: CheckTrigger): Promise<CheckRunSummary>
  recentRuns(limit: number): CheckRunSummary[]
  nextCheckAt(): number | null
  dashboard(): Dashboard
  /** The dashboard for every store or the KAM's own, remembered. */
  setDashboardScope(scope: StoreScope): Dashboard
  /** One window of the worklist, in the dashboard's scope. */
  worklist(offset: number, limit: number): WorklistPage
  /** The stores an expiry-grid cell counts (a week, one country or all), in the dashboard's scope. */
  expiryStores(from: number, to: number, country: string | null): number[]
  /** Stores by status per day over the last 90 days, from the recorded runs. */
  history(): StatusHistory
  /** Stores in a needs-action status, archived ones excepted: the tray badge. */
  needsActionCount(): number
  reminders: {
    list(options: { unreadOnly: boolean; limit: number }): ReminderList
    markRead(which: { ids: number[] } | { all: true }): ReminderList
    ofStore(storeId: number, limit: number): ReminderItem[]
    snooze(storeId: number, mode: SnoozeMode): Snooze
    unsnooze(storeId: number): void
    snoozeOf(storeId: number): Snooze | null
    /** The centre grouped by run and rung, most urgent first, and its group actions. */
    centre(filter: ReminderCentreFilter, window: { offset: number; limit: number }): ReminderCentre
    markShownRead(filter: ReminderCentreFilter, group?: string): ReminderGroupResult
    snoozeGroup(filter: ReminderCentreFilter, group: string, mode: SnoozeMode): ReminderGroupResult
  }
}

const MINUTE_MS = 60 * 1000

export function createMonitoring(deps: MonitoringDeps): Monitoring {
  const { database, clock, logger, settings } = deps
  const runner = createCheckRunner({ ...deps, unread: () => centre.unread(), narrowDeliveries: createReminderScope(database.sqlite, settings) })
  const centre = createReminderCentre({ ...deps, nextRungAfter: runner.nextRungAfter })
  const scheduler = createScheduler({
    clock,
    ticker: deps.ticker,
    logger,
    store: appMetaScheduleStore(database.sqlite),
    intervalMs: () => settings.get().schedule.checkIntervalMinutes * MINUTE_MS,
    // Single flight: the scheduler runs one check at a time, Lazada's calls included.
    run: checkWithProgress,
    idle: runner.releaseHeld,
    writeHold: deps.writeHold
  })
  const tasks = deps.tasks ?? createTaskRegistry({ clock, publish: (progress) => deps.broadcast('tasks:progress', progress) })
  const history = createStatusHistory(deps)
  let unkeptScope: StoreScope = 'all'
  const board = createDashboard({
    ...deps,
    lastRun: () => runner.recent(1)[0] ?? null,
    nextCheckAt: scheduler.nextCheckAt,
    scope: deps.dashboardScope ?? { get: () => unkeptScope, save: (scope) => {
        unkeptScope = scope
      } }
  })
  let unsubscribe: (() => void) | null = null

  /** A check as a task: Lazada's part shows stores asked of N and can be cancelled; judging is quick. */
  async function checkWithProgress(trigger: CheckTrigger): Promise<CheckRunSummary> {
    const task = tasks.start('check', { label: 'Checking the portfolio', total: null, cancellable: false })
    try {
      const remote = await askLazada(trigger, task)
      task.phase({ label: 'Judging the stores', total: null, cancellable: false })
      const summary = await runner.run(trigger, remote)
      task.end(summary.cancelled ? 'cancelled' : 'done')
      return summary
    } catch (error) {
      task.end('failed')
      throw error
    }
  }

  /** Lazada's answers for a check; a failure here never stops the check itself. */
  async function askLazada(trigger: CheckTrigger, task: RemoteTask): Promise<RemoteResults | null> {
    if (!deps.remote) return null
    try {
      return await deps.remote(trigger, task)
    } catch (error) {
      const message = `Lazada was not asked: ${error instanceof Error ? error.message : String(error)}`.replace(/\.?$/, '.')
      logger.error('the Lazada step of a check failed', { error: message })
      const summary = {
        state: 'failed' as const,
        message,
        asked: 0,
        answered: 0,
        disagreements: 0,
        cannotCheck: 0,
        failures: [],
        tokensRefreshed: 0,
        tokensNeedingAuthorization: 0
      }
      return { summary, errors: [message] }
    }
  }

  return {
    start() {
      if (unsubscribe) return
      // New settings may change every status and the interval: check with them and reschedule.
      unsubscribe = settings.onChange(() => {
        scheduler.rerun('settings').catch((error: unknown) => logger.error('the check after a settings change failed', { error: String(error) }))
      })
      scheduler.start()
    },
    stop() {
      unsubscribe?.()
      unsubscribe = null
      scheduler.stop()
    },
    wake: scheduler.wake,
    runNow: scheduler.runNow,
    recentRuns: runner.recent,
    nextCheckAt: scheduler.nextCheckAt,
    dashboard: board.dashboard,
    setDashboardScope: (scope) => board.setScope(scope),
    worklist: board.worklist,
    expiryStores: board.expiryStores,
    history,
    needsActionCount: board.needsActionCount,
    reminders: {
      list: centre.list,
      markRead: centre.markRead,
      ofStore: centre.ofStore,
      snooze: centre.snooze,
      unsnooze: centre.unsnooze,
      snoozeOf: centre.snoozeOf,
      centre: centre.centre,
      markShownRead: centre.markShownRead,
      snoozeGroup: centre.snoozeGroup
    }
  }
}
