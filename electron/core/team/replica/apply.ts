/**
 * Pull and apply: the team's changes after the last pulled seq, each batch applied in one write
 * transaction together with its last seq, so a crash applies a batch whole or not at all.
 *
 * The rule: per field, the change later in the team's order wins. Changes arrive in that order, so
 * applying them in turn gives it, except for a field with a pending local change (still in the
 * outbox): that change will get a later seq, so it already wins and the remote value is skipped.
 * A delete always applies and its uid mapping stays as a tombstone. The replica's own changes
 * coming back only end their pending state.
 */
import { sqliteCode } from '../../db/sqlite-errors'
import { writeTransaction } from '../../db/write-transaction'
import type { SharedTable, TeamChange, TeamChannel } from '../team-change'
import { authored, settleAuthor } from './authorship'
import { forgetEchoed, hasPendingDelete, pendingFields } from './pending'
import type { ReplicaContext } from './push'
import { deleteRow, insertRow, rowExists, storeOfRow, updateRow, without } from './rows'
import type { Fields } from './rows'
import { RUN_CLAIM_FIELDS, openRunHolder, readRun, supersede, superseded } from './run-rows'
import { KEY_FIELDS, clearKey, keyHeldByDeleted, keyHolder, keyOf, offerMerge, readStore, refreshSearchText, withoutKey } from './store-rows'
import { startFromSnapshot } from './snapshot'
import { readNumber, writeState } from './team-state'
import { tableInfo } from './tables'
import type { SharedTableInfo } from './tables'
import { localIdOf, recordUid, uidOf } from './uids'
import { statement } from './statements'

export const PULL_BATCH = 500

/** The fields by which a row claims something only one row may have: a store's key, a run's being open. */
const CLAIM_FIELDS: Partial<Record<SharedTable, readonly string[]>> = { stores: KEY_FIELDS, checklist_runs: RUN_CLAIM_FIELDS }

export interface PullResult {
  /** Changes that came, the laptop's own included. */
  pulled: number
  /** Local ids of the stores whose rows remote changes touched (deleted ones included): their derived status is stale. */
  storeIds: number[]
}

/** Pulls and applies until the team has nothing newer; a replica that has applied nothing starts from the team's current rows. */
export async function pullAndApply(context: ReplicaContext, channel: TeamChannel, limit = PULL_BATCH): Promise<PullResult> {
  const start = await startFromSnapshot(context, channel, applyChange)
  let pulled = start?.rows ?? 0
  const storeIds = new Set<number>(start?.storeIds)
  for (;;) {
    const changes = await channel.pull(readNumber(context.sqlite, 'last_seq'), limit)
    if (changes.length > 0) for (const id of writeTransaction(context.sqlite, () => applyBatch(context, changes))) storeIds.add(id)
    pulled += changes.length
    if (changes.length < limit) return { pulled, storeIds: [...storeIds] }
  }
}

/** Applies a batch and moves `last_seq` past it; returns the stores it touched. */
export function applyBatch(context: ReplicaContext, changes: readonly TeamChange[]): Set<number> {
  const { sqlite } = context
  const lastSeq = readNumber(sqlite, 'last_seq')
  const touched = new Set<number>()
  statement(sqlite, 'INSERT OR IGNORE INTO team_applying (marker) VALUES (1)').run()
  for (const change of changes) {
    if (change.seq <= lastSeq) continue
    const storeId = change.clientId === context.clientId ? settleEcho(context, change) : applyChange(context, authored(change))
    if (storeId !== null) touched.add(storeId)
  }
  writeState(sqlite, 'last_seq', String(Math.max(lastSeq, ...changes.map((c) => c.seq))))
  statement(sqlite, 'DELETE FROM team_applying').run()
  return touched
}

/** Applies one remote change; returns the local id of the store it touched, if any. */
export function applyChange(context: ReplicaContext, change: TeamChange): number | null {
  const { sqlite } = context
  const info = tableInfo(context.tables, change.table)
  const localId = localRowId(context, info, change.uid)
  if (change.fields === null) {
    const storeId = localId === null ? null : storeOfRow(sqlite, info, localId)
    if (localId !== null) deleteRow(sqlite, info, localId)
    return storeId
  }
  const fields = localFields(context, info, change.fields)
  // A reference to a row this replica does not have (deleted here, as everywhere): nothing to write.
  if (!fields) return null
  try {
    writeTransaction(sqlite, () => writeRow(context, info, change, localId, fields))
  } catch (error) {
    // A clash on a unique key no rule above covers: the row already here stays.
    if (sqliteCode(error) !== 'SQLITE_CONSTRAINT_UNIQUE') throw error
  }
  const written = localRowId(context, info, change.uid)
  return written === null ? null : storeOfRow(sqlite, info, written)
}

/** The local key of the row the uid names; for a table keyed by its store, the store's local id. */
function localRowId(context: ReplicaContext, info: SharedTableInfo, uid: string): number | null {
  const parent = info.keyedByParent ? info.references.get(info.key) : undefined
  return localIdOf(context.sqlite, parent ?? info.name, uid)
}

