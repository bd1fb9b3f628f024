/**
 * A row keyed by its store (a subscription) removed on one laptop while another removes and records
 * it again (issue #12, point 6). Found by the long soak on Postgres: the laptop whose removal was not
 * yet pushed took the teammate's new record in, although its own removal was later in the team's
 * order and so removed the record everywhere else; from then on its subscription was its alone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { localIdOfUid, openLaptop, sharedState, subscription, syncAll, uidOfLocal } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const START = Date.parse('2026-06-01T00:00:00Z')
const DAY = 86_400_000

describe('a subscription removed on one laptop, removed and recorded again on another', () => {
  it('the removal later in the team’s order wins on every laptop, the pending remover’s own included', async () => {
    const team = new MemoryTeamChannel()
    const amy = openLaptop(team, 'amy', opened)
    const ben = openLaptop(team, 'ben', opened)
    for (const laptop of [amy, ben]) laptop.replica.join({ shareLocal: true })
    const store = amy.core.stores.create(storeInput())
    amy.core.records.saveSubscription(store.id, subscription(START, START + 180 * DAY))
    await syncAll([amy, ben])
    const benStore = localIdOfUid(ben, 'stores', uidOfLocal(amy, 'stores', store.id) ?? '') ?? 0

    ben.core.records.removeSubscription(benStore)
    amy.core.records.removeSubscription(store.id)
    amy.core.records.saveSubscription(store.id, subscription(START, START + 365 * DAY))
    await amy.replica.push()
    await ben.replica.pull()
    expect(ben.core.detail(benStore).subscription).toBeNull()
    await syncAll([amy, ben])

    expect(amy.core.detail(store.id).subscription).toBeNull()
    expect(ben.core.detail(benStore).subscription).toBeNull()
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })
})
