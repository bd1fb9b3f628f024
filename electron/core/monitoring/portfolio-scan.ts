/**
 * Reads what a check needs — stores, subscriptions, authorizations and stored statuses — in bulk
 * queries ordered by store id, a chunk of stores at a time (raw rows; no query per store, and
 * memory bounded by the chunk, not the portfolio).
 *
 * A store's subscription is the one the rules judge: the KAM's record, with Lazada's End Time
 * where Lazada answered for the store's current country and short code (`effectiveSubscription`).
 */
import type Database from 'better-sqlite3'
import type { LazadaSubscriptionState } from '../../shared/lazada'
import type { DeadlineKind, StoreStatus } from '../../shared/status'
import { effectiveSubscription } from '../lazada-sync/subscription-answer'

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
    statuses: `SELECT store_id, status, deadline_at, deadline_kind, computed_at FROM store_status ${range('store_id')} ORDER BY store_id`,
    /** Lazada's answers still about the store's country and short code. */
    lazada: `SELECT l.store_id, l.state, l.end_at, l.checked_at FROM lazada_subscriptions l
      JOIN stores s ON s.id = l.store_id AND s.country = l.country AND s.seller_short_code = l.short_code
      ${range('l.store_id')} AND l.state IS NOT NULL ORDER BY l.store_id`
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
  /** Changes whenever any of the records below but the stored verdict changes (country, archived, dates). */
  fingerprint: number
  country: string
  archived: boolean
  subscription: { startAt: number | null; endAt: number | null } | null
  /** Oldest first. */
  authorizations: ScannedAuthorization[]
  stored: StoredVerdict | null
}

type Row = unknown[]

// Two 32-bit hash lanes, module state so fingerprinting allocates nothing.
let lane1 = 0
let lane2 = 0

function mix(value: unknown): void {
  const v = value === null ? -1 : (value as number)
  const low = v >>> 0
  const high = Math.floor(v / 4294967296) | 0
  lane1 = Math.imul(lane1 ^ low, 0x5bd1e995)
  lane1 = Math.imul(lane1 ^ (lane1 >>> 15) ^ high, 0x5bd1e995)
  lane2 = Math.imul(lane2 ^ low, 0x27d4eb2f)
  lane2 = Math.imul(lane2 ^ (lane2 >>> 13) ^ high, 0x165667b1)
}

/** A 53-bit fingerprint of a store's records: everything the check reads about it but its stored verdict. */
/** The subscription row the rules judge when Lazada answered (same shape as a `subscriptions` row). */
function withAnswer(kam: Row | undefined, answer: Row): Row | undefined {
  const dates = effectiveSubscription(
    kam ? { startAt: kam[1] as number | null, endAt: kam[2] as number | null } : null,
    { state: answer[1] as LazadaSubscriptionState, endAt: answer[2] as number | null, checkedAt: answer[3] as number }
  )
  return dates ? [answer[0], dates.startAt, dates.endAt] : undefined
}

function fingerprintOf(store: Row, sub: Row | undefined, auths: Row[], from: number, to: number): number {
  lane1 = 0x9e3779b9
  lane2 = 0x85ebca6b
  const country = store[1] as string
  for (let i = 0; i < country.length; i++) mix(country.charCodeAt(i))
  mix(store[2] === null ? 0 : 1)
  mix(sub === undefined ? 0 : 1)
  if (sub !== undefined) {
    mix(sub[1])
    mix(sub[2])
  }
  mix(to - from)
  for (let i = from; i < to; i++) {
    mix(auths[i]![1])
    mix(auths[i]![2])
    mix(auths[i]![3])
  }
  return (lane1 >>> 0) * 2097152 + (lane2 >>> 11)
}

export interface ScanOptions {
  /** For the 'one' scope. */
  storeId?: number
  /** Asked first for each store with a stored verdict: true skips building and visiting it. */
  skip?: (storeId: number, fingerprint: number) => boolean
}

export function createPortfolioScan(sqlite: Database.Database, scope: ScanScope) {
  const sql = scanSql(scope)
  const statements = {
    stores: sqlite.prepare(sql.stores).raw(true),
    subscriptions: sqlite.prepare(sql.subscriptions).raw(true),
    authorizations: sqlite.prepare(sql.authorizations).raw(true),
    statuses: sqlite.prepare(sql.statuses).raw(true),
    lazada: sqlite.prepare(sql.lazada).raw(true)
  }

  /** Visits every store of the scope (but the skipped) in id order; returns how many it read. */
  return function scan(visit: (store: ScannedStore) => void, options: ScanOptions = {}): number {
    const storeId = options.storeId ?? 0
    let count = 0
    let after = 0
    for (;;) {
      const stores = statements.stores.all({ after, limit: SCAN_CHUNK, storeId }) as Row[]
      if (stores.length === 0) return count
      const params = { after, last: stores.at(-1)![0] as number, storeId }
      const subs = statements.subscriptions.all(params) as Row[]
      const auths = statements.authorizations.all(params) as Row[]
      const statuses = statements.statuses.all(params) as Row[]
      const answers = statements.lazada.all(params) as Row[]
      let answer = 0
      let sub = 0
      let auth = 0
      let status = 0
      for (const row of stores) {
        const id = row[0] as number
        // The lists are ordered by store id: advance each to this store.
        while (sub < subs.length && (subs[sub]![0] as number) < id) sub++
        const kam = subs[sub]?.[0] === id ? subs[sub] : undefined
        while (answer < answers.length && (answers[answer]![0] as number) < id) answer++
        const s = answers[answer]?.[0] === id ? withAnswer(kam, answers[answer]!) : kam
        while (auth < auths.length && (auths[auth]![0] as number) < id) auth++
        const from = auth
        while (auth < auths.length && auths[auth]![0] === id) auth++
        while (status < statuses.length && (statuses[status]![0] as number) < id) status++
        const v = statuses[status]?.[0] === id ? statuses[status] : undefined
        const fingerprint = fingerprintOf(row, s, auths, from, auth)
        if (v !== undefined && options.skip?.(id, fingerprint)) continue
        const authorizations: ScannedAuthorization[] = []
        for (let i = from; i < auth; i++) {
          const a = auths[i]!
          authorizations.push({ authorizedAt: a[1] as number, refreshDeadlineAt: a[2] as number | null, reconnectedAt: a[3] as number | null })
        }
        visit({
          id,
          fingerprint,
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
