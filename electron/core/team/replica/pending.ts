/** What the outbox still holds for a row: changes not yet seen back from the team. */
import type Database from 'better-sqlite3'
import type { SharedTable } from '../team-change'
import { statement } from './statements'

/** The columns of the row with a pending local change (every column for a pending insert). */
export function pendingFields(sqlite: Database.Database, table: SharedTable, localId: number): Set<string> {
  const rows = statement(sqlite, 'SELECT fields FROM team_outbox WHERE table_name = ? AND local_id = ? AND fields IS NOT NULL').pluck().all(table, localId) as string[]
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
