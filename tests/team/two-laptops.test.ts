/**
 * Two laptops on one team over a real PostgreSQL (issue #12, points 5 and 6): each its own SQLite
 * file and Postgres role, a replica, a sync loop on real timers and a pg connection. A store made on
 * one appears on the other through LISTEN/NOTIFY (the fallback pull is set far beyond the waits);
 * a concurrent edit converges to the later one in Postgres's order; an offline laptop loses nothing;
 * a schema newer than the app is refused with its reason while local work goes on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectTeam } from '../../electron/core/team/pg-team-connection'
import { migrateTeamSchema } from '../../electron/core/team/server/migrate-team-schema'
import { TEAM_MIGRATIONS } from '../../electron/core/team/server/team-schema'
import { TeamRefusal } from '../../electron/core/team/sync-loop'
import { freeLoopbackPort, startPostgresCluster } from '../support/postgres-cluster'
import type { PostgresCluster } from '../support/postgres-cluster'
import { storeInput } from '../support/store-input'
import { laptopSync } from '../support/team-laptops'
import type { LaptopSync } from '../support/team-laptops'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'
import { addPerson, withSuperuser } from '../support/team-postgres'
import { localIdOfUid, storeFields, uidOfLocal } from './replica/support'
import type { Laptop as ReplicaLaptop } from './replica/support'

const WAIT = { timeout: 15_000, interval: 50 }
/** Far beyond every wait: what arrives, arrives by NOTIFY or by the loop's own push-then-pull. */
const NO_FALLBACK_PULL_MS = 600_000

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

interface Laptop extends LaptopSync {
  name: string
  database: TestDatabase
  core: TestCore
}

const opened: Laptop[] = []
afterEach(async () => {
  for (const laptop of opened.splice(0)) {
    await laptop.loop.stop()
    laptop.database.close()
  }
})

async function openLaptop(name: string, team: string | null): Promise<Laptop> {
  const role = team === null ? await addStranger(name) : await addPerson(cluster, name, team)
  const database = openTestDatabase()
  const sync = laptopSync(database.sqlite, cluster, role, { pullIntervalMs: NO_FALLBACK_PULL_MS, nudgeDebounceMs: 20 })
  // The sync's own object, so the loop's published state and a restart stay visible here.
  const laptop = Object.assign(sync, { name, database, core: createTestCore(database) })
  opened.push(laptop)
  return laptop
}

/** A login role in no team. */
async function addStranger(name: string): Promise<{ user: string; password: string }> {
  await withSuperuser(cluster, (client) => client.query(`CREATE ROLE ${name} LOGIN PASSWORD '${name}-pw'`))
  return { user: name, password: `${name}-pw` }
}

/** What the replica helpers read: the laptop's database. */
function asReplicaLaptop(laptop: Laptop): ReplicaLaptop {
  return laptop as unknown as ReplicaLaptop
}

function storeOn(laptop: Laptop, uid: string): number | undefined {
  return localIdOfUid(asReplicaLaptop(laptop), 'stores', uid)
}

function edit(laptop: Laptop, id: number, change: Partial<ReturnType<typeof storeFields>>): void {
  laptop.core.stores.update(id, { ...storeFields(laptop.core, id), ...change })
  laptop.loop.nudge()
}

async function inSync(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) await expect.poll(() => laptop.state.kind, WAIT).toBe('in-sync')
}

/** A store made on `from`, once `to` has it. */
async function sharedStore(from: Laptop, to: Laptop, name: string, shortCode: string): Promise<{ fromId: number; toId: number; uid: string }> {
  const store = from.core.stores.create(storeInput({ storeName: name, sellerShortCode: shortCode }))
  from.loop.nudge()
  // The store gets its team uid when it is first pushed.
  const uid = () => uidOfLocal(asReplicaLaptop(from), 'stores', store.id) ?? ''
  await expect.poll(() => storeOn(to, uid()), WAIT).toBeDefined()
  return { fromId: store.id, toId: storeOn(to, uid()) ?? 0, uid: uid() }
}

