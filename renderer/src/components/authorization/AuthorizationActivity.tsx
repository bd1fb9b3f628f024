/**
 * Under the status banner, what is happening with Lazada authorization right now: the seller is
 * authorizing in Storewatch's window (with Cancel), the authorization came back (with "Mark
 * reconnected" right there — the seller's next step is the OMS), or the window closed or was refused.
 */
import { ActionIcon, Button, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconPlugConnected, IconX } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import type { AuthorizationResult } from '../../../../electron/shared/authorization'
import type { Store } from '../../../../electron/shared/portfolio'
import type { Authorization } from '../../../../electron/shared/records'
import { formatKamTime } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { pendingWindowAttempt, useAuthorizationStore } from '../../stores/useAuthorizationStore'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { awaitingReconnect } from './authorization-state'

const TONES = {
  waiting: { color: 'blue' },
  success: { color: 'teal' },
  warning: { color: 'yellow' },
  failure: { color: 'red' }
} as const

function Banner({ tone, icon, title, children, actions }: { tone: keyof typeof TONES; icon: ReactNode; title: string; children?: ReactNode; actions?: ReactNode }) {
  const color = TONES[tone].color
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="status"
      data-testid="authorization-banner"
      data-tone={tone}
      style={{ background: `var(--mantine-color-${color}-0)`, borderColor: `var(--mantine-color-${color}-3)`, borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          {icon}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="md" c={`${color}.9`}>
              {title}
            </Text>
            {children}
          </Stack>
        </Group>
        {actions && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        )}
      </Group>
    </Paper>
  )
}

function howAuthorized(authorization: Authorization, mode: 'window' | 'link' | null): string {
  if (mode === 'link' || authorization.method === 'seller-link') return 'You confirmed that the seller authorized with the link'
  return 'The seller authorized in Storewatch’s Lazada window'
}

function failureTitle(result: AuthorizationResult): string {
  switch (result.cause) {
    case 'seller-declined':
      return 'The seller did not authorize on Lazada’s page'
    case 'window-closed':
      return 'The Lazada window was closed before the seller authorized'
    case 'expired':
      return 'The authorization expired'
    default:
      return 'Lazada’s answer was refused'
  }
}

export function AuthorizationActivity({ store, authorizations, now }: { store: Store; authorizations: Authorization[]; now: number }) {
  const attemptsOf = useAuthorizationStore((s) => s.storeId)
  const allAttempts = useAuthorizationStore((s) => s.attempts)
  const result = useAuthorizationStore((s) => s.results[store.id])
  const authBusy = useAuthorizationStore((s) => s.busy)
  const detailBusy = useStoreDetailStore((s) => s.busy)
  const omsName = useSettingsStore((s) => s.settings?.integrator?.omsName)
  const { cancelAttempt, dismissResult, openWindow } = useAuthorizationStore.getState()
  const attempts = attemptsOf === store.id ? allAttempts : []
  const pending = pendingWindowAttempt(attempts, now)
  const awaiting = awaitingReconnect(authorizations, attempts, result)
  const sectionRef = useRef<HTMLElement | null>(null)
  // Which banner shows: each new one is brought into view (Reauthorize is clicked further down the
  // page, and the result comes while the KAM looks at the Lazada window).
  const bannerKey = pending ? `pending-${pending.id}` : result && result.outcome !== 'captured' ? `result-${result.attemptId}` : awaiting ? `authorized-${awaiting.authorization.id}` : null

  useEffect(() => {
    if (bannerKey) sectionRef.current?.scrollIntoView({ block: 'nearest' })
  }, [bannerKey])

  async function onCancel(attemptId: number): Promise<void> {
    const answer = await cancelAttempt(store.id, attemptId)
    if (answer.ok) toastSuccess('Authorization window closed', `${storeLabel(store)}: nothing changed.`)
    else toastError('Could not close the authorization window', answer.error.message)
  }

  async function onMarkReconnected(): Promise<void> {
    const answer = await useStoreDetailStore.getState().markReconnected(store.id)
    if (answer.ok) toastSuccess('Marked reconnected', storeLabel(store))
    else toastError('Could not mark the store reconnected', answer.error.message)
  }

  async function onTryAgain(): Promise<void> {
    const answer = await openWindow(store.id)
    if (!answer.ok) toastError('Lazada’s authorization page did not open', answer.error.message)
    else if (answer.value.status === 'not-ready') toastError('Lazada’s authorization page did not open', answer.value.message)
  }

  let banner: ReactNode = null
  if (pending) {
    banner = (
      <Banner
        tone="waiting"
        icon={<Loader size={22} color="blue" aria-hidden />}
        title="Waiting for the seller to authorize in the Lazada window…"
        actions={
          <Button variant="default" onClick={() => void onCancel(pending.id)} loading={authBusy === 'cancel'}>
            Cancel
          </Button>
        }
      >
        <Text size="sm">
          Opened {formatKamTime(pending.createdAt, now)}. The seller logs in, ticks “I agree to the Authorization Terms & Agreement” and clicks
          “Submit”; Storewatch notices by itself. This attempt expires {formatKamTime(pending.expiresAt, now)}.
        </Text>
      </Banner>
    )
  } else if (result && result.outcome !== 'captured') {
    banner = (
      <Banner
        tone={result.outcome === 'abandoned' ? 'warning' : 'failure'}
        icon={
          <ThemeIcon color={result.outcome === 'abandoned' ? 'yellow' : 'red'} variant="light" radius="xl" size={28}>
            <IconAlertTriangle size={18} />
          </ThemeIcon>
        }
        title={failureTitle(result)}
        actions={
          <>
            <Button variant="default" onClick={() => void onTryAgain()} loading={authBusy === 'window'}>
              Try again
            </Button>
            <ActionIcon variant="subtle" color="gray" aria-label="Dismiss" onClick={() => dismissResult(store.id)}>
              <IconX size={16} />
            </ActionIcon>
          </>
        }
      >
        <Text size="sm">{result.message}</Text>
      </Banner>
    )
  } else if (awaiting) {
    const oms = omsName || 'the OMS'
    const title = result?.outcome === 'captured' ? result.message : `Authorized — now reconnect the store in ${oms}`
    banner = (
      <Banner
        tone="success"
        icon={
          <ThemeIcon color="teal" variant="light" radius="xl" size={28}>
            <IconCircleCheck size={20} />
          </ThemeIcon>
        }
        title={title}
        actions={
          <Button color="teal" leftSection={<IconPlugConnected size={16} />} onClick={() => void onMarkReconnected()} loading={detailBusy}>
            Mark reconnected
          </Button>
        }
      >
        <Text size="sm">
          {howAuthorized(awaiting.authorization, awaiting.attempt?.mode ?? null)} {formatKamTime(awaiting.authorization.authorizedAt, now)}. Reconnect{' '}
          {store.storeName} in {oms}, then mark it reconnected here: the store is healthy again.
        </Text>
      </Banner>
    )
  }

  if (!banner) return null
  return (
    // The margin keeps the store's status, just above, in view too.
    <section aria-label="Lazada authorization" ref={sectionRef} style={{ scrollMarginTop: 240 }}>
      {banner}
    </section>
  )
}
