import { afterEach, describe, expect, it } from 'vitest'
import type { ReminderItem } from '../../../electron/shared/monitoring'
import type { AuthorizationInput } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { DAY, HOUR, MINUTE, openWorld, renew, settle, sgMidnight, subscribedStore, titles } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

// Works through 14 Dec (SG): the day with N days left starts at daysLeft(N).
const END = sgMidnight('2026-12-15')
const daysLeft = (n: number) => END - (n + 1) * DAY
const AUTHORIZED: AuthorizationInput = { authorizedAt: 0, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true }

async function checkAt(instant: number) {
  world.clock.set(instant)
  return world.core.monitoring.runNow('manual')
}

function centre(): ReminderItem[] {
  return world.core.monitoring.reminders.list({ unreadOnly: false, limit: 100 }).reminders
}

/** Eight days before the last day: the 14-day rung goes out, the test watches what follows. */
async function primed<const Names extends readonly string[]>(...storeNames: Names): Promise<{ -readonly [K in keyof Names]: number }> {
  world = openWorld(daysLeft(8) + 10 * HOUR)
  const ids = storeNames.map((storeName) => subscribedStore(world.core, END, { storeName }))
  await world.core.monitoring.runNow('manual')
  world.core.notifier.shown = []
  world.core.monitoring.reminders.markRead({ all: true })
  return ids as { -readonly [K in keyof Names]: number }
}

function unreadCentre(): [number, string][] {
  return world.core.monitoring.reminders.list({ unreadOnly: true, limit: 100 }).reminders.map((r) => [r.rungDays, r.state])
}

function quietHours(start: string, end: string): void {
  const settings = world.core.settings.get()
  world.core.settings.save({ ...settings, reminders: { ...settings.reminders, quietHours: { enabled: true, start, end } } })
}

