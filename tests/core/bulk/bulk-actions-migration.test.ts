/**
 * Migration 0005 adds the `bulk_actions` table (undo batches). A database written by the previous
 * version (migrations 0000–0004), with stores, history and an authorization, upgrades with every
 * row intact, and bulk actions and their undo work on those stores.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { migrationsFolder } from '../../support/migrations-fixture'
import { createTestCore } from '../../support/test-core'
import { FakeClock, makeTempDir, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const TABLES = ['stores', 'store_history', 'store_status', 'authorizations']

function rows(database: TestDatabase): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, database.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))
}

describe('migration 0005: bulk_actions', () => {
  it('keeps the previous version’s stores and records, and bulk actions then run and undo on them', () => {
    const dir = makeTempDir()
    const clock = new FakeClock(Date.parse('2026-06-01T04:00:00Z'))
    const previous = openTestDatabase({ dir, migrationsFolder: migrationsFolder(5), appVersion: '0.1.0', clock })
    // Rows as the previous version wrote them (its core is not this one, so plain SQL).
    const at = clock.now()
    const insertStore = previous.sqlite.prepare(
      `INSERT INTO stores (client_name, store_name, country, seller_short_code, owner_kam, tags, search_text, created_at, updated_at)
       VALUES ('Acme Pte Ltd', ?, 'SG', ?, 'Maria', '["vip"]', ?, ?, ?)`
    )
    const ids = [1, 2, 3].map((n) => Number(insertStore.run(`Store ${n}`, `SG0000000${n}`, `acme pte ltd\nstore ${n}\nmaria`, at, at).lastInsertRowid))
    const addHistory = previous.sqlite.prepare(`INSERT INTO store_history (store_id, at, actor, kind, summary, changes) VALUES (?, ?, 'maria', 'created', 'Added to the portfolio', '[]')`)
    for (const id of ids) addHistory.run(id, at)
    previous.sqlite
      .prepare(`INSERT INTO authorizations (store_id, authorized_at, method, reconnected_at, reconnected_by, recorded_at) VALUES (?, ?, 'recorded-by-kam', ?, 'maria', ?)`)
      .run(ids[0], at, at, at)
    const before = rows(previous)
    expect(previous.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'bulk_actions'").pluck().get()).toBe(0)
    previous.close()

    const current = openTestDatabase({ dir, clock })
    opened.push(current)
    expect(rows(current)).toEqual(before)
    const core = createTestCore(current, { clock })
    clock.advance(1000)
    const result = core.bulk.run({ ids }, { kind: 'assign-owner', owner: 'Dana Lee' })
    expect(result).toMatchObject({ changed: 3 })
    expect(core.stores.view(ids[2]!).ownerKam).toBe('Dana Lee')
    core.bulk.undo(result.batchId!)
    expect(ids.map((id) => core.stores.view(id).ownerKam)).toEqual(['Maria', 'Maria', 'Maria'])
    expect(core.detail(ids[0]!).authorizations).toHaveLength(1)
  })
})
