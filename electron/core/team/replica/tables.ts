/**
 * What the replica needs to know about each shared table, read from SQLite itself (PRAGMA
 * table_info and foreign_key_list), so a column added by a later migration travels without a change here.
 */
import type Database from 'better-sqlite3'
import { SHARED_TABLES } from '../team-change'
import type { SharedTable } from '../team-change'

/** Columns recomputed on each laptop from the others, never sent. */
const DERIVED_COLUMNS: Partial<Record<SharedTable, readonly string[]>> = { stores: ['search_text'] }

export interface SharedTableInfo {
  name: SharedTable
  /** The primary key column: `id`, or `store_id` for a table with one row per store. */
  key: string
  /** True when the key is a reference to the store (the row's uid is the store's uid). */
  keyedByParent: boolean
  /** The columns that travel (not the local `id`, not derived ones). */
  columns: string[]
  /** Columns that must be set for an insert (NOT NULL without a default). */
  required: string[]
  /** Columns pointing at another shared row, with the table they point at. */
  references: Map<string, SharedTable>
}

interface ColumnRow {
  name: string
  notnull: number
  dflt_value: unknown
  pk: number
}

interface ForeignKeyRow {
  table: string
  from: string
}

export type SharedTables = ReadonlyMap<SharedTable, SharedTableInfo>

export function readSharedTables(sqlite: Database.Database): SharedTables {
  return new Map(SHARED_TABLES.map((name) => [name, readTable(sqlite, name)]))
}

function readTable(sqlite: Database.Database, name: SharedTable): SharedTableInfo {
  const columns = sqlite.pragma(`table_info(${name})`) as ColumnRow[]
  const foreignKeys = sqlite.pragma(`foreign_key_list(${name})`) as ForeignKeyRow[]
  const key = columns.find((c) => c.pk === 1)?.name ?? 'id'
  const references = new Map<string, SharedTable>()
  for (const fk of foreignKeys) if (isShared(fk.table)) references.set(fk.from, fk.table)
  const derived = DERIVED_COLUMNS[name] ?? []
  const travelling = columns.filter((c) => c.name !== 'id' && !derived.includes(c.name))
  return {
    name,
    key,
    keyedByParent: references.has(key),
    columns: travelling.map((c) => c.name),
    required: travelling.filter((c) => c.notnull === 1 && c.dflt_value === null).map((c) => c.name),
    references
  }
}

function isShared(table: string): table is SharedTable {
  return (SHARED_TABLES as readonly string[]).includes(table)
}

export function tableInfo(tables: SharedTables, name: SharedTable): SharedTableInfo {
  const info = tables.get(name)
  if (!info) throw new Error(`${name} is not a shared table`)
  return info
}
