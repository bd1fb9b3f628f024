/** What the outbox still holds for a row: changes not yet seen back from the team. */
import type Database from 'better-sqlite3'
import type { SharedTable } from '../team-change'
import { statement } from './statements'

/** The columns of the row with a pending local change (every column for a pending insert). */
export function pendingFields(sqlite: Database.Database, table: SharedTable, localId: number): Set<string> {
  const rows = statement(sqlite, "SELECT fields FROM team_outbox WHERE table_name = ? AND local_id = ? AND op <> 'delete' AND fields IS NOT NULL").pluck().all(table, localId) as string[]
  const names = new Set<string>()
  for (const fields of rows) for (const name of Object.keys(JSON.parse(fields) as object)) names.add(name)
  return names
}

/** The row was deleted here and the team has not handed the delete back yet: it is later than anything being pulled. */
export function hasPendingDelete(sqlite: Database.Database, table: SharedTable, localId: number): boolean {
  return statement(sqlite, "SELECT 1 FROM team_outbox WHERE table_name = ? AND local_id = ? AND op = 'delete'").get(table, localId) !== undefined
}

/** The team handed back this replica's own change: it and everything before it are no longer pending. */
export function forgetEchoed(sqlite: Database.Database, clientSeq: number): void {
  statement(sqlite, 'DELETE FROM team_outbox WHERE client_seq <= ?').run(clientSeq)
}

/**
 * A store deleted here, its delete not handed back yet, that held this key for the team (its key
 * was no change of this laptop's still pending): for the team it holds the key until the delete.
 */
export function keyHeldByPendingDelete(sqlite: Database.Database, country: unknown, column: 'seller_short_code' | 'login_email', key: unknown): boolean {
  return (
    statement(
      sqlite,
      `SELECT 1 FROM team_outbox d WHERE d.table_name = 'stores' AND d.op = 'delete'
         AND json_extract(d.fields, '$.country') = ? AND json_extract(d.fields, '$.${column}') = ?
         ${column === 'login_email' ? "AND json_extract(d.fields, '$.seller_short_code') IS NULL" : ''}
         AND NOT EXISTS (SELECT 1 FROM team_outbox o WHERE o.table_name = 'stores' AND o.local_id = d.local_id AND o.op <> 'delete'
           AND (json_type(o.fields, '$.country') IS NOT NULL OR json_type(o.fields, '$.seller_short_code') IS NOT NULL OR json_type(o.fields, '$.login_email') IS NOT NULL))`
    ).get(country, key) !== undefined
  )
}
