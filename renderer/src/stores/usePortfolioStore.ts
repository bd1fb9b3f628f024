/**
 * The portfolio view: its query (search, filters, sort), the rows main sent for it, the
 * highlighted row and the rows the KAM selected. Filtering and sorting run in main, which answers
 * one window of rows at a time with the view's count: the table asks for the pages it shows (and
 * the next ones), so a keystroke at 10,000 stores fetches one page, not the whole list. Every
 * request belongs to a generation (a query or a reload); answers of an older one are dropped.
 */
import { create } from 'zustand'
import { DEFAULT_PORTFOLIO_QUERY, MAX_PAGE_ROWS } from '../../../electron/shared/portfolio'
import type { ExportResult, PortfolioFacets, PortfolioQuery, PortfolioStatus, SortableColumn, Store, StoreSelectionInput } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import type { SequenceStartInput } from '../../../electron/shared/store-sequence'
import { NO_SELECTION, hasSelection, isSelected, rangeBetween, selectAll, selectedCount, selectionSpec, setSelected, toggleSelected } from '../lib/selection'
import type { Selection } from '../lib/selection'

export type PortfolioFilterKey = 'countries' | 'owners' | 'tags' | 'statuses'

/** Long enough to skip the requests between keystrokes, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 150

/** Rows per request: about three screens. */
export const PAGE_ROWS = 100

/** Columns where the newest first is the useful first click. */
const DESCENDING_FIRST: readonly SortableColumn[] = ['updatedAt', 'createdAt']

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

interface PortfolioData {
  query: PortfolioQuery
  /** Rows main sent for the view shown, by page (PAGE_ROWS rows each). */
  pages: Record<number, Store[]>
  /** Rows in the view shown. */
  total: number
  portfolioSize: number
  facets: PortfolioFacets
  /** True once a first answer arrived: tells "loading" from "empty". */
  loaded: boolean
  /** Main is answering a new view (a search, a filter, a reload). */
  loading: boolean
  error: string | null
  /** The row the KAM is on: back from a store page, or a store just added. */
  highlightedId: number | null
  /** Counts the views shown: the table goes back to the top when a new one arrives. */
  viewSeq: number
  /** Counts the answers that replaced the rows shown (a new view or a reload): rows may have moved. */
  dataSeq: number
  selection: Selection
  /** Index of the row a Shift-click or Shift+arrow selects from. */
  anchor: number | null
}

interface PortfolioActions {
  /** Asks again for the view shown (after changes in main), keeping the KAM's place in it. */
  load(): Promise<void>
  /** The rows the table shows now: fetches the pages they need, and the next ones. */
  showRows(start: number, end: number): void
  setSearch(search: string): void
  setFilter<K extends PortfolioFilterKey>(key: K, values: PortfolioQuery[K]): void
  setEndsWithin(days: number | null): void
  toggleSort(column: SortableColumn): void
  clearFilters(): void
  /** Narrows the view to given stores (a digest notification's), or shows all again with []. */
  setStoreIds(ids: number[]): void
  /** The dashboard's count cards: only stores in this status, every other filter cleared. */
  showOnlyStatus(status: PortfolioStatus): void
  highlight(id: number | null): void
  /** Where a store stands in the view shown, asking main when its row is not loaded. */
  locate(id: number): Promise<number | null>
  /** A click on a row's checkbox, Space, Ctrl/Cmd-click; with `range`, from the anchor to here. */
  selectRow(index: number, gesture: { range: boolean }): Promise<void>
  selectAllMatching(): void
  /** Answers whether there was a selection to clear. */
  clearSelection(): boolean
  /** The selection for main to resolve (bulk actions, issue #10). */
  selectionSpec(): StoreSelectionInput
  /** The list a store opened from here walks: the selected rows when it is one of several, else the whole view, in its order. */
  sequenceFor(storeId: number): SequenceStartInput
  exportCsv(): Promise<Result<ExportResult>>
  /** The view as an Excel workbook (real date cells). */
  exportXlsx(): Promise<Result<ExportResult>>
  /** The view's deadlines within the next `days` days as an .ics calendar. */
  exportCalendar(days: number): Promise<Result<ExportResult>>
}

export type PortfolioState = PortfolioData & PortfolioActions