describe('two laptops on one team over Postgres', () => {
  it('a store made on one laptop appears on the other through LISTEN/NOTIFY, and both are in sync', async () => {
    const amy = await openLaptop('kam_amy_a', 'Team A')
    const ben = await openLaptop('kam_ben_a', 'Team A')
    await Promise.all([amy.loop.start(), ben.loop.start()])
    await inSync(amy, ben)

    const { toId } = await sharedStore(amy, ben, 'Bloom Official', 'SG20000001')
    expect(ben.core.stores.view(toId)).toMatchObject({ storeName: 'Bloom Official', sellerShortCode: 'SG20000001' })
    await inSync(amy, ben)
    expect([amy.replica.unpushed(), ben.replica.unpushed()]).toEqual([0, 0])
  }, 60_000)

  it('a concurrent edit of one field converges on both laptops to the later one in Postgres’s order', async () => {
    const amy = await openLaptop('kam_amy_b', 'Team B')
    const ben = await openLaptop('kam_ben_b', 'Team B')
    await Promise.all([amy.loop.start(), ben.loop.start()])
    const { fromId, toId, uid } = await sharedStore(amy, ben, 'Lotus Official', 'SG20000002')
    await inSync(amy, ben)

    edit(amy, fromId, { notes: 'Amy: renewal in May' })
    edit(ben, toId, { notes: 'Ben: renewal in June' })

    const winner = async (): Promise<string | null> =>
      withSuperuser(cluster, async (client) => {
        const result = await client.query<{ notes: string | null }>(
          `SELECT fields->>'notes' AS notes FROM storewatch_team.changes
            WHERE table_name = 'stores' AND uid = $1 AND fields->>'notes' LIKE '%renewal%' ORDER BY seq DESC LIMIT 1`,
          [uid]
        )
        return result.rows[0]?.notes ?? null
      })
    await expect.poll(() => amy.replica.unpushed() + ben.replica.unpushed(), WAIT).toBe(0)
    const later = await winner()
    expect(later).toMatch(/renewal in (May|June)/)
    await expect.poll(() => [amy.core.stores.view(fromId).notes, ben.core.stores.view(toId).notes], WAIT).toEqual([later, later])
    await inSync(amy, ben)
  }, 60_000)

  it('a laptop offline while both edit loses nothing: back online, both laptops hold every edit', async () => {
    const amy = await openLaptop('kam_amy_c', 'Team C')
    const ben = await openLaptop('kam_ben_c', 'Team C')
    await Promise.all([amy.loop.start(), ben.loop.start()])
    const { fromId, toId } = await sharedStore(amy, ben, 'Orchid Official', 'SG20000003')
    await inSync(amy, ben)

    await ben.restart({ ...ben.settings, port: await freeLoopbackPort() })
    expect(ben.state).toMatchObject({ kind: 'offline', pending: 0 })

    edit(amy, fromId, { notes: 'Amy called the client' })
    edit(ben, toId, { ownerKam: 'Ben' })
    const made = ben.core.stores.create(storeInput({ storeName: 'Made Offline', sellerShortCode: 'SG20000004' }))
    ben.loop.nudge()
    await inSync(amy)
    await expect.poll(() => ben.state.kind === 'offline' && ben.state.pending > 0, WAIT).toBe(true)
    expect(ben.core.stores.view(toId).notes).not.toBe('Amy called the client')

    await ben.restart()
    const expected = { notes: 'Amy called the client', ownerKam: 'Ben' }
    await expect.poll(() => [amy.core.stores.view(fromId), ben.core.stores.view(toId)], WAIT).toMatchObject([expected, expected])
    const madeOnAmy = () => storeOn(amy, uidOfLocal(asReplicaLaptop(ben), 'stores', made.id) ?? '')
    await expect.poll(madeOnAmy, WAIT).toBeDefined()
    expect(amy.core.stores.view(madeOnAmy() ?? 0).storeName).toBe('Made Offline')
    await inSync(amy, ben)
    expect([amy.replica.unpushed(), ben.replica.unpushed()]).toEqual([0, 0])
  }, 60_000)

  it('a listening connection Postgres cuts is opened again, and teammates’ changes keep arriving without the fallback pull', async () => {
    const amy = await openLaptop('kam_amy_g', 'Team G')
    const ben = await openLaptop('kam_ben_g', 'Team G')
    await Promise.all([amy.loop.start(), ben.loop.start()])
    const { fromId, toId } = await sharedStore(amy, ben, 'Jasmine Official', 'SG20000006')
    await inSync(amy, ben)

    const cut = await withSuperuser(cluster, async (client) => {
      const result = await client.query<{ cut: boolean }>(
        `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE usename = 'kam_ben_g' AND query LIKE 'LISTEN%'`
      )
      return result.rows.map((row) => row.cut)
    })
    expect(cut).toEqual([true])

    edit(amy, fromId, { notes: 'After the cut' })
    await expect.poll(() => ben.core.stores.view(toId).notes, WAIT).toBe('After the cut')
    await inSync(amy, ben)
  }, 60_000)

  it('a team schema newer than the app is refused with why, and local writes still work', async () => {
    const amy = await openLaptop('kam_amy_d', 'Team D')
    await withSuperuser(cluster, (client) => client.query('UPDATE storewatch_team.schema_version SET version = version + 1'))
    try {
      await amy.loop.start()
      expect(amy.state).toMatchObject({ kind: 'refused' })
      expect(amy.state.kind === 'refused' && amy.state.reason).toMatch(/newer than this Storewatch knows.*Update Storewatch/)

      const store = amy.core.stores.create(storeInput({ storeName: 'Still Local', sellerShortCode: 'SG20000005' }))
      amy.loop.nudge()
      expect(amy.core.stores.view(store.id).storeName).toBe('Still Local')
      expect(amy.replica.unpushed()).toBeGreaterThan(0)
      expect(amy.state.kind).toBe('refused')
    } finally {
      await withSuperuser(cluster, (client) => client.query('UPDATE storewatch_team.schema_version SET version = version - 1'))
    }
  }, 60_000)

  it('a sign-in Postgres refuses, and a role in no team, are refused with why instead of retried', async () => {
    const amy = await openLaptop('kam_amy_e', 'Team E')
    amy.password = 'not-the-password'
    await amy.loop.start()
    expect(amy.state).toEqual({
      kind: 'refused',
      reason: `Postgres at ${cluster.host}:${cluster.port} refused the sign-in of kam_amy_e: the password or the user is wrong, or the role may not connect. Check them in Settings → Team.`
    })

    const stranger = await openLaptop('kam_stranger_e', null)
    await stranger.loop.start()
    expect(stranger.state).toMatchObject({ kind: 'refused' })
    expect(stranger.state.kind === 'refused' && stranger.state.reason).toMatch(/^Postgres refused the role kam_stranger_e the team's data \(.+\): it is not a member of a Storewatch team/)
  }, 60_000)

  it('an app newer than the team schema, and a plain connection to a remote host, are refused with why', async () => {
    const amy = await openLaptop('kam_amy_f', 'Team F')
    const newerApp = [...TEAM_MIGRATIONS, { version: TEAM_MIGRATIONS.length + 1, name: 'a step this server lacks', sql: 'SELECT 1' }]
    const older = await connectTeam({ settings: amy.settings, password: amy.password, readFile: () => '', migrations: newerApp }).catch((error: unknown) => error)
    expect(older).toBeInstanceOf(TeamRefusal)
    expect((older as Error).message).toMatch(/older than this Storewatch.*Ask the team's admin to update the team schema/)

    const remote = { ...amy.settings, host: 'team.example.com' }
    const plain = await connectTeam({ settings: remote, password: amy.password, readFile: () => '' }).catch((error: unknown) => error)
    expect(plain).toBeInstanceOf(TeamRefusal)
    expect((plain as Error).message).toContain('Storewatch connects to team.example.com only over TLS')
  }, 60_000)
})
