/**
 * The app's core in plain Node for the checker (issue #12, point 7): the same `createAppCore` on
 * the checker's own SQLite replica, with plain-Node adapters in place of Electron's. There is no
 * screen: no windows, no tray, no authorization window, and notifications are each person's app's
 * to raise, so the checker's notifier shows nothing. It never imports CSV files or saves files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createAppCore } from '../../app-core'
import type { AppCore } from '../../app-core'
import { createBackupFolder, createBackups } from '../../data-safety/backups'
import { openDatabase } from '../../db/open-database'
import type { DatabaseHandle } from '../../db/open-database'
import type { LazadaHostsOption } from '../../lazada-hosts/start-up-option'
import type { Broadcast, Clock, LogFields, Logger, SecretStore, Ticker } from '../../ports'

export interface CheckerCoreOptions {
  dataDir: string
  migrationsFolder: string
  appVersion: string
  clock: Clock
  logger: Logger
  secretStore: SecretStore
  lazadaHosts: LazadaHostsOption
  /** Told of every event the core broadcasts (progress, changed stores): the checker nudges its sync. */
  onBroadcast: () => void
}

export interface CheckerCore {
  core: AppCore
  database: DatabaseHandle
}

const ZONE = 'UTC'

export function openCheckerCore(options: CheckerCoreOptions): CheckerCore {
  const { dataDir, clock, logger } = options
  const databasePath = path.join(dataDir, 'storewatch.db')
  const backupFolder = createBackupFolder({ dir: path.join(dataDir, 'backups'), setAsideDir: path.join(dataDir, 'set-aside'), timeZone: () => ZONE, logger })
  const database = openDatabase({
    filePath: databasePath,
    migrationsFolder: options.migrationsFolder,
    backupDir: path.join(dataDir, 'backups'),
    backupFolder,
    appVersion: options.appVersion,
    clock,
    logger
  })
  const broadcast: Broadcast = () => options.onBroadcast()
  const core = createAppCore({
    database,
    backups: createBackups({ folder: backupFolder, sqlite: database.sqlite, clock, timeZone: () => ZONE }),
    clock,
    logger,
    actor: { name: () => 'storewatch-checker' },
    fileSaver: { saveText: async () => ({ saved: false }) },
    notifier: { show: async () => ({ delivered: true }) },
    ticker: unrefTicker,
    broadcast,
    kamTimeZone: () => ZONE,
    appInfo: { version: options.appVersion, dataDir, databasePath },
    importWorkers: {
      run: () => Promise.reject(new Error('The checker does not import files.')),
      close: async () => undefined
    },
    secretStore: options.secretStore,
    lazadaHosts: options.lazadaHosts,
    // Its replica is joined, and it is the one core that asks Lazada for the team; its own loop
    // (team-checker.ts) syncs it, so no team server is given to the core's team service.
    team: { readFile: (file) => fs.readFileSync(file, 'utf8'), asksLazadaWhenJoined: true }
  })
  return { core, database }
}

/** Timers that do not keep the process alive on their own: the checker's loops do. */
const unrefTicker: Ticker = {
  every(intervalMs, tick) {
    const timer = setInterval(tick, intervalMs)
    timer.unref()
    return () => clearInterval(timer)
  }
}

/** One line per entry on stdout (journald keeps it), fields as key=value. Nothing here is secret. */
export function stdoutLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), now: () => number = Date.now): Logger {
  const line = (level: string) => (message: string, fields?: LogFields) => write(`${new Date(now()).toISOString()} ${level} ${message}${formatFields(fields)}`)
  return { info: line('info'), warn: line('warn'), error: line('error') }
}

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return ''
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && /[\s"=]/.test(value) ? JSON.stringify(value) : String(value)}`)
  return parts.length ? ` ${parts.join(' ')}` : ''
}
