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
import type { CheckRunSummary, CheckTrigger, ReminderState } from '../../shared/monitoring'
import { rulesPolicyOf } from '../../shared/settings'
import type { DeadlineKind, RulesPolicy, StatusVerdict } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import type { RemoteResults } from '../lazada-sync/remote-check'
import type { Broadcast, Clock, Logger, Notifier } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import type { SettingsService } from '../settings/settings-service'
import { evaluateStatus } from '../status/status-rules'
import type { StatusService } from '../status/status-service'
import { deliver } from './delivery'
import type { Delivery } from './delivery'
import { reminderText } from './notification-text'
import type { NotificationText } from './notification-text'
import { createPortfolioScan } from './portfolio-scan'
import type { ScannedStore, StoredVerdict } from './portfolio-scan'
import { inQuietHours } from './quiet-hours'
import { newRungs, settleHeld } from './reminder-ladder'
import type { Deadline, HeldReminder, NewRung } from './reminder-ladder'
import { assertReadable, countryCalendars, nextEventAfter, statusFacts, storeDeadlines, verdictMayDiffer } from './store-deadlines'
import type { CountryCalendar } from './store-deadlines'
import { writeTransaction } from '../db/write-transaction'
import type { NarrowDeliveries } from './reminder-scope'

/** Stored on a reminder handed to the OS until the OS answers; it stays if the app stops first. */
const NOT_SHOWN_YET = 'Not shown: Storewatch closed before handing it to the system.'

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

type Judged = Pick<StatusVerdict, 'status' | 'deadline' | 'deadlineKind'>

/** What a check decided for one store, to write. */
interface StoreWork {
  store: ScannedStore
  calendar: CountryCalendar
  /** A verdict to store (new, or different from the stored one). */
  write: StatusVerdict | null
  /** The stored verdict was confirmed at a later instant. */
  touch: boolean
  rungs: NewRung[]
  release: HeldReminder[]
  drop: HeldReminder[]
  holding: boolean
}

/**
 * What a check learnt about a store: its records' fingerprint, when it was last looked at in full,
 * and the first instant after that when anything can happen to it with the same records.
 */
interface StoreMemo {
  fingerprint: number
  at: number
  until: number
  /** The last run that read the store (to forget deleted stores). */
  seenBy: number
}

interface Totals {
  statusChanges: number
  remindersFired: number
  deliveries: Delivery[]
  errors: string[]
}

const NOTHING_HELD: { release: HeldReminder[]; drop: HeldReminder[] } = { release: [], drop: [] }

interface PolicyInUse {
  policy: RulesPolicy
  /** It differs from the policy this process judged with last: every store is judged again. */
  changed: boolean
}

interface Names {
  clientName: string
  storeName: string
  country: string
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
}

function judgedFrom(stored: StoredVerdict | null): Judged {
  return stored ? { status: stored.status, deadline: stored.deadlineAt, deadlineKind: stored.deadlineKind } : { status: 'unknown', deadline: null, deadlineKind: null }
}

