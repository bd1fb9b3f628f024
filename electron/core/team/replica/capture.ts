/**
 * Capture: while a team is joined, AFTER INSERT/UPDATE/DELETE triggers on every shared table append
 * the change to `team_outbox`, in the same transaction as the change itself, so an acknowledged
 * change is never without its outbox row. An insert records every travelling column, an update only
 * the columns whose value changed, a delete no fields (a store's delete keeps its key, here only). The triggers stay silent while a remote
 * change is applied (a row in `team_applying`). Solo, no trigger exists.
 */
import type Database from 'better-sqlite3'
import type { SharedTable } from '../team-change'
import { KEY_FIELDS } from './store-rows'
import type { SharedTableInfo, SharedTables } from './tables'

const OPS = ['insert', 'update', 'delete'] as const
type Op = (typeof OPS)[number]

/** The guard, and the start of the trigger's body (a trigger's BEGIN, not a transaction's). */
const WHEN_NOT_APPLYING = 'WHEN NOT EXISTS (SELECT 1 FROM team_applying) BEGIN'

export function triggerName(table: SharedTable, op: Op): string {
  return `team_capture_${table}_${op}`
}

export function installCapture(sqlite: Database.Database, tables: SharedTables): void {
  for (const info of tables.values()) for (const op of OPS) sqlite.exec(triggerSql(info, op))
}

export function removeCapture(sqlite: Database.Database, tables: SharedTables): void {
  for (const info of tables.values()) for (const op of OPS) sqlite.exec(`DROP TRIGGER IF EXISTS ${triggerName(info.name, op)}`)
}

function triggerSql(info: SharedTableInfo, op: Op): string {
  const head = `CREATE TRIGGER IF NOT EXISTS ${triggerName(info.name, op)} AFTER ${op.toUpperCase()} ON ${info.name} ${WHEN_NOT_APPLYING}`
  const row = op === 'delete' ? 'OLD' : 'NEW'
  const insert = `INSERT INTO team_outbox (table_name, local_id, op, fields)`
  if (op === 'delete') return `${head} ${insert} VALUES ('${info.name}', OLD.${info.key}, 'delete', ${deletedFields(info)}); END`
  if (op === 'insert') return `${head} ${insert} VALUES ('${info.name}', ${row}.${info.key}, 'insert', ${allColumns(info)}); END`
  return `${head} ${insert} SELECT '${info.name}', NEW.${info.key}, 'update', f FROM (SELECT ${changedColumns(info)} AS f) WHERE f <> '{}'; END`
}

/**
 * A store's delete keeps its key in its outbox row (never sent: a delete travels without fields):
 * until the team hands the delete back, the store still holds its key for the team, and a
 * teammate's store with that key, earlier than the delete, is set aside here as everywhere else.
 */
function deletedFields(info: SharedTableInfo): string {
  return info.name === 'stores' ? `json_object(${KEY_FIELDS.map((c) => `'${c}', OLD."${c}"`).join(', ')})` : 'NULL'
}

function allColumns(info: SharedTableInfo): string {
  return `json_object(${info.columns.map((c) => `'${c}', NEW."${c}"`).join(', ')})`
}

/** Every column, then the unchanged ones removed (a changed one removes a path that is never there). */
function changedColumns(info: SharedTableInfo): string {
  const paths = info.columns.map((c) => `CASE WHEN NEW."${c}" IS OLD."${c}" THEN '$.${c}' ELSE '$.~' END`)
  return `json_remove(${allColumns(info)}, ${paths.join(', ')})`
}
