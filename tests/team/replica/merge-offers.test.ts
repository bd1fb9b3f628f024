/**
 * Two stores made offline on two laptops with the same country and short code (issue #12): both
 * reach every laptop, the one earlier in the team's order keeps the key, the other keeps all its
 * other fields with its key set aside in a merge offer, and the pull never fails.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { localIdOfUid, openLaptop, sharedState, syncAll, uidOfLocal } from './support'
import type { Laptop } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

interface Offer {
  held: string
  holder: string
  key: Record<string, unknown>
}

function offers(laptop: Laptop): Offer[] {
  const rows = laptop.database.sqlite.prepare('SELECT held_store_id AS held, holder_store_id AS holder, held_key AS key FROM team_merge_offers').all() as {
    held: number
    holder: number
    key: string
  }[]
  return rows.map((r) => ({ held: uidOfLocal(laptop, 'stores', r.held) ?? '', holder: uidOfLocal(laptop, 'stores', r.holder) ?? '', key: JSON.parse(r.key) as Record<string, unknown> }))
}

function storeRow(laptop: Laptop, uid: string): { store_name: string; seller_short_code: string | null } {
  return laptop.database.sqlite.prepare('SELECT store_name, seller_short_code FROM stores WHERE id = ?').get(localIdOfUid(laptop, 'stores', uid)) as {
    store_name: string
    seller_short_code: string | null
  }
}

describe('two stores with one key', () => {
  it('both are kept everywhere; the earlier keeps the key and the later is offered for merging', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    const cat = openLaptop(team, 'cat', opened)
    const laptops = [amy, ben, cat]
    for (const laptop of laptops) laptop.replica.join({ shareLocal: true })
    amy.core.stores.create(storeInput({ storeName: 'Bloom by Amy', sellerShortCode: 'SGBLOOM01' }))
    ben.core.stores.create(storeInput({ storeName: 'Bloom by Ben', sellerShortCode: 'SGBLOOM01' }))

    await amy.replica.push()
    await ben.replica.push()
    await syncAll(laptops)

    const amyStore = team.changes.find((c) => c.table === 'stores' && c.clientId === amy.replica.clientId())?.uid ?? ''
    const benStore = team.changes.find((c) => c.table === 'stores' && c.clientId === ben.replica.clientId())?.uid ?? ''
    for (const laptop of laptops) {
      expect(laptop.core.stores.count()).toBe(2)
      expect(storeRow(laptop, amyStore)).toEqual({ store_name: 'Bloom by Amy', seller_short_code: 'SGBLOOM01' })
      expect(storeRow(laptop, benStore)).toEqual({ store_name: 'Bloom by Ben', seller_short_code: null })
      expect(offers(laptop)).toEqual([{ held: benStore, holder: amyStore, key: { seller_short_code: 'SGBLOOM01', login_email: null } }])
    }
    expect(sharedState(ben)).toEqual(sharedState(amy))
    expect(sharedState(cat)).toEqual(sharedState(amy))
  })

  it('the laptop whose store is later sets its own aside when the earlier one arrives', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    amy.replica.join({ shareLocal: true })
    ben.replica.join({ shareLocal: true })
    amy.core.stores.create(storeInput({ storeName: 'Bloom by Amy', sellerShortCode: 'SGBLOOM01' }))
    const bens = ben.core.stores.create(storeInput({ storeName: 'Bloom by Ben', sellerShortCode: 'SGBLOOM01' }))

    await amy.replica.push()
    // Ben pulls before pushing: Amy's store is earlier, so Ben's own yields its key.
    await ben.replica.pull()
    expect(ben.core.stores.view(bens.id).sellerShortCode).toBeNull()
    await syncAll([amy, ben])

    expect(sharedState(ben)).toEqual(sharedState(amy))
    expect(offers(ben)).toEqual(offers(amy))
    expect(offers(amy)).toHaveLength(1)
  })

  it('a store set aside for an earlier one that is deleted before its push keeps its key, as everywhere', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    amy.replica.join({ shareLocal: true })
    ben.replica.join({ shareLocal: true })
    const amys = amy.core.stores.create(storeInput({ storeName: 'Bloom by Amy', sellerShortCode: 'SGBLOOM01' }))
    const bens = ben.core.stores.create(storeInput({ storeName: 'Bloom by Ben', sellerShortCode: 'SGBLOOM01' }))
    await amy.replica.push()
    amy.core.stores.delete(amys.id)
    await amy.replica.push()

    await ben.replica.pull()
    await syncAll([amy, ben])

    expect(ben.core.stores.view(bens.id).sellerShortCode).toBe('SGBLOOM01')
    expect(offers(ben)).toEqual([])
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('two stores without a short code and with one login e-mail meet the same way', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    amy.replica.join({ shareLocal: true })
    ben.replica.join({ shareLocal: true })
    amy.core.stores.create(storeInput({ storeName: 'Calm by Amy', sellerShortCode: null, loginEmail: 'calm@example.com' }))
    const bens = ben.core.stores.create(storeInput({ storeName: 'Calm by Ben', sellerShortCode: null, loginEmail: 'calm@example.com' }))
    await amy.replica.push()
    await syncAll([amy, ben])

    expect(ben.core.stores.view(bens.id).loginEmail).toBeNull()
    expect(offers(amy)).toEqual([{ held: uidOfLocal(ben, 'stores', bens.id), holder: expect.any(String), key: { seller_short_code: null, login_email: 'calm@example.com' } }])
    expect(offers(ben)).toEqual(offers(amy))
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('a holder deleted on a laptop, its delete not pushed yet, still holds its key there for a teammate’s store earlier than the delete', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    const cat = openLaptop(team, 'cat', opened)
    const laptops = [amy, ben, cat]
    for (const laptop of laptops) laptop.replica.join({ shareLocal: true })
    const holder = amy.core.stores.create(storeInput({ storeName: 'Bloom first', sellerShortCode: 'SGBLOOM09' }))
    await amy.replica.push()
    await cat.replica.pull()
    // Ben, who has not pulled yet, makes a store with the same key: later than Amy's in the team's order.
    ben.core.stores.create(storeInput({ storeName: 'Bloom second', sellerShortCode: 'SGBLOOM09' }))
    await ben.replica.push()
    // Cat deletes Amy's store and pulls Ben's before pushing the delete: for the team, Amy's store still held the key at Ben's seq.
    cat.core.stores.delete(localIdOfUid(cat, 'stores', uidOfLocal(amy, 'stores', holder.id) ?? '') ?? 0)
    await cat.replica.pull()
    await syncAll(laptops)

    for (const laptop of laptops) {
      expect(laptop.core.stores.count()).toBe(1)
      expect(laptop.database.sqlite.prepare('SELECT store_name, seller_short_code FROM stores').get()).toEqual({ store_name: 'Bloom second', seller_short_code: null })
    }
    expect(sharedState(cat)).toEqual(sharedState(amy))
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })
})
