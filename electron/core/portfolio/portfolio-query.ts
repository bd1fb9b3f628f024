/** Lists the portfolio for a view: filters, word search and sort run in SQL. */
import { and, asc, desc, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { COVERED_COUNTRIES } from '../../shared/countries'
import type { PortfolioFacets, PortfolioQuery, SortableColumn, StoreListResult } from '../../shared/portfolio'
import type { AppDatabase } from '../db/open-database'
import { stores } from '../db/schema'
import { toStore } from './store-service'

const covered = [...COVERED_COUNTRIES]

const statusRank = sql`CASE WHEN ${stores.archivedAt} IS NOT NULL THEN 2 WHEN ${stores.country} IN (${sql.join(
  covered.map((c) => sql`${c}`),
  sql`, `
)}) THEN 0 ELSE 1 END`

const SORT_EXPRESSIONS: Record<SortableColumn, SQL> = {
  clientName: sql`${stores.clientName} COLLATE NOCASE`,
  storeName: sql`${stores.storeName} COLLATE NOCASE`,
  country: sql`${stores.country}`,
  sellerShortCode: sql`${stores.sellerShortCode}`,
  loginEmail: sql`${stores.loginEmail}`,
  ownerKam: sql`${stores.ownerKam} COLLATE NOCASE`,
  status: statusRank,
  createdAt: sql`${stores.createdAt}`,
  updatedAt: sql`${stores.updatedAt}`
}

/** The WHERE clause of a view; export uses it too, so a file holds exactly what the table showed. */
export function portfolioFilter(query: PortfolioQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = []

  const statuses = new Set(query.statuses)
  const statusConditions: (SQL | undefined)[] = []
  if (statuses.has('active')) statusConditions.push(and(isNull(stores.archivedAt), inArray(stores.country, covered)))
  if (statuses.has('out-of-scope')) statusConditions.push(and(isNull(stores.archivedAt), notInArray(stores.country, covered)))
  if (statuses.has('archived')) statusConditions.push(isNotNull(stores.archivedAt))
  // No status picked means every status: an empty filter never hides the whole portfolio.
  if (statusConditions.length > 0 && statusConditions.length < 3) conditions.push(or(...statusConditions))

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
  const rows = db
    .select()
    .from(stores)
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
