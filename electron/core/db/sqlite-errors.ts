/**
 * What SQLite's error codes mean for the KAM. better-sqlite3 throws a SqliteError whose `code` is
 * SQLite's extended code name (SQLITE_BUSY, SQLITE_CORRUPT_INDEX…).
 */
import { AppError } from '../errors'

export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** The file is damaged or is not a database at all. */
export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error)
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

/** Another connection held the lock for longer than the busy timeout. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error)
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

export const DAMAGED_ADVICE = 'Storewatch stopped saving changes; restore a backup under Settings → Data.'

export function damagedMessage(error: unknown): string {
  return `Storewatch’s data file is damaged (SQLite said: ${(error as Error).message}). ${DAMAGED_ADVICE}`
}

/**
 * Damage met where the session's watch cannot see it (the import worker's own connection): the
 * session stops writes as for damage met on main's connection.
 */
export class DataFileDamaged extends AppError {
  constructor(
    readonly sqliteError: { code: string; message: string },
    message: string
  ) {
    super('database-damaged', message)
  }
}

/** An AppError for storage failures the KAM can act on; null for anything else. */
export function storageFailure(error: unknown): AppError | null {
  if (isBusy(error)) {
    return new AppError(
      'database-busy',
      'This change was not saved: another program kept Storewatch’s data file (storewatch.db) locked for longer than Storewatch waits. ' +
        'Close any other Storewatch or database tool that has it open, then try again.'
    )
  }
  if (isDamage(error)) return new AppError('database-damaged', damagedMessage(error))
  if (sqliteCode(error)?.startsWith('SQLITE_READONLY')) {
    return new AppError('database-damaged', `This change was not saved: Storewatch’s data file cannot be written (SQLite said: ${(error as Error).message}).`)
  }
  return null
}
