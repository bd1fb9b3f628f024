/**
 * Listens to main for the whole window: finished checks, fired or read reminders, stores changed
 * elsewhere, and places to show (a clicked notification). Renders nothing.
 */
import { useEffect } from 'react'
import { useLocation } from 'wouter'
import { api } from '../../api/client'
import { cancelPendingRefresh, refreshAfterCheck, refreshAfterRemindersChanged, refreshAfterStoresChanged } from '../../stores/refresh'
import { useChecksStore } from '../../stores/useChecksStore'
import { useRemindersStore } from '../../stores/useRemindersStore'

/** Only places the renderer has: a store page or the (narrowed) portfolio. */
const NAVIGABLE = /^\/(stores\/\d+|portfolio(\?ids=\d+(,\d+)*)?|notifications|settings)?$/

export function LiveUpdates() {
  const [, navigate] = useLocation()

  useEffect(() => {
    void useChecksStore.getState().load()
    void useRemindersStore.getState().loadUnread()
    const stops = [
      api.on('checks:completed', (run) => refreshAfterCheck(run)),
      api.on('reminders:changed', ({ unread }) => refreshAfterRemindersChanged(unread)),
      api.on('stores:changed', ({ storeIds }) => refreshAfterStoresChanged(storeIds)),
      api.on('app:navigate', ({ path }) => {
        if (NAVIGABLE.test(path)) navigate(path)
      })
    ]
    return () => {
      stops.forEach((stop) => stop())
      cancelPendingRefresh()
    }
  }, [navigate])

  return null
}
