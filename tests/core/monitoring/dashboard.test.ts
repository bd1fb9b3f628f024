import { afterEach, describe, expect, it } from 'vitest'
import { STORE_STATUSES } from '../../../electron/shared/status'
import { storeInput } from '../../support/store-input'
import { HOUR, openWorld, settle, sgMidnight, subscribedStore } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

// Friday 27 Nov 2026, 10:00 in Singapore (the KAM's zone): the week started on Monday 23 Nov.
const NOW = '2026-11-27T02:00:00Z'

function portfolio() {
  const { core } = world
  const expired = subscribedStore(core, sgMidnight('2026-11-17'), { storeName: 'Expired' })
  const fresh = core.stores.create(storeInput({ storeName: 'Fresh', sellerShortCode: 'SGFRESH01' })).id
  const legacy = core.stores.create(storeInput({ storeName: 'Legacy', sellerShortCode: 'SGLEGACY1' })).id
  core.records.recordAuthorization(legacy, {
    authorizedAt: Date.parse('2024-01-10T10:00:00+08:00'),
    method: 'recorded-by-kam',
    account: null,
    country: null,
    refreshDeadlineAt: null,
    note: null,
    reconnected: true
  })
  const reconnect = core.stores.create(storeInput({ storeName: 'Reconnect', sellerShortCode: 'SGRECON01' })).id
  const reconnectEnd = sgMidnight('2027-01-26')
  core.records.saveSubscription(reconnect, { serviceVersion: 'authorization-only', period: 'half-year', startAt: reconnectEnd - 182 * 86400000, endAt: reconnectEnd, source: 'kam' })
  core.records.recordAuthorization(reconnect, {
    authorizedAt: reconnectEnd - 181 * 86400000,
    method: 'recorded-by-kam',
    account: null,
    country: null,
    refreshDeadlineAt: null,
    note: null,
    reconnected: false
  })
  const soon = subscribedStore(core, sgMidnight('2026-11-30'), { storeName: 'Soon' })
  const later = subscribedStore(core, sgMidnight('2026-12-03'), { storeName: 'Later' })
  subscribedStore(core, sgMidnight('2027-01-06'), { storeName: 'Kuala Lumpur', country: 'MY' })
  subscribedStore(core, sgMidnight('2027-03-01'), { storeName: 'Far' })
  const archived = subscribedStore(core, sgMidnight('2026-12-01'), { storeName: 'Archived' })
  core.stores.archive(archived)
  subscribedStore(core, sgMidnight('2026-12-10'), { storeName: 'Seoul', country: 'KR' })
  return { expired, fresh, legacy, reconnect, soon, later }
}

