import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { createStoreService } from '../../electron/core/portfolio/store-service'
import { DEFAULT_PORTFOLIO_QUERY, portfolioQuerySchema } from '../../electron/shared/portfolio'
import type { PortfolioQueryInput } from '../../electron/shared/portfolio'
import { storeInputSchema } from '../../electron/shared/store-fields'
import type { StoreInput } from '../../electron/shared/store-fields'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

let database: TestDatabase

function add(stores: ReturnType<typeof createStoreService>, draft: Record<string, unknown>) {
  return stores.create(storeInputSchema.parse({ clientName: 'Client', storeName: 'Store', country: 'SG', ...draft }) as StoreInput)
}

beforeEach(() => {
  database = openTestDatabase()
  const clock = new FakeClock()
  const stores = createStoreService({ database, clock, actor: { name: () => 'kam' } })
  add(stores, { clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM1', ownerKam: 'Ben Tan', tags: ['VIP', 'Beauty'] })
  clock.advance(1000)
  add(stores, { clientName: 'ánh dương JSC', storeName: 'Ánh Dương Mall', country: 'VN', sellerShortCode: 'VNANH001', ownerKam: 'Chloe Nguyen', tags: ['Fashion'] })
  clock.advance(1000)
  add(stores, { clientName: 'apex Gadgets Sdn Bhd', storeName: 'Apex Flagship', country: 'MY', loginEmail: 'ops@apex.my', notes: 'Prefers LINE' })
  clock.advance(1000)
  add(stores, { clientName: 'Seoul Style', storeName: 'Seoul Style KR', country: 'KR', sellerShortCode: 'KRSEOUL1', ownerKam: 'Ben Tan' })
  const archived = add(stores, { clientName: 'Closed Co', storeName: 'Closed', sellerShortCode: 'SGCLOSED', tags: ['vip'] })
  stores.archive(archived.id)
})
afterEach(() => database.close())

function names(query: PortfolioQueryInput): string[] {
  return listStores(database.db, portfolioQuerySchema.parse(query)).stores.map((s) => s.storeName)
}

describe('listing the portfolio', () => {
  it('hides archived stores by default and sorts by client, ignoring case', () => {
    expect(names({})).toEqual(['Apex Flagship', 'Bloom Official', 'Seoul Style KR', 'Ánh Dương Mall'])
  })

  it('tells the size of the whole portfolio and its facets whatever the filters', () => {
    const result = listStores(database.db, portfolioQuerySchema.parse({ search: 'nothing matches this' }))
    expect(result.stores).toEqual([])
    expect(result.portfolioSize).toBe(5)
    expect(result.facets).toEqual({
      countries: ['KR', 'MY', 'SG', 'VN'],
      owners: ['Ben Tan', 'Chloe Nguyen'],
      tags: ['Beauty', 'Fashion', 'VIP']
    })
  })

  it('filters by status', () => {
    expect(names({ statuses: ['archived'] })).toEqual(['Closed'])
    expect(names({ statuses: ['out-of-scope'] })).toEqual(['Seoul Style KR'])
    expect(names({ statuses: [] })).toHaveLength(5)
  })

  it('filters by country, owner (including "no owner") and tag', () => {
    expect(names({ countries: ['VN', 'MY'] })).toEqual(['Apex Flagship', 'Ánh Dương Mall'])
    expect(names({ owners: ['Ben Tan'] })).toEqual(['Bloom Official', 'Seoul Style KR'])
    expect(names({ owners: [''] })).toEqual(['Apex Flagship'])
    expect(names({ owners: ['', 'Chloe Nguyen'] })).toEqual(['Apex Flagship', 'Ánh Dương Mall'])
    expect(names({ tags: ['vip'], statuses: [] })).toEqual(['Bloom Official', 'Closed'])
  })

  it('searches every word across names, codes, e-mails, notes and country names, case-insensitively', () => {
    expect(names({ search: 'ÁNH' })).toEqual(['Ánh Dương Mall'])
    expect(names({ search: 'vietnam' })).toEqual(['Ánh Dương Mall'])
    expect(names({ search: 'sgbloom1' })).toEqual(['Bloom Official'])
    expect(names({ search: 'ops@apex' })).toEqual(['Apex Flagship'])
    expect(names({ search: 'prefers line' })).toEqual(['Apex Flagship'])
    expect(names({ search: 'bloom apex' })).toEqual([])
    expect(names({ search: '%' })).toEqual([])
  })

  it('sorts by any column in both directions', () => {
    expect(names({ sort: { column: 'country', direction: 'desc' } })).toEqual(['Ánh Dương Mall', 'Bloom Official', 'Apex Flagship', 'Seoul Style KR'])
    expect(names({ sort: { column: 'status', direction: 'asc' } }).at(-1)).toBe('Seoul Style KR')
    expect(names({ sort: { column: 'createdAt', direction: 'desc' } })[0]).toBe('Seoul Style KR')
  })

  it('defaults to active and out-of-scope stores sorted by client', () => {
    expect(DEFAULT_PORTFOLIO_QUERY).toEqual({
      search: '',
      countries: [],
      owners: [],
      tags: [],
      statuses: ['active', 'out-of-scope'],
      sort: { column: 'clientName', direction: 'asc' }
    })
  })
})
