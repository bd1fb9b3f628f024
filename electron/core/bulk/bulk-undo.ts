/**
 * Bulk-action batches and their undo: each batch keeps the stores it changed and their values
 * before; "Undo" puts them back in one transaction, writes an "undone" entry in each store's
 * history and recomputes the statuses. Undo is refused — naming the stores — once any of them
 * was changed since (a history entry after the batch's, other than a status the app worked out),
 * because restoring then would overwrite that later change.
 */
import type { BulkUndoResult } from '../../shared/bulk'
import type { FieldChange } from '../../shared/portfolio'
import { writeTransaction } from '../db/write-transaction'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import type { History } from '../portfolio/store-history'
import type { BulkDb, BulkPrior } from './bulk-types'
import { ID_LIST } from './bulk-types'
import type { StoreFieldActions } from './store-field-actions'

/** Batches kept for undo: the newest ones (a batch of 10,000 stores is a few hundred kB). */
export const KEPT_BATCHES = 20

/** Stores named in a refusal; the rest are counted. */
const NAMED = 3

export interface BulkUndoDeps {
  database: BulkDb
  clock: Clock
  actor: Actor
  history: History
  fields: Pick<StoreFieldActions, 'restoreFields' | 'restoreArchived'>
  refreshStatuses: (storeIds: number[]) => void
}

interface BatchRow {
  id: number
  label: string
  storeIds: number[]
  prior: BulkPrior
  historyMark: number
  undoneAt: number | null
}

type Entries = { storeId: number; changes: FieldChange[] }[]

export function namedStores(labels: string[]): string {
  const named = labels.slice(0, NAMED).join('; ')
  return labels.length > NAMED ? `${named} and ${labels.length - NAMED} more` : named
}

