/**
 * Joining from the team's current rows (issue #12): a replica that has applied nothing yet (last seq
 * 0) takes the team's rows as of one seq, instead of replaying the whole order, and pulls after that
 * seq. The rows are applied as changes at the snapshot's seq, by the same rules as a pull, in one
 * write transaction with the new last seq. Its own changes the snapshot already holds (up to
 * `ownThrough`) are its echoes: they end their pending state first, as their echoes would have.
 */
import { writeTransaction } from '../../db/write-transaction'
import { SHARED_TABLES } from '../team-change'
import type { SharedTable, TeamChange, TeamChannel, TeamSnapshot, TeamSnapshotRow } from '../team-change'
import { forgetEchoed } from './pending'
import { holdsNoSharedRow, insertSnapshot } from './snapshot-fresh'
import type { ReplicaContext } from './push'
import { statement } from './statements'
import { clearKey, keyHolder } from './store-rows'
import { tableInfo } from './tables'
import { readNumber, writeState } from './team-state'
import { localIdOf, recordUid } from './uids'

export interface AppliedSnapshot {
  rows: number
  storeIds: Set<number>
}

/** Applies one remote change; returns the local id of the store it touched (apply.ts). */
export type ApplyChange = (context: ReplicaContext, change: TeamChange) => number | null

/** Null when there is nothing to start from: the replica has pulled before, or the channel keeps no rows. */
export async function startFromSnapshot(context: ReplicaContext, channel: TeamChannel, applyChange: ApplyChange): Promise<AppliedSnapshot | null> {
  if (!channel.snapshot || readNumber(context.sqlite, 'last_seq') !== 0) return null
  const snapshot = await channel.snapshot(context.clientId)
  if (snapshot.seq === 0) return null
  return writeTransaction(context.sqlite, () => applySnapshot(context, snapshot, applyChange))
}

function applySnapshot(context: ReplicaContext, snapshot: TeamSnapshot, applyChange: ApplyChange): AppliedSnapshot | null {
  const { sqlite } = context
  if (readNumber(sqlite, 'last_seq') !== 0) return null
  statement(sqlite, 'INSERT OR IGNORE INTO team_applying (marker) VALUES (1)').run()
  if (snapshot.ownThrough > 0) forgetEchoed(sqlite, snapshot.ownThrough)
  const storeIds = holdsNoSharedRow(sqlite) ? insertSnapshot(context, snapshot.rows) : applyRows(context, snapshot, applyChange)
  writeState(sqlite, 'last_seq', String(snapshot.seq))
  statement(sqlite, 'DELETE FROM team_applying').run()
  return { rows: snapshot.rows.length, storeIds }
}

/** Each row as a change at the snapshot's seq, by the rules of a pull: local rows may meet them. */
function applyRows(context: ReplicaContext, snapshot: TeamSnapshot, applyChange: ApplyChange): Set<number> {
  const storeIds = new Set<number>()
  const tombstones = tombstoneIds(context)
  for (const row of parentsFirst(snapshot.rows)) {
    if (row.table === 'stores' && row.fields !== null) leaveKeyToTeamStore(context, row.uid, row.fields)
    const storeId = applyChange(context, { ...row, seq: snapshot.seq, clientId: '', clientSeq: 0, committedAt: '' })
    if (storeId !== null) storeIds.add(storeId)
    if (row.fields === null) keepTombstone(context, row, tombstones)
  }
  return storeIds
}

/**
 * The team's current rows obey the key rule, so a store of the snapshot with a key holds it for the
 * team. A local store holding it here gives it up: its own row in the snapshot, or its change still
 * in the outbox, says what it ends with. Without this, a store of this laptop pushed before its
 * first pull (so no longer pending, yet later in the team's order) would keep the key against the
 * team's store, then lose it to its own row: neither would hold it.
 */
function leaveKeyToTeamStore(context: ReplicaContext, uid: string, fields: Record<string, unknown>): void {
  const holder = keyHolder(context.sqlite, fields, localIdOf(context.sqlite, 'stores', uid))
  if (holder !== null) clearKey(context.sqlite, holder)
}

/** SHARED_TABLES lists parents before children: a reference is resolved after its target is written. */
function parentsFirst(rows: readonly TeamSnapshotRow[]): TeamSnapshotRow[] {
  const order = new Map<SharedTable, number>(SHARED_TABLES.map((name, index) => [name, index]))
  return [...rows].sort((a, b) => (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0))
}

/** The next free negative local id per table: a tombstone names no local row, and no row has an id below 1. */
function tombstoneIds(context: ReplicaContext): (table: SharedTable) => number {
  const next = new Map<SharedTable, number>()
  return (table) => {
    const lowest = next.get(table) ?? Math.min(0, (statement(context.sqlite, 'SELECT min(local_id) FROM team_uids WHERE table_name = ?').pluck().get(table) as number | null) ?? 0)
    next.set(table, lowest - 1)
    return lowest - 1
  }
}

/**
 * A row deleted before this replica joined: its uid is kept as a tombstone, as a replay of its
 * insert and delete would have left it, so a later change to it is ignored here as everywhere. A
 * row keyed by its store needs none (a later insert may recreate it).
 */
function keepTombstone(context: ReplicaContext, row: TeamSnapshotRow, nextId: (table: SharedTable) => number): void {
  if (tableInfo(context.tables, row.table).keyedByParent || localIdOf(context.sqlite, row.table, row.uid) !== null) return
  recordUid(context.sqlite, row.table, nextId(row.table), row.uid)
}
