import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { integrityProblem } from '../../../electron/core/data-safety/backup-files'
import { createBackupFolder, createBackups } from '../../../electron/core/data-safety/backups'
import type { ImportWorkers } from '../../../electron/core/import/worker-pool'
import { silentLogger } from '../../../electron/core/ports'
import { testImportWorkers } from '../../support/import-workers'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import { FakeClock, makeTempDir, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { thrown } from '../../support/thrown'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const database of opened.splice(0)) {
    database.close()
    fs.rmSync(database.dir, { recursive: true, force: true })
  }
})

function setUp(options: { backupDir?: string; rule?: Parameters<typeof createBackupFolder>[0]['rule']; importWorkers?: ImportWorkers } = {}) {
  const clock = new FakeClock(Date.parse('2026-12-01T01:00:00Z'))
  const database = openTestDatabase({ clock })
  opened.push(database)
  const dir = options.backupDir ?? path.join(database.dir, 'backups')
  const folder = createBackupFolder({ dir, setAsideDir: path.join(database.dir, 'set-aside'), timeZone: () => 'Asia/Singapore', logger: silentLogger, rule: options.rule })
  const backups = createBackups({ folder, sqlite: database.sqlite, clock, timeZone: () => 'Asia/Singapore' })
  const core = createTestCore(database, { clock, backups, ...(options.importWorkers ? { importWorkers: options.importWorkers } : {}) })
  const addStores = (count: number, from = 1) => {
    for (let i = from; i < from + count; i++) core.stores.create(storeInput({ sellerShortCode: `SG${10_000_000 + i}`, storeName: `Store ${i}` }))
  }
  return { clock, database, dir, folder, backups, core, addStores }
}

function storesIn(file: string): number {
  const copy = new Database(file, { readonly: true })
  try {
    return copy.prepare('SELECT count(*) FROM stores').pluck().get() as number
  } finally {
    copy.close()
  }
}

describe('backups', () => {
  it('takes a verified copy before an action, named and listed with its kind, size and store count', () => {
    const { backups, dir, addStores } = setUp()
    addStores(3)
    const taken = backups.takeBefore('delete-store')
    expect(taken).toEqual({
      name: 'storewatch-2026-12-01T01-00-00-000Z-before-delete-store.db',
      takenAt: Date.parse('2026-12-01T01:00:00Z'),
      kind: 'before-delete-store',
      label: 'Before deleting a store',
      bytes: fs.statSync(path.join(dir, taken.name)).size,
      storeCount: 3
    })
    expect(storesIn(path.join(dir, taken.name))).toBe(3)
    // A second one in the same millisecond gets a name of its own.
    expect(backups.takeBefore('delete-store').name).toBe('storewatch-2026-12-01T01-00-00-000Z-before-delete-store-2.db')
    expect(backups.list().backups.map((b) => b.name)).toEqual([
      'storewatch-2026-12-01T01-00-00-000Z-before-delete-store-2.db',
      'storewatch-2026-12-01T01-00-00-000Z-before-delete-store.db'
    ])
  })

  it('gives future bulk actions the same call, labelled by the action', () => {
    const { backups, addStores } = setUp()
    addStores(1)
    expect(backups.takeBefore('bulk-archive').label).toBe('Before bulk archive')
    expect(() => backups.takeBefore('../../etc')).toThrow(/not an action name/)
  })

  it('says which action’s backup failed', () => {
    const blocked = path.join(makeTempDir(), 'a-file')
    fs.writeFileSync(blocked, 'not a folder')
    const { backups, addStores } = setUp({ backupDir: blocked })
    addStores(1)
    const error = thrown(() => backups.takeBefore('import'))
    expect(error.code).toBe('backup-failed')
    expect(error.message).toMatch(/^Storewatch backs up the portfolio before an import, and that backup failed \(.+\)\. Nothing was changed\.$/)
  })

  it('never lists a half-written copy, and clears one left by a crash', () => {
    const { backups, dir, addStores } = setUp()
    addStores(1)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'storewatch-2026-11-30T00-00-00-000Z-daily.db.partial'), 'torn')
    expect(backups.list().backups).toEqual([])
    backups.takeNow()
    expect(fs.readdirSync(dir)).toEqual(['storewatch-2026-12-01T01-00-00-000Z-manual.db'])
  })

  it('takes the daily copy once per day in the KAM’s zone, and none of an empty portfolio', () => {
    const { backups, clock, addStores } = setUp()
    expect(backups.takeDailyIfDue()).toBeNull()
    addStores(2)
    expect(backups.takeDailyIfDue()?.storeCount).toBe(2)
    clock.set('2026-12-01T15:59:00Z') // 23:59 in Singapore: still the same day
    expect(backups.takeDailyIfDue()).toBeNull()
    clock.set('2026-12-01T16:00:00Z') // midnight in Singapore
    expect(backups.takeDailyIfDue()?.name).toBe('storewatch-2026-12-01T16-00-00-000Z-daily.db')
  })

  it('prunes by the retention rule after each backup', () => {
    const { backups, clock, addStores } = setUp({ rule: { daily: 2, weekly: 1, beforeMigration: 1, beforeAction: 1 } })
    addStores(1)
    for (let day = 0; day < 5; day++) {
      backups.takeDailyIfDue()
      clock.advance(86_400_000)
    }
    backups.takeBefore('import')
    clock.advance(1)
    backups.takeBefore('delete-store')
    expect(backups.list().backups.map((b) => [b.kind, b.label, new Date(b.takenAt).toISOString()])).toEqual([
      ['before-delete-store', 'Before deleting a store', '2026-12-06T01:00:00.001Z'],
      ['daily', 'Daily', '2026-12-05T01:00:00.000Z'],
      ['daily', 'Daily', '2026-12-04T01:00:00.000Z']
    ])
  })
})

