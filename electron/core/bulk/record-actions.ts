/**
 * Bulk actions through the services that already do them for one store — the checklist start,
 * the records (authorization, reconnect) with their validations, history and checklist evidence —
 * plus the reminder snooze, whose semantics (one hold per store, "Reminders snoozed until" in the
 * history) it shares with the notification centre. Callers hold the one transaction; each store's
 * call nests in it as a savepoint.
 */
import type { BulkAction } from '../../shared/bulk'
import type { FieldChange } from '../../shared/portfolio'
import type { ChecklistService } from '../checklists/checklist-service'
import { AppError } from '../errors'
import type { History, HistoryNote } from '../portfolio/store-history'
import type { RecordsService } from '../records/records-service'
import { formatLocal } from '../status/calendar'
import { ID_LIST, leaveUnchanged, newOutcome } from './bulk-types'
import type { BulkDb, BulkOutcome, BulkPrior } from './bulk-types'

type RecordAction = Extract<BulkAction, { kind: 'snooze' | 'start-checklist' | 'mark-reconnected' | 'record-authorization' }>

export interface RecordActionDeps {
  database: BulkDb
  history: History
  records: Pick<RecordsService, 'recordAuthorization' | 'markReconnected'>
  checklists: Pick<ChecklistService, 'start'>
  kamTimeZone: () => string
}

export interface RecordActionContext {
  ids: number[]
  at: number
  actor: string
  /** The snooze's end, worked out from the action and now. */
  snoozeUntil: number | null
  note: (summary: string, kind: HistoryNote['kind']) => HistoryNote
}

/** Why a store was left alone, when the service refused it (its own message, shortened to a reason). */
function refusal(error: unknown): string {
  if (!(error instanceof AppError) || error.code === 'not-found') throw error
  return error.message
}

