/**
 * "What Lazada says" on the store page: Lazada's last answer about the store's Service Market
 * subscription next to the End Time the KAM recorded, which of the two the status uses, a clear
 * warning naming both dates when they disagree, why the store cannot be checked with Lazada, the
 * last failed query, and the deadlines of tokens Storewatch exchanged itself (never the tokens).
 */
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconKey, IconPencil, IconPlugConnectedX } from '@tabler/icons-react'
import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { Link } from 'wouter'
import type { StoreLazadaView, StoreTokenView } from '../../../../electron/shared/lazada'
import type { Store } from '../../../../electron/shared/portfolio'
import { DATE_SOURCE_LABELS } from '../../../../electron/shared/records'
import type { Subscription } from '../../../../electron/shared/records'
import { formatKamTime, formatStoreDate, formatStoreTime, sameTimeAsKam } from '../../lib/dates'
import { countryName, formatDateTime, formatRelative } from '../../lib/format'
import { remoteChecksOffReason, useCredentialsStore } from '../../stores/useCredentialsStore'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { LAZADA_STATE_COLORS, LAZADA_STATE_LABELS, causeLabel, disagreementHeadline } from '../lazada/lazada-text'
import { SubscriptionModal } from './SubscriptionModal'
import { LAZADA_SETTINGS_PATH } from '../common/SettingsLink'
import { StoreAndKamTime } from '../common/StoreAndKamTime'

export const LAZADA_CARD_TITLE = 'What Lazada says'

function Side({ label, badge, uses, children, testId }: { label: string; badge?: ReactNode; uses: boolean; children: ReactNode; testId: string }) {
  return (
    <Stack
      gap={6}
      p="sm"
      data-testid={testId}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        border: `1px solid ${uses ? 'var(--mantine-color-indigo-3)' : 'var(--mantine-color-gray-3)'}`,
        background: uses ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)'
      }}
    >
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
            {label}
          </Text>
          {badge}
        </Group>
        {uses && (
          <Badge size="xs" variant="filled" color="indigo" radius="sm" tt="none">
            The status uses this
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  )
}

function EndDate({ instant, country, now, fallback }: { instant: number | null; country: string; now: number; fallback: string }) {
  if (instant === null) {
    return (
      <Text size="sm" c="dimmed">
        {fallback}
      </Text>
    )
  }
  return (
    <Stack gap={2}>
      <Text size="lg" fw={700} lh={1.2}>
        {formatStoreDate(instant, country)}
      </Text>
      <StoreAndKamTime instant={instant} country={country} now={now} />
    </Stack>
  )
}

function LazadaSide({ view, store, now }: { view: StoreLazadaView; store: Store; now: number }) {
  const answer = view.answer
  if (!answer) {
    return (
      <Side label="Lazada says" uses={false} testId="lazada-answer">
        <Text size="sm" c="dimmed">
          {view.lastError ? 'No answer yet: the query failed (below).' : 'Not asked yet: the next check asks Lazada.'}
        </Text>
      </Side>
    )
  }
  const badge = (
    <Badge size="sm" variant="light" color={LAZADA_STATE_COLORS[answer.state]} radius="sm" tt="none">
      {LAZADA_STATE_LABELS[answer.state]}
    </Badge>
  )
  const fallback = answer.state === 'none' ? `No subscription for ${answer.shortCode}` : 'No End Time given'
  return (
    <Side label="Lazada says" badge={badge} uses={view.statusUses === 'lazada'} testId="lazada-answer">
      <EndDate instant={answer.endAt} country={store.country} now={now} fallback={fallback} />
      <Text size="xs" c="dimmed">
        {[answer.itemName, answer.autoRenew === null ? null : answer.autoRenew ? 'Renews automatically' : 'Does not renew automatically'].filter(Boolean).join(' · ') ||
          'Service Market subscription'}
      </Text>
      <Text size="xs" c="dimmed">
        Asked for {answer.shortCode} ({countryName(answer.country)})
      </Text>
    </Side>
  )
}

