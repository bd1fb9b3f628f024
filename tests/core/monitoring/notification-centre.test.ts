import { afterEach, describe, expect, it } from 'vitest'
import type { ReminderCentreFilter } from '../../../electron/shared/monitoring'
import { DAY, HOUR, openWorld, sgMidnight, subscribedStore } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

const ALL: ReminderCentreFilter = { unreadOnly: false, statuses: [], owners: [] }
const UNREAD: ReminderCentreFilter = { ...ALL, unreadOnly: true }
const FIRST = sgMidnight('2026-12-01') + 9 * HOUR
const SECOND = FIRST + DAY

/**
 * Two daily checks over a varied portfolio: ends in 2, 3, 10, 13 days, ended yesterday and 5 days
 * ago, owned by Ben, Chen or no one; a store ending in 6 days is added before the second check.
 */
async function portfolio() {
  world = openWorld(FIRST)
  const { core } = world
  const end = (days: number) => sgMidnight('2026-12-01') + days * DAY
  const ids = {
    twoDays: subscribedStore(core, end(2), { storeName: 'Two days', ownerKam: 'Ben' }),
    threeDays: subscribedStore(core, end(3), { storeName: 'Three days', ownerKam: 'Chen' }),
    tenDays: subscribedStore(core, end(10), { storeName: 'Ten days', ownerKam: 'Ben' }),
    thirteenDays: subscribedStore(core, end(13), { storeName: 'Thirteen days', ownerKam: null }),
    endedYesterday: subscribedStore(core, end(-1) + 12 * HOUR, { storeName: 'Ended yesterday', ownerKam: 'Chen' }),
    endedLongAgo: subscribedStore(core, end(-5), { storeName: 'Ended long ago', ownerKam: null })
  }
  await core.monitoring.runNow('manual')
  world.clock.set(SECOND)
  const sixDays = subscribedStore(core, end(7), { storeName: 'Six days', ownerKam: 'Ben' })
  await core.monitoring.runNow('manual')
  return { ...ids, sixDays }
}

function centre(filter: ReminderCentreFilter = ALL, offset = 0, limit = 100) {
  return world.core.monitoring.reminders.centre(filter, { offset, limit })
}

const titlesOf = (c: ReturnType<typeof centre>) => c.entries.map((e) => e.title.replace(/ \(SG\): subscription/, ':'))

