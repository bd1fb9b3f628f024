/**
 * The team's log as Postgres holds it, and what the rule for conflicts says it comes to (issue #12,
 * point 6), for the soak tests to hold every replica against.
 *
 * The replay, per row named by (table, uid), in seq order:
 * - a delete ends the row; for a table keyed by its store (subscriptions) a later insert brings it
 *   back, for every other table the uid stays a tombstone and nothing later revives it;
 * - an insert starts the row with every field; an update of a row that is not there does nothing;
 * - per field, the later change wins;
 * - a row whose store (or run) is gone is gone too (ON DELETE CASCADE, or dropped on apply).
 *
 * The fields by which a row claims what only one row may have (a store's key, a run's being open)
 * are decided by the clash rules of store-rows.ts and run-rows.ts, not by the later change, so the
 * replay leaves them out (`CLAIM_FIELDS`); replicas are still compared with each other on them.
 */
import { SHARED_TABLES } from '../../electron/core/team/team-change'
import type { SharedTable } from '../../electron/core/team/team-change'
import { tableInfo } from '../../electron/core/team/replica/tables'
import type { SharedTables } from '../../electron/core/team/replica/tables'
import type { PostgresCluster } from './postgres-cluster'
import { withSuperuser } from './team-postgres'

export interface LoggedChange {
  seq: number
  clientId: string
  clientSeq: number
  table: SharedTable
  uid: string
  fields: Record<string, unknown> | null
}

type Row = Record<string, unknown>
export type SharedRows = Record<string, Record<string, Row>>

export const CLAIM_FIELDS: Partial<Record<SharedTable, readonly string[]>> = {
  stores: ['seller_short_code', 'login_email'],
  checklist_runs: ['status', 'end_note']
}

const KEYED_BY_STORE = new Set<SharedTable>(['subscriptions', 'lazada_subscriptions'])

export async function readTeamLog(cluster: PostgresCluster, team: string): Promise<LoggedChange[]> {
  return withSuperuser(cluster, async (client) => {
    const result = await client.query<{ seq: string; client_id: string; client_seq: string; table_name: string; uid: string; fields: Row | null }>(
      `SELECT seq, client_id, client_seq, table_name, uid, fields FROM storewatch_team.changes
        WHERE team_id = (SELECT id FROM storewatch_team.teams WHERE name = $1) ORDER BY seq`,
      [team]
    )
    return result.rows.map((row) => ({
      seq: Number(row.seq),
      clientId: row.client_id,
      clientSeq: Number(row.client_seq),
      table: row.table_name as SharedTable,
      uid: row.uid,
      fields: row.fields
    }))
  })
}

/** The shared rows the log comes to, named by uid, without the claim fields (`tables`: a replica's, for which columns a new row needs). */
export function replayTeamLog(log: readonly LoggedChange[], tables: SharedTables): SharedRows {
  const rows = new Map<string, Row | null>()
  const tombstones = new Set<string>()
  for (const change of log) {
    const key = `${change.table}/${change.uid}`
    if (change.fields === null) {
      rows.set(key, null)
      if (!KEYED_BY_STORE.has(change.table)) tombstones.add(key)
      continue
    }
    const current = rows.get(key)
    if (tombstones.has(key)) continue
    const absent = current === undefined || current === null
    // A row starts only with every required column (an insert); anything less edits a row that is not there.
    if (absent && !tableInfo(tables, change.table).required.every((column) => column in (change.fields ?? {}))) continue
    rows.set(key, { ...(absent ? {} : current), ...change.fields })
  }
  const out: SharedRows = Object.fromEntries(SHARED_TABLES.map((table) => [table, {}]))
  for (const [key, row] of rows) {
    if (row === null) continue
    const [table, uid] = key.split('/') as [SharedTable, string]
    if (!parentsAlive(row, rows)) continue
    out[table]![uid] = withoutClaims(table, row)
  }
  return sorted(out)
}

function parentsAlive(row: Row, rows: ReadonlyMap<string, Row | null>): boolean {
  if (typeof row.store_id === 'string' && !rows.get(`stores/${row.store_id}`)) return false
  if (typeof row.run_id === 'string') {
    const run = rows.get(`checklist_runs/${row.run_id}`)
    if (!run || !parentsAlive(run, rows)) return false
  }
  return true
}

export function withoutClaims(table: string, row: Row): Row {
  const claims = CLAIM_FIELDS[table as SharedTable] ?? []
  return Object.fromEntries(Object.entries(row).filter(([field]) => !claims.includes(field)))
}

/** A replica's shared rows without the claim fields, to hold against the replay. */
export function withoutClaimFields(state: SharedRows): SharedRows {
  return sorted(Object.fromEntries(Object.entries(state).map(([table, rows]) => [table, Object.fromEntries(Object.entries(rows).map(([uid, row]) => [uid, withoutClaims(table, row)]))])))
}

function sorted(state: SharedRows): SharedRows {
  return Object.fromEntries(Object.entries(state).map(([table, rows]) => [table, Object.fromEntries(Object.entries(rows).sort(([a], [b]) => a.localeCompare(b)))]))
}
