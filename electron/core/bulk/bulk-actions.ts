/**
 * Acting on many stores at once (issue #10): assign owner, add or remove a tag, archive or
 * restore, snooze reminders, start a checklist, mark reconnected, record an authorization. Each
 * runs as ONE write transaction: the selection is resolved to ids inside it, every changed store
 * gets its history entry, statuses are recomputed, and the batch is kept so "Undo" can put it
 * back as one step. Anything that fails mid-way rolls the whole action back: the database is as
 * it was. The answer says how many changed and, by reason, which were left as they were.
 *
 * Why one transaction and no count of stores done: 10,000 stores take well under a second here
 * (`bulk10kMs` in tests/bench), and better-sqlite3 cannot keep a transaction open across awaits,
 * so splitting it to report progress would give up "one step". The task around it (bulk-task.ts)
 * shows its phases instead — "Backing up", "Applying to N stores" — in the header, and the
 * renderer says "Applying to N stores…" meanwhile; it stays usable, being its own process.
 */
import { bulkActionSchema } from '../../shared/bulk'
import type { BulkAction, BulkResult, BulkUnchanged } from '../../shared/bulk'
import { PLAYBOOK_DEFINITIONS } from '../../shared/checklists'
import type { StoreSelection } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import { resolveSelection } from '../portfolio/portfolio-query'
import type { History } from '../portfolio/store-history'
import type { StatusService } from '../status/status-service'
import { DAY_MS, formatLocal } from '../status/calendar'
import { createBulkUndo } from './bulk-undo'
import { ID_LIST } from './bulk-types'
import type { BulkOutcome } from './bulk-types'
import type { RecordActionDeps } from './record-actions'
import { createRecordActions } from './record-actions'
import { createStoreFieldActions } from './store-field-actions'

/** Stores named per "left unchanged" reason. */
const EXAMPLES = 3

export interface BulkActionsDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  status: Pick<StatusService, 'refresh'>
  records: RecordActionDeps['records']
  checklists: RecordActionDeps['checklists']
  kamTimeZone: () => string
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** Validates an action as main's contract does, for callers inside the core. */
function parseAction(input: unknown): BulkAction {
  const parsed = bulkActionSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new AppError('invalid-input', issue?.message ?? 'That bulk action is not one Storewatch knows')
}

export function createBulkActions(deps: BulkActionsDeps) {
  const { database, clock, actor, history, status, kamTimeZone } = deps
  const { sqlite } = database
  const fields = createStoreFieldActions(database, history)
  const recordActions = createRecordActions({ database, history, records: deps.records, checklists: deps.checklists, kamTimeZone })
  const refreshStatuses = (ids: number[]) => {
    for (const id of ids) status.refresh(id)
  }
  const undo = createBulkUndo({ database, clock, actor, history, fields, refreshStatuses })
  const labelsOf = sqlite.prepare(`SELECT id, client_name || ' — ' || store_name || ' (' || country || ')' FROM stores WHERE id IN ${ID_LIST}`).raw()
  const yourDay = (instant: number) => formatLocal(instant, kamTimeZone())

  function label(action: BulkAction, snoozeUntil: number | null): string {
    switch (action.kind) {
      case 'assign-owner':
        return `Owner set to “${action.owner}”`
      case 'add-tag':
        return `Tag “${action.tag}” added`
      case 'remove-tag':
        return `Tag “${action.tag}” removed`
      case 'archive':
        return 'Archived'
      case 'restore':
        return 'Restored from the archive'
      case 'snooze':
        return `Reminders snoozed until ${yourDay(snoozeUntil!)}`
      case 'start-checklist':
        return `Checklist started: ${PLAYBOOK_DEFINITIONS[action.playbook].title}`
      case 'mark-reconnected':
        return `Marked reconnected as of ${yourDay(action.reconnectedAt)}`
      case 'record-authorization':
        return `Authorized and reconnected as of ${yourDay(action.authorizedAt)}`
    }
  }

  function snoozeUntilOf(action: BulkAction, now: number): number | null {
    if (action.kind !== 'snooze') return null
    if (action.days != null) return now + action.days * DAY_MS
    if (action.until == null) throw new AppError('invalid-input', 'Say how long to snooze: a number of days or a date')
    if (action.until <= now) throw new AppError('invalid-input', 'Pick a snooze date in the future')
    return action.until
  }

  function summarize(outcome: BulkOutcome): BulkUnchanged[] {
    const all = [...outcome.unchanged.values()].flat()
    const names = new Map(all.length ? (labelsOf.all(JSON.stringify(all.slice(0, 10_000))) as [number, string][]) : [])
    return [...outcome.unchanged.entries()]
      .map(([reason, ids]) => ({ reason, count: ids.length, examples: ids.slice(0, EXAMPLES).flatMap((id) => names.get(id) ?? []) }))
      .sort((a, b) => b.count - a.count)
  }

  function applyOne(action: BulkAction, ids: number[], at: number, snoozeUntil: number | null): BulkOutcome {
    const who = actor.name()
    const note = (summary: string, kind: Parameters<typeof history.add>[1]['kind']) => ({ kind, summary: `${summary} (bulk action on ${formatCount(ids.length)} stores)` })
    switch (action.kind) {
      case 'assign-owner':
      case 'add-tag':
      case 'remove-tag':
      case 'archive':
      case 'restore':
        return fields.apply(action, { ids, at, actor: who, note })
      default:
        return recordActions.apply(action, { ids, at, actor: who, note, snoozeUntil })
    }
  }

  return {
    /** Runs one action on the selected stores in one transaction (see the file's comment). */
    run(selection: StoreSelection, input: unknown): BulkResult {
      const action = parseAction(input)
      return writeTransaction(sqlite, () => {
        const at = clock.now()
        const snoozeUntil = snoozeUntilOf(action, at)
        const ids = resolveSelection(database.db, selection, at)
        if (ids.length === 0) throw new AppError('invalid-input', 'No stores are selected (they may have been deleted or no longer match): select some and try again.')
        const text = label(action, snoozeUntil)
        const outcome = applyOne(action, ids, at, snoozeUntil)
        // The records (authorization, reconnect) refresh their stores' statuses themselves; a
        // store coming out of (or going into) the archive is evaluated again, as checks skip it
        // while archived. Owner, tags, snoozes and checklist runs do not feed the status rules.
        if (action.kind === 'archive' || action.kind === 'restore') refreshStatuses(outcome.changed)
        const batchId = outcome.changed.length ? undo.keep(action.kind, text, at, outcome.changed, outcome.prior) : null
        return { batchId, label: text, selected: ids.length, changed: outcome.changed.length, unchanged: summarize(outcome) }
      })
    },

    undo: undo.undo,

    /** The ids a selection stands for now (export, and the count a confirmation states). */
    resolve(selection: StoreSelection): number[] {
      return resolveSelection(database.db, selection, clock.now())
    }
  }
}

export type BulkActions = ReturnType<typeof createBulkActions>