describe('dashboard', () => {
  it('counts stores by status, archived ones apart', () => {
    world = openWorld(NOW)
    portfolio()
    const dashboard = world.core.monitoring.dashboard()
    expect(Object.keys(dashboard.counts)).toEqual([...STORE_STATUSES])
    expect(dashboard.counts).toEqual({
      expired: 1,
      'needs-subscription': 2,
      'needs-authorization': 0,
      'needs-reconnect': 1,
      expiring: 2,
      'legacy-grace': 0,
      unknown: 0,
      'app-not-published': 0,
      healthy: 2,
      'out-of-scope': 1
    })
    expect(dashboard.needsAction).toBe(6)
    expect(dashboard.archived).toBe(1)
    expect(world.core.monitoring.needsActionCount()).toBe(6)
  })

  it('ranks the worklist by what lapses soonest, then what lapsed most recently, then no deadline, with days left and the next action', () => {
    world = openWorld(NOW)
    const ids = portfolio()
    world.core.monitoring.reminders.snooze(ids.later, 'day')
    const { worklist, tiers, needsAction } = world.core.monitoring.dashboard()
    expect(worklist.map((w) => [w.storeName, w.status, w.daysLeft, w.tier])).toEqual([
      ['Soon', 'expiring', 3, 'lapsing'],
      ['Later', 'expiring', 6, 'lapsing'],
      ['Reconnect', 'needs-reconnect', 60, 'lapsing'],
      ['Expired', 'expired', -10, 'lapsed'],
      ['Legacy', 'needs-subscription', -1022, 'lapsed'],
      ['Fresh', 'needs-subscription', null, 'no-deadline']
    ])
    expect(tiers).toEqual({ lapsing: 3, lapsed: 2, 'no-deadline': 1 })
    expect(needsAction).toBe(worklist.length)
    expect(worklist[0]).toMatchObject({
      storeId: ids.soon,
      clientName: 'Acme Pte Ltd',
      country: 'SG',
      deadline: sgMidnight('2026-11-30'),
      deadlineKind: 'subscription-end',
      reason: 'The subscription ends 30 Nov 2026, 00:00 (SG time): renew it before then.',
      nextAction: { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 },
      snoozedUntil: null
    })
    expect(worklist[1]!.snoozedUntil).toBe(world.clock.now() + 24 * HOUR)
    // Days left are counted at the moment of asking.
    world.clock.advance(24 * HOUR)
    expect(world.core.monitoring.dashboard().worklist[0]!.daysLeft).toBe(2)
  })

  it('lists a subscription ending 11 Dec 00:00 with 14 days left on 27 Nov, expiring, and 15 the day before, healthy', async () => {
    world = openWorld('2026-11-26T23:59:59.999+08:00')
    const id = subscribedStore(world.core, sgMidnight('2026-12-11'), { storeName: 'Batik House' })
    await world.core.monitoring.runNow('manual')
    expect(world.core.monitoring.dashboard().worklist).toEqual([])
    expect(world.core.status.evaluate(id)).toMatchObject({ status: 'healthy' })

    world.clock.set(sgMidnight('2026-11-27'))
    await world.core.monitoring.runNow('manual')
    expect(world.core.monitoring.dashboard().worklist.map((w) => [w.storeName, w.status, w.daysLeft])).toEqual([['Batik House', 'expiring', 14]])
  })

  it('lays subscription ends over 13 weeks from this Monday, by country', () => {
    world = openWorld(NOW)
    portfolio()
    const weeks = world.core.monitoring.dashboard().expiryWeeks
    expect(weeks).toHaveLength(13)
    expect(weeks[0]!.weekStart).toBe('2026-11-23')
    expect(weeks[12]!.weekStart).toBe('2027-02-15')
    // “Soon” ends on Monday 30 Nov at 00:00: the week of its End Time, as its texts say, though it works through Sunday.
    expect(weeks.map((w) => w.total)).toEqual([0, 2, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0])
    expect(weeks[6]!.byCountry).toEqual({ SG: 0, MY: 1, TH: 0, PH: 0, VN: 0, ID: 0 })
    expect(weeks[1]!.byCountry.SG).toBe(2)
  })

  it('places a subscription by Lazada’s End Time when Lazada answered for the store', () => {
    world = openWorld(NOW)
    const { later } = portfolio()
    const store = world.core.stores.view(later)
    // The KAM recorded 3 Dec; Lazada says it runs to 10 Feb (a renewal the KAM has not entered).
    world.database.sqlite
      .prepare(
        'INSERT INTO lazada_subscriptions (store_id, country, short_code, article_code, state, end_at, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
      )
      .run(later, store.country, store.sellerShortCode, 'FW_GOODS-1', 'valid', sgMidnight('2027-02-10'), world.clock.now())
    expect(world.core.monitoring.dashboard().expiryWeeks.map((w) => w.total)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0])
  })

  it('shows the last run and the next check', async () => {
    world = openWorld(NOW)
    expect(world.core.monitoring.dashboard()).toMatchObject({ lastRun: null, nextCheckAt: null })
    world.core.monitoring.start()
    await settle()
    const dashboard = world.core.monitoring.dashboard()
    expect(dashboard.lastRun).toMatchObject({ trigger: 'start', startedAt: world.clock.now() })
    expect(dashboard.nextCheckAt).toBe(world.clock.now() + HOUR)
  })
})
