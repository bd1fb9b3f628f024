/**
 * Scheduled checks, reminders and the dashboard (issue #3). Being written: this file holds the
 * interface the rest of the core is wired to.
 */
import type { CheckRunSummary, CheckTrigger, Dashboard, ReminderItem, ReminderList, Snooze, SnoozeMode } from '../../shared/monitoring'
import type { DatabaseHandle } from '../db/open-database'
import { AppError } from '../errors'
import type { Broadcast, Clock, Logger, Notifier, Ticker } from '../ports'
import type { History } from '../portfolio/store-history'
import type { SettingsService } from '../settings/settings-service'
import type { StatusService } from '../status/status-service'

export interface MonitoringDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  settings: SettingsService
  status: StatusService
  history: History
  notifier: Notifier
  ticker: Ticker
  broadcast: Broadcast
  /** The KAM's own IANA time zone, for quiet hours. */
  kamTimeZone: () => string
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
  /** Stores in a needs-action status, archived ones excepted: the tray badge. */
  needsActionCount(): number
  reminders: {
    list(options: { unreadOnly: boolean; limit: number }): ReminderList
    markRead(which: { ids: number[] } | { all: true }): ReminderList
    ofStore(storeId: number, limit: number): ReminderItem[]
    snooze(storeId: number, mode: SnoozeMode): Snooze
    unsnooze(storeId: number): void
    snoozeOf(storeId: number): Snooze | null
  }
}

export function createMonitoring(deps: MonitoringDeps): Monitoring {
  void deps
  const missing = (): never => {
    throw new AppError('internal', 'Scheduled checks are not built yet')
  }
  return {
    start: () => undefined,
    stop: () => undefined,
    wake: () => undefined,
    runNow: missing,
    recentRuns: () => [],
    nextCheckAt: () => null,
    dashboard: missing,
    needsActionCount: () => 0,
    reminders: { list: missing, markRead: missing, ofStore: () => [], snooze: missing, unsnooze: missing, snoozeOf: () => null }
  }
}
