/** The store's Service Market subscription: what was ordered, when it starts and ends, and from where. */
import { Button, Card, DataList, Group, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { Store } from '../../../../electron/shared/portfolio'
import { DATE_SOURCE_LABELS, SERVICE_VERSION_LABELS, SUBSCRIPTION_PERIOD_LABELS } from '../../../../electron/shared/records'
import type { Subscription } from '../../../../electron/shared/records'
import { storeTimeName } from '../../lib/dates'
import { EMPTY_VALUE, formatDateTime, formatRelative, storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { StoreAndKamTime } from '../common/StoreAndKamTime'
import { SubscriptionModal } from './SubscriptionModal'

function Instant({ instant, country, now, missing }: { instant: number | null; country: string; now: number; missing: string }) {
  if (instant === null) {
    return (
      <Text span size="sm" c="orange.8">
        {missing}
      </Text>
    )
  }
  return <StoreAndKamTime instant={instant} country={country} now={now} />
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

export function SubscriptionCard({ store, subscription, now }: { store: Store; subscription: Subscription | null; now: number }) {
  const busy = useStoreDetailStore((s) => s.busy)
  const removeSubscription = useStoreDetailStore((s) => s.removeSubscription)
  const [formOpen, form] = useDisclosure(false)
  const [removeOpen, removeModal] = useDisclosure(false)
  // Where Lazada answered, its End Time is the one the status judges: say so next to this one.
  const lazada = useLazadaStore((s) => (s.storeId === store.id ? s.store : null))
  const lazadaDecides = lazada?.statusUses === 'lazada' && lazada.disagreement !== null

  async function onRemove(): Promise<void> {
    const result = await removeSubscription(store.id)
    removeModal.close()
    if (result.ok) toastSuccess('Subscription record removed', storeLabel(store))
    else toastError('Could not remove the subscription', result.error.message)
  }

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="subscription-title">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5" id="subscription-title">
          Subscription
        </Title>
        {subscription ? (
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={form.open} disabled={busy} aria-label="Change subscription">
              Change
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={removeModal.open} disabled={busy} aria-label="Remove subscription">
              Remove
            </Button>
          </Group>
        ) : (
          <Button size="compact-sm" leftSection={<IconPlus size={14} />} onClick={form.open} disabled={busy}>
            Record subscription
          </Button>
        )}
      </Group>
      {subscription ? (
        <DataList size="sm" gap={6} labelWidth={150} data-testid="subscription">
          <Row label="Service version">{SERVICE_VERSION_LABELS[subscription.serviceVersion]}</Row>
          <Row label="Period">{SUBSCRIPTION_PERIOD_LABELS[subscription.period]}</Row>
          <Row label="Start Time">
            <Instant instant={subscription.startAt} country={store.country} now={now} missing="Not recorded" />
          </Row>
          <Row label="End Time">
            <Instant instant={subscription.endAt} country={store.country} now={now} missing="Not recorded — the status stays unknown" />
            {lazadaDecides && (
              <Text size="xs" c="orange.9" data-testid="end-time-overridden">
                Lazada disagrees: the status uses Lazada’s End Time (below).
              </Text>
            )}
          </Row>
          <Row label="Dates from">{DATE_SOURCE_LABELS[subscription.source]}</Row>
          <Row label="Last checked">
            {subscription.checkedAt !== null ? (
              <span title={formatDateTime(subscription.checkedAt)}>
                {formatRelative(subscription.checkedAt, now)} · {formatDateTime(subscription.checkedAt)}
              </span>
            ) : (
              EMPTY_VALUE
            )}
          </Row>
        </DataList>
      ) : (
        <Text size="sm" c="dimmed">
          No subscription on record. Once the seller has ordered “Authorization Only” on Service Market, record the Start and End Time from
          the Order Confirmation page ({storeTimeName(store.country)}).
        </Text>
      )}
      <SubscriptionModal opened={formOpen} store={store} subscription={subscription} onClose={form.close} />
      <ConfirmModal
        opened={removeOpen}
        title="Remove the subscription record?"
        confirmLabel="Remove"
        busy={busy}
        onCancel={removeModal.close}
        onConfirm={() => void onRemove()}
      >
        <Text size="sm">
          Storewatch forgets the subscription dates of {storeLabel(store)}; the store will need a subscription again. The store’s history keeps
          a note of it.
        </Text>
      </ConfirmModal>
    </Card>
  )
}
