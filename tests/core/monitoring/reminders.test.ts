import { afterEach, describe, expect, it } from 'vitest'
import type { ReminderItem } from '../../../electron/shared/monitoring'
import type { AuthorizationInput } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { DAY, HOUR, MINUTE, openWorld, renew, restart, settle, sgMidnight, subscribedStore, titles } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

// Ends at 15 Dec 00:00 (SG), so it works through 14 Dec. The day with N days left (DESIGN.md §6:
// calendar days from today's date to 15 Dec) starts at daysLeft(N); daysLeft(0) is the End Time.
const END = sgMidnight('2026-12-15')
const daysLeft = (n: number) => END - n * DAY
const AUTHORIZED: AuthorizationInput = { authorizedAt: 0, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true }

async function checkAt(instant: number) {
  world.clock.set(instant)
  return world.core.monitoring.runNow('manual')
}

function centre(): ReminderItem[] {
  return world.core.monitoring.reminders.list({ unreadOnly: false, limit: 100 }).reminders
}

/** Eight days left: the 14-day rung goes out, the test watches what follows. */
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
  it('fires each rung once — 14, 7, 3 and 1 days before the End Time’s date and at the End Time — however often it checks', async () => {
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
      // An End Time at 00:00: its own date, with 0 days left, begins as it ends.
      'Acme Official (SG): subscription has ended'
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

    await checkAt(renewedEnd - 14 * DAY + 10 * HOUR)
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

describe('the k-day reminder fires on the day the count of days left reaches k (DESIGN.md §6)', () => {
  // The user’s example: an End Time of 11 Dec 00:00 (SG) has 14 days left on 27 Nov.
  const DEC_11 = sgMidnight('2026-12-11')
  const sg = (local: string) => Date.parse(`${local}+08:00`)
  /** [rung, when it was due] of a store's reminders, shown or not, latest rung first. */
  const dueTimes = (storeId: number) =>
    world.database.sqlite.prepare('SELECT rung_days, due_at FROM reminders WHERE store_id = ? ORDER BY rung_days').raw().all(storeId) as [number, number][]

  it('fires the 14-day reminder of an 11 Dec 00:00 End Time on 27 Nov at 00:00, not on 26 Nov', async () => {
    world = openWorld(sg('2026-11-26T10:00'))
    const id = subscribedStore(world.core, DEC_11)
    await world.core.monitoring.runNow('manual')
    await checkAt(sg('2026-11-26T23:59:59.999'))
    expect(world.core.notifier.shown).toEqual([])
    expect(world.core.status.evaluate(id)?.status).toBe('healthy')

    await checkAt(sg('2026-11-27T00:00'))
    expect(world.core.notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['Acme Official (SG): subscription ends in 14 days', 'Renew “Authorization Only” on Service Market before 11 Dec 2026, 00:00 (SG time).']
    ])
    expect(world.core.status.evaluate(id)?.status).toBe('expiring')
    expect(dueTimes(id)).toEqual([[14, sg('2026-11-27T00:00')]])
  })

  it('an End Time with a time of day (11 Dec 15:00): 14 days on 27 Nov, “today” from 11 Dec 00:00, and nothing more when it passes', async () => {
    const end = sg('2026-12-11T15:00')
    world = openWorld(sg('2026-11-26T23:00'))
    const id = subscribedStore(world.core, end)
    for (const day of ['2026-11-26', '2026-11-27', '2026-12-04', '2026-12-08', '2026-12-10', '2026-12-11']) {
      await checkAt(sg(`${day}T00:00`))
      await checkAt(sg(`${day}T16:00`))
    }
    expect(titles(world.core)).toEqual([
      'Acme Official (SG): subscription ends in 14 days',
      'Acme Official (SG): subscription ends in 7 days',
      'Acme Official (SG): subscription ends in 3 days',
      'Acme Official (SG): subscription ends tomorrow',
      'Acme Official (SG): subscription ends today'
    ])
    expect(dueTimes(id)).toEqual([
      [0, sg('2026-12-11T00:00')],
      [1, sg('2026-12-10T00:00')],
      [3, sg('2026-12-08T00:00')],
      [7, sg('2026-12-04T00:00')],
      [14, sg('2026-11-27T00:00')]
    ])
    expect(world.core.status.evaluate(id)?.status).toBe('expired')
  })

  describe('after upgrading from the version that counted to the last day (End Time − 1 ms)', () => {
    /**
     * What that version left in the database: for an End Time at local midnight it recorded the
     * k-day rung a day early, at the start of the day k days before the last day.
     */
    function recordedByPreviousVersion(storeId: number, rungDays: number, state: 'delivered' | 'skipped' = 'delivered'): void {
      const dueAt = DEC_11 - (rungDays + 1) * DAY
      const title = `Acme Official (SG): subscription ends ${rungDays === 0 ? 'today' : rungDays === 1 ? 'tomorrow' : `in ${rungDays} days`}`
      world.database.sqlite
        .prepare(
          `INSERT INTO reminders (store_id, deadline_kind, deadline_at, rung_days, due_at, state, title, body, fired_at, delivered_at)
           VALUES (?, 'subscription-end', ?, ?, ?, ?, ?, 'Renew before 11 Dec 2026, 00:00 (SG time).', ?, ?)`
        )
        .run(storeId, DEC_11, rungDays, dueAt, state, title, dueAt + 10 * HOUR, state === 'delivered' ? dueAt + 10 * HOUR : null)
      // It also judged the store expiring a day early.
      world.database.sqlite.prepare("UPDATE store_status SET status = 'expiring' WHERE store_id = ?").run(storeId)
    }

    /** The upgraded app checks twice a day, at 10:00 and 18:00, from `from` through 12 Dec. */
    async function checkDaily(from: string): Promise<void> {
      for (let day = sgMidnight(from); day <= sgMidnight('2026-12-12'); day += DAY) {
        await checkAt(day + 10 * HOUR)
        await checkAt(day + 18 * HOUR)
      }
    }

    it('upgraded on 26 Nov after the 14-day rung fired: it never fires again, and every later rung fires once, on its new day', async () => {
      world = openWorld(sg('2026-11-20T10:00'))
      const id = subscribedStore(world.core, DEC_11)
      await world.core.monitoring.runNow('manual')
      recordedByPreviousVersion(id, 14)
      world = restart(world)

      await checkAt(sg('2026-11-26T18:00'))
      // The upgraded rules count 15 days on 26 Nov: healthy again, and said in the history.
      expect(world.core.status.evaluate(id)?.status).toBe('healthy')
      expect(world.core.detail(id).history[0]).toMatchObject({ kind: 'status-changed', summary: 'Status: Expiring → Healthy' })
      await checkDaily('2026-11-27')

      expect(world.core.notifier.shown.map((n, i) => [n.title, i])).toEqual([
        ['Acme Official (SG): subscription ends in 7 days', 0],
        ['Acme Official (SG): subscription ends in 3 days', 1],
        ['Acme Official (SG): subscription ends tomorrow', 2],
        ['Acme Official (SG): subscription has ended', 3]
      ])
      expect(dueTimes(id)).toEqual([
        [0, sg('2026-12-11T00:00')],
        [1, sg('2026-12-10T00:00')],
        [3, sg('2026-12-08T00:00')],
        [7, sg('2026-12-04T00:00')],
        // As the previous version recorded it.
        [14, sg('2026-11-26T00:00')]
      ])
      const firedOn = world.database.sqlite
        .prepare('SELECT rung_days, fired_at FROM reminders WHERE store_id = ? AND rung_days < 14 ORDER BY rung_days DESC')
        .raw()
        .all(id) as [number, number][]
      expect(firedOn).toEqual([
        [7, sg('2026-12-04T10:00')],
        [3, sg('2026-12-08T10:00')],
        [1, sg('2026-12-10T10:00')],
        [0, sg('2026-12-11T10:00')]
      ])
    })

    it('upgraded on 3 Dec after the 7-day rung fired a day early: no rung fires twice, none is skipped, the 3-day one comes on 8 Dec', async () => {
      world = openWorld(sg('2026-11-20T10:00'))
      const id = subscribedStore(world.core, DEC_11)
      await world.core.monitoring.runNow('manual')
      recordedByPreviousVersion(id, 14)
      recordedByPreviousVersion(id, 7)
      world = restart(world)

      await checkDaily('2026-12-03')
      expect(titles(world.core)).toEqual([
        'Acme Official (SG): subscription ends in 3 days',
        'Acme Official (SG): subscription ends tomorrow',
        'Acme Official (SG): subscription has ended'
      ])
      const states = world.database.sqlite.prepare('SELECT rung_days, state FROM reminders WHERE store_id = ? ORDER BY rung_days DESC').raw().all(id)
      expect(states).toEqual([
        [14, 'delivered'],
        [7, 'delivered'],
        [3, 'delivered'],
        [1, 'delivered'],
        [0, 'delivered']
      ])
    })

    it('upgraded on 10 Dec after the previous version’s “ends today” (its 0-day rung): nothing more at the End Time', async () => {
      world = openWorld(sg('2026-11-20T10:00'))
      const id = subscribedStore(world.core, DEC_11)
      await world.core.monitoring.runNow('manual')
      for (const rung of [14, 7, 3, 1, 0]) recordedByPreviousVersion(id, rung)
      world = restart(world)

      await checkDaily('2026-12-10')
      expect(world.core.notifier.shown).toEqual([])
      expect(world.core.status.evaluate(id)?.status).toBe('expired')
    })
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
    // The check's progress (tasks:progress) is announced besides; see check-progress.test.ts.
    expect(core.broadcasts.filter((b) => b.event !== 'tasks:progress').slice(-2)).toEqual([
      { event: 'checks:completed', payload: run },
      { event: 'reminders:changed', payload: { unread: 1 } }
    ])
  })
})
