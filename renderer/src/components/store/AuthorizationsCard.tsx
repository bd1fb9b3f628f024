/** The seller's authorizations of the app, newest first, and whether each was reconnected in the OMS. */
import { ActionIcon, Button, Card, Group, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconCheck, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import type { StoreChecklists } from '../../../../electron/shared/checklists'
import type { Store } from '../../../../electron/shared/portfolio'
import { AUTHORIZATION_METHOD_LABELS } from '../../../../electron/shared/records'
import type { Authorization } from '../../../../electron/shared/records'
import { formatKamTime, formatStoreDate, formatStoreTime, sameTimeAsKam } from '../../lib/dates'
import { EMPTY_VALUE, formatDateTime, storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { AttemptsList } from '../authorization/AttemptsList'
import { AuthorizeActions } from '../authorization/AuthorizeActions'
import { ConfirmModal } from '../common/ConfirmModal'
import { AuthorizationModal } from './AuthorizationModal'

function When({ instant, country, now }: { instant: number; country: string; now: number }) {
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatStoreTime(instant, country, now)}
      </Text>
      {!sameTimeAsKam(instant, country) && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatKamTime(instant, now)}
        </Text>
      )}
    </>
  )
}

function Dash() {
  return (
    <Text span size="sm" c="dimmed">
      {EMPTY_VALUE}
    </Text>
  )
}

interface AuthorizationsCardProps {
  store: Store
  authorizations: Authorization[]
  now: number
  /** Whether Lazada's authorization can be opened for the store; null while unknown. */
  authorize: StoreChecklists['authorize'] | null
  /** No authorization to ask for (out of scope): no Reauthorize. */
  withoutReauthorize?: boolean
  /** The banner above already offers "Mark reconnected" for the latest authorization. */
  reconnectOfferedAbove?: boolean
}

export function AuthorizationsCard({ store, authorizations, now, authorize, withoutReauthorize = false, reconnectOfferedAbove = false }: AuthorizationsCardProps) {
  const busy = useStoreDetailStore((s) => s.busy)
  const { removeAuthorization, markReconnected } = useStoreDetailStore.getState()
  const [formOpen, form] = useDisclosure(false)
  const [removing, setRemoving] = useState<Authorization | null>(null)
  const latest = authorizations[0]
  const country = store.country

  async function onMarkReconnected(): Promise<void> {
    const result = await markReconnected(store.id)
    if (result.ok) toastSuccess('Marked reconnected', storeLabel(store))
    else toastError('Could not mark the store reconnected', result.error.message)
  }

  async function onRemove(authorization: Authorization): Promise<void> {
    const result = await removeAuthorization(store.id, authorization.id)
    setRemoving(null)
    if (result.ok) toastSuccess('Authorization record removed', storeLabel(store))
    else toastError('Could not remove the authorization', result.error.message)
  }

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="authorizations-title">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5" id="authorizations-title">
          Authorizations
        </Title>
        <Group gap="xs" wrap="nowrap">
          {latest && latest.reconnectedAt === null && !reconnectOfferedAbove && (
            <Button size="compact-sm" variant="light" color="orange" leftSection={<IconPlugConnected size={14} />} onClick={() => void onMarkReconnected()} loading={busy}>
              Mark reconnected
            </Button>
          )}
          <Button size="compact-sm" variant={withoutReauthorize ? 'filled' : 'default'} leftSection={<IconPlus size={14} />} onClick={form.open} disabled={busy}>
            Record authorization
          </Button>
        </Group>
      </Group>
      {!withoutReauthorize &&
        (authorize?.ready === false ? (
          <div style={{ marginBottom: 'var(--mantine-spacing-md)' }} data-testid="reauthorize-bar">
            <AuthorizeActions store={store} authorize={authorize} now={now} size="sm" />
          </div>
        ) : (
          <Group gap="md" mb="md" wrap="nowrap" align="flex-start" data-testid="reauthorize-bar">
            <AuthorizeActions store={store} authorize={authorize} now={now} size="sm" />
            <Text size="xs" c="dimmed" mt={2} style={{ flex: 1 }}>
              “Reauthorize” opens Lazada’s authorization page for this store in a separate window and records the authorization by itself. The
              link is for the seller’s own browser.
            </Text>
          </Group>
        ))}
      {authorizations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No authorization on record. Record one when the seller has authorized the app and landed on the integrator’s login page.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table aria-label="Authorizations" verticalSpacing={6} horizontalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>How · account</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Lapses</Table.Th>
                <Table.Th>Reconnected</Table.Th>
                <Table.Th w={40}>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {authorizations.map((a) => (
                <Table.Tr key={a.id} data-testid="authorization-row">
                  <Table.Td>
                    <When instant={a.authorizedAt} country={country} now={now} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{AUTHORIZATION_METHOD_LABELS[a.method]}</Text>
                    <Text size="xs" c="dimmed" truncate title={a.account ?? undefined} maw={260}>
                      {a.account ?? 'Account not recorded'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.country ?? <Dash />}</Table.Td>
                  <Table.Td>{a.refreshDeadlineAt !== null ? <When instant={a.refreshDeadlineAt} country={country} now={now} /> : <Dash />}</Table.Td>
                  <Table.Td>
                    {a.reconnectedAt !== null ? (
                      <Tooltip label={`${formatDateTime(a.reconnectedAt)}${a.reconnectedBy ? ` by ${a.reconnectedBy}` : ''}`} openDelay={300}>
                        <Group gap={4} wrap="nowrap" aria-label={`Reconnected ${formatDateTime(a.reconnectedAt)}`}>
                          <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
                          <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatStoreDate(a.reconnectedAt, country)}
                          </Text>
                        </Group>
                      </Tooltip>
                    ) : (
                      <Text span size="sm" c={a === latest ? 'orange.8' : 'dimmed'} aria-label="Not reconnected">
                        {EMPTY_VALUE}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Remove this record" openDelay={400}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove the authorization of ${formatStoreDate(a.authorizedAt, country)}`}
                        onClick={() => setRemoving(a)}
                        disabled={busy}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AttemptsList store={store} now={now} />
      <AuthorizationModal opened={formOpen} store={store} onClose={form.close} />
      <ConfirmModal
        opened={removing !== null}
        title="Remove this authorization?"
        confirmLabel="Remove"
        busy={busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void onRemove(removing)}
      >
        <Text size="sm">
          The authorization of {removing ? formatStoreTime(removing.authorizedAt, country) : ''} is removed from {storeLabel(store)}. Do this only
          for a record made by mistake; the store’s history keeps a note of it.
        </Text>
      </ConfirmModal>
    </Card>
  )
}