describe('reminder ladder', () => {
  it('fires each rung once — 14, 7, 3, 1 days before and on the last day — however often it checks', async () => {
    world = openWorld(daysLeft(20))
    const id = subscribedStore(world.core, END)
    for (let day = 20; day >= -2; day--) {
      await checkAt(daysLeft(day) + 10 * HOUR)
      await checkAt(daysLeft(day) + 18 * HOUR)
    }
    expect(titles(world.core)).toEqual([
      'Acme Official (SG): subscription ends in 14 days',
      'Acme Official (SG): subscription ends in 7 days',
      'Acme Official (SG): subscription ends in 3 days',
      'Acme Official (SG): subscription ends tomorrow',
      'Acme Official (SG): subscription ends today'
    ])
    expect(world.core.notifier.shown[0]).toMatchObject({
      body: 'Renew “Authorization Only” on Service Market before 15 Dec 2026, 00:00 (SG time).',
      target: { kind: 'store', storeId: id }
    })
    expect(world.core.monitoring.reminders.ofStore(id, 10).map((r) => [r.rungDays, r.state])).toEqual([
      [0, 'delivered'],
      [1, 'delivered'],
      [3, 'delivered'],
      [7, 'delivered'],
      [14, 'delivered']
    ])
  })

  it('starts a new ladder when the subscription is renewed', async () => {
    world = openWorld(daysLeft(7) + 10 * HOUR)
    const id = subscribedStore(world.core, END)
    await checkAt(daysLeft(7) + 10 * HOUR)
    expect(titles(world.core)).toEqual(['Acme Official (SG): subscription ends in 7 days'])

    const renewedEnd = END + 182 * DAY
    renew(world.core, id, renewedEnd)
    await checkAt(daysLeft(3) + 10 * HOUR)
    await checkAt(daysLeft(0) + 10 * HOUR)
    expect(world.core.notifier.shown).toHaveLength(1)

    await checkAt(renewedEnd - 15 * DAY + 10 * HOUR)
    expect(titles(world.core).at(-1)).toBe('Acme Official (SG): subscription ends in 14 days')
    expect(world.core.monitoring.reminders.ofStore(id, 10).map((r) => [r.deadlineAt, r.rungDays])).toEqual([
      [renewedEnd, 14],
      [END, 7]
    ])
  })

  it('fires only the latest rung due for a store added late, and the expiry of a deadline already past', async () => {
    world = openWorld(daysLeft(5) + 10 * HOUR)
    const late = subscribedStore(world.core, END, { storeName: 'Late' })
    const lapsed = subscribedStore(world.core, END - 40 * DAY, { storeName: 'Lapsed' })
    await world.core.monitoring.runNow('manual')

    expect(titles(world.core)).toEqual(['Late (SG): subscription ends in 5 days', 'Lapsed (SG): subscription has ended'])
    expect(world.core.notifier.shown[1]!.body).toBe(
      'It ended 5 Nov 2026, 00:00 (SG time), so orders no longer sync. Order “Authorization Only” again on Service Market.'
    )
    expect(world.core.monitoring.reminders.ofStore(late, 10).map((r) => r.rungDays)).toEqual([7])
    expect(world.core.monitoring.reminders.ofStore(lapsed, 10).map((r) => r.rungDays)).toEqual([0])
    // The earlier rungs are recorded as skipped, so they never fire later.
    await checkAt(daysLeft(5) + 12 * HOUR)
    expect(world.core.notifier.shown).toHaveLength(2)
  })

  it('follows the legacy grace end and a known authorization deadline', async () => {
    world = openWorld(sgMidnight('2024-02-20'))
    const { core } = world
    const legacy = core.stores.create(storeInput({ storeName: 'Legacy', sellerShortCode: 'SGLEGACY1' }))
    const firstAuthorized = Date.parse('2024-02-10T10:00:00+08:00')
    core.records.recordAuthorization(legacy.id, { ...AUTHORIZED, authorizedAt: firstAuthorized })
    await checkAt(sgMidnight('2024-03-04') + 10 * HOUR)
    expect(world.core.notifier.shown.map((n) => [n.title, n.body])).toEqual([
      [
        'Legacy (SG): legacy grace ends in 7 days',
        'Order “Authorization Only” on Service Market before 11 Mar 2024, 10:00 (SG time) to keep the store connected.'
      ]
    ])

    world.clock.set(daysLeft(30))
    const bound = core.stores.create(storeInput({ storeName: 'Bound', sellerShortCode: 'SGBOUND01' }))
    const subscriptionEnd = END + 60 * DAY
    core.records.saveSubscription(bound.id, { serviceVersion: 'authorization-only', period: 'half-year', startAt: subscriptionEnd - 182 * DAY, endAt: subscriptionEnd, source: 'kam' })
    core.records.recordAuthorization(bound.id, { ...AUTHORIZED, authorizedAt: subscriptionEnd - 181 * DAY, refreshDeadlineAt: END })
    await checkAt(daysLeft(7) + 10 * HOUR)
    expect(world.core.notifier.shown.slice(1).map((n) => [n.title, n.body])).toEqual([
      [
        'Legacy (SG): legacy grace has ended',
        'It ended 11 Mar 2024, 10:00 (SG time). Order “Authorization Only” on Service Market, then have the seller authorize again.'
      ],
      ['Bound (SG): authorization lapses in 7 days', 'Have the seller authorize the app again before 15 Dec 2026, 00:00 (SG time).']
    ])
    expect(core.monitoring.reminders.ofStore(bound.id, 5).map((r) => r.deadlineKind)).toEqual(['authorization-deadline'])
  })
})

