/** The home screen: counts by status, the needs-action worklist and the 90-day expiry view. */
import { create } from 'zustand'
import type { Dashboard, Snooze, SnoozeMode } from '../../../electron/shared/monitoring'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

interface DashboardData {
  dashboard: Dashboard | null
  loaded: boolean
  loading: boolean
  error: string | null
  /** Stores whose snooze is being changed: their menus wait. */
  snoozing: number[]
}

interface DashboardActions {
  load(): Promise<void>
  /** Reloads only when the dashboard has been shown: other screens need not pay for it. */
  refresh(): Promise<void>
  snooze(storeId: number, mode: SnoozeMode): Promise<Result<Snooze>>
  unsnooze(storeId: number): Promise<Result<null>>
}

export type DashboardState = DashboardData & DashboardActions

export const dashboardInitialData: DashboardData = { dashboard: null, loaded: false, loading: false, error: null, snoozing: [] }

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
    }
  }
})

export function resetDashboardStore(): void {
  requestSeq++
  useDashboardStore.setState(dashboardInitialData)
}
