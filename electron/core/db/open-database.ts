/**
 * The one place that opens the database: pragmas, a verified backup before migrating, drizzle-kit
 * migrations from `drizzle/`, and a refusal to touch a database written by a newer app version.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { Clock, Logger } from '../ports'
import * as schema from './schema'

export type AppDatabase = BetterSQLite3Database<typeof schema>

export interface DatabaseHandle {
  db: AppDatabase
  sqlite: Database.Database
  /** The backup taken before migrations ran, if any ran on existing data. */
  backupPath: string | null
  close(): void
}

export type DatabaseOpenFailure = 'newer-version' | 'corrupt' | 'backup-failed' | 'migration-failed'

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: DatabaseOpenFailure,
    message: string
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

export interface OpenDatabaseOptions {
  filePath: string
  migrationsFolder: string
  backupDir: string
  appVersion: string
  clock: Clock
  logger: Logger
  /** Path to a better-sqlite3 binary built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  busyTimeoutMs?: number
}

const MIGRATIONS_TABLE = '__drizzle_migrations'
const KEPT_MIGRATION_BACKUPS = 10
const APP_VERSION_KEY = 'last_written_by_version'

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { filePath, logger } = options
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  const hadData = fs.existsSync(filePath) && fs.statSync(filePath).size > 0

  const sqlite = new Database(filePath, {
    timeout: options.busyTimeoutMs ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    checkIntegrity(sqlite, filePath)
    configure(sqlite, options.busyTimeoutMs ?? 5000)

    const bundled = readMigrationFiles({ migrationsFolder: options.migrationsFolder })
    const applied = appliedMigrations(sqlite)
    refuseNewerDatabase(sqlite, bundled, applied, options.appVersion)

    const lastApplied = applied.length ? Math.max(...applied.map((m) => m.createdAt)) : -Infinity
    const pending = bundled.filter((m) => m.folderMillis > lastApplied)
    let backupPath: string | null = null
    if (pending.length > 0 && hadData) {
      backupPath = backupBeforeMigration(sqlite, options)
      logger.info('database backed up before migration', { backupPath, pending: pending.length })
    }

    const db = drizzle(sqlite, { schema })
    if (pending.length > 0) runMigrations(sqlite, db, options, backupPath)

    sqlite
      .prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(APP_VERSION_KEY, options.appVersion)

    return {
      db,
      sqlite,
      backupPath,
      close: () => {
        if (sqlite.open) sqlite.close()
      }
    }
  } catch (error) {
    if (sqlite.open) sqlite.close()
    throw error
  }
}

function configure(sqlite: Database.Database, busyTimeoutMs: number): void {
  sqlite.pragma('journal_mode = WAL')
  // better-sqlite3 builds SQLite with WAL synchronous=NORMAL, which may drop the last commits on
  // power loss; a KAM's edits and imports must survive that.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`)
}

function checkIntegrity(sqlite: Database.Database, filePath: string): void {
  let verdict: unknown
  try {
    verdict = sqlite.pragma('quick_check', { simple: true })
  } catch (error) {
    throw new DatabaseOpenError('corrupt', `The database at ${filePath} cannot be read (${(error as Error).message}). It was left untouched.`)
  }
  if (verdict !== 'ok') {
    throw new DatabaseOpenError('corrupt', `The database at ${filePath} is damaged (${String(verdict)}). It was left untouched.`)
  }
}

interface AppliedMigration {
  hash: string
  createdAt: number
}

function appliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE)
  if (!table) return []
  return (sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${MIGRATIONS_TABLE}`).all() as AppliedMigration[]).map((m) => ({
    hash: m.hash,
    createdAt: Number(m.createdAt)
  }))
}

function refuseNewerDatabase(
  sqlite: Database.Database,
  bundled: ReturnType<typeof readMigrationFiles>,
  applied: AppliedMigration[],
  appVersion: string
): void {
  const known = new Set(bundled.map((m) => m.folderMillis))
  const unknown = applied.filter((m) => !known.has(m.createdAt))
  if (unknown.length === 0) return
  const writer = readWriterVersion(sqlite)
  throw new DatabaseOpenError(
    'newer-version',
    `This data was written by a newer Storewatch${writer ? ` (${writer})` : ''} than this one (${appVersion}). ` +
      'Install the newer version to open it; this version leaves it untouched.'
  )
}

function readWriterVersion(sqlite: Database.Database): string | null {
  try {
    const row = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').get(APP_VERSION_KEY) as { value: string } | undefined
    return row?.value ?? null
  } catch {
    return null
  }
}

function backupBeforeMigration(sqlite: Database.Database, options: OpenDatabaseOptions): string {
  const stamp = new Date(options.clock.now()).toISOString().replace(/[:.]/g, '-')
  const target = path.join(options.backupDir, `storewatch-${stamp}-before-migration.db`)
  try {
    fs.mkdirSync(options.backupDir, { recursive: true })
    // VACUUM INTO writes a consistent copy even with a WAL; copying the file could tear it.
    sqlite.prepare('VACUUM INTO ?').run(target)
    const copy = new Database(target, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    try {
      const verdict = copy.pragma('integrity_check', { simple: true })
      if (verdict !== 'ok') throw new Error(`integrity check said ${String(verdict)}`)
    } finally {
      copy.close()
    }
  } catch (error) {
    throw new DatabaseOpenError(
      'backup-failed',
      `Storewatch must back up your data before updating it, and the backup to ${target} failed (${(error as Error).message}). Nothing was changed.`
    )
  }
  pruneMigrationBackups(options.backupDir)
  return target
}

function pruneMigrationBackups(backupDir: string): void {
  const backups = fs
    .readdirSync(backupDir)
    .filter((name) => name.endsWith('-before-migration.db'))
    .sort()
  for (const name of backups.slice(0, Math.max(0, backups.length - KEPT_MIGRATION_BACKUPS))) {
    fs.rmSync(path.join(backupDir, name), { force: true })
  }
}

function runMigrations(sqlite: Database.Database, db: AppDatabase, options: OpenDatabaseOptions, backupPath: string | null): void {
  // drizzle runs migrations inside BEGIN…COMMIT, where SQLite ignores `foreign_keys = OFF`; turn
  // it off on the connection first so table rebuilds cannot cascade-delete child rows.
  sqlite.pragma('foreign_keys = OFF')
  try {
    migrate(db, { migrationsFolder: options.migrationsFolder })
    const violations = sqlite.pragma('foreign_key_check') as unknown[]
    if (violations.length > 0) {
      throw new Error(`${violations.length} rows point at missing rows after the update`)
    }
  } catch (error) {
    const where = backupPath ? ` Your data as it was is in ${backupPath}.` : ''
    throw new DatabaseOpenError('migration-failed', `Updating the database failed: ${(error as Error).message}.${where}`)
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
}