export const portfolioInitialData: PortfolioData = {
  query: DEFAULT_PORTFOLIO_QUERY,
  pages: {},
  total: 0,
  portfolioSize: 0,
  facets: { countries: [], owners: [], tags: [] },
  loaded: false,
  loading: false,
  error: null,
  highlightedId: null,
  viewSeq: 0,
  dataSeq: 0,
  selection: NO_SELECTION,
  anchor: null
}

/** The row at `index` of the view shown, if main has sent it. */
export function rowAt(pages: PortfolioData['pages'], index: number): Store | undefined {
  return pages[Math.floor(index / PAGE_ROWS)]?.[index % PAGE_ROWS]
}

/** Search or a filter narrows the view (the stores of a reminder are shown, and cleared, apart). */
export function isFiltered(query: PortfolioQuery): boolean {
  return (
    query.search.trim() !== '' ||
    query.countries.length > 0 ||
    query.owners.length > 0 ||
    query.tags.length > 0 ||
    query.statuses.length > 0 ||
    query.endsWithinDays !== null
  )
}

let searchTimer: ReturnType<typeof setTimeout> | undefined
/** The current generation: a new query or a reload starts one; older answers are dropped. */
let generation = 0
/** The generation the shown pages belong to. */
let pagesGeneration = 0
/** Pages asked for in the current generation. */
let asked = new Set<number>()
/** The rows the table showed last. */
let shown = { start: 0, end: 0 }

