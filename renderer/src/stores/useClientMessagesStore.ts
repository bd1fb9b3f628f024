/**
 * "Message clients": the messages for the stores selected in a list, one per client, and which
 * of them the KAM logged as sent.
 */
import { create } from 'zustand'
import type { ClientBulkMessage, ClientBulkMessages, ClientMessagesLogged } from '../../../electron/shared/client-messages'
import type { StoreSelectionInput } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

interface ClientMessagesData {
  opened: boolean
  messages: ClientBulkMessages | null
  error: string | null
  /** Clients (by the message's first store) already logged as sent. */
  logged: number[]
  /** A "Log as sent" is being written. */
  logging: boolean
}

interface ClientMessagesActions {
  open(selection: StoreSelectionInput): Promise<void>
  close(): void
  /** Writes each message to its stores' history (one transaction in main). */
  logSent(messages: readonly ClientBulkMessage[]): Promise<Result<ClientMessagesLogged>>
}

export type ClientMessagesState = ClientMessagesData & ClientMessagesActions

export const clientMessagesInitialData: ClientMessagesData = { opened: false, messages: null, error: null, logged: [], logging: false }

/** A client's message is known by its first store: clients are named by their stores. */
export const messageKey = (message: ClientBulkMessage) => message.stores[0]!.id

let openSeq = 0

export const useClientMessagesStore = create<ClientMessagesState>()((set, get) => ({
  ...clientMessagesInitialData,

  async open(selection) {
    const mine = ++openSeq
    set({ ...clientMessagesInitialData, opened: true })
    const result = await api.messages.forClients({ selection })
    if (mine !== openSeq || !get().opened) return
    set(result.ok ? { messages: result.value } : { error: result.error.message })
  },

  close() {
    openSeq++
    set(clientMessagesInitialData)
  },

  async logSent(messages) {
    set({ logging: true })
    const result = await api.messages.logSent({ storeIds: messages.flatMap((m) => m.stores.map((s) => s.id)) })
    set((s) => ({ logging: false, logged: result.ok ? [...new Set([...s.logged, ...messages.map(messageKey)])] : s.logged }))
    return result
  }
}))

export function resetClientMessagesStore(): void {
  openSeq++
  useClientMessagesStore.setState(clientMessagesInitialData)
}
