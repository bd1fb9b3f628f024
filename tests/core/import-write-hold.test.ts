/**
 * While an import commit holds the write lock on the worker's connection, main's own writes wait
 * for it to finish (instead of meeting "database is locked" after the busy timeout), and say why
 * in the log; reads go ahead.
 */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RUN_DURING_IMPORT, waitForImports } from '../../electron/core/import/write-hold'
import type { WriteHold } from '../../electron/core/import/write-hold'
import type { Handlers } from '../../electron/core/ipc/dispatcher'
import type { Channel } from '../../electron/shared/ipc-contract'
import { ipcContract } from '../../electron/shared/ipc-contract'
import { RecordingLogger } from '../support/recording-logger'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const HEADER = 'client_name,store_name,country,seller_short_code'

function rows(count: number): Uint8Array {
  const lines = [HEADER]
  for (let i = 0; i < count; i++) lines.push(`Client ${i},Store ${i},MY,MY${String(i).padStart(8, '0')}`)
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n')
}

/** A hold the test takes and lets go by hand. */
function manualHold() {
  let release: (() => void) | null = null
  let done = Promise.resolve()
  const hold: WriteHold = { holder: () => (release ? 'the import of test.csv' : null), released: () => done }
  return {
    hold,
    take() {
      done = new Promise((resolve) => (release = resolve))
    },
    let() {
      const r = release
      release = null
      r?.()
    }
  }
}

describe('waitForImports', () => {
  const channels = Object.keys(ipcContract) as Channel[]

  function recordingHandlers(calls: string[]): Handlers {
    return Object.fromEntries(channels.map((channel) => [channel, () => calls.push(channel)])) as unknown as Handlers
  }

  it('runs every handler at once while nothing holds the lock', () => {
    const calls: string[] = []
    const { hold } = manualHold()
    const handlers = waitForImports(recordingHandlers(calls), hold, new RecordingLogger())
    for (const channel of channels) (handlers[channel] as (input: unknown, context: unknown) => unknown)(undefined, {})
    expect(calls).toEqual(channels)
  })

  it('lets reads through during an import and holds writes until it ends, saying why', async () => {
    const calls: string[] = []
    const manual = manualHold()
    const logger = new RecordingLogger()
    const handlers = waitForImports(recordingHandlers(calls), manual.hold, logger)
    manual.take()
    const call = (channel: Channel) => (handlers[channel] as (input: unknown, context: unknown) => unknown)(undefined, {})

    call('stores:list')
    call('dashboard:get')
    const edit = call('stores:update') as Promise<unknown>
    const check = call('checks:run-now') as Promise<unknown>
    expect(calls).toEqual(['stores:list', 'dashboard:get'])
    expect(logger.entries.filter((l) => l.message === 'a write waits for the import to finish').map((l) => l.fields?.channel)).toEqual([
      'stores:update',
      'checks:run-now'
    ])

    manual.let()
    await Promise.all([edit, check])
    expect(calls).toEqual(['stores:list', 'dashboard:get', 'stores:update', 'checks:run-now'])
  })

  it('holds every channel it does not know to only read', () => {
    const waiting = channels.filter((c) => !RUN_DURING_IMPORT.has(c))
    expect(waiting).toContain('stores:create')
    expect(waiting).toContain('settings:save')
    expect(waiting).toContain('authorizations:attempts') // expires stale attempts: a write
    expect(waiting).toContain('credentials:get') // may re-encrypt the secret: a write
  })
})

describe('an import commit and main’s own writes', () => {
  let database: TestDatabase
  let core: TestCore

  beforeEach(() => {
    const clock = new FakeClock()
    database = openTestDatabase({ clock })
    core = createTestCore(database, { clock })
  })
  afterEach(() => database.close())

  it('a KAM’s edit made while the import writes waits for it, then succeeds', { timeout: 120_000 }, async () => {
    const logger = new RecordingLogger()
    core = createTestCore(database, { logger })
    // Main would give up on a taken lock at once: only waiting for the import lets the edit through.
    database.sqlite.pragma('busy_timeout = 1')
    const existing = core.stores.create(storeInput({ clientName: 'Acme', sellerShortCode: 'SG10000001' }))
    const context = { emit: () => undefined }
    const previewed = await core.dispatcher.dispatch('import:preview', { requestId: 'r', fileName: 'big.csv', bytes: rows(5000) }, context)
    if (!previewed.ok) throw new Error(previewed.error.message)
    const { previewId } = previewed.value as { previewId: string }

    const commit = core.dispatcher.dispatch('import:commit', { previewId, defaultConflictAction: 'skip' }, context)
    expect(core.imports.hold.holder()).toBe('the import of big.csv (0 of 5,000 rows written)')
    const edit = core.dispatcher.dispatch(
      'stores:update',
      { id: existing.id, store: storeInput({ clientName: 'Acme Renamed', sellerShortCode: 'SG10000001' }) },
      context
    )
    const list = await core.dispatcher.dispatch('stores:list', { statuses: [], sort: { column: 'clientName', direction: 'asc' } }, context)
    expect(list.ok).toBe(true) // reads do not wait

    expect(await commit).toEqual({ ok: true, value: { created: 5000, updated: 0, skipped: 0, outOfScope: 0, skippedWithErrors: 0 } })
    expect(await edit).toMatchObject({ ok: true, value: { clientName: 'Acme Renamed' } })
    expect(logger.entries.filter((e) => e.message === 'a write waits for the import to finish')).toEqual([
      { level: 'info', message: 'a write waits for the import to finish', fields: { channel: 'stores:update', holder: expect.stringMatching(/^the import of big\.csv/) } }
    ])
    expect(core.imports.hold.holder()).toBeNull()
    expect(core.stores.count()).toBe(5001)
  })

  it('a check due while the import writes starts once it has finished', { timeout: 120_000 }, async () => {
    const previewed = await core.imports.preview({ requestId: 'r', fileName: 'big.csv', bytes: rows(5000) }, () => {})
    const committing = core.imports.commit({ previewId: previewed.previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => {})
    const check = core.monitoring.runNow('manual')
    const [written, run] = await Promise.all([committing, check])
    expect(written.created).toBe(5000)
    // The check saw every imported store: it ran after the commit, not beside it.
    expect(run.storesChecked).toBe(5000)
  })

  it('an import meeting the write lock taken by another program fails clearly and can be tried again', { timeout: 120_000 }, async () => {
    database.sqlite.pragma('busy_timeout = 200')
    const previewed = await core.imports.preview({ requestId: 'r', fileName: 'stores.csv', bytes: rows(50) }, () => {})
    const other = new Database(database.filePath)
    other.exec('BEGIN IMMEDIATE')
    try {
      await expect(core.imports.commit({ previewId: previewed.previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => {})).rejects.toMatchObject({
        code: 'import-failed',
        message: 'The database stayed busy (another program or another Storewatch holds it), so stores.csv was not imported: nothing was written. Try Import again.'
      })
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(core.stores.count()).toBe(0)
    expect(await core.imports.commit({ previewId: previewed.previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => {})).toMatchObject({
      created: 50
    })
  })
})
