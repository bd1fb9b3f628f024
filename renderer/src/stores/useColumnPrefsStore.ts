/**
 * How the KAM arranged each list's columns, loaded from main once and saved back a moment after
 * each change (a drag of a column edge, or ← → on it, saves once when the KAM stops).
 */
import { create } from 'zustand'
import { EMPTY_COLUMN_PREFS } from '../../../electron/shared/view-prefs'
import type { ColumnPrefs, ListView } from '../../../electron/shared/view-prefs'
import { api } from '../api/client'

/** Quiet time before a change is written. */
export const COLUMN_SAVE_DELAY_MS = 400

interface ColumnPrefsData {
  prefs: Partial<Record<ListView, ColumnPrefs>>
  error: string | null
}

interface ColumnPrefsActions {
  load(view: ListView): Promise<void>
  change(view: ListView, prefs: ColumnPrefs): void
  reset(view: ListView): void
}

export type ColumnPrefsState = ColumnPrefsData & ColumnPrefsActions

export const columnPrefsInitialData: ColumnPrefsData = { prefs: {}, error: null }

const saveTimers = new Map<ListView, ReturnType<typeof setTimeout>>()
/** Layouts being asked for, so two lists mounting at once ask once. */
const loading = new Set<ListView>()

export const useColumnPrefsStore = create<ColumnPrefsState>()((set, get) => ({
  ...columnPrefsInitialData,

  async load(view) {
    if (get().prefs[view] || loading.has(view)) return
    loading.add(view)
    const result = await api.views.columns({ view })
    loading.delete(view)
    // A change made while loading wins over what was stored.
    if (get().prefs[view]) return
    if (result.ok) set((s) => ({ prefs: { ...s.prefs, [view]: result.value } }))
    else set((s) => ({ prefs: { ...s.prefs, [view]: EMPTY_COLUMN_PREFS }, error: result.error.message }))
  },

  change(view, prefs) {
    set((s) => ({ prefs: { ...s.prefs, [view]: prefs } }))
    clearTimeout(saveTimers.get(view))
    saveTimers.set(
      view,
      setTimeout(() => {
        saveTimers.delete(view)
        void api.views.saveColumns({ view, prefs }).then((result) => set({ error: result.ok ? null : result.error.message }))
      }, COLUMN_SAVE_DELAY_MS)
    )
  },

  reset(view) {
    get().change(view, EMPTY_COLUMN_PREFS)
  }
}))

export function resetColumnPrefsStore(): void {
  for (const timer of saveTimers.values()) clearTimeout(timer)
  saveTimers.clear()
  loading.clear()
  useColumnPrefsStore.setState(columnPrefsInitialData)
}