function KamSide({ view, store, subscription, now }: { view: StoreLazadaView; store: Store; subscription: Subscription | null; now: number }) {
  return (
    <Side label="You recorded" uses={view.statusUses === 'kam'} testId="lazada-kam">
      <EndDate instant={view.kamEndAt} country={store.country} now={now} fallback={subscription ? 'No End Time recorded' : 'No subscription recorded'} />
      {subscription && (
        <Text size="xs" c="dimmed">
          {DATE_SOURCE_LABELS[subscription.source]}
        </Text>
      )}
    </Side>
  )
}

function Deadline({ label, instant, country, now }: { label: string; instant: number; country: string; now: number }) {
  const passed = instant <= now
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Stack gap={0}>
        <Text size="sm" c={passed ? 'red.8' : undefined}>
          {formatStoreTime(instant, country)} · {passed ? 'passed' : formatRelative(instant, now)}
        </Text>
        {!sameTimeAsKam(instant, country) && (
          <Text size="xs" c="dimmed">
            {formatKamTime(instant, now)}
          </Text>
        )}
      </Stack>
    </Group>
  )
}

function Tokens({ token, country, now }: { token: StoreTokenView; country: string; now: number }) {
  const refused = token.state === 'needs-authorization'
  return (
    <Stack gap={6} data-testid="lazada-tokens">
      <Group gap="xs" wrap="nowrap">
        <IconKey size={16} aria-hidden color="var(--mantine-color-gray-6)" />
        <Text size="sm" fw={600}>
          Tokens from Storewatch’s own exchange
        </Text>
        <Badge size="sm" variant="light" color={refused ? 'red' : 'green'} radius="sm" tt="none">
          {refused ? 'Refused by Lazada' : 'Active'}
        </Badge>
      </Group>
      {token.account && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
            Authorized account
          </Text>
          <Text size="sm">{token.account}</Text>
        </Group>
      )}
      <Deadline label="Access token until" instant={token.accessExpiresAt} country={country} now={now} />
      {token.marketBound ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
            Refresh
          </Text>
          <Text size="sm">Bound to the Service Market subscription: the token lasts as long as the subscription, and cannot be refreshed.</Text>
        </Group>
      ) : token.refreshExpiresAt !== null ? (
        <Deadline label="Refresh token until" instant={token.refreshExpiresAt} country={country} now={now} />
      ) : (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
            Refresh
          </Text>
          <Text size="sm">Cannot be refreshed: the seller authorizes again when the access token ends.</Text>
        </Group>
      )}
      <Text size="xs" c={refused ? 'red.8' : 'dimmed'}>
        {token.message}
        {token.refreshedAt !== null && ` Last refreshed ${formatDateTime(token.refreshedAt)}.`}
        {token.probedAt !== null && ` Last health check ${formatDateTime(token.probedAt)}.`}
      </Text>
    </Stack>
  )
}

interface LazadaCardProps {
  store: Store
  subscription: Subscription | null
  now: number
  /** Out of scope or archived: no card unless Lazada has said something. */
  quiet: boolean
}

