/**
 * What "Join" would do, before anything is merged: the team's name, its stores and this laptop's,
 * every local store that matches a team store (by country and short code, or login e-mail), paged
 * so none is left out, and how many stores are new each way. "Join" asks before it merges.
 */
import { Alert, Badge, Button, Group, Pagination, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconUsersPlus } from '@tabler/icons-react'
import { useState } from 'react'
import type { TeamJoinPreview as Preview, TeamStoreMatch } from '../../../../electron/shared/team'
import { formatCount, plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useTeamStore } from '../../stores/useTeamStore'
import { ConfirmModal } from '../common/ConfirmModal'

export const MATCHES_PER_PAGE = 25

const MATCH_BY: Record<TeamStoreMatch['by'], string> = { 'short-code': 'Short code', 'login-email': 'Login e-mail' }

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} data-testid={testId}>
        {formatCount(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  )
}

function MatchTable({ matches, localStores }: { matches: TeamStoreMatch[]; localStores: number }) {
  const [page, setPage] = useState(1)
  const pages = Math.max(1, Math.ceil(matches.length / MATCHES_PER_PAGE))
  const shown = matches.slice((page - 1) * MATCHES_PER_PAGE, page * MATCHES_PER_PAGE)
  const first = (page - 1) * MATCHES_PER_PAGE + 1
  if (matches.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="team-no-matches">
        {localStores === 0 ? 'This laptop has no stores yet: nothing to match.' : 'No store on this laptop matches a team store: every local store is new to the team.'}
      </Text>
    )
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} id="team-matches-title">
        {plural(matches.length, 'store matches a team store', 'stores match team stores')} and become one on joining
      </Text>
      <Table striped withTableBorder aria-labelledby="team-matches-title" data-testid="team-matches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>This laptop’s store</Table.Th>
            <Table.Th>Team store</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>Matched by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((m) => (
            <Table.Tr key={`${m.localStoreId}-${m.by}`}>
              <Table.Td>{m.localName}</Table.Td>
              <Table.Td>{m.teamStoreName}</Table.Td>
              <Table.Td>{m.country}</Table.Td>
              <Table.Td>
                {MATCH_BY[m.by]} <Text span ff="monospace" size="sm">{m.value}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" data-testid="team-matches-range">
            {formatCount(first)}–{formatCount(first + shown.length - 1)} of {formatCount(matches.length)}
          </Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" getItemProps={(n) => ({ 'aria-label': `Matches, page ${n}` })}
            getControlProps={(control) => ({ 'aria-label': `Matches, ${control} page` })} />
        </Group>
      )}
    </Stack>
  )
}

export function TeamJoinPreview({ preview }: { preview: Preview }) {
  const busy = useTeamStore((s) => s.busy)
  const join = useTeamStore((s) => s.join)
  const [confirmOpen, confirm] = useDisclosure(false)

  async function onJoin(): Promise<void> {
    const result = await join()
    confirm.close()
    if (result.ok) toastSuccess(`Joined ${preview.teamName}`, 'The team’s portfolio is on this laptop; your changes reach the team as you make them.')
    else toastError('Could not join the team', result.error.message)
  }

  return (
    <Stack gap="md" data-testid="team-preview">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Joining
        </Text>
        <Badge variant="light" radius="sm" tt="none" data-testid="team-preview-name">
          {preview.teamName}
        </Badge>
        <Text size="xs" c="dimmed">
          Nothing has been merged yet.
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Figure label="team stores" value={preview.teamStores} testId="team-preview-team-stores" />
        <Figure label="stores on this laptop" value={preview.localStores} testId="team-preview-local-stores" />
        <Figure label="new to the team (shared on joining)" value={preview.newLocal} testId="team-preview-new-local" />
        <Figure label="new to this laptop (arrive on joining)" value={preview.newFromTeam} testId="team-preview-new-team" />
      </SimpleGrid>
      <MatchTable matches={preview.matches} localStores={preview.localStores} />
      <Group justify="flex-end">
        <Button leftSection={<IconUsersPlus size={16} />} onClick={confirm.open} disabled={busy !== null}>
          Join {preview.teamName}
        </Button>
      </Group>
      <ConfirmModal opened={confirmOpen} title={`Join ${preview.teamName}?`} confirmLabel="Join the team" color="indigo" busy={busy === 'join'} onCancel={confirm.close} onConfirm={() => void onJoin()}>
        <Stack gap="xs">
          <Text size="sm">
            {plural(preview.matches.length, 'matched store becomes', 'matched stores become')} one with the team’s,{' '}
            {plural(preview.newLocal, 'store')} from this laptop {preview.newLocal === 1 ? 'is' : 'are'} shared with the team, and{' '}
            {plural(preview.newFromTeam, 'team store')} {preview.newFromTeam === 1 ? 'arrives' : 'arrive'} here.
          </Text>
          <Alert color="blue" variant="light" p="sm">
            Your reminders, notifications, snoozes and quiet hours stay on this laptop; stores and everything recorded about them are shared.
          </Alert>
        </Stack>
      </ConfirmModal>
    </Stack>
  )
}
