/**
 * Listens to main for the whole window: long work's progress, finished checks, fired or read reminders, stores changed
 * elsewhere, the team state, the Lazada app secret saved or cleared, places to show (a clicked notification), and
 * the end of an authorization window attempt (which may come while the KAM looks at another page).
 * Renders nothing.
 */
import { Button, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import type { AuthorizationResult } from '../../../../electron/shared/authorization'
import { api } from '../../api/client'
import { hideToast, toastError, toastSuccess } from '../../lib/toast'
import { cancelPendingRefresh, refreshAfterCheck, refreshAfterCredentialsChanged, refreshAfterRemindersChanged, refreshAfterStoresChanged } from '../../stores/refresh'
import { useAuthorizationStore } from '../../stores/useAuthorizationStore'
import { useChecksStore } from '../../stores/useChecksStore'
import { useRemindersStore } from '../../stores/useRemindersStore'
import { useTeamStore } from '../../stores/useTeamStore'
import { useTasksStore } from '../../stores/useTasksStore'

/** Only places the renderer has: a store page or the (narrowed) portfolio. */
const NAVIGABLE = /^\/(stores\/\d+|portfolio(\?ids=\d+(,\d+)*)?|notifications|settings)?$/

const RESULT_TITLES: Record<AuthorizationResult['outcome'], string> = {
  captured: 'Authorized',
  abandoned: 'Authorization window closed',
  expired: 'The authorization came back too late',
  refused: 'Authorization refused'
}

export function LiveUpdates() {
  const [location, navigate] = useLocation()
  const locationRef = useRef(location)

  useEffect(() => {
    locationRef.current = location
  }, [location])

  useEffect(() => {
    /** The store page shows the result itself; elsewhere a toast says it and leads there. */
    function announce(result: AuthorizationResult): void {
      if (locationRef.current === `/stores/${result.storeId}`) return
      const id = `authorization-result-${result.attemptId}`
      const body = (
        <Stack gap={6} align="flex-start">
          <Text size="sm">{result.message}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              hideToast(id)
              navigate(`/stores/${result.storeId}`)
            }}
          >
            Open the store
          </Button>
        </Stack>
      )
      if (result.outcome === 'captured') toastSuccess(RESULT_TITLES.captured, body, { id, autoClose: 15_000 })
      else toastError(RESULT_TITLES[result.outcome], body, { id })
    }

    void useChecksStore.getState().load()
    void useTasksStore.getState().load()
    void useRemindersStore.getState().loadUnread()
    void useTeamStore.getState().load()
    const stops = [
      api.on('tasks:progress', (progress) => useTasksStore.getState().progress(progress)),
      api.on('checks:completed', (run) => refreshAfterCheck(run)),
      api.on('reminders:changed', ({ unread }) => refreshAfterRemindersChanged(unread)),
      api.on('stores:changed', ({ storeIds }) => refreshAfterStoresChanged(storeIds)),
      api.on('credentials:changed', (view) => refreshAfterCredentialsChanged(view)),
      api.on('team:state', (state) => useTeamStore.getState().stateReceived(state)),
      api.on('app:navigate', ({ path }) => {
        if (NAVIGABLE.test(path)) navigate(path)
      }),
      api.on('authorizations:result', (result) => {
        useAuthorizationStore.getState().received(result)
        announce(result)
      })
    ]
    return () => {
      stops.forEach((stop) => stop())
      cancelPendingRefresh()
    }
  }, [navigate])

  return null
}
