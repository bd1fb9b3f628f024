/**
 * Sustained changes from five writers for 60 s (issue #12, point 11): six app cores on their own
 * SQLite files and Postgres roles in one team of a private cluster, each with the app's sync loop
 * at its own timings (200 ms debounce after a write, NOTIFY, 5 s fallback pull). Each writer edits
 * its own store's notes every 50 ms (20 edits/s, each edit two changes: the store and its history
 * row); a sixth laptop only reads and, every 20 ms, looks at each writer's store.
 *
 * - `teamThroughputPerS`: changes the team committed and the reader applied during the window,
 *   per second of the window (the reader's last applied seq at its start and its end).
 * - Lag of an edit: from the writer's edit to the reader showing it (the reader's sampling included;
 *   an edit overwritten before the reader looked has no sample, the next one has).
 * - `teamLagGrowthMs`: the median lag of edits made in the window's last 10 s minus that of edits
 *   made in its first 10 s. Near 0 when the team keeps up; it grows with a backlog.
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
import type { PostgresCluster } from '../support/postgres-cluster'
import { storeInput } from '../support/store-input'
import { laptopSync } from '../support/team-laptops'
import type { LaptopSync } from '../support/team-laptops'
import { addPerson, withSuperuser } from '../support/team-postgres'
import { openBenchCore } from './bench-core'
import { median, percentile } from './stats'

export const TEAM_WRITERS = 5
export const TEAM_WRITE_INTERVAL_MS = 50
/** TEAM_THROUGHPUT_SECONDS shortens it for a trial run. */
export const TEAM_THROUGHPUT_SECONDS = Number(process.env.TEAM_THROUGHPUT_SECONDS ?? 60)
const EDGE_MS = 10_000
const SAMPLE_MS = 20
const DRAIN_MS = 30_000

export interface TeamThroughputFigures {
  teamThroughputPerS: number
  teamThroughputEdits: number
  teamLagP50Ms: number
  teamLagP99Ms: number
  teamLagFirst10sMs: number
  teamLagLast10sMs: number
  teamLagGrowthMs: number
}

interface BenchLaptop {
  dir: string
  database: DatabaseHandle
  core: AppCore
  sync: LaptopSync
}

