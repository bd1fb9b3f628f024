/**
 * The names of rows across replicas. A row gets a random uid when it is first pushed; a row of a
 * table keyed by its store (subscriptions, Lazada's answers) is named by its store's uid, so the
 * same store's row made on two laptops is one row for the team.
 */
import type Database from 'better-sqlite3'
import type { SharedTable } from '../team-change'
import { tableInfo } from './tables'
import type { SharedTables } from './tables'
import { statement } from './statements'

export type NewUid = () => string

export function uidOf(sqlite: Database.Database, table: SharedTable, localId: number): string | null {
  const row = statement(sqlite, 'SELECT uid FROM team_uids WHERE table_name = ? AND local_id = ?').get(table, localId) as { uid: string } | undefined
  return row?.uid ?? null
}

export function localIdOf(sqlite: Database.Database, table: SharedTable, uid: string): number | null {
  const row = statement(sqlite, 'SELECT local_id FROM team_uids WHERE table_name = ? AND uid = ?').get(table, uid) as { local_id: number } | undefined
  return row?.local_id ?? null
}

export function recordUid(sqlite: Database.Database, table: SharedTable, localId: number, uid: string): void {
  statement(sqlite, 'INSERT INTO team_uids (table_name, local_id, uid) VALUES (?, ?, ?)').run(table, localId, uid)
}

/** The row's uid, given one now if it has none (callers hold a write transaction). */
export function ensureUid(sqlite: Database.Database, tables: SharedTables, table: SharedTable, localId: number, newUid: NewUid): string {
  const known = uidOf(sqlite, table, localId)
  if (known) return known
  const info = tableInfo(tables, table)
  const parent = info.references.get(info.key)
  const uid = info.keyedByParent && parent ? ensureUid(sqlite, tables, parent, localId, newUid) : newUid()
  recordUid(sqlite, table, localId, uid)
  return uid
}
