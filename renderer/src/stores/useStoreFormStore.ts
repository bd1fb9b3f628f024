/** The add/edit store form: whether it is open, which store it edits, and saving it. */
import { create } from 'zustand'
import type { Store } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import type { StoreInput } from '../../../electron/shared/store-fields'
import { api } from '../api/client'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'
import { useStoreDetailStore } from './useStoreDetailStore'

interface StoreFormData {
  opened: boolean
  /** The store being edited; null while adding one. */
  editing: Store | null
  saving: boolean
  /** Counts openings, so each one starts from a fresh form. */
  session: number
}

interface StoreFormActions {
  openCreate(): void
  openEdit(store: Store): void
  close(): void
  save(store: StoreInput): Promise<Result<Store>>
}

export type StoreFormState = StoreFormData & StoreFormActions

export const storeFormInitialData: StoreFormData = { opened: false, editing: null, saving: false, session: 0 }

export const useStoreFormStore = create<StoreFormState>()((set, get) => ({
  ...storeFormInitialData,

  openCreate() {
    set((s) => ({ opened: true, editing: null, saving: false, session: s.session + 1 }))
  },

  openEdit(store) {
    set((s) => ({ opened: true, editing: store, saving: false, session: s.session + 1 }))
  },

  close() {
    if (!get().saving) set({ opened: false })
  },

  async save(store) {
    const editing = get().editing
    set({ saving: true })
    const result = editing ? await api.stores.update({ id: editing.id, store }) : await api.stores.create({ store })
    set({ saving: false })
    if (result.ok) {
      set({ opened: false })
      const portfolio = usePortfolioStore.getState()
      portfolio.highlight(result.value.id)
      void portfolio.load()
      void useDashboardStore.getState().refresh()
      if (useStoreDetailStore.getState().storeId === result.value.id) void useStoreDetailStore.getState().reload()
    }
    return result
  }
}))

export function resetStoreFormStore(): void {
  useStoreFormStore.setState(storeFormInitialData)
}
