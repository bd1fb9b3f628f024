import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deadlineCutoffs, firstInstantBeyond } from '../../electron/core/portfolio/deadline-window'
import { createKeptPortfolioViews } from '../../electron/core/portfolio/kept-views'
import type { KeptPortfolioViews } from '../../electron/core/portfolio/kept-views'
import { listStores, locateStore, portfolioFacets, resolveSelection } from '../../electron/core/portfolio/portfolio-query'
import { DAY_MS, daysLeft, timeZoneOf } from '../../electron/core/status/calendar'
import { DEFAULT_PORTFOLIO_QUERY, portfolioQuerySchema, storeSelectionSchema, storeWindowSchema } from '../../electron/shared/portfolio'
import type { PortfolioQueryInput, StoreSelectionInput, StoreWindowInput } from '../../electron/shared/portfolio'
import type { StoreInputDraft } from '../../electron/shared/store-fields'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

let database: TestDatabase
let core: TestCore
let views: KeptPortfolioViews

function add(draft: Partial<StoreInputDraft>) {
  return core.stores.create(storeInput({ sellerShortCode: null, ...draft }))
}

/** Puts a deadline on a store as a check would have written it. */
function setDeadline(storeId: number, deadline: number | null): void {
  database.sqlite.prepare('UPDATE store_status SET deadline_at = ? WHERE store_id = ?').run(deadline, storeId)
}

const now = () => core.clock.now()

function names(query: PortfolioQueryInput): string[] {
  return listStores(database.db, portfolioQuerySchema.parse(query), now()).map((s) => s.storeName)
}

function page(request: StoreWindowInput) {
  return views.page(storeWindowSchema.parse(request), now())
}

function resolve(selection: StoreSelectionInput): number[] {
  return resolveSelection(database.db, storeSelectionSchema.parse(selection), now())
}

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database)
  views = createKeptPortfolioViews(database)
  add({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM1', ownerKam: 'Ben Tan', tags: ['VIP', 'Beauty'] })
  core.clock.advance(1000)
  add({ clientName: 'ánh dương JSC', storeName: 'Ánh Dương Mall', country: 'VN', sellerShortCode: 'VNANH001', ownerKam: 'Chloe Nguyen', tags: ['Fashion'] })
  core.clock.advance(1000)
  add({ clientName: 'apex Gadgets Sdn Bhd', storeName: 'Apex Flagship', country: 'MY', loginEmail: 'ops@apex.my', notes: 'Prefers LINE' })
  core.clock.advance(1000)
  add({ clientName: 'Seoul Style', storeName: 'Seoul Style KR', country: 'KR', sellerShortCode: 'KRSEOUL1', ownerKam: 'Ben Tan' })
  const archived = add({ clientName: 'Closed Co', storeName: 'Closed', sellerShortCode: 'SGCLOSED', tags: ['vip'] })
  core.stores.archive(archived.id)
})
afterEach(() => database.close())

