import { Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core'
import type { KeyboardEvent, ReactNode } from 'react'
import type { ReminderItem, ReminderState } from '../../../../electron/shared/monitoring'
import { formatKamTime } from '../../lib/dates'
import { formatDateTime, formatRelative } from '../../lib/format'

const STATE_BADGES: Partial<Record<ReminderState, { label: string; color: string; hint: string }>> = {
  held: {
    label: 'Held (quiet hours/snoozed)',
    color: 'yellow',
    hint: 'It came due during quiet hours or a snooze; Storewatch shows it when they end.'
  },
  failed: {
    label: 'Not shown by the OS',
    color: 'red',
    hint: 'Your computer refused the notification (notifications may be off for Storewatch). It is kept here.'
  },
  muted: {
    label: 'Not one of your stores',
    color: 'gray',
    hint: 'You asked to be reminded only about your own stores (Settings → You), so the system did not show it. It is kept here.'
  },
  skipped: {
    label: 'Skipped',
    color: 'gray',
    hint: 'A later reminder for the same deadline fired first (after the computer slept), so this one was not shown.'
  }
}

export function StateBadge({ state }: { state: ReminderState }) {
  const badge = STATE_BADGES[state]
  if (!badge) return null
  return (
    <Tooltip label={badge.hint} multiline maw={300} openDelay={300}>
      <Badge size="sm" variant="light" color={badge.color} radius="sm" tt="none" styles={{ root: { color: `var(--mantine-color-${badge.color}-9)` } }}>
        {badge.label}
      </Badge>
    </Tooltip>
  )
}

interface ReminderEntryProps {
  reminder: ReminderItem
  now: number
  onOpen(reminder: ReminderItem): void
  /** The store page lists its own reminders: no need to name the store there. */
  showStore?: boolean
  /** Space (or R) on the entry marks it read without opening its store. */
  onMarkRead?(reminder: ReminderItem): void
  /** While its store is snoozed (the centre says so). */
  snoozedUntil?: number | null
  /** Buttons beside the entry (mark read, snooze). */
  actions?: ReactNode
  /** What the store is now, e.g. "Expiring · Ben". */
  detail?: string
}

export function ReminderEntry({ reminder, now, onOpen, showStore = true, onMarkRead, snoozedUntil = null, actions, detail }: ReminderEntryProps) {
  const unread = reminder.readAt === null
  const bodyId = `reminder-body-${reminder.id}`
  function onKey(event: KeyboardEvent<HTMLButtonElement>): void {
    if (!onMarkRead || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === ' ' || event.key.toLowerCase() === 'r') {
      // Space would click the button (open the store): here it marks read, Enter opens.
      event.preventDefault()
      if (event.type === 'keydown' && unread) onMarkRead(reminder)
    }
  }
  const entry = (
    <UnstyledButton
      className="reminder-entry"
      data-unread={unread}
      data-testid="reminder-entry"
      aria-label={`${unread ? 'Unread: ' : ''}${reminder.title}${showStore ? ` · ${reminder.storeLabel}` : ''}`}
      aria-describedby={bodyId}
      onClick={() => onOpen(reminder)}
      onKeyDown={onMarkRead ? onKey : undefined}
      onKeyUp={onMarkRead ? onKey : undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <span className="unread-dot" data-read={!unread} aria-hidden />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Group gap={8} style={{ minWidth: 0 }}>
              <Text size="sm" fw={unread ? 700 : 500} c={unread ? undefined : 'gray.8'}>
                {reminder.title}
              </Text>
              <StateBadge state={reminder.state} />
              {snoozedUntil !== null && snoozedUntil > now && (
                <Badge size="sm" variant="light" color="gray" radius="sm" tt="none">
                  Snoozed until {formatKamTime(snoozedUntil, now)}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(reminder.firedAt)}>
              <time dateTime={new Date(reminder.firedAt).toISOString()}>{formatRelative(reminder.firedAt, now)}</time>
            </Text>
          </Group>
          <Text size="sm" id={bodyId} c={unread ? undefined : 'gray.7'} className="truncates" truncate>
            {reminder.body}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {showStore && <>{reminder.storeLabel} · </>}
            {detail && <>{detail} · </>}
            {formatDateTime(reminder.firedAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  )
  if (!actions) return entry
  return (
    <div className="reminder-entry-row" data-unread={unread}>
      {entry}
      <div className="reminder-entry-actions">{actions}</div>
    </div>
  )
}
