/**
 * Migration 0007 adds the laptop's team bookkeeping (issue #12). A database written by the previous
 * version (0000–0006), with stores and their history in it, opens with every row as it was, the new
 * tables empty and no trigger; joining a team afterwards shares the old rows.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { migrationsFolder } from '../../support/migrations-fixture'
import { createTestCore } from '../../support/test-core'
import { makeTempDir, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { createTeamReplica } from '../../../electron/core/team/replica/replica'
import { nth } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const NOW = Date.parse('2026-12-01T02:00:00Z')

function previousVersionDatabase(): string {
  const dir = makeTempDir()
  const previous = openTestDatabase({ dir, migrationsFolder: migrationsFolder(7), appVersion: '0.1.0' })
  const insertStore = previous.sqlite.prepare(
    "INSERT INTO stores (client_name, store_name, country, seller_short_code, search_text, created_at, updated_at) VALUES (?, ?, 'SG', ?, ?, ?, ?)"
  )
  const bloom = insertStore.run('Bloom Beauty Pte Ltd', 'Bloom Official', 'SGBLOOM01', 'bloom official', NOW, NOW).lastInsertRowid
  insertStore.run('Calm Co', 'Calm Shop', 'SGCALM001', 'calm shop', NOW, NOW)
  previous.sqlite.prepare("INSERT INTO store_history (store_id, at, actor, kind, summary) VALUES (?, ?, 'amy', 'created', 'Added to the portfolio')").run(bloom, NOW)
  previous.close()
  return dir
}

describe('migration 0007: the laptop’s team bookkeeping', () => {
  it('keeps the previous version’s rows, adds nothing to them, and lets a team share them on join', async () => {
    const dir = previousVersionDatabase()
    const database = openTestDatabase({ dir })
    opened.push(database)
    const { sqlite } = database

    expect(createTestCore(database).stores.count()).toBe(2)
    expect(sqlite.prepare('SELECT count(*) FROM store_history').pluck().get()).toBe(1)
    for (const table of ['team_uids', 'team_outbox', 'team_state', 'team_applying', 'team_merge_offers']) {
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    }
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").pluck().get()).toBe(0)

    const team = new MemoryTeamChannel()
    const replica = createTeamReplica({ sqlite, channel: team })
    replica.join({ shareLocal: true })
    await replica.push()
    expect(team.changes.map((c) => [c.table, c.fields?.store_name ?? c.fields?.kind])).toEqual([
      ['stores', 'Bloom Official'],
      ['stores', 'Calm Shop'],
      ['store_history', 'created']
    ])
    expect(nth(team.changes, 2).fields?.store_id).toBe(nth(team.changes, 0).uid)
  })
})
