/**
 * The home screen: counts by status, the needs-action worklist and the 90-day expiry view, for
 * every store or the KAM's own, and the worklist rows the KAM selected. The worklist comes a
 * window at a time (WORKLIST_PAGE_ROWS rows, the first with the dashboard), so every store that
 * needs action can be reached however long the list.
 */
import { create } from 'zustand'
import { WORKLIST_PAGE_ROWS } from '../../../electron/shared/monitoring'
import type { Dashboard, Snooze, SnoozeMode, WorklistItem } from '../../../electron/shared/monitoring'
import type { StoreScope } from '../../../electron/shared/my-stores'
import { DEFAULT_PORTFOLIO_QUERY } from '../../../electron/shared/portfolio'
import type { PortfolioQuery, StoreSelectionInput } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { NEEDS_ACTION_STATUSES } from '../../../electron/shared/status'
import { api } from '../api/client'
import type { SequenceStartInput } from '../../../electron/shared/store-sequence'
import { NO_SELECTION, hasSelection, isSelected, rangeBetween, selectAll, selectionSpec, setSelected, toggleSelected } from '../lib/selection'
import type { Selection } from '../lib/selection'

/** The worklist as a portfolio view: every store not archived whose status needs action. */
export const WORKLIST_QUERY: PortfolioQuery = { ...DEFAULT_PORTFOLIO_QUERY, statuses: [...NEEDS_ACTION_STATUSES] }

/** The worklist of a dashboard as a portfolio view: narrowed to the KAM's owner names in "My stores". */
export function worklistQuery(dashboard: Dashboard | null): PortfolioQuery {
  return dashboard?.scope === 'mine' ? { ...WORKLIST_QUERY, owners: [...dashboard.myOwnerNames] } : WORKLIST_QUERY
}

interface DashboardData {
  dashboard: Dashboard | null
  loaded: boolean
  loading: boolean
  error: string | null
  /** Stores whose snooze is being changed: their menus wait. */
  snoozing: number[]
  /** Worklist rows main sent, by window (WORKLIST_PAGE_ROWS rows each); window 0 comes with the dashboard. */
  pages: Record<number, WorklistItem[]>
  /** The scope switch is being changed. */
  scoping: boolean
  selection: Selection
  /** Index of the worklist row a Shift-click selects from. */
  anchor: number | null
  /** The worklist row the KAM is on: back from a store page opened from it. */
  highlightedId: number | null
}

interface DashboardActions {
  load(): Promise<void>
  /** Reloads only when the dashboard has been shown: other screens need not pay for it. */
  refresh(): Promise<void>
  /** All stores or "My stores": remembered in main. */
  setScope(scope: StoreScope): Promise<Result<Dashboard>>
  /** The worklist rows on screen: fetches the windows they need. */
  showRows(start: number, end: number): void
  snooze(storeId: number, mode: SnoozeMode): Promise<Result<Snooze>>
  unsnooze(storeId: number): Promise<Result<null>>
  /** A checkbox click, Space or Ctrl/Cmd-click on a worklist row; with `range`, from the anchor. */
  selectRow(index: number, gesture: { range: boolean }): Promise<void>
  /** Every store that needs action, listed or not. */
  selectAllNeedingAction(): void
  clearSelection(): boolean
  highlight(id: number | null): void
  /** The list a store opened from the worklist walks: its selected rows when it is one of several, else the worklist, in its order. */
  sequenceFor(storeId: number): SequenceStartInput
  /** The selection for main to resolve (bulk actions, issue #10). */
  selectionSpec(): StoreSelectionInput
}

export type DashboardState = DashboardData & DashboardActions

export const dashboardInitialData: DashboardData = {
  dashboard: null,
  loaded: false,
  loading: false,
  error: null,
  snoozing: [],
  pages: {},
  scoping: false,
  selection: NO_SELECTION,
  anchor: null,
  highlightedId: null
}

/** The worklist row at an index, if main has sent it. */
export function worklistRowAt(pages: DashboardData['pages'], index: number): WorklistItem | undefined {
  return pages[Math.floor(index / WORKLIST_PAGE_ROWS)]?.[index % WORKLIST_PAGE_ROWS]
}

let requestSeq = 0
/** Windows asked for since the last dashboard arrived. */
let asked = new Set<number>()
/** The rows the worklist showed last. */
let shown = { start: 0, end: 0 }

