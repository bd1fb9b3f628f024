/**
 * The notification centre: every reminder Storewatch fired, whether or not the OS showed it,
 * grouped by check run and rung and most urgent first (see electron/core/monitoring/
 * reminder-urgency.ts), filtered by status and owner. Opening one marks it read and shows its
 * store; a group is marked read or snoozed from its header. A snoozed store's entries leave the
 * unread view (and the unread count) until the snooze ends.
 */
import { Button, Card, Center, EmptyState, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconBellOff, IconChecks, IconFilterOff } from '@tabler/icons-react'
import { useCallback, useEffect } from 'react'
import { useLocation } from 'wouter'
import type { ReminderItem } from '../../../../electron/shared/monitoring'
import { formatCount } from '../../lib/format'
import { toastError } from '../../lib/toast'
import { useNow } from '../../lib/use-now'
import { isFiltered, useRemindersStore } from '../../stores/useRemindersStore'
import { centreStorePath } from '../../stores/useStoreSequenceStore'
import type { ReminderFilter } from '../../stores/useRemindersStore'
import { LoadFailed } from '../common/LoadFailed'
import { CentreFilters } from './CentreFilters'
import { CentreList } from './CentreList'

function NothingMatches({ onClear }: { onClear(): void }) {
  return (
    <EmptyState py="xl">
      <EmptyState.Indicator>
        <IconFilterOff />
      </EmptyState.Indicator>
      <EmptyState.Title order={2}>No reminders match these filters</EmptyState.Title>
      <EmptyState.Description>No reminder here is for a store with that status and owner.</EmptyState.Description>
      <EmptyState.Actions>
        <Button variant="light" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}

function NoReminders({ filter, onShowAll }: { filter: ReminderFilter; onShowAll(): void }) {
  return (
    <EmptyState py="xl">
      <EmptyState.Indicator>
        <IconBellOff />
      </EmptyState.Indicator>
      <EmptyState.Title order={2}>{filter === 'unread' ? 'No unread reminders' : 'No reminders yet'}</EmptyState.Title>
      <EmptyState.Description>
        {filter === 'unread'
          ? 'You have read every reminder.'
          : 'Storewatch reminds you before a subscription ends or an authorization lapses, and lists every reminder here.'}
      </EmptyState.Description>
      {filter === 'unread' && (
        <EmptyState.Actions>
          <Button variant="light" onClick={onShowAll}>
            Show all reminders
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  )
}

export function NotificationsPage() {
  const [, navigate] = useLocation()
  const now = useNow()
  const centre = useRemindersStore((s) => s.centre)
  const unread = useRemindersStore((s) => s.unread)
  const filter = useRemindersStore((s) => s.filter)
  const statuses = useRemindersStore((s) => s.statuses)
  const owners = useRemindersStore((s) => s.owners)
  const loaded = useRemindersStore((s) => s.loaded)
  const error = useRemindersStore((s) => s.error)
  const busy = useRemindersStore((s) => s.busyGroup === '')
  const { load, setFilter, markRead, markShownRead, clearFilters, setActive } = useRemindersStore.getState()
  const filtered = isFiltered({ statuses, owners })
  const shownUnread = centre?.groups.reduce((sum, g) => sum + g.unread, 0) ?? 0

  useEffect(() => {
    void load()
  }, [load])

  const onOpen = useCallback(
    (reminder: ReminderItem) => {
      if (reminder.readAt === null) void markRead([reminder.id])
      setActive(reminder.id)
      navigate(centreStorePath(reminder.storeId))
    },
    [markRead, setActive, navigate]
  )

  async function onMarkShownRead(): Promise<void> {
    const result = await markShownRead()
    if (!result.ok) toastError('Could not mark the reminders read', result.error.message)
  }

  let body
  if (!loaded) {
    body = error ? (
      <LoadFailed what="the reminders" error={error} onRetry={() => void load()} />
    ) : (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the reminders" />
      </Center>
    )
  } else if (centre && centre.shown === 0 && filtered && centre.total > 0) {
    body = <NothingMatches onClear={clearFilters} />
  } else if (!centre || centre.shown === 0) {
    body = <NoReminders filter={filter} onShowAll={() => setFilter('all')} />
  } else {
    body = (
      <Card withBorder padding={0} radius="md" className="reminder-card">
        <CentreList now={now} onOpen={onOpen} />
      </Card>
    )
  }

  return (
    <div className="page">
      <Stack gap="sm" p="md" maw={1100} className="notifications-column">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" align="baseline">
            <Title order={2} size="h3">
              Notifications
            </Title>
            <Text size="sm" c="dimmed" data-testid="unread-summary">
              {unread ? `${formatCount(unread)} unread` : 'All read'}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label="Show"
              value={filter}
              onChange={(value) => setFilter(value as ReminderFilter)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'unread', label: 'Unread' }
              ]}
            />
            <Button
              variant="default"
              size="xs"
              leftSection={<IconChecks size={16} />}
              onClick={() => void onMarkShownRead()}
              loading={busy}
              disabled={filtered ? shownUnread === 0 : unread === 0}
            >
              {filtered ? `Mark shown read (${formatCount(shownUnread)})` : 'Mark all read'}
            </Button>
          </Group>
        </Group>
        {loaded && centre && (centre.total > 0 || filtered) && <CentreFilters />}
        {error && loaded && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {body}
      </Stack>
    </div>
  )
}
