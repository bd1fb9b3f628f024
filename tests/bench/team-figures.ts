/**
 * Propagation from one laptop to another on loopback (issue #12, point 11): two app cores, each on
 * its own SQLite file and Postgres role in one team of a private cluster, each with the app's sync
 * loop at its own timings. One edit at a time on the first laptop; the time until the second shows
 * it. That includes the loop's debounce after a local write (200 ms), the push, NOTIFY, the pull
 * and the apply. Then, on the same cluster, joining a team of 10,000 stores (team-join-10k.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AppCore } from '../../electron/core/app-core'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { migrateTeamSchema } from '../../electron/core/team/server/migrate-team-schema'
import { STORE_FIELDS } from '../../electron/shared/store-fields'
import type { StoreInput } from '../../electron/shared/store-fields'
import { startPostgresCluster } from '../support/postgres-cluster'
import { storeInput } from '../support/store-input'
import { laptopSync } from '../support/team-laptops'
import type { LaptopSync } from '../support/team-laptops'
import { addPerson, withSuperuser } from '../support/team-postgres'
import { openBenchCore } from './bench-core'
import { median, percentile } from './stats'
import { teamJoinFigures } from './team-join-10k'
import type { TeamJoinFigures } from './team-join-10k'

export const TEAM_PROPAGATION_EDITS = 50
const WAIT_MS = 10_000
/**
 * Quiet between edits, longer than the loop's debounce: the cycles each edit sets off (the NOTIFY of
 * a push wakes its own laptop too) are over, so an edit is not carried early by the last one's.
 */
const QUIET_MS = 400

export interface TeamFigures extends TeamJoinFigures {
  teamPropagationP50Ms: number
  teamPropagationP99Ms: number
  teamPropagationEdits: number
}

interface BenchLaptop {
  dir: string
  database: DatabaseHandle
  core: AppCore
  sync: LaptopSync
}

export async function teamFigures(): Promise<TeamFigures> {
  const cluster = await startPostgresCluster()
  const laptops: BenchLaptop[] = []
  try {
    await withSuperuser(cluster, migrateTeamSchema)
    for (const name of ['bench_amy', 'bench_ben']) {
      const role = await addPerson(cluster, name, 'Bench')
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `storewatch-bench-${name}-`))
      const { database, core } = openBenchCore(dir)
      laptops.push({ dir, database, core, sync: laptopSync(database.sqlite, cluster, role) })
    }
    const [amy, ben] = laptops as [BenchLaptop, BenchLaptop]
    await Promise.all(laptops.map((laptop) => laptop.sync.loop.start()))
    const store = amy.core.stores.create(storeInput({ storeName: 'Propagation', sellerShortCode: 'SG30000001' }))
    amy.sync.loop.nudge()
    const benId = await until(() => localStoreOf(ben, uidOf(amy, store.id)))
    const times: number[] = []
    for (let i = 0; i < TEAM_PROPAGATION_EDITS; i++) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS))
      const notes = `Edit ${i}`
      const t0 = performance.now()
      amy.core.stores.update(store.id, { ...fieldsOf(amy.core, store.id), notes })
      amy.sync.loop.nudge()
      await until(() => ben.core.stores.view(benId).notes === notes || undefined)
      times.push(performance.now() - t0)
    }
    // The laptops' loops stop first: the join is measured on a quiet server.
    for (const laptop of laptops) await laptop.sync.loop.stop()
    return {
      ...(await teamJoinFigures(cluster)),
      teamPropagationP50Ms: Math.round(median(times)),
      teamPropagationP99Ms: Math.round(percentile(times, 99)),
      teamPropagationEdits: TEAM_PROPAGATION_EDITS
    }
  } finally {
    for (const laptop of laptops) {
      await laptop.sync.loop.stop()
      laptop.database.close()
      fs.rmSync(laptop.dir, { recursive: true, force: true })
    }
    await cluster.stop()
  }
}

function fieldsOf(core: AppCore, id: number): StoreInput {
  const store = core.stores.view(id)
  return Object.fromEntries(STORE_FIELDS.map((f) => [f.key, store[f.key]])) as unknown as StoreInput
}

function uidOf(laptop: BenchLaptop, storeId: number): string | undefined {
  return laptop.database.sqlite.prepare("SELECT uid FROM team_uids WHERE table_name = 'stores' AND local_id = ?").pluck().get(storeId) as string | undefined
}

function localStoreOf(laptop: BenchLaptop, uid: string | undefined): number | undefined {
  if (uid === undefined) return undefined
  return laptop.database.sqlite.prepare("SELECT local_id FROM team_uids WHERE table_name = 'stores' AND uid = ?").pluck().get(uid) as number | undefined
}

/** Checks every millisecond or so until `probe` gives a value. */
async function until<T>(probe: () => T | undefined): Promise<T> {
  const deadline = performance.now() + WAIT_MS
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`The second laptop did not see the change within ${WAIT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
}
