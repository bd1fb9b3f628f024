/**
 * The portfolio view: its query (search, filters, sort), the rows main answered with, and the
 * highlighted row. Filtering and sorting run in main; this store only decides when to ask.
 */
import { create } from 'zustand'
import { DEFAULT_PORTFOLIO_QUERY } from '../../../electron/shared/portfolio'
import type { ExportResult, PortfolioFacets, PortfolioQuery, PortfolioStatus, SortableColumn, Store } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

export type PortfolioFilterKey = 'countries' | 'owners' | 'tags' | 'statuses'

/** Long enough to skip the requests between keystrokes, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 150

/** Columns where the newest first is the useful first click. */
const DESCENDING_FIRST: readonly SortableColumn[] = ['updatedAt', 'createdAt']

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

interface PortfolioData {
  query: PortfolioQuery
  stores: Store[]
  portfolioSize: number
  facets: PortfolioFacets
  /** True once a first answer arrived: tells "loading" from "empty". */
  loaded: boolean
  loading: boolean
  error: string | null
  selectedId: number | null
}

interface PortfolioActions {
  load(): Promise<void>
  setSearch(search: string): void
  setFilter<K extends PortfolioFilterKey>(key: K, values: PortfolioQuery[K]): void
  toggleSort(column: SortableColumn): void
  clearFilters(): void
  /** Narrows the view to given stores (a digest notification's), or shows all again with []. */
  setStoreIds(ids: number[]): void
  /** The dashboard's count cards: only stores in this status, every other filter cleared. */
  showOnlyStatus(status: PortfolioStatus): void
  select(id: number | null): void
  exportCsv(): Promise<Result<ExportResult>>
}

export type PortfolioState = PortfolioData & PortfolioActions

export const portfolioInitialData: PortfolioData = {
  query: DEFAULT_PORTFOLIO_QUERY,
  stores: [],
  portfolioSize: 0,
  facets: { countries: [], owners: [], tags: [] },
  loaded: false,
  loading: false,
  error: null,
  selectedId: null
}

let searchTimer: ReturnType<typeof setTimeout> | undefined
/** Each request's number; an answer that is not the latest one is dropped. */
let requestSeq = 0

/** Search or a filter narrows the view (the stores of a reminder are shown, and cleared, apart). */
export function isFiltered(query: PortfolioQuery): boolean {
  return (
    query.search.trim() !== '' ||
    query.countries.length > 0 ||
    query.owners.length > 0 ||
    query.tags.length > 0 ||
    query.statuses.length > 0
  )
}

export const usePortfolioStore = create<PortfolioState>()((set, get) => {
  function loadSoon(): void {
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => void get().load(), SEARCH_DEBOUNCE_MS)
  }

  function loadNow(): void {
    clearTimeout(searchTimer)
    void get().load()
  }

  return {
    ...portfolioInitialData,

    async load() {
      const seq = ++requestSeq
      const query = get().query
      set({ loading: true })
      const result = await api.stores.list(query)
      if (seq !== requestSeq) return
      if (result.ok) {
        const { stores, portfolioSize, facets } = result.value
        set({ stores, portfolioSize, facets, loaded: true, loading: false, error: null })
      } else {
        set({ loading: false, error: result.error.message })
      }
    },

    setSearch(search) {
      set((s) => ({ query: { ...s.query, search } }))
      loadSoon()
    },

    setFilter(key, values) {
      set((s) => ({ query: { ...s.query, [key]: values } }))
      loadNow()
    },

    toggleSort(column) {
      const { sort } = get().query
      const direction =
        sort.column === column ? (sort.direction === 'asc' ? 'desc' : 'asc') : DESCENDING_FIRST.includes(column) ? 'desc' : 'asc'
      set((s) => ({ query: { ...s.query, sort: { column, direction } } }))
      loadNow()
    },

    clearFilters() {
      set((s) => ({ query: { ...DEFAULT_PORTFOLIO_QUERY, sort: s.query.sort, storeIds: s.query.storeIds } }))
      loadNow()
    },

    setStoreIds(ids) {
      if (sameIds(ids, get().query.storeIds)) return
      set((s) => ({ query: { ...s.query, storeIds: ids } }))
      loadNow()
    },

    showOnlyStatus(status) {
      set((s) => ({ query: { ...DEFAULT_PORTFOLIO_QUERY, sort: s.query.sort, statuses: [status] } }))
      loadNow()
    },

    select(id) {
      set({ selectedId: id })
    },

    exportCsv() {
      return api.stores.exportCsv({ query: get().query })
    }
  }
})

/** Back to a fresh store, with no search waiting to fire (tests, and a future "reset view"). */
export function resetPortfolioStore(): void {
  clearTimeout(searchTimer)
  requestSeq++
  usePortfolioStore.setState(portfolioInitialData)
}
