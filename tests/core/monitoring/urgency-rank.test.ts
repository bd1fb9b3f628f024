import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { compareNoCase, rankByUrgency, urgencyOrderSql, urgencyTier } from '../../../electron/core/monitoring/urgency-rank'
import type { UrgencyFacts } from '../../../electron/core/monitoring/urgency-rank'
import { NEEDS_ACTION_STATUSES } from '../../../electron/shared/status'
import type { StoreStatus } from '../../../electron/shared/status'
import { storeInput } from '../../support/store-input'
import { DAY, HOUR, openWorld } from './monitoring-support'
import type { World } from './monitoring-support'

const NOW = Date.parse('2026-11-27T02:00:00Z')

function facts(storeId: number, status: StoreStatus, deadline: number | null, clientName = 'Acme'): UrgencyFacts {
  return { storeId, clientName, status, deadline }
}

const order = (stores: UrgencyFacts[]) => rankByUrgency(stores, NOW).map((s) => s.storeId)

describe('the worklist’s urgency rule', () => {
  it('puts a store that lapses tomorrow above one with no deadline known', () => {
    const noSubscription = facts(1, 'needs-subscription', null)
    const noAuthorization = facts(2, 'needs-authorization', null)
    const tomorrow = facts(3, 'expiring', NOW + DAY)
    expect(order([noSubscription, noAuthorization, tomorrow])).toEqual([3, 1, 2])
    expect(urgencyTier(tomorrow.deadline, NOW)).toBe('lapsing')
    expect(urgencyTier(null, NOW)).toBe('no-deadline')
  })

  it('ranks lapsing stores soonest first, whatever their status', () => {
    const reconnectIn60 = facts(1, 'needs-reconnect', NOW + 60 * DAY)
    const expiringIn3 = facts(2, 'expiring', NOW + 3 * DAY)
    const authorizationIn10 = facts(3, 'needs-authorization', NOW + 10 * DAY)
    expect(order([reconnectIn60, expiringIn3, authorizationIn10])).toEqual([2, 3, 1])
  })

  it('ranks expired stores by how long ago they lapsed, the most recent first, after every lapsing store and before no deadline', () => {
    const lapsedLongAgo = facts(1, 'expired', NOW - 300 * DAY)
    const lapsedYesterday = facts(2, 'expired', NOW - DAY)
    const lapsedLastWeek = facts(3, 'expired', NOW - 7 * DAY)
    const lapsingFar = facts(4, 'expiring', NOW + 80 * DAY)
    const unknown = facts(5, 'needs-subscription', null)
    expect(order([lapsedLongAgo, unknown, lapsedYesterday, lapsingFar, lapsedLastWeek])).toEqual([4, 2, 3, 1, 5])
    // At its deadline's instant a store has lapsed.
    expect(urgencyTier(NOW, NOW)).toBe('lapsed')
  })

  it('breaks ties by status severity, then the client’s name without case, then the store id', () => {
    const at = NOW + 2 * DAY
    const stores = [facts(9, 'expiring', at, 'beta'), facts(4, 'needs-authorization', at, 'Zeta'), facts(7, 'expiring', at, 'Alpha'), facts(3, 'expiring', at, 'alpha')]
    expect(order(stores)).toEqual([4, 3, 7, 9])
    expect(order([...stores].reverse())).toEqual([4, 3, 7, 9])
  })

  it('compares names the way SQLite’s NOCASE does', () => {
    const sqlite = new Database(':memory:')
    const names = ['alpha', 'Alpha', 'ALPHA', 'alp', '_under', 'Zed', 'zed', 'Éclair', 'eclair', 'Ökö', 'Čaj', 'ค้าขาย', 'Mía', 'mia', '😀 smile', 'ﬀ', '', 'a b', 'A-b']
    const fromSqlite = sqlite
      .prepare(`SELECT value FROM json_each(?) ORDER BY value COLLATE NOCASE, value`)
      .pluck()
      .all(JSON.stringify(names)) as string[]
    const fromJs = [...names].sort((a, b) => compareNoCase(a, b) || (a < b ? -1 : a > b ? 1 : 0))
    // Equal under NOCASE, the second key (binary) orders them the same way in both.
    expect(fromJs.map((n) => fromSqlite.indexOf(n))).toEqual(names.map((_, i) => i))
    sqlite.close()
  })
})

let world: World
afterEach(() => {
  world?.core.monitoring.stop()
  world?.database.close()
})

describe('the worklist in SQL and the rule agree', () => {
  it('orders a varied portfolio exactly as rankByUrgency does, window by window', () => {
    world = openWorld(NOW)
    const { core, database } = world
    const names = ['Acme', 'acme', 'Batik House', 'batik house', 'Éclair Co', 'eclair co', 'Zed', '_First', 'Ökö', 'ค้าขาย']
    const setStatus = database.sqlite.prepare(
      "INSERT OR REPLACE INTO store_status (store_id, status, reason, deadline_at, deadline_kind, next_action, computed_at) VALUES (?, ?, 'test', ?, ?, NULL, ?)"
    )
    const expected: UrgencyFacts[] = []
    // A repeatable spread: deadlines ahead and behind (several on the same instant), none, every status.
    let seed = 7
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const statuses: StoreStatus[] = [...NEEDS_ACTION_STATUSES, 'healthy', 'out-of-scope']
    for (let i = 0; i < 240; i++) {
      const clientName = names[Math.floor(next() * names.length)]!
      const id = core.stores.create(storeInput({ clientName, storeName: `Store ${i}`, sellerShortCode: `SGR${String(i).padStart(6, '0')}` })).id
      const status = statuses[Math.floor(next() * statuses.length)]!
      const roll = next()
      const deadline = roll < 0.2 ? null : roll < 0.3 ? NOW : roll < 0.4 ? NOW + 3 * DAY : Math.round(NOW + (next() * 200 - 100) * DAY + next() * HOUR)
      setStatus.run(id, status, deadline, deadline === null ? null : 'subscription-end', NOW)
      if ((NEEDS_ACTION_STATUSES as readonly string[]).includes(status)) expected.push({ storeId: id, clientName, status, deadline })
    }
    const ranked = rankByUrgency(expected, NOW).map((s) => s.storeId)
    const fromSql: number[] = []
    for (let offset = 0; ; offset += 37) {
      const page = core.monitoring.worklist(offset, 37)
      expect(page.total).toBe(expected.length)
      if (page.items.length === 0) break
      fromSql.push(...page.items.map((item) => item.storeId))
    }
    expect(fromSql).toEqual(ranked)
    expect(core.monitoring.dashboard().worklist.map((w) => w.storeId)).toEqual(ranked.slice(0, 100))
  })

  it('builds its ORDER BY from the columns it is given', () => {
    expect(urgencyOrderSql({ id: 'x.id', clientName: 'x.name', status: 'x.status', deadline: 'x.due' })).toMatch(/^CASE WHEN x\.due IS NULL THEN 2 WHEN x\.due > @now THEN 0 ELSE 1 END, .* x\.name COLLATE NOCASE, x\.id$/)
  })
})
