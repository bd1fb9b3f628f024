/**
 * What Lazada says, for the lists and the store page: `lazada:overview` marks the stores the
 * portfolio and the worklist badge (a disagreement, "cannot check", a refused token), and
 * `lazada:store` is the open store's answer beside the KAM's End Time. Reloaded after a check,
 * when stores change, and when the credentials change.
 */
import { create } from 'zustand'
import type { LazadaOverview, LazadaOverviewItem, StoreLazadaView } from '../../../electron/shared/lazada'
import { api } from '../api/client'

interface LazadaData {
  overview: LazadaOverview | null
  /** The overview's items by store id. */
  byStore: Record<number, LazadaOverviewItem>
  overviewLoaded: boolean
  overviewError: string | null
  /** The open store's view. */
  storeId: number | null
  store: StoreLazadaView | null
  storeStatus: 'idle' | 'loading' | 'ready' | 'error'
  storeError: string | null
}

interface LazadaActions {
  loadOverview(): Promise<void>
  /** Reloads the overview only when a list has shown it. */
  refreshOverview(): Promise<void>
  openStore(storeId: number): Promise<void>
  /** Reloads the open store's view (when it is `storeId`, if given). */
  reloadStore(storeId?: number): Promise<void>
}

export type LazadaState = LazadaData & LazadaActions

export const lazadaInitialData: LazadaData = {
  overview: null,
  byStore: {},
  overviewLoaded: false,
  overviewError: null,
  storeId: null,
  store: null,
  storeStatus: 'idle',
  storeError: null
}

let overviewSeq = 0
let storeSeq = 0

export const useLazadaStore = create<LazadaState>()((set, get) => ({
  ...lazadaInitialData,

  async loadOverview() {
    const mine = ++overviewSeq
    const result = await api.lazada.overview()
    if (mine !== overviewSeq) return
    if (result.ok) {
      const byStore = Object.fromEntries(result.value.items.map((item) => [item.storeId, item]))
      set({ overview: result.value, byStore, overviewLoaded: true, overviewError: null })
    } else {
      // The lists work without their badges: keep the last ones and say nothing louder.
      set({ overviewError: result.error.message })
    }
  },

  async refreshOverview() {
    if (get().overviewLoaded || get().overviewError !== null) await get().loadOverview()
  },

  async openStore(storeId) {
    const mine = ++storeSeq
    const same = get().storeId === storeId && get().store !== null
    set({ storeId, ...(same ? {} : { store: null, storeStatus: 'loading' as const, storeError: null }) })
    const result = await api.lazada.store({ storeId })
    if (mine !== storeSeq || get().storeId !== storeId) return
    if (result.ok) set({ store: result.value, storeStatus: 'ready', storeError: null })
    else set({ storeStatus: 'error', storeError: result.error.message, ...(same ? {} : { store: null }) })
  },

  async reloadStore(storeId) {
    const open = get().storeId
    if (open === null || (storeId !== undefined && storeId !== open)) return
    await get().openStore(open)
  }
}))

export function resetLazadaStore(): void {
  overviewSeq++
  storeSeq++
  useLazadaStore.setState(lazadaInitialData)
}
