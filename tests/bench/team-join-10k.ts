/**
 * Joining a team of 10,000 stores (issue #12, point 11): `teamJoin10kMs` is a fresh replica's first
 * pull, which takes the team's current rows from Postgres (one REPEATABLE READ snapshot) and applies
 * them by the laptops' rules into its SQLite; `teamJoin10kRawMs` is a raw SELECT of the same rows
 * through the same pg pool. The team is seeded through the app's channel (every change projected by
 * Postgres's trigger): per store its row, a subscription and three history rows. Alternating
 * pairs, each join into a fresh SQLite file, the first pair a warm-up; medians.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createTeamReplica } from '../../electron/core/team/replica/replica'
import { readSharedTables } from '../../electron/core/team/replica/tables'
import { pgTeamChannel } from '../../electron/core/team/server/pg-team-channel'
import type { OutgoingChange, SharedTable } from '../../electron/core/team/team-change'
import type { PostgresCluster } from '../support/postgres-cluster'
import { addPerson, connectAs } from '../support/team-postgres'
import { openBenchCore } from './bench-core'
import { median } from './stats'

const STORES = 10_000
const HISTORY_PER_STORE = 3
/** Join/raw pairs measured, after one pair that warms both up (not counted, as in bulk-10k.ts). */
const PAIRS = 3
const PUSH_BATCH = 2_000

export interface TeamJoinFigures {
  teamJoin10kMs: number
  teamJoin10kRawMs: number
  teamJoin10kRatio: number
  teamJoin10kRows: number
  /** The warm-up pair's join: the first in a process, its code not yet compiled hot. */
  teamJoin10kFirstMs: number
}

export async function teamJoinFigures(cluster: PostgresCluster): Promise<TeamJoinFigures> {
  const seeder = await addPerson(cluster, 'bench_join_seeder', 'Bench join')
  const joiner = await addPerson(cluster, 'bench_join_joiner', 'Bench join')
  const seedPool = poolAs(cluster, seeder)
  const joinPool = poolAs(cluster, joiner)
  const dirs: string[] = []
  try {
    const channelOf = (pool: pg.Pool, role: { user: string; password: string }) =>
      pgTeamChannel({ pool, connectListener: () => connectAs(cluster, role.user, role.password) })
    const changes = teamChanges(columnsOfSharedTables(dirs))
    const seeding = channelOf(seedPool, seeder)
    for (let i = 0; i < changes.length; i += PUSH_BATCH) await seeding.push(changes.slice(i, i + PUSH_BATCH))

    const rawTimes: number[] = []
    const joinTimes: number[] = []
    let rows = 0
    let first = 0
    for (let pair = 0; pair <= PAIRS; pair++) {
      const raw = await timedRawRead(joinPool)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-join-'))
      dirs.push(dir)
      const { database } = openBenchCore(dir)
      try {
        const replica = createTeamReplica({ sqlite: database.sqlite, channel: channelOf(joinPool, joiner) })
        replica.join({ shareLocal: false })
        const t0 = performance.now()
        rows = (await replica.pull()).pulled
        const join = performance.now() - t0
        if (pair === 0) first = join
        else {
          joinTimes.push(join)
          rawTimes.push(raw)
        }
        const stores = database.sqlite.prepare('SELECT count(*) FROM stores').pluck().get() as number
        if (stores !== STORES) throw new Error(`the joined replica holds ${stores} stores, not ${STORES}`)
      } finally {
        database.close()
      }
    }
    const join = median(joinTimes)
    const raw = median(rawTimes)
    return { teamJoin10kMs: Math.round(join), teamJoin10kRawMs: Math.round(raw), teamJoin10kRatio: Number((join / raw).toFixed(2)), teamJoin10kRows: rows, teamJoin10kFirstMs: Math.round(first) }
  } finally {
    await Promise.allSettled([seedPool.end(), joinPool.end()])
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  }
}

function poolAs(cluster: PostgresCluster, role: { user: string; password: string }): pg.Pool {
  const pool = new pg.Pool({ ...cluster.connection(role.user, role.password), max: 1 })
  pool.on('error', () => undefined)
  return pool
}

/** The same rows the snapshot reads, as plain rows through the same pool. */
async function timedRawRead(pool: pg.Pool): Promise<number> {
  const client = await pool.connect()
  try {
    const t0 = performance.now()
    const result = await client.query(
      `SELECT table_name, uid, CASE WHEN deleted THEN NULL ELSE fields END AS fields, author
         FROM storewatch_team.current_rows WHERE team_id = storewatch_team.current_team()`
    )
    const ms = performance.now() - t0
    if (result.rows.length === 0) throw new Error('the raw read found no rows')
    return ms
  } finally {
    client.release()
  }
}

/** The travelling columns of each shared table, read from a fresh database as the replica reads them. */
function columnsOfSharedTables(dirs: string[]): Map<SharedTable, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-columns-'))
  dirs.push(dir)
  const { database } = openBenchCore(dir)
  try {
    return new Map([...readSharedTables(database.sqlite).values()].map((info) => [info.name, info.columns]))
  } finally {
    database.close()
  }
}

/** Every column of the table, the given values over nulls, as a laptop's insert carries them. */
function full(columns: Map<SharedTable, string[]>, table: SharedTable, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((columns.get(table) ?? []).map((column) => [column, values[column] ?? null]))
}

function teamChanges(columns: Map<SharedTable, string[]>): OutgoingChange[] {
  const changes: OutgoingChange[] = []
  const add = (table: SharedTable, uid: string, fields: Record<string, unknown>) =>
    changes.push({ clientId: 'bench-seeder', clientSeq: changes.length + 1, table, uid, fields: full(columns, table, fields) })
  const now = Date.parse('2026-06-01T00:00:00Z')
  for (let i = 0; i < STORES; i++) {
    const uid = `bench-store-${i}`
    add('stores', uid, {
      client_name: `Client ${i % 500}`,
      store_name: `Store ${i}`,
      country: 'SG',
      seller_short_code: `SG${String(i).padStart(8, '0')}`,
      login_email: `store${i}@example.sg`,
      owner_kam: `KAM ${i % 10}`,
      tags: '["bench"]',
      notes: i % 3 === 0 ? 'Renewal due' : null,
      created_at: now,
      updated_at: now
    })
    add('subscriptions', uid, { store_id: uid, service_version: 'standard', period: 'year', start_at: now, end_at: now + 365 * 86_400_000, source: 'manual', updated_at: now })
    for (let h = 0; h < HISTORY_PER_STORE; h++) {
      add('store_history', `bench-history-${i}-${h}`, { store_id: uid, at: now + h, actor: 'bench', kind: h === 0 ? 'created' : 'edited', summary: `Change ${h}`, changes: '[]' })
    }
  }
  return changes
}
