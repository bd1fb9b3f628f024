/**
 * The one place that opens the database: a full integrity check and a refusal to touch a database
 * written by a newer app version (both read-only, before any pragma that writes), then the pragmas,
 * a verified backup before migrating, and drizzle-kit migrations from `drizzle/`.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { createBackupFolder } from '../data-safety/backups'
import type { BackupFolder } from '../data-safety/backups'
import type { Clock, Logger } from '../ports'
import * as schema from './schema'
import { isDamage } from './sqlite-errors'

export type AppDatabase = BetterSQLite3Database<typeof schema>

export interface DatabaseHandle {
  filePath: string
  db: AppDatabase
  sqlite: Database.Database
  /** The backup taken before migrations ran, if any ran on existing data. */
  backupPath: string | null
  close(): void
}

/** `corrupt`: SQLite says the file is damaged or not a database; `unreadable`: it could not read it (locked, no permission…). */
export type DatabaseOpenFailure = 'newer-version' | 'corrupt' | 'unreadable' | 'backup-failed' | 'migration-failed'

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: DatabaseOpenFailure,
    message: string,
    /** What SQLite said, for a damaged or unreadable file. */
    readonly detail?: string
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
  /** The backups folder's rules (the app's, with the KAM's zone); by default one on `backupDir` in UTC. */
  backupFolder?: BackupFolder
}

const MIGRATIONS_TABLE = '__drizzle_migrations'
export const DEFAULT_BUSY_TIMEOUT_MS = 5000
const APP_VERSION_KEY = 'last_written_by_version'

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { filePath, logger } = options
  fs.mkdirSync(path.dirname(filePath), { recursive: true })
  const hadData = fs.existsSync(filePath) && fs.statSync(filePath).size > 0

  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  const sqlite = new Database(filePath, {
    timeout: busyTimeoutMs,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    // Read-only until the file is known sound and ours: `journal_mode = WAL` rewrites header bytes.
    checkIntegrity(sqlite, filePath)
    const bundled = readMigrationFiles({ migrationsFolder: options.migrationsFolder })
    const applied = appliedMigrations(sqlite)
    refuseNewerDatabase(sqlite, bundled, applied, options.appVersion)
    configure(sqlite, busyTimeoutMs)

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
      filePath,
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

/**
 * A full `integrity_check` (about 30 ms at 10,000 stores, 0.5 s at 100,000): `quick_check` skips
 * comparing indexes with their tables, and a stale unique index once let a duplicate short code in.
 */
function checkIntegrity(sqlite: Database.Database, filePath: string): void {
  let verdict: unknown
  try {
    verdict = sqlite.pragma('integrity_check', { simple: true })
  } catch (error) {
    const reason = isDamage(error) ? 'corrupt' : 'unreadable'
    const detail = (error as Error).message
    throw new DatabaseOpenError(reason, `The database at ${filePath} cannot be read (${detail}). It was left untouched.`, detail)
  }
  if (verdict !== 'ok') {
    throw new DatabaseOpenError('corrupt', `The database at ${filePath} is damaged (${String(verdict)}). It was left untouched.`, String(verdict))
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

/**
 * Why this version cannot open the database file at `file` (read-only; e.g. a backup before it is
 * restored): null when it can.
 */
export function newerVersionProblem(file: string, options: Pick<OpenDatabaseOptions, 'migrationsFolder' | 'appVersion' | 'nativeBinding'>): string | null {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    refuseNewerDatabase(sqlite, readMigrationFiles({ migrationsFolder: options.migrationsFolder }), appliedMigrations(sqlite), options.appVersion)
    return null
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error.message
    throw error
  } finally {
    sqlite.close()
  }
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
  const folder =
    options.backupFolder ??
    createBackupFolder({ dir: options.backupDir, setAsideDir: options.backupDir, timeZone: () => 'UTC', logger: options.logger, nativeBinding: options.nativeBinding })
  try {
    return path.join(folder.dir, folder.write(sqlite, 'before-migration', options.clock.now()).name)
  } catch (error) {
    throw new DatabaseOpenError(
      'backup-failed',
      `Storewatch must back up your data before updating it, and the backup into ${folder.dir} failed (${(error as Error).message}). Nothing was changed.`
    )
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
