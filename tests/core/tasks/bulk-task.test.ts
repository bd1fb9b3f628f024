/**
 * A bulk action as long work (issue #10, point 5): `bulk:run` publishes a task of kind 'bulk' —
 * "Backing up", then "Applying to N stores" with N the selected stores — that ends 'done' (or
 * 'failed' when the action is refused); it offers no Cancel, being one transaction after a backup.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BulkRequestInput } from '../../../electron/shared/bulk'
import type { TaskProgress } from '../../../electron/shared/task-progress'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

let database: TestDatabase
let core: TestCore

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-12-02T03:00:00Z')) })
})
afterEach(() => database.close())

function addStores(n: number): number[] {
  return Array.from({ length: n }, (_, i) => core.stores.create(storeInput({ storeName: `Store ${i + 1}`, sellerShortCode: `SG${String(i + 1).padStart(8, '0')}` })).id)
}

function bulkRun(request: BulkRequestInput): unknown {
  return core.handlers['bulk:run'](request as never, { emit: () => undefined })
}

function bulkTasks(): Pick<TaskProgress, 'label' | 'state' | 'done' | 'total' | 'cancellable'>[] {
  return core.broadcasts
    .filter((b) => b.event === 'tasks:progress' && (b.payload as TaskProgress).kind === 'bulk')
    .map((b) => {
      const { label, state, done, total, cancellable } = b.payload as TaskProgress
      return { label, state, done, total, cancellable }
    })
}

describe('a bulk action as a task', () => {
  it('shows the backup, then "Applying to N stores" of the selected stores, and ends done', () => {
    const ids = addStores(3)
    expect(bulkRun({ selection: { ids }, action: { kind: 'add-tag', tag: 'renewals' } })).toMatchObject({ selected: 3, changed: 3 })
    expect(bulkTasks()).toEqual([
      { label: 'Backing up', state: 'running', done: 0, total: null, cancellable: false },
      { label: 'Applying to 3 stores', state: 'running', done: 0, total: 3, cancellable: false },
      { label: 'Applying to 3 stores', state: 'running', done: 3, total: 3, cancellable: false },
      { label: 'Applying to 3 stores', state: 'done', done: 3, total: 3, cancellable: false }
    ])
    expect(core.tasks.running()).toEqual([])
  })

  it('ends failed when the action is refused, and nothing runs on', () => {
    addStores(1)
    expect(() => bulkRun({ selection: { ids: [999] }, action: { kind: 'archive' } })).toThrow(/No stores are selected/)
    expect(bulkTasks().at(-1)).toMatchObject({ state: 'failed' })
    expect(core.tasks.running()).toEqual([])
  })
})
