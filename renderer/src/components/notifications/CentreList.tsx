/**
 * The centre's groups and entries as one VirtualList (see centre-rows): ↑ ↓ move between headers
 * and entries, Enter opens an entry's store (and marks it read), Space or R marks it read, Enter or
 * Space on a header folds it. Pages of entries load as they scroll into view.
 */
import { ActionIcon, Menu, Text, Tooltip } from '@mantine/core'
import { IconBellZ, IconCheck } from '@tabler/icons-react'
import { memo, useCallback, useMemo } from 'react'
import type { CentreEntry, ReminderItem, SnoozeMode } from '../../../../electron/shared/monitoring'
import { STATUS_LABELS } from '../../../../electron/shared/status'
import { toastError } from '../../lib/toast'
import { useRemindersStore } from '../../stores/useRemindersStore'
import { SnoozeMenuItems } from '../common/SnoozeMenu'
import { VirtualList } from '../list/VirtualList'
import { centreRows, entriesInRows, rowOfEntry } from './centre-rows'
import { GroupHeader } from './GroupHeader'
import { ReminderEntry } from './ReminderEntry'

/** An entry takes three lines: title, what happened, which store and when; a header one. */
const ENTRY_HEIGHT = 80
const HEADER_HEIGHT = 44

const Header = memo(GroupHeader)

interface EntryActionsProps {
  entry: CentreEntry
  now: number
  onMarkRead(reminder: ReminderItem): void
}

const EntryActions = memo(function EntryActions({ entry, now, onMarkRead }: EntryActionsProps) {
  const { snoozeStore, unsnoozeStore } = useRemindersStore.getState()
  async function run(action: Promise<{ ok: boolean; error?: { message: string } }>) {
    const result = await action
    if (!result.ok) toastError('Could not change the snooze', result.error?.message ?? '')
  }
  return (
    <>
      <Tooltip label="Mark read (Space)" openDelay={400}>
        <ActionIcon variant="subtle" size="sm" aria-label={`Mark read: ${entry.title}`} disabled={entry.readAt !== null} onClick={() => onMarkRead(entry)}>
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`Snooze reminders for ${entry.storeLabel}`}>
            <IconBellZ size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <SnoozeMenuItems
            snoozedUntil={entry.snoozedUntil}
            now={now}
            onSnooze={(mode: SnoozeMode) => void run(snoozeStore(entry.storeId, mode))}
            onUnsnooze={() => void run(unsnoozeStore(entry.storeId))}
          />
        </Menu.Dropdown>
      </Menu>
    </>
  )
})

interface CentreEntryRowProps {
  entry: CentreEntry
  now: number
  onOpen(reminder: ReminderItem): void
  onMarkRead(reminder: ReminderItem): void
}

/** One entry with its buttons, memoized as a whole: a scroll frame re-renders none of the rows in view. */
const CentreEntryRow = memo(function CentreEntryRow({ entry, now, onOpen, onMarkRead }: CentreEntryRowProps) {
  return (
    <ReminderEntry
      reminder={entry}
      now={now}
      onOpen={onOpen}
      onMarkRead={onMarkRead}
      snoozedUntil={entry.snoozedUntil}
      detail={`${STATUS_LABELS[entry.status]} · ${entry.ownerKam ?? 'No owner'}`}
      actions={<EntryActions entry={entry} now={now} onMarkRead={onMarkRead} />}
    />
  )
})

interface CentreListProps {
  now: number
  onOpen(reminder: ReminderItem): void
}

export function CentreList({ now, onOpen }: CentreListProps) {
  const centre = useRemindersStore((s) => s.centre)
  const entries = useRemindersStore((s) => s.entries)
  const collapsed = useRemindersStore((s) => s.collapsed)
  const busyGroup = useRemindersStore((s) => s.busyGroup)
  const loading = useRemindersStore((s) => s.loading)
  const activeId = useRemindersStore((s) => s.activeId)
  const { toggleGroup, ensureEntries, markRead, markGroupRead, snoozeGroup, setActive } = useRemindersStore.getState()
  const groups = centre?.groups
  const rows = useMemo(() => centreRows(groups ?? [], collapsed), [groups, collapsed])
  const activeIndex = useMemo(() => rowOfEntry(rows, entries, activeId), [rows, entries, activeId])
  const onActiveChange = useCallback(
    (index: number) => {
      const row = rows[index]
      setActive(row?.kind === 'entry' ? (entries[row.index]?.id ?? null) : null)
    },
    [rows, entries, setActive]
  )

  const onMarkRead = useCallback(
    (reminder: ReminderItem) => {
      void markRead([reminder.id]).then((r) => !r.ok && toastError('Could not mark the reminder read', r.error.message))
    },
    [markRead]
  )
  const onGroupRead = useCallback(
    (key: string) => void markGroupRead(key).then((r) => !r.ok && toastError('Could not mark the group read', r.error.message)),
    [markGroupRead]
  )
  const onGroupSnooze = useCallback(
    (key: string, mode: SnoozeMode) => void snoozeGroup(key, mode).then((r) => !r.ok && toastError('Could not snooze the group', r.error.message)),
    [snoozeGroup]
  )
  const onRangeChange = useCallback(
    (start: number, end: number) => {
      const range = entriesInRows(rows, start, end)
      if (range) void ensureEntries(...range)
    },
    [rows, ensureEntries]
  )
  const rowHeight = useCallback((index: number) => (rows[index]?.kind === 'group' ? HEADER_HEIGHT : ENTRY_HEIGHT), [rows])

  function renderRow(index: number) {
    const row = rows[index]
    if (!row) return null
    if (row.kind === 'group') {
      const { group } = row
      return (
        <Header
          group={group}
          collapsed={Boolean(collapsed[group.key])}
          busy={busyGroup === group.key}
          now={now}
          onToggle={toggleGroup}
          onMarkRead={onGroupRead}
          onSnooze={onGroupSnooze}
        />
      )
    }
    const entry = entries[row.index]
    if (!entry) {
      return (
        <Text size="sm" c="dimmed" className="reminder-entry" aria-busy>
          Loading…
        </Text>
      )
    }
    return <CentreEntryRow entry={entry} now={now} onOpen={onOpen} onMarkRead={onMarkRead} />
  }

  return (
    <VirtualList
      kind="list"
      label="Reminders"
      testId="reminder-list"
      className="reminder-list"
      count={rows.length}
      rowHeight={rowHeight}
      busy={loading}
      activeIndex={activeIndex}
      focusActiveOnReturn
      onActiveChange={onActiveChange}
      rowClassName={(index) => (rows[index]?.kind === 'group' ? 'reminder-group-row' : undefined)}
      onRangeChange={onRangeChange}
      renderRow={renderRow}
    />
  )
}