export function LazadaCard({ store, subscription, now, quiet }: LazadaCardProps) {
  const view = useLazadaStore((s) => (s.storeId === store.id ? s.store : null))
  const credentials = useCredentialsStore((s) => s.credentials)
  const openEdit = useStoreFormStore((s) => s.openEdit)
  const [recordOpen, recordModal] = useDisclosure(false)

  useEffect(() => {
    if (!useCredentialsStore.getState().loaded) void useCredentialsStore.getState().load()
  }, [])

  if (!view) return null
  const off = credentials ? remoteChecksOffReason(credentials) : null
  const somethingToSay = view.answer !== null || view.cannotCheck !== null || view.token !== null || view.lastError !== null
  if (!somethingToSay && (quiet || !credentials)) return null

  const header = (
    <Group justify="space-between" mb="sm" wrap="nowrap">
      <Title order={3} size="h5" id="lazada-title">
        {LAZADA_CARD_TITLE}
      </Title>
      {view.answer && (
        <Text size="xs" c="dimmed" title={formatDateTime(view.answer.checkedAt)}>
          Checked {formatRelative(view.answer.checkedAt, Math.max(now, view.answer.checkedAt))}
        </Text>
      )}
    </Group>
  )

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="lazada-title" data-testid="lazada-card">
      {header}
      <Stack gap="sm">
        {view.cannotCheck && (
          <Alert color="gray" variant="light" p="sm" icon={<IconPlugConnectedX size={18} />} title="Can’t check with Lazada" role="note" data-testid="lazada-cannot-check">
            <Text size="sm" mb={6}>
              {view.cannotCheck}
            </Text>
            <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => openEdit(store)}>
              Add the short code
            </Button>
          </Alert>
        )}

        {!somethingToSay && off && (
          <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="lazada-off">
            <IconInfoCircle size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
            <Text size="sm" c="dimmed">
              Storewatch does not ask Lazada about subscriptions yet. {off}{' '}
              <Anchor component={Link} href={LAZADA_SETTINGS_PATH} size="sm" fw={500}>
                Open Settings → Lazada connection
              </Anchor>
            </Text>
          </Group>
        )}

        {(view.answer !== null || (!view.cannotCheck && (!off || view.lastError !== null))) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <LazadaSide view={view} store={store} now={now} />
            <KamSide view={view} store={store} subscription={subscription} now={now} />
          </SimpleGrid>
        )}

        {view.disagreement && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Lazada disagrees with your record" data-testid="lazada-disagreement">
            <Text size="sm" fw={600} data-testid="lazada-disagreement-headline">
              {disagreementHeadline(view.disagreement, store.country, view.answer?.shortCode ?? store.sellerShortCode)}
            </Text>
            <Text size="sm" mt={4}>
              {view.disagreement.message}
            </Text>
            <Group gap="xs" mt="xs">
              <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={recordModal.open}>
                Use Lazada’s End Time…
              </Button>
              <Text size="xs" c="dimmed">
                Check the Order Confirmation page on Service Market, or ask the seller.
              </Text>
            </Group>
          </Alert>
        )}

        {view.answer && !view.disagreement && view.kamEndAt !== null && view.answer.endAt !== null && (
          <Group gap={6} wrap="nowrap" data-testid="lazada-agrees">
            <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
            <Text size="sm" c="green.9">
              Lazada agrees with the End Time you recorded.
            </Text>
          </Group>
        )}

        {view.lastError && (
          <Alert color="red" variant="light" p="sm" title={`The last query failed ${formatRelative(view.lastError.at, Math.max(now, view.lastError.at))} (${causeLabel(view.lastError.cause)})`} role="note" data-testid="lazada-error">
            <Text size="sm">{view.lastError.message}</Text>
            <Text size="xs" c="dimmed" mt={2}>
              {formatDateTime(view.lastError.at)}
              {view.answer ? ' · the answer above is the last one that worked' : ''}
            </Text>
          </Alert>
        )}

        {somethingToSay && off && (
          <Text size="xs" c="dimmed" data-testid="lazada-off">
            Checks don’t ask Lazada now: {off}{' '}
            <Anchor component={Link} href={LAZADA_SETTINGS_PATH} size="xs">
              Lazada connection
            </Anchor>
          </Text>
        )}

        {view.token && <Tokens token={view.token} country={store.country} now={now} />}
      </Stack>
      <SubscriptionModal opened={recordOpen} store={store} subscription={subscription} lazadaEndAt={view.answer?.endAt ?? null} onClose={recordModal.close} />
    </Card>
  )
}
