import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError } from '../../electron/core/db/open-database'
import { migrationsFolder, realJournal } from '../support/migrations-fixture'
import { FakeClock, MIGRATIONS_FOLDER, makeTempDir, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const opened: TestDatabase[] = []
function open(...args: Parameters<typeof openTestDatabase>): TestDatabase {
  const handle = openTestDatabase(...args)
  opened.push(handle)
  return handle
}
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

function insertStore(sqlite: Database.Database, code: string): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO stores (client_name, store_name, country, seller_short_code, created_at, updated_at) VALUES ('Acme', 'Acme ${code}', 'SG', ?, 1, 1)`
      )
      .run(code).lastInsertRowid
  )
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const { sqlite } = open()
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('applies every migration in drizzle/ to a new database without taking a backup', () => {
    const db = open()
    const applied = db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }
    expect(applied.n).toBe(realJournal().length)
    expect(db.backupPath).toBeNull()
  })

  it('records which app version wrote the database', () => {
    const { sqlite } = open({ appVersion: '1.2.3' })
    expect(sqlite.prepare("SELECT value FROM app_meta WHERE key = 'last_written_by_version'").get()).toEqual({ value: '1.2.3' })
  })

  it('backs up existing data before migrating, and the backup holds that data', () => {
    const dir = makeTempDir()
    const first = open({ dir, migrationsFolder: migrationsFolder(1) })
    insertStore(first.sqlite, 'SG111')
    first.close()

    const later = migrationsFolder(1, [{ tag: '0001_add_region', sql: 'ALTER TABLE `stores` ADD `region` text;' }])
    const second = open({ dir, migrationsFolder: later, clock: new FakeClock(Date.parse('2026-12-01T00:00:00Z')) })
    expect(second.backupPath).toMatch(/storewatch-2026-12-01T00-00-00-000Z-before-migration\.db$/)
    const backup = new Database(second.backupPath!, { readonly: true })
    expect(backup.prepare('SELECT seller_short_code AS code FROM stores').all()).toEqual([{ code: 'SG111' }])
    backup.close()
    expect(second.sqlite.prepare('SELECT seller_short_code AS code, region FROM stores').all()).toEqual([{ code: 'SG111', region: null }])
  })

  it('does not migrate when the backup cannot be written, and leaves the data as it was', () => {
    const dir = makeTempDir()
    const first = open({ dir, migrationsFolder: migrationsFolder(1) })
    insertStore(first.sqlite, 'SG111')
    first.close()
    const blocked = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocked, 'a file where the backup folder should be')

    const later = migrationsFolder(1, [{ tag: '0001_add_region', sql: 'ALTER TABLE `stores` ADD `region` text;' }])
    expect(() => open({ dir, migrationsFolder: later, backupDir: blocked })).toThrow(/back up your data before updating it/)
    const check = new Database(path.join(dir, 'storewatch.db'), { readonly: true })
    const columns = (check.prepare('PRAGMA table_info(stores)').all() as { name: string }[]).map((c) => c.name)
    check.close()
    expect(columns).not.toContain('region')
  })

  it('keeps child rows when a migration rebuilds a parent table (no cascade during migrations)', () => {
    const dir = makeTempDir()
    const first = open({ dir, migrationsFolder: migrationsFolder(1) })
    const id = insertStore(first.sqlite, 'SG111')
    first.sqlite
      .prepare("INSERT INTO store_history (store_id, at, actor, kind, summary) VALUES (?, 1, 'kam', 'created', 'Added')")
      .run(id)
    first.close()

    // The shape drizzle-kit generates when it must rebuild a table: copy, drop, rename.
    const createStores = /CREATE TABLE `stores` \([^;]*\);/.exec(fs.readFileSync(path.join(MIGRATIONS_FOLDER, '0000_init.sql'), 'utf8'))
    const rebuild = [
      createStores![0].replace('`stores`', '`__new_stores`'),
      'INSERT INTO `__new_stores` SELECT * FROM `stores`;',
      'DROP TABLE `stores`;',
      'ALTER TABLE `__new_stores` RENAME TO `stores`;'
    ].join('\n--> statement-breakpoint\n')
    const second = open({ dir, migrationsFolder: migrationsFolder(1, [{ tag: '0001_rebuild', sql: rebuild }]) })
    expect(second.sqlite.prepare('SELECT count(*) AS n FROM store_history').get()).toEqual({ n: 1 })
    expect(second.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = makeTempDir()
    const current = open({ dir, appVersion: '2.0.0' })
    insertStore(current.sqlite, 'SG111')
    current.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999)
    current.close()
    const before = fs.readFileSync(path.join(dir, 'storewatch.db'))

    let error: unknown
    try {
      open({ dir, appVersion: '1.0.0' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DatabaseOpenError)
    expect((error as DatabaseOpenError).reason).toBe('newer-version')
    expect((error as Error).message).toBe(
      'This data was written by a newer Storewatch (2.0.0) than this one (1.0.0). Install the newer version to open it; this version leaves it untouched.'
    )
    expect(fs.readFileSync(path.join(dir, 'storewatch.db')).equals(before)).toBe(true)
  })

  it('refuses a newer database kept in rollback-journal mode byte for byte untouched (no pragma writes before the check)', () => {
    const dir = makeTempDir()
    const current = open({ dir, appVersion: '2.0.0' })
    insertStore(current.sqlite, 'SG111')
    current.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999)
    current.sqlite.pragma('journal_mode = DELETE')
    current.close()
    const file = path.join(dir, 'storewatch.db')
    const before = fs.readFileSync(file)
    // Header bytes 18 and 19 say "rollback journal"; setting WAL would turn them into 2 and 2.
    expect([before[18], before[19]]).toEqual([1, 1])

    expect(() => open({ dir, appVersion: '1.0.0' })).toThrow(/newer Storewatch \(2\.0\.0\)/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('storewatch.db'))).toEqual(['storewatch.db'])
  })

  it('finds a stale unique index that quick_check passes, and leaves the file as it was', () => {
    const dir = makeTempDir()
    const first = open({ dir })
    insertStore(first.sqlite, 'SG111')
    const second = insertStore(first.sqlite, 'SG222')
    first.close()
    // Make the index stale the way a damaged page would: the row changes, its index entry does not.
    const raw = new Database(path.join(dir, 'storewatch.db'))
    const indexSql = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'stores_country_short_code_unique'").pluck().get() as string
    raw.unsafeMode(true)
    raw.pragma('writable_schema = ON')
    const setIndexSql = raw.prepare("UPDATE sqlite_master SET sql = ? WHERE name = 'stores_country_short_code_unique'")
    setIndexSql.run(`${indexSql} AND 0`)
    raw.close()
    const stale = new Database(path.join(dir, 'storewatch.db'))
    stale.prepare("UPDATE stores SET seller_short_code = 'SG111' WHERE id = ?").run(second)
    stale.unsafeMode(true)
    stale.pragma('writable_schema = ON')
    stale.prepare("UPDATE sqlite_master SET sql = ? WHERE name = 'stores_country_short_code_unique'").run(indexSql)
    expect(stale.pragma('quick_check', { simple: true })).toBe('ok')
    stale.close()
    const before = fs.readFileSync(path.join(dir, 'storewatch.db'))

    let error: unknown
    try {
      open({ dir })
    } catch (e) {
      error = e
    }
    expect((error as DatabaseOpenError).reason).toBe('corrupt')
    expect((error as Error).message).toMatch(/is damaged \(row 2 missing from index stores_country_short_code_unique\)/)
    expect(fs.readFileSync(path.join(dir, 'storewatch.db')).equals(before)).toBe(true)
  })

  it('calls a file it cannot read because another connection holds it "unreadable", not damaged', () => {
    const dir = makeTempDir()
    const first = open({ dir })
    first.sqlite.pragma('journal_mode = DELETE')
    first.close()
    const holder = new Database(path.join(dir, 'storewatch.db'))
    holder.exec('BEGIN EXCLUSIVE')
    try {
      let error: unknown
      try {
        open({ dir, busyTimeoutMs: 0 })
      } catch (e) {
        error = e
      }
      expect((error as DatabaseOpenError).reason).toBe('unreadable')
      expect((error as Error).message).toMatch(/cannot be read \(database is locked\)/)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
  })

  it('refuses a file that is not a database without changing it', () => {
    const dir = makeTempDir()
    const file = path.join(dir, 'storewatch.db')
    fs.writeFileSync(file, 'this is not a database, just text that happens to be here'.repeat(100))
    const before = fs.readFileSync(file)
    expect(() => open({ dir })).toThrow(/cannot be read|is damaged/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('uses the migrations committed in drizzle/', () => {
    expect(fs.existsSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'))).toBe(true)
  })
})