export const useDashboardStore = create<DashboardState>()((set, get) => {
  async function changeSnooze<T>(storeId: number, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set((s) => ({ snoozing: [...s.snoozing, storeId] }))
    const result = await call()
    set((s) => ({ snoozing: s.snoozing.filter((id) => id !== storeId) }))
    if (result.ok) await get().refresh()
    return result
  }

  async function fetchPage(page: number, seq: number): Promise<void> {
    asked.add(page)
    const result = await api.dashboard.worklist({ offset: page * WORKLIST_PAGE_ROWS, limit: WORKLIST_PAGE_ROWS })
    if (seq !== requestSeq) return
    if (!result.ok) {
      asked.delete(page)
      set({ error: result.error.message })
      return
    }
    set((s) => ({ pages: { ...s.pages, [page]: result.value.items } }))
  }

  function fetchShown(): void {
    const total = get().dashboard?.needsAction ?? 0
    if (total === 0) return
    const last = Math.min(shown.end, total - 1)
    for (let page = Math.floor(shown.start / WORKLIST_PAGE_ROWS); page <= Math.floor(last / WORKLIST_PAGE_ROWS); page++) {
      if (!asked.has(page)) void fetchPage(page, requestSeq)
    }
  }

  /** A new dashboard: its first window replaces every row shown; the others are asked again. */
  function arrived(dashboard: Dashboard): void {
    asked = new Set([0])
    set({ dashboard, pages: { 0: dashboard.worklist }, loaded: true, loading: false, error: null })
    fetchShown()
  }

  /** The rows from `from` to `to`, fetched where main has not sent them. */
  async function rowsBetween(from: number, to: number): Promise<WorklistItem[]> {
    const rows: WorklistItem[] = []
    for (let index = from; index <= to; index++) {
      let row = worklistRowAt(get().pages, index)
      if (!row) {
        const page = Math.floor(index / WORKLIST_PAGE_ROWS)
        await fetchPage(page, requestSeq)
        row = worklistRowAt(get().pages, index)
      }
      if (row) rows.push(row)
    }
    return rows
  }

  return {
    ...dashboardInitialData,

    async load() {
      const seq = ++requestSeq
      set({ loading: true })
      const result = await api.dashboard.get()
      if (seq !== requestSeq) return
      if (result.ok) arrived(result.value)
      else set({ loading: false, error: result.error.message })
    },

    async refresh() {
      if (get().loaded || get().error !== null) await get().load()
    },

    async setScope(scope) {
      const seq = ++requestSeq
      set({ scoping: true })
      const result = await api.dashboard.setScope({ scope })
      if (seq !== requestSeq) return result
      set({ scoping: false })
      if (result.ok) {
        // Another set of stores: the rows picked in the other are not these.
        set({ selection: NO_SELECTION, anchor: null })
        shown = { start: 0, end: 0 }
        arrived(result.value)
      }
      return result
    },

    showRows(start, end) {
      shown = { start, end }
      fetchShown()
    },

    snooze(storeId, mode) {
      return changeSnooze(storeId, () => api.reminders.snooze({ storeId, mode }))
    },

    unsnooze(storeId) {
      return changeSnooze(storeId, () => api.reminders.unsnooze({ storeId }))
    },

    async selectRow(index, { range }) {
      const { anchor } = get()
      if (range && anchor !== null) {
        const { from, to } = rangeBetween(anchor, index)
        const ids = (await rowsBetween(from, to)).map((item) => item.storeId)
        set((s) => ({ selection: setSelected(s.selection, ids, true) }))
        return
      }
      const item = worklistRowAt(get().pages, index)
      if (item) set((s) => ({ selection: toggleSelected(s.selection, item.storeId), anchor: index }))
    },

    selectAllNeedingAction() {
      set({ selection: selectAll(), anchor: null })
    },

    clearSelection() {
      if (!hasSelection(get().selection)) return false
      set({ selection: NO_SELECTION, anchor: null })
      return true
    },

    highlight(id) {
      set({ highlightedId: id })
    },

    sequenceFor(storeId) {
      const { selection, pages } = get()
      // The rows main has sent, in its order (the windows loaded so far, without gaps).
      const ids: number[] = []
      for (let window = 0; pages[window]; window++) ids.push(...pages[window]!.map((item) => item.storeId))
      const selected = ids.filter((id) => isSelected(selection, id))
      const inSelection = selected.length > 1 && selected.includes(storeId)
      return { origin: 'worklist', ids: inSelection ? selected : ids.length ? ids : [storeId] }
    },

    selectionSpec() {
      return selectionSpec(get().selection, worklistQuery(get().dashboard))
    }
  }
})

export function resetDashboardStore(): void {
  requestSeq++
  asked = new Set()
  shown = { start: 0, end: 0 }
  useDashboardStore.setState(dashboardInitialData)
}
