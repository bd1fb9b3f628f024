/**
 * Fault tests (issue #9): each fault happens in a child process of its own, bounded in time, and
 * the test waits on what the child says rather than on the clock.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { StartupState } from '../../../electron/shared/data-safety'
import { spawnChild } from '../../support/child-process'
import type { Child } from '../../support/child-process'
import { authorizationInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { closeTestSessions, startTestSession } from '../../support/test-session'
import type { TestSession } from '../../support/test-session'
import { FakeClock } from '../../support/test-database'

const DAY = 86_400_000
const CHILD_MS = 90_000
// A child's start (tsx, migrations, an integrity check) is CPU work: far from this on a busy machine.
const BOUNDED = { timeout: 120_000 }

const children: Child[] = []
function child(script: string, ...args: string[]): Child {
  const started = spawnChild(`tests/support/fault-children/${script}`, args, { timeoutMs: CHILD_MS })
  children.push(started)
  return started
}
afterEach(async () => {
  for (const running of children.splice(0)) {
    running.kill('SIGKILL')
    await running.exited
  }
  closeTestSessions()
})

/** A data folder with `count` stores whose subscriptions end 21 to 40 days from the session's clock. */
function seededFolder(count: number): { dataDir: string; test: TestSession } {
  const test = startTestSession({ clock: new FakeClock(Date.parse('2026-11-27T02:00:00Z')) })
  const core = test.core()
  const now = test.clock.now()
  core.stores.writeTransaction(() => {
    for (let i = 0; i < count; i++) {
      const store = core.stores.create(storeInput({ sellerShortCode: `SG${10_000_000 + i}`, storeName: `Store ${i}` }))
      core.records.saveSubscription(store.id, { serviceVersion: 'authorization-only', period: 'half-year', startAt: now - 150 * DAY, endAt: now + (21 + (i % 20)) * DAY, source: 'kam' })
      core.records.recordAuthorization(store.id, authorizationInputSchema.parse({ authorizedAt: now - 149 * DAY, reconnected: true }))
    }
  })
  return { dataDir: test.dataDir, test }
}

function readDatabase<T>(file: string, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file)
  try {
    return read(sqlite)
  } finally {
    sqlite.close()
  }
}

interface Ack {
  id: number
  statusChanges: number
  runs: number
  history: number
}
const ackOf = (line: string) => JSON.parse(line.slice('ack '.length)) as Ack

describe('a second process holding the write lock', BOUNDED, () => {
  function setUp(busyTimeoutMs: number) {
    const { dataDir, test: seeding } = seededFolder(1)
    const storeId = 1
    seeding.close()
    const test = startTestSession({ dataDir, busyTimeoutMs })
    const edit = () => test.session.dispatcher.dispatch('stores:update', { id: storeId, store: storeInput({ sellerShortCode: 'SG10000000', storeName: 'Renamed by the KAM' }) }, { emit: () => undefined })
    return { test, edit, file: test.files.databasePath }
  }

  it('makes a KAM’s edit wait for the lock (held 3 s) and then succeed', async () => {
    const { test, edit, file } = setUp(60_000)
    const holder = child('hold-write-lock.ts', file, '--hold-ms=3000')
    await holder.line(/^locked$/)
    const result = await edit()
    const finishedAt = Date.now()
    expect(result).toMatchObject({ ok: true, value: { storeName: 'Renamed by the KAM' } })
    // It could only write once the other process had committed.
    const releasedAt = Number((await holder.line(/^released /)).split(' ')[1])
    expect(releasedAt).toBeLessThanOrEqual(finishedAt)
    expect(test.core().stores.view(1).storeName).toBe('Renamed by the KAM')
  })

  it('fails past the busy timeout with a message naming what happened, and changes nothing', async () => {
    const { test, edit, file } = setUp(200)
    const holder = child('hold-write-lock.ts', file)
    await holder.line(/^locked$/)
    expect(await edit()).toEqual({
      ok: false,
      error: {
        code: 'database-busy',
        message:
          'This change was not saved: another program kept Storewatch’s data file (storewatch.db) locked for longer than Storewatch waits. ' +
          'Close any other Storewatch or database tool that has it open, then try again.'
      }
    })
    expect(test.core().stores.view(1).storeName).toBe('Store 0')
    holder.send('release')
    await holder.line(/^released /)
    expect(await edit()).toMatchObject({ ok: true })
  })
})

