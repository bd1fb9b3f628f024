/**
 * "Send the link instead": Lazada's authorization URL (with its own one-time state) for the
 * seller's own browser. Storewatch cannot see that browser, so the store stays "needs
 * authorization" until the KAM confirms here (or a later check shows it).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import type { Store } from '../../../../electron/shared/portfolio'
import { formatKamTime } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useAuthorizationStore } from '../../stores/useAuthorizationStore'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { CopyField } from '../common/CopyField'

export function LinkModal({ store, now }: { store: Store; now: number }) {
  const link = useAuthorizationStore((s) => s.link)
  const busy = useAuthorizationStore((s) => s.busy)
  const appName = useSettingsStore((s) => s.settings?.integrator?.appName) || 'the app'
  const { closeLink, confirmLink, cancelAttempt } = useAuthorizationStore.getState()
  const shown = link && link.storeId === store.id ? link : null

  async function onConfirm(): Promise<void> {
    if (!shown) return
    const result = await confirmLink(store.id, shown.attempt.id)
    if (result.ok) toastSuccess('Authorization recorded', `${storeLabel(store)}: now reconnect the store.`)
    else toastError('Could not record the authorization', result.error.message)
  }

  async function onWithdraw(): Promise<void> {
    if (!shown) return
    const result = await cancelAttempt(store.id, shown.attempt.id)
    if (result.ok) toastSuccess('Link withdrawn', 'Lazada will refuse it if the seller opens it now.')
    else toastError('Could not withdraw the link', result.error.message)
  }

  return (
    <Modal opened={shown !== null} onClose={closeLink} title="Authorization link for the seller" size="lg" centered>
      {shown && (
        <Stack gap="md">
          <Text size="sm">
            Send this link to the seller of {storeLabel(store)}. It opens Lazada’s authorization page in their own browser, where they log in with
            the Seller Center account that ordered {appName}, tick “I agree to the Authorization Terms & Agreement” and click “Submit”.
          </Text>
          <CopyField value={shown.url} copyLabel="Copy link" ariaLabel="Copy the authorization link" testId="authorization-link" />
          <Text size="xs" c="dimmed">
            It works once, until {formatKamTime(shown.attempt.expiresAt, now)} (30 minutes). Copy it now: Storewatch keeps no copy of it.
          </Text>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="sm" role="note">
            <Text size="sm">
              Storewatch cannot see the seller’s browser: the store stays “Needs authorization” until you confirm here that the seller has
              authorized (they land on the {appName} login page), or a later check shows it.
            </Text>
          </Alert>
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" color="red" onClick={() => void onWithdraw()} loading={busy === 'cancel'} disabled={busy === 'confirm'}>
              Withdraw the link
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={closeLink} disabled={busy !== null}>
                Close
              </Button>
              <Button color="teal" onClick={() => void onConfirm()} loading={busy === 'confirm'} disabled={busy === 'cancel'}>
                The seller has authorized
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
