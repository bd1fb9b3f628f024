import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoreService } from '../../electron/core/portfolio/store-service'
import { storeInput } from '../support/store-input'
import { thrown } from '../support/thrown'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'


let database: TestDatabase
let clock: FakeClock
let core: TestCore
let stores: StoreService

beforeEach(() => {
  database = openTestDatabase()
  clock = new FakeClock(Date.parse('2026-11-27T02:00:00Z'))
  core = createTestCore(database, { clock })
  stores = core.stores
})
afterEach(() => database.close())


describe('store service', () => {
  it('creates a store with normalized keys and a "created" history entry listing its fields', () => {
    const store = stores.create(storeInput({ sellerShortCode: ' sg10000001 ', loginEmail: 'Seller@Acme.COM', tags: ['VIP', 'vip', ' Fashion '] }))
    expect(store).toMatchObject({
      sellerShortCode: 'SG10000001',
      loginEmail: 'seller@acme.com',
      tags: ['VIP', 'Fashion'],
      // No subscription on record, in 2026: the rules say it needs one.
      status: 'needs-subscription',
      createdAt: clock.now()
    })
    const { history } = core.detail(store.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ kind: 'created', actor: 'aisha', at: clock.now() })
    expect(history[0]!.changes).toContainEqual({ field: 'clientName', label: 'Client', before: null, after: 'Acme Pte Ltd' })
    expect(history[0]!.changes).toContainEqual({ field: 'tags', label: 'Tags', before: null, after: 'VIP, Fashion' })
  })

  it('refuses a second store with the same country and short code, naming the existing one', () => {
    stores.create(storeInput())
    const error = thrown(() => stores.create(storeInput({ storeName: 'Another', sellerShortCode: 'sg10000001' })))
    expect(error.code).toBe('duplicate')
    expect(error.message).toBe('Singapore already has a store with seller short code SG10000001: Acme Pte Ltd — Acme Official (SG)')
    expect(error.fields).toEqual([{ field: 'sellerShortCode', message: 'Already used by another store' }])
  })

  it('allows the same short code in another country', () => {
    stores.create(storeInput())
    expect(stores.create(storeInput({ country: 'MY' })).country).toBe('MY')
  })

  it('uses the login e-mail as the key when there is no short code', () => {
    stores.create(storeInput({ sellerShortCode: null, loginEmail: 'seller@acme.com' }))
    const error = thrown(() => stores.create(storeInput({ sellerShortCode: null, loginEmail: 'SELLER@acme.com', storeName: 'Second' })))
    expect(error.message).toBe('Singapore already has a store with login e-mail seller@acme.com: Acme Pte Ltd — Acme Official (SG)')
    // A store that has a short code is told apart by it, even when it shares the e-mail.
    expect(stores.create(storeInput({ sellerShortCode: 'SGOTHER1', loginEmail: 'seller@acme.com' })).id).toBeGreaterThan(0)
  })

  it('says so when the duplicate is archived', () => {
    const first = stores.create(storeInput())
    stores.archive(first.id)
    expect(thrown(() => stores.create(storeInput())).message).toMatch(/\(archived — restore it instead\)$/)
  })

  it('records what an edit changed, before and after, and when', () => {
    const store = stores.create(storeInput({ ownerKam: 'Aisha Rahman' }))
    clock.advance(60_000)
    const updated = stores.update(store.id, storeInput({ ownerKam: 'Ben Tan', notes: 'Renewal due', contactChannel: 'line' }))
    expect(updated.updatedAt).toBe(clock.now())
    const [latest] = core.detail(store.id).history
    expect(latest).toMatchObject({ kind: 'updated', at: clock.now(), summary: 'Edited' })
    expect(latest!.changes).toEqual([
      { field: 'contactChannel', label: 'Preferred channel', before: null, after: 'LINE' },
      { field: 'ownerKam', label: 'Owner KAM', before: 'Aisha Rahman', after: 'Ben Tan' },
      { field: 'notes', label: 'Notes', before: null, after: 'Renewal due' }
    ])
  })

  it('writes no history entry for an edit that changes nothing', () => {
    const store = stores.create(storeInput())
    stores.update(store.id, storeInput())
    expect(core.detail(store.id).history).toHaveLength(1)
  })

  it('refuses an edit that would collide with another store and changes nothing', () => {
    stores.create(storeInput())
    const other = stores.create(storeInput({ sellerShortCode: 'SGZZZZ99', storeName: 'Other' }))
    expect(thrown(() => stores.update(other.id, storeInput({ storeName: 'Other' }))).code).toBe('duplicate')
    expect(core.detail(other.id).store.sellerShortCode).toBe('SGZZZZ99')
    expect(core.detail(other.id).history).toHaveLength(1)
  })

  it('archives and restores, with history entries, and archiving twice is harmless', () => {
    const store = stores.create(storeInput())
    clock.advance(1000)
    expect(stores.archive(store.id)).toMatchObject({ status: 'archived', archivedAt: clock.now() })
    stores.archive(store.id)
    clock.advance(1000)
    expect(stores.restore(store.id)).toMatchObject({ status: 'needs-subscription', archivedAt: null })
    expect(core.detail(store.id).history.map((h) => h.kind)).toEqual(['restored', 'archived', 'created'])
  })

  it('marks stores outside the six countries as out of scope', () => {
    expect(stores.create(storeInput({ country: 'KR' })).status).toBe('out-of-scope')
  })

  it('deletes a store with its history', () => {
    const store = stores.create(storeInput())
    stores.update(store.id, storeInput({ notes: 'x' }))
    expect(stores.delete(store.id)).toEqual({ deleted: store.id })
    expect(thrown(() => core.detail(store.id)).code).toBe('not-found')
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM store_history').get()).toEqual({ n: 0 })
  })

  it('answers not-found for a store that does not exist', () => {
    expect(thrown(() => stores.update(999, storeInput())).message).toBe('Store #999 does not exist; it may have been deleted')
  })

  it('rolls back a whole transaction when one write fails', () => {
    expect(() =>
      stores.writeTransaction(() => {
        stores.insert(storeInput(), { kind: 'imported', summary: 'Imported' })
        stores.insert(storeInput(), { kind: 'imported', summary: 'Imported' })
      })
    ).toThrow(/already has a store/)
    expect(stores.count()).toBe(0)
  })
})