describe('listing the portfolio', () => {
  it('hides archived stores by default and sorts by client, ignoring case', () => {
    expect(names({})).toEqual(['Apex Flagship', 'Bloom Official', 'Seoul Style KR', 'Ánh Dương Mall'])
  })

  it('tells the size of the whole portfolio whatever the filters, and its facets', () => {
    const result = page({ search: 'nothing matches this' })
    expect(result).toEqual({ offset: 0, stores: [], total: 0, portfolioSize: 5 })
    expect(portfolioFacets(database.db)).toEqual({
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

  it('defaults to every store but the archived ones, sorted by client, with no deadline window', () => {
    expect(DEFAULT_PORTFOLIO_QUERY).toEqual({
      search: '',
      countries: [],
      owners: [],
      tags: [],
      statuses: [],
      storeIds: [],
      endsWithinDays: null,
      sort: { column: 'clientName', direction: 'asc' }
    })
  })

  it('narrows the view to given stores (a digest notification’s)', () => {
    const ids = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
      .slice(0, 2)
      .map((s) => s.id)
    expect(names({ storeIds: ids })).toEqual(['Apex Flagship', 'Bloom Official'])
  })
})

describe('stores without a value sort last in both directions', () => {
  it('puts stores with no deadline after every deadline, ascending and descending', () => {
    const [apex, bloom, seoul, anh] = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    setDeadline(bloom!.id, now() + 3 * DAY_MS)
    setDeadline(anh!.id, now() + 9 * DAY_MS)
    setDeadline(apex!.id, null)
    setDeadline(seoul!.id, null)

    const byDeadline = (direction: 'asc' | 'desc') => names({ sort: { column: 'deadlineAt', direction } })
    expect(byDeadline('asc')).toEqual(['Bloom Official', 'Ánh Dương Mall', 'Apex Flagship', 'Seoul Style KR'])
    expect(byDeadline('desc')).toEqual(['Ánh Dương Mall', 'Bloom Official', 'Apex Flagship', 'Seoul Style KR'])
  })

  it('puts unassigned stores last by owner, and stores without a short code last by short code', () => {
    expect(names({ sort: { column: 'ownerKam', direction: 'asc' } }).at(-1)).toBe('Apex Flagship')
    expect(names({ sort: { column: 'ownerKam', direction: 'desc' } }).at(-1)).toBe('Apex Flagship')
    expect(names({ sort: { column: 'sellerShortCode', direction: 'desc' } }).at(-1)).toBe('Apex Flagship')
  })
})

describe('windows of a view', () => {
  beforeEach(() => {
    for (let i = 0; i < 40; i++) add({ clientName: `Window Client ${String(i).padStart(2, '0')}`, storeName: `Window ${i}`, sellerShortCode: `SGWIN${i}` })
  })

  it('answers one stretch of the view in its order, with the count of the whole view', () => {
    const all = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    expect(all).toHaveLength(44)
    const second = page({ offset: 10, limit: 10 })
    expect(second.offset).toBe(10)
    expect(second.total).toBe(44)
    expect(second.portfolioSize).toBe(45)
    expect(second.stores.map((s) => s.id)).toEqual(all.slice(10, 20).map((s) => s.id))
    expect(page({ offset: 40, limit: 10 }).stores.map((s) => s.id)).toEqual(all.slice(40).map((s) => s.id))
    expect(page({ offset: 100, limit: 10 })).toMatchObject({ stores: [], total: 44 })
  })

  it('counts and windows a filtered, sorted view', () => {
    const result = page({ search: 'window', sort: { column: 'clientName', direction: 'desc' }, offset: 0, limit: 3 })
    expect(result.total).toBe(40)
    expect(result.stores.map((s) => s.clientName)).toEqual(['Window Client 39', 'Window Client 38', 'Window Client 37'])
  })

  it('gives the ids of a stretch without the rows, matching the pages', () => {
    const request = storeWindowSchema.parse({ search: 'window', offset: 5, limit: 20 })
    const ids = views.ids(request, now())
    expect(ids.total).toBe(40)
    expect(ids.ids).toEqual(views.page(request, now()).stores.map((s) => s.id))
  })

  it('finds where a store stands in a view, and says when the view does not hold it', () => {
    const all = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    const target = all[27]!
    expect(locateStore(database.db, DEFAULT_PORTFOLIO_QUERY, target.id, now())).toBe(27)
    const descending = portfolioQuerySchema.parse({ sort: { column: 'clientName', direction: 'desc' } })
    expect(locateStore(database.db, descending, target.id, now())).toBe(all.length - 1 - 27)
    expect(locateStore(database.db, portfolioQuerySchema.parse({ countries: ['VN'] }), target.id, now())).toBeNull()
  })
})

describe('the "ends within N days" filter', () => {
  it('keeps stores whose deadline is ahead with at most N days left, in each store’s own time', () => {
    const [apex, bloom, seoul, anh] = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    setDeadline(apex!.id, now() + 2 * DAY_MS)
    setDeadline(bloom!.id, now() - DAY_MS)
    setDeadline(seoul!.id, now() + 30 * DAY_MS)
    setDeadline(anh!.id, now() + 7 * DAY_MS)

    expect(names({ endsWithinDays: 7 })).toEqual(['Apex Flagship', 'Ánh Dương Mall'])
    expect(names({ endsWithinDays: 2 })).toEqual(['Apex Flagship'])
    expect(names({ endsWithinDays: 30 })).toEqual(['Apex Flagship', 'Seoul Style KR', 'Ánh Dương Mall'])
    expect(names({ endsWithinDays: 7, countries: ['VN'] })).toEqual(['Ánh Dương Mall'])
  })

  it('draws the line exactly where the rules’ days left pass N', () => {
    const start = now()
    for (const zone of ['Asia/Singapore', 'Asia/Bangkok', 'UTC']) {
      for (const days of [0, 1, 7, 14, 90]) {
        const cutoff = firstInstantBeyond(days, start, zone)
        expect(daysLeft(cutoff - 1, start, zone)).toBeLessThanOrEqual(days)
        expect(daysLeft(cutoff, start, zone)).toBeGreaterThan(days)
      }
    }

    const [apex, bloom] = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    const myCutoff = deadlineCutoffs(7, start).byCountry.find((c) => c.country === 'MY')!.before
    expect(myCutoff).toBe(firstInstantBeyond(7, start, timeZoneOf('MY')))
    setDeadline(apex!.id, myCutoff - 1)
    setDeadline(bloom!.id, myCutoff + 3_600_000 * 24 * 30)
    expect(names({ endsWithinDays: 7, countries: ['MY'] })).toEqual(['Apex Flagship'])
    setDeadline(apex!.id, myCutoff)
    expect(names({ endsWithinDays: 7, countries: ['MY'] })).toEqual([])
  })

  it('is refused past ten years and below zero', () => {
    expect(portfolioQuerySchema.safeParse({ endsWithinDays: -1 }).success).toBe(false)
    expect(portfolioQuerySchema.safeParse({ endsWithinDays: 3651 }).success).toBe(false)
    expect(portfolioQuerySchema.safeParse({ endsWithinDays: 1.5 }).success).toBe(false)
  })
})

describe('resolving a selection', () => {
  it('answers the named stores that still exist', () => {
    const [apex, bloom] = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now())
    core.stores.delete(bloom!.id)
    expect(resolve({ ids: [bloom!.id, apex!.id, 999] })).toEqual([apex!.id])
  })

  it('answers every store of a view but the excepted ones, in the view’s order', () => {
    const all = listStores(database.db, DEFAULT_PORTFOLIO_QUERY, now()).map((s) => s.id)
    expect(resolve({ allMatching: {} })).toEqual(all)
    expect(resolve({ allMatching: {}, except: [all[1]!] })).toEqual(all.filter((id) => id !== all[1]))
    const ben = listStores(database.db, portfolioQuerySchema.parse({ owners: ['Ben Tan'] }), now()).map((s) => s.id)
    expect(resolve({ allMatching: { owners: ['Ben Tan'] } })).toEqual(ben)
    expect(resolve({ allMatching: { statuses: ['archived'] } })).toHaveLength(1)
  })

  it('resolves 10,000 stores in one query', () => {
    const insert = database.sqlite.prepare(
      "INSERT INTO stores (client_name, store_name, country, tags, search_text, created_at, updated_at) VALUES (?, ?, 'SG', '[]', ?, 0, 0)"
    )
    database.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(`Bulk ${i}`, `Bulk store ${i}`, `bulk ${i}`)
    })()
    const bulk = resolve({ allMatching: { search: 'bulk' } })
    expect(bulk).toHaveLength(10_000)
    expect(resolve({ allMatching: { search: 'bulk' }, except: bulk.slice(0, 9_000) })).toEqual(bulk.slice(9_000))
    expect(resolve({ ids: bulk })).toHaveLength(10_000)
  })
})