function writeRow(context: ReplicaContext, info: SharedTableInfo, change: TeamChange, localId: number | null, fields: Fields): void {
  const { sqlite } = context
  const exists = localId !== null && rowExists(sqlite, info, localId)
  if (!exists && localId !== null && !info.keyedByParent) return // a tombstone: the row was deleted
  // A row keyed by its store that this laptop deleted, not yet handed back: its delete comes later and wins.
  if (!exists && localId !== null && hasPendingDelete(sqlite, info.name, localId)) return
  if (!exists && !info.required.every((c) => c in fields)) return // an edit of a row this replica does not have
  const written = exists && localId !== null ? without(fields, new Set([...pendingFields(sqlite, info.name, localId), info.key])) : fields
  const target = exists ? localId : null
  const id =
    info.name === 'stores'
      ? writeStore(context, target, written, change.seq)
      : info.name === 'checklist_runs'
        ? writeRun(context, target, written)
        : writePlain(context, info, target, written)
  if (uidOf(sqlite, info.name, id) === null) recordUid(sqlite, info.name, id, change.uid)
}

function writePlain(context: ReplicaContext, info: SharedTableInfo, localId: number | null, fields: Fields): number {
  if (localId === null) return info.keyedByParent ? insertKeyed(context, info, fields) : insertRow(context.sqlite, info, fields)
  updateRow(context.sqlite, info, localId, fields)
  return localId
}

function insertKeyed(context: ReplicaContext, info: SharedTableInfo, fields: Fields): number {
  insertRow(context.sqlite, info, fields)
  return Number(fields[info.key])
}

/** A store, with its key checked first: the store earlier in the team's order keeps it (store-rows.ts). */
function writeStore(context: ReplicaContext, localId: number | null, fields: Fields, seq: number): number {
  const { sqlite } = context
  const info = tableInfo(context.tables, 'stores')
  const merged = { ...(localId !== null ? readStore(sqlite, localId) : {}), ...fields }
  const holder = keyHolder(sqlite, merged, localId)
  // A local store not yet seen back yields for now; its echo decides, as everywhere (settleEcho).
  const holderYields = holder !== null && isLocalKey(context, holder)
  if (holder !== null && holderYields) clearKey(sqlite, holder)
  // A holder deleted here (not handed back yet) still holds the key at this seq for the team: no one to offer a merge with.
  const heldByDeleted = holder === null && keyHeldByDeleted(sqlite, merged)
  const held = holder !== null && !holderYields
  const id = writePlain(context, info, localId, held || heldByDeleted ? withoutKey(fields) : fields)
  if (held) offerMerge(sqlite, id, holder, keyOf(merged), seq)
  refreshSearchText(sqlite, id)
  return id
}

/**
 * The team handed back this laptop's own change: it is no longer pending. A row that gave way to an
 * earlier remote one while pending (a store's key, an open run) is now placed by the rule as on
 * every other laptop, at the change's own seq: the earlier holder may be gone by then.
 */
function settleEcho(context: ReplicaContext, change: TeamChange): number | null {
  const { sqlite } = context
  forgetEchoed(sqlite, change.clientSeq)
  settleAuthor(sqlite, change)
  const claim = CLAIM_FIELDS[change.table]
  if (!claim || change.fields === null) return null
  const fields = Object.fromEntries(claim.filter((f) => f in (change.fields ?? {})).map((f) => [f, change.fields?.[f]]))
  const info = tableInfo(context.tables, change.table)
  const localId = localIdOf(sqlite, change.table, change.uid)
  if (Object.keys(fields).length === 0 || localId === null || !rowExists(sqlite, info, localId)) return null
  const pending = pendingFields(sqlite, change.table, localId)
  if (claim.some((f) => pending.has(f))) return null
  if (change.table === 'stores') writeStore(context, localId, fields, change.seq)
  else writeRun(context, localId, fields)
  return storeOfRow(sqlite, info, localId)
}

/** A run, with the one open run per store and checklist checked first (run-rows.ts). */
function writeRun(context: ReplicaContext, localId: number | null, fields: Fields): number {
  const { sqlite } = context
  const info = tableInfo(context.tables, 'checklist_runs')
  const holder = openRunHolder(sqlite, { ...(localId !== null ? readRun(sqlite, localId) : {}), ...fields }, localId)
  if (holder === null) return writePlain(context, info, localId, fields)
  const holderYields = pendingFields(sqlite, 'checklist_runs', holder).has('status')
  if (holderYields) supersede(sqlite, holder)
  return writePlain(context, info, localId, holderYields ? fields : superseded(fields))
}

/** The store's key comes from a local change the team has not handed back yet. */
function isLocalKey(context: ReplicaContext, storeId: number): boolean {
  const pending = pendingFields(context.sqlite, 'stores', storeId)
  return KEY_FIELDS.some((field) => pending.has(field))
}

/** The change's fields with uids of referenced rows turned into local ids; null if one is missing here. */
function localFields(context: ReplicaContext, info: SharedTableInfo, fields: Fields): Fields | null {
  const out: Fields = {}
  for (const column of info.columns) if (column in fields) out[column] = fields[column]
  for (const [column, target] of info.references) {
    const uid = out[column]
    if (typeof uid !== 'string') continue
    const id = localIdOf(context.sqlite, target, uid)
    if (id === null || !rowExists(context.sqlite, tableInfo(context.tables, target), id)) return null
    out[column] = id
  }
  return out
}
