/**
 * Laptops for the team service tests (issue #12): each a real core on its own SQLite file, signed in
 * to one private Postgres cluster as its own role through Settings → Team, the app's sync loop on
 * real timers (no fallback pull within a test: what arrives, arrives by NOTIFY or a nudge).
 */
import { pgTeamServer } from '../../../electron/core/team/service/pg-team-server'
import type { TeamMigration } from '../../../electron/core/team/server/team-schema'
import type { AppCoreDeps } from '../../../electron/core/app-core'
import type { TeamState } from '../../../electron/shared/team-state'
import { call } from '../../core/checklists/support'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { createTestCore, FakeSecretStore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

export const WAIT = { timeout: 15_000, interval: 50 }
export const TIMING = { pullIntervalMs: 600_000, nudgeDebounceMs: 20 }

export interface ServiceLaptop {
  database: TestDatabase
  core: TestCore
  /** The last `team:state` the core broadcast: what the header shows. */
  state(): TeamState | undefined
  /** The store ids of every `stores:changed` broadcast since `since` (an index into broadcasts). */
  changedSince(since: number): number[]
}

export interface LaptopOptions {
  migrations?: readonly TeamMigration[]
  database?: TestDatabase
  deps?: Omit<Partial<AppCoreDeps>, 'clock'>
}

/** A laptop with the team connection saved (not joined). */
export async function serviceLaptop(cluster: PostgresCluster, role: { user: string; password: string }, options: LaptopOptions = {}): Promise<ServiceLaptop> {
  const database = options.database ?? openTestDatabase()
  const core = createTestCore(database, {
    secretStore: new FakeSecretStore(),
    team: { server: pgTeamServer, readFile: () => '', timing: TIMING, ...(options.migrations ? { migrations: options.migrations } : {}) },
    ...options.deps
  })
  await call(core, 'team:save-connection', { connection: { host: cluster.host, port: cluster.port, database: 'postgres', user: role.user, tls: 'disable' }, password: role.password })
  return laptopOf(database, core)
}

export function laptopOf(database: TestDatabase, core: TestCore): ServiceLaptop {
  return {
    database,
    core,
    state: () => core.broadcasts.filter((b) => b.event === 'team:state').at(-1)?.payload as TeamState | undefined,
    changedSince: (since) => core.broadcasts.slice(since).flatMap((b) => (b.event === 'stores:changed' ? (b.payload as { storeIds: number[] }).storeIds : []))
  }
}

export function uidOf(laptop: ServiceLaptop, storeId: number): string | undefined {
  return laptop.database.sqlite.prepare("SELECT uid FROM team_uids WHERE table_name = 'stores' AND local_id = ?").pluck().get(storeId) as string | undefined
}

export function storeOfUid(laptop: ServiceLaptop, uid: string): number | undefined {
  return laptop.database.sqlite.prepare("SELECT local_id FROM team_uids WHERE table_name = 'stores' AND uid = ?").pluck().get(uid) as number | undefined
}

export function storeCount(laptop: ServiceLaptop): number {
  return laptop.database.sqlite.prepare('SELECT count(*) FROM stores').pluck().get() as number
}

export async function closeLaptop(laptop: ServiceLaptop): Promise<void> {
  laptop.core.monitoring.stop()
  await laptop.core.team.close()
  laptop.database.close()
}
