/**
 * The convergence property on a real PostgreSQL (issue #12, point 9), with fixed seeds: three app
 * cores, each on its own SQLite file and role, each connected through a TCP proxy of its own with
 * the app's pg connection and replica. Random work through the core's handlers (creates, edits,
 * archives and restores, deletes, subscription and authorization records, checklist starts, ticks),
 * interleaved with syncs, offline periods and connections cut somewhere in a sync's bytes.
 *
 * After healing and a final sync:
 * - every acknowledged change (a handler that answered ok) is in the team's log exactly once, under
 *   the laptop's client id and the client seq its outbox gave it;
 * - every laptop's shared rows (named by uid) are what the log comes to by the rule for conflicts
 *   (team-log.ts: per field the later seq wins, a delete is final): so an acknowledged change is
 *   either the value shown, or was superseded by a later change to its field in the team's order,
 *   or its row was deleted;
 * - the three laptops, and a fourth that joins from Postgres afterwards, hold the same shared rows,
 *   claim fields (a store's key, a run's status) included, and nothing is left to push.
 *
 * SOAK_STEPS and SOAK_SEEDS (comma-separated) make it longer, for the bench's soak:
 * `SOAK_STEPS=2000 SOAK_SEEDS=7,8 npx vitest run tests/team/soak/convergence-postgres.test.ts`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readSharedTables } from '../../../electron/core/team/replica/tables'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { readTeamLog, replayTeamLog, withoutClaimFields } from '../../support/team-log'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { openSoakLaptop } from '../../support/team-soak'
import type { SoakLaptop } from '../../support/team-soak'
import { nth, sharedState } from '../replica/support'
import type { Laptop as ReplicaLaptop } from '../replica/support'
import { act, fault, soakWorld } from './soak-world'

const STEPS = Number(process.env.SOAK_STEPS ?? 150)
const SEEDS = (process.env.SOAK_SEEDS ?? '1,2,2026').split(',').map(Number)
const TIMEOUT_MS = Math.max(60_000, STEPS * 400)

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

async function laptop(name: string, team: string, shareLocal = true): Promise<SoakLaptop> {
  const opening = await openSoakLaptop(cluster, name, await addPerson(cluster, name, team), { shareLocal })
  opened.push(opening)
  return opening
}

function sharedRows(laptop: SoakLaptop): ReturnType<typeof sharedState> {
  return sharedState(laptop as unknown as ReplicaLaptop)
}

/** Syncs every laptop, all healed, until none has anything left to push and all have pulled the same. */
async function settle(laptops: readonly SoakLaptop[]): Promise<void> {
  for (const each of laptops) each.proxy.heal()
  for (let round = 0; round < 3; round++) for (const each of laptops) expect(await each.sync()).toBe(true)
}

describe('three laptops on one Postgres converge through cuts and offline periods', () => {
  it.each(SEEDS)(
    'seed %i',
    async (seed) => {
      const team = `Soak ${seed}`
      const laptops = [await laptop(`soak_${seed}_amy`, team), await laptop(`soak_${seed}_ben`, team), await laptop(`soak_${seed}_cat`, team)]
      const world = soakWorld(seed)
      for (let step = 0; step < STEPS; step++) {
        const index = Math.floor(world.random() * laptops.length)
        if (world.random() < 0.6) await act(world, nth(laptops, index), index)
        else await fault(world, nth(laptops, index))
      }
      await settle(laptops)

      const log = await readTeamLog(cluster, team)
      const logged = new Map(log.map((change) => [`${change.clientId}/${change.clientSeq}`, change.seq]))
      expect(logged.size).toBe(log.length)
      for (const each of laptops) {
        const clientId = each.replica.clientId()
        const missing = each.acknowledged.flatMap((ack) => ack.clientSeqs.filter((clientSeq) => !logged.has(`${clientId}/${clientSeq}`)).map((clientSeq) => `${ack.channel} #${clientSeq}`))
        expect(missing, `${each.name}'s acknowledged changes missing from the team's log`).toEqual([])
      }
      expect(laptops.flatMap((each) => each.acknowledged).length).toBeGreaterThan(STEPS / 4)

      const joiner = await laptop(`soak_${seed}_dan`, team, false)
      expect(await joiner.sync()).toBe(true)
      const replayed = replayTeamLog(log, readSharedTables(joiner.database.sqlite))
      const first = sharedRows(nth(laptops, 0))
      for (const each of [...laptops, joiner]) {
        expect(each.replica.unpushed(), each.name).toBe(0)
        expect(each.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get(), each.name).toBe(0)
        expect(sharedRows(each), `${each.name} against ${nth(laptops, 0).name}`).toEqual(first)
      }
      expect(withoutClaimFields(first), 'the shared rows against the replay of the team log').toEqual(replayed)
      expect(Object.keys(first.stores ?? {}).length).toBeGreaterThan(0)
      expect(world.faults.failedSyncs, JSON.stringify(world.faults)).toBeGreaterThan(0)
    },
    TIMEOUT_MS
  )
})
