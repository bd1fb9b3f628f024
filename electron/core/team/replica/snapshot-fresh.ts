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
import { insertRow } from './rows'
import type { Fields } from './rows'
import { statement } from './statements'
import { searchTextOfRow } from './store-rows'
import { tableInfo } from './tables'
import { recordUid } from './uids'

/** The row's columns, references as local ids; null if one names no row here (a pull would drop it too). */
function localFields(context: ReplicaContext, table: SharedTable, values: Fields, localIds: Map<SharedTable, Map<string, number>>): Fields | null {
  const info = tableInfo(context.tables, table)
  const fields: Fields = {}
  for (const column of info.columns) fields[column] = values[column] ?? null
  for (const [column, target] of info.references) {
    const uid = fields[column]
    if (typeof uid !== 'string') continue
    const id = localIds.get(target)?.get(uid)
    if (id === undefined) return null
    fields[column] = id
  }
  if (table === 'stores') fields.search_text = searchTextOfRow(fields)
  return fields
}

/** Nothing shared here yet: every row in the snapshot is new to this replica. */
export function holdsNoSharedRow(sqlite: Database.Database): boolean {
  const empty = (table: string) => statement(sqlite, `SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1
  return empty('team_uids') && empty('team_outbox') && SHARED_TABLES.every(empty)
}

/** Inserts the live rows and keeps the deleted ones' uids as tombstones; returns the stores written. */
export function insertSnapshot(context: ReplicaContext, rows: readonly TeamSnapshotRow[]): Set<number> {
  const localIds = new Map<SharedTable, Map<string, number>>(SHARED_TABLES.map((table) => [table, new Map()]))
  const tombstone = new Map<SharedTable, number>()
  for (const table of SHARED_TABLES) {
    const info = tableInfo(context.tables, table)
    const written = localIds.get(table) ?? new Map<string, number>()
    for (const row of rows) {
      if (row.table !== table) continue
      if (row.fields === null) {
        // A keyed row's uid is its store's; a deleted one needs no name of its own.
        if (info.keyedByParent) continue
        const id = (tombstone.get(table) ?? 0) - 1
        tombstone.set(table, id)
        recordUid(context.sqlite, table, id, row.uid)
        continue
      }
      const fields = localFields(context, table, row.fields, localIds)
      if (fields === null) continue
      const id = insertRow(context.sqlite, info, fields)
      written.set(row.uid, id)
      recordUid(context.sqlite, table, id, row.uid)
    }
  }
  return new Set(localIds.get('stores')?.values())
}
