/**
 * The portfolio's views: filters, word search and sort run in SQL. The renderer asks for one
 * window of rows at a time (what is on screen plus a margin) with the view's count, answered by
 * kept-views on the order read here, so a keystroke at 10,000 stores costs a page of rows, not
 * the whole list. Each function runs its statements in one synchronous turn, so no write of this
 * process lands between a page and its count.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { PortfolioFacets, PortfolioQuery, SortableColumn, Store, StoreSelection } from '../../shared/portfolio'
import { STATUS_SEVERITY, STORE_STATUSES } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'
import type { AppDatabase } from '../db/open-database'
import { storeStatus, stores } from '../db/schema'
import { selectStoreViews, toStore } from './store-service'
import { deadlineCutoffs } from './deadline-window'

/** A store not evaluated yet counts as unknown, as the store page shows it. */
const derivedStatus = sql`coalesce(${storeStatus.status}, 'unknown')`

/** Sorting by status puts the most urgent first; archived stores go last. */
const statusRank = sql`CASE WHEN ${stores.archivedAt} IS NOT NULL THEN ${STORE_STATUSES.length} ${sql.join(
  STORE_STATUSES.map((status) => sql`WHEN ${derivedStatus} = ${status} THEN ${STATUS_SEVERITY[status]}`),
  sql` `
)} END`

interface SortKey {
  expression: SQL
  /** Stores without a value sort last in both directions (no deadline is not "the soonest"). */
  nullable: boolean
}

const SORT_KEYS: Record<SortableColumn, SortKey> = {
  clientName: { expression: sql`${stores.clientName} COLLATE NOCASE`, nullable: false },
  storeName: { expression: sql`${stores.storeName} COLLATE NOCASE`, nullable: false },
  country: { expression: sql`${stores.country}`, nullable: false },
  sellerShortCode: { expression: sql`${stores.sellerShortCode}`, nullable: true },
  loginEmail: { expression: sql`${stores.loginEmail}`, nullable: true },
  ownerKam: { expression: sql`${stores.ownerKam} COLLATE NOCASE`, nullable: true },
  status: { expression: statusRank, nullable: false },
  deadlineAt: { expression: sql`${storeStatus.deadlineAt}`, nullable: true },
  createdAt: { expression: sql`${stores.createdAt}`, nullable: false },
  updatedAt: { expression: sql`${stores.updatedAt}`, nullable: false }
}

/** The view's ORDER BY: its column (empty values last), then the id so ties keep one order. */
export function viewOrder(query: PortfolioQuery): SQL[] {
  const key = SORT_KEYS[query.sort.column]
  const direction = query.sort.direction === 'asc' ? asc : desc
  const nullsLast = key.nullable ? [sql`(${key.expression}) IS NULL`] : []
  return [...nullsLast, direction(key.expression), asc(stores.id)]
}

function endsWithin(days: number, now: number): SQL {
  const cutoffs = deadlineCutoffs(days, now)
  const cutoff = sql`CASE ${stores.country} ${sql.join(
    cutoffs.byCountry.map(({ country, before }) => sql`WHEN ${country} THEN ${before}`),
    sql` `
  )} ELSE ${cutoffs.otherwise} END`
  return and(gt(storeStatus.deadlineAt, now), sql`${storeStatus.deadlineAt} < ${cutoff}`)!
}

/** The words of a search: a store matches when its search text holds each of them. */
export function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * The WHERE clause of a view; export and selections use it too, so a file or a bulk action holds
 * exactly what the table showed. `now` places "ends within N days".
 */
export function portfolioFilter(query: PortfolioQuery, now: number): SQL | undefined {
  const conditions: (SQL | undefined)[] = []

  const derived = query.statuses.filter((s): s is StoreStatus => s !== 'archived')
  if (query.statuses.length === 0) {
    conditions.push(isNull(stores.archivedAt))
  } else {
    conditions.push(
      or(
        derived.length ? and(isNull(stores.archivedAt), inArray(derivedStatus, derived)) : undefined,
        query.statuses.includes('archived') ? isNotNull(stores.archivedAt) : undefined
      )
    )
  }
  if (query.storeIds.length) conditions.push(inArray(stores.id, query.storeIds))

  if (query.countries.length) conditions.push(inArray(stores.country, query.countries))
  if (query.owners.length) {
    const named = query.owners.filter((o) => o !== '')
    conditions.push(or(named.length ? inArray(stores.ownerKam, named) : undefined, query.owners.includes('') ? isNull(stores.ownerKam) : undefined))
  }
  if (query.tags.length) {
    const wanted = query.tags.map((t) => t.toLowerCase())
    conditions.push(
      sql`EXISTS (SELECT 1 FROM json_each(${stores.tags}) WHERE lower(json_each.value) IN (${sql.join(
        wanted.map((t) => sql`${t}`),
        sql`, `
      )}))`
    )
  }
  if (query.endsWithinDays !== null) conditions.push(endsWithin(query.endsWithinDays, now))
  for (const word of searchWords(query.search)) {
    conditions.push(sql`instr(${stores.searchText}, ${word}) > 0`)
  }
  return and(...conditions)
}

