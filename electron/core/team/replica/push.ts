/**
 * Push: the outbox after the last pushed client seq, in order, with local ids turned into uids,
 * sent in batches. `pushed_through` moves only after the team's store said yes; a crash or a cut
 * before that sends the same changes again, and the team skips what it already has (same client id
 * and client seq). Outbox rows stay until they come back in a pull (see apply.ts).
 */
import type Database from 'better-sqlite3'
import { writeTransaction } from '../../db/write-transaction'
import type { OutgoingChange, SharedTable, TeamChannel } from '../team-change'
import { readNumber, writeState } from './team-state'
import { tableInfo } from './tables'
import type { SharedTables } from './tables'
import { ensureUid } from './uids'
import type { NewUid } from './uids'
import { statement } from './statements'

export interface ReplicaContext {
  sqlite: Database.Database
  tables: SharedTables
  clientId: string
  newUid: NewUid
}

interface OutboxRow {
  clientSeq: number
  tableName: SharedTable
  localId: number
  op: 'insert' | 'update' | 'delete'
  fields: string | null
}

export const PUSH_BATCH = 500

/** Pushes everything pending; resolves with how many changes went out. */
export async function pushOutbox(context: ReplicaContext, channel: TeamChannel, batchSize = PUSH_BATCH): Promise<number> {
  let sent = 0
  for (;;) {
    const batch = writeTransaction(context.sqlite, () => nextBatch(context, batchSize))
    if (batch.length === 0) return sent
    await channel.push(batch)
    const through = Math.max(...batch.map((change) => change.clientSeq))
    writeTransaction(context.sqlite, () => writeState(context.sqlite, 'pushed_through', String(through)))
    sent += batch.length
  }
}

/** How many captured changes have not reached the team yet. */
export function unpushedCount(sqlite: Database.Database): number {
  return statement(sqlite, 'SELECT count(*) FROM team_outbox WHERE client_seq > ?').pluck().get(readNumber(sqlite, 'pushed_through')) as number
}

function nextBatch(context: ReplicaContext, batchSize: number): OutgoingChange[] {
  const rows = context.sqlite
    .prepare('SELECT client_seq AS clientSeq, table_name AS tableName, local_id AS localId, op, fields FROM team_outbox WHERE client_seq > ? ORDER BY client_seq LIMIT ?')
    .all(readNumber(context.sqlite, 'pushed_through'), batchSize) as OutboxRow[]
  return rows.map((row) => outgoing(context, row))
}

function outgoing(context: ReplicaContext, row: OutboxRow): OutgoingChange {
  const { sqlite, tables, newUid } = context
  return {
    clientId: context.clientId,
    clientSeq: row.clientSeq,
    table: row.tableName,
    uid: ensureUid(sqlite, tables, row.tableName, row.localId, newUid),
    // A delete travels without fields (a store's keeps its key in the outbox for this laptop only).
    fields: row.op === 'delete' || row.fields === null ? null : withUids(context, row.tableName, JSON.parse(row.fields) as Record<string, unknown>)
  }
}

/** References to other shared rows travel as those rows' uids. */
function withUids(context: ReplicaContext, table: SharedTable, fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields }
  for (const [column, target] of tableInfo(context.tables, table).references) {
    const value = out[column]
    if (typeof value === 'number') out[column] = ensureUid(context.sqlite, context.tables, target, value, context.newUid)
  }
  return out
}
