/**
 * One check of the whole portfolio. Statuses, reminder decisions and the run record are written in
 * one transaction; notifications go out after the commit, and their outcomes are stored on the
 * reminders. Also releases held reminders between checks, once quiet hours or a snooze end.
 *
 * The rules cost ~0.1 ms a store (luxon formatting), so after the first check in a process a store
 * is judged again only when its records changed since the last check, the policy changed, or "now"
 * has passed one of the instants its verdict depends on (`verdictMayDiffer`); otherwise its stored
 * verdict is the one the rules would give. Likewise a store whose records are unchanged is skipped
 * until the next instant its verdict or a reminder rung can change (`nextEventAfter`).
 */
import type { RemoteCheckSummary } from '../../shared/lazada'
import type { CheckRunSummary, CheckTrigger } from '../../shared/monitoring'
import { rulesPolicyOf, type AppSettings } from '../../shared/settings'
import type { DeadlineKind, RulesPolicy, StatusVerdict } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import type { RemoteResults } from '../lazada-sync/remote-check'
import type { Broadcast, Clock, Logger, Notifier } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import { evaluateStatus } from '../status/status-rules'
import type { StatusService } from '../status/status-service'
import { createCheckMemos } from './check-memos'
import { createCheckRunLog } from './check-run-log'
import { prepareCheckStatements, type CheckStatements } from './check-statements'
import { createDeliverAll } from './delivery-outcomes'
import { createPortfolioScan } from './portfolio-scan'
import type { ScannedStore, StoredVerdict } from './portfolio-scan'
import { inQuietHours } from './quiet-hours'
import { newRungs, settleHeld } from './reminder-ladder'
import type { HeldReminder } from './reminder-ladder'
import type { NarrowDeliveries } from './reminder-scope'
import { assertReadable, countryCalendars, nextEventAfter, statusFacts, storeDeadlines, verdictMayDiffer } from './store-deadlines'
import type { CountryCalendar } from './store-deadlines'
import { createStoreWorkWriter, emptyTotals, hasWrites, type Totals } from './store-work'

export interface CheckRunnerDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  settings: Pick<SettingsService, 'get'>
  status: Pick<StatusService, 'record'>
  notifier: Notifier
  broadcast: Broadcast
  kamTimeZone: () => string
  /** Unread reminders in the notification centre. */
  unread: () => number
  /** Which reminders reach the OS ("Remind me only about my stores"); all when absent. */
  narrowDeliveries?: NarrowDeliveries
}

type PortfolioScan = ReturnType<typeof createPortfolioScan>

type Judged = Pick<StatusVerdict, 'status' | 'deadline' | 'deadlineKind'>

const NOTHING_HELD: { release: HeldReminder[]; drop: HeldReminder[] } = { release: [], drop: [] }

interface PolicyInUse {
  policy: RulesPolicy
  /** It differs from the policy this process judged with last: every store is judged again. */
  changed: boolean
}

function judgedFrom(stored: StoredVerdict | null): Judged {
  return stored ? { status: stored.status, deadline: stored.deadlineAt, deadlineKind: stored.deadlineKind } : { status: 'unknown', deadline: null, deadlineKind: null }
}

function sameTexts(stored: [string, string | null] | undefined, fresh: StatusVerdict): boolean {
  return stored !== undefined && stored[0] === fresh.reason && (stored[1] ?? 'null') === JSON.stringify(fresh.nextAction)
}

/** The stored verdict if the rules still give it, else the fresh one (to write if it differs). */
function judge(statements: CheckStatements, store: ScannedStore, calendar: CountryCalendar, sameRecords: boolean, policy: PolicyInUse, now: number) {
  const { stored } = store
  // Unreadable records (a damaged database) are refused before any date maths is done on them.
  assertReadable(store)
  const moved = stored !== null && verdictMayDiffer(store, calendar, policy.policy, stored.computedAt, now)
  if (!policy.changed && !moved && stored !== null && sameRecords) {
    return { judged: judgedFrom(stored), again: false, write: null, touch: false }
  }
  const fresh = evaluateStatus(statusFacts(store), policy.policy, now)
  const same =
    stored !== null &&
    stored.status === fresh.status &&
    stored.deadlineAt === fresh.deadline &&
    stored.deadlineKind === fresh.deadlineKind &&
    sameTexts(statements.storedTexts.get(store.id) as [string, string | null] | undefined, fresh)
  // A verdict judged again and unchanged still moves computed_at, so it is not judged again.
  return { judged: fresh as Judged, again: true, write: same ? null : fresh, touch: same && moved }
}