describe('holding reminders', () => {
  it('holds reminders during quiet hours and delivers them when quiet hours end', async () => {
    await primed('Acme Official')
    const { core, clock } = world
    quietHours('20:00', '08:00')
    core.monitoring.start()
    await settle()

    // The 7-day rung comes due at midnight, inside quiet hours.
    clock.set(daysLeft(7) + 30 * MINUTE)
    core.ticker.tick()
    await settle()
    expect(core.notifier.shown).toEqual([])
    expect(unreadCentre()).toEqual([[7, 'held']])

    clock.set(daysLeft(7) + 7 * HOUR + 59 * MINUTE)
    core.ticker.tick()
    await settle()
    expect(core.notifier.shown).toEqual([])

    clock.set(daysLeft(7) + 8 * HOUR)
    core.ticker.tick()
    await settle()
    expect(titles(core)).toEqual(['Acme Official (SG): subscription ends in 7 days'])
    expect(centre()[0]).toMatchObject({ rungDays: 7, state: 'delivered', deliveredAt: clock.now() })
  })

  it('shows only the latest rung of reminders held together', async () => {
    await primed('Acme Official')
    const { core, clock } = world
    quietHours('00:00', '09:00')
    const settings = core.settings.get()
    core.settings.save({ ...settings, schedule: { checkIntervalMinutes: 24 * 60 } })

    // Started at 01:00, the check holds the 7-day rung; then asleep until the 3-day rung's night.
    clock.set(daysLeft(7) + HOUR)
    core.monitoring.start()
    await settle()
    clock.set(daysLeft(3) + HOUR)
    core.ticker.tick()
    await settle()
    expect(unreadCentre()).toEqual([
      [3, 'held'],
      [7, 'held']
    ])

    clock.set(daysLeft(3) + 9 * HOUR)
    core.ticker.tick()
    await settle()
    expect(titles(core)).toEqual(['Acme Official (SG): subscription ends in 3 days'])
    expect(unreadCentre()).toEqual([[3, 'delivered']])
  })

  it('snoozes a store for a day, holding its reminders, then delivers them', async () => {
    const [id, other] = await primed('Acme Official', 'Other')
    const { core, clock } = world
    core.monitoring.start()
    await settle()

    const snooze = core.monitoring.reminders.snooze(id, 'day')
    expect(snooze).toEqual({ storeId: id, until: clock.now() + DAY })
    expect(core.monitoring.reminders.snoozeOf(id)).toEqual(snooze)
    expect(core.detail(id).history[0]).toMatchObject({ kind: 'snoozed', summary: 'Reminders snoozed for a day', actor: 'aisha' })

    clock.set(daysLeft(7) + HOUR)
    core.ticker.tick()
    await settle()
    expect(titles(core)).toEqual(['Other (SG): subscription ends in 7 days'])
    expect(core.monitoring.reminders.ofStore(id, 5).map((r) => [r.rungDays, r.state])).toEqual([
      [7, 'held'],
      [14, 'delivered']
    ])
    expect(core.monitoring.dashboard().worklist.find((w) => w.storeId === id)?.snoozedUntil).toBe(snooze.until)
    expect(core.monitoring.dashboard().worklist.find((w) => w.storeId === other)?.snoozedUntil).toBeNull()

    clock.set(snooze.until)
    core.ticker.tick()
    await settle()
    expect(titles(core)).toEqual(['Other (SG): subscription ends in 7 days', 'Acme Official (SG): subscription ends in 7 days'])
    expect(core.monitoring.reminders.snoozeOf(id)).toBeNull()
  })

  it('snoozes until the next rung, collapsing the held rung into it; unsnooze delivers at once', async () => {
    const [id] = await primed('Acme Official')
    const { core, clock } = world
    const noDeadline = core.stores.create(storeInput({ storeName: 'No dates', sellerShortCode: 'SGNODATE1' }))

    expect(core.monitoring.reminders.snooze(id, 'day').until).toBe(clock.now() + DAY)
    await checkAt(daysLeft(7) + HOUR)
    expect(core.monitoring.reminders.snooze(id, 'next-rung')).toEqual({ storeId: id, until: daysLeft(3) })
    // A store without deadlines has no next rung: a day.
    expect(core.monitoring.reminders.snooze(noDeadline.id, 'next-rung').until).toBe(clock.now() + DAY)

    await checkAt(daysLeft(3))
    expect(titles(core)).toEqual(['Acme Official (SG): subscription ends in 3 days'])
    expect(core.monitoring.reminders.ofStore(id, 5).map((r) => [r.rungDays, r.state])).toEqual([
      [3, 'delivered'],
      [14, 'delivered']
    ])

    clock.set(daysLeft(1) - HOUR)
    core.monitoring.reminders.snooze(id, 'day')
    await checkAt(daysLeft(1) + HOUR)
    expect(core.notifier.shown).toHaveLength(1)
    core.monitoring.start()
    await settle()
    core.monitoring.reminders.unsnooze(id)
    expect(core.detail(id).history[0]).toMatchObject({ kind: 'snoozed', summary: 'Snooze ended' })
    core.ticker.tick()
    await settle()
    expect(titles(core).at(-1)).toBe('Acme Official (SG): subscription ends tomorrow')
  })
})

describe('stores that never notify', () => {
  it('keeps archived and out-of-scope stores silent, and drops what they held', async () => {
    world = openWorld(daysLeft(8) + 10 * HOUR)
    const { core } = world
    const archived = subscribedStore(core, END, { storeName: 'Archived' })
    core.stores.archive(archived)
    subscribedStore(core, END, { storeName: 'Korea Shop', country: 'KR' })
    const heldThenArchived = subscribedStore(core, END, { storeName: 'Held' })
    core.monitoring.reminders.snooze(heldThenArchived, 'day')

    await checkAt(daysLeft(7) + HOUR)
    expect(centre().map((r) => [r.storeLabel, r.state])).toEqual([['Acme Pte Ltd — Held (SG)', 'held']])

    core.stores.archive(heldThenArchived)
    await checkAt(daysLeft(0) + HOUR)
    expect(core.notifier.shown).toEqual([])
    expect(centre()).toEqual([])
  })
})

