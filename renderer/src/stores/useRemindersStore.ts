/**
 * The notification centre: its groups (check run × rung, most urgent first), the filter (all or
 * unread, status, owner) and the entries, loaded in pages as the list scrolls to them, so 10,000
 * entries cost the pages in view. The unread count is kept even before the centre is opened, for
 * the header's badge.
 */
import { create } from 'zustand'
import type { CentreEntry, ReminderCentre, ReminderCentreFilter, ReminderGroupResult, ReminderList, SnoozeMode } from '../../../electron/shared/monitoring'
import type { Result } from '../../../electron/shared/result'
import type { StoreStatus } from '../../../electron/shared/status'
import { api } from '../api/client'

export type ReminderFilter = 'all' | 'unread'

/** Entries per request: a page is what main answers at once; the list asks for the pages it shows. */
export const REMINDER_PAGE = 500

type CentreSummary = Omit<ReminderCentre, 'entries' | 'offset' | 'unread'>

interface RemindersData {
  unread: number
  filter: ReminderFilter
  statuses: StoreStatus[]
  owners: (string | null)[]
  centre: CentreSummary | null
  /** By index among the filter's entries; a hole is a page not loaded yet. */
  entries: (CentreEntry | undefined)[]
  /** Groups the KAM folded away (by key), kept across reloads. */
  collapsed: Record<string, true>
  /** The entry the KAM is on (the one whose store was opened): Back from the store lands on it. */
  activeId: number | null
  /** A group or "shown" action under way, by group key ("" for the whole view). */
  busyGroup: string | null
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
  setStatuses(statuses: StoreStatus[]): void
  setOwners(owners: (string | null)[]): void
  clearFilters(): void
  /** The list shows entries `start … end` (indexes among the filter's entries): load their pages. */
  ensureEntries(start: number, end: number): Promise<void>
  toggleGroup(key: string): void
  markRead(ids: number[]): Promise<Result<ReminderList>>
  /** "Mark 57 read" on a group header. */
  markGroupRead(key: string): Promise<Result<ReminderGroupResult>>
  /** Mark all read, or, under a status or owner filter, only what it shows. */
  markShownRead(): Promise<Result<ReminderGroupResult> | Result<ReminderList>>
  snoozeGroup(key: string, mode: SnoozeMode): Promise<Result<ReminderGroupResult>>
  /** One entry's store, from its row. */
  snoozeStore(storeId: number, mode: SnoozeMode): Promise<Result<unknown>>
  unsnoozeStore(storeId: number): Promise<Result<unknown>>
  setUnread(unread: number): void
  setActive(id: number | null): void
}

export type RemindersState = RemindersData & RemindersActions

export const remindersInitialData: RemindersData = {
  unread: 0,
  filter: 'all',
  statuses: [],
  owners: [],
  centre: null,
  entries: [],
  collapsed: {},
  activeId: null,
  busyGroup: null,
  loaded: false,
  loading: false,
  error: null
}

export function isFiltered(state: Pick<RemindersData, 'statuses' | 'owners'>): boolean {
  return state.statuses.length > 0 || state.owners.length > 0
}

function filterOf(state: RemindersData): ReminderCentreFilter {
  return { unreadOnly: state.filter === 'unread', statuses: state.statuses, owners: state.owners }
}

let requestSeq = 0
/** Pages asked for in the current load (by first index); cleared with every new load. */
let pagesAsked = new Set<number>()
/** The entries last shown, so a reload brings back the pages in view at once. */
let lastShown: [number, number] = [0, 0]

function pagesOf(start: number, end: number): number[] {
  const pages: number[] = []
  for (let offset = Math.floor(start / REMINDER_PAGE) * REMINDER_PAGE; offset <= end; offset += REMINDER_PAGE) pages.push(offset)
  return pages
}

function withPage(entries: (CentreEntry | undefined)[], shown: number, page: ReminderCentre): (CentreEntry | undefined)[] {
  const next = entries.length === shown ? [...entries] : Array.from({ length: shown }, (_, i) => entries[i])
  page.entries.forEach((entry, i) => (next[page.offset + i] = entry))
  return next
}

