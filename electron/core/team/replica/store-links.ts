/**
 * Joining with a local portfolio that matches team stores (issue #12, point 2): a matched local
 * store is linked to the team store's uid, so the two are one store. Its own row is not queued (the
 * team's fields are applied when the team's portfolio is pulled); its history, records and runs are
 * shared like any local rows, except a row keyed by the store (its subscription, Lazada's answer)
 * that the team already has: the team's stays.
 */
import type Database from 'better-sqlite3'
import type { SharedTable } from '../team-change'
import { statement } from './statements'
import type { SharedTableInfo } from './tables'

export interface StoreLink {
  localStoreId: number
  /** The team store's uid. */
  uid: string
  /** Tables keyed by the store in which the team already has this store's row. */
  teamHas: readonly SharedTable[]
}

/** Names each linked local store by its team store's uid (callers hold the write transaction). */
export function linkStores(sqlite: Database.Database, links: readonly StoreLink[]): void {
  for (const link of links) {
    statement(sqlite, "DELETE FROM team_uids WHERE table_name = 'stores' AND (local_id = ? OR uid = ?)").run(link.localStoreId, link.uid)
    statement(sqlite, "INSERT INTO team_uids (table_name, local_id, uid) VALUES ('stores', ?, ?)").run(link.localStoreId, link.uid)
  }
}

/** The local keys of `info`'s rows that stay out of the join's queue, as a JSON array. */
export function notQueued(info: SharedTableInfo, links: readonly StoreLink[]): string {
  if (info.name === 'stores') return JSON.stringify(links.map((link) => link.localStoreId))
  if (!info.keyedByParent) return '[]'
  return JSON.stringify(links.filter((link) => link.teamHas.includes(info.name)).map((link) => link.localStoreId))
}
