/**
 * A KAM's data must survive every app update: a database made by the first version, filled
 * with data, is opened by the current code and everything is still there.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { DEFAULT_PORTFOLIO_QUERY, PORTFOLIO_STATUSES } from '../../electron/shared/portfolio'
import { migrationsFolder } from '../support/migrations-fixture'
import { createTestCore } from '../support/test-core'
import { makeTempDir, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

/** Writes rows the way version 1 did, with plain SQL against the first migration's tables. */
function fillFirstVersion(db: TestDatabase): void {
  const store = db.sqlite.prepare(
    `INSERT INTO stores (client_name, store_name, country, seller_short_code, seller_id, login_email, contact_name,
       contact_email, contact_phone, contact_channel, oms_store_ref, owner_kam, tags, notes, search_text, archived_at,
       created_at, updated_at)
     VALUES (@client, @store, @country, @code, @sellerId, @login, @contact, @contactEmail, @phone, @channel, @oms, @owner,
       @tags, @notes, @search, @archived, @created, @updated)`
  )
  const history = db.sqlite.prepare(
    'INSERT INTO store_history (store_id, at, actor, kind, summary, changes) VALUES (?, ?, ?, ?, ?, ?)'
  )
  for (let i = 1; i <= 40; i++) {
    const country = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'KR'][i % 7]!
    const { lastInsertRowid } = store.run({
      client: `Client ${i} Pte Ltd`,
      store: `Store ${i} — ร้านค้า ${i}`,
      country,
      code: i % 5 === 0 ? null : `${country}CODE${i}`,
      sellerId: String(1000 + i),
      login: `seller${i}@example.com`,
      contact: `Contact ${i}`,
      contactEmail: `contact${i}@example.com`,
      phone: '+65 6123 4567',
      channel: 'whatsapp',
      oms: `OMS-${i}`,
      owner: i % 2 ? 'Aisha Rahman' : null,
      tags: JSON.stringify(i % 3 ? ['VIP', 'Fashion'] : []),
      notes: i % 4 ? `=SUM(A${i}) and "quotes", commas` : null,
      search: `client ${i} pte ltd`,
      archived: i % 10 === 0 ? 1_700_000_000_000 + i : null,
      created: 1_700_000_000_000 + i,
      updated: 1_700_000_100_000 + i
    })
    history.run(Number(lastInsertRowid), 1_700_000_000_000 + i, 'aisha', 'created', 'Added to the portfolio', JSON.stringify([{ field: 'clientName', label: 'Client', before: null, after: `Client ${i} Pte Ltd` }]))
    history.run(Number(lastInsertRowid), 1_700_000_100_000 + i, 'aisha', 'updated', 'Edited', '[]')
  }
}

function snapshot(db: TestDatabase): unknown {
  return {
    stores: db.sqlite.prepare('SELECT * FROM stores ORDER BY id').all(),
    history: db.sqlite.prepare('SELECT * FROM store_history ORDER BY id').all()
  }
}

describe('upgrading a database made by the first version', () => {
  it('keeps every store and history entry, readable through the current code', () => {
    const dir = makeTempDir()
    const first = openTestDatabase({ dir, migrationsFolder: migrationsFolder(1), appVersion: '0.1.0' })
    fillFirstVersion(first)
    const before = snapshot(first) as { stores: Record<string, unknown>[]; history: Record<string, unknown>[] }
    first.close()

    const current = openTestDatabase({ dir })
    opened.push(current)
    const after = snapshot(current) as typeof before
    // Every column the first version had still holds the same value (new columns may be added).
    expect(after.stores).toHaveLength(40)
    after.stores.forEach((row, i) => expect(row).toMatchObject(before.stores[i]!))
    expect(after.history).toHaveLength(80)
    after.history.forEach((row, i) => expect(row).toMatchObject(before.history[i]!))

    const core = createTestCore(current)
    // As at the app's start: the stores the first version kept get their status.
    for (const row of after.stores) core.status.refresh(row.id as number)
    const listed = listStores(current.db, { ...DEFAULT_PORTFOLIO_QUERY, statuses: [...PORTFOLIO_STATUSES] }, core.clock.now())
    expect(listed).toHaveLength(40)
    expect(listed.filter((s) => s.status === 'archived')).toHaveLength(4)
    expect(listed.filter((s) => s.status === 'out-of-scope').map((s) => s.country)).toEqual(Array(4).fill('KR'))
    const detail = core.detail(1)
    expect(detail.store).toMatchObject({ clientName: 'Client 1 Pte Ltd', tags: ['VIP', 'Fashion'], notes: '=SUM(A1) and "quotes", commas' })
    expect(detail.history.map((h) => h.kind)).toEqual(['updated', 'created'])
  })
})
