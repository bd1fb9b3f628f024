/**
 * Bulk actions (issue #10) on the real core and a real database: each action changes the stores it
 * should, writes each one's history, leaves the others with a reason, runs as one transaction
 * (a failure mid-way leaves the database as it was), and undoes as one step — or refuses to,
 * naming the stores, once they changed since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkActionInput } from '../../../electron/shared/bulk'
import { bulkActionSchema } from '../../../electron/shared/bulk'
import { DEFAULT_PORTFOLIO_QUERY } from '../../../electron/shared/portfolio'
import type { StoreSelection } from '../../../electron/shared/portfolio'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { thrown } from '../../support/thrown'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

const DAY = 24 * 60 * 60 * 1000
let database: TestDatabase
let core: TestCore
let ids: number[]

function addStores(n: number, draft: Record<string, unknown> = {}): number[] {
  return Array.from({ length: n }, (_, i) =>
    core.stores.create(storeInput({ storeName: `Store ${i + 1}`, sellerShortCode: `SG${String(ids.length + i + 1).padStart(8, '0')}`, ...draft })).id
  )
}

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')) })
  ids = []
  ids = addStores(4)
})
afterEach(() => database.close())

const some = (storeIds: number[]): StoreSelection => ({ ids: storeIds })
const run = (selection: StoreSelection, action: BulkActionInput) => {
  core.clock.advance(1000)
  return core.bulk.run(selection, action)
}

/** Every table a bulk action may write, as rows: "unchanged" means equal to this. */
function snapshot(): Record<string, unknown[]> {
  const tables = ['stores', 'store_history', 'store_status', 'authorizations', 'reminder_snoozes', 'checklist_runs', 'checklist_run_steps', 'bulk_actions']
  return Object.fromEntries(tables.map((t) => [t, database.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))
}

const historyOf = (id: number) => core.history.of(id)

/** The database's own message for what `work` threw (drizzle wraps it as the cause). */
function failure(work: () => unknown): string {
  try {
    work()
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? cause.message : (error as Error).message
  }
  throw new Error('expected a failure')
}

describe('bulk actions', () => {
  it('assigns an owner to the selected stores, with a history entry on each, and says which already had it', () => {
    core.stores.update(ids[0]!, { ...storeInput({ storeName: 'Store 1', sellerShortCode: 'SG00000001' }), ownerKam: 'Dana Lee' })
    const result = run(some(ids.slice(0, 3)), { kind: 'assign-owner', owner: '  Dana Lee ' })
    expect(result).toMatchObject({ label: 'Owner set to “Dana Lee”', selected: 3, changed: 2 })
    expect(result.unchanged).toEqual([{ reason: 'already owned by Dana Lee', count: 1, examples: ['Acme Pte Ltd — Store 1 (SG)'] }])
    expect(ids.map((id) => core.stores.view(id).ownerKam)).toEqual(['Dana Lee', 'Dana Lee', 'Dana Lee', null])
    const entry = historyOf(ids[1]!)[0]!
    expect(entry).toMatchObject({ kind: 'updated', actor: 'aisha', summary: 'Owner set to “Dana Lee” (bulk action on 3 stores)' })
    expect(entry.changes).toEqual([{ field: 'ownerKam', label: 'Owner KAM', before: null, after: 'Dana Lee' }])
    // The portfolio's search finds the stores by their new owner.
    expect(core.bulk.resolve({ allMatching: { ...DEFAULT_PORTFOLIO_QUERY, search: 'dana' }, except: [] })).toHaveLength(3)
  })

  it('adds and removes a tag, matching tags whatever their case', () => {
    core.stores.update(ids[0]!, { ...storeInput({ storeName: 'Store 1', sellerShortCode: 'SG00000001' }), tags: ['VIP'] })
    const added = run(some(ids), { kind: 'add-tag', tag: 'vip' })
    expect(added).toMatchObject({ changed: 3, unchanged: [{ reason: 'already tagged “vip”', count: 1 }] })
    expect(core.stores.view(ids[1]!).tags).toEqual(['vip'])
    const removed = run(some(ids.slice(0, 2)), { kind: 'remove-tag', tag: 'Vip' })
    expect(removed.changed).toBe(2)
    expect(core.stores.view(ids[0]!).tags).toEqual([])
    expect(historyOf(ids[0]!)[0]!.changes).toEqual([{ field: 'tags', label: 'Tags', before: 'VIP', after: null }])
  })

  it('archives and restores "all matching but some", and tells the archived ones apart', () => {
    const all: StoreSelection = { allMatching: DEFAULT_PORTFOLIO_QUERY, except: [ids[3]!] }
    expect(run(all, { kind: 'archive' })).toMatchObject({ label: 'Archived', selected: 3, changed: 3 })
    expect(core.stores.view(ids[0]!).status).toBe('archived')
    expect(core.stores.view(ids[3]!).status).not.toBe('archived')
    expect(historyOf(ids[0]!)[0]).toMatchObject({ kind: 'archived' })
    const again = run(some(ids), { kind: 'archive' })
    expect(again).toMatchObject({ changed: 1, unchanged: [{ reason: 'already archived', count: 3 }] })
    const restored = run(some(ids.slice(0, 2)), { kind: 'restore' })
    expect(restored.changed).toBe(2)
    expect(core.stores.view(ids[0]!).status).toBe('needs-subscription')
  })

  it('snoozes reminders for N days or until a date, as the notification centre does, and keeps a longer snooze', () => {
    const result = run(some(ids.slice(0, 2)), { kind: 'snooze', days: 3 })
    const until = core.clock.now() + 3 * DAY
    expect(result.label).toMatch(/^Reminders snoozed until /)
    expect(core.detail(ids[0]!).snooze).toEqual({ storeId: ids[0], until })
    expect(historyOf(ids[0]!)[0]).toMatchObject({ kind: 'snoozed', changes: [{ field: 'snoozedUntil', before: null }] })
    const shorter = run(some(ids), { kind: 'snooze', until: core.clock.now() + DAY })
    expect(shorter).toMatchObject({ changed: 2, unchanged: [{ reason: 'already snoozed until then or later', count: 2 }] })
    expect(thrown(() => run(some(ids), { kind: 'snooze', until: core.clock.now() - DAY })).message).toBe('Pick a snooze date in the future')
  })

  it('starts the checklist on each store, and leaves a store whose checklist is already open with that reason', () => {
    core.checklists.start(ids[0]!, 'renew-and-reauthorize')
    const result = run(some(ids.slice(0, 3)), { kind: 'start-checklist', playbook: 'renew-and-reauthorize' })
    expect(result.changed).toBe(2)
    expect(result.unchanged[0]).toMatchObject({ count: 1, reason: expect.stringContaining('already open for this store') })
    expect(core.checklists.runs(ids[1]!).filter((r) => r.status === 'open')).toHaveLength(1)
    expect(historyOf(ids[1]!)[0]).toMatchObject({ kind: 'checklist', summary: 'Checklist started: Renew the subscription and reauthorize' })
  })

  it('records “authorized and reconnected as of <date>” on each store: the record, its history, the status, the checklist step', () => {
    for (const id of ids) {
      core.records.saveSubscription(id, subscriptionInputSchema.parse({ startAt: core.clock.now() - DAY, endAt: core.clock.now() + 180 * DAY }))
    }
    core.checklists.start(ids[0]!, 'renew-and-reauthorize')
    const asOf = core.clock.now() - 2 * 60 * 60 * 1000
    const result = run(some(ids.slice(0, 2)), { kind: 'record-authorization', authorizedAt: asOf, account: 'seller@acme.example' })
    expect(result).toMatchObject({ changed: 2, label: expect.stringMatching(/^Authorized and reconnected as of /) })
    const detail = core.detail(ids[0]!)
    expect(detail.authorizations[0]).toMatchObject({ authorizedAt: asOf, reconnectedAt: asOf, account: 'seller@acme.example', method: 'recorded-by-kam' })
    expect(detail.verdict.status).toBe('healthy')
    expect(detail.history.map((h) => h.summary)).toEqual(expect.arrayContaining(['Authorized and reconnected', 'Status: Needs authorization → Healthy']))
    const steps = core.checklists.runs(ids[0]!)[0]!.steps
    expect(steps.filter((s) => s.doneAt !== null).map((s) => s.stepId)).toEqual(expect.arrayContaining(['authorize', 'reconnect']))
    expect(core.detail(ids[2]!).verdict.status).toBe('needs-authorization')
    const again = run(some(ids.slice(0, 2)), { kind: 'record-authorization', authorizedAt: asOf })
    expect(again).toMatchObject({ changed: 0, batchId: null, unchanged: [{ reason: 'already authorized and reconnected as of that date', count: 2 }] })
  })

  it('marks reconnected as of a date only where an authorization waits for it', () => {
    const at = core.clock.now()
    core.records.recordAuthorization(ids[0]!, { authorizedAt: at - DAY, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: false })
    core.records.recordAuthorization(ids[1]!, { authorizedAt: at - DAY, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true })
    const result = run(some(ids.slice(0, 3)), { kind: 'mark-reconnected', reconnectedAt: at - 60_000 })
    expect(result.changed).toBe(1)
    expect(result.unchanged.map((u) => u.reason).sort()).toEqual(['already reconnected after its latest authorization', 'no authorization recorded: record the authorization instead'])
    expect(core.detail(ids[0]!).authorizations[0]!.reconnectedAt).toBe(at - 60_000)
    expect(historyOf(ids[0]!).find((h) => h.kind === 'reconnected')!.changes.map((c) => c.label)).toEqual(['Reconnected in the OMS', 'Reconnected'])
  })

  it('refuses bad input with a message naming the field, and writes nothing', () => {
    const before = snapshot()
    const problem = (action: unknown) => thrown(() => core.bulk.run(some(ids), action)).message
    expect(problem({ kind: 'assign-owner', owner: '   ' })).toBe('Owner KAM is required: type the KAM’s name')
    expect(problem({ kind: 'add-tag', tag: 'vip|gold' })).toBe('A tag cannot contain | or , (they separate tags in a CSV file)')
    expect(problem({ kind: 'add-tag', tag: 'v\u202Eip' })).toMatch(/invisible text-direction control \(U\+202E\)/)
    expect(problem({ kind: 'add-tag', tag: 'x'.repeat(41) })).toBe('A tag must be under 40 characters')
    expect(problem({ kind: 'snooze' })).toBe('Say how long to snooze: a number of days or a date')
    expect(problem({ kind: 'snooze', days: 0 })).toBe('Snooze for at least 1 day')
    expect(thrown(() => core.bulk.run(some([999_999]), { kind: 'archive' })).message).toMatch(/^No stores are selected/)
    expect(bulkActionSchema.safeParse({ kind: 'wipe' }).success).toBe(false)
    expect(snapshot()).toEqual(before)
  })

  it('is one transaction: a failure on the last store leaves every store as it was', () => {
    const before = snapshot()
    database.sqlite.exec(`CREATE TEMP TRIGGER fail_last BEFORE INSERT ON store_history WHEN NEW.store_id = ${ids[3]} BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`)
    expect(failure(() => run(some(ids), { kind: 'assign-owner', owner: 'Dana Lee' }))).toBe('disk I/O error')
    expect(failure(() => run(some(ids), { kind: 'archive' }))).toBe('disk I/O error')
    expect(failure(() => run(some(ids), { kind: 'record-authorization', authorizedAt: core.clock.now() }))).toBe('disk I/O error')
    expect(snapshot()).toEqual(before)
  })
})

describe('undo', () => {
  const ACTIONS: [string, BulkActionInput, () => void][] = [
    ['assign owner', { kind: 'assign-owner', owner: 'Dana Lee' }, () => undefined],
    ['add tag', { kind: 'add-tag', tag: 'renewal' }, () => undefined],
    ['archive', { kind: 'archive' }, () => undefined],
    ['snooze', { kind: 'snooze', days: 7 }, () => core.monitoring.reminders.snooze(ids[0]!, 'day')],
    ['start checklist', { kind: 'start-checklist', playbook: 'renew-and-reauthorize' }, () => undefined],
    ['record authorization', { kind: 'record-authorization', authorizedAt: Date.parse('2026-05-31T01:00:00Z') }, () => core.checklists.start(ids[0]!, 'renew-and-reauthorize')]
  ]

  for (const [name, action, setUp] of ACTIONS) {
    it(`puts “${name}” back exactly, in one step, with an “undone” entry on each store`, () => {
      setUp()
      core.clock.advance(1000)
      const tables = () => {
        const { store_history: _history, bulk_actions: _batches, stores, store_status, ...rest } = snapshot()
        // updated_at moves forward on undo, and statuses are recomputed at a later instant.
        return {
          ...rest,
          stores: stores!.map((s) => ({ ...(s as object), updated_at: 0 })),
          store_status: store_status!.map((s) => ({ ...(s as object), computed_at: 0 }))
        }
      }
      const before = tables()
      const result = run(some(ids.slice(0, 3)), action)
      expect(result.batchId).not.toBeNull()
      expect(tables()).not.toEqual(before)
      const undone = core.bulk.undo(result.batchId!)
      expect(undone).toMatchObject({ label: result.label, restored: result.changed })
      expect(tables()).toEqual(before)
      expect(historyOf(ids[0]!)[0]).toMatchObject({ kind: 'undone', summary: `Undone: ${result.label}` })
      expect(thrown(() => core.bulk.undo(result.batchId!)).message).toBe(`“${result.label}” was undone already.`)
    })
  }

  it('is refused, naming the stores, once one of them was edited since; the database stays as it was', () => {
    const result = run(some(ids), { kind: 'assign-owner', owner: 'Dana Lee' })
    core.stores.update(ids[1]!, { ...storeInput({ storeName: 'Store 2', sellerShortCode: 'SG00000002' }), ownerKam: 'Ravi' })
    const before = snapshot()
    expect(thrown(() => core.bulk.undo(result.batchId!)).message).toBe(
      'Cannot undo “Owner set to “Dana Lee””: 1 store was changed since (Acme Pte Ltd — Store 2 (SG)). Undo would overwrite those changes; change them back one by one instead.'
    )
    expect(snapshot()).toEqual(before)
  })

  it('is not refused by a status the app worked out since, and answers for a batch no longer kept', () => {
    const result = run(some(ids), { kind: 'archive' })
    core.status.refresh(ids[0]!)
    expect(core.bulk.undo(result.batchId!).restored).toBe(4)
    expect(thrown(() => core.bulk.undo(999)).message).toBe('That bulk action can no longer be undone: Storewatch keeps the last 20 to undo.')
  })
})

describe('bulk through IPC', () => {
  it('takes a verified backup first, tells the windows, and exports only the selected stores', async () => {
    const context = { emit: () => undefined }
    await core.handlers['bulk:run']({ selection: { ids: ids.slice(0, 2) }, action: { kind: 'archive' } }, context)
    expect(core.backups.list().backups.map((b) => b.kind)).toContain('before-bulk-archive')
    expect(core.broadcasts.some((b) => b.event === 'stores:changed')).toBe(true)
    const exported = await core.dispatcher.dispatch('bulk:export-csv', { selection: { ids: [ids[2]!, ids[3]!] } }, context)
    expect(exported).toMatchObject({ ok: true, value: { rowCount: 2 } })
  })
})
