/**
 * kill -9 of the team's checker mid-run (issue #12, point 9): Lazada slow, part of the answers
 * written and pushed, part in memory, part still being asked, when the checker is killed. Restarted
 * on the same data folder, it finishes: every store has its answer once, on the laptop, in the
 * checker's replica and in the team's change log; nothing is duplicated and nothing lost.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import type { Child } from '../../support/child-process'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { makeTempDir } from '../../support/test-database'
import { uidOfLocal } from '../replica/support'
import type { Laptop as ReplicaLaptop } from '../replica/support'
import { WAIT, answersOn, laptopWithStores, mockLazada, queries, spawnChecker } from './support'

/** More than one batch of answers (50), so some are written and pushed before the kill. */
const STORES = 60
const ANSWERED_BEFORE_THE_KILL = 55

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const teamCount = (sql: string, params: unknown[] = []): Promise<number> =>
  withSuperuser(cluster, async (client) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n))

describe('kill -9 of the checker mid-run', () => {
  it('restarted, it records every store’s answer once: nothing duplicated, nothing lost', async () => {
    const gateway = await mockLazada()
    cleanups.push(() => gateway.close())
    const kam = await laptopWithStores(cluster, 'kam_crash', 'Crash', STORES, [gateway])
    cleanups.push(async () => {
      await kam.loop.stop()
      kam.database.close()
    })
    const role = await addPerson(cluster, 'checker_crash', 'Crash')
    const setup = { cluster, role, gateway, dataDir: path.join(makeTempDir('storewatch-checker-'), 'data'), intervalMs: 3_000, pollMs: 300 }
    const storeUids = () => [...kam.stores.values()].map((id) => uidOfLocal(kam as unknown as ReplicaLaptop, 'stores', id))
    await expect.poll(() => storeUids().every(Boolean), WAIT).toBe(true)

    // Lazada answers 55 stores, then hangs: 50 answers are written (one batch) and pushed, 5 wait in memory.
    const gate = gateway.holdAfter('/service/market/subs/query', ANSWERED_BEFORE_THE_KILL)
    const first = spawnChecker(setup)
    const children: Child[] = [first]
    cleanups.push(() => children.forEach((child) => child.kill('SIGKILL')))
    await expect.poll(() => gate.held(), WAIT).toBeGreaterThan(0)
    await expect.poll(() => teamCount("SELECT count(DISTINCT uid) AS n FROM storewatch_team.changes WHERE table_name = 'lazada_subscriptions'"), WAIT).toBeGreaterThan(0)
    first.kill('SIGKILL')
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' })
    expect(await answersOn(kam)).not.toEqual(kam.ends)
    gate.release()

    const second = spawnChecker(setup)
    children.push(second)
    await expect.poll(() => answersOn(kam), WAIT).toEqual(kam.ends)
    second.kill('SIGTERM')
    expect(await second.exited).toMatchObject({ code: 0 })
    expect(queries(gateway)).toBeGreaterThanOrEqual(STORES)

    // The team's change log: each change once; Lazada's answers named by their stores, one row each.
    expect(await teamCount('SELECT count(*) - count(DISTINCT (client_id, client_seq)) AS n FROM storewatch_team.changes')).toBe(0)
    const answered = await withSuperuser(cluster, async (client) =>
      (await client.query<{ uid: string }>("SELECT DISTINCT uid FROM storewatch_team.changes WHERE table_name = 'lazada_subscriptions' ORDER BY uid")).rows.map((row) => row.uid)
    )
    expect(answered).toEqual([...storeUids()].sort())
    const checkerDb = new Database(path.join(setup.dataDir, 'storewatch.db'), { readonly: true })
    cleanups.push(() => {
      checkerDb.close()
    })
    const checkerClient = checkerDb.prepare("SELECT value FROM team_state WHERE key = 'client_id'").pluck().get() as string
    const touched = await withSuperuser(cluster, async (client) =>
      (await client.query<{ table_name: string }>('SELECT DISTINCT table_name FROM storewatch_team.changes WHERE client_id = $1 ORDER BY 1', [checkerClient])).rows.map((row) => row.table_name)
    )
    expect(touched.filter((table) => table !== 'lazada_subscriptions' && table !== 'store_history')).toEqual([])

    // The laptop and the checker's replica: every store once, its answer once, nothing left to push.
    const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    expect([count(kam.database.sqlite, 'stores'), count(kam.database.sqlite, 'lazada_subscriptions')]).toEqual([STORES, STORES])
    expect([count(checkerDb, 'stores'), count(checkerDb, 'lazada_subscriptions')]).toEqual([STORES, STORES])
    expect(checkerDb.prepare('SELECT count(*) FROM team_outbox WHERE client_seq > (SELECT CAST(value AS INTEGER) FROM team_state WHERE key = ?)').pluck().get('pushed_through')).toBe(0)
    const lazadaLines = [...kam.stores.values()].map((id) => kam.core.detail(id).history.filter((entry) => entry.summary.startsWith('Lazada')).length)
    expect(lazadaLines).toEqual(Array(STORES).fill(1))
    expect(await teamCount("SELECT count(*) AS n FROM storewatch_team.changes WHERE client_id = $1 AND table_name = 'store_history'", [checkerClient])).toBe(STORES)
  }, 240_000)
})
