/**
 * "A change made during a week offline arrives" (issue #12, point 5), on a real PostgreSQL: Amy's
 * laptop runs the app's sync loop on a fake clock (its timers fired by the test as simulated time
 * passes) with the real pg connection through a TCP proxy that refuses her for 7 simulated days.
 * Every simulated hour she changes something; the loop keeps retrying and the header says
 * "offline since" the start of the week, with the pending count growing. Ben stays online and edits
 * the same store meanwhile. Healed, Amy's changes all arrive, once each and in her order, and both
 * laptops hold the same rows, the week's history with its own dates included.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../../electron/core/ports'
import { connectTeam } from '../../../electron/core/team/pg-team-connection'
import { teamReplicaPort } from '../../../electron/core/team/replica-port'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { createSyncLoop } from '../../../electron/core/team/sync-loop'
import type { Later } from '../../../electron/core/team/sync-loop'
import type { TeamState } from '../../../electron/shared/team-state'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { storeInput } from '../../support/store-input'
import { readTeamLog } from '../../support/team-log'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { lastClientSeq, openSoakLaptop } from '../../support/team-soak'
import type { SoakLaptop } from '../../support/team-soak'
import { createTestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import { localIdOfUid, sharedState, storeFields, uidOfLocal } from '../replica/support'
import type { Laptop as ReplicaLaptop } from '../replica/support'

const HOUR = 3_600_000
const WEEK_HOURS = 7 * 24
const WAIT = { timeout: 30_000, interval: 20 }

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

const opened: SoakLaptop[] = []
afterEach(async () => {
  for (const laptop of opened.splice(0)) await laptop.close()
})

/** The loop's timers on the fake clock: they run when the test fires what is due. */
function fakeTimers(clock: FakeClock) {
  const timers = new Set<{ at: number; run: () => void }>()
  const later: Later = (run, ms) => {
    const timer = { at: clock.now() + ms, run }
    timers.add(timer)
    return () => timers.delete(timer)
  }
  const fireDue = (): void => {
    for (const timer of [...timers].filter((t) => t.at <= clock.now())) {
      timers.delete(timer)
      timer.run()
    }
  }
  return { later, fireDue }
}

function rows(laptop: SoakLaptop) {
  return sharedState(laptop as unknown as ReplicaLaptop)
}

describe('a week offline', () => {
  it('every change made over 7 simulated days offline arrives, in order and once, and teammates converge', async () => {
    const clock = new FakeClock(Date.parse('2026-11-02T01:00:00Z'))
    const database = openTestDatabase({ clock })
    const amyRole = await addPerson(cluster, 'week_amy', 'Week')
    const amy = await openSoakLaptop(cluster, 'week_amy', amyRole, { database, core: createTestCore(database, { clock }) })
    const ben = await openSoakLaptop(cluster, 'week_ben', await addPerson(cluster, 'week_ben', 'Week'))
    opened.push(amy, ben)
    const timers = fakeTimers(clock)
    // Set by the loop's publish; typed wide so the checks below are not narrowed to the first value.
    let state = { kind: 'solo' } as TeamState
    let published = 0
    const loop = createSyncLoop({
      replica: teamReplicaPort({ sqlite: database.sqlite }),
      connect: () => connectTeam({ settings: { host: amy.proxy.host, port: amy.proxy.port, database: 'postgres', user: amyRole.user, tls: 'disable' }, password: amyRole.password, readFile: () => '' }),
      clock,
      logger: silentLogger,
      publish: (next) => {
        state = next
        published++
      },
      later: timers.later
    })
    const passes = async (ms: number): Promise<void> => {
      const before = published
      clock.advance(ms)
      timers.fireDue()
      await expect.poll(() => published > before && state.kind !== 'syncing', WAIT).toBe(true)
    }

    await loop.start()
    expect(state.kind).toBe('in-sync')
    const store = amy.core.stores.create(storeInput({ storeName: 'Week Away', sellerShortCode: 'SG40000001' }))
    loop.nudge()
    await passes(1_000)
    expect(state.kind).toBe('in-sync')
    expect(await ben.sync()).toBe(true)
    const storeUid = uidOfLocal(amy as unknown as ReplicaLaptop, 'stores', store.id) ?? ''
    const benStore = localIdOfUid(ben as unknown as ReplicaLaptop, 'stores', storeUid) ?? 0
    expect(ben.core.stores.view(benStore).storeName).toBe('Week Away')

    amy.proxy.refuse()
    const leftAt = clock.now()
    const firstOffline = lastClientSeq(database) + 1
    for (let hour = 1; hour <= WEEK_HOURS; hour++) {
      clock.advance(HOUR)
      const notes = `Day ${Math.ceil(hour / 24)}, hour ${hour}`
      amy.core.stores.update(store.id, { ...storeFields(amy.core, store.id), notes })
      if (hour % 12 === 0) amy.core.stores.create(storeInput({ storeName: `Made offline ${hour}`, sellerShortCode: `SG41${String(hour).padStart(6, '0')}` }))
      if (hour % 24 === 0) amy.core.records.saveSubscription(store.id, { serviceVersion: 'authorization-only', period: 'half-year', startAt: clock.now(), endAt: clock.now() + 180 * 24 * HOUR, source: 'kam' })
      loop.nudge()
      await passes(1_000)
      expect(state).toMatchObject({ kind: 'offline', pending: amy.replica.unpushed() })
      expect(state.kind === 'offline' && state.since).toBeLessThanOrEqual(leftAt + HOUR + 1_000)
    }
    const lastOffline = lastClientSeq(database)
    expect(amy.replica.unpushed()).toBeGreaterThanOrEqual(lastOffline - firstOffline + 1)

    // Ben, online all week, edits another field of the same store.
    ben.core.stores.update(benStore, { ...storeFields(ben.core, benStore), ownerKam: 'Ben' })
    expect(await ben.sync()).toBe(true)

    amy.proxy.heal()
    await expect.poll(async () => {
      clock.advance(30_000)
      timers.fireDue()
      await new Promise((resolve) => setTimeout(resolve, 50))
      return state.kind
    }, WAIT).toBe('in-sync')
    expect(await ben.sync()).toBe(true)

    const log = await readTeamLog(cluster, 'Week')
    const amys = log.filter((change) => change.clientId === amy.replica.clientId()).map((change) => change.clientSeq)
    expect(amys.filter((clientSeq) => clientSeq >= firstOffline)).toEqual(Array.from({ length: lastOffline - firstOffline + 1 }, (_, i) => firstOffline + i))
    expect(new Set(amys).size).toBe(amys.length)

    expect(amy.replica.unpushed()).toBe(0)
    expect(rows(ben)).toEqual(rows(amy))
    expect(ben.core.stores.view(benStore)).toMatchObject({ notes: `Day 7, hour ${WEEK_HOURS}`, ownerKam: 'Ben' })
    expect(ben.core.stores.count()).toBe(1 + WEEK_HOURS / 12)
    const week = ben.database.sqlite.prepare('SELECT at FROM store_history WHERE store_id = ? AND at > ? ORDER BY id').pluck().all(benStore, leftAt) as number[]
    expect(week.length).toBeGreaterThanOrEqual(WEEK_HOURS)
    expect(Math.max(...week) - Math.min(...week)).toBeGreaterThanOrEqual((WEEK_HOURS - 1) * HOUR)
    await loop.stop()
  }, 120_000)
})
