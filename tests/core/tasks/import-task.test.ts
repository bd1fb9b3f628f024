/**
 * An import commit as long work (issue #10, point 5): it publishes a task of kind 'import' —
 * backing up, then rows written of all as the worker reports them — that ends 'done'. The fake
 * clock moves at each progress line, so the throttle lets steps through. The commit
 * is one transaction, so Cancel rolls it all back: the database is exactly as before, the KAM is
 * told so, and the same preview can be imported afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Backups } from '../../../electron/core/data-safety/backups'
import { CommitCancelled, commitFile } from '../../../electron/core/import/commit-file'
import { openSource } from '../../../electron/core/import/import-source'
import { previewFile } from '../../../electron/core/import/preview-file'
import { openSeenKeys } from '../../../electron/core/import/seen-keys'
import { importWriters } from '../../../electron/core/import/worker-database'
import { silentLogger } from '../../../electron/core/ports'
import type { ImportPreview } from '../../../electron/shared/csv-import'
import type { TaskProgress } from '../../../electron/shared/task-progress'
import { rejected } from '../../support/thrown'
import { backupsBeside, createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

const ROWS = 2000

function csvOf(count: number): Uint8Array {
  const lines = ['client_name,store_name,country,seller_short_code']
  for (let i = 0; i < count; i++) lines.push(`Client ${i},Store ${i},MY,MY${String(i).padStart(8, '0')}`)
  return new TextEncoder().encode(lines.join('\n') + '\n')
}

let database: TestDatabase
let clock: FakeClock
let core: TestCore

/** The backup before the commit waits for `letGo`, so a test can cancel while it runs. */
function heldBackups(): { backups: Backups; letGo: () => void } {
  const real = backupsBeside(database, clock)
  let letGo = () => {}
  const gate = new Promise<void>((resolve) => (letGo = resolve))
  return { backups: { ...real, takeBeforeOn: (action, writer) => gate.then(() => real.takeBeforeOn(action, writer)) }, letGo }
}

function start(backups?: Backups): void {
  core = createTestCore(database, { clock, ...(backups ? { backups } : {}) })
}

beforeEach(() => {
  clock = new FakeClock(Date.parse('2026-12-02T03:00:00Z'))
  database = openTestDatabase({ clock })
})
afterEach(() => database.close())

function importTasks(): TaskProgress[] {
  return core.broadcasts.filter((b) => b.event === 'tasks:progress').map((b) => b.payload as TaskProgress).filter((p) => p.kind === 'import')
}

function preview(bytes = csvOf(ROWS)): Promise<ImportPreview> {
  return core.imports.preview({ requestId: 'req-1', fileName: 'stores.csv', bytes }, () => {})
}

/** The commit, the clock moving 300 ms at each progress line so every step after the first is published. */
function commit(previewId: string) {
  return core.imports.commit({ previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => clock.advance(300))
}

/** Every row of every table: "as before" means equal to this. */
function snapshot(): Record<string, unknown[]> {
  const tables = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((t) => [t, database.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]))
}

describe('an import commit as a task', () => {
  it('shows the backup, then rows written of all as the worker reports them, and ends done', async () => {
    start()
    const shown = await preview()
    expect(importTasks()).toEqual([])
    await commit(shown.previewId)

    const published = importTasks()
    expect(published[0]).toMatchObject({ kind: 'import', state: 'running', label: 'Backing up before importing stores.csv', total: null, cancellable: true })
    expect(published[1]).toMatchObject({ state: 'running', label: 'Importing stores from stores.csv', done: 0, total: ROWS, cancellable: true })
    const done = published.slice(1).map((p) => p.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    // The worker reports every 500 rows; the registry throttles, so which of them are shown varies, not that some are.
    const between = published.filter((p) => p.done > 0 && p.done < ROWS)
    expect(between.length).toBeGreaterThan(0)
    expect(between.every((p) => p.done % 500 === 0 && p.total === ROWS && p.ratePerSecond! > 0 && p.etaMs! > 0)).toBe(true)
    expect(published.at(-2)).toMatchObject({ state: 'running', done: ROWS, total: ROWS })
    expect(published.at(-1)).toMatchObject({ state: 'done', done: ROWS, total: ROWS, cancellable: false, etaMs: 0 })
    expect(new Set(published.map((p) => p.id)).size).toBe(1)
    expect(core.tasks.running()).toEqual([])
  })

  it('cancelled, rolls back: the database is exactly as before, it says so, and the same preview imports later', async () => {
    const held = heldBackups()
    start(held.backups)
    const shown = await preview()
    const before = snapshot()
    const committing = commit(shown.previewId)
    await vi.waitFor(() => expect(core.tasks.running()).toHaveLength(1))
    const [task] = core.tasks.running()

    expect(core.tasks.cancel(task!.id)).toMatchObject({ label: 'Cancelling', cancellable: false })
    held.letGo()
    const error = await rejected(() => committing)
    expect(error.code).toBe('import-cancelled')
    expect(error.message).toBe('You cancelled the import of stores.csv. Nothing was imported: your portfolio is as it was.')
    expect(importTasks().at(-1)).toMatchObject({ id: task!.id, state: 'cancelled', done: 0 })
    expect(snapshot()).toEqual(before)

    expect(await commit(shown.previewId)).toMatchObject({ created: ROWS })
    expect(importTasks().at(-1)).toMatchObject({ state: 'done', done: ROWS, total: ROWS })
  })

  it('a cancel once the commit has written rows rolls every one of them back', async () => {
    const bytes = csvOf(ROWS)
    const readers = { ...importWriters(database, 0, '', silentLogger), seen: openSeenKeys() }
    const { matches } = previewFile(await openSource(bytes), readers, () => {})
    readers.seen.close()
    const before = snapshot()
    const written: number[] = []
    let asked = 0
    const seen = openSeenKeys()
    const writers = { database, ...importWriters(database, clock.now(), 'aisha', silentLogger), seen }
    const plan = { fileName: 'stores.csv', matches, defaultAction: 'skip' as const, conflictActions: {}, errorRows: 0, skipErrorRows: false }
    try {
      // The KAM cancels as the 1,201st row is reached.
      commitFile(await openSource(bytes), writers, plan, (rows) => written.push(rows), () => ++asked > 1200)
      expect.unreachable('the commit should have stopped')
    } catch (error) {
      expect(error).toBeInstanceOf(CommitCancelled)
      expect((error as CommitCancelled).rows).toBe(1200)
    } finally {
      seen.close()
    }
    expect(written).toEqual([500, 1000])
    expect(snapshot()).toEqual(before)
  })
})
