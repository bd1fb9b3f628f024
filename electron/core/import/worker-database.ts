/**
 * The import worker's own connection to the app's database (the same WAL file main has open),
 * with the services that write a store, its history and its status — the very ones main uses.
 */
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { DatabaseHandle } from '../db/open-database'
import * as schema from '../db/schema'
import type { Logger } from '../ports'
import { createHistory } from '../portfolio/store-history'
import { createStoreService } from '../portfolio/store-service'
import type { StoreService } from '../portfolio/store-service'
import { createRecordsService } from '../records/records-service'
import type { RecordsService } from '../records/records-service'
import { createSettingsService } from '../settings/settings-service'
import { createStatusService } from '../status/status-service'

export interface WorkerDatabaseOptions {
  filePath: string
  busyTimeoutMs: number
  /** better-sqlite3's binary for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
}

/** Opens the connection; main opened the file first, so it exists, is migrated and is in WAL mode. */
export function openWorkerDatabase(options: WorkerDatabaseOptions): DatabaseHandle {
  const sqlite = new Database(options.filePath, {
    fileMustExist: true,
    timeout: options.busyTimeoutMs,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  // The same guarantees as main's connection (open-database.ts): these are per connection.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs}`)
  return {
    db: drizzle(sqlite, { schema }),
    sqlite,
    filePath: options.filePath,
    backupPath: null,
    close: () => {
      if (sqlite.open) sqlite.close()
    }
  }
}

/**
 * Copies a commit's pages from the WAL into the database and empties the WAL, on the worker's
 * connection. Otherwise a 1,000,000-row import leaves a WAL of about 900 MB that main's
 * connection truncates or deletes on its own thread later (0.7 s at quit). A reader on main
 * that keeps it from finishing only leaves the rest to SQLite's usual checkpoints: the import
 * is committed either way, so this never fails it.
 */
export function emptyWal(database: DatabaseHandle, logger: Logger): void {
  try {
    const [outcome] = database.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[]
    if (outcome && outcome.busy !== 0) logger.info('the WAL was left for a later checkpoint (main was reading)', { ...outcome })
  } catch (error) {
    logger.warn('the WAL could not be emptied after the import', { message: error instanceof Error ? error.message : String(error) })
  }
}

export interface ImportWriters {
  stores: StoreService
  records: RecordsService
}

/** The store and records services on `database`, stamping every change with `at` and `actor` (main's, at the commit). */
export function importWriters(database: DatabaseHandle, at: number, actor: string, logger: Logger): ImportWriters {
  const clock = { now: () => at }
  const history = createHistory(database.db)
  const settings = createSettingsService(database, logger)
  const status = createStatusService({ database, clock, settings, history })
  const who = { name: () => actor }
  return {
    stores: createStoreService({ database, clock, actor: who, history, status }),
    records: createRecordsService({ database, clock, actor: who, history, status })
  }
}
