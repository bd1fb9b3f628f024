/** The KAM's settings: status policy, check schedule, reminders. Saving re-checks the portfolio in main. */
import { create } from 'zustand'
import type { Result } from '../../../electron/shared/result'
import type { AppSettings } from '../../../electron/shared/settings'
import { api } from '../api/client'
import { useCredentialsStore } from './useCredentialsStore'
import { useLazadaHostsStore } from './useLazadaHostsStore'
import { useLazadaStore } from './useLazadaStore'

interface SettingsData {
  settings: AppSettings | null
  loaded: boolean
  error: string | null
  saving: boolean
}

interface SettingsActions {
  load(): Promise<void>
  save(next: AppSettings): Promise<Result<AppSettings>>
}

export type SettingsState = SettingsData & SettingsActions

export const settingsInitialData: SettingsData = { settings: null, loaded: false, error: null, saving: false }

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...settingsInitialData,

  async load() {
    const result = await api.settings.get()
    if (result.ok) set({ settings: result.value, loaded: true, error: null })
    else set({ error: result.error.message })
  },

  async save(next) {
    set({ saving: true })
    const result = await api.settings.save(next)
    set({ saving: false })
    if (result.ok) {
      set({ settings: result.value, loaded: true, error: null })
      // The app key, the article code and the exchange setting are part of the Lazada connection.
      void useCredentialsStore.getState().refresh()
      void useLazadaStore.getState().refreshOverview()
      // A save drops the hosts an earlier version kept in the profile: their notice goes.
      void useLazadaHostsStore.getState().refresh()
    }
    return result
  }
}))

export function resetSettingsStore(): void {
  useSettingsStore.setState(settingsInitialData)
}
