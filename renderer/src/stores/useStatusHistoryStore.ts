/** The 90-day chart's data (`dashboard:history`): stores by status per day, from the recorded checks. */
import { create } from 'zustand'
import type { StatusHistory } from '../../../electron/shared/monitoring'
import { api } from '../api/client'

interface StatusHistoryData {
  history: StatusHistory | null
  error: string | null
}

interface StatusHistoryActions {
  load(): Promise<void>
}

export type StatusHistoryState = StatusHistoryData & StatusHistoryActions

export const statusHistoryInitialData: StatusHistoryData = { history: null, error: null }

export const useStatusHistoryStore = create<StatusHistoryState>()((set) => ({
  ...statusHistoryInitialData,

  async load() {
    const result = await api.dashboard.history()
    if (result.ok) set({ history: result.value, error: null })
    else set({ error: result.error.message })
  }
}))

export function resetStatusHistoryStore(): void {
  useStatusHistoryStore.setState(statusHistoryInitialData)
}
