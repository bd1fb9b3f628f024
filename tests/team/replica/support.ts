/** Laptops for the replica tests: each a real core on its own SQLite file, sharing one in-memory team. */
import { createTeamReplica } from '../../../electron/core/team/replica/replica'
import type { TeamReplica } from '../../../electron/core/team/replica/replica'
import { SHARED_TABLES } from '../../../electron/core/team/team-change'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { STORE_FIELDS } from '../../../electron/shared/store-fields'
import type { StoreInput } from '../../../electron/shared/store-fields'
import type { TeamChannel } from '../../../electron/core/team/team-change'
import type { MemoryTeamChannel } from '../../support/memory-team-channel'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

export interface Laptop {
  name: string
  database: TestDatabase
  core: TestCore
  channel: CuttableChannel
  replica: TeamReplica
}

/** A laptop's way to the team; `cutAfterCommit` makes the next push commit, then fail as a lost connection. */
export interface CuttableChannel extends TeamChannel {
  cutAfterCommit: boolean
}

export function openLaptop(team: MemoryTeamChannel, name: string, opened: TestDatabase[]): Laptop {
  return openLaptopOn(team.forAuthor(name), name, opened)
}

export function openLaptopOn(channel: CuttableChannel, name: string, opened: TestDatabase[]): Laptop {
  const database = openTestDatabase()
  opened.push(database)
  const core = createTestCore(database)
  let n = 0
  const replica = createTeamReplica({ sqlite: database.sqlite, channel, newUid: () => `${name}-${++n}` })
  return { name, database, core, channel, replica }
}

/** Pushes and pulls on every laptop until nothing moves. */
export async function syncAll(laptops: readonly Laptop[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const laptop of laptops) await laptop.replica.push()
    for (const laptop of laptops) await laptop.replica.pull()
  }
}

export function storeFields(core: TestCore, id: number): StoreInput {
  const store = core.stores.view(id)
  return Object.fromEntries(STORE_FIELDS.map((f) => [f.key, store[f.key]])) as unknown as StoreInput
}

export function subscription(startAt: number, endAt: number) {
  return subscriptionInputSchema.parse({ startAt, endAt })
}

export function localIdOfUid(laptop: Laptop, table: string, uid: string): number | undefined {
  return laptop.database.sqlite.prepare('SELECT local_id FROM team_uids WHERE table_name = ? AND uid = ?').pluck().get(table, uid) as number | undefined
}

export function uidOfLocal(laptop: Laptop, table: string, id: number): string | undefined {
  return laptop.database.sqlite.prepare('SELECT uid FROM team_uids WHERE table_name = ? AND local_id = ?').pluck().get(table, id) as string | undefined
}

type Row = Record<string, unknown>

/**
 * The shared rows of a laptop named by uid, with references as uids: what must be equal on every
 * laptop. Rows the team never saw (no uid) show as `local:<id>`.
 */
export function sharedState(laptop: Laptop): Record<string, Record<string, Row>> {
  const sqlite = laptop.database.sqlite
  const state: Record<string, Record<string, Row>> = {}
  for (const table of SHARED_TABLES) {
    const keyed = table === 'subscriptions' || table === 'lazada_subscriptions'
    const key = keyed ? 'store_id' : 'id'
    const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[]
    const named: Record<string, Row> = {}
    for (const row of rows) {
      const { id: _id, search_text: _searchText, ...rest } = row
      const out: Row = { ...rest }
      if ('store_id' in out) out.store_id = uidOfLocal(laptop, 'stores', Number(out.store_id)) ?? `local:${String(out.store_id)}`
      if ('run_id' in out) out.run_id = uidOfLocal(laptop, 'checklist_runs', Number(out.run_id)) ?? `local:${String(out.run_id)}`
      named[uidOfLocal(laptop, table, Number(row[key])) ?? `local:${String(row[key])}`] = out
    }
    state[table] = Object.fromEntries(Object.entries(named).sort(([a], [b]) => a.localeCompare(b)))
  }
  return state
}

/** The list's `index`th item, which the test knows is there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index]
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`)
  return item
}
