/**
 * "Next store": the list the open store page came from. Main keeps the list's ids (a view of
 * 10,000 rows never travels); the page knows its list by the address (`/stores/12?in=3`) and asks
 * main where it stands and who comes next. Moving along the list highlights the store's row in the
 * list it came from, so Back lands on it.
 */
import { create } from 'zustand'
import type { SequencePosition, SequenceStartInput } from '../../../electron/shared/store-sequence'
import { api } from '../api/client'
import { navigate } from '../lib/hash-location'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'

/** The store page of a store within a list (or alone, without one). */
export function storePath(storeId: number, sequenceId: number | null): string {
  return sequenceId === null ? `/stores/${storeId}` : `/stores/${storeId}?in=${sequenceId}`
}

/** The store page of a store opened from the notification centre: Back returns there. */
export function centreStorePath(storeId: number): string {
  return `/stores/${storeId}?from=notifications`
}

/** Whether the store page was opened from the notification centre. */
export function fromCentre(search: string): boolean {
  return new URLSearchParams(search).get('from') === 'notifications'
}

/** The screen an open store page belongs to: where it was opened from, where Back goes. */
export type StoreOrigin = 'notifications' | 'worklist' | 'portfolio'

export function useStoreOrigin(search: string): StoreOrigin {
  const fromWorklist = useStoreSequenceStore((s) => s.position?.origin === 'worklist')
  if (fromCentre(search)) return 'notifications'
  return fromWorklist ? 'worklist' : 'portfolio'
}

/** `in=3` → 3; anything else: no list. */
export function sequenceFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get('in')
  return value !== null && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null
}

interface StoreSequenceData {
  /** Where the open store stands in its list; null without a list (while asked: the previous store's). */
  position: SequencePosition | null
  /** The store shown. */
  storeId: number | null
  /** The store `position` is about: another than `storeId` while main answers. */
  positionOf: number | null
}

interface StoreSequenceActions {
  /** Opens a store from a list: keeps the list in main, then shows the store within it. */
  openFrom(start: SequenceStartInput, storeId: number): Promise<void>
  /** Asks where a store stands in a list (the store page, on each store). */
  locate(sequenceId: number | null, storeId: number): Promise<void>
  /** Shows the next (1) or previous (-1) store of the list; answers whether there was one. */
  step(direction: 1 | -1): boolean
}

export type StoreSequenceState = StoreSequenceData & StoreSequenceActions

export const storeSequenceInitialData: StoreSequenceData = { position: null, storeId: null, positionOf: null }

let locateSeq = 0
/** A Next or Previous pressed while main answered where the store stands: taken once it has. */
let pendingStep: 1 | -1 | null = null

/** The list's row of the store is highlighted, so Back from its page lands there. */
function highlightInOrigin(position: SequencePosition, storeId: number): void {
  if (position.origin === 'worklist') useDashboardStore.getState().highlight(storeId)
  else usePortfolioStore.getState().highlight(storeId)
}

export const useStoreSequenceStore = create<StoreSequenceState>()((set, get) => ({
  ...storeSequenceInitialData,

  async openFrom(start, storeId) {
    const result = await api.sequences.start(start)
    // Without its list the store still opens, only without Next and Previous.
    navigate(storePath(storeId, result.ok ? result.value.sequenceId : null))
  },

  async locate(sequenceId, storeId) {
    const mine = ++locateSeq
    if (sequenceId === null) {
      pendingStep = null
      set({ position: null, storeId, positionOf: null })
      return
    }
    // The previous store's place stays shown until this one's arrives (no flicker between stores).
    set((s) => (s.position?.sequenceId === sequenceId ? { storeId } : { position: null, storeId, positionOf: null }))
    const result = await api.sequences.around({ sequenceId, storeId })
    if (mine !== locateSeq) return
    const position = result.ok ? result.value : null
    set({ position, storeId, positionOf: storeId })
    if (!position) return
    highlightInOrigin(position, storeId)
    const pending = pendingStep
    pendingStep = null
    if (pending !== null) get().step(pending)
  },

  step(direction) {
    const { position, storeId, positionOf } = get()
    if (position && positionOf !== storeId) {
      // J pressed twice quickly: the second press waits for the first store's place.
      pendingStep = direction
      return true
    }
    const target = direction === 1 ? position?.next : position?.previous
    if (!position || !target) return false
    navigate(storePath(target.id, position.sequenceId))
    return true
  }
}))

export function resetStoreSequenceStore(): void {
  locateSeq++
  pendingStep = null
  useStoreSequenceStore.setState(storeSequenceInitialData)
}
