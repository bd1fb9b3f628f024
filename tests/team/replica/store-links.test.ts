/**
 * Joining with local stores that match team stores (issue #12, point 2): a linked local store
 * becomes the team's store. The team's fields win, its own row is not sent; its local history and
 * records are shared; a row keyed by the store that the team already has (its subscription) stays
 * the team's. Every laptop ends with the same rows.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { openLaptop, sharedState, subscription, syncAll, uidOfLocal } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const TEAM_END = Date.parse('2027-03-01T00:00:00Z')
const LOCAL_END = Date.parse('2026-12-20T00:00:00Z')

describe('a local store linked to a team store on joining', () => {
  it('is one store afterwards: the team’s fields and subscription, the local history and authorizations shared', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    amy.replica.join({ shareLocal: true })
    const amys = amy.core.stores.create(storeInput({ storeName: 'Bloom (team)', sellerShortCode: 'SGLINK01' }))
    amy.core.records.saveSubscription(amys.id, subscription(TEAM_END - 180 * 86_400_000, TEAM_END))
    await syncAll([amy])

    const bens = ben.core.stores.create(storeInput({ storeName: 'Bloom (Ben)', sellerShortCode: 'SGLINK01', notes: 'Ben’s note' }))
    ben.core.records.saveSubscription(bens.id, subscription(LOCAL_END - 180 * 86_400_000, LOCAL_END))
    ben.core.records.recordAuthorization(bens.id, { authorizedAt: Date.parse('2026-10-01T00:00:00Z'), method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true })
    const uid = uidOfLocal(amy, 'stores', amys.id) ?? ''
    ben.replica.join({ shareLocal: true, links: [{ localStoreId: bens.id, uid, teamHas: ['subscriptions'] }] })
    await syncAll([amy, ben])

    for (const laptop of [amy, ben]) expect(laptop.core.stores.count()).toBe(1)
    expect(uidOfLocal(ben, 'stores', bens.id)).toBe(uid)
    expect(ben.core.stores.view(bens.id)).toMatchObject({ storeName: 'Bloom (team)', notes: null })
    expect(ben.core.records.subscription(bens.id)).toMatchObject({ endAt: TEAM_END })
    expect(amy.core.records.authorizations(amys.id)).toHaveLength(1)
    expect(amy.core.history.of(amys.id).map((entry) => entry.summary)).toEqual(expect.arrayContaining(ben.core.history.of(bens.id).map((entry) => entry.summary)))
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })
})
