/**
 * The snapshot into a replica that holds no shared row yet (no uid named, no row in a shared table,
 * nothing in the outbox): the common join. The team's current rows already obey every rule (no two
 * live stores share a key, no two runs of one checklist are open, a live row's references are
 * live), and nothing local can meet them, so applying them change by change would decide nothing:
 * they are inserted as they are, each table with one prepared statement, references turned into
 * local ids from the rows just written.
 */
import type Database from 'better-sqlite3'
import { SHARED_TABLES } from '../team-change'
import type { SharedTable, TeamSnapshotRow } from '../team-change'
import type { ReplicaContext } from './push'
import { sqliteValue } from './rows'
import type { Fields } from './rows'
import { statement } from './statements'
import { searchTextOfRow } from './store-rows'
import { tableInfo } from './tables'
import type { SharedTableInfo } from './tables'
import { recordUid } from './uids'

/** Nothing shared here yet: every row in the snapshot is new to this replica. */
export function holdsNoSharedRow(sqlite: Database.Database): boolean {
  const empty = (table: string) => statement(sqlite, `SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1
  return empty('team_uids') && empty('team_outbox') && SHARED_TABLES.every(empty)
}

/** Inserts the live rows and keeps the deleted ones' uids as tombstones; returns the stores written. */
export function insertSnapshot(context: ReplicaContext, rows: readonly TeamSnapshotRow[]): Set<number> {
  const localIds = new Map<SharedTable, Map<string, number>>(SHARED_TABLES.map((table) => [table, new Map()]))
  const byTable = new Map<SharedTable, TeamSnapshotRow[]>(SHARED_TABLES.map((table) => [table, []]))
  for (const row of rows) byTable.get(row.table)?.push(row)
  for (const table of SHARED_TABLES) {
    const info = tableInfo(context.tables, table)
    const insert = insertStatement(context.sqlite, info)
    const written = localIds.get(table) ?? new Map<string, number>()
    let tombstone = 0
    for (const row of byTable.get(table) ?? []) {
      if (row.fields === null) {
        // A keyed row's uid is its store's; a deleted one needs no name of its own.
        if (!info.keyedByParent) recordUid(context.sqlite, table, --tombstone, row.uid)
        continue
      }
      const values = localValues(info, row.fields, localIds)
      if (values === null) continue
      const id = Number(insert.run(...values).lastInsertRowid)
      written.set(row.uid, id)
      recordUid(context.sqlite, table, id, row.uid)
    }
  }
  return new Set(localIds.get('stores')?.values())
}

/** One INSERT of every travelling column (and a store's search text) per table, prepared once. */
function insertStatement(sqlite: Database.Database, info: SharedTableInfo): Database.Statement {
  const columns = info.name === 'stores' ? [...info.columns, 'search_text'] : info.columns
  return statement(sqlite, `INSERT INTO ${info.name} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
}

/** The row's values in the statement's order, references as local ids; null if one names no row here (a pull would drop it too). */
function localValues(info: SharedTableInfo, fields: Fields, localIds: Map<SharedTable, Map<string, number>>): unknown[] | null {
  // Straight into the values, no copy of the row per row: 50,000 rows in a join of 10,000 stores.
  const values: unknown[] = []
  for (const column of info.columns) {
    const value = fields[column] ?? null
    const target = info.references.get(column)
    if (target === undefined || typeof value !== 'string') values.push(sqliteValue(value))
    else {
      const id = localIds.get(target)?.get(value)
      if (id === undefined) return null
      values.push(id)
    }
  }
  // A store's missing column reads as null there, as in the row written (a missing name fails the insert first).
  if (info.name === 'stores') values.push(searchTextOfRow(fields))
  return values
}
