/**
 * Settings → Lazada connection: whether the app secret is set (never the secret itself), how this
 * computer protects it, what else Lazada checks need, and the last "Test connection". Main sends
 * `credentials:changed` when the secret is saved, cleared or found unreadable, from any window.
 */
import { create } from 'zustand'
import type { CoveredCountry } from '../../../electron/shared/countries'
import type { ConnectionTestResult, LazadaCredentialsView, SaveSecretResult } from '../../../electron/shared/lazada'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

export type CredentialsBusy = 'save' | 'clear' | 'test' | null

interface CredentialsData {
  credentials: LazadaCredentialsView | null
  loaded: boolean
  error: string | null
  busy: CredentialsBusy
}

interface CredentialsActions {
  load(): Promise<void>
  /** Reloads only when something has shown the credentials. */
  refresh(): Promise<void>
  /** Saves the secret; `allowUnprotected` only after the KAM agreed to keep it without protection. */
  saveSecret(secret: string, allowUnprotected?: boolean): Promise<Result<SaveSecretResult>>
  clearSecret(): Promise<Result<LazadaCredentialsView>>
  test(input: { country?: CoveredCountry; shortCode?: string }): Promise<Result<ConnectionTestResult>>
  /** Main says the credentials changed. */
  received(view: LazadaCredentialsView): void
}

export type CredentialsState = CredentialsData & CredentialsActions

export const credentialsInitialData: CredentialsData = { credentials: null, loaded: false, error: null, busy: null }

let requestSeq = 0

export const useCredentialsStore = create<CredentialsState>()((set, get) => ({
  ...credentialsInitialData,

  async load() {
    const mine = ++requestSeq
    const result = await api.credentials.get()
    if (mine !== requestSeq) return
    if (result.ok) set({ credentials: result.value, loaded: true, error: null })
    else set({ error: result.error.message })
  },

  async refresh() {
    if (get().loaded || get().error !== null) await get().load()
  },

  async saveSecret(secret, allowUnprotected = false) {
    set({ busy: 'save' })
    const result = await api.credentials.saveSecret({ secret, allowUnprotected })
    set({ busy: null })
    if (result.ok) {
      requestSeq++
      set({ credentials: result.value.credentials, loaded: true, error: null })
    }
    return result
  },

  async clearSecret() {
    set({ busy: 'clear' })
    const result = await api.credentials.clearSecret()
    set({ busy: null })
    if (result.ok) {
      requestSeq++
      set({ credentials: result.value, loaded: true, error: null })
    }
    return result
  },

  async test(input) {
    set({ busy: 'test' })
    const result = await api.credentials.test(input)
    set({ busy: null })
    const current = get().credentials
    if (result.ok && current) set({ credentials: { ...current, lastTest: result.value } })
    return result
  },

  received(view) {
    requestSeq++
    set({ credentials: view, loaded: true, error: null })
  }
}))

/** Why scheduled checks do not ask Lazada, in main's words, or null when they do (as `lazada:overview` says it). */
export function remoteChecksOffReason(view: LazadaCredentialsView): string | null {
  if (view.remoteChecks) return null
  if (view.secret !== 'set') return view.message
  return view.missing?.message ?? 'This build of Storewatch cannot call Lazada.'
}

export function resetCredentialsStore(): void {
  requestSeq++
  useCredentialsStore.setState(credentialsInitialData)
}
