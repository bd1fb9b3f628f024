import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { StartupState } from '../../../electron/shared/data-safety'
import type { Result } from '../../../electron/shared/result'
import { testImportWorkers } from '../../support/import-workers'
import { storeInput } from '../../support/store-input'
import { closeTestSessions, startTestSession } from '../../support/test-session'
import type { TestSession } from '../../support/test-session'
import { FakeClock } from '../../support/test-database'

afterEach(closeTestSessions)

// Each test opens real data folders (migrations, integrity checks, backups) once or twice.
const DISK = { timeout: 30_000 }

const NO_EVENTS = { emit: () => undefined }

function addStores(test: TestSession, count: number, from = 1): void {
  const { stores } = test.core()
  stores.writeTransaction(() => {
    for (let i = from; i < from + count; i++) stores.insert(storeInput({ sellerShortCode: `SG${10_000_000 + i}`, storeName: `Store ${i}` }), { kind: 'created', summary: 'Added' })
  })
}

/** A data folder whose portfolio has `stores` stores and one backup of them (taken at `at`). */
function folderWithBackup(stores: number, at = '2026-12-01T01:00:00Z'): { dataDir: string; backup: string } {
  const test = startTestSession({ clock: new FakeClock(Date.parse(at)) })
  addStores(test, stores)
  const backup = test.core().backups.takeNow().name
  test.close()
  return { dataDir: test.dataDir, backup }
}

function call(test: TestSession, channel: string, input?: unknown): Promise<Result<unknown>> {
  return test.session.dispatcher.dispatch(channel, input, NO_EVENTS)
}

const CSV_HEADER = 'client_name,store_name,country,seller_short_code'

/** A CSV of `count` new Malaysian stores. */
function csvRows(count: number): Uint8Array {
  const lines = [CSV_HEADER]
  for (let i = 0; i < count; i++) lines.push(`Client ${i},Store ${i},MY,MY${String(i).padStart(8, '0')}`)
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n')
}

async function previewed(test: TestSession, rows: number): Promise<string> {
  const answer = await call(test, 'import:preview', { requestId: 'r', fileName: 'stores.csv', bytes: csvRows(rows) })
  if (!answer.ok) throw new Error(answer.error.message)
  return (answer.value as { previewId: string }).previewId
}

function choosing(state: StartupState) {
  if (state.phase !== 'choose') throw new Error(`expected the start-up screen, got ${state.phase}`)
  return state
}

