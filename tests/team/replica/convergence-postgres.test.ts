/**
 * The convergence property over a real PostgreSQL (issue #12, point 6): the seeded random work of
 * convergence-property.test.ts, with three laptops as three roles of one team through the app's
 * Postgres channel (each joins from the team's current rows at its first pull). After a final sync
 * every laptop's shared rows equal the team's current rows in Postgres, named by uid.
 */
import type pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import type { TestDatabase } from '../../support/test-database'
import { cuttablePgChannel, projectionState } from './postgres-laptops'
import { seeded } from '../../support/random-steps'
import { act, storeNames, syncStep } from './random-work'
import type { World } from './random-work'
import { nth, openLaptopOn, sharedState, syncAll } from './support'

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

describe('three laptops and Postgres converge', () => {
  it.each([1, 2, 3, 42, 2026])(
    'seed %i',
    async (seed) => {
      const team = `Seed ${seed}`
      const laptops = []
      for (const name of ['amy', 'ben', 'cat']) {
        const role = await addPerson(cluster, `kam_${name}_${seed}`, team)
        laptops.push(openLaptopOn(cuttablePgChannel(cluster, role, pools), name, opened))
      }
      for (const laptop of laptops) laptop.replica.join({ shareLocal: true })
      const world: World = { random: seeded(seed), created: new Set(), deleted: new Set(), next: 0 }

      for (let step = 0; step < 200; step++) {
        const index = Math.floor(world.random() * laptops.length)
        const laptop = nth(laptops, index)
        if (world.random() < 0.6) act(world, laptop, index)
        else await syncStep(world, laptop)
      }
      await syncAll(laptops)

      const expected = [...world.created].filter((name) => !world.deleted.has(name)).sort()
      const projection = await projectionState(cluster, team, nth(laptops, 0))
      for (const laptop of laptops) {
        expect(laptop.replica.unpushed()).toBe(0)
        expect(storeNames(laptop)).toEqual(expected)
        expect(sharedState(laptop)).toEqual(projection)
      }
    },
    60_000
  )
})