describe('the core’s destructive actions', () => {
  it('backs up before deleting a store, and deletes nothing when that backup fails', async () => {
    const { core, dir, addStores, database } = setUp()
    addStores(2)
    const [first, second] = database.sqlite.prepare('SELECT id FROM stores ORDER BY id').pluck().all() as number[]
    const deleted = await core.dispatcher.dispatch('stores:delete', { id: first, confirmed: true }, { emit: () => undefined })
    expect(deleted.ok).toBe(true)
    const [backup] = fs.readdirSync(dir)
    expect(backup).toMatch(/-before-delete-store\.db$/)
    expect(storesIn(path.join(dir, backup!))).toBe(2)

    fs.rmSync(dir, { recursive: true })
    fs.writeFileSync(dir, 'a file where the backups folder should be')
    const refused = await core.dispatcher.dispatch('stores:delete', { id: second, confirmed: true }, { emit: () => undefined })
    expect(refused).toEqual({ ok: false, error: { code: 'backup-failed', message: expect.stringMatching(/before deleting a store, and that backup failed .* Nothing was changed\.$/) } })
    expect(core.stores.count()).toBe(1)
  })

  /** The import worker, recording each task it is given and what the backups folder held when the commit task came. */
  function recordingWorkers(dir: string) {
    const workers = testImportWorkers()
    const tasks: string[] = []
    const atCommit: string[] = []
    const recording: ImportWorkers = {
      run: (task, options) => {
        tasks.push(task.kind)
        if (task.kind === 'commit') atCommit.push(...fs.readdirSync(dir))
        return workers.run(task, options)
      },
      close: workers.close
    }
    return { recording, tasks, atCommit }
  }

  const CSV = 'Client name,Store name,Country,Seller short code\nAcme,Acme MY,MY,MY1234\n'

  async function previewId(core: ReturnType<typeof setUp>['core']): Promise<string> {
    const preview = await core.dispatcher.dispatch('import:preview', { requestId: 'r', fileName: 'stores.csv', bytes: new TextEncoder().encode(CSV) }, { emit: () => undefined })
    return (preview as { value: { previewId: string } }).value.previewId
  }

  it('backs up before an import on the worker’s thread, verified and kept by the retention rule, before the commit starts', async () => {
    const dir = path.join(makeTempDir(), 'backups')
    const { recording, tasks, atCommit } = recordingWorkers(dir)
    const { core, clock, addStores, folder, backups } = setUp({ backupDir: dir, importWorkers: recording, rule: { daily: 7, weekly: 4, beforeMigration: 5, beforeAction: 1 } })
    addStores(1)
    const onMain = vi.spyOn(folder, 'write')
    backups.takeBefore('delete-store')
    expect(onMain).toHaveBeenCalledTimes(1)
    clock.advance(1)

    const commit = await core.dispatcher.dispatch('import:commit', { previewId: await previewId(core), defaultConflictAction: 'skip' }, { emit: () => undefined })
    expect(commit.ok).toBe(true)
    // The worker wrote it, and main's own backup writer was not called again.
    expect(tasks).toEqual(['preview', 'backup', 'commit'])
    expect(onMain).toHaveBeenCalledTimes(1)
    const [backup] = fs.readdirSync(dir)
    expect(backup).toBe('storewatch-2026-12-01T01-00-00-001Z-before-import.db')
    // Named, verified and holding the portfolio from before the import, when the commit task came.
    expect(atCommit).toEqual([backup])
    expect(integrityProblem(path.join(dir, backup!))).toBeNull()
    expect(storesIn(path.join(dir, backup!))).toBe(1)
    expect(core.stores.count()).toBe(2)
    // Listed with its store count; the rule kept one copy before an action, so the older one went.
    expect(backups.list().backups).toEqual([expect.objectContaining({ name: backup, kind: 'before-import', label: 'Before an import', storeCount: 1 })])
  })

  it('writes nothing of an import whose backup fails, says why, and can try again', async () => {
    const dir = path.join(makeTempDir(), 'backups')
    const { recording, tasks } = recordingWorkers(path.dirname(dir))
    const { core, database, addStores } = setUp({ backupDir: dir, importWorkers: recording })
    addStores(2)
    const portfolio = () => database.sqlite.prepare('SELECT * FROM stores ORDER BY id').all()
    const before = portfolio()
    fs.writeFileSync(dir, 'a file where the backups folder should be')
    const id = await previewId(core)

    const refused = await core.dispatcher.dispatch('import:commit', { previewId: id, defaultConflictAction: 'skip' }, { emit: () => undefined })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'backup-failed', message: expect.stringMatching(/^Storewatch backs up the portfolio before an import, and that backup failed \(.+\)\. Nothing was changed\.$/) }
    })
    expect(tasks).toEqual(['preview', 'backup'])
    expect(portfolio()).toEqual(before)
    expect(core.imports.hold.holder()).toBeNull()

    // The preview is kept: once the folder can be written, the same import goes through.
    fs.rmSync(dir)
    const retried = await core.dispatcher.dispatch('import:commit', { previewId: id, defaultConflictAction: 'skip' }, { emit: () => undefined })
    expect(retried).toMatchObject({ ok: true, value: { created: 1 } })
    expect(tasks).toEqual(['preview', 'backup', 'backup', 'commit'])
    expect(fs.readdirSync(dir)).toEqual(['storewatch-2026-12-01T01-00-00-000Z-before-import.db'])
  })
})
