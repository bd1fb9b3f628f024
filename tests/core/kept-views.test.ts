import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createKeptPortfolioViews } from '../../electron/core/portfolio/kept-views'
import type { KeptPortfolioViews } from '../../electron/core/portfolio/kept-views'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { portfolioQuerySchema, storeWindowSchema } from '../../electron/shared/portfolio'
import type { PortfolioQueryInput } from '../../electron/shared/portfolio'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

let database: TestDatabase
let core: TestCore
let views: KeptPortfolioViews

const now = () => core.clock.now()

/** What the window answers, and what SQL alone says the same view holds. */
function bothWays(query: PortfolioQueryInput) {
  const kept = views.page(storeWindowSchema.parse({ ...query, offset: 0, limit: 1000 }), now())
  const sql = listStores(database.db, portfolioQuerySchema.parse(query), now())
  return { kept: { ids: kept.stores.map((s) => s.id), total: kept.total }, sql: { ids: sql.map((s) => s.id), total: sql.length } }
}

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database)
  views = createKeptPortfolioViews(database)
  const owners = ['Ben Tan', 'Chloe Nguyen', null]
  const countries = ['SG', 'MY', 'VN', 'TH']
  for (let i = 0; i < 60; i++) {
    core.stores.create(
      storeInput({
        clientName: `${i % 3 === 0 ? 'bloom' : 'Apex'} Client ${i}`,
        storeName: `Store ${i} ${i % 2 ? 'Official' : 'Mall'}`,
        country: countries[i % 4]!,
        sellerShortCode: `SG${String(100000 + i)}`,
        ownerKam: owners[i % 3]!,
        tags: i % 5 === 0 ? ['VIP'] : []
      })
    )
    core.clock.advance(1000)
  }
})
afterEach(() => database.close())

describe('the kept portfolio views', () => {
  it('answer each keystroke of a search as SQL does, in the view order, under filters and sorts', () => {
    const searches = ['', 'b', 'bl', 'bloom', 'bloom 1', 'OFFICIAL', 'client  3', 'ben', 'nothing', '%', 'vietnam']
    const viewQueries: PortfolioQueryInput[] = [
      {},
      { sort: { column: 'storeName', direction: 'desc' } },
      { countries: ['MY', 'VN'], sort: { column: 'ownerKam', direction: 'asc' } },
      { owners: [''], tags: ['vip'] },
      { endsWithinDays: 30 }
    ]
    for (const view of viewQueries) {
      for (const search of searches) {
        const { kept, sql } = bothWays({ ...view, search })
        expect(kept, JSON.stringify({ ...view, search })).toEqual(sql)
      }
    }
  })

  it('windows and counts the searched view', () => {
    const all = bothWays({ search: 'apex' }).sql.ids
    const window = views.page(storeWindowSchema.parse({ search: 'apex', offset: 10, limit: 5 }), now())
    expect(window.stores.map((s) => s.id)).toEqual(all.slice(10, 15))
    expect(window.total).toBe(40)
    expect(window.portfolioSize).toBe(60)
    expect(views.ids(storeWindowSchema.parse({ search: 'apex', offset: 38, limit: 5 }), now())).toEqual({ offset: 38, ids: all.slice(38), total: 40 })
  })

  it('see an edit at once: a renamed store is found by its new name, not its old one', () => {
    expect(bothWays({ search: 'bloom' }).kept.total).toBe(20)
    const [first] = listStores(database.db, portfolioQuerySchema.parse({ search: 'bloom' }), now())
    core.stores.update(first!.id, storeInput({ clientName: 'Zinnia Trading', storeName: first!.storeName, country: first!.country, sellerShortCode: first!.sellerShortCode }))
    expect(bothWays({ search: 'bloom' }).kept.total).toBe(19)
    expect(bothWays({ search: 'zinnia' }).kept.ids).toEqual([first!.id])
  })

  it('see a write from another connection to the same file', () => {
    expect(bothWays({ search: 'apex' }).kept.total).toBe(40)
    const other = new Database(database.filePath)
    try {
      other.prepare("UPDATE stores SET archived_at = 1 WHERE search_text LIKE '%apex%'").run()
    } finally {
      other.close()
    }
    const { kept, sql } = bothWays({ search: 'apex' })
    expect(kept).toEqual({ ids: [], total: 0 })
    expect(kept).toEqual(sql)
  })
})
