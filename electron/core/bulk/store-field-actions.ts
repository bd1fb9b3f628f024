/**
 * Bulk actions on the stores' own fields: owner, tags, archive and restore. Set-based: one read
 * of the selected rows, one UPDATE and one history INSERT for all of them, each bound as a JSON
 * list, so 10,000 stores cost three statements (issue #10 `bulk10kMs`). Callers hold the
 * transaction.
 */
import type { BulkAction } from '../../shared/bulk'
import type { FieldChange } from '../../shared/portfolio'
import { STORE_FIELD_BY_KEY } from '../../shared/store-fields'
import { searchTextOf } from '../portfolio/store-display'
import type { History, HistoryNote } from '../portfolio/store-history'
import type { StoreInput } from '../../shared/store-fields'
import { ID_LIST, leaveUnchanged, newOutcome } from './bulk-types'
import type { BulkDb, BulkOutcome, BulkPrior } from './bulk-types'

/** The most tags a store takes (the store form's rule). */
const MAX_TAGS = 20

/** A store's searchable fields (its search text is rebuilt from them). */
type SearchableRow = StoreInput & { id: number }

type FieldAction = Extract<BulkAction, { kind: 'assign-owner' | 'add-tag' | 'remove-tag' | 'archive' | 'restore' }>

export interface FieldActionContext {
  ids: number[]
  at: number
  actor: string
  /** "(bulk action on 1,204 stores)" */
  note: (summary: string, kind: HistoryNote['kind']) => HistoryNote
}

const sameTag = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const tagList = (tags: string[]) => (tags.length ? tags.join(', ') : null)

