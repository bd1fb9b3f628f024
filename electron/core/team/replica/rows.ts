/** Plain writes of one shared row by its local key; callers hold the transaction. */
import type Database from 'better-sqlite3'
import type { SharedTableInfo } from './tables'
import { statement } from './statements'

export type Fields = Record<string, unknown>

export function rowExists(sqlite: Database.Database, info: SharedTableInfo, id: number): boolean {
  return statement(sqlite, `SELECT 1 FROM ${info.name} WHERE ${info.key} = ?`).get(id) !== undefined
}

export function insertRow(sqlite: Database.Database, info: SharedTableInfo, fields: Fields): number {
  const columns = Object.keys(fields)
  const sql = `INSERT INTO ${info.name} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  return Number(statement(sqlite, sql).run(...columns.map((c) => sqliteValue(fields[c]))).lastInsertRowid)
}

export function updateRow(sqlite: Database.Database, info: SharedTableInfo, id: number, fields: Fields): void {
  const columns = Object.keys(fields)
  if (columns.length === 0) return
  const sql = `UPDATE ${info.name} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${info.key} = ?`
  statement(sqlite, sql).run(...columns.map((c) => sqliteValue(fields[c])), id)
}

export function deleteRow(sqlite: Database.Database, info: SharedTableInfo, id: number): void {
  statement(sqlite, `DELETE FROM ${info.name} WHERE ${info.key} = ?`).run(id)
}

/** The local id of the store a row belongs to (a step's, through its run). */
export function storeOfRow(sqlite: Database.Database, info: SharedTableInfo, id: number): number | null {
  if (info.name === 'stores') return id
  const sql =
    info.name === 'checklist_run_steps'
      ? 'SELECT r.store_id FROM checklist_run_steps s JOIN checklist_runs r ON r.id = s.run_id WHERE s.id = ?'
      : `SELECT store_id FROM ${info.name} WHERE ${info.key} = ?`
  return (statement(sqlite, sql).pluck().get(id) as number | undefined) ?? null
}

/** The fields without the named ones. */
export function without(fields: Fields, names: ReadonlySet<string>): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.has(name)))
}

function quote(column: string): string {
  return `"${column}"`
}

/** A value as SQLite stores it: JSON's true/false as 1/0, objects as their JSON text. */
export function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value ?? null
}
