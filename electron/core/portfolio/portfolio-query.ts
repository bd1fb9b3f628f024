/** Lists the portfolio for a view: filters, word search and sort run in SQL. */
import { and, asc, desc, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { PortfolioFacets, PortfolioQuery, SortableColumn, StoreListResult } from '../../shared/portfolio'
import { STATUS_SEVERITY, STORE_STATUSES } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'
import type { AppDatabase } from '../db/open-database'
import { storeStatus, stores } from '../db/schema'
import { selectStoreViews, toStore } from './store-service'

/** A store not evaluated yet counts as unknown, as the store page shows it. */
const derivedStatus = sql`coalesce(${storeStatus.status}, 'unknown')`

/** Sorting by status puts the most urgent first; archived stores go last. */
const statusRank = sql`CASE WHEN ${stores.archivedAt} IS NOT NULL THEN ${STORE_STATUSES.length} ${sql.join(
  STORE_STATUSES.map((status) => sql`WHEN ${derivedStatus} = ${status} THEN ${STATUS_SEVERITY[status]}`),
  sql` `
)} END`

const SORT_EXPRESSIONS: Record<SortableColumn, SQL> = {
  clientName: sql`${stores.clientName} COLLATE NOCASE`,
  storeName: sql`${stores.storeName} COLLATE NOCASE`,
  country: sql`${stores.country}`,
  sellerShortCode: sql`${stores.sellerShortCode}`,
  loginEmail: sql`${stores.loginEmail}`,
  ownerKam: sql`${stores.ownerKam} COLLATE NOCASE`,
  status: statusRank,
  deadlineAt: sql`${storeStatus.deadlineAt}`,
  createdAt: sql`${stores.createdAt}`,
  updatedAt: sql`${stores.updatedAt}`
}

/** The WHERE clause of a view; export uses it too, so a file holds exactly what the table showed. */
export function portfolioFilter(query: PortfolioQuery): SQL | undefined {
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
  for (const word of query.search.toLowerCase().split(/\s+/).filter(Boolean)) {
    conditions.push(sql`instr(${stores.searchText}, ${word}) > 0`)
  }
  return and(...conditions)
}

export function listStores(db: AppDatabase, query: PortfolioQuery): StoreListResult {
  const order = query.sort.direction === 'asc' ? asc : desc
  const rows = selectStoreViews(db)
    .where(portfolioFilter(query))
    .orderBy(order(SORT_EXPRESSIONS[query.sort.column]), asc(stores.id))
    .all()
  return {
    stores: rows.map(toStore),
    portfolioSize: db.select({ n: sql<number>`count(*)` }).from(stores).get()?.n ?? 0,
    facets: portfolioFacets(db)
  }
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
