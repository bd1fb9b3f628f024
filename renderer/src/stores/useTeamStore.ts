/**
 * The team (issue #12): Settings → Team's saved connection and membership, the header's team
 * state (live from main's `team:state`), the join preview, the merge offers and which stores this
 * person watches. One store, so the header, Settings and a store page never disagree.
 */
import { create } from 'zustand'
import type { Result } from '../../../electron/shared/result'
import type { StoreWatch, TeamConnectionInput, TeamJoinPreview, TeamMergeOffer, TeamView } from '../../../electron/shared/team'
import type { TeamState } from '../../../electron/shared/team-state'
import { api } from '../api/client'
import { refreshAfterStoresChanged } from './refresh'

export type TeamBusy = 'save' | 'preview' | 'join' | 'leave' | 'sync' | null

interface TeamData {
  view: TeamView | null
  error: string | null
  /** What "Join" would do; dropped when the connection it was made with changes. */
  preview: TeamJoinPreview | null
  previewError: string | null
  offers: TeamMergeOffer[] | null
  offersError: string | null
  /** The offer being merged or kept, while main works on it. */
  resolving: number | null
  /** Whether this person watches a store, per store id (as main last said). */
  watches: Record<number, boolean>
  busy: TeamBusy
}

interface TeamActions {
  load(): Promise<void>
  saveConnection(connection: TeamConnectionInput, password?: string): Promise<Result<TeamView>>
  previewJoin(): Promise<Result<TeamJoinPreview>>
  join(): Promise<Result<TeamView>>
  leave(): Promise<Result<TeamView>>
  syncNow(): Promise<Result<TeamView>>
  loadOffers(): Promise<void>
  resolveOffer(offerId: number, action: 'merge' | 'keep-both'): Promise<Result<TeamMergeOffer[]>>
  loadWatched(storeId: number): Promise<void>
  setWatched(storeId: number, watched: boolean): Promise<Result<StoreWatch>>
  /** Main says the team state changed. */
  stateReceived(state: TeamState): void
}

export type TeamStoreState = TeamData & TeamActions

export const teamInitialData: TeamData = {
  view: null,
  error: null,
  preview: null,
  previewError: null,
  offers: null,
  offersError: null,
  resolving: null,
  watches: {},
  busy: null
}

let requestSeq = 0

export const useTeamStore = create<TeamStoreState>()((set, get) => {
  /** A view main answered: it is the newest, and the offers' count may have moved. */
  function viewArrived(view: TeamView): void {
    requestSeq++
    const offersStale = view.mergeOffers !== (get().offers?.length ?? 0)
    set({ view, error: null })
    if (offersStale && (view.mergeOffers > 0 || get().offers !== null)) void get().loadOffers()
  }

  async function withBusy<T>(busy: TeamBusy, call: () => Promise<Result<T>>): Promise<Result<T>> {
    set({ busy })
    const result = await call()
    set({ busy: null })
    return result
  }

  return {
    ...teamInitialData,

    async load() {
      const mine = ++requestSeq
      const result = await api.team.get()
      if (mine !== requestSeq) return
      if (result.ok) viewArrived(result.value)
      else set({ error: result.error.message })
    },

    async saveConnection(connection, password) {
      const result = await withBusy('save', () => api.team.saveConnection(password === undefined ? { connection } : { connection, password }))
      if (result.ok) {
        viewArrived(result.value)
        set({ preview: null, previewError: null })
      }
      return result
    },

    async previewJoin() {
      set({ previewError: null })
      const result = await withBusy('preview', () => api.team.previewJoin())
      if (result.ok) set({ preview: result.value })
      else set({ preview: null, previewError: result.error.message })
      return result
    },

    async join() {
      const result = await withBusy('join', () => api.team.join())
      if (result.ok) {
        viewArrived(result.value)
        set({ preview: null })
        // The team's stores arrived and matched ones became one.
        refreshAfterStoresChanged([])
      }
      return result
    },

    async leave() {
      const result = await withBusy('leave', () => api.team.leave())
      if (result.ok) {
        viewArrived(result.value)
        set({ offers: null, watches: {} })
      }
      return result
    },

    async syncNow() {
      const result = await withBusy('sync', () => api.team.syncNow())
      if (result.ok) viewArrived(result.value)
      return result
    },

    async loadOffers() {
      const result = await api.team.mergeOffers()
      if (result.ok) set({ offers: result.value, offersError: null })
      else set({ offersError: result.error.message })
    },

    async resolveOffer(offerId, action) {
      set({ resolving: offerId })
      const result = await api.team.resolveMerge({ offerId, action })
      set({ resolving: null })
      if (result.ok) {
        const view = get().view
        set({ offers: result.value, offersError: null, view: view && { ...view, mergeOffers: result.value.length } })
        // A merge deleted a store and moved its records; keeping both took a key off one.
        refreshAfterStoresChanged([])
      }
      return result
    },

    async loadWatched(storeId) {
      const result = await api.team.watched({ storeId })
      if (result.ok) set({ watches: { ...get().watches, [storeId]: result.value.watched } })
    },

    async setWatched(storeId, watched) {
      // The switch moves at once (a local write); main's answer confirms it, or puts it back.
      const before = get().watches[storeId]
      set({ watches: { ...get().watches, [storeId]: watched } })
      const result = await api.team.watch({ storeId, watched })
      const settled = result.ok ? result.value.watched : before
      set({ watches: { ...get().watches, [storeId]: settled ?? false } })
      return result
    },

    stateReceived(state) {
      const view = get().view
      if (view) set({ view: { ...view, state } })
      // A sync that ended may have found stores to merge (the view counts them); before `team:get`
      // first answered, the load brings the rest of the view.
      if (!view || state.kind === 'in-sync') void get().load()
    }
  }
})

/** The team state the header shows: solo until main has said otherwise. */
export function useTeamState(): TeamState {
  return useTeamStore((s) => s.view?.state ?? SOLO)
}

const SOLO: TeamState = { kind: 'solo' }

export function resetTeamStore(): void {
  requestSeq++
  useTeamStore.setState(teamInitialData)
}
