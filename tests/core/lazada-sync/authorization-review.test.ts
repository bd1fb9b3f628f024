/** The review after a Lazada check: subscribed on Lazada, authorization not confirmed here; confirmed for many at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { call, refusal } from '../checklists/support'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

const NOW = Date.parse('2026-11-20T04:00:00Z')
const DAY = 86_400_000
let database: TestDatabase
let core: TestCore
const id: Record<string, number> = {}

/** A store with a subscription (filled from Lazada by a check) and Lazada's answer. */
function subscribedOnLazada(key: string, client: string, state: 'valid' | 'expired' = 'valid') {
  const store = core.stores.create(storeInput({ clientName: client, storeName: `${client} SG`, sellerShortCode: `SG${key.toUpperCase()}001` }))
  id[key] = store.id
  core.records.saveSubscription(store.id, subscriptionInputSchema.parse({ startAt: NOW - 30 * DAY, endAt: NOW + 150 * DAY, source: 'lazada' }))
  database.sqlite
    .prepare('INSERT INTO lazada_subscriptions (store_id, country, short_code, article_code, state, end_at, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(store.id, 'SG', store.sellerShortCode, 'FW_GOODS-1000000281', state, NOW + 150 * DAY, NOW - 60_000)
}

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(NOW) })
  subscribedOnLazada('b', 'Bravo')
  subscribedOnLazada('a', 'Alpha')
  subscribedOnLazada('x', 'Expired Co', 'expired')
  subscribedOnLazada('d', 'Done Co')
  core.records.recordAuthorization(id.d!, { authorizedAt: NOW - DAY, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true })
})
afterEach(() => database.close())

describe('the authorization review', () => {
  it('lists the stores Lazada says are subscribed whose authorization is not confirmed, by client', async () => {
    const review = await call(core, 'authorizations:review', undefined)
    expect(review.stores.map((s) => s.clientName)).toEqual(['Alpha', 'Bravo'])
    expect(review.stores[0]).toMatchObject({ id: id.a, country: 'SG', lazadaEndAt: NOW + 150 * DAY, checkedAt: NOW - 60_000 })
  })

  it('confirms many at once as of a date, each store’s history showing it, and leaves the list', async () => {
    const asOf = NOW - 2 * DAY
    const answer = await call(core, 'authorizations:confirm-many', { storeIds: [id.a!, id.b!, id.d!], authorizedAt: asOf, reconnected: true })
    expect(answer).toEqual({ confirmed: 2, skipped: 1 })
    for (const key of ['a', 'b']) {
      expect(core.records.authorizations(id[key]!)[0]).toMatchObject({ authorizedAt: asOf, method: 'recorded-by-kam' })
      expect(core.history.of(id[key]!).some((h) => h.kind === 'authorized')).toBe(true)
      expect(core.status.evaluate(id[key]!)?.status).not.toBe('needs-authorization')
    }
    expect((await call(core, 'authorizations:review', undefined)).stores).toEqual([])
  })

  it('writes nothing when one store fails mid-way', async () => {
    database.sqlite.exec(`CREATE TRIGGER refuse_b BEFORE INSERT ON authorizations WHEN NEW.store_id = ${id.b} BEGIN SELECT RAISE(ABORT, 'refused'); END`)
    await refusal(core, 'authorizations:confirm-many', { storeIds: [id.a!, id.b!], authorizedAt: NOW - DAY })
    expect(core.records.authorizations(id.a!)).toEqual([])
    expect((await call(core, 'authorizations:review', undefined)).stores).toHaveLength(2)
  })
})