describe('start-up', DISK, () => {
  it('opens a first start at once: nothing to lose, nothing to offer', () => {
    const test = startTestSession()
    expect(test.session.state()).toEqual({ phase: 'open', damage: null })
    expect(test.core().stores.count()).toBe(0)
  })

  it('asks before starting empty when the file is missing and backups exist, and restores the newest', async () => {
    const { dataDir, backup } = folderWithBackup(3)
    fs.rmSync(path.join(dataDir, 'storewatch.db'))
    const test = startTestSession({ dataDir })
    const state = choosing(test.session.state())
    expect(state).toMatchObject({ problem: 'missing', newestGood: backup, setAsidePath: null, backups: [{ name: backup, storeCount: 3 }] })
    expect(state.message).toBe(`Storewatch’s portfolio file (storewatch.db) is missing from ${dataDir}.`)
    // Nothing else answers before the KAM chose.
    expect(await call(test, 'stores:list', {})).toEqual({ ok: false, error: { code: 'not-open', message: expect.stringMatching(/start-up screen/) } })

    const chosen = await call(test, 'startup:choose', { action: 'restore', backup })
    expect(chosen).toEqual({ ok: true, value: { phase: 'open', damage: null } })
    expect(test.core().stores.count()).toBe(3)
    // The backup itself stays where it was.
    expect(fs.existsSync(path.join(dataDir, 'backups', backup))).toBe(true)
    expect(await call(test, 'startup:choose', { action: 'start-empty' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('asks about an empty (0-byte) file, and starting empty keeps that file aside', async () => {
    const { dataDir } = folderWithBackup(2)
    fs.writeFileSync(path.join(dataDir, 'storewatch.db'), '')
    const test = startTestSession({ dataDir })
    expect(choosing(test.session.state()).problem).toBe('empty')
    expect(await call(test, 'startup:choose', { action: 'start-empty' })).toMatchObject({ ok: true, value: { phase: 'open' } })
    expect(test.core().stores.count()).toBe(0)
    expect(fs.readdirSync(path.join(dataDir, 'set-aside'))).toEqual(['storewatch-2026-11-27T02-00-00-000Z-empty.db'])
  })

  it('sets a damaged file aside unchanged and offers the newest backup that passes the integrity check', () => {
    const { dataDir, backup: older } = folderWithBackup(4, '2026-11-30T01:00:00Z')
    // A newer backup, damaged on disk since.
    const newer = 'storewatch-2026-12-01T01-00-00-000Z-daily.db'
    fs.writeFileSync(path.join(dataDir, 'backups', newer), Buffer.alloc(8192, 7))
    const file = path.join(dataDir, 'storewatch.db')
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0)
    fs.closeSync(fd)
    const damaged = fs.readFileSync(file)

    const test = startTestSession({ dataDir })
    const state = choosing(test.session.state())
    expect(state.problem).toBe('damaged')
    expect(state.newestGood).toBe(older)
    expect(state.backups.map((b) => [b.name, b.storeCount])).toEqual([
      [newer, null],
      [older, 4]
    ])
    expect(state.setAsidePath).toBe(path.join(dataDir, 'set-aside', 'storewatch-2026-11-27T02-00-00-000Z-damaged.db'))
    expect(state.message).toBe(`Storewatch’s portfolio file is damaged (SQLite said: file is not a database). It was moved, unchanged, to ${state.setAsidePath}.`)
    expect(fs.readFileSync(state.setAsidePath!).equals(damaged)).toBe(true)
    expect(fs.existsSync(file)).toBe(false)
    expect(() => test.session.choose({ action: 'restore', backup: newer })).toThrow(/is damaged .*choose another one/)
    expect(test.session.state().phase).toBe('choose')
  })

  it('refuses a file written by a newer version, leaving it where it is', () => {
    const { dataDir } = folderWithBackup(1)
    const raw = new Database(path.join(dataDir, 'storewatch.db'))
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999)
    raw.close()
    const before = fs.readFileSync(path.join(dataDir, 'storewatch.db'))
    const test = startTestSession({ dataDir })
    expect(test.session.state()).toEqual({ phase: 'refused', dataDir, message: expect.stringMatching(/newer Storewatch/) })
    expect(fs.readFileSync(path.join(dataDir, 'storewatch.db')).equals(before)).toBe(true)
    expect(fs.existsSync(path.join(dataDir, 'set-aside'))).toBe(false)
  })
})

describe('restore from Settings → Data', DISK, () => {
  it('waits for an import that is writing, then restores the backup', async () => {
    const { dataDir, backup } = folderWithBackup(2)
    const test = startTestSession({ dataDir })
    const previewId = await previewed(test, 2000)
    const commit = call(test, 'import:commit', { previewId, defaultConflictAction: 'skip' })
    const importing = test.core()
    expect(importing.imports.hold.holder()).toMatch(/^the import of stores\.csv/)
    const restored = call(test, 'backups:restore', { backup, confirmed: true })

    expect(await commit).toMatchObject({ ok: true, value: { created: 2000 } })
    expect(await restored).toMatchObject({ ok: true, value: { beforeRestore: expect.objectContaining({ storeCount: 2002 }) } })
    expect(test.core()).not.toBe(importing)
    expect(test.core().stores.count()).toBe(2)
  })

  it('backs up and sets the current file aside, then reopens on a copy of the backup', async () => {
    const { dataDir, backup } = folderWithBackup(2)
    const test = startTestSession({ dataDir })
    addStores(test, 3, 100)
    const before = test.core()
    const restored = await call(test, 'backups:restore', { backup, confirmed: true })
    expect(restored).toEqual({
      ok: true,
      value: {
        restored: expect.objectContaining({ name: backup, storeCount: 2 }),
        setAsidePath: path.join(dataDir, 'set-aside', 'storewatch-2026-11-27T02-00-00-000Z-before-restore.db'),
        beforeRestore: expect.objectContaining({ kind: 'before-restore', storeCount: 5 })
      }
    })
    expect(test.core()).not.toBe(before)
    expect(test.core().stores.count()).toBe(2)
    const setAside = new Database((restored as { value: { setAsidePath: string } }).value.setAsidePath, { readonly: true })
    expect(setAside.prepare('SELECT count(*) FROM stores').pluck().get()).toBe(5)
    setAside.close()
    const list = await call(test, 'backups:list')
    expect((list as { value: { backups: { kind: string }[] } }).value.backups.map((b) => b.kind).sort()).toEqual(['before-restore', 'daily', 'manual'])
  })

  it('refuses a damaged backup or an unknown name and changes nothing', async () => {
    const { dataDir, backup } = folderWithBackup(2)
    fs.writeFileSync(path.join(dataDir, 'backups', backup), Buffer.alloc(4096, 1))
    const test = startTestSession({ dataDir })
    const core = test.core()
    expect(await call(test, 'backups:restore', { backup, confirmed: true })).toMatchObject({ ok: false, error: { code: 'restore-failed' } })
    expect(await call(test, 'backups:restore', { backup: 'storewatch-nope.db', confirmed: true })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await call(test, 'backups:restore', { backup: '../storewatch.db', confirmed: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(test.core()).toBe(core)
    expect(core.stores.count()).toBe(2)
    expect(fs.existsSync(path.join(dataDir, 'set-aside'))).toBe(false)
  })
})

describe('the daily backup', DISK, () => {
  it('is taken when the app opens a portfolio with stores, and again on the first tick of the next day', () => {
    const clock = new FakeClock(Date.parse('2026-12-01T01:00:00Z'))
    const { dataDir } = folderWithBackup(2)
    const test = startTestSession({ dataDir, clock })
    const dailies = () => fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => name.endsWith('-daily.db'))
    expect(dailies()).toEqual(['storewatch-2026-12-01T01-00-00-000Z-daily.db'])
    test.ticker.tick()
    expect(dailies()).toHaveLength(1)
    clock.set('2026-12-01T16:00:00Z')
    test.ticker.tick()
    expect(dailies()).toEqual(['storewatch-2026-12-01T01-00-00-000Z-daily.db', 'storewatch-2026-12-01T16-00-00-000Z-daily.db'])
  })

  it('leaves the folder to an import’s own backup: a daily one due meanwhile waits for the next tick, “Back up now” for the import', async () => {
    const clock = new FakeClock(Date.parse('2026-12-01T01:00:00Z'))
    const { dataDir } = folderWithBackup(2)
    const workers = testImportWorkers()
    let whileImportBacksUp = () => {}
    const test = startTestSession({
      dataDir,
      clock,
      core: { importWorkers: { run: (task, options) => (task.kind === 'backup' && whileImportBacksUp(), workers.run(task, options)), close: workers.close } }
    })
    const backups = () => fs.readdirSync(path.join(dataDir, 'backups')).sort()
    clock.set('2026-12-01T16:00:00Z') // the next day in Singapore: a daily backup is due
    const previewId = await previewed(test, 5)
    const manual: Promise<Result<unknown>>[] = []
    whileImportBacksUp = () => {
      test.ticker.tick()
      manual.push(call(test, 'backups:create'))
    }

    expect(await call(test, 'import:commit', { previewId, defaultConflictAction: 'skip' })).toMatchObject({ ok: true, value: { created: 5 } })
    expect(await manual[0]).toMatchObject({ ok: true, value: { kind: 'manual', storeCount: 7 } })
    expect(backups()).toEqual([
      'storewatch-2026-12-01T01-00-00-000Z-daily.db',
      'storewatch-2026-12-01T01-00-00-000Z-manual.db',
      'storewatch-2026-12-01T16-00-00-000Z-before-import.db',
      'storewatch-2026-12-01T16-00-00-000Z-manual.db'
    ])
    test.ticker.tick()
    expect(backups()).toContain('storewatch-2026-12-01T16-00-00-000Z-daily.db')
  })
})

describe('damage met during a session', DISK, () => {
  /** Overwrites some of the stores table's pages under the open app, as a failing disk would. */
  function damageStoresTable(test: TestSession): void {
    const file = test.files.databasePath
    const reader = new Database(file, { readonly: true })
    const pages = reader.prepare("SELECT pageno FROM dbstat WHERE name = 'stores' AND pagetype = 'leaf'").pluck().all() as number[]
    const pageSize = reader.pragma('page_size', { simple: true }) as number
    reader.close()
    test.core().monitoring.stop()
    test.session.database()!.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const fd = fs.openSync(file, 'r+')
    for (const page of pages.slice(1)) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize)
    fs.closeSync(fd)
    // Another connection's write makes the app's connection read the pages again.
    const other = new Database(file)
    other.prepare("INSERT INTO app_meta (key, value) VALUES ('poke', '1')").run()
    other.close()
  }

  /** Overwrites every page of one index under the open app. */
  function damageIndex(test: TestSession, name: string): void {
    const file = test.files.databasePath
    test.core().monitoring.stop()
    test.session.database()!.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const reader = new Database(file, { readonly: true })
    const pages = reader.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(name) as number[]
    const pageSize = reader.pragma('page_size', { simple: true }) as number
    reader.close()
    const fd = fs.openSync(file, 'r+')
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize)
    fs.closeSync(fd)
    const other = new Database(file)
    other.prepare("INSERT INTO app_meta (key, value) VALUES ('poke', '1')").run()
    other.close()
  }

  it('stops writes, tells the KAM, and offers the restore', async () => {
    const { dataDir, backup } = folderWithBackup(2)
    const test = startTestSession({ dataDir })
    addStores(test, 300, 10)
    damageStoresTable(test)

    const listed = await call(test, 'stores:list', {})
    expect(listed).toMatchObject({ ok: false, error: { code: 'database-damaged', message: expect.stringMatching(/^Storewatch’s data file is damaged \(SQLite said: .+\)\. Storewatch stopped saving changes; restore a backup under Settings → Data\.$/) } })
    expect(test.broadcasts).toEqual([{ event: 'data:damaged', payload: { at: test.clock.now(), message: expect.stringMatching(/is damaged/) } }])
    expect(test.session.state()).toEqual({ phase: 'open', damage: expect.objectContaining({ message: expect.stringMatching(/is damaged/) }) })

    const write = await call(test, 'settings:save', { ...test.core().settings.get() })
    expect(write).toMatchObject({ ok: false, error: { code: 'database-damaged', message: expect.stringMatching(/^This change was not saved\. Storewatch’s data file is damaged/) } })
    expect(await call(test, 'backups:create')).toMatchObject({ ok: false, error: { code: 'database-damaged' } })

    const restored = await call(test, 'backups:restore', { backup, confirmed: true })
    expect(restored).toMatchObject({ ok: true, value: { beforeRestore: null, setAsidePath: expect.stringMatching(/before-restore\.db$/) } })
    expect(test.session.state()).toEqual({ phase: 'open', damage: null })
    expect(test.core().stores.count()).toBe(2)
  })

  it('stops an import commit too, which writes on the worker’s own connection', async () => {
    const workers = testImportWorkers()
    const tasks: string[] = []
    const test = startTestSession({ core: { importWorkers: { run: (task, options) => (tasks.push(task.kind), workers.run(task, options)), close: workers.close } } })
    addStores(test, 300, 10)
    const previewId = await previewed(test, 5)
    damageStoresTable(test)
    expect(await call(test, 'stores:list', {})).toMatchObject({ ok: false, error: { code: 'database-damaged' } })

    const commit = await call(test, 'import:commit', { previewId, defaultConflictAction: 'skip' })
    expect(commit).toMatchObject({ ok: false, error: { code: 'database-damaged', message: expect.stringMatching(/^Nothing was imported\. Storewatch’s data file is damaged/) } })
    expect(tasks).toEqual(['preview'])
  })

  it('stops writes when the import worker is the one to meet the damage', async () => {
    const workers = testImportWorkers()
    let beforeCommitTask = () => {}
    const test = startTestSession({
      core: {
        importWorkers: {
          run: (task, options) => {
            if (task.kind === 'commit') beforeCommitTask()
            return workers.run(task, options)
          },
          close: workers.close
        }
      }
    })
    addStores(test, 600, 10)
    const previewId = await previewed(test, 5)
    // The disk fails after the backup before the import was taken, as the worker starts writing.
    beforeCommitTask = () => damageIndex(test, 'stores_client_name_idx')

    const commit = await call(test, 'import:commit', { previewId, defaultConflictAction: 'skip' })
    expect(commit).toMatchObject({
      ok: false,
      error: { code: 'database-damaged', message: expect.stringMatching(/^stores\.csv was not imported: nothing was written\. Storewatch’s data file is damaged \(SQLite said: .+\)/) }
    })
    expect(test.broadcasts).toEqual([{ event: 'data:damaged', payload: { at: test.clock.now(), message: expect.stringMatching(/is damaged/) } }])
    expect(test.session.state()).toEqual({ phase: 'open', damage: expect.objectContaining({ message: expect.stringMatching(/is damaged/) }) })
    const write = await call(test, 'settings:save', { ...test.core().settings.get() })
    expect(write).toMatchObject({ ok: false, error: { code: 'database-damaged' } })
    // The backup taken before the import restores the portfolio as it was.
    const list = (await call(test, 'backups:list')) as { value: { backups: { name: string; kind: string; storeCount: number }[] } }
    const beforeImport = list.value.backups.find((b) => b.kind === 'before-import')
    expect(beforeImport).toMatchObject({ storeCount: 600 })
    expect(await call(test, 'backups:restore', { backup: beforeImport!.name, confirmed: true })).toMatchObject({ ok: true })
    expect(test.core().stores.count()).toBe(600)
  })
})
