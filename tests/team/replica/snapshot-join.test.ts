/**
 * Joining from the team's current rows (issue #12): a replica that has applied nothing asks Postgres
 * for the team's rows and the seq they stand for, instead of replaying the whole order, and goes on
 * pulling after that seq. Its shared rows end as a replay's would; its own changes the snapshot
 * holds are settled; a row deleted before it joined stays deleted; history shows Postgres's authors.
 */
import type pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import type { TeamSnapshot } from '../../../electron/core/team/team-change'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { storeInput } from '../../support/store-input'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import type { TestDatabase } from '../../support/test-database'
import { cuttablePgChannel, projectionState } from './postgres-laptops'
import { localIdOfUid, openLaptopOn, sharedState, storeFields, subscription, syncAll, uidOfLocal } from './support'
import type { Laptop } from './support'

let cluster: PostgresCluster
const pools: pg.Pool[] = []
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await Promise.allSettled(pools.splice(0).map((pool) => pool.end()))
  await cluster?.stop()
})

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

/** A laptop of `team` as role `name`, counting the snapshots its channel hands out. */
async function laptopOf(name: string, team: string): Promise<Laptop & { snapshots: TeamSnapshot[] }> {
  const channel = cuttablePgChannel(cluster, await addPerson(cluster, name, team), pools)
  const snapshots: TeamSnapshot[] = []
  const inner = channel.snapshot?.bind(channel)
  channel.snapshot = async (clientId) => {
    const snapshot = await (inner ?? (() => Promise.reject(new Error('no snapshot'))))(clientId)
    snapshots.push(snapshot)
    return snapshot
  }
  const laptop = openLaptopOn(channel, name, opened)
  laptop.replica.join({ shareLocal: true })
  return Object.assign(laptop, { snapshots })
}

describe('joining from the team’s current rows', () => {
  it('a fresh laptop takes the rows and their seq once, then pulls after it, and holds what a replay holds', async () => {
    const amy = await laptopOf('snap_amy_a', 'Snap A')
    const kept = amy.core.stores.create(storeInput({ storeName: 'Kept', sellerShortCode: 'SGSNAP01' }))
    amy.core.records.saveSubscription(kept.id, subscription(0, 86_400_000))
    const gone = amy.core.stores.create(storeInput({ storeName: 'Gone', sellerShortCode: 'SGSNAP02' }))
    amy.core.stores.update(kept.id, { ...storeFields(amy.core, kept.id), notes: 'Edited before the join' })
    await amy.replica.push()
    const goneUid = uidOfLocal(amy, 'stores', gone.id) ?? ''
    amy.core.stores.delete(gone.id)
    await amy.replica.push()

    const cat = await laptopOf('snap_cat_a', 'Snap A')
    await cat.replica.pull()
    expect(cat.snapshots).toHaveLength(1)
    await syncAll([amy, cat])
    expect(cat.snapshots).toHaveLength(1)
    expect(sharedState(cat)).toEqual(sharedState(amy))
    expect(sharedState(cat)).toEqual(await projectionState(cluster, 'Snap A', cat))
    expect(localIdOfUid(cat, 'stores', goneUid)).toBeLessThan(0)

    amy.core.stores.update(kept.id, { ...storeFields(amy.core, kept.id), notes: 'After the join' })
    await amy.replica.push()
    await cat.replica.pull()
    expect(cat.core.stores.view(localIdOfUid(cat, 'stores', uidOfLocal(amy, 'stores', kept.id) ?? '') ?? 0).notes).toBe('After the join')
  }, 60_000)

  it('a laptop that pushed its own portfolio before its first pull finds its changes settled by the snapshot', async () => {
    const ben = await laptopOf('snap_ben_b', 'Snap B')
    ben.core.stores.create(storeInput({ storeName: 'Ben’s own', sellerShortCode: 'SGSNAP03' }))
    await ben.replica.push()
    await ben.replica.pull()
    expect(ben.snapshots).toHaveLength(1)
    expect(ben.snapshots[0]?.ownThrough).toBeGreaterThan(0)
    expect(ben.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0)
    expect(sharedState(ben)).toEqual(await projectionState(cluster, 'Snap B', ben))
  }, 60_000)

  it('a store of its own that lost its key to an earlier team store, pushed before its first pull, leaves the key to that store', async () => {
    const cat = await laptopOf('snap_cat_d', 'Snap D')
    const ben = await laptopOf('snap_ben_d', 'Snap D')
    cat.core.stores.create(storeInput({ storeName: 'Cat’s twin', sellerShortCode: 'SGSNAPTWIN' }))
    await cat.replica.push()
    ben.core.stores.create(storeInput({ storeName: 'Ben’s twin', sellerShortCode: 'SGSNAPTWIN' }))
    await ben.replica.push()
    await ben.replica.pull()
    await cat.replica.pull()
    expect(ben.snapshots).toHaveLength(1)
    const projection = await projectionState(cluster, 'Snap D', ben)
    const codes = (laptop: Laptop) => Object.values(sharedState(laptop).stores ?? {}).map((row) => `${String(row.store_name)}: ${String(row.seller_short_code)}`).sort()
    expect(codes(ben)).toEqual(['Ben’s twin: null', 'Cat’s twin: SGSNAPTWIN'])
    expect(sharedState(ben)).toEqual(projection)
    expect(sharedState(cat)).toEqual(projection)
  }, 60_000)

  it('history that arrives from the team, or comes back to the laptop that wrote it, names the Postgres role', async () => {
    const amy = await laptopOf('snap_amy_c', 'Snap C')
    const ben = await laptopOf('snap_ben_c', 'Snap C')
    await ben.replica.pull()
    const store = amy.core.stores.create(storeInput({ storeName: 'Authored', sellerShortCode: 'SGSNAP04' }))
    const uid = () => uidOfLocal(amy, 'stores', store.id) ?? ''
    await amy.replica.push()
    await syncAll([amy, ben])
    const actors = (laptop: Laptop, id: number): string[] =>
      laptop.database.sqlite.prepare('SELECT actor FROM store_history WHERE store_id = ?').pluck().all(id) as string[]
    expect(actors(amy, store.id).length).toBeGreaterThan(0)
    expect(new Set(actors(amy, store.id))).toEqual(new Set(['snap_amy_c']))
    expect(new Set(actors(ben, localIdOfUid(ben, 'stores', uid()) ?? 0))).toEqual(new Set(['snap_amy_c']))
  }, 60_000)
})
