/**
 * The convergence property on a real PostgreSQL (issue #12, point 9), with fixed seeds: three app
 * cores and the team's checker, each on its own SQLite file and role, each connected through a TCP
 * proxy of its own with the app's pg connection and replica. Random work through the laptops' core
 * handlers (creates, edits, archives and restores, deletes, subscription and authorization records,
 * checklist starts, ticks) and the checker's Lazada checks against the mock Lazada (its answers,
 * `lazada_subscriptions` and history lines, are changes like any other), interleaved with syncs,
 * offline periods and connections cut somewhere in a sync's bytes, the checker's included.
 *
 * After healing and a final sync:
 * - every acknowledged change (a handler that answered ok, an answer a check recorded) is in the
 *   team's log exactly once, under the core's client id and the client seq its outbox gave it;
 * - every core's shared rows (named by uid) are what the log comes to by the rule for conflicts
 *   (team-log.ts: per field the later seq wins, a delete is final): so an acknowledged change is
 *   either the value shown, or was superseded by a later change to its field in the team's order,
 *   or its row was deleted;
 * - the three laptops, the checker, and a fourth laptop that joins from Postgres afterwards hold the
 *   same shared rows, claim fields (a store's key, a run's status) included, equal to the team's
 *   current rows in Postgres, and nothing is left to push.
 *
 * SOAK_STEPS and SOAK_SEEDS (comma-separated) make it longer, for the bench's soak:
 * `SOAK_STEPS=2000 SOAK_SEEDS=7,8 npx vitest run tests/team/soak/convergence-postgres.test.ts`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readSharedTables } from '../../../electron/core/team/replica/tables'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import type { MockGateway } from '../../support/mock-lazada/gateway'
import { readTeamLog, replayTeamLog, withoutClaimFields } from '../../support/team-log'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { openSoakLaptop } from '../../support/team-soak'
import type { SoakLaptop, SoakParticipant } from '../../support/team-soak'
import { mockLazada } from '../checker/support'
import { projectionState } from '../replica/postgres-laptops'
import { nth, sharedState } from '../replica/support'
import type { Laptop as ReplicaLaptop } from '../replica/support'
import { lazadaCheck, openSoakChecker } from './soak-checker'
import type { SoakChecker } from './soak-checker'
import { act, fault, soakWorld } from './soak-world'
import type { SoakWorld } from './soak-world'

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

const opened: SoakParticipant[] = []
const gateways: MockGateway[] = []
afterEach(async () => {
  for (const each of opened.splice(0)) await each.close()
  for (const gateway of gateways.splice(0)) await gateway.close()
})

async function laptop(name: string, team: string, shareLocal = true): Promise<SoakLaptop> {
  const opening = await openSoakLaptop(cluster, name, await addPerson(cluster, name, team), { shareLocal })
  opened.push(opening)
  return opening
}

async function checker(name: string, team: string): Promise<{ checker: SoakChecker; gateway: MockGateway }> {
  const gateway = await mockLazada()
  gateways.push(gateway)
  const opening = await openSoakChecker(cluster, name, await addPerson(cluster, name, team), gateway)
  opened.push(opening)
  return { checker: opening, gateway }
}

function sharedRows(participant: SoakParticipant): ReturnType<typeof sharedState> {
  return sharedState(participant as unknown as ReplicaLaptop)
}

/** The checker's turn: now and then a Lazada check, otherwise a sync or a fault like a laptop's. */
async function checkerStep(world: SoakWorld, checker: SoakChecker, gateway: MockGateway): Promise<void> {
  if (world.random() < 0.2) await lazadaCheck(world, checker, gateway)
  else await fault(world, checker)
}

/** Syncs every core, all healed, until none has anything left to push and all have pulled the same. */
async function settle(cores: readonly SoakParticipant[]): Promise<void> {
  for (const each of cores) each.proxy.heal()
  for (let round = 0; round < 3; round++) for (const each of cores) expect(await each.sync()).toBe(true)
}

describe('three laptops and the checker on one Postgres converge through cuts and offline periods', () => {
  it.each(SEEDS)(
    'seed %i',
    async (seed) => {
      const team = `Soak ${seed}`
      const laptops = [await laptop(`soak_${seed}_amy`, team), await laptop(`soak_${seed}_ben`, team), await laptop(`soak_${seed}_cat`, team)]
      const { checker: lazadaChecker, gateway } = await checker(`soak_${seed}_checker`, team)
      const cores: SoakParticipant[] = [...laptops, lazadaChecker]
      const world = soakWorld(seed)
      for (let step = 0; step < STEPS; step++) {
        const index = Math.floor(world.random() * cores.length)
        if (index === laptops.length) await checkerStep(world, lazadaChecker, gateway)
        else if (world.random() < 0.6) await act(world, nth(laptops, index), index)
        else await fault(world, nth(laptops, index))
      }
      // One last check after the laptops' work has reached the checker: its answers travel like any change.
      await settle(cores)
      await lazadaCheck(world, lazadaChecker, gateway)
      await settle(cores)

      const log = await readTeamLog(cluster, team)
      const logged = new Map(log.map((change) => [`${change.clientId}/${change.clientSeq}`, change.seq]))
      expect(logged.size).toBe(log.length)
      for (const each of cores) {
        const clientId = each.replica.clientId()
        const missing = each.acknowledged.flatMap((ack) => ack.clientSeqs.filter((clientSeq) => !logged.has(`${clientId}/${clientSeq}`)).map((clientSeq) => `${ack.channel} #${clientSeq}`))
        expect(missing, `${each.name}'s acknowledged changes missing from the team's log`).toEqual([])
      }
      expect(laptops.flatMap((each) => each.acknowledged).length).toBeGreaterThan(STEPS / 4)
      // Checks during the work, not only the last one after it.
      expect(lazadaChecker.checks.runs, JSON.stringify(lazadaChecker.checks)).toBeGreaterThan(1)
      expect(lazadaChecker.checks.answered, JSON.stringify(lazadaChecker.checks)).toBeGreaterThan(0)
      expect(lazadaChecker.checks.changes, JSON.stringify(lazadaChecker.checks)).toBeGreaterThan(0)

      const joiner = await laptop(`soak_${seed}_dan`, team, false)
      expect(await joiner.sync()).toBe(true)
      const replayed = replayTeamLog(log, readSharedTables(joiner.database.sqlite))
      const first = sharedRows(nth(laptops, 0))
      const projection = await projectionState(cluster, team, nth(laptops, 0) as unknown as ReplicaLaptop)
      for (const each of [...cores, joiner]) {
        expect(each.replica.unpushed(), each.name).toBe(0)
        expect(each.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get(), each.name).toBe(0)
        expect(sharedRows(each), `${each.name} against ${nth(laptops, 0).name}`).toEqual(first)
      }
      expect(first, 'the shared rows against the team\'s current rows in Postgres').toEqual(projection)
      expect(withoutClaimFields(first), 'the shared rows against the replay of the team log').toEqual(replayed)
      expect(Object.keys(first.stores ?? {}).length).toBeGreaterThan(0)
      expect(Object.keys(first.lazada_subscriptions ?? {}).length, 'Lazada\'s answers on every core').toBeGreaterThan(0)
      const answerAuthors = log.filter((change) => change.table === 'lazada_subscriptions' && change.fields !== null).map((change) => change.author)
      expect(new Set(answerAuthors), 'Lazada\'s answers come from the checker alone').toEqual(new Set([`soak_${seed}_checker`]))
      expect(world.faults.failedSyncs, JSON.stringify(world.faults)).toBeGreaterThan(0)
    },
    TIMEOUT_MS
  )
})
