/**
 * The portfolio's windows as a search keystroke asks for them, without a scan of the stores per
 * keystroke. Sorting the whole view and counting it cost SQLite a full scan each time (a temp
 * b-tree for the NOCASE order, ~10–25 ms at 10,000 stores on a quiet machine, several times that
 * on a busy one), which made a keystroke grow with the portfolio. So the view without its search
 * — ids in the view's order with their search text — is read once and kept, and a keystroke
 * filters it in memory with the same test SQL makes (`instr(search_text, word) > 0` for each
 * word), then reads only the window's rows.
 *
 * It is kept while the database is unchanged (the connection's `total_changes()` and `PRAGMA
 * data_version`, as the notification centre's kept views are) and while the "ends within" cutoffs
 * are those it was read with.
 */
import { eq } from 'drizzle-orm'
import type { PortfolioQuery, StoreIdPage, StorePage, StoreWindow } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { storeStatus, stores } from '../db/schema'
import { deadlineCutoffs } from './deadline-window'
import { portfolioFilter, searchWords, storesByIds, viewOrder } from './portfolio-query'

interface KeptOrder {
  key: string
  ids: number[]
  searchTexts: string[]
}

/** What makes two requests one view before their search: the query without it, and the day's cutoffs. */
function viewKey(query: PortfolioQuery, now: number): string {
  const cutoffs = query.endsWithinDays === null ? null : deadlineCutoffs(query.endsWithinDays, now)
  return JSON.stringify([{ ...query, search: '' }, cutoffs])
}

export function createKeptPortfolioViews(database: DatabaseHandle) {
  const { db, sqlite } = database
  const statements = {
    totalChanges: sqlite.prepare('SELECT total_changes()').pluck(),
    dataVersion: sqlite.prepare('PRAGMA data_version').pluck(),
    portfolioSize: sqlite.prepare('SELECT count(*) FROM stores').pluck()
  }
  let kept: KeptOrder | null = null
  let keptAt = ''

  /** Changes with every write, on this connection or another. */
  function databaseVersion(): string {
    return `${String(statements.dataVersion.get())}:${String(statements.totalChanges.get())}`
  }

  function orderOf(query: PortfolioQuery, now: number): KeptOrder {
    const key = viewKey(query, now)
    const version = databaseVersion()
    if (kept && kept.key === key && keptAt === version) return kept
    const rows = db
      .select({ id: stores.id, searchText: stores.searchText })
      .from(stores)
      .leftJoin(storeStatus, eq(storeStatus.storeId, stores.id))
      .where(portfolioFilter({ ...query, search: '' }, now))
      .orderBy(...viewOrder(query))
      .all()
    kept = { key, ids: rows.map((row) => row.id), searchTexts: rows.map((row) => row.searchText) }
    keptAt = version
    return kept
  }

  /** The view's ids in its order: the kept order, narrowed by the search's words. */
  function viewIds(query: PortfolioQuery, now: number): number[] {
    const { ids, searchTexts } = orderOf(query, now)
    const words = searchWords(query.search)
    if (words.length === 0) return ids
    return ids.filter((_, i) => words.every((word) => searchTexts[i]!.includes(word)))
  }

  return {
    /** As `listStorePage`. */
    page(request: StoreWindow, now: number): StorePage {
      const { offset, limit, ...query } = request
      const ids = viewIds(query, now)
      return {
        offset,
        stores: storesByIds(db, ids.slice(offset, offset + limit)),
        total: ids.length,
        portfolioSize: statements.portfolioSize.get() as number
      }
    },

    /** As `listStoreIds`. */
    ids(request: StoreWindow, now: number): StoreIdPage {
      const { offset, limit, ...query } = request
      const ids = viewIds(query, now)
      return { offset, ids: ids.slice(offset, offset + limit), total: ids.length }
    }
  }
}

export type KeptPortfolioViews = ReturnType<typeof createKeptPortfolioViews>
