/**
 * The store page: the open store with its history, and the actions on it. Every action refreshes
 * the page and the portfolio list, so both show what main now holds.
 */
import { create } from 'zustand'
import type { Store, StoreDetail } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { usePortfolioStore } from './usePortfolioStore'

export type StoreDetailStatus = 'idle' | 'loading' | 'ready' | 'not-found' | 'error'

interface StoreDetailData {
  storeId: number | null
  detail: StoreDetail | null
  status: StoreDetailStatus
  error: string | null
  /** An archive, restore or delete is running: its buttons wait. */
  busy: boolean
}

interface StoreDetailActions {
  open(id: number): Promise<void>
  reload(): Promise<void>
  archive(id: number): Promise<Result<Store>>
  restore(id: number): Promise<Result<Store>>
  remove(id: number): Promise<Result<{ deleted: number }>>
}

export type StoreDetailState = StoreDetailData & StoreDetailActions

export const storeDetailInitialData: StoreDetailData = { storeId: null, detail: null, status: 'idle', error: null, busy: false }

export const useStoreDetailStore = create<StoreDetailState>()((set, get) => {
  async function fetchDetail(id: number): Promise<void> {
    const result = await api.stores.get({ id })
    // The KAM may have moved on to another store while this one loaded.
    if (get().storeId !== id) return
    if (result.ok) set({ detail: result.value, status: 'ready', error: null })
    else set({ detail: null, status: result.error.code === 'not-found' ? 'not-found' : 'error', error: result.error.message })
  }

  /** Runs an action, then refreshes this page (when it shows that store) and the list. */
  async function act<T>(id: number, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set({ busy: true })
    const result = await call()
    set({ busy: false })
    if (result.ok) {
      if (get().storeId === id) await fetchDetail(id)
      void usePortfolioStore.getState().load()
    }
    return result
  }

  return {
    ...storeDetailInitialData,

    async open(id) {
      const sameStore = get().storeId === id && get().detail !== null
      set({ storeId: id, status: sameStore ? 'ready' : 'loading', error: null, ...(sameStore ? {} : { detail: null }) })
      await fetchDetail(id)
    },

    async reload() {
      const id = get().storeId
      if (id !== null) await fetchDetail(id)
    },

    archive(id) {
      return act(id, () => api.stores.archive({ id }))
    },

    restore(id) {
      return act(id, () => api.stores.restore({ id }))
    },

    async remove(id) {
      set({ busy: true })
      const result = await api.stores.delete({ id, confirmed: true })
      set({ busy: false })
      if (result.ok) {
        if (get().storeId === id) set(storeDetailInitialData)
        const portfolio = usePortfolioStore.getState()
        if (portfolio.selectedId === id) portfolio.select(null)
        void portfolio.load()
      }
      return result
    }
  }
})

export function resetStoreDetailStore(): void {
  useStoreDetailStore.setState(storeDetailInitialData)
}
