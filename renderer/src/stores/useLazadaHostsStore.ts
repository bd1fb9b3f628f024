/**
 * Where this run sends the seller and its Lazada calls (Lazada's own hosts, or the start-up
 * option's), asked once for the shell's banner and Settings → Lazada connection; asked again after
 * a settings save, which drops hosts an earlier version had saved.
 */
import { create } from 'zustand'
import type { LazadaHostsView } from '../../../electron/shared/lazada-hosts'
import { api } from '../api/client'

interface LazadaHostsState {
  view: LazadaHostsView | null
  error: string | null
  load(): Promise<void>
  refresh(): Promise<void>
}

export const useLazadaHostsStore = create<LazadaHostsState>()((set, get) => ({
  view: null,
  error: null,
  async load() {
    if (get().view) return
    await get().refresh()
  },
  async refresh() {
    const result = await api.lazada.hosts()
    set(result.ok ? { view: result.value, error: null } : { error: result.error.message })
  }
}))

export function resetLazadaHostsStore(): void {
  useLazadaHostsStore.setState({ view: null, error: null })
}
