/**
 * The home screen: counts by status, the needs-action worklist and the 90-day expiry view, and
 * the worklist rows the KAM selected.
 */
import { create } from 'zustand'
import type { Dashboard, Snooze, SnoozeMode } from '../../../electron/shared/monitoring'
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

interface DashboardData {
  dashboard: Dashboard | null
  loaded: boolean
  loading: boolean
  error: string | null
  /** Stores whose snooze is being changed: their menus wait. */
  snoozing: number[]
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
  snooze(storeId: number, mode: SnoozeMode): Promise<Result<Snooze>>
  unsnooze(storeId: number): Promise<Result<null>>
  /** A checkbox click, Space or Ctrl/Cmd-click on a worklist row; with `range`, from the anchor. */
  selectRow(index: number, gesture: { range: boolean }): void
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
  selection: NO_SELECTION,
  anchor: null,
  highlightedId: null
}

let requestSeq = 0

export const useDashboardStore = create<DashboardState>()((set, get) => {
  async function changeSnooze<T>(storeId: number, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set((s) => ({ snoozing: [...s.snoozing, storeId] }))
    const result = await call()
    set((s) => ({ snoozing: s.snoozing.filter((id) => id !== storeId) }))
    if (result.ok) await get().refresh()
    return result
  }

  return {
    ...dashboardInitialData,

    async load() {
      const seq = ++requestSeq
      set({ loading: true })
      const result = await api.dashboard.get()
      if (seq !== requestSeq) return
      if (result.ok) set({ dashboard: result.value, loaded: true, loading: false, error: null })
      else set({ loading: false, error: result.error.message })
    },

    async refresh() {
      if (get().loaded || get().error !== null) await get().load()
    },

    snooze(storeId, mode) {
      return changeSnooze(storeId, () => api.reminders.snooze({ storeId, mode }))
    },

    unsnooze(storeId) {
      return changeSnooze(storeId, () => api.reminders.unsnooze({ storeId }))
    },

    selectRow(index, { range }) {
      const items = get().dashboard?.worklist ?? []
      const { anchor } = get()
      if (range && anchor !== null) {
        const { from, to } = rangeBetween(anchor, index)
        const ids = items.slice(from, to + 1).map((item) => item.storeId)
        set((s) => ({ selection: setSelected(s.selection, ids, true) }))
        return
      }
      const item = items[index]
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
      const { selection, dashboard } = get()
      const ids = (dashboard?.worklist ?? []).map((item) => item.storeId)
      const selected = ids.filter((id) => isSelected(selection, id))
      const inSelection = selected.length > 1 && selected.includes(storeId)
      return { origin: 'worklist', ids: inSelection ? selected : ids.length ? ids : [storeId] }
    },

    selectionSpec() {
      return selectionSpec(get().selection, WORKLIST_QUERY)
    }
  }
})

export function resetDashboardStore(): void {
  requestSeq++
  useDashboardStore.setState(dashboardInitialData)
}