describe('the notification centre, grouped by check run and rung', () => {
  it('groups by run and rung, most urgent first within and across groups: soonest deadline ahead, then the latest passed', async () => {
    await portfolio()
    const c = centre()
    expect(c.groups.map((g) => [g.key, g.rung, g.total, g.unread, g.first])).toEqual([
      ['2:1', 1, 1, 1, 0],
      ['1:3', 3, 2, 2, 1],
      ['2:7', 7, 1, 1, 3],
      ['1:14', 14, 2, 2, 4],
      // Fired once the End Time had passed: their own rung, after every deadline still ahead.
      ['1:-1', -1, 2, 2, 6]
    ])
    expect(c.groups[0]!.runAt).toBe(SECOND)
    expect(c.groups[1]!.runAt).toBe(FIRST)
    expect(titlesOf(c)).toEqual([
      'Two days: ends tomorrow',
      'Two days: ends in 2 days',
      'Three days: ends in 3 days',
      'Six days: ends in 6 days',
      'Ten days: ends in 10 days',
      'Thirteen days: ends in 13 days',
      'Ended yesterday: has ended',
      'Ended long ago: has ended'
    ])
    expect({ shown: c.shown, total: c.total, unread: c.unread }).toEqual({ shown: 8, total: 8, unread: 8 })
    expect(c.entries[6]).toMatchObject({ status: 'expired', ownerKam: 'Chen', snoozedUntil: null, runId: 1 })
  })

  it('ranks a store that no longer needs action last, whatever its deadline', async () => {
    const ids = await portfolio()
    world.core.records.saveSubscription(ids.twoDays, {
      serviceVersion: 'authorization-only',
      period: 'half-year',
      startAt: SECOND - DAY,
      endAt: SECOND + 180 * DAY,
      source: 'kam'
    })
    world.core.records.recordAuthorization(ids.twoDays, {
      authorizedAt: SECOND,
      method: 'recorded-by-kam',
      account: null,
      country: null,
      refreshDeadlineAt: null,
      note: null,
      reconnected: true
    })
    const c = centre()
    expect(c.entries.find((e) => e.storeId === ids.twoDays)!.status).toBe('healthy')
    expect(c.groups.at(-1)!.key).toBe('2:1')
    expect(c.groups.map((g) => g.key).slice(0, 2)).toEqual(['1:3', '2:7'])
    expect(titlesOf(c).slice(0, 2)).toEqual(['Three days: ends in 3 days', 'Two days: ends in 2 days'])
  })

  it('answers a window of the entries with every group, so 10,000 entries need not cross at once', async () => {
    await portfolio()
    const page = centre(ALL, 3, 2)
    expect(page.offset).toBe(3)
    expect(titlesOf(page)).toEqual(['Six days: ends in 6 days', 'Ten days: ends in 10 days'])
    expect(page.groups).toHaveLength(5)
    expect(page.shown).toBe(8)
    expect(centre(ALL, 8, 100).entries).toEqual([])
  })

  it('pages through one order: the pages, put together, are the whole view, each with the same groups', async () => {
    await portfolio()
    const whole = centre(UNREAD)
    const pages = [0, 3, 6].map((offset) => centre(UNREAD, offset, 3))
    expect(pages.flatMap((p) => p.entries)).toEqual(whole.entries)
    for (const page of pages) expect({ groups: page.groups, shown: page.shown, facets: page.facets }).toEqual({ groups: whole.groups, shown: whole.shown, facets: whole.facets })
  })

  it('answers a later page from the database as it is now: after a mark-read, a snooze, a store’s change, a deadline passing', async () => {
    const ids = await portfolio()
    const { reminders } = world.core.monitoring
    const first = centre(UNREAD, 0, 3)
    expect(first.shown).toBe(8)
    const [sixDays] = centre(UNREAD, 3, 1).entries
    reminders.markRead({ ids: [sixDays!.id] })
    const later = centre(UNREAD, 3, 3)
    expect(later).toMatchObject({ shown: 7, unread: 7 })
    expect(titlesOf(later)).toEqual(['Ten days: ends in 10 days', 'Thirteen days: ends in 13 days', 'Ended yesterday: has ended'])
    expect(centre(ALL, 3, 1).entries[0]).toMatchObject({ id: sixDays!.id, readAt: SECOND })

    reminders.snooze(ids.tenDays, 'day')
    expect(titlesOf(centre(UNREAD, 3, 3))).toEqual(['Thirteen days: ends in 13 days', 'Ended yesterday: has ended', 'Ended long ago: has ended'])

    world.core.records.saveSubscription(ids.threeDays, { serviceVersion: 'authorization-only', period: 'half-year', startAt: SECOND - DAY, endAt: SECOND + 180 * DAY, source: 'kam' })
    expect(centre(ALL, 0, 8).entries.find((e) => e.storeId === ids.threeDays)!.status).not.toBe('expiring')

    // Two days' End Time passes: its entries go to the deadlines passed, by the clock alone.
    world.clock.set(sgMidnight('2026-12-03') + HOUR)
    expect(titlesOf(centre(ALL, 0, 1))).not.toEqual(['Two days: ends tomorrow'])
    // The snooze ends: Ten days is back in the unread view.
    world.clock.set(SECOND + DAY)
    expect(centre(UNREAD).entries.map((e) => e.storeId)).toContain(ids.tenDays)
  })

  it('filters by status and owner, combined, each facet counted under the other', async () => {
    await portfolio()
    const noOwner = centre({ ...ALL, owners: [null] })
    expect(titlesOf(noOwner)).toEqual(['Thirteen days: ends in 13 days', 'Ended long ago: has ended'])
    expect(noOwner).toMatchObject({ shown: 2, total: 8 })
    expect(noOwner.facets.statuses).toEqual([
      { value: 'expired', count: 1 },
      { value: 'expiring', count: 1 }
    ])
    expect(noOwner.facets.owners).toEqual([
      { value: null, count: 2 },
      { value: 'Ben', count: 4 },
      { value: 'Chen', count: 2 }
    ])

    const both = centre({ ...ALL, statuses: ['expired'], owners: ['Chen', null] })
    expect(titlesOf(both)).toEqual(['Ended yesterday: has ended', 'Ended long ago: has ended'])
    expect(both.groups.map((g) => [g.key, g.total])).toEqual([['1:-1', 2]])
    expect(both.facets.owners).toEqual([
      { value: null, count: 1 },
      { value: 'Chen', count: 1 }
    ])

    const nothing = centre({ ...ALL, statuses: ['needs-reconnect'] })
    expect(nothing).toMatchObject({ shown: 0, total: 8, entries: [], groups: [] })
    // A chosen status with nothing left stays listed, so it can be unchosen.
    expect(nothing.facets.statuses).toContainEqual({ value: 'needs-reconnect', count: 0 })
  })

  it('marks one group read, then what a filter shows, keeping the unread count and the unread view in step', async () => {
    await portfolio()
    const { reminders } = world.core.monitoring
    expect(reminders.markShownRead(ALL, '1:3')).toEqual({ affected: 2, unread: 6 })
    expect(world.core.broadcasts.at(-1)).toEqual({ event: 'reminders:changed', payload: { unread: 6 } })
    expect(centre(ALL).groups.find((g) => g.key === '1:3')).toMatchObject({ total: 2, unread: 0 })
    expect(centre(UNREAD).groups.map((g) => g.key)).toEqual(['2:1', '2:7', '1:14', '1:-1'])

    // "Mark shown read" under Ben's filter: only Ben's.
    expect(reminders.markShownRead({ ...UNREAD, owners: ['Ben'] })).toEqual({ affected: 3, unread: 3 })
    expect(titlesOf(centre(UNREAD))).toEqual(['Thirteen days: ends in 13 days', 'Ended yesterday: has ended', 'Ended long ago: has ended'])
    expect(centre(UNREAD).shown).toBe(3)
    expect(reminders.markShownRead(ALL, '1:3')).toEqual({ affected: 0, unread: 3 })
  })

  it('snoozes a group: each store once, with its history, in one go; the entries leave the unread view until it ends', async () => {
    const ids = await portfolio()
    const { reminders } = world.core.monitoring
    expect(reminders.snoozeGroup(UNREAD, '1:14', 'day')).toEqual({ affected: 2, unread: 6 })
    for (const id of [ids.tenDays, ids.thirteenDays]) {
      expect(reminders.snoozeOf(id)).toEqual({ storeId: id, until: SECOND + DAY })
      expect(world.core.detail(id).history[0]).toMatchObject({ kind: 'snoozed', summary: 'Reminders snoozed for a day', actor: 'aisha' })
    }
    expect(reminders.snoozeOf(ids.sixDays)).toBeNull()
    expect(centre(UNREAD).groups.map((g) => g.key)).not.toContain('1:14')
    expect(centre(UNREAD)).toMatchObject({ shown: 6, unread: 6 })
    expect(centre(ALL).entries.filter((e) => e.snoozedUntil !== null).map((e) => e.storeId)).toEqual([ids.tenDays, ids.thirteenDays])

    world.clock.set(SECOND + DAY)
    expect(centre(UNREAD)).toMatchObject({ shown: 8, unread: 8 })
  })

  it('snoozes a store in two groups once; and snoozes none when one store cannot be', async () => {
    let failing = false
    let names = 0
    world = openWorld(FIRST, {
      actor: {
        name: () => {
          if (failing && ++names === 2) throw new Error('history refused')
          return 'aisha'
        }
      }
    })
    const a = subscribedStore(world.core, sgMidnight('2026-12-12'), { storeName: 'A' })
    const b = subscribedStore(world.core, sgMidnight('2026-12-13'), { storeName: 'B' })
    await world.core.monitoring.runNow('manual')
    failing = true
    expect(() => world.core.monitoring.reminders.snoozeGroup(UNREAD, '1:14', 'next-rung')).toThrow('history refused')
    expect(world.core.monitoring.reminders.snoozeOf(a)).toBeNull()
    expect(world.core.monitoring.reminders.snoozeOf(b)).toBeNull()
    expect(world.core.detail(a).history.filter((h) => h.kind === 'snoozed')).toEqual([])
  })
})
