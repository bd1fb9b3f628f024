/**
 * The stores a file has named so far (by country and short code, else login e-mail), to catch
 * the same store twice. Kept in a private temporary SQLite database on disk rather than in a
 * JavaScript map, so a file of millions of rows costs the worker a fixed few megabytes of cache.
 */
import Database from 'better-sqlite3'

export interface SeenKeys {
  /** Records `row` as the first with `key` and answers null, or answers the row that had it first. */
  claim(key: string, row: number): number | null
  close(): void
}

export function openSeenKeys(nativeBinding?: string): SeenKeys {
  // "" is SQLite's private temporary database: a file of its own, deleted on close.
  const db = new Database('', nativeBinding ? { nativeBinding } : {})
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.exec('CREATE TABLE seen (key TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID')
  const insert = db.prepare('INSERT INTO seen (key, row) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
  const first = db.prepare('SELECT row FROM seen WHERE key = ?').pluck()
  // One transaction for the whole file: nothing here needs to survive the task. The database is
  // this task's alone, so IMMEDIATE waits for nobody; it only keeps to the one way to begin.
  db.exec('BEGIN IMMEDIATE')
  return {
    claim(key, row) {
      if (insert.run(key, row).changes === 1) return null
      return first.get(key) as number
    },
    close() {
      if (db.open) db.close()
    }
  }
}
