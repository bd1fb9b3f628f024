/**
 * Reads what a check needs — stores, subscriptions, authorizations and stored statuses — in bulk
 * queries ordered by store id, a chunk of stores at a time (raw rows; no query per store, and
 * memory bounded by the chunk, not the portfolio).
 */
import type Database from 'better-sqlite3'
import type { DeadlineKind, StoreStatus } from '../../shared/status'

/** Which stores a scan covers. */
export type ScanScope = 'all' | 'held' | 'one'

/** Stores read per round of queries. */
export const SCAN_CHUNK = 5000

function scoped(scope: ScanScope, column: string): string {
  if (scope === 'held') return `AND ${column} IN (SELECT store_id FROM reminders WHERE state = 'held')`
  if (scope === 'one') return `AND ${column} = @storeId`
  return ''
}

/**
 * The scan's SELECTs, with named parameters: `@after` (last store id of the previous chunk),
 * `@limit`, `@last` (last store id of this chunk) and, for one store, `@storeId`. The benchmark
 * reads the same ones raw to compare.
 */
export function scanSql(scope: ScanScope) {
  const range = (column: string) => `WHERE ${column} > @after AND ${column} <= @last ${scoped(scope, column)}`
  return {
    stores: `SELECT id, country, archived_at FROM stores WHERE id > @after ${scoped(scope, 'id')} ORDER BY id LIMIT @limit`,
    subscriptions: `SELECT store_id, start_at, end_at FROM subscriptions ${range('store_id')} ORDER BY store_id`,
    authorizations: `SELECT store_id, authorized_at, refresh_deadline_at, reconnected_at FROM authorizations ${range('store_id')} ORDER BY store_id, authorized_at, id`,
    statuses: `SELECT store_id, status, deadline_at, deadline_kind, computed_at FROM store_status ${range('store_id')} ORDER BY store_id`
  }
}

export interface ScannedAuthorization {
  authorizedAt: number
  refreshDeadlineAt: number | null
  reconnectedAt: number | null
}

/** The stored verdict without its texts, which are only read for stores judged again. */
export interface StoredVerdict {
  status: StoreStatus
  deadlineAt: number | null
  deadlineKind: DeadlineKind | null
  computedAt: number
}

/** One store as the scan sees it; names are looked up only for stores that need them. */
export interface ScannedStore {
  id: number
  country: string
  archived: boolean
  subscription: { startAt: number | null; endAt: number | null } | null
  /** Oldest first. */
  authorizations: ScannedAuthorization[]
  stored: StoredVerdict | null
}

type Row = unknown[]

export function createPortfolioScan(sqlite: Database.Database, scope: ScanScope) {
  const sql = scanSql(scope)
  const statements = {
    stores: sqlite.prepare(sql.stores).raw(true),
    subscriptions: sqlite.prepare(sql.subscriptions).raw(true),
    authorizations: sqlite.prepare(sql.authorizations).raw(true),
    statuses: sqlite.prepare(sql.statuses).raw(true)
  }

  /** Visits every store of the scope in id order; returns how many. `storeId` is for the 'one' scope. */
  return function scan(visit: (store: ScannedStore) => void, storeId = 0): number {
    let count = 0
    let after = 0
    for (;;) {
      const stores = statements.stores.all({ after, limit: SCAN_CHUNK, storeId }) as Row[]
      if (stores.length === 0) return count
      const params = { after, last: stores.at(-1)![0] as number, storeId }
      const subs = statements.subscriptions.all(params) as Row[]
      const auths = statements.authorizations.all(params) as Row[]
      const statuses = statements.statuses.all(params) as Row[]
      let sub = 0
      let auth = 0
      let status = 0
      for (const row of stores) {
        const id = row[0] as number
        // The lists are ordered by store id: advance each to this store.
        while (sub < subs.length && (subs[sub]![0] as number) < id) sub++
        const s = subs[sub]?.[0] === id ? subs[sub] : undefined
        while (auth < auths.length && (auths[auth]![0] as number) < id) auth++
        const authorizations: ScannedAuthorization[] = []
        for (; auth < auths.length && auths[auth]![0] === id; auth++) {
          const a = auths[auth]!
          authorizations.push({ authorizedAt: a[1] as number, refreshDeadlineAt: a[2] as number | null, reconnectedAt: a[3] as number | null })
        }
        while (status < statuses.length && (statuses[status]![0] as number) < id) status++
        const v = statuses[status]?.[0] === id ? statuses[status] : undefined
        visit({
          id,
          country: row[1] as string,
          archived: row[2] !== null,
          subscription: s ? { startAt: s[1] as number | null, endAt: s[2] as number | null } : null,
          authorizations,
          stored: v ? { status: v[1] as StoreStatus, deadlineAt: v[2] as number | null, deadlineKind: v[3] as DeadlineKind | null, computedAt: v[4] as number } : null
        })
      }
      count += stores.length
      after = params.last
    }
  }
}
