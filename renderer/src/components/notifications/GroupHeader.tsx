/** A group's header in the centre: its run and rung, counts, fold, and the group's actions. */
import { Button, Group, Menu, Text, UnstyledButton } from '@mantine/core'
import { IconBellZ, IconChecks, IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { DateTime } from 'luxon'
import type { ReminderGroup, SnoozeMode } from '../../../../electron/shared/monitoring'
import { formatCount, plural } from '../../lib/format'
import { SnoozeMenuItems } from '../common/SnoozeMenu'
import { rungLabel } from './centre-rows'

/** "Check at 09:00, 2 Dec", in the KAM's time. */
export function groupTitle(group: ReminderGroup): string {
  const when = DateTime.fromMillis(group.runAt).toFormat('HH:mm, d LLL')
  return `${group.runId === null ? 'Up to' : 'Check at'} ${when} · ${rungLabel(group.rung)}`
}

interface GroupHeaderProps {
  group: ReminderGroup
  collapsed: boolean
  busy: boolean
  now: number
  onToggle(key: string): void
  onMarkRead(key: string): void
  onSnooze(key: string, mode: SnoozeMode): void
}

export function GroupHeader({ group, collapsed, busy, now, onToggle, onMarkRead, onSnooze }: GroupHeaderProps) {
  const title = groupTitle(group)
  return (
    <Group className="reminder-group" data-testid="reminder-group" data-group={group.key} gap="xs" wrap="nowrap" justify="space-between">
      <UnstyledButton
        className="reminder-group-toggle"
        aria-expanded={!collapsed}
        aria-label={`${title}: ${plural(group.total, 'reminder')}, ${formatCount(group.unread)} unread`}
        onClick={() => onToggle(group.key)}
      >
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {collapsed ? <IconChevronRight size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
          <Text size="sm" fw={700} truncate>
            {title}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {plural(group.total, 'reminder')} · {formatCount(group.unread)} unread
          </Text>
        </Group>
      </UnstyledButton>
      <Group gap={6} wrap="nowrap">
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconChecks size={14} />}
          disabled={group.unread === 0}
          loading={busy}
          onClick={() => onMarkRead(group.key)}
          aria-label={`Mark ${formatCount(group.unread)} read: ${title}`}
        >
          Mark {formatCount(group.unread)} read
        </Button>
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <Button variant="subtle" size="compact-xs" leftSection={<IconBellZ size={14} />} aria-label={`Snooze the stores of ${title}`} disabled={busy}>
              Snooze
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>The stores of these {plural(group.total, 'reminder')}</Menu.Label>
            <SnoozeMenuItems snoozedUntil={null} now={now} onSnooze={(mode) => onSnooze(group.key, mode)} onUnsnooze={() => undefined} />
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}