/** When the store's next reminder rung comes due after `now`, if any. */
function nextRungAfter(scanOne: PortfolioScan, settings: AppSettings, storeId: number, now: number): number | null {
  const calendarOf = countryCalendars(settings.policy)
  let next: number | null = null
  scanOne((store) => {
    const calendar = calendarOf(store.country)
    for (const deadline of storeDeadlines(store, judgedFrom(store.stored), now)) {
      for (const days of settings.reminders.ladderDays) {
        const due = calendar.days.rungDueAt(deadline.at, days)
        if (due > now && (next === null || due < next)) next = due
      }
    }
  }, { storeId })
  return next
}

export function createCheckRunner(deps: CheckRunnerDeps) {
  const { sqlite } = deps.database
  const scanAll = createPortfolioScan(sqlite, 'all')
  const scanHeld = createPortfolioScan(sqlite, 'held')
  const scanOne = createPortfolioScan(sqlite, 'one')
  const statements = prepareCheckStatements(sqlite)
  const writer = createStoreWorkWriter({ sqlite, statements, status: deps.status, logger: deps.logger })
  const deliverAll = createDeliverAll({ sqlite, statements, notifier: deps.notifier, clock: deps.clock, logger: deps.logger, narrowDeliveries: deps.narrowDeliveries })
  const runLog = createCheckRunLog(statements, deps.clock, deps.logger)
  const memos = createCheckMemos()
  // The policy and ladder the checks of this process used, as of the last completed one.
  let judgedPolicy: string | null = null
  let judgedLadder: string | null = null

  function snoozedUntil(now: number): Map<number, number> {
    return new Map(statements.snoozes.all(now) as [number, number][])
  }

  function heldByStore(): Map<number, HeldReminder[]> {
    const byStore = new Map<number, HeldReminder[]>()
    for (const [id, storeId, kind, deadlineAt, rungDays] of statements.held.all() as [number, number, DeadlineKind, number, number][]) {
      const list = byStore.get(storeId) ?? []
      list.push({ id, kind, deadlineAt, rungDays })
      byStore.set(storeId, list)
    }
    return byStore
  }

  /** What one run knows before it looks at any store. */
  function runContext(now: number) {
    const settings = deps.settings.get()
    // Unticking a published country (Settings → Integrator) changes the rules' policy too.
    const rulesPolicy = rulesPolicyOf(settings)
    const policyKey = JSON.stringify(rulesPolicy)
    const policy: PolicyInUse = { policy: rulesPolicy, changed: policyKey !== judgedPolicy }
    const ladder = settings.reminders.ladderDays
    const ladderKey = ladder.join(',')
    return {
      settings,
      policy,
      policyKey,
      ladder,
      ladderKey,
      steady: !policy.changed && ladderKey === judgedLadder,
      quiet: inQuietHours(now, settings.reminders.quietHours, deps.kamTimeZone()),
      snoozed: snoozedUntil(now),
      held: heldByStore(),
      calendarOf: countryCalendars(settings.policy)
    }
  }
  type RunContext = ReturnType<typeof runContext>

  /** Judges one store, writes what that decides, and remembers when to look at it again. */
  function checkStore(store: ScannedStore, run: RunContext, runId: number, now: number, totals: Totals): void {
    try {
      const memo = memos.get(store.id)
      const seen = memo !== undefined && memo.fingerprint === store.fingerprint && memo.at <= now && store.stored !== null
      const calendar = run.calendarOf(store.country)
      const { judged, again, write, touch } = judge(statements, store, calendar, seen, run.policy, now)
      const deadlines = storeDeadlines(store, judged, now)
      const { days } = calendar
      const since = seen && run.steady && !again ? memo.at : null
      const rungs = newRungs(
        deadlines,
        run.ladder,
        (deadline) => days.daysLeft(deadline, now),
        (d) => statements.recordedRungs.all(store.id, d.kind, d.at) as number[],
        since === null ? undefined : (deadline) => days.daysLeft(deadline, since)
      )
      const holding = run.quiet || (run.snoozed.get(store.id) ?? 0) > now
      const heldHere = run.held.get(store.id)
      const { release, drop } = heldHere ? settleHeld(heldHere, deadlines, holding, rungs) : NOTHING_HELD
      const work = { store, calendar, write, touch, rungs, release, drop, holding }
      const applied = !hasWrites(work) || writer.applyOne(work, runId, now, totals)
      const until = nextEventAfter(store, calendar, run.settings.policy, deadlines, run.ladder, now)
      memos.remember(store.id, applied ? { fingerprint: store.fingerprint, at: now, until, seenBy: runId } : undefined)
    } catch (error) {
      memos.remember(store.id, undefined)
      writer.failed(store.id, error, totals)
    }
  }

  function checkAll(trigger: CheckTrigger, now: number, remote: RemoteResults | null) {
    const run = runContext(now)
    const runId = Number(statements.startRun.run(trigger, now).lastInsertRowid)
    const totals = emptyTotals([...(remote?.errors ?? [])])
    memos.begin()
    // Lazada's answers are recorded already (as they came): the stores are judged with them.
    const remoteSummary: RemoteCheckSummary | null = remote ? remote.summary : null

    // Same records, and no verdict change nor rung due before memo.until: nothing to do.
    const unchanged = (storeId: number, fingerprint: number) => {
      const memo = memos.get(storeId)
      if (!run.steady || memo === undefined || memo.fingerprint !== fingerprint || memo.at > now || now >= memo.until || run.held.has(storeId)) return false
      memo.seenBy = runId
      return true
    }
    const storesChecked = scanAll((store) => checkStore(store, run, runId, now, totals), { skip: unchanged })
    memos.forgetUnseen(runId, storesChecked)

    const finishedAt = deps.clock.now()
    const { statusChanges, remindersFired, errors } = totals
    const counts = JSON.stringify(Object.fromEntries(statements.statusCounts.all() as [string, number][]))
    statements.finishRun.run(finishedAt, storesChecked, statusChanges, remindersFired, JSON.stringify(errors), remoteSummary && JSON.stringify(remoteSummary), counts, runId)
    const cancelled = remoteSummary?.state === 'cancelled'
    const summary: CheckRunSummary = { id: runId, trigger, startedAt: now, finishedAt, storesChecked, statusChanges, remindersFired, errors, remote: remoteSummary, cancelled }
    return { summary, deliveries: totals.deliveries, judged: { policy: run.policyKey, ladder: run.ladderKey } }
  }

  return {
    /**
     * Checks the portfolio; `remote` says what Lazada was asked and answered (asked before, outside
     * any transaction, its answers already recorded).
     */
    async run(trigger: CheckTrigger, remote: RemoteResults | null = null): Promise<CheckRunSummary> {
      const startedAt = deps.clock.now()
      let result: ReturnType<typeof checkAll>
      try {
        result = writeTransaction(sqlite, () => checkAll(trigger, startedAt, remote))
      } catch (error) {
        memos.rollBack()
        const summary = runLog.recordFailure(trigger, startedAt, error, remote)
        deps.broadcast('checks:completed', summary)
        return summary
      }
      ;({ policy: judgedPolicy, ladder: judgedLadder } = result.judged)
      await deliverAll(result.deliveries)
      deps.broadcast('checks:completed', result.summary)
      deps.broadcast('reminders:changed', { unread: deps.unread() })
      return result.summary
    },

    /** Delivers held reminders whose quiet hours or snooze ended (between checks). */
    async releaseHeld(): Promise<void> {
      if (statements.heldCount.get() === 0) return
      const now = deps.clock.now()
      const settings = deps.settings.get()
      if (inQuietHours(now, settings.reminders.quietHours, deps.kamTimeZone())) return
      const calendarOf = countryCalendars(settings.policy)
      const snoozed = snoozedUntil(now)
      const held = heldByStore()
      const totals = emptyTotals()
      let settled = 0
      writeTransaction(sqlite, () => {
        scanHeld((store) => {
          const holding = (snoozed.get(store.id) ?? 0) > now
          const { release, drop } = settleHeld(held.get(store.id) ?? [], storeDeadlines(store, judgedFrom(store.stored), now), holding, [])
          if (release.length === 0 && drop.length === 0) return
          const work = { store, calendar: calendarOf(store.country), write: null, touch: false, rungs: [], release, drop, holding }
          if (writer.applyOne(work, null, now, totals)) settled++
        })
      })
      for (const error of totals.errors) deps.logger.warn('held reminders could not be settled', { error })
      await deliverAll(totals.deliveries)
      if (settled > 0) deps.broadcast('reminders:changed', { unread: deps.unread() })
    },

    recent: runLog.recent,

    /** When the store's next reminder rung comes due after `now`, if any. */
    nextRungAfter: (storeId: number, now: number): number | null => nextRungAfter(scanOne, deps.settings.get(), storeId, now)
  }
}
