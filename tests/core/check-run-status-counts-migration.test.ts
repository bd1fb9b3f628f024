/**
 * Migration 0006 adds `check_runs.status_counts` (issue #10, the 90-day chart). A database written
 * by the previous version (migrations 0000–0005), with stores and check runs in it, opens with
 * every run and store as it was; the old runs have no counts, so the history starts with the
 * first run after the upgrade.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { migrationsFolder } from '../support/migrations-fixture'
import { createTestCore } from '../support/test-core'
import { FakeClock, makeTempDir, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'
import { call } from './checklists/support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const NOW = Date.parse('2026-12-05T02:00:00Z')
const REMOTE = { state: 'done', message: 'Storewatch asked Lazada about 1 store: 1 answered.', asked: 1, answered: 1, disagreements: 0, cannotCheck: 0, failures: [], tokensRefreshed: 0, tokensNeedingAuthorization: 0 }

/** A database made by the previous version: two stores and two check runs. */
function previousVersionDatabase(): string {
  const dir = makeTempDir()
  const previous = openTestDatabase({ dir, migrationsFolder: migrationsFolder(6), appVersion: '0.1.0' })
  const insertStore = previous.sqlite.prepare(
    "INSERT INTO stores (client_name, store_name, country, seller_short_code, created_at, updated_at) VALUES (?, ?, 'SG', ?, ?, ?)"
  )
  insertStore.run('Bloom Beauty Pte Ltd', 'Bloom Official', 'SGBLOOM01', NOW - 86_400_000, NOW - 86_400_000)
  insertStore.run('Calm Co', 'Calm Shop', 'SGCALM001', NOW - 86_400_000, NOW - 86_400_000)
  const insertRun = previous.sqlite.prepare(
    'INSERT INTO check_runs (trigger, started_at, finished_at, stores_checked, status_changes, reminders_fired, errors, remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  insertRun.run('start', NOW - 7_200_000, NOW - 7_199_000, 2, 2, 0, '[]', null)
  insertRun.run('manual', NOW - 3_600_000, NOW - 3_599_000, 2, 0, 1, '["Store #9: gone."]', JSON.stringify(REMOTE))
  previous.close()
  return dir
}

describe('migration 0006: the stores by status of each check run', () => {
  it('keeps the previous version’s runs and stores; the history starts with the first run after it', async () => {
    const dir = previousVersionDatabase()
    const clock = new FakeClock(NOW)
    const database = openTestDatabase({ dir, clock })
    opened.push(database)
    const core = createTestCore(database, { clock })

    expect(core.stores.count()).toBe(2)
    const runs = core.monitoring.recentRuns(5)
    expect(runs.map((r) => [r.trigger, r.storesChecked, r.errors, r.remote?.state ?? null, r.cancelled])).toEqual([
      ['manual', 2, ['Store #9: gone.'], 'done', false],
      ['start', 2, [], null, false]
    ])
    expect(database.sqlite.prepare('SELECT count(*) FROM check_runs WHERE status_counts IS NULL').pluck().get()).toBe(2)
    expect((await call(core, 'dashboard:history', undefined)).days).toEqual([])

    await core.monitoring.runNow('manual')
    const stored = database.sqlite.prepare('SELECT status_counts FROM check_runs ORDER BY id DESC LIMIT 1').pluck().get() as string
    expect(JSON.parse(stored)).toEqual({ 'needs-subscription': 2 })
    const history = await call(core, 'dashboard:history', undefined)
    expect(history.days).toHaveLength(1)
    expect(history.days[0]).toMatchObject({ date: '2026-12-05', recorded: true, counts: { 'needs-subscription': 2, healthy: 0 } })
  })
})
