/**
 * The notification centre: every reminder Storewatch fired, newest first, whether or not the OS
 * showed it. Opening one marks it read and shows its store. The entries are the shared
 * VirtualList, so a long list costs the entries in view; ↑ ↓ move between them.
 */
import { Button, Card, Center, EmptyState, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconBellOff, IconChecks } from '@tabler/icons-react'
import { memo, useCallback, useEffect } from 'react'
import { useLocation } from 'wouter'
import type { ReminderItem } from '../../../../electron/shared/monitoring'
import { formatCount } from '../../lib/format'
import { toastError } from '../../lib/toast'
import { useNow } from '../../lib/use-now'
import { useRemindersStore } from '../../stores/useRemindersStore'
import type { ReminderFilter } from '../../stores/useRemindersStore'
import { ReminderEntry } from './ReminderEntry'
import { LoadFailed } from '../common/LoadFailed'
import { VirtualList } from '../list/VirtualList'

/** Each entry takes three lines: title, what happened, which store and when. */
const ENTRY_HEIGHT = 80

const Entry = memo(ReminderEntry)

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
  const reminders = useRemindersStore((s) => s.reminders)
  const unread = useRemindersStore((s) => s.unread)
  const filter = useRemindersStore((s) => s.filter)
  const loaded = useRemindersStore((s) => s.loaded)
  const error = useRemindersStore((s) => s.error)
  const { load, setFilter, markRead, markAllRead } = useRemindersStore.getState()

  useEffect(() => {
    void load()
  }, [load])

  const onOpen = useCallback(
    (reminder: ReminderItem) => {
      if (reminder.readAt === null) void markRead([reminder.id])
      navigate(`/stores/${reminder.storeId}`)
    },
    [markRead, navigate]
  )

  async function onMarkAllRead(): Promise<void> {
    const result = await markAllRead()
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
  } else if (reminders.length === 0) {
    body = <NoReminders filter={filter} onShowAll={() => setFilter('all')} />
  } else {
    body = (
      <Card withBorder padding={0} radius="md" className="reminder-card">
        <VirtualList
          kind="list"
          label="Reminders"
          testId="reminder-list"
          className="reminder-list"
          count={reminders.length}
          rowHeight={ENTRY_HEIGHT}
          renderRow={(index) => <Entry reminder={reminders[index]!} now={now} onOpen={onOpen} />}
        />
      </Card>
    )
  }

  return (
    <div className="page">
      <Stack gap="md" p="md" maw={980} className="notifications-column">
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
            <Button variant="default" size="xs" leftSection={<IconChecks size={16} />} onClick={() => void onMarkAllRead()} disabled={unread === 0}>
              Mark all read
            </Button>
          </Group>
        </Group>
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
