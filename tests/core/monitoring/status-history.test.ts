/**
 * The 90-day history of the portfolio (issue #10): stores by status per day from the counts each
 * check run recorded, the day's last run winning; days without a run carry the last known counts
 * and say so; the series starts at the first known day; archived stores are not counted; days are
 * the KAM's (Singapore in these tests).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../checklists/support'
import { DAY, HOUR, openWorld, sgMidnight, subscribedStore } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

describe('the 90-day status history', () => {
  it('has no days before any run recorded its counts', async () => {
    world = openWorld(sgMidnight('2026-12-05') + 10 * HOUR)
    subscribedStore(world.core, sgMidnight('2027-03-01'))
    expect(await call(world.core, 'dashboard:history', undefined)).toEqual({ days: [], recordedDays: 0, windowDays: 90, timeZone: 'Asia/Singapore' })
  })

  it('counts by status per day from the runs, the day’s last run winning, gaps carried from the last known day', async () => {
    world = openWorld(sgMidnight('2026-12-01') + 9 * HOUR)
    const { core, clock } = world
    const lapsing = subscribedStore(core, sgMidnight('2027-06-01'))
    subscribedStore(core, sgMidnight('2027-06-01'))
    const archived = subscribedStore(core, sgMidnight('2027-06-01'))
    core.stores.archive(archived)

    await core.monitoring.runNow('manual') // 1 Dec: 2 healthy
    clock.set(sgMidnight('2026-12-02') + 8 * HOUR)
    const added = subscribedStore(core, sgMidnight('2027-06-01'))
    await core.monitoring.runNow('manual') // 2 Dec, morning: 3 healthy
    clock.set(sgMidnight('2026-12-02') + 20 * HOUR)
    core.stores.archive(added)
    await core.monitoring.runNow('manual') // 2 Dec, evening: 2 healthy (the day's last word)
    // No run on 3 and 4 Dec.
    clock.set(sgMidnight('2026-12-05') + 10 * HOUR)
    // The KAM corrects an End Time: the store ends in 5 days.
    const endAt = sgMidnight('2026-12-10')
    core.records.saveSubscription(lapsing, { serviceVersion: 'authorization-only', period: 'half-year', startAt: endAt - 182 * DAY, endAt, source: 'kam' })
    await core.monitoring.runNow('manual') // 5 Dec: 1 expiring, 1 healthy
    expect(core.detail(lapsing).verdict.status).toBe('expiring')
    clock.set(sgMidnight('2026-12-06') + 23 * HOUR + 30 * 60_000) // late on 6 Dec, no run that day

    const history = await call(core, 'dashboard:history', undefined)
    expect(history.recordedDays).toBe(3)
    expect(history.days.map((d) => [d.date, d.recorded, d.counts.healthy, d.counts.expiring])).toEqual([
      ['2026-12-01', true, 2, 0],
      ['2026-12-02', true, 2, 0],
      ['2026-12-03', false, 2, 0],
      ['2026-12-04', false, 2, 0],
      ['2026-12-05', true, 1, 1],
      ['2026-12-06', false, 1, 1]
    ])
    // Every status is present, zero when no store has it.
    expect(Object.keys(history.days[0]!.counts)).toHaveLength(10)
    expect(history.days[0]!.counts.expired).toBe(0)
  })

  it('keeps to the last 90 days, starting from the counts known before them', async () => {
    world = openWorld(sgMidnight('2026-06-01') + 9 * HOUR)
    const { core, clock } = world
    subscribedStore(core, sgMidnight('2028-01-01'))
    await core.monitoring.runNow('manual') // long ago
    clock.set(sgMidnight('2026-12-05') + 10 * HOUR)
    await core.monitoring.runNow('manual')

    const history = await call(core, 'dashboard:history', undefined)
    expect(history.days).toHaveLength(90)
    expect(history.days[0]).toMatchObject({ date: '2026-09-07', recorded: false })
    expect(history.days[0]!.counts.healthy).toBe(1)
    expect(history.days.at(-1)).toMatchObject({ date: '2026-12-05', recorded: true })
    expect(history.recordedDays).toBe(1)
    expect(history.days.filter((d) => d.recorded)).toHaveLength(1)
  })
})
