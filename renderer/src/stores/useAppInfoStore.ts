/** Version and data folder, asked once and shown in the About popover. */
import { create } from 'zustand'
import type { AppInfo } from '../../../electron/shared/ipc-contract'
import { api } from '../api/client'

interface AppInfoState {
  info: AppInfo | null
  error: string | null
  load(): Promise<void>
}

export const useAppInfoStore = create<AppInfoState>()((set, get) => ({
  info: null,
  error: null,
  async load() {
    if (get().info) return
    const result = await api.app.info()
    set(result.ok ? { info: result.value, error: null } : { error: result.error.message })
  }
}))

export function resetAppInfoStore(): void {
  useAppInfoStore.setState({ info: null, error: null })
}
