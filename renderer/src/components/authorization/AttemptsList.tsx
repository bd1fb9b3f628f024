/** The store's recent authorization attempts: when, how (window or link), and how each ended. */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { ATTEMPT_OUTCOME_LABELS } from '../../../../electron/shared/authorization'
import type { AttemptOutcome, AuthorizationAttempt } from '../../../../electron/shared/authorization'
import type { Store } from '../../../../electron/shared/portfolio'
import { formatKamTime } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useAuthorizationStore } from '../../stores/useAuthorizationStore'

const OUTCOME_COLORS: Record<AttemptOutcome, string> = {
  pending: 'blue',
  captured: 'teal',
  abandoned: 'gray',
  expired: 'gray',
  refused: 'red'
}

const MODE_LABELS = { window: 'Lazada window', link: 'Link for the seller' } as const

const SHOWN = 5

export function AttemptsList({ store, now }: { store: Store; now: number }) {
  const attemptsOf = useAuthorizationStore((s) => s.storeId)
  const all = useAuthorizationStore((s) => s.attempts)
  const busy = useAuthorizationStore((s) => s.busy)
  const { confirmLink, cancelAttempt } = useAuthorizationStore.getState()
  const [showAll, setShowAll] = useState(false)
  const attempts = attemptsOf === store.id ? all : []
  if (attempts.length === 0) return null
  const shown = showAll ? attempts : attempts.slice(0, SHOWN)

  async function onConfirm(attempt: AuthorizationAttempt): Promise<void> {
    const result = await confirmLink(store.id, attempt.id)
    if (result.ok) toastSuccess('Authorization recorded', `${storeLabel(store)}: now reconnect the store.`)
    else toastError('Could not record the authorization', result.error.message)
  }

  async function onWithdraw(attempt: AuthorizationAttempt): Promise<void> {
    const result = await cancelAttempt(store.id, attempt.id)
    if (!result.ok) toastError('Could not withdraw the link', result.error.message)
  }

  return (
    <Stack gap={6} mt="md">
      <Text size="sm" fw={600}>
        Recent attempts
      </Text>
      <Table aria-label="Authorization attempts" verticalSpacing={4} horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>How</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((attempt) => {
            const pending = attempt.outcome === 'pending' && attempt.expiresAt > now
            const outcome: AttemptOutcome = attempt.outcome === 'pending' && !pending ? 'expired' : attempt.outcome
            const when = formatKamTime(attempt.createdAt, now)
            return (
              <Table.Tr key={attempt.id} data-testid="attempt-row">
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {when}
                  </Text>
                  <Text size="xs" c="dimmed">
                    by {attempt.createdBy}
                  </Text>
                </Table.Td>
                <Table.Td>{MODE_LABELS[attempt.mode]}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                    <Stack gap={2}>
                      <Badge color={OUTCOME_COLORS[outcome]} variant="light" radius="sm" w="fit-content">
                        {ATTEMPT_OUTCOME_LABELS[outcome]}
                      </Badge>
                      {attempt.outcomeReason && (
                        <Text size="xs" c="dimmed">
                          {attempt.outcomeReason}
                        </Text>
                      )}
                    </Stack>
                    {pending && attempt.mode === 'link' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="teal"
                          onClick={() => void onConfirm(attempt)}
                          disabled={busy !== null}
                          aria-label={`Confirm the link of ${when}: the seller authorized`}
                        >
                          Confirm
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => void onWithdraw(attempt)}
                          disabled={busy !== null}
                          aria-label={`Withdraw the link of ${when}`}
                        >
                          Withdraw
                        </Button>
                      </Group>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {attempts.length > SHOWN && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${attempts.length} attempts`}
        </Button>
      )}
    </Stack>
  )
}