export const usePortfolioStore = create<PortfolioState>()((set, get) => {
  /** Pages covering the rows shown, and half a page either side so scrolling finds them ready. */
  function wantedPages(): number[] {
    const margin = PAGE_ROWS / 2
    const last = Math.max(get().total - 1, 0)
    const first = Math.floor(Math.max(shown.start - margin, 0) / PAGE_ROWS)
    const end = Math.floor(Math.min(shown.end + margin, last) / PAGE_ROWS)
    return Array.from({ length: Math.max(end - first + 1, 1) }, (_, i) => first + i)
  }

  async function fetchPage(page: number, mine: number, fresh: { resetScroll: boolean }): Promise<void> {
    asked.add(page)
    const result = await api.stores.list({ ...get().query, offset: page * PAGE_ROWS, limit: PAGE_ROWS })
    if (mine !== generation) return
    if (!result.ok) {
      asked.delete(page)
      set({ loading: false, error: result.error.message })
      return
    }
    const { stores, total, portfolioSize } = result.value
    // The first answer of a generation replaces what the view showed before it.
    const first = pagesGeneration !== mine
    pagesGeneration = mine
    set((s) => ({
      pages: first ? { [page]: stores } : { ...s.pages, [page]: stores },
      total,
      portfolioSize,
      loaded: true,
      loading: false,
      error: null,
      viewSeq: first && fresh.resetScroll ? s.viewSeq + 1 : s.viewSeq,
      dataSeq: first ? s.dataSeq + 1 : s.dataSeq
    }))
    fillShown()
  }

  /** Asks for the pages the table shows that the current generation has not asked for yet. */
  function fillShown(): void {
    if (pagesGeneration !== generation) return
    for (const page of wantedPages()) if (!asked.has(page)) void fetchPage(page, generation, { resetScroll: false })
  }

  /** A new generation: asks for the pages in view (the first one when the view is new). */
  async function startGeneration(newView: boolean): Promise<void> {
    const mine = ++generation
    asked = new Set()
    set({ loading: true })
    const pages = newView || !get().loaded ? [0] : wantedPages()
    await Promise.all(pages.map((page) => fetchPage(page, mine, { resetScroll: newView })))
  }

  function changeQuery(next: PortfolioQuery, when: 'now' | 'after-typing'): void {
    clearTimeout(searchTimer)
    // "All matching" belongs to the view it was made in; picked rows stay picked.
    set((s) => ({ query: next, selection: s.selection.mode === 'all' ? NO_SELECTION : s.selection, anchor: null }))
    if (when === 'now') void startGeneration(true)
    else searchTimer = setTimeout(() => void startGeneration(true), SEARCH_DEBOUNCE_MS)
  }

  /** The ids of rows `from`..`to` of the view: from the loaded pages, else from main. */
  async function idsBetween(from: number, to: number): Promise<number[] | null> {
    const { pages, query } = get()
    const loaded: number[] = []
    for (let index = from; index <= to; index++) {
      const row = rowAt(pages, index)
      if (!row) break
      loaded.push(row.id)
    }
    if (loaded.length === to - from + 1) return loaded
    const ids: number[] = []
    for (let offset = from; offset <= to; offset += MAX_PAGE_ROWS) {
      const result = await api.stores.ids({ ...query, offset, limit: Math.min(MAX_PAGE_ROWS, to - offset + 1) })
      if (!result.ok) {
        set({ error: result.error.message })
        return null
      }
      ids.push(...result.value.ids)
    }
    return ids
  }

  return {
    ...portfolioInitialData,

    async load() {
      await startGeneration(false)
      // After the rows: main answers in turn, and the filters' choices can wait a moment.
      const facets = await api.stores.facets()
      if (facets.ok) set({ facets: facets.value })
    },

    showRows(start, end) {
      shown = { start, end }
      fillShown()
    },

    setSearch(search) {
      changeQuery({ ...get().query, search }, 'after-typing')
    },

    setFilter(key, values) {
      changeQuery({ ...get().query, [key]: values }, 'now')
    },

    setEndsWithin(days) {
      changeQuery({ ...get().query, endsWithinDays: days }, 'after-typing')
    },

    toggleSort(column) {
      const { sort } = get().query
      const direction =
        sort.column === column ? (sort.direction === 'asc' ? 'desc' : 'asc') : DESCENDING_FIRST.includes(column) ? 'desc' : 'asc'
      changeQuery({ ...get().query, sort: { column, direction } }, 'now')
    },

    clearFilters() {
      const { sort, storeIds } = get().query
      changeQuery({ ...DEFAULT_PORTFOLIO_QUERY, sort, storeIds }, 'now')
    },

    setStoreIds(ids) {
      if (sameIds(ids, get().query.storeIds)) return
      changeQuery({ ...get().query, storeIds: ids }, 'now')
    },

    showOnlyStatus(status) {
      changeQuery({ ...DEFAULT_PORTFOLIO_QUERY, sort: get().query.sort, statuses: [status] }, 'now')
    },

    highlight(id) {
      set({ highlightedId: id })
    },

    async locate(id) {
      const { pages, query } = get()
      for (const [page, rows] of Object.entries(pages)) {
        const at = rows.findIndex((row) => row.id === id)
        if (at >= 0) return Number(page) * PAGE_ROWS + at
      }
      const result = await api.stores.locate({ query, storeId: id })
      return result.ok ? result.value.index : null
    },

    async selectRow(index, { range }) {
      const { anchor, pages } = get()
      if (range && anchor !== null) {
        const { from, to } = rangeBetween(anchor, index)
        const ids = await idsBetween(from, to)
        if (ids) set((s) => ({ selection: setSelected(s.selection, ids, true) }))
        return
      }
      const row = rowAt(pages, index)
      if (!row) return
      set((s) => ({ selection: toggleSelected(s.selection, row.id), anchor: index }))
    },

    selectAllMatching() {
      set({ selection: selectAll(), anchor: null })
    },

    clearSelection() {
      if (!hasSelection(get().selection)) return false
      set({ selection: NO_SELECTION, anchor: null })
      return true
    },

    selectionSpec() {
      return selectionSpec(get().selection, get().query)
    },

    sequenceFor(storeId) {
      const { selection, query, total } = get()
      const inSelection = isSelected(selection, storeId) && selectedCount(selection, total) > 1
      return inSelection ? { origin: 'portfolio', view: query, selection: selectionSpec(selection, query) } : { origin: 'portfolio', view: query }
    },

    exportCsv() {
      return api.stores.exportCsv({ query: get().query })
    },
    exportXlsx() {
      return api.stores.exportXlsx({ query: get().query })
    },
    exportCalendar(days) {
      return api.stores.exportIcs({ query: get().query, days })
    }
  }
})

/** Back to a fresh store, with no search waiting to fire (tests, and a future "reset view"). */
export function resetPortfolioStore(): void {
  clearTimeout(searchTimer)
  generation++
  pagesGeneration = 0
  asked = new Set()
  shown = { start: 0, end: 0 }
  usePortfolioStore.setState(portfolioInitialData)
}
