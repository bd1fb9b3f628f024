/**
 * The one way to write: every write transaction takes SQLite's write lock when it begins
 * (`BEGIN IMMEDIATE`), so when another connection or process holds the lock the busy timeout makes
 * it wait. A deferred transaction takes the lock only at its first write, after it has read; if
 * another writer committed meanwhile SQLite cannot wait and answers "database is locked" at once.
 * Lint (`local/immediate-transactions`) refuses `.transaction(…)` anywhere else in electron/.
 *
 * Inside another transaction the work runs in a savepoint of it (better-sqlite3 nests that way).
 */
import type Database from 'better-sqlite3'

export function writeTransaction<T>(sqlite: Database.Database, work: () => T): T {
  return sqlite.transaction(work).immediate()
}