export function createCheckRunner(deps: CheckRunnerDeps) {
  const { sqlite } = deps.database
  const scanAll = createPortfolioScan(sqlite, 'all')
  const scanHeld = createPortfolioScan(sqlite, 'held')
  const scanOne = createPortfolioScan(sqlite, 'one')
  const statements = {
    startRun: sqlite.prepare('INSERT INTO check_runs (trigger, started_at) VALUES (?, ?)'),
    finishRun: sqlite.prepare(
      'UPDATE check_runs SET finished_at = ?, stores_checked = ?, status_changes = ?, reminders_fired = ?, errors = ?, remote = ?, status_counts = ? WHERE id = ?'
    ),
    // As the dashboard counts them: archived stores apart, a store without a verdict yet unknown.
    statusCounts: sqlite
      .prepare(
        `SELECT COALESCE(ss.status, 'unknown'), count(*) FROM stores s LEFT JOIN store_status ss ON ss.store_id = s.id
         WHERE s.archived_at IS NULL GROUP BY 1`
      )
      .raw(),
    failedRun: sqlite.prepare('INSERT INTO check_runs (trigger, started_at, finished_at, errors, remote) VALUES (?, ?, ?, ?, ?)'),
    recent: sqlite
      .prepare('SELECT id, trigger, started_at, finished_at, stores_checked, status_changes, reminders_fired, errors, remote FROM check_runs ORDER BY id DESC LIMIT ?')
      .raw(),
    names: sqlite.prepare('SELECT client_name, store_name, country FROM stores WHERE id = ?').raw(),
    storedTexts: sqlite.prepare('SELECT reason, next_action FROM store_status WHERE store_id = ?').raw(),
    touchStatus: sqlite.prepare('UPDATE store_status SET computed_at = ? WHERE store_id = ?'),
    recordedRungs: sqlite.prepare('SELECT rung_days FROM reminders WHERE store_id = ? AND deadline_kind = ? AND deadline_at = ?').pluck(),
    held: sqlite.prepare("SELECT id, store_id, deadline_kind, deadline_at, rung_days FROM reminders WHERE state = 'held'").raw(),
    heldCount: sqlite.prepare("SELECT count(*) FROM reminders WHERE state = 'held'").pluck(),
    snoozes: sqlite.prepare('SELECT store_id, until FROM reminder_snoozes WHERE until > ?').raw(),
    insertReminder: sqlite.prepare(
      `INSERT INTO reminders (store_id, deadline_kind, deadline_at, rung_days, due_at, state, title, body, fired_at, run_id, delivery_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
    ),
    release: sqlite.prepare("UPDATE reminders SET state = 'failed', title = ?, body = ?, delivery_error = ? WHERE id = ?"),
    drop: sqlite.prepare("UPDATE reminders SET state = 'skipped' WHERE id = ?"),
    delivered: sqlite.prepare("UPDATE reminders SET state = 'delivered', delivered_at = ?, delivery_error = NULL WHERE id IN (SELECT value FROM json_each(?))"),
    failed: sqlite.prepare("UPDATE reminders SET state = 'failed', delivery_error = ? WHERE id IN (SELECT value FROM json_each(?))"),
    muted: sqlite.prepare("UPDATE reminders SET state = 'muted', delivery_error = NULL WHERE id IN (SELECT value FROM json_each(?))")
  }

  // What the checks of this process saw, as of the last completed one: each store's memo, and the
  // policy and ladder they used. A run changes memos in place and undoes that if it rolls back.
  const memos = new Map<number, StoreMemo>()
  let memoUndo: [number, StoreMemo | undefined][] = []
  let judgedPolicy: string | null = null
  let judgedLadder: string | null = null

  function remember(storeId: number, memo: StoreMemo | undefined): void {
    memoUndo.push([storeId, memos.get(storeId)])
    if (memo) memos.set(storeId, memo)
    else memos.delete(storeId)
  }

  function namesOf(storeId: number): Names {
    const [clientName, storeName, country] = statements.names.get(storeId) as [string, string, string]
    return { clientName, storeName, country }
  }

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

  /** The stored verdict if the rules still give it, else the fresh one (to write if it differs). */
  function judge(store: ScannedStore, calendar: CountryCalendar, sameRecords: boolean, policy: PolicyInUse, now: number) {
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

  /** Writes one store's decisions (inside the run's transaction); returns what to show. */
  function apply(work: StoreWork, runId: number | null, now: number): { changed: boolean; fired: number; deliveries: Delivery[] } {
    const { store, calendar } = work
    const changed = work.write ? deps.status.record(store.id, work.write, store.stored?.status ?? null, now) : false
    if (work.touch) statements.touchStatus.run(now, store.id)
    if (work.rungs.length === 0 && work.release.length === 0 && work.drop.length === 0) return { changed, fired: 0, deliveries: [] }

    const names = namesOf(store.id)
    const said = new Map<Deadline | HeldReminder, { daysLeft: number; text: NotificationText }>()
    const say = (key: Deadline | HeldReminder, kind: DeadlineKind, deadline: number) => {
      let entry = said.get(key)
      if (!entry) {
        const daysLeft = calendar.days.daysLeft(deadline, now)
        entry = { daysLeft, text: reminderText({ storeName: names.storeName, country: names.country, kind, deadline, daysLeft }, now) }
        said.set(key, entry)
      }
      return entry
    }
    const deliveries: Delivery[] = []
    const show = (reminderId: number, deadline: number, entry: { daysLeft: number; text: NotificationText }) =>
      deliveries.push({ reminderId, storeId: store.id, storeName: names.storeName, country: names.country, daysLeft: entry.daysLeft, passed: now >= deadline, ...entry.text })

    let fired = 0
    for (const rung of work.rungs) {
      const { kind, at } = rung.deadline
      const entry = say(rung.deadline, kind, at)
      const state: ReminderState = rung.state === 'skipped' ? 'skipped' : work.holding ? 'held' : 'failed'
      const dueAt = calendar.days.rungDueAt(at, rung.rungDays)
      const note = state === 'failed' ? NOT_SHOWN_YET : null
      const inserted = statements.insertReminder.run(store.id, kind, at, rung.rungDays, dueAt, state, entry.text.title, entry.text.body, now, runId, note)
      if (inserted.changes === 0 || rung.state === 'skipped') continue
      fired++
      if (state === 'failed') show(Number(inserted.lastInsertRowid), at, entry)
    }
    for (const held of work.release) {
      // Said again as of now: the hold may have lasted hours.
      const entry = say(held, held.kind, held.deadlineAt)
      statements.release.run(entry.text.title, entry.text.body, NOT_SHOWN_YET, held.id)
      show(held.id, held.deadlineAt, entry)
    }
    for (const held of work.drop) statements.drop.run(held.id)
    return { changed, fired, deliveries }
  }

  function labelOf(storeId: number): string {
    try {
      return `${storeLabel(namesOf(storeId))} (#${storeId})`
    } catch {
      return `Store #${storeId}`
    }
  }

  /**
   * Applies a store's work in its own savepoint, so one store's failure leaves the others and no
   * half of its own. A single statement is atomic by itself and needs none (most stores' work).
   */
  function applyOne(work: StoreWork, runId: number | null, now: number, totals: Totals): boolean {
    const statementCount = (work.write ? 2 : 0) + (work.touch ? 1 : 0) + work.rungs.length + work.release.length + work.drop.length
    try {
      const result = statementCount <= 1 ? apply(work, runId, now) : writeTransaction(sqlite, () => apply(work, runId, now))
      if (result.changed) totals.statusChanges++
      totals.remindersFired += result.fired
      totals.deliveries.push(...result.deliveries)
      return true
    } catch (error) {
      totals.errors.push(`Could not check ${labelOf(work.store.id)}: ${messageOf(error)}.`)
      deps.logger.warn('a store could not be checked', { storeId: work.store.id, error: messageOf(error) })
      return false
    }
  }

  async function deliverAll(all: Delivery[]): Promise<void> {
    if (all.length === 0) return
    const { shown: deliveries, muted } = deps.narrowDeliveries?.(all) ?? { shown: all, muted: [] }
    const outcomes = deliveries.length ? await deliver(deps.notifier, deliveries) : []
    const at = deps.clock.now()
    try {
      writeTransaction(sqlite, () => {
        if (muted.length) statements.muted.run(JSON.stringify(muted))
        for (const { reminderIds, outcome } of outcomes) {
          if (outcome.delivered) statements.delivered.run(at, JSON.stringify(reminderIds))
          else statements.failed.run(outcome.error, JSON.stringify(reminderIds))
        }
      })
    } catch (error) {
      deps.logger.error('could not store notification outcomes', { error: messageOf(error) })
    }
    for (const { reminderIds, outcome } of outcomes) {
      if (!outcome.delivered) deps.logger.warn('the OS did not show a notification; its reminders stay in the notification centre', { error: outcome.error, reminders: reminderIds.length })
    }
  }

  function checkAll(trigger: CheckTrigger, now: number, remote: RemoteResults | null) {
    const settings = deps.settings.get()
    // Unticking a published country (Settings → Integrator) changes the rules' policy too.
    const rulesPolicy = rulesPolicyOf(settings)
    const policyKey = JSON.stringify(rulesPolicy)
    const policy: PolicyInUse = { policy: rulesPolicy, changed: policyKey !== judgedPolicy }
    const ladder = settings.reminders.ladderDays
    const ladderKey = ladder.join(',')
    const steady = !policy.changed && ladderKey === judgedLadder
    const quiet = inQuietHours(now, settings.reminders.quietHours, deps.kamTimeZone())
    const snoozed = snoozedUntil(now)
    const held = heldByStore()
    const calendarOf = countryCalendars(settings.policy)
    const runId = Number(statements.startRun.run(trigger, now).lastInsertRowid)
    const totals: Totals = { statusChanges: 0, remindersFired: 0, deliveries: [], errors: [...(remote?.errors ?? [])] }
    memoUndo = []
    // Lazada's answers are recorded already (as they came): the stores are judged with them.
    const remoteSummary: RemoteCheckSummary | null = remote ? remote.summary : null

    // Same records, and no verdict change nor rung due before memo.until: nothing to do.
    const unchanged = (storeId: number, fingerprint: number) => {
      const memo = memos.get(storeId)
      if (!steady || memo === undefined || memo.fingerprint !== fingerprint || memo.at > now || now >= memo.until || held.has(storeId)) return false
      memo.seenBy = runId
      return true
    }

    const storesChecked = scanAll(
      (store) => {
        try {
          const memo = memos.get(store.id)
          const seen = memo !== undefined && memo.fingerprint === store.fingerprint && memo.at <= now && store.stored !== null
          const calendar = calendarOf(store.country)
          const { judged, again, write, touch } = judge(store, calendar, seen, policy, now)
          const deadlines = storeDeadlines(store, judged, now)
          const { days } = calendar
          const since = seen && steady && !again ? memo.at : null
          const rungs = newRungs(
            deadlines,
            ladder,
            (deadline) => days.daysLeft(deadline, now),
            (d) => statements.recordedRungs.all(store.id, d.kind, d.at) as number[],
            since === null ? undefined : (deadline) => days.daysLeft(deadline, since)
          )
          const holding = quiet || (snoozed.get(store.id) ?? 0) > now
          const heldHere = held.get(store.id)
          const { release, drop } = heldHere ? settleHeld(heldHere, deadlines, holding, rungs) : NOTHING_HELD
          const work = { store, calendar, write, touch, rungs, release, drop, holding }
          const applied = !(write || touch || rungs.length || release.length || drop.length) || applyOne(work, runId, now, totals)
          const until = nextEventAfter(store, calendar, settings.policy, deadlines, ladder, now)
          remember(store.id, applied ? { fingerprint: store.fingerprint, at: now, until, seenBy: runId } : undefined)
        } catch (error) {
          remember(store.id, undefined)
          totals.errors.push(`Could not check ${labelOf(store.id)}: ${messageOf(error)}.`)
          deps.logger.warn('a store could not be checked', { storeId: store.id, error: messageOf(error) })
        }
      },
      { skip: unchanged }
    )
    // Forget deleted stores.
    if (memos.size > storesChecked) for (const [storeId, memo] of memos) if (memo.seenBy !== runId) memos.delete(storeId)

    const finishedAt = deps.clock.now()
    const { statusChanges, remindersFired, errors } = totals
    const counts = JSON.stringify(Object.fromEntries(statements.statusCounts.all() as [string, number][]))
    statements.finishRun.run(finishedAt, storesChecked, statusChanges, remindersFired, JSON.stringify(errors), remoteSummary && JSON.stringify(remoteSummary), counts, runId)
    const cancelled = remoteSummary?.state === 'cancelled'
    const summary: CheckRunSummary = { id: runId, trigger, startedAt: now, finishedAt, storesChecked, statusChanges, remindersFired, errors, remote: remoteSummary, cancelled }
    return { summary, deliveries: totals.deliveries, judged: { policy: policyKey, ladder: ladderKey } }
  }

  function recordFailure(trigger: CheckTrigger, startedAt: number, error: unknown, remote: RemoteResults | null): CheckRunSummary {
    deps.logger.error('a check run failed', { trigger, error: messageOf(error) })
    const errors = [`The check could not be completed: ${messageOf(error)}.`, ...(remote?.errors ?? [])]
    // Lazada's answers were recorded as they came, before the run: they stay.
    const kept: RemoteCheckSummary | null = remote && remote.summary
    const finishedAt = deps.clock.now()
    const id = Number(statements.failedRun.run(trigger, startedAt, finishedAt, JSON.stringify(errors), kept && JSON.stringify(kept)).lastInsertRowid)
    return { id, trigger, startedAt, finishedAt, storesChecked: 0, statusChanges: 0, remindersFired: 0, errors, remote: kept, cancelled: kept?.state === 'cancelled' }
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
        for (const [storeId, memo] of memoUndo.reverse()) {
          if (memo) memos.set(storeId, memo)
          else memos.delete(storeId)
        }
        const summary = recordFailure(trigger, startedAt, error, remote)
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
      const totals: Totals = { statusChanges: 0, remindersFired: 0, deliveries: [], errors: [] }
      let settled = 0
      writeTransaction(sqlite, () => {
        scanHeld((store) => {
          const holding = (snoozed.get(store.id) ?? 0) > now
          const { release, drop } = settleHeld(held.get(store.id) ?? [], storeDeadlines(store, judgedFrom(store.stored), now), holding, [])
          if (release.length === 0 && drop.length === 0) return
          const work = { store, calendar: calendarOf(store.country), write: null, touch: false, rungs: [], release, drop, holding }
          if (applyOne(work, null, now, totals)) settled++
        })
      })
      for (const error of totals.errors) deps.logger.warn('held reminders could not be settled', { error })
      await deliverAll(totals.deliveries)
      if (settled > 0) deps.broadcast('reminders:changed', { unread: deps.unread() })
    },

    /** The latest runs, newest first. */
    recent(limit: number): CheckRunSummary[] {
      type RunRow = [number, CheckTrigger, number, number | null, number, number, number, string, string | null]
      return (statements.recent.all(limit) as RunRow[]).map(([id, trigger, startedAt, finishedAt, storesChecked, statusChanges, remindersFired, errors, remote]) => {
        const remoteSummary = remote === null ? null : (JSON.parse(remote) as RemoteCheckSummary)
        const parsed = JSON.parse(errors) as string[]
        return { id, trigger, startedAt, finishedAt, storesChecked, statusChanges, remindersFired, errors: parsed, remote: remoteSummary, cancelled: remoteSummary?.state === 'cancelled' }
      })
    },

    /** When the store's next reminder rung comes due after `now`, if any. */
    nextRungAfter(storeId: number, now: number): number | null {
      const settings = deps.settings.get()
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
  }
}

function sameTexts(stored: [string, string | null] | undefined, fresh: StatusVerdict): boolean {
  return stored !== undefined && stored[0] === fresh.reason && (stored[1] ?? 'null') === JSON.stringify(fresh.nextAction)
}