interface LagSample {
  madeAt: number
  lagMs: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function teamThroughputFigures(): Promise<TeamThroughputFigures> {
  const cluster = await startPostgresCluster()
  const laptops: BenchLaptop[] = []
  try {
    await withSuperuser(cluster, migrateTeamSchema)
    for (let i = 0; i <= TEAM_WRITERS; i++) laptops.push(await openLaptop(cluster, i === TEAM_WRITERS ? 'tput_reader' : `tput_writer${i}`))
    const reader = laptops[TEAM_WRITERS]!
    const writers = laptops.slice(0, TEAM_WRITERS)
    await Promise.all(laptops.map((laptop) => laptop.sync.loop.start()))
    const stores = writers.map((writer, i) => writer.core.stores.create(storeInput({ storeName: `Writer ${i}`, sellerShortCode: `SGTPUT${i}` })).id)
    for (const writer of writers) writer.sync.loop.nudge()
    const onReader = await Promise.all(writers.map((writer, i) => until(() => localStoreOf(reader, uidOf(writer, stores[i]!)))))

    const windowMs = TEAM_THROUGHPUT_SECONDS * 1000
    const start = performance.now()
    const seqAtStart = lastSeq(reader)
    const samples: LagSample[] = []
    const edits = writers.map((writer, i) => writeUntil(writer, stores[i]!, i, start + windowMs))
    const seen = writers.map(() => 0)
    while (performance.now() < start + windowMs) {
      sample(reader, onReader, seen, samples)
      await sleep(SAMPLE_MS)
    }
    const seqAtEnd = lastSeq(reader)
    const made = await Promise.all(edits)
    // The rest still arrives (no edit lost); its lag counts for the last 10 s.
    const drainEnd = performance.now() + DRAIN_MS
    while (seen.some((n, i) => n < made[i]!) && performance.now() < drainEnd) {
      sample(reader, onReader, seen, samples)
      await sleep(SAMPLE_MS)
    }
    if (seen.some((n, i) => n < made[i]!)) throw new Error(`The reader did not see every writer's last edit within ${DRAIN_MS} ms of the end`)
    const committed = await changesBetween(cluster, seqAtStart, seqAtEnd)
    const lags = samples.map((s) => s.lagMs)
    const first = median(samples.filter((s) => s.madeAt < start + EDGE_MS).map((s) => s.lagMs))
    const last = median(samples.filter((s) => s.madeAt >= start + windowMs - EDGE_MS).map((s) => s.lagMs))
    return {
      teamThroughputPerS: Math.round(committed / TEAM_THROUGHPUT_SECONDS),
      teamThroughputEdits: made.reduce((sum, n) => sum + n, 0),
      teamLagP50Ms: Math.round(median(lags)),
      teamLagP99Ms: Math.round(percentile(lags, 99)),
      teamLagFirst10sMs: Math.round(first),
      teamLagLast10sMs: Math.round(last),
      teamLagGrowthMs: Math.round(last - first)
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

async function openLaptop(cluster: PostgresCluster, name: string): Promise<BenchLaptop> {
  const role = await addPerson(cluster, name, 'Throughput')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `storewatch-bench-${name}-`))
  const { database, core } = openBenchCore(dir)
  return { dir, database, core, sync: laptopSync(database.sqlite, cluster, role) }
}

/** Edits the writer's store every interval until `end`; resolves with how many edits it made. */
async function writeUntil(writer: BenchLaptop, storeId: number, index: number, end: number): Promise<number> {
  let n = 0
  while (performance.now() < end) {
    n++
    const fields = Object.fromEntries(STORE_FIELDS.map((f) => [f.key, writer.core.stores.view(storeId)[f.key]])) as unknown as StoreInput
    writer.core.stores.update(storeId, { ...fields, notes: `w${index} ${n} ${performance.now().toFixed(1)}` })
    writer.sync.loop.nudge()
    await sleep(TEAM_WRITE_INTERVAL_MS)
  }
  return n
}

/** What the reader shows of each writer's store: a lag sample for each edit newer than the last one seen. */
function sample(reader: BenchLaptop, storeIds: readonly number[], seen: number[], samples: LagSample[]): void {
  const now = performance.now()
  storeIds.forEach((id, i) => {
    const match = /^w\d+ (\d+) ([\d.]+)$/.exec(reader.core.stores.view(id).notes ?? '')
    if (!match) return
    const n = Number(match[1])
    if (n <= seen[i]!) return
    seen[i] = n
    samples.push({ madeAt: Number(match[2]), lagMs: now - Number(match[2]) })
  })
}

function lastSeq(laptop: BenchLaptop): number {
  return Number(laptop.database.sqlite.prepare("SELECT value FROM team_state WHERE key = 'last_seq'").pluck().get() ?? 0)
}

async function changesBetween(cluster: PostgresCluster, afterSeq: number, throughSeq: number): Promise<number> {
  return withSuperuser(cluster, async (client) => {
    const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM storewatch_team.changes WHERE seq > $1 AND seq <= $2', [afterSeq, throughSeq])
    return Number(result.rows[0]?.n ?? 0)
  })
}

function uidOf(laptop: BenchLaptop, storeId: number): string | undefined {
  return laptop.database.sqlite.prepare("SELECT uid FROM team_uids WHERE table_name = 'stores' AND local_id = ?").pluck().get(storeId) as string | undefined
}

function localStoreOf(laptop: BenchLaptop, uid: string | undefined): number | undefined {
  if (uid === undefined) return undefined
  return laptop.database.sqlite.prepare("SELECT local_id FROM team_uids WHERE table_name = 'stores' AND uid = ?").pluck().get(uid) as number | undefined
}

async function until<T>(probe: () => T | undefined): Promise<T> {
  const deadline = performance.now() + DRAIN_MS
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (performance.now() > deadline) throw new Error(`The reader did not see the writers' stores within ${DRAIN_MS} ms`)
    await sleep(10)
  }
}

/** `tsx tests/bench/team-throughput.ts`: this figure alone, printed and merged into bench-results.json. */
if (require.main === module) {
  void import('./results-file').then(async ({ writeBenchResults }) => {
    const figures = await teamThroughputFigures()
    writeBenchResults({ ...figures })
    console.log(JSON.stringify(figures, null, 2))
  })
}
