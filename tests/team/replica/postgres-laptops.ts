/**
 * Laptops for the replica tests over a real PostgreSQL (issue #12): each its own role, a pg pool and
 * the app's Postgres channel (snapshot join included), and the team's current rows as Postgres keeps
 * them, named like `sharedState` names a laptop's rows.
 */
import pg from 'pg'
import { readSharedTables } from '../../../electron/core/team/replica/tables'
import { pgTeamChannel } from '../../../electron/core/team/server/pg-team-channel'
import type { OutgoingChange } from '../../../electron/core/team/team-change'
import { SHARED_TABLES } from '../../../electron/core/team/team-change'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { connectAs, withSuperuser } from '../../support/team-postgres'
import type { CuttableChannel, Laptop } from './support'

type Row = Record<string, unknown>

/** The app's channel as `role`, with a push that can be cut after Postgres committed it. */
export function cuttablePgChannel(cluster: PostgresCluster, role: { user: string; password: string }, pools: pg.Pool[]): CuttableChannel {
  const pool = new pg.Pool({ ...cluster.connection(role.user, role.password), max: 2 })
  pools.push(pool)
  const inner = pgTeamChannel({ pool, connectListener: () => connectAs(cluster, role.user, role.password) })
  const channel: CuttableChannel = {
    cutAfterCommit: false,
    push: async (changes: readonly OutgoingChange[]) => {
      await inner.push(changes)
      if (!channel.cutAfterCommit) return
      channel.cutAfterCommit = false
      throw new Error('connection lost after commit')
    },
    pull: (afterSeq, limit) => inner.pull(afterSeq, limit),
    snapshot: (clientId) => inner.snapshot(clientId)
  }
  return channel
}

/** The team's live current rows, by table and uid, with the columns a laptop has (absent ones null). */
export async function projectionState(cluster: PostgresCluster, team: string, laptop: Laptop): Promise<Record<string, Record<string, Row>>> {
  const tables = readSharedTables(laptop.database.sqlite)
  const rows = await withSuperuser(cluster, async (client) => {
    const result = await client.query<{ table_name: string; uid: string; fields: Row }>(
      `SELECT table_name, uid, fields FROM storewatch_team.current_rows r JOIN storewatch_team.teams t ON t.id = r.team_id
        WHERE t.name = $1 AND NOT deleted`,
      [team]
    )
    return result.rows
  })
  const state: Record<string, Record<string, Row>> = {}
  for (const table of SHARED_TABLES) {
    const columns = tables.get(table)?.columns ?? []
    const named = rows.filter((row) => row.table_name === table).map((row) => [row.uid, Object.fromEntries(columns.map((c) => [c, row.fields[c] ?? null]))] as const)
    state[table] = Object.fromEntries(named.sort(([a], [b]) => a.localeCompare(b)))
  }
  return state
}