export function createStoreFieldActions({ sqlite }: Pick<BulkDb, 'sqlite'>, history: History) {
  const statements = {
    // One prepared UPDATE per row: cheaper than joining a JSON list of new values in SQL.
    owner: sqlite.prepare('UPDATE stores SET owner_kam = ?, search_text = ?, updated_at = ? WHERE id = ?'),
    tags: sqlite.prepare('UPDATE stores SET tags = ?, search_text = ?, updated_at = ? WHERE id = ?'),
    archive: sqlite.prepare(`UPDATE stores SET archived_at = ?, updated_at = ? WHERE id IN ${ID_LIST}`),
    restore: sqlite.prepare(`UPDATE stores SET archived_at = NULL, updated_at = ? WHERE id IN ${ID_LIST}`)
  }

  function write(owner: boolean, writes: [number, unknown, string][], at: number): void {
    const statement = owner ? statements.owner : statements.tags
    for (const [id, value, searchText] of writes) statement.run(owner ? value : JSON.stringify(value), searchText, at, id)
  }

  // Raw rows, only the searchable fields: drizzle's mapping of whole rows cost 10,000 stores
  // several times the UPDATE itself.
  const rowsStatement = sqlite
    .prepare(
      `SELECT id, client_name, store_name, country, seller_short_code, seller_id, login_email, contact_name, contact_email,
        contact_phone, oms_store_ref, owner_kam, tags, notes FROM stores WHERE id IN ${ID_LIST}`
    )
    .raw()

  function rowsOf(ids: number[]): SearchableRow[] {
    type Raw = [number, string, string, string, ...(string | null)[]]
    return (rowsStatement.all(JSON.stringify(ids)) as Raw[]).map(
      ([id, clientName, storeName, country, sellerShortCode, sellerId, loginEmail, contactName, contactEmail, contactPhone, omsStoreRef, ownerKam, tags, notes]) => ({
        id,
        clientName,
        storeName,
        country,
        sellerShortCode: sellerShortCode ?? null,
        sellerId: sellerId ?? null,
        loginEmail: loginEmail ?? null,
        contactName: contactName ?? null,
        contactEmail: contactEmail ?? null,
        contactPhone: contactPhone ?? null,
        contactChannel: null,
        omsStoreRef: omsStoreRef ?? null,
        ownerKam: ownerKam ?? null,
        tags: JSON.parse(tags ?? '[]') as string[],
        notes: notes ?? null
      })
    )
  }

  /** Owner or tags: each changed row's new value, its search text and its history entry. */
  function rewrite(
    rows: SearchableRow[],
    outcome: BulkOutcome,
    next: (row: SearchableRow) => { owner: string | null; tags: string[] } | string,
    field: 'ownerKam' | 'tags'
  ) {
    const writes: [number, unknown, string][] = []
    const entries: { storeId: number; changes: FieldChange[] }[] = []
    const prior: [number, string | null | string[]][] = []
    for (const row of rows) {
      const value = next(row)
      if (typeof value === 'string') {
        leaveUnchanged(outcome, value, row.id)
        continue
      }
      const input = { ...row, ownerKam: value.owner, tags: value.tags }
      const before = field === 'ownerKam' ? row.ownerKam : tagList(row.tags)
      const after = field === 'ownerKam' ? value.owner : tagList(value.tags)
      writes.push([row.id, field === 'ownerKam' ? value.owner : value.tags, searchTextOf(input)])
      entries.push({ storeId: row.id, changes: [{ field, label: STORE_FIELD_BY_KEY[field].label, before, after }] })
      prior.push([row.id, field === 'ownerKam' ? row.ownerKam : row.tags])
      outcome.changed.push(row.id)
    }
    return { writes, entries, prior }
  }

  function ownerOrTags(action: Extract<FieldAction, { kind: 'assign-owner' | 'add-tag' | 'remove-tag' }>, context: FieldActionContext): BulkOutcome {
    const rows = rowsOf(context.ids)
    const field = action.kind === 'assign-owner' ? 'ownerKam' : 'tags'
    const outcome = newOutcome({ kind: 'owner', values: [] })
    const { writes, entries, prior } = rewrite(
      rows,
      outcome,
      (row) => {
        if (action.kind === 'assign-owner') return row.ownerKam === action.owner ? `already owned by ${action.owner}` : { owner: action.owner, tags: row.tags }
        const has = row.tags.some((t) => sameTag(t, action.tag))
        if (action.kind === 'remove-tag') return has ? { owner: row.ownerKam, tags: row.tags.filter((t) => !sameTag(t, action.tag)) } : `not tagged “${action.tag}”`
        if (has) return `already tagged “${action.tag}”`
        return row.tags.length >= MAX_TAGS ? `already has ${MAX_TAGS} tags, the most a store takes` : { owner: row.ownerKam, tags: [...row.tags, action.tag] }
      },
      field
    )
    outcome.prior =
      field === 'ownerKam' ? { kind: 'owner', values: prior as [number, string | null][] } : { kind: 'tags', values: prior as [number, string[]][] }
    write(field === 'ownerKam', writes, context.at)
    const summary =
      action.kind === 'assign-owner' ? `Owner set to “${action.owner}”` : action.kind === 'add-tag' ? `Tag “${action.tag}” added` : `Tag “${action.tag}” removed`
    history.addMany(entries, context.note(summary, 'updated'), context.at, context.actor)
    return outcome
  }

  function archiveOrRestore(archive: boolean, context: FieldActionContext): BulkOutcome {
    const outcome = newOutcome({ kind: 'archived', values: [] })
    const rows = sqlite.prepare(`SELECT id, archived_at FROM stores WHERE id IN ${ID_LIST}`).raw().all(JSON.stringify(context.ids)) as [number, number | null][]
    const values: [number, number | null][] = []
    for (const [id, archivedAt] of rows) {
      if ((archivedAt !== null) === archive) leaveUnchanged(outcome, archive ? 'already archived' : 'not archived', id)
      else {
        values.push([id, archivedAt])
        outcome.changed.push(id)
      }
    }
    outcome.prior = { kind: 'archived', values }
    const changedIds = JSON.stringify(outcome.changed)
    if (archive) statements.archive.run(context.at, context.at, changedIds)
    else statements.restore.run(context.at, changedIds)
    const change: FieldChange = { field: 'archived', label: 'Archived', before: archive ? 'No' : 'Yes', after: archive ? 'Yes' : 'No' }
    history.addMany(
      outcome.changed.map((storeId) => ({ storeId, changes: [change] })),
      archive ? context.note('Archived', 'archived') : context.note('Restored from the archive', 'restored'),
      context.at,
      context.actor
    )
    return outcome
  }

  return {
    apply(action: FieldAction, context: FieldActionContext): BulkOutcome {
      if (action.kind === 'archive' || action.kind === 'restore') return archiveOrRestore(action.kind === 'archive', context)
      return ownerOrTags(action, context)
    },

    /** Puts owners or tags back as a batch found them; returns the history entries' changes. */
    restoreFields(prior: Extract<BulkPrior, { kind: 'owner' | 'tags' }>, at: number): { storeId: number; changes: FieldChange[] }[] {
      const rows = new Map(rowsOf(prior.values.map(([id]) => id)).map((row) => [row.id, row]))
      const writes: [number, unknown, string][] = []
      const entries: { storeId: number; changes: FieldChange[] }[] = []
      const field = prior.kind === 'owner' ? 'ownerKam' : 'tags'
      for (const [id, value] of prior.values) {
        const row = rows.get(id)
        if (!row) continue
        const input = prior.kind === 'owner' ? { ...row, ownerKam: value as string | null } : { ...row, tags: value as string[] }
        writes.push([id, value, searchTextOf(input)])
        const show = (v: unknown) => (prior.kind === 'owner' ? (v as string | null) : tagList(v as string[]))
        entries.push({ storeId: id, changes: [{ field, label: STORE_FIELD_BY_KEY[field].label, before: show(prior.kind === 'owner' ? row.ownerKam : row.tags), after: show(value) }] })
      }
      write(prior.kind === 'owner', writes, at)
      return entries
    },

    restoreArchived(prior: Extract<BulkPrior, { kind: 'archived' }>, at: number): { storeId: number; changes: FieldChange[] }[] {
      const put = sqlite.prepare('UPDATE stores SET archived_at = j.value ->> 1, updated_at = ? FROM json_each(?) AS j WHERE stores.id = j.value ->> 0')
      put.run(at, JSON.stringify(prior.values))
      return prior.values.map(([storeId, archivedAt]) => ({
        storeId,
        changes: [{ field: 'archived', label: 'Archived', before: archivedAt === null ? 'Yes' : 'No', after: archivedAt === null ? 'No' : 'Yes' }]
      }))
    }
  }
}

export type StoreFieldActions = ReturnType<typeof createStoreFieldActions>