describe('kill -9 during a check run', BOUNDED, () => {
  it('inside the run’s transaction: nothing of that run is kept, nothing acknowledged is lost, the file is sound', async () => {
    const { dataDir, test } = seededFolder(200)
    test.close()
    const checks = child('check-runs.ts', dataDir, '--pause')
    const acked = ackOf(await checks.line(/^ack /))
    await checks.line(/^paused$/)
    checks.kill('SIGKILL')
    expect(await checks.exited).toEqual({ code: null, signal: 'SIGKILL' })

    const file = path.join(dataDir, 'storewatch.db')
    const after = readDatabase(file, (sqlite) => ({
      integrity: sqlite.pragma('integrity_check', { simple: true }),
      runs: sqlite.prepare('SELECT id, status_changes AS statusChanges, finished_at IS NOT NULL AS finished FROM check_runs').all(),
      history: sqlite.prepare('SELECT count(*) FROM store_history').pluck().get()
    }))
    expect(after).toEqual({ integrity: 'ok', runs: [{ id: acked.id, statusChanges: acked.statusChanges, finished: 1 }], history: acked.history })
    const reopened = startTestSession({ dataDir })
    expect(reopened.session.state()).toEqual({ phase: 'open', damage: null })
  })

  it('at whatever point it lands: every acknowledged run is there, whole', async () => {
    const { dataDir, test } = seededFolder(200)
    test.close()
    const checks = child('check-runs.ts', dataDir)
    await checks.line(/^ack .*"runs":3,/)
    checks.kill('SIGKILL')
    await checks.exited
    const acks = checks.lines.filter((line) => line.startsWith('ack ')).map(ackOf)

    const file = path.join(dataDir, 'storewatch.db')
    const after = readDatabase(file, (sqlite) => ({
      integrity: sqlite.pragma('integrity_check', { simple: true }) as string,
      runs: sqlite.prepare('SELECT id, status_changes AS statusChanges, finished_at IS NOT NULL AS finished FROM check_runs ORDER BY id').all() as { id: number; statusChanges: number; finished: number }[],
      history: sqlite.prepare('SELECT count(*) FROM store_history').pluck().get() as number
    }))
    expect(after.integrity).toBe('ok')
    for (const ack of acks) expect(after.runs).toContainEqual({ id: ack.id, statusChanges: ack.statusChanges, finished: 1 })
    // At most the run in flight committed before the kill, and then as a whole.
    expect(after.runs.length - acks.length).toBeLessThanOrEqual(1)
    expect(after.runs.every((run) => run.finished === 1)).toBe(true)
    if (after.runs.length === acks.length) expect(after.history).toBe(acks.at(-1)!.history)
  })
})

describe('start-up with backups present', BOUNDED, () => {
  function folderWithBackup(): { dataDir: string; file: string; backup: string } {
    const { dataDir, test } = seededFolder(40)
    const backup = test.core().backups.takeNow().name
    test.close()
    return { dataDir, file: path.join(dataDir, 'storewatch.db'), backup }
  }

  async function startUp(dataDir: string): Promise<{ state: StartupState; restored: number }> {
    const app = child('start-up.ts', dataDir, '--restore-newest')
    const state = JSON.parse((await app.line(/^state /)).slice('state '.length)) as StartupState
    const restored = Number((await app.line(/^restored /)).split(' ')[1])
    expect(await app.exited).toEqual({ code: 0, signal: null })
    return { state, restored }
  }

  function expectDamagedAndSetAside(state: StartupState, damaged: Buffer, backup: string): void {
    expect(state).toMatchObject({ phase: 'choose', problem: 'damaged', newestGood: backup })
    const setAsidePath = (state as { setAsidePath: string }).setAsidePath
    expect(fs.readFileSync(setAsidePath).equals(damaged)).toBe(true)
  }

  it('a truncated file is set aside and the newest backup is offered, and restored', async () => {
    const { dataDir, file, backup } = folderWithBackup()
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
    const damaged = fs.readFileSync(file)
    const { state, restored } = await startUp(dataDir)
    expectDamagedAndSetAside(state, damaged, backup)
    expect(restored).toBe(40)
  })

  it('a file with a zeroed header is set aside and the newest backup is offered, and restored', async () => {
    const { dataDir, file, backup } = folderWithBackup()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0)
    fs.closeSync(fd)
    const damaged = fs.readFileSync(file)
    const { state, restored } = await startUp(dataDir)
    expectDamagedAndSetAside(state, damaged, backup)
    expect((state as { message: string }).message).toMatch(/file is not a database/)
    expect(restored).toBe(40)
  })

  it('a missing file is not replaced by an empty portfolio unasked: the newest backup is offered, and restored', async () => {
    const { dataDir, file, backup } = folderWithBackup()
    fs.rmSync(file)
    const { state, restored } = await startUp(dataDir)
    expect(state).toMatchObject({ phase: 'choose', problem: 'missing', newestGood: backup, setAsidePath: null })
    expect(restored).toBe(40)
  })
})
