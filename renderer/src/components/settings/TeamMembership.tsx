/**
 * A joined team: its name, this person's Postgres role (the author of their changes), the team
 * state in words, who asks Lazada, "Sync now", and "Leave team" (which keeps a local copy).
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconDoorExit, IconRefresh } from '@tabler/icons-react'
import type { TeamView } from '../../../../electron/shared/team'
import { toastError, toastSuccess } from '../../lib/toast'
import { useTeamStore } from '../../stores/useTeamStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { TEAM_STATE_COLORS, teamHeaderLabel, teamStateSentence } from '../shell/team-state-text'

function Fact({ label, children, testId }: { label: string; children: string; testId: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </Group>
  )
}

export function TeamMembership({ view }: { view: TeamView }) {
  const busy = useTeamStore((s) => s.busy)
  const syncNow = useTeamStore((s) => s.syncNow)
  const leave = useTeamStore((s) => s.leave)
  const [leaveOpen, leaveModal] = useDisclosure(false)
  const { state } = view
  const trouble = state.kind === 'offline' || state.kind === 'refused'
  const teamName = view.teamName ?? 'the team'

  async function onSync(): Promise<void> {
    const result = await syncNow()
    if (!result.ok) toastError('Could not sync now', result.error.message)
  }

  async function onLeave(): Promise<void> {
    const result = await leave()
    leaveModal.close()
    if (result.ok) toastSuccess(`Left ${teamName}`, 'Every store stays on this laptop as your own copy.')
    else toastError('Could not leave the team', result.error.message)
  }

  return (
    <Stack gap="sm" data-testid="team-membership">
      <Fact label="Team" testId="team-name">
        {view.teamName ?? 'Not known yet (the server has not answered)'}
      </Fact>
      <Fact label="Your PostgreSQL role" testId="team-role">
        {view.role ?? view.connection?.user ?? '—'}
      </Fact>
      <Fact label="Lazada checks" testId="team-lazada-checks">
        {view.lazadaChecks === 'team-checker' ? 'By the team’s checker, once for everyone' : 'By this laptop'}
      </Fact>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>
          State
        </Text>
        <Stack gap={4}>
          <Badge color={TEAM_STATE_COLORS[state.kind]} variant="light" radius="sm" tt="none" data-testid="team-state">
            {teamHeaderLabel(state) ?? 'Not on a team'}
          </Badge>
          {!trouble && (
            <Text size="xs" c="dimmed">
              {teamStateSentence(state)}
            </Text>
          )}
        </Stack>
      </Group>
      {trouble && (
        <Alert color={TEAM_STATE_COLORS[state.kind]} variant="light" p="sm" data-testid="team-trouble" title={state.kind === 'offline' ? 'Offline' : 'Not syncing'}>
          {teamStateSentence(state)}
        </Alert>
      )}
      <Group gap="sm">
        <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void onSync()} loading={busy === 'sync'} disabled={busy !== null && busy !== 'sync'}>
          Sync now
        </Button>
        <Button variant="subtle" color="red" leftSection={<IconDoorExit size={16} />} onClick={leaveModal.open} disabled={busy !== null}>
          Leave team
        </Button>
      </Group>
      <ConfirmModal opened={leaveOpen} title={`Leave ${teamName}?`} confirmLabel="Leave team" busy={busy === 'leave'} onCancel={leaveModal.close} onConfirm={() => void onLeave()}>
        <Text size="sm">
          Syncing stops. A local copy of every store and everything recorded about it stays on this laptop, as your own portfolio; the team keeps
          its copy. Changes made here from now on reach no one else.
        </Text>
        {view.state.kind === 'offline' && view.state.pending > 0 && (
          <Alert color="orange" variant="light" p="sm">
            {view.state.pending === 1 ? 'One change made here has' : `${view.state.pending} changes made here have`} not reached the team yet: they stay in the local copy only.
          </Alert>
        )}
      </ConfirmModal>
    </Stack>
  )
}
