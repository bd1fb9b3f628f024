/**
 * "Reauthorize" (Lazada's authorization page in a separate window) and "Send the link instead"
 * (the same page for the seller's own browser), or — when the integrator profile or the store's
 * country does not allow it — what stands in the way and where to fix it.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconExternalLink, IconInfoCircle, IconLink } from '@tabler/icons-react'
import { useState } from 'react'
import type { StoreChecklists } from '../../../../electron/shared/checklists'
import type { Store } from '../../../../electron/shared/portfolio'
import { toastError } from '../../lib/toast'
import { pendingWindowAttempt, useAuthorizationStore } from '../../stores/useAuthorizationStore'
import { IntegratorSettingsLink } from '../common/SettingsLink'

interface AuthorizeActionsProps {
  store: Store
  /** Whether main can open Lazada's page for this store (null while the checklists load). */
  authorize: StoreChecklists['authorize'] | null
  now: number
  size?: 'sm' | 'compact-sm'
}

/** A message that names a setting leads to the settings. */
const NAMES_SETTINGS = /Settings|published/

export function AuthorizeActions({ store, authorize, now, size = 'compact-sm' }: AuthorizeActionsProps) {
  const attempts = useAuthorizationStore((s) => s.attempts)
  const attemptsOf = useAuthorizationStore((s) => s.storeId)
  const busy = useAuthorizationStore((s) => s.busy)
  const { openWindow, createLink } = useAuthorizationStore.getState()
  const [notice, setNotice] = useState<string | null>(null)
  const pending = attemptsOf === store.id ? pendingWindowAttempt(attempts, now) : null

  if (authorize && !authorize.ready) {
    return (
      <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} p="xs" role="note" data-testid="authorize-blocked">
        <Stack gap={4}>
          <Text size="sm">{authorize.message}</Text>
          {authorize.message && NAMES_SETTINGS.test(authorize.message) && <IntegratorSettingsLink />}
        </Stack>
      </Alert>
    )
  }

  async function onReauthorize(): Promise<void> {
    setNotice(null)
    const result = await openWindow(store.id)
    if (!result.ok) toastError('Lazada’s authorization page did not open', result.error.message)
    else if (result.value.status === 'not-ready') setNotice(result.value.message)
  }

  async function onSendLink(): Promise<void> {
    setNotice(null)
    const result = await createLink(store.id)
    if (!result.ok) toastError('No link was made', result.error.message)
    else if (result.value.status === 'not-ready') setNotice(result.value.message)
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size={size}
          leftSection={<IconExternalLink size={14} />}
          onClick={() => void onReauthorize()}
          loading={busy === 'window'}
          disabled={pending !== null || (busy !== null && busy !== 'window')}
        >
          Reauthorize
        </Button>
        <Button
          size={size}
          variant="default"
          leftSection={<IconLink size={14} />}
          onClick={() => void onSendLink()}
          loading={busy === 'link'}
          disabled={busy !== null && busy !== 'link'}
        >
          Send the link instead
        </Button>
      </Group>
      {notice && (
        <Alert color="yellow" variant="light" p="xs" role="note" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)}>
          <Stack gap={4}>
            <Text size="sm">{notice}</Text>
            {NAMES_SETTINGS.test(notice) && <IntegratorSettingsLink />}
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
