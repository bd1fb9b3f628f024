/**
 * The store page: the open store with its history, records, status and reminders, and the actions
 * on it. Every action refreshes the page, the portfolio list and the dashboard, so all show what
 * main now holds.
 */
import { create } from 'zustand'
import type { Snooze, SnoozeMode } from '../../../electron/shared/monitoring'
import type { Store, StoreDetail } from '../../../electron/shared/portfolio'
import type { AuthorizationInput, SubscriptionInput } from '../../../electron/shared/records'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { useDashboardStore } from './useDashboardStore'
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
  saveSubscription(storeId: number, subscription: SubscriptionInput): Promise<Result<StoreDetail>>
  removeSubscription(storeId: number): Promise<Result<StoreDetail>>
  recordAuthorization(storeId: number, authorization: AuthorizationInput): Promise<Result<StoreDetail>>
  removeAuthorization(storeId: number, authorizationId: number): Promise<Result<StoreDetail>>
  markReconnected(storeId: number): Promise<Result<StoreDetail>>
  snooze(storeId: number, mode: SnoozeMode): Promise<Result<Snooze>>
  unsnooze(storeId: number): Promise<Result<null>>
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

  function refreshLists(): void {
    void usePortfolioStore.getState().load()
    void useDashboardStore.getState().refresh()
  }

  /** Runs an action, then refreshes this page (when it shows that store) and the lists. */
  async function act<T>(id: number, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set({ busy: true })
    const result = await call()
    set({ busy: false })
    if (result.ok) {
      if (get().storeId === id) await fetchDetail(id)
      refreshLists()
    }
    return result
  }

  /** Record changes answer with the fresh store page: shown as is, no second request. */
  async function record(id: number, call: () => Promise<Result<StoreDetail>>): Promise<Result<StoreDetail>> {
    set({ busy: true })
    const result = await call()
    set({ busy: false })
    if (result.ok) {
      if (get().storeId === id) set({ detail: result.value, status: 'ready', error: null })
      refreshLists()
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
        if (portfolio.highlightedId === id) portfolio.highlight(null)
        void portfolio.load()
        void useDashboardStore.getState().refresh()
      }
      return result
    },

    saveSubscription(storeId, subscription) {
      return record(storeId, () => api.subscriptions.save({ storeId, subscription }))
    },

    removeSubscription(storeId) {
      return record(storeId, () => api.subscriptions.remove({ storeId }))
    },

    recordAuthorization(storeId, authorization) {
      return record(storeId, () => api.authorizations.record({ storeId, authorization }))
    },

    removeAuthorization(storeId, authorizationId) {
      return record(storeId, () => api.authorizations.remove({ storeId, authorizationId }))
    },

    markReconnected(storeId) {
      return record(storeId, () => api.authorizations.markReconnected({ storeId }))
    },

    snooze(storeId, mode) {
      return act(storeId, () => api.reminders.snooze({ storeId, mode }))
    },

    unsnooze(storeId) {
      return act(storeId, () => api.reminders.unsnooze({ storeId }))
    }
  }
})

export function resetStoreDetailStore(): void {
  useStoreDetailStore.setState(storeDetailInitialData)
}
