/** The app session on a temp data folder, building real test cores, with fakes for the OS. */
import fs from 'node:fs'
import { createAppSession } from '../../electron/core/data-safety/app-session'
import type { AppSession, AppSessionDeps } from '../../electron/core/data-safety/app-session'
import type { AppCoreDeps } from '../../electron/core/app-core'
import type { Broadcast } from '../../electron/core/ports'
import { silentLogger } from '../../electron/core/ports'
import { dataFiles } from '../../electron/core/runtime-paths'
import type { BroadcastRecord, TestCore } from './test-core'
import { FakeTicker, createTestCore } from './test-core'
import { FakeClock, MIGRATIONS_FOLDER, makeTempDir } from './test-database'

export interface TestSession {
  session: AppSession
  dataDir: string
  files: ReturnType<typeof dataFiles>
  clock: FakeClock
  /** The session's own timer (the daily backup). */
  ticker: FakeTicker
  /** What the session broadcast (data:damaged). */
  broadcasts: BroadcastRecord[]
  /** Every core the session built, the open one last. */
  cores: TestCore[]
  /** The open core; throws while the start-up screen waits. */
  core(): TestCore
  close(): void
}

export interface TestSessionOptions extends Partial<Pick<AppSessionDeps, 'retention' | 'logger' | 'kamTimeZone'>> {
  dataDir?: string
  clock?: FakeClock
  appVersion?: string
  busyTimeoutMs?: number
  migrationsFolder?: string
  core?: Partial<Omit<AppCoreDeps, 'clock' | 'database' | 'backups'>>
  /** Runs `start()` (default); false leaves it to the test. */
  start?: boolean
}

const open: TestSession[] = []

/** Closes every session the tests started (call from afterEach). */
export function closeTestSessions(): void {
  for (const test of open.splice(0)) {
    test.close()
    fs.rmSync(test.dataDir, { recursive: true, force: true })
  }
}

export function startTestSession(options: TestSessionOptions = {}): TestSession {
  const dataDir = options.dataDir ?? makeTempDir('storewatch-session-')
  const files = dataFiles(dataDir)
  const clock = options.clock ?? new FakeClock()
  const ticker = new FakeTicker()
  const broadcasts: BroadcastRecord[] = []
  const broadcast: Broadcast = (event, payload) => broadcasts.push({ event, payload })
  const cores: TestCore[] = []
  const session = createAppSession({
    dataDir,
    files,
    database: { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER, appVersion: options.appVersion ?? '0.0.0-test', busyTimeoutMs: options.busyTimeoutMs },
    clock,
    logger: options.logger ?? silentLogger,
    ticker,
    broadcast,
    kamTimeZone: options.kamTimeZone ?? (() => 'Asia/Singapore'),
    retention: options.retention,
    buildCore: (database, backups) => {
      const core = createTestCore(database, { backups, clock, ...options.core })
      cores.push(core)
      return core
    },
    whileOpen: (core) => () => core.monitoring.stop()
  })
  if (options.start ?? true) session.start()
  const test: TestSession = {
    session,
    dataDir,
    files,
    clock,
    ticker,
    broadcasts,
    cores,
    core() {
      const current = session.core()
      const found = cores.find((c) => c.dispatcher === current?.dispatcher)
      if (!found) throw new Error(`no open core (${session.state().phase})`)
      return found
    },
    close: () => session.close()
  }
  open.push(test)
  return test
}