/** The ids of the view, in its order. */
function viewIds(db: AppDatabase, query: PortfolioQuery, now: number): number[] {
  return db
    .select({ id: stores.id })
    .from(stores)
    .leftJoin(storeStatus, eq(storeStatus.storeId, stores.id))
    .where(portfolioFilter(query, now))
    .orderBy(...viewOrder(query))
    .all()
    .map((row) => row.id)
}

/** Full rows of the given stores, in the order of `ids` (a bulk export's). */
export function storesByIds(db: AppDatabase, ids: readonly number[]): Store[] {
  if (ids.length === 0) return []
  const rows = selectStoreViews(db)
    .where(inArray(stores.id, sql`(SELECT value FROM json_each(${JSON.stringify(ids)}))`))
    .all()
  const byId = new Map(rows.map((row) => [row.id, toStore(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Every store of a view, in its order: what an export writes. */
export function listStores(db: AppDatabase, query: PortfolioQuery, now: number): Store[] {
  return storesByIds(db, viewIds(db, query, now))
}

/** Where a store stands in a view (0-based), or null when the view does not hold it. */
export function locateStore(db: AppDatabase, query: PortfolioQuery, storeId: number, now: number): number | null {
  const ranked = db
    .select({ id: stores.id, index: sql<number>`row_number() OVER (ORDER BY ${sql.join(viewOrder(query), sql`, `)}) - 1`.as('index') })
    .from(stores)
    .leftJoin(storeStatus, eq(storeStatus.storeId, stores.id))
    .where(portfolioFilter(query, now))
    .as('ranked')
  const found = db.select({ index: ranked.index }).from(ranked).where(eq(ranked.id, storeId)).get()
  return found?.index ?? null
}

/**
 * The store ids a selection stands for, in one query: the named stores that still exist, or the
 * view's stores but the excepted ones (in the view's order). Bulk actions (issue #10) take a
 * selection and resolve it here, inside their own transaction.
 */
export function resolveSelection(db: AppDatabase, selection: StoreSelection, now: number): number[] {
  if ('ids' in selection) {
    const named = sql`(SELECT value FROM json_each(${JSON.stringify(selection.ids)}))`
    return db
      .select({ id: stores.id })
      .from(stores)
      .where(inArray(stores.id, named))
      .orderBy(asc(stores.id))
      .all()
      .map((row) => row.id)
  }
  const { allMatching: query, except } = selection
  const excepted = except.length ? sql`${stores.id} NOT IN (SELECT value FROM json_each(${JSON.stringify(except)}))` : undefined
  return db
    .select({ id: stores.id })
    .from(stores)
    .leftJoin(storeStatus, eq(storeStatus.storeId, stores.id))
    .where(and(portfolioFilter(query, now), excepted))
    .orderBy(...viewOrder(query))
    .all()
    .map((row) => row.id)
}

export function portfolioFacets(db: AppDatabase): PortfolioFacets {
  const countries = db.all<{ v: string }>(sql`SELECT DISTINCT country AS v FROM stores ORDER BY v`)
  const owners = db.all<{ v: string }>(sql`SELECT DISTINCT owner_kam AS v FROM stores WHERE owner_kam IS NOT NULL ORDER BY v COLLATE NOCASE`)
  const tags = db.all<{ v: string }>(
    // Tags match case-insensitively, so "vip" and "VIP" are one choice.
    sql`SELECT min(json_each.value) AS v FROM stores, json_each(stores.tags) GROUP BY lower(json_each.value) ORDER BY v COLLATE NOCASE`
  )
  return { countries: countries.map((r) => r.v), owners: owners.map((r) => r.v), tags: tags.map((r) => r.v) }
}