export function createBulkUndo({ database, clock, actor, history, fields, refreshStatuses }: BulkUndoDeps) {
  const { sqlite } = database
  const statements = {
    insert: sqlite.prepare('INSERT INTO bulk_actions (kind, label, at, actor, store_ids, prior, history_mark) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    prune: sqlite.prepare('DELETE FROM bulk_actions WHERE id <= (SELECT id FROM bulk_actions ORDER BY id DESC LIMIT 1 OFFSET ?)'),
    byId: sqlite.prepare('SELECT id, label, store_ids, prior, history_mark, undone_at FROM bulk_actions WHERE id = ?').raw(),
    historyMark: sqlite.prepare('SELECT coalesce(max(id), 0) FROM store_history').pluck(),
    changedSince: sqlite
      .prepare(`SELECT DISTINCT store_id FROM store_history WHERE id > ? AND kind != 'status-changed' AND store_id IN ${ID_LIST} ORDER BY store_id`)
      .pluck(),
    labels: sqlite.prepare(`SELECT client_name, store_name, country FROM stores WHERE id IN ${ID_LIST} ORDER BY client_name, store_name`).raw(),
    existing: sqlite.prepare(`SELECT count(*) FROM stores WHERE id IN ${ID_LIST}`).pluck(),
    markUndone: sqlite.prepare('UPDATE bulk_actions SET undone_at = ? WHERE id = ?'),
    putSnoozes: sqlite.prepare(
      `INSERT INTO reminder_snoozes (store_id, until, created_at) SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) AS j WHERE true
       ON CONFLICT (store_id) DO UPDATE SET until = excluded.until, created_at = excluded.created_at`
    ),
    dropSnoozes: sqlite.prepare(`DELETE FROM reminder_snoozes WHERE store_id IN ${ID_LIST}`),
    dropRuns: sqlite.prepare(`DELETE FROM checklist_runs WHERE id IN ${ID_LIST}`),
    dropAuthorizations: sqlite.prepare(`DELETE FROM authorizations WHERE id IN ${ID_LIST}`),
    unreconnect: sqlite.prepare(`UPDATE authorizations SET reconnected_at = NULL, reconnected_by = NULL WHERE id IN ${ID_LIST}`),
    untick: sqlite.prepare(`UPDATE checklist_run_steps SET done_at = NULL, done_by = NULL, done_via = NULL WHERE id IN ${ID_LIST}`)
  }

  function batch(id: number): BatchRow {
    const row = statements.byId.get(id) as [number, string, string, string, number, number | null] | undefined
    if (!row) throw new AppError('not-found', `That bulk action can no longer be undone: Storewatch keeps the last ${KEPT_BATCHES} to undo.`)
    const [, label, storeIds, prior, historyMark, undoneAt] = row
    return { id, label, storeIds: JSON.parse(storeIds) as number[], prior: JSON.parse(prior) as BulkPrior, historyMark, undoneAt }
  }

  function labelsOf(ids: number[]): string[] {
    return (statements.labels.all(JSON.stringify(ids)) as [string, string, string][]).map(([clientName, storeName, country]) => storeLabel({ clientName, storeName, country }))
  }

  /** Why the batch cannot be put back exactly, or nothing. */
  function refuseIfMoved(found: BatchRow): void {
    if (found.undoneAt !== null) throw new AppError('conflict', `“${found.label}” was undone already.`)
    const ids = JSON.stringify(found.storeIds)
    const gone = found.storeIds.length - (statements.existing.get(ids) as number)
    if (gone > 0) throw new AppError('conflict', `Cannot undo “${found.label}”: ${gone === 1 ? '1 of its stores was' : `${gone} of its stores were`} deleted since.`)
    const moved = statements.changedSince.all(found.historyMark, ids) as number[]
    if (moved.length) {
      const which = moved.length === 1 ? '1 store was' : `${moved.length} stores were`
      throw new AppError(
        'conflict',
        `Cannot undo “${found.label}”: ${which} changed since (${namedStores(labelsOf(moved))}). Undo would overwrite those changes; change them back one by one instead.`
      )
    }
  }

  function putBack(prior: BulkPrior, at: number): Entries {
    switch (prior.kind) {
      case 'owner':
      case 'tags':
        return fields.restoreFields(prior, at)
      case 'archived':
        return fields.restoreArchived(prior, at)
      case 'snooze': {
        statements.dropSnoozes.run(JSON.stringify(prior.values.filter(([, until]) => until === null).map(([id]) => id)))
        statements.putSnoozes.run(JSON.stringify(prior.values.filter(([, until]) => until !== null)))
        return prior.values.map(([storeId]) => ({ storeId, changes: [{ field: 'snoozedUntil', label: 'Reminders snoozed until', before: 'Snoozed by the bulk action', after: 'As before' }] }))
      }
      case 'checklist':
        statements.dropRuns.run(JSON.stringify(prior.runs.map(([, runId]) => runId)))
        return prior.runs.map(([storeId]) => ({ storeId, changes: [{ field: 'checklist', label: 'Checklist', before: 'Started by the bulk action', after: 'Removed' }] }))
      case 'records': {
        statements.untick.run(JSON.stringify(prior.ticked))
        statements.dropAuthorizations.run(JSON.stringify(prior.added.map(([, id]) => id)))
        statements.unreconnect.run(JSON.stringify(prior.reconnected.map(([, id]) => id)))
        const added: Entries = prior.added.map(([storeId]) => ({ storeId, changes: [{ field: 'authorizedAt', label: 'Authorized', before: 'Recorded by the bulk action', after: 'Removed' }] }))
        const reconnected: Entries = prior.reconnected.map(([storeId]) => ({
          storeId,
          changes: [{ field: 'reconnected', label: 'Reconnected in the OMS', before: 'Yes', after: 'No' }]
        }))
        return [...added, ...reconnected]
      }
    }
  }

  return {
    /** Keeps a batch for undo (callers hold the action's transaction); returns its id. */
    keep(kind: string, label: string, at: number, storeIds: number[], prior: BulkPrior): number {
      const mark = statements.historyMark.get() as number
      const id = Number(statements.insert.run(kind, label, at, actor.name(), JSON.stringify(storeIds), JSON.stringify(prior), mark).lastInsertRowid)
      statements.prune.run(KEPT_BATCHES)
      return id
    },

    undo(batchId: number): BulkUndoResult {
      return writeTransaction(sqlite, () => {
        const found = batch(batchId)
        refuseIfMoved(found)
        const at = clock.now()
        const entries = putBack(found.prior, at)
        history.addMany(entries, { kind: 'undone', summary: `Undone: ${found.label}` }, at, actor.name())
        refreshStatuses(found.storeIds)
        statements.markUndone.run(at, batchId)
        return { batchId, label: found.label, restored: found.storeIds.length }
      })
    }
  }
}

export type BulkUndo = ReturnType<typeof createBulkUndo>