export function createRecordActions({ database, history, records, checklists, kamTimeZone }: RecordActionDeps) {
  const { sqlite } = database
  const statements = {
    stores: sqlite.prepare(`SELECT id, country, archived_at FROM stores WHERE id IN ${ID_LIST} ORDER BY id`).raw(),
    snoozes: sqlite.prepare(`SELECT store_id, until, created_at FROM reminder_snoozes WHERE store_id IN ${ID_LIST}`).raw(),
    snooze: sqlite.prepare(
      `INSERT INTO reminder_snoozes (store_id, until, created_at) SELECT value, ?, ? FROM json_each(?) WHERE true
       ON CONFLICT (store_id) DO UPDATE SET until = excluded.until, created_at = excluded.created_at`
    ),
    latestAuthorization: sqlite
      .prepare('SELECT id, authorized_at, reconnected_at FROM authorizations WHERE store_id = ? ORDER BY authorized_at DESC, id DESC LIMIT 1')
      .raw(),
    sameAuthorization: sqlite.prepare('SELECT 1 FROM authorizations WHERE store_id = ? AND authorized_at = ? AND reconnected_at IS NOT NULL').pluck(),
    openSteps: sqlite
      .prepare(
        `SELECT s.id FROM checklist_run_steps s JOIN checklist_runs r ON r.id = s.run_id
         WHERE r.status = 'open' AND s.done_at IS NULL AND r.store_id IN ${ID_LIST}`
      )
      .pluck(),
    doneSteps: sqlite.prepare(`SELECT id FROM checklist_run_steps WHERE done_at IS NOT NULL AND id IN ${ID_LIST}`).pluck()
  }
  const yourTime = (instant: number) => `${formatLocal(instant, kamTimeZone())} (your time)`

  function storesOf(ids: number[]): { id: number; country: string; archived: boolean }[] {
    return (statements.stores.all(JSON.stringify(ids)) as [number, string, number | null][]).map(([id, country, archivedAt]) => ({
      id,
      country,
      archived: archivedAt !== null
    }))
  }

  function snooze(context: RecordActionContext): BulkOutcome {
    const until = context.snoozeUntil!
    const before = new Map((statements.snoozes.all(JSON.stringify(context.ids)) as [number, number, number][]).map(([id, u, c]) => [id, { until: u, createdAt: c }]))
    const values: [number, number | null, number | null][] = []
    const outcome = newOutcome({ kind: 'snooze', values })
    const entries: { storeId: number; changes: FieldChange[] }[] = []
    for (const store of storesOf(context.ids)) {
      const held = before.get(store.id)
      if (store.archived) leaveUnchanged(outcome, 'archived: an archived store never reminds', store.id)
      else if (held && held.until >= until) leaveUnchanged(outcome, 'already snoozed until then or later', store.id)
      else {
        values.push([store.id, held?.until ?? null, held?.createdAt ?? null])
        outcome.changed.push(store.id)
        const was = held && held.until > context.at ? yourTime(held.until) : null
        entries.push({ storeId: store.id, changes: [{ field: 'snoozedUntil', label: 'Reminders snoozed until', before: was, after: yourTime(until) }] })
      }
    }
    if (outcome.changed.length) statements.snooze.run(until, context.at, JSON.stringify(outcome.changed))
    history.addMany(entries, context.note(`Reminders snoozed until ${yourTime(until)}`, 'snoozed'), context.at, context.actor)
    return outcome
  }

  function startChecklist(action: Extract<RecordAction, { kind: 'start-checklist' }>, context: RecordActionContext): BulkOutcome {
    const runs: [number, number][] = []
    const outcome = newOutcome({ kind: 'checklist', runs })
    for (const store of storesOf(context.ids)) {
      if (store.archived) {
        leaveUnchanged(outcome, 'archived: restore it first', store.id)
        continue
      }
      try {
        runs.push([store.id, checklists.start(store.id, action.playbook).id])
        outcome.changed.push(store.id)
      } catch (error) {
        leaveUnchanged(outcome, refusal(error), store.id)
      }
    }
    return outcome
  }

  /** Authorization or reconnect, store by store through the records service (and its checklist evidence). */
  function recordEach(
    context: RecordActionContext,
    one: (store: { id: number; country: string }, prior: Extract<BulkPrior, { kind: 'records' }>) => string | null
  ): BulkOutcome {
    const prior: Extract<BulkPrior, { kind: 'records' }> = { kind: 'records', added: [], reconnected: [], ticked: [] }
    const outcome = newOutcome(prior)
    const openBefore = statements.openSteps.all(JSON.stringify(context.ids)) as number[]
    for (const store of storesOf(context.ids)) {
      let why: string | null
      try {
        why = one(store, prior)
      } catch (error) {
        why = refusal(error)
      }
      if (why) leaveUnchanged(outcome, why, store.id)
      else outcome.changed.push(store.id)
    }
    prior.ticked = openBefore.length ? (statements.doneSteps.all(JSON.stringify(openBefore)) as number[]) : []
    return outcome
  }

  function markReconnected(action: Extract<RecordAction, { kind: 'mark-reconnected' }>, context: RecordActionContext): BulkOutcome {
    return recordEach(context, (store, prior) => {
      const latest = statements.latestAuthorization.get(store.id) as [number, number, number | null] | undefined
      if (!latest) return 'no authorization recorded: record the authorization instead'
      const [authorizationId, authorizedAt, reconnectedAt] = latest
      if (reconnectedAt !== null) return 'already reconnected after its latest authorization'
      if (action.reconnectedAt < authorizedAt) return 'the date is before the store’s latest authorization'
      records.markReconnected(store.id, action.reconnectedAt)
      prior.reconnected.push([store.id, authorizationId])
      return null
    })
  }

  function recordAuthorization(action: Extract<RecordAction, { kind: 'record-authorization' }>, context: RecordActionContext): BulkOutcome {
    return recordEach(context, (store, prior) => {
      if (statements.sameAuthorization.get(store.id, action.authorizedAt)) return 'already authorized and reconnected as of that date'
      const created = records.recordAuthorization(store.id, {
        authorizedAt: action.authorizedAt,
        method: 'recorded-by-kam',
        account: action.account,
        country: null,
        refreshDeadlineAt: null,
        note: null,
        reconnected: true
      })
      prior.added.push([store.id, created.id])
      return null
    })
  }

  return {
    apply(action: RecordAction, context: RecordActionContext): BulkOutcome {
      switch (action.kind) {
        case 'snooze':
          return snooze(context)
        case 'start-checklist':
          return startChecklist(action, context)
        case 'mark-reconnected':
          return markReconnected(action, context)
        case 'record-authorization':
          return recordAuthorization(action, context)
      }
    }
  }
}

export type RecordActions = ReturnType<typeof createRecordActions>
