/** What to reload when main says the data changed underneath (a check ran, reminders fired). */
import { useChecksStore } from './useChecksStore'
import { useCredentialsStore } from './useCredentialsStore'
import { useDashboardStore } from './useDashboardStore'
import { useLazadaStore } from './useLazadaStore'
import { usePortfolioStore } from './usePortfolioStore'
import { useRemindersStore } from './useRemindersStore'
import { useStatusHistoryStore } from './useStatusHistoryStore'
import { useStoreDetailStore } from './useStoreDetailStore'
import type { LazadaCredentialsView } from '../../../electron/shared/lazada'
import type { CheckRunSummary } from '../../../electron/shared/monitoring'

/** A check run finished: statuses, deadlines, reminders and the dashboard may all have moved. */
export function refreshAfterCheck(run: CheckRunSummary): void {
  useChecksStore.getState().completed(run)
  void useDashboardStore.getState().refresh()
  // Each run records the day's counts for the 90-day chart.
  if (useStatusHistoryStore.getState().history) void useStatusHistoryStore.getState().load()
  if (usePortfolioStore.getState().loaded) void usePortfolioStore.getState().load()
  // The open store's Lazada card follows its page (StorePage reloads it with each fresh detail).
  void useStoreDetailStore.getState().reload()
  void useRemindersStore.getState().refresh()
  // Lazada's answers, disagreements and refused tokens are written by the run.
  void useLazadaStore.getState().refreshOverview()
}

/** The Lazada app secret was saved, cleared or found unreadable (here, in another window, or in main). */
export function refreshAfterCredentialsChanged(view: LazadaCredentialsView): void {
  useCredentialsStore.getState().received(view)
  // Whether checks ask Lazada ("Lazada checks are off") is part of the overview.
  void useLazadaStore.getState().refreshOverview()
}

/** Reminders fired or were read (here or in another window). */
export function refreshAfterRemindersChanged(unread: number): void {
  const reminders = useRemindersStore.getState()
  reminders.setUnread(unread)
  if (reminders.loaded) void reminders.load()
  // The store page lists its own reminders.
  void useStoreDetailStore.getState().reload()
}

/** Main's `stores:changed` come in bursts (an import, a run of records): one refresh per burst. */
export const STORES_CHANGED_COALESCE_MS = 120

let pendingIds: Set<number> | 'all' | null = null
let pendingTimer: ReturnType<typeof setTimeout> | undefined

/** Stores or their records changed outside a check run (here, in another window, or in main). */
export function refreshAfterStoresChanged(storeIds: number[]): void {
  if (storeIds.length === 0) pendingIds = 'all'
  else if (pendingIds !== 'all') pendingIds = new Set([...(pendingIds ?? []), ...storeIds])
  clearTimeout(pendingTimer)
  pendingTimer = setTimeout(() => {
    const ids = pendingIds
    pendingIds = null
    void useDashboardStore.getState().refresh()
    if (usePortfolioStore.getState().loaded) void usePortfolioStore.getState().load()
    // A short code added or removed changes "cannot check with Lazada"; a record, a disagreement.
    void useLazadaStore.getState().refreshOverview()
    const open = useStoreDetailStore.getState().storeId
    if (open !== null && (ids === 'all' || ids?.has(open))) void useStoreDetailStore.getState().reload()
  }, STORES_CHANGED_COALESCE_MS)
}

/** Forgets a refresh still waiting (tests, and a window that goes away). */
export function cancelPendingRefresh(): void {
  clearTimeout(pendingTimer)
  pendingIds = null
}