export const useRemindersStore = create<RemindersState>()((set, get) => {
  function fetchPage(offset: number) {
    return api.reminders.centre({ filter: filterOf(get()), offset, limit: REMINDER_PAGE })
  }

  /** A group action: the answer's unread count, then the list again (what it shows has changed). */
  async function groupAction(key: string, call: () => Promise<Result<ReminderGroupResult>>): Promise<Result<ReminderGroupResult>> {
    set({ busyGroup: key })
    const result = await call()
    set({ busyGroup: null })
    if (result.ok) set({ unread: result.value.unread })
    await get().load()
    return result
  }

  return {
    ...remindersInitialData,

    async load() {
      const seq = ++requestSeq
      pagesAsked = new Set(pagesOf(0, 0).concat(pagesOf(...lastShown)))
      set({ loading: true })
      const results = await Promise.all([...pagesAsked].map(fetchPage))
      if (seq !== requestSeq) return
      const failed = results.find((r) => !r.ok)
      if (failed && !failed.ok) {
        set({ loading: false, error: failed.error.message })
        return
      }
      const pages = results.map((r) => (r.ok ? r.value : null)).filter((p) => p !== null)
      const { groups, shown, total, facets, unread } = pages[0]!
      let entries: (CentreEntry | undefined)[] = Array.from({ length: shown })
      for (const page of pages) entries = withPage(entries, shown, page)
      set({ centre: { groups, shown, total, facets }, entries, unread, loaded: true, loading: false, error: null })
    },

    async ensureEntries(start, end) {
      lastShown = [start, end]
      const { centre } = get()
      if (!centre || centre.shown === 0) return
      const seq = requestSeq
      const wanted = pagesOf(start, Math.min(end, centre.shown - 1)).filter((offset) => !pagesAsked.has(offset))
      for (const offset of wanted) pagesAsked.add(offset)
      await Promise.all(
        wanted.map(async (offset) => {
          const result = await fetchPage(offset)
          if (seq !== requestSeq) return
          if (!result.ok) {
            pagesAsked.delete(offset)
            set({ error: result.error.message })
            return
          }
          set((s) => ({ entries: withPage(s.entries, s.centre?.shown ?? result.value.shown, result.value), unread: result.value.unread }))
        })
      )
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

    setStatuses(statuses) {
      set({ statuses })
      void get().load()
    },

    setOwners(owners) {
      set({ owners })
      void get().load()
    },

    clearFilters() {
      set({ statuses: [], owners: [] })
      void get().load()
    },

    toggleGroup(key) {
      set((s) => {
        const collapsed = { ...s.collapsed }
        if (collapsed[key]) delete collapsed[key]
        else collapsed[key] = true
        return { collapsed }
      })
    },

    async markRead(ids) {
      // Shown read at once (its group's unread count too), and kept in view until the list is loaded again.
      const at = Date.now()
      const marked = get().entries.filter((e) => e && ids.includes(e.id) && e.readAt === null) as CentreEntry[]
      set((s) => ({
        entries: s.entries.map((e) => (e && marked.includes(e) ? { ...e, readAt: at } : e)),
        centre: s.centre && {
          ...s.centre,
          groups: s.centre.groups.map((g) => ({ ...g, unread: g.unread - marked.filter((e) => e.groupKey === g.key).length }))
        }
      }))
      const result = await api.reminders.markRead({ ids })
      if (result.ok) set({ unread: result.value.unread })
      else void get().load()
      return result
    },

    markGroupRead(key) {
      return groupAction(key, () => api.reminders.markGroupRead({ filter: filterOf(get()), group: key }))
    },

    async markShownRead() {
      if (isFiltered(get())) return groupAction('', () => api.reminders.markGroupRead({ filter: filterOf(get()) }))
      const result = await api.reminders.markRead({ all: true })
      if (result.ok) set({ unread: result.value.unread })
      await get().load()
      return result
    },

    snoozeGroup(key, mode) {
      return groupAction(key, () => api.reminders.snoozeGroup({ filter: filterOf(get()), group: key, mode }))
    },

    async snoozeStore(storeId, mode) {
      const result = await api.reminders.snooze({ storeId, mode })
      await get().load()
      return result
    },

    async unsnoozeStore(storeId) {
      const result = await api.reminders.unsnooze({ storeId })
      await get().load()
      return result
    },

    setActive(id) {
      set({ activeId: id })
    },

    setUnread(unread) {
      set({ unread })
    }
  }
})

export function resetRemindersStore(): void {
  requestSeq++
  pagesAsked = new Set()
  lastShown = [0, 0]
  useRemindersStore.setState(remindersInitialData)
}
