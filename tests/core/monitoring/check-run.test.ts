import { afterEach, describe, expect, it } from 'vitest'
import { DAY, HOUR, openWorld, sgMidnight, subscribedStore } from './monitoring-support'
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

function statusOf(storeId: number): string {
  return world.database.sqlite.prepare('SELECT status FROM store_status WHERE store_id = ?').pluck().get(storeId) as string
}

describe('check run', () => {
  it('writes status changes to the store’s history as the clock reaches them', async () => {
    world = openWorld(daysLeft(20))
    const { core, clock } = world
    const id = subscribedStore(core, END)
    const quiet = await core.monitoring.runNow('manual')
    expect(quiet).toMatchObject({ trigger: 'manual', storesChecked: 1, statusChanges: 0, remindersFired: 0, errors: [] })

    clock.set(daysLeft(14) - 1)
    expect((await core.monitoring.runNow('manual')).statusChanges).toBe(0)
    clock.set(daysLeft(14))
    const entering = await core.monitoring.runNow('manual')
    expect(entering).toMatchObject({ statusChanges: 1, remindersFired: 1 })
    expect(statusOf(id)).toBe('expiring')
    expect(core.detail(id).history[0]).toMatchObject({
      kind: 'status-changed',
      summary: 'Status: Healthy → Expiring',
      actor: 'Storewatch',
      at: daysLeft(14),
      changes: [{ field: 'status', label: 'Status', before: 'Healthy', after: 'Expiring' }]
    })

    // The exact end instant: expired.
    clock.set(END - 1)
    expect((await core.monitoring.runNow('manual')).statusChanges).toBe(0)
    clock.set(END)
    expect((await core.monitoring.runNow('manual')).statusChanges).toBe(1)
    expect(core.detail(id).history[0]!.summary).toBe('Status: Expiring → Expired')
  })

  it('does not count a store judged for the first time as a change', async () => {
    world = openWorld(daysLeft(20))
    const { database, core } = world
    database.sqlite
      .prepare("INSERT INTO stores (client_name, store_name, country, created_at, updated_at) VALUES ('Beta Sdn Bhd', 'Beta Mall', 'MY', ?, ?)")
      .run(world.clock.now(), world.clock.now())
    const run = await core.monitoring.runNow('manual')
    expect(run).toMatchObject({ storesChecked: 1, statusChanges: 0 })
    expect(statusOf(1)).toBe('needs-subscription')
    expect(core.detail(1).history).toEqual([])
  })

  it('notices records changed behind the services’ back in the same process', async () => {
    world = openWorld(daysLeft(20))
    const { database, core } = world
    const id = subscribedStore(core, END)
    await core.monitoring.runNow('manual')
    database.sqlite.prepare('UPDATE subscriptions SET end_at = ? WHERE store_id = ?').run(daysLeft(20) - HOUR, id)
    const run = await core.monitoring.runNow('manual')
    expect(run.statusChanges).toBe(1)
    expect(statusOf(id)).toBe('expired')
  })

  it('checks the other stores when one cannot be checked, and names it in the run', async () => {
    world = openWorld(daysLeft(15))
    const { database, core } = world
    const broken = subscribedStore(core, END, { storeName: 'Broken' })
    const fine = subscribedStore(core, END, { storeName: 'Fine' })
    database.sqlite.prepare("UPDATE subscriptions SET end_at = 'soon' WHERE store_id = ?").run(broken)
    world.clock.set(daysLeft(14) + HOUR)

    const run = await core.monitoring.runNow('manual')
    expect(run.errors).toEqual([`Could not check Acme Pte Ltd — Broken (SG) (#${broken}): its subscription dates are not readable.`])
    expect(run).toMatchObject({ storesChecked: 2, statusChanges: 1, remindersFired: 1 })
    expect(statusOf(fine)).toBe('expiring')
    expect(core.monitoring.recentRuns(1)).toEqual([run])
  })

  it('records a run that could not be saved as failed, changes nothing, and lets the next run do the work', async () => {
    world = openWorld(daysLeft(15))
    const { database, core, clock } = world
    const id = subscribedStore(core, END)
    await core.monitoring.runNow('manual')
    database.sqlite.exec("CREATE TRIGGER refuse BEFORE UPDATE ON check_runs BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    clock.set(daysLeft(14) + HOUR)
    const failed = await core.monitoring.runNow('manual')
    expect(failed).toMatchObject({ storesChecked: 0, statusChanges: 0, remindersFired: 0, errors: ['The check could not be completed: database or disk is full.'] })
    expect(statusOf(id)).toBe('healthy')
    expect(core.notifier.shown).toEqual([])
    expect(world.logger.entries).toContainEqual({ level: 'error', message: 'a check run failed', fields: { trigger: 'manual', error: 'database or disk is full' } })

    database.sqlite.exec('DROP TRIGGER refuse')
    expect(await core.monitoring.runNow('manual')).toMatchObject({ statusChanges: 1, remindersFired: 1, errors: [] })
    expect(statusOf(id)).toBe('expiring')
    expect(core.monitoring.recentRuns(3).map((r) => r.errors.length)).toEqual([0, 1, 0])
  })

  it('keeps every run, newest first', async () => {
    world = openWorld(daysLeft(20))
    const { core, clock } = world
    subscribedStore(core, END)
    const first = await core.monitoring.runNow('manual')
    clock.advance(HOUR)
    const second = await core.monitoring.runNow('manual')
    expect(core.monitoring.recentRuns(10)).toEqual([second, first])
    expect(second).toMatchObject({ startedAt: clock.now(), finishedAt: clock.now(), storesChecked: 1 })
  })
})
