import { afterEach, describe, expect, it } from 'vitest'
import { effectiveScope, isOwnedBy } from '../../../electron/shared/my-stores'
import { sgMidnight, openWorld, restart, subscribedStore, titles } from './monitoring-support'
import type { World } from './monitoring-support'

// Friday 27 Nov 2026, 10:00 in Singapore.
const NOW = '2026-11-27T02:00:00Z'

let world: World | undefined
afterEach(() => {
  world?.core.monitoring.stop()
  world?.database.close()
  world = undefined
})

function setYou(you: { name: string; remindersFor: 'all' | 'mine' }): void {
  world!.core.settings.save({ ...world!.core.settings.get(), you })
}

/** Three of Ana's stores (her name written three ways), one of Ben's, one without an owner. */
function portfolio() {
  const { core } = world!
  return {
    anaSoon: subscribedStore(core, sgMidnight('2026-11-30'), { clientName: 'Ana One', ownerKam: 'Ana Lim' }),
    anaLater: subscribedStore(core, sgMidnight('2026-12-08'), { clientName: 'Ana Two', ownerKam: 'ana lim' }),
    anaHealthy: subscribedStore(core, sgMidnight('2027-01-20'), { clientName: 'Ana Three', ownerKam: 'ANA LIM' }),
    ben: subscribedStore(core, sgMidnight('2026-11-29'), { clientName: 'Ben One', ownerKam: 'Ben Tan' }),
    nobody: subscribedStore(core, sgMidnight('2026-12-01'), { clientName: 'No Owner' })
  }
}

describe('the “My stores” rule', () => {
  it('matches an owner to the KAM’s name trimmed and without case; no name owns nothing', () => {
    expect(isOwnedBy('Ana Lim', 'ana lim')).toBe(true)
    expect(isOwnedBy('  ANA LIM ', 'Ana Lim')).toBe(true)
    expect(isOwnedBy('Ana Lima', 'Ana Lim')).toBe(false)
    expect(isOwnedBy(null, 'Ana Lim')).toBe(false)
    expect(isOwnedBy('', '')).toBe(false)
    expect(isOwnedBy('Ana Lim', '   ')).toBe(false)
    expect(isOwnedBy('Đặng Thị Ánh', 'đặng thị ánh')).toBe(true)
    // The same letters typed composed or decomposed are one name.
    expect(isOwnedBy('Ánh'.normalize('NFD'), 'ánh')).toBe(true)
    expect(effectiveScope('mine', '')).toBe('all')
    expect(effectiveScope('mine', 'Ana')).toBe('mine')
  })
})

describe('the dashboard narrowed to my stores', () => {
  it('counts, lists and lays out only the KAM’s own stores, and says which owner names are theirs', () => {
    world = openWorld(NOW)
    const ids = portfolio()
    setYou({ name: ' Ana Lim ', remindersFor: 'all' })
    const all = world!.core.monitoring.dashboard()
    expect(all.scope).toBe('all')
    expect(all.needsAction).toBe(4)

    const mine = world!.core.monitoring.setDashboardScope('mine')
    expect(mine.scope).toBe('mine')
    expect(mine.kamName).toBe('Ana Lim')
    expect(mine.myOwnerNames).toEqual(['ANA LIM', 'Ana Lim', 'ana lim'])
    expect(mine.counts.expiring).toBe(2)
    expect(mine.counts.healthy).toBe(1)
    expect(mine.needsAction).toBe(2)
    expect(mine.worklist.map((w) => w.storeId)).toEqual([ids.anaSoon, ids.anaLater])
    expect(world!.core.monitoring.worklist(0, 50)).toMatchObject({ total: 2, items: [{ storeId: ids.anaSoon }, { storeId: ids.anaLater }] })
    expect(mine.expiryWeeks.reduce((sum, w) => sum + w.total, 0)).toBe(3)
    // The tray still counts every store that needs action.
    expect(world!.core.monitoring.needsActionCount()).toBe(4)
  })

  it('remembers the choice across a restart, and shows every store while the KAM has no name', () => {
    world = openWorld(NOW)
    portfolio()
    setYou({ name: 'Ben Tan', remindersFor: 'all' })
    world!.core.monitoring.setDashboardScope('mine')
    world = restart(world!)
    expect(world!.core.monitoring.dashboard()).toMatchObject({ scope: 'mine', needsAction: 1 })

    setYou({ name: '', remindersFor: 'all' })
    expect(world!.core.monitoring.dashboard()).toMatchObject({ scope: 'all', needsAction: 4, myOwnerNames: [] })
  })

  it('gives the stores of one grid cell, in scope', () => {
    world = openWorld(NOW)
    const ids = portfolio()
    const week = world!.core.monitoring.dashboard().expiryWeeks[1]!
    expect(week.weekStart).toBe('2026-11-30')
    expect(world!.core.monitoring.expiryStores(week.from, week.to, 'SG')).toEqual([ids.anaSoon, ids.nobody])
    const thisWeek = world!.core.monitoring.dashboard().expiryWeeks[0]!
    expect(world!.core.monitoring.expiryStores(thisWeek.from, thisWeek.to, null)).toEqual([ids.ben])
    setYou({ name: 'ana lim', remindersFor: 'all' })
    world!.core.monitoring.setDashboardScope('mine')
    expect(world!.core.monitoring.expiryStores(week.from, week.to, 'SG')).toEqual([ids.anaSoon])
    expect(world!.core.monitoring.expiryStores(week.from, week.to, 'MY')).toEqual([])
  })
})

describe('reminders narrowed to my stores', () => {
  it('raises native notifications only for the KAM’s stores and keeps the others in the notification centre, muted', async () => {
    world = openWorld(sgMidnight('2026-11-27'))
    const { core } = world
    const mine = subscribedStore(core, sgMidnight('2026-11-30'), { clientName: 'Mine', storeName: 'Mine Shop', ownerKam: 'ana lim ' })
    const theirs = subscribedStore(core, sgMidnight('2026-11-30'), { clientName: 'Theirs', storeName: 'Theirs Shop', ownerKam: 'Ben Tan' })
    setYou({ name: 'Ana Lim', remindersFor: 'mine' })
    await core.monitoring.runNow('manual')
    expect(titles(core)).toHaveLength(1)
    expect(core.notifier.shown[0]!.target).toEqual({ kind: 'store', storeId: mine })
    const centre = core.monitoring.reminders.list({ unreadOnly: false, limit: 50 }).reminders
    expect(centre.map((r) => [r.storeId, r.state]).sort()).toEqual([
      [mine, 'delivered'],
      [theirs, 'muted']
    ].sort())
  })

  it('raises every store’s reminders when the KAM asks for all', async () => {
    world = openWorld(sgMidnight('2026-11-27'))
    const { core } = world
    subscribedStore(core, sgMidnight('2026-11-30'), { ownerKam: 'Ana Lim' })
    subscribedStore(core, sgMidnight('2026-11-30'), { ownerKam: 'Ben Tan' })
    setYou({ name: 'Ana Lim', remindersFor: 'all' })
    await core.monitoring.runNow('manual')
    expect(titles(core)).toHaveLength(2)
  })
})
