import { afterEach, describe, expect, it } from 'vitest'
import { TICK_INTERVAL_MS } from '../../../electron/core/monitoring/scheduler'
import type { NotificationOutcome, NotificationRequest, Notifier } from '../../../electron/core/ports'
import type { CheckRunSummary } from '../../../electron/shared/monitoring'
import { DAY, HOUR, MINUTE, openWorld, restart, runCount, settle, sgMidnight, subscribedStore, titles } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

// Works through 14 Dec: the day with N days left starts at daysLeft(N).
const END = sgMidnight('2026-12-15')
const daysLeft = (n: number) => END - n * DAY

async function tickAt(instant: number): Promise<void> {
  world.clock.set(instant)
  world.core.ticker.tick()
  await settle()
}

function runs(): CheckRunSummary[] {
  return world.core.monitoring.recentRuns(100)
}

describe('scheduler', () => {
  it('checks at start, then on each tick once the interval has passed', async () => {
    world = openWorld('2026-11-20T02:00:00Z')
    const { core, clock } = world
    const startedAt = clock.now()
    core.monitoring.start()
    core.monitoring.start()
    await settle()
    expect(runs().map((r) => r.trigger)).toEqual(['start'])
    expect(core.monitoring.nextCheckAt()).toBe(startedAt + HOUR)

    await tickAt(startedAt + 59 * MINUTE)
    expect(runCount(world)).toBe(1)
    await tickAt(startedAt + HOUR + 30 * 1000)
    expect(runs().map((r) => r.trigger)).toEqual(['interval', 'start'])
    // The schedule keeps its phase: the next check is an hour after the last due time.
    expect(core.monitoring.nextCheckAt()).toBe(startedAt + 2 * HOUR)
    expect(TICK_INTERVAL_MS).toBe(60 * 1000)
  })

  it('after a 3-day sleep runs one catch-up check and shows one digest, not a storm', async () => {
    world = openWorld(END - 20 * DAY)
    const { core, clock } = world
    const stores = [1, 2, 3, 4, 5].map((i) => subscribedStore(core, END, { storeName: `Store ${i}` }))
    core.monitoring.start()
    await settle()
    expect(core.notifier.shown).toEqual([])

    // Asleep from 20 days before the end until 6 days before: rungs 14 and 7 both came due.
    clock.set(daysLeft(6) + 9 * HOUR)
    core.ticker.tick()
    core.ticker.tick()
    core.monitoring.wake()
    await settle()
    core.ticker.tick()
    core.monitoring.wake()
    await settle()

    expect(runs().map((r) => r.trigger)).toEqual(['interval', 'start'])
    expect(core.notifier.shown).toHaveLength(1)
    expect(core.notifier.shown[0]).toMatchObject({
      title: '5 client stores expire within 6 days',
      body: 'Store 1 (SG), Store 2 (SG), Store 3 (SG) and 2 more. Open Storewatch for the list.',
      target: { kind: 'stores', storeIds: stores }
    })
    const { reminders } = core.monitoring.reminders.list({ unreadOnly: false, limit: 50 })
    expect(reminders.map((r) => r.rungDays)).toEqual([7, 7, 7, 7, 7])
    expect(reminders.every((r) => r.state === 'delivered')).toBe(true)
    expect(core.monitoring.nextCheckAt()).toBe(clock.now() + HOUR)
  })

  it('does not run twice nor repeat a reminder when the clock is set back', async () => {
    world = openWorld(daysLeft(14) + 10 * HOUR)
    const { core, clock } = world
    subscribedStore(core, END)
    core.monitoring.start()
    await settle()
    expect(titles(core)).toEqual(['Acme Official (SG): subscription ends in 14 days'])
    const firstRun = clock.now()

    // Set back two hours: nothing runs, and the next check is due within one interval on the new clock.
    await tickAt(firstRun - 2 * HOUR)
    expect(runCount(world)).toBe(1)
    expect(core.monitoring.nextCheckAt()).toBe(firstRun - HOUR)
    await tickAt(firstRun - 2 * HOUR + 30 * MINUTE)
    expect(runCount(world)).toBe(1)

    await tickAt(firstRun - HOUR)
    expect(runs().map((r) => r.trigger)).toEqual(['interval', 'start'])
    await tickAt(firstRun - 30 * MINUTE)
    expect(runCount(world)).toBe(2)
    expect(titles(core)).toHaveLength(1)
    expect(core.monitoring.reminders.list({ unreadOnly: false, limit: 10 }).reminders).toHaveLength(1)
  })

  it('sends nothing twice across a restart in the middle of a ladder', async () => {
    world = openWorld(daysLeft(14) + 10 * HOUR)
    const id = subscribedStore(world.core, END)
    world.core.monitoring.start()
    await settle()
    expect(titles(world.core)).toEqual(['Acme Official (SG): subscription ends in 14 days'])
    const due = world.core.monitoring.nextCheckAt()

    world = restart(world)
    expect(world.core.monitoring.nextCheckAt()).toBe(due)
    world.core.monitoring.start()
    await settle()
    expect(runs().map((r) => r.trigger)).toEqual(['start', 'start'])
    expect(world.core.notifier.shown).toEqual([])

    await tickAt(daysLeft(7) + HOUR)
    expect(titles(world.core)).toEqual(['Acme Official (SG): subscription ends in 7 days'])

    world = restart(world)
    world.core.monitoring.start()
    await settle()
    await tickAt(daysLeft(7) + 3 * HOUR)
    expect(world.core.notifier.shown).toEqual([])
    expect(world.core.monitoring.reminders.ofStore(id, 10).map((r) => r.rungDays)).toEqual([7, 14])
  })

  it('joins a trigger that comes during a run instead of starting another', async () => {
    let open: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (open = resolve))
    const shown: NotificationRequest[] = []
    const slowNotifier: Notifier = {
      async show(request): Promise<NotificationOutcome> {
        shown.push(request)
        await gate
        return { delivered: true }
      }
    }
    world = openWorld(daysLeft(14) + 10 * HOUR, { notifier: slowNotifier })
    const { core } = world
    subscribedStore(core, END)

    const first = core.monitoring.runNow('manual')
    await settle()
    const second = core.monitoring.runNow('manual')
    core.monitoring.start()
    core.monitoring.wake()
    core.ticker.tick()
    open()
    const [a, b] = await Promise.all([first, second])
    await settle()

    expect(a).toBe(b)
    expect(runCount(world)).toBe(1)
    expect(shown).toHaveLength(1)
  })

  it('checks with new settings as soon as they are saved, and reschedules', async () => {
    world = openWorld(END - 30 * DAY)
    const { core, clock } = world
    const id = subscribedStore(core, END)
    core.monitoring.start()
    await settle()

    const settings = core.settings.get()
    core.settings.save({ ...settings, schedule: { checkIntervalMinutes: 30 }, integrator: { ...settings.integrator, publishedCountries: ['MY', 'TH', 'PH', 'VN', 'ID'] } })
    const run = await core.monitoring.runNow('manual')

    expect(run.trigger).toBe('settings')
    expect(run.statusChanges).toBe(1)
    expect(core.detail(id).history[0]).toMatchObject({ kind: 'status-changed', summary: 'Status: Healthy → App not published', actor: 'Storewatch' })
    expect(core.monitoring.nextCheckAt()).toBe(clock.now() + 30 * MINUTE)
  })

  it('runs on wake only when a check is due, and stops ticking when stopped', async () => {
    world = openWorld('2026-11-20T02:00:00Z')
    const { core, clock } = world
    core.monitoring.wake()
    await settle()
    expect(runCount(world)).toBe(0)

    core.monitoring.start()
    await settle()
    clock.advance(10 * MINUTE)
    core.monitoring.wake()
    await settle()
    expect(runCount(world)).toBe(1)

    clock.advance(HOUR)
    core.monitoring.wake()
    await settle()
    expect(runs()[0]!.trigger).toBe('wake')

    core.monitoring.stop()
    expect(core.ticker.running).toBe(0)
    clock.advance(3 * HOUR)
    core.monitoring.wake()
    await settle()
    expect(runCount(world)).toBe(2)
  })
})
