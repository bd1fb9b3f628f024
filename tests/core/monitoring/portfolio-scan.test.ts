import { afterEach, describe, expect, it } from 'vitest'
import { SCAN_CHUNK, createPortfolioScan } from '../../../electron/core/monitoring/portfolio-scan'
import type { ScannedStore } from '../../../electron/core/monitoring/portfolio-scan'
import { DAY, HOUR, openWorld, subscribedStore } from './monitoring-support'
import type { World } from './monitoring-support'

let world: World
afterEach(() => world.database.close())

function scanned(): ScannedStore[] {
  const found: ScannedStore[] = []
  createPortfolioScan(world.database.sqlite, 'all')((store) => found.push(store))
  return found
}

describe('portfolio scan', () => {
  it('hands out each store with its subscription, authorizations oldest first, and stored verdict', () => {
    world = openWorld('2026-11-27T02:00:00Z')
    const { core, clock } = world
    const end = clock.now() + 30 * DAY
    const id = subscribedStore(core, end)
    core.records.recordAuthorization(id, { authorizedAt: end - 100 * DAY, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: end, note: null, reconnected: false })
    const [store] = scanned()
    expect(store).toMatchObject({
      id,
      country: 'SG',
      archived: false,
      subscription: { startAt: end - 182 * DAY, endAt: end },
      authorizations: [
        { authorizedAt: end - 182 * DAY + HOUR, refreshDeadlineAt: null, reconnectedAt: end - 182 * DAY + HOUR },
        { authorizedAt: end - 100 * DAY, refreshDeadlineAt: end, reconnectedAt: null }
      ],
      stored: { status: 'needs-reconnect', deadlineAt: end, deadlineKind: 'subscription-end', computedAt: clock.now() }
    })
  })

  it('reads the portfolio a chunk at a time without losing or mixing stores', () => {
    world = openWorld('2026-11-27T02:00:00Z')
    const insert = world.database.sqlite.prepare("INSERT INTO stores (client_name, store_name, country, created_at, updated_at) VALUES ('C', ?, 'MY', 0, 0)")
    const subscribe = world.database.sqlite.prepare("INSERT INTO subscriptions (store_id, service_version, period, start_at, end_at, source, updated_at) VALUES (?, 'authorization-only', 'half-year', ?, ?, 'kam', 0)")
    world.database.sqlite.transaction(() => {
      for (let i = 1; i <= SCAN_CHUNK + 7; i++) {
        insert.run(`S${i}`)
        if (i % 3 === 0) subscribe.run(i, i, i * 10)
      }
    })()
    const stores = scanned()
    expect(stores).toHaveLength(SCAN_CHUNK + 7)
    expect(stores.every((s, i) => s.id === i + 1 && (s.id % 3 === 0 ? s.subscription?.endAt === s.id * 10 : s.subscription === null))).toBe(true)
  })

  it('fingerprints every record the check reads, and skips the stores it is told to', () => {
    world = openWorld('2026-11-27T02:00:00Z')
    const { core, database, clock } = world
    const id = subscribedStore(core, clock.now() + 30 * DAY)
    const other = subscribedStore(core, clock.now() + 30 * DAY, { storeName: 'Other' })
    const print = () => scanned()[0]!.fingerprint
    const prints = [print()]
    const change = (sql: string) => {
      database.sqlite.prepare(sql).run(id)
      prints.push(print())
    }
    // The stored verdict's contents are not records: unchanged.
    database.sqlite.prepare("UPDATE store_status SET reason = 'x', computed_at = 1 WHERE store_id = ?").run(id)
    expect(print()).toBe(prints[0])
    change('UPDATE subscriptions SET end_at = end_at + 1 WHERE store_id = ?')
    change('UPDATE subscriptions SET start_at = NULL WHERE store_id = ?')
    change('UPDATE authorizations SET reconnected_at = NULL WHERE store_id = ?')
    change('UPDATE authorizations SET refresh_deadline_at = 8589934592 WHERE store_id = ?')
    change('UPDATE authorizations SET authorized_at = authorized_at + 1 WHERE store_id = ?')
    change("UPDATE stores SET country = 'MY' WHERE id = ?")
    change('UPDATE stores SET archived_at = 1 WHERE id = ?')
    change('DELETE FROM authorizations WHERE store_id = ?')
    change('DELETE FROM subscriptions WHERE store_id = ?')
    expect(new Set(prints).size).toBe(prints.length)
    expect(prints.every(Number.isSafeInteger)).toBe(true)

    // Stores without a stored verdict are always visited.
    database.sqlite.prepare('DELETE FROM store_status WHERE store_id = ?').run(other)
    const visited: number[] = []
    const asked: number[] = []
    const count = createPortfolioScan(database.sqlite, 'all')((store) => visited.push(store.id), { skip: (storeId) => (asked.push(storeId), true) })
    expect([count, visited, asked]).toEqual([2, [other], [id]])
  })
})
