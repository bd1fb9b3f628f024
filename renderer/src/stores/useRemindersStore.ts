/**
 * The notification centre: every reminder main fired, newest first, with read/unread. The unread
 * count is kept even before the centre is opened, for the header's badge.
 */
import { create } from 'zustand'
import type { ReminderItem, ReminderList } from '../../../electron/shared/monitoring'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

export type ReminderFilter = 'all' | 'unread'

/** The centre shows this many; main keeps the rest. */
export const REMINDER_PAGE = 500

interface RemindersData {
  reminders: ReminderItem[]
  unread: number
  filter: ReminderFilter
  loaded: boolean
  loading: boolean
  error: string | null
}

interface RemindersActions {
  load(): Promise<void>
  /** Reloads the list if it has been shown, else just the unread count. */
  refresh(): Promise<void>
  loadUnread(): Promise<void>
  setFilter(filter: ReminderFilter): void
  markRead(ids: number[]): Promise<Result<ReminderList>>
  markAllRead(): Promise<Result<ReminderList>>
  setUnread(unread: number): void
}

export type RemindersState = RemindersData & RemindersActions

export const remindersInitialData: RemindersData = { reminders: [], unread: 0, filter: 'all', loaded: false, loading: false, error: null }

let requestSeq = 0

export const useRemindersStore = create<RemindersState>()((set, get) => {
  async function mark(which: { ids: number[] } | { all: true }): Promise<Result<ReminderList>> {
    // Shown read at once, and kept in view (even under "Unread") until the list is loaded again.
    const at = Date.now()
    set((s) => ({
      reminders: s.reminders.map((r) => ('all' in which || which.ids.includes(r.id)) && r.readAt === null ? { ...r, readAt: at } : r)
    }))
    requestSeq++
    const result = await api.reminders.markRead(which)
    if (result.ok) set({ unread: result.value.unread })
    else void get().load()
    return result
  }

  return {
    ...remindersInitialData,

    async load() {
      const seq = ++requestSeq
      set({ loading: true })
      const result = await api.reminders.list({ unreadOnly: get().filter === 'unread', limit: REMINDER_PAGE })
      if (seq !== requestSeq) return
      if (result.ok) set({ reminders: result.value.reminders, unread: result.value.unread, loaded: true, loading: false, error: null })
      else set({ loading: false, error: result.error.message })
    },

    async refresh() {
      if (get().loaded || get().error !== null) await get().load()
      else await get().loadUnread()
    },

    async loadUnread() {
      const result = await api.reminders.list({ unreadOnly: true, limit: 1 })
      if (result.ok) set({ unread: result.value.unread })
    },

    setFilter(filter) {
      if (filter === get().filter) return
      set({ filter })
      void get().load()
    },

    markRead(ids) {
      return mark({ ids })
    },

    markAllRead() {
      return mark({ all: true })
    },

    setUnread(unread) {
      set({ unread })
    }
  }
})

export function resetRemindersStore(): void {
  requestSeq++
  useRemindersStore.setState(remindersInitialData)
}
