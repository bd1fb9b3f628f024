/**
 * Push, pull and apply between laptops (issue #12): a repeated push after a cut adds nothing,
 * concurrent edits converge by "later in the team's order wins, per field", a delete stays a
 * delete, and a record about a store made on another laptop lands on the same store here (and
 * the pull names that store, whose derived status is stale).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { localIdOfUid, nth, openLaptop, sharedState, storeFields, subscription, syncAll, uidOfLocal } from './support'
import type { Laptop } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

function twoLaptops(): { team: MemoryTeamChannel; amy: Laptop; ben: Laptop } {
  const team = new MemoryTeamChannel()
  const amy = openLaptop(team, 'amy', opened)
  const ben = openLaptop(team, 'ben', opened)
  amy.replica.join({ shareLocal: true })
  ben.replica.join({ shareLocal: true })
  return { team, amy, ben }
}

/** The store on `laptop` that is the team's `uid`. */
function storeOn(laptop: Laptop, uid: string): number {
  const id = localIdOfUid(laptop, 'stores', uid)
  if (id === undefined) throw new Error(`${laptop.name} has no store ${uid}`)
  return id
}

function edit(laptop: Laptop, id: number, change: Partial<ReturnType<typeof storeFields>>): void {
  laptop.core.stores.update(id, { ...storeFields(laptop.core, id), ...change })
}

async function sharedStore(amy: Laptop, ben: Laptop): Promise<{ amyId: number; benId: number; uid: string }> {
  const store = amy.core.stores.create(storeInput({ storeName: 'Bloom Official' }))
  await syncAll([amy, ben])
  const uid = uidOfLocal(amy, 'stores', store.id) ?? ''
  return { amyId: store.id, benId: storeOn(ben, uid), uid }
}

describe('push', () => {
  it('a push cut after the team committed it is sent again and the team keeps one copy', async () => {
    const { team, amy, ben } = twoLaptops()
    amy.core.stores.create(storeInput())
    amy.channel.cutAfterCommit = true
    await expect(amy.replica.push()).rejects.toThrow('connection lost')
    expect(amy.replica.unpushed()).toBe(2)

    await expect(amy.replica.push()).resolves.toBe(2)
    expect(amy.replica.unpushed()).toBe(0)
    expect(team.changes).toHaveLength(2)
    expect(team.received(amy.replica.clientId() ?? '', nth(team.changes, 0).clientSeq)).toBe(2)
    expect(team.changes.map((c) => [c.table, c.author])).toEqual([
      ['stores', 'amy'],
      ['store_history', 'amy']
    ])

    await ben.replica.pull()
    expect(ben.core.stores.count()).toBe(1)
    // Amy's own history row takes the team's author when its echo comes back.
    await amy.replica.pull()
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('the search text is the receiving laptop’s own, so a pulled store is found by search', async () => {
    const { amy, ben } = twoLaptops()
    const { benId } = await sharedStore(amy, ben)
    const searchText = ben.database.sqlite.prepare('SELECT search_text FROM stores WHERE id = ?').pluck().get(benId) as string
    expect(searchText).toContain('bloom official')
    expect(searchText).toContain('singapore')
  })
})

describe('convergence', () => {
  it('two edits of one field: the one later in the team’s order wins on both laptops', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    edit(amy, amyId, { notes: 'Amy was here' })
    edit(ben, benId, { notes: 'Ben was here' })

    await ben.replica.push()
    await amy.replica.push()
    await syncAll([amy, ben])

    expect(amy.core.stores.view(amyId).notes).toBe('Amy was here')
    expect(ben.core.stores.view(benId).notes).toBe('Amy was here')
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('a pushed edit not yet pulled back still beats an earlier remote edit of the same field', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    edit(ben, benId, { ownerKam: 'Ben' })
    await ben.replica.push()
    edit(amy, amyId, { ownerKam: 'Amy' })
    await amy.replica.push()
    // Amy's change is later; ben pulls his own first, then Amy's.
    await syncAll([amy, ben])
    expect(ben.core.stores.view(benId).ownerKam).toBe('Amy')
    expect(amy.core.stores.view(amyId).ownerKam).toBe('Amy')
  })

  it('edits of different fields are both kept', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    edit(amy, amyId, { notes: 'Renewal due' })
    edit(ben, benId, { ownerKam: 'Ben' })
    await syncAll([amy, ben])

    for (const [laptop, id] of [
      [amy, amyId],
      [ben, benId]
    ] as const) {
      expect(laptop.core.stores.view(id)).toMatchObject({ notes: 'Renewal due', ownerKam: 'Ben' })
    }
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('a deleted store does not come back when another laptop edited it meanwhile', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId, uid } = await sharedStore(amy, ben)
    amy.core.stores.delete(amyId)
    await amy.replica.push()
    edit(ben, benId, { notes: 'Edited offline' })
    await syncAll([amy, ben])

    expect(amy.core.stores.count()).toBe(0)
    expect(ben.core.stores.count()).toBe(0)
    expect(localIdOfUid(ben, 'stores', uid)).toBe(benId)
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('archiving travels', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    amy.core.stores.archive(amyId)
    await syncAll([amy, ben])
    expect(ben.core.stores.view(benId).archivedAt).toBe(amy.core.stores.view(amyId).archivedAt)
    expect(ben.core.stores.view(benId).archivedAt).not.toBeNull()
  })
})

describe('references between rows', () => {
  it('a subscription recorded for a store made on the other laptop lands on that store here', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    // Ben's store has another local id than Amy's.
    ben.core.stores.create(storeInput({ sellerShortCode: 'SGOTHER01' }))
    await syncAll([amy, ben])
    const start = Date.parse('2026-06-01T00:00:00Z')
    ben.core.records.saveSubscription(benId, subscription(start, start + 180 * 86_400_000))
    await ben.replica.push()
    // The subscription and its history entry; the store's derived status is now stale here.
    await expect(amy.replica.pull()).resolves.toEqual({ pulled: 2, storeIds: [amyId] })
    await syncAll([amy, ben])

    expect(amy.core.records.subscription(amyId)).toMatchObject({ startAt: start, endAt: start + 180 * 86_400_000 })
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('the same store’s subscription recorded on both laptops offline is one row, the later push winning', async () => {
    const { amy, ben } = twoLaptops()
    const { amyId, benId } = await sharedStore(amy, ben)
    const start = Date.parse('2026-06-01T00:00:00Z')
    amy.core.records.saveSubscription(amyId, subscription(start, start + 1000))
    ben.core.records.saveSubscription(benId, subscription(start, start + 2000))
    await amy.replica.push()
    await syncAll([amy, ben])

    expect(amy.core.records.subscription(amyId)?.endAt).toBe(start + 2000)
    expect(ben.core.records.subscription(benId)?.endAt).toBe(start + 2000)
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })
})
