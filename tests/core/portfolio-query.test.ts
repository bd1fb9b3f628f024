import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { DEFAULT_PORTFOLIO_QUERY, portfolioQuerySchema } from '../../electron/shared/portfolio'
import type { PortfolioQueryInput } from '../../electron/shared/portfolio'
import type { StoreInputDraft } from '../../electron/shared/store-fields'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

let database: TestDatabase

function add(core: TestCore, draft: Partial<StoreInputDraft>) {
  return core.stores.create(storeInput({ sellerShortCode: null, ...draft }))
}

beforeEach(() => {
  database = openTestDatabase()
  const core = createTestCore(database)
  const { clock, stores } = core
  add(core, { clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM1', ownerKam: 'Ben Tan', tags: ['VIP', 'Beauty'] })
  clock.advance(1000)
  add(core, { clientName: 'ánh dương JSC', storeName: 'Ánh Dương Mall', country: 'VN', sellerShortCode: 'VNANH001', ownerKam: 'Chloe Nguyen', tags: ['Fashion'] })
  clock.advance(1000)
  add(core, { clientName: 'apex Gadgets Sdn Bhd', storeName: 'Apex Flagship', country: 'MY', loginEmail: 'ops@apex.my', notes: 'Prefers LINE' })
  clock.advance(1000)
  add(core, { clientName: 'Seoul Style', storeName: 'Seoul Style KR', country: 'KR', sellerShortCode: 'KRSEOUL1', ownerKam: 'Ben Tan' })
  const archived = add(core, { clientName: 'Closed Co', storeName: 'Closed', sellerShortCode: 'SGCLOSED', tags: ['vip'] })
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
    expect(names({ statuses: [] })).toHaveLength(4)
    expect(names({ statuses: ['needs-subscription', 'out-of-scope', 'archived'] })).toHaveLength(5)
  })

  it('filters by country, owner (including "no owner") and tag', () => {
    expect(names({ countries: ['VN', 'MY'] })).toEqual(['Apex Flagship', 'Ánh Dương Mall'])
    expect(names({ owners: ['Ben Tan'] })).toEqual(['Bloom Official', 'Seoul Style KR'])
    expect(names({ owners: [''] })).toEqual(['Apex Flagship'])
    expect(names({ owners: ['', 'Chloe Nguyen'] })).toEqual(['Apex Flagship', 'Ánh Dương Mall'])
    expect(names({ tags: ['vip'], statuses: ['needs-subscription', 'archived'] })).toEqual(['Bloom Official', 'Closed'])
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

  it('defaults to every store but the archived ones, sorted by client', () => {
    expect(DEFAULT_PORTFOLIO_QUERY).toEqual({
      search: '',
      countries: [],
      owners: [],
      tags: [],
      statuses: [],
      storeIds: [],
      sort: { column: 'clientName', direction: 'asc' }
    })
  })

  it('narrows the view to given stores (a digest notification’s)', () => {
    const ids = listStores(database.db, portfolioQuerySchema.parse({})).stores.slice(0, 2).map((s) => s.id)
    expect(listStores(database.db, portfolioQuerySchema.parse({ storeIds: ids })).stores.map((s) => s.id).sort()).toEqual([...ids].sort())
  })
})
