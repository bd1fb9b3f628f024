/**
 * The team's checker in tests (issue #12, point 7): a private cluster, a mock Lazada gateway per
 * checker (so a test sees which checker called), a laptop on the team with stores, and checkers
 * either in this process or as `scripts/checker.ts` children a test can kill -9.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AppCore } from '../../../electron/core/app-core'
import type { DatabaseHandle } from '../../../electron/core/db/open-database'
import { lazadaHostsOptionValue } from '../../../electron/core/lazada-hosts/start-up-option'
import { systemClock } from '../../../electron/core/ports'
import { readCheckerConfig } from '../../../electron/core/team/checker/checker-config'
import { openCheckerCore, stdoutLogger } from '../../../electron/core/team/checker/checker-core'
import { processSecretStore } from '../../../electron/core/team/checker/process-secret-store'
import { createTeamChecker } from '../../../electron/core/team/checker/team-checker'
import type { TeamChecker } from '../../../electron/core/team/checker/team-checker'
import { spawnChild } from '../../support/child-process'
import type { Child } from '../../support/child-process'
import { startMockGateway } from '../../support/mock-lazada/gateway'
import type { MockGateway } from '../../support/mock-lazada/gateway'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { storeInput } from '../../support/store-input'
import { laptopSync } from '../../support/team-laptops'
import type { LaptopSync } from '../../support/team-laptops'
import { addPerson } from '../../support/team-postgres'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { makeTempDir, MIGRATIONS_FOLDER, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

export const APP_KEY = '100132'
export const APP_SECRET = 'checker-app-secret-7f3a'
export const ARTICLE = 'FW_GOODS-1000000281'
/** Lazada's End Time for the first test store; each next one a day later. */
export const LAZADA_END = Date.parse('2027-06-15T00:00:00+08:00')
const DAY_MS = 86_400_000
export const WAIT = { timeout: 60_000, interval: 100 }

export function mockLazada(): Promise<MockGateway> {
  return startMockGateway({ appKey: APP_KEY, appSecret: APP_SECRET, articleCode: ARTICLE })
}

/** A file holding `content` with `mode`, in `dir`. */
export function secretFile(dir: string, name: string, content: string, mode = 0o600): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, `${content}\n`, { mode })
  fs.chmodSync(file, mode)
  return file
}

export interface CheckerSetup {
  cluster: PostgresCluster
  role: { user: string; password: string }
  gateway: MockGateway
  dataDir: string
  intervalMs: number
  pollMs: number
}

/** The checker's flags: loopback Postgres without TLS, the secret and password in 0600 files. */
export function checkerArgs(setup: CheckerSetup): string[] {
  fs.mkdirSync(setup.dataDir, { recursive: true })
  const secrets = makeTempDir('storewatch-checker-secrets-')
  return [
    `--data-dir=${setup.dataDir}`,
    `--team-host=${setup.cluster.host}`,
    `--team-port=${setup.cluster.port}`,
    '--team-database=postgres',
    `--team-user=${setup.role.user}`,
    '--team-tls=disable',
    `--team-password-file=${secretFile(secrets, 'team-password', setup.role.password)}`,
    `--lazada-app-key=${APP_KEY}`,
    `--lazada-article-code=${ARTICLE}`,
    `--lazada-app-secret-file=${secretFile(secrets, 'lazada-app-secret', APP_SECRET)}`,
    `--lazada-hosts=${lazadaHostsOptionValue(setup.gateway.hosts)}`,
    `--check-interval=${setup.intervalMs}ms`,
    `--lease-poll=${setup.pollMs}ms`
  ]
}

export interface InProcessChecker {
  checker: TeamChecker
  core: AppCore
  database: DatabaseHandle
  log: string[]
  stop(): Promise<void>
}

/** A checker built as `scripts/checker.ts` builds it, in this process. */
export async function startInProcessChecker(setup: CheckerSetup): Promise<InProcessChecker> {
  const readFile = (file: string): string => fs.readFileSync(file, 'utf8')
  const config = readCheckerConfig({ argv: checkerArgs(setup), env: {}, cwd: process.cwd(), readFile })
  const log: string[] = []
  const logger = stdoutLogger((line) => log.push(line))
  let checker: TeamChecker | null = null
  const { core, database } = openCheckerCore({
    dataDir: config.dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    appVersion: '0.0.0-test',
    clock: systemClock,
    logger,
    secretStore: processSecretStore(),
    lazadaHosts: config.lazadaHosts,
    onBroadcast: () => checker?.nudge()
  })
  checker = createTeamChecker({ config, core, database, clock: systemClock, logger, readFile })
  await checker.start()
  const started = checker
  return {
    checker: started,
    core,
    database,
    log,
    stop: async () => {
      await started.stop()
      database.close()
    }
  }
}

/** `npm run checker` as a child process, killed by the test or when its time is up. */
export function spawnChecker(setup: CheckerSetup): Child {
  return spawnChild('scripts/checker.ts', checkerArgs(setup), { timeoutMs: 180_000 })
}

export interface TeamLaptop extends LaptopSync {
  database: TestDatabase
  core: TestCore
  /** The stores made on it, by seller short code. */
  stores: Map<string, number>
  /** Lazada's End Time for each store, in the order of `stores`. */
  ends: number[]
}

/**
 * A KAM's laptop on `team` (no Lazada secret) with `count` SG stores, its loop started, and
 * Lazada's answer for each store set on every gateway given.
 */
export async function laptopWithStores(cluster: PostgresCluster, name: string, team: string, count: number, gateways: MockGateway[]): Promise<TeamLaptop> {
  const role = await addPerson(cluster, name, team)
  const database = openTestDatabase()
  const core = createTestCore(database)
  const stores = new Map<string, number>()
  const ends: number[] = []
  for (let i = 0; i < count; i++) {
    const shortCode = `SG${String(30_000_001 + i)}`
    stores.set(shortCode, core.stores.create(storeInput({ storeName: `Store ${i + 1}`, sellerShortCode: shortCode })).id)
    ends.push(LAZADA_END + i * DAY_MS)
    for (const gateway of gateways) gateway.setSubscriptions('SG', shortCode, [{ status: 1, endTime: ends[i]!, itemName: 'Authorization Only' }])
  }
  const sync = laptopSync(database.sqlite, cluster, role, { pullIntervalMs: 500, nudgeDebounceMs: 20 })
  const laptop = Object.assign(sync, { database, core, stores, ends })
  await laptop.loop.start()
  return laptop
}

/** Lazada's End Time as the laptop's store page shows it, per store (null: no answer yet). */
export async function answersOn(laptop: TeamLaptop): Promise<(number | null)[]> {
  const ends: (number | null)[] = []
  for (const id of laptop.stores.values()) {
    const view = await laptop.core.handlers['lazada:store']({ storeId: id }, { emit: () => undefined })
    ends.push(view.answer?.endAt ?? null)
  }
  return ends
}

/** Subscription queries a gateway received. */
export function queries(gateway: MockGateway): number {
  return gateway.stats().byApi['/service/market/subs/query']
}
