/**
 * The open store's authorization attempts ("Reauthorize" in Lazada's window, or a link for the
 * seller's own browser), the link being shown to the KAM, and what main said when a window attempt
 * ended (`authorizations:result`), kept per store until the KAM dismisses it or tries again.
 */
import { create } from 'zustand'
import type { AuthorizationAttempt, AuthorizationResult, LinkAttemptStart, WindowAttemptStart } from '../../../electron/shared/authorization'
import type { StoreDetail } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { useChecklistStore } from './useChecklistStore'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'
import { useStoreDetailStore } from './useStoreDetailStore'

export interface ShownLink {
  storeId: number
  attempt: AuthorizationAttempt
  url: string
}

interface AuthorizationData {
  storeId: number | null
  attempts: AuthorizationAttempt[]
  loaded: boolean
  error: string | null
  /** What is running: its buttons wait. */
  busy: 'window' | 'link' | 'confirm' | 'cancel' | null
  /** The latest `authorizations:result` per store, until dismissed or a new attempt starts. */
  results: Record<number, AuthorizationResult>
  /** The link shown in the "Send the link instead" dialog. */
  link: ShownLink | null
}

interface AuthorizationActions {
  load(storeId: number): Promise<void>
  openWindow(storeId: number): Promise<Result<WindowAttemptStart>>
  createLink(storeId: number): Promise<Result<LinkAttemptStart>>
  confirmLink(storeId: number, attemptId: number): Promise<Result<StoreDetail>>
  cancelAttempt(storeId: number, attemptId: number): Promise<Result<AuthorizationAttempt>>
  /** Main says a window attempt ended. */
  received(result: AuthorizationResult): void
  dismissResult(storeId: number): void
  closeLink(): void
}

export type AuthorizationState = AuthorizationData & AuthorizationActions

export const authorizationInitialData: AuthorizationData = { storeId: null, attempts: [], loaded: false, error: null, busy: null, results: {}, link: null }

let requestSeq = 0

/** Attempts the KAM withdrew here: main still reports them as abandoned, which is no news to the KAM. */
const withdrawn = new Set<number>()

/** The window attempt still waiting for the seller, if any (the newest first). */
export function pendingWindowAttempt(attempts: readonly AuthorizationAttempt[], now: number): AuthorizationAttempt | null {
  return attempts.find((a) => a.mode === 'window' && a.outcome === 'pending' && a.expiresAt > now) ?? null
}

export const useAuthorizationStore = create<AuthorizationState>()((set, get) => {
  function forget(storeId: number): Record<number, AuthorizationResult> {
    const results = { ...get().results }
    delete results[storeId]
    return results
  }

  /** After a change: this page's attempts, the store (status, history), its checklists and the lists. */
  function refresh(storeId: number, options: { detail?: boolean } = {}): void {
    if (get().storeId === storeId) void get().load(storeId)
    const detail = useStoreDetailStore.getState()
    if (options.detail !== false && detail.storeId === storeId) void detail.reload()
    const checklists = useChecklistStore.getState()
    if (checklists.storeId === storeId) void checklists.reload()
    void usePortfolioStore.getState().load()
    void useDashboardStore.getState().refresh()
  }

  return {
    ...authorizationInitialData,

    async load(storeId) {
      const mine = ++requestSeq
      if (get().storeId !== storeId) set({ storeId, attempts: [], loaded: false, error: null })
      const result = await api.authorizations.attempts({ storeId })
      if (mine !== requestSeq || get().storeId !== storeId) return
      if (result.ok) set({ attempts: result.value, loaded: true, error: null })
      else set({ error: result.error.message, loaded: true })
    },

    async openWindow(storeId) {
      set({ busy: 'window', results: forget(storeId) })
      const result = await api.authorizations.openWindow({ storeId })
      set({ busy: null })
      if (result.ok && result.value.status === 'opened') refresh(storeId)
      return result
    },

    async createLink(storeId) {
      set({ busy: 'link' })
      const result = await api.authorizations.createLink({ storeId })
      set({ busy: null })
      if (result.ok && result.value.status === 'created') {
        set({ link: { storeId, attempt: result.value.attempt, url: result.value.url }, results: forget(storeId) })
        if (get().storeId === storeId) void get().load(storeId)
        const detail = useStoreDetailStore.getState()
        if (detail.storeId === storeId) void detail.reload()
      }
      return result
    },

    async confirmLink(storeId, attemptId) {
      set({ busy: 'confirm' })
      const result = await api.authorizations.confirmLink({ storeId, attemptId })
      set({ busy: null })
      if (result.ok) {
        if (get().link?.attempt.id === attemptId) set({ link: null })
        const detail = useStoreDetailStore.getState()
        // The answer is the fresh store page: shown as is.
        if (detail.storeId === storeId) useStoreDetailStore.setState({ detail: result.value, status: 'ready', error: null })
        refresh(storeId, { detail: false })
      }
      return result
    },

    async cancelAttempt(storeId, attemptId) {
      set({ busy: 'cancel' })
      withdrawn.add(attemptId)
      const result = await api.authorizations.cancelAttempt({ attemptId })
      set({ busy: null })
      if (!result.ok) withdrawn.delete(attemptId)
      if (result.ok) {
        if (get().link?.attempt.id === attemptId) set({ link: null })
        if (get().storeId === storeId) {
          set({ attempts: get().attempts.map((a) => (a.id === attemptId ? result.value : a)) })
        }
        const detail = useStoreDetailStore.getState()
        if (detail.storeId === storeId) void detail.reload()
      }
      return result
    },

    received(result) {
      if (!(result.outcome === 'abandoned' && withdrawn.has(result.attemptId))) set({ results: { ...get().results, [result.storeId]: result } })
      refresh(result.storeId)
    },

    dismissResult(storeId) {
      set({ results: forget(storeId) })
    },

    closeLink() {
      set({ link: null })
    }
  }
})

export function resetAuthorizationStore(): void {
  requestSeq++
  withdrawn.clear()
  useAuthorizationStore.setState(authorizationInitialData)
}