describe('delivery', () => {
  it('keeps a reminder the OS refused in the notification centre, marked failed, and logs it', async () => {
    world = openWorld(daysLeft(7) + 10 * HOUR)
    const { core, logger } = world
    core.notifier.failWith = 'Notifications are turned off for Storewatch'
    const id = subscribedStore(core, END)
    await core.monitoring.runNow('manual')

    const list = core.monitoring.reminders.list({ unreadOnly: true, limit: 10 })
    expect(list.unread).toBe(1)
    expect(list.reminders).toMatchObject([{ storeId: id, state: 'failed', deliveredAt: null, readAt: null, title: 'Acme Official (SG): subscription ends in 7 days' }])
    expect(logger.entries).toContainEqual({
      level: 'warn',
      message: 'the OS did not show a notification; its reminders stay in the notification centre',
      fields: { error: 'Notifications are turned off for Storewatch', reminders: 1 }
    })
  })

  it('shows up to 3 reminders one by one, and 4 or more as one digest', async () => {
    world = openWorld(daysLeft(7) + 10 * HOUR)
    const { core } = world
    const three = [1, 2, 3].map((i) => subscribedStore(core, END, { storeName: `Shop ${i}` }))
    await core.monitoring.runNow('manual')
    expect(core.notifier.shown.map((n) => n.target)).toEqual(three.map((storeId) => ({ kind: 'store', storeId })))

    const four = [4, 5, 6, 7].map((i) => subscribedStore(core, END + DAY, { storeName: `Shop ${i}` }))
    await checkAt(daysLeft(6) + 10 * HOUR)
    expect(core.notifier.shown).toHaveLength(4)
    expect(core.notifier.shown[3]).toEqual({
      title: '4 client stores expire within 7 days',
      body: 'Shop 4 (SG), Shop 5 (SG), Shop 6 (SG) and 1 more. Open Storewatch for the list.',
      target: { kind: 'stores', storeIds: four }
    })
    expect(centre().filter((r) => r.state === 'delivered')).toHaveLength(7)
  })
})

describe('notification centre', () => {
  it('lists reminders newest first with their store, counts and marks them read', async () => {
    world = openWorld(daysLeft(14) + 10 * HOUR)
    const { core, clock } = world
    const id = subscribedStore(core, END)
    await core.monitoring.runNow('manual')
    await checkAt(daysLeft(7) + 10 * HOUR)

    const list = core.monitoring.reminders.list({ unreadOnly: false, limit: 10 })
    expect(list.unread).toBe(2)
    expect(list.reminders.map((r) => [r.rungDays, r.storeLabel, r.deadlineKind, r.deadlineAt])).toEqual([
      [7, 'Acme Pte Ltd — Acme Official (SG)', 'subscription-end', END],
      [14, 'Acme Pte Ltd — Acme Official (SG)', 'subscription-end', END]
    ])
    expect(core.monitoring.reminders.list({ unreadOnly: false, limit: 1 }).reminders).toHaveLength(1)

    const afterOne = core.monitoring.reminders.markRead({ ids: [list.reminders[1]!.id] })
    expect(afterOne.unread).toBe(1)
    expect(afterOne.reminders[1]!.readAt).toBe(clock.now())
    expect(core.monitoring.reminders.list({ unreadOnly: true, limit: 10 }).reminders.map((r) => r.rungDays)).toEqual([7])
    expect(core.broadcasts.at(-1)).toEqual({ event: 'reminders:changed', payload: { unread: 1 } })

    expect(core.monitoring.reminders.markRead({ all: true }).unread).toBe(0)
    expect(core.detail(id).reminders.map((r) => r.rungDays)).toEqual([7, 14])
  })

  it('announces each run and the unread count to the windows', async () => {
    world = openWorld(daysLeft(14) + 10 * HOUR)
    const { core } = world
    subscribedStore(core, END)
    const run = await core.monitoring.runNow('manual')
    expect(core.broadcasts.slice(-2)).toEqual([
      { event: 'checks:completed', payload: run },
      { event: 'reminders:changed', payload: { unread: 1 } }
    ])
  })
})
