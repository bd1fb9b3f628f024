/**
 * The KAM's choice for two stores with one key (issue #12, point 6), through the core's handlers:
 * merging moves the held store's history, records and runs onto the holder and deletes the held
 * store in one transaction, and every laptop ends with the one store; keeping both dismisses the
 * offer here. Real SQLite files; an in-memory team order stands in for Postgres (the rule is the
 * replicas', tested over Postgres in tests/team/service/join-and-sync.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../../core/checklists/support'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { openLaptop, sharedState, subscription, syncAll, uidOfLocal } from '../replica/support'
import type { Laptop } from '../replica/support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

/** Amy's and Ben's stores with one short code, made offline: Amy's is earlier in the team's order. */
async function clash() {
  const team = new MemoryTeamChannel()
  const amy = openLaptop(team, 'amy', opened)
  const ben = openLaptop(team, 'ben', opened)
  for (const laptop of [amy, ben]) laptop.replica.join({ shareLocal: true })
  const amys = amy.core.stores.create(storeInput({ storeName: 'Bloom by Amy', sellerShortCode: 'SGBLOOM01' }))
  const bens = ben.core.stores.create(storeInput({ storeName: 'Bloom by Ben', sellerShortCode: 'SGBLOOM01' }))
  ben.core.records.saveSubscription(bens.id, subscription(Date.parse('2026-06-01T00:00:00Z'), Date.parse('2026-12-01T00:00:00Z')))
  ben.core.checklists.start(bens.id, 'connect-new-store')
  await amy.replica.push()
  await ben.replica.push()
  await syncAll([amy, ben])
  const bensOnAmy = amy.database.sqlite.prepare("SELECT id FROM stores WHERE store_name = 'Bloom by Ben'").pluck().get() as number
  return { amy, ben, amys: amys.id, bens: bens.id, bensOnAmy }
}

const storeNames = (laptop: Laptop) => laptop.database.sqlite.prepare('SELECT store_name FROM stores ORDER BY id').pluck().all()

describe('merge offers', () => {
  it('lists the offer; merging moves the held store’s history, records and runs onto the holder, on every laptop', async () => {
    const { amy, ben, amys, bensOnAmy } = await clash()
    const offers = await call(amy.core, 'team:merge-offers', undefined)
    expect(offers).toEqual([
      { id: expect.any(Number), country: 'SG', by: 'short-code', value: 'SGBLOOM01', holder: { storeId: amys, name: 'Bloom by Amy' }, held: { storeId: bensOnAmy, name: 'Bloom by Ben' } }
    ])
    expect((await call(amy.core, 'team:get', undefined)).mergeOffers).toBe(1)
    const heldHistory = amy.core.history.of(bensOnAmy).map((entry) => entry.id)
    const holderHistory = amy.core.history.of(amys).map((entry) => entry.id)

    const mark = amy.core.broadcasts.length
    expect(await call(amy.core, 'team:resolve-merge', { offerId: offers[0]!.id, action: 'merge' })).toEqual([])
    expect(amy.core.broadcasts.slice(mark)).toContainEqual({ event: 'stores:changed', payload: { storeIds: [amys, bensOnAmy] } })
    expect(storeNames(amy)).toEqual(['Bloom by Amy'])
    // Both stores' history, and the status change the moved subscription made.
    expect(amy.core.history.of(amys).map((entry) => entry.id)).toEqual(expect.arrayContaining([...holderHistory, ...heldHistory]))
    expect(amy.core.detail(amys).subscription).toMatchObject({ endAt: Date.parse('2026-12-01T00:00:00Z') })
    expect(amy.core.checklists.view(amys).runs.map((run) => run.playbook)).toContain('connect-new-store')

    await syncAll([amy, ben])
    expect(storeNames(ben)).toEqual(['Bloom by Amy'])
    expect(await call(ben.core, 'team:merge-offers', undefined)).toEqual([])
    expect(sharedState(ben)).toEqual(sharedState(amy))
    expect(uidOfLocal(ben, 'stores', ben.database.sqlite.prepare('SELECT id FROM stores').pluck().get() as number)).toBe(uidOfLocal(amy, 'stores', amys))
  })

  it('keeping both dismisses the offer here; the held store stays, without the key', async () => {
    const { amy, bensOnAmy } = await clash()
    const [offer] = await call(amy.core, 'team:merge-offers', undefined)
    expect(await call(amy.core, 'team:resolve-merge', { offerId: offer!.id, action: 'keep-both' })).toEqual([])
    expect(amy.core.stores.view(bensOnAmy)).toMatchObject({ storeName: 'Bloom by Ben', sellerShortCode: null })
    expect(storeNames(amy)).toHaveLength(2)
    const again = await amy.core.dispatcher.dispatch('team:resolve-merge', { offerId: offer!.id, action: 'merge' }, { emit: () => undefined })
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
