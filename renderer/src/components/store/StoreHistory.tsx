import { Button, Stack, Text, Timeline } from '@mantine/core'
import {
  IconArchive,
  IconArchiveOff,
  IconBellZ,
  IconCalendarEvent,
  IconCalendarX,
  IconFileImport,
  IconKey,
  IconExternalLink,
  IconKeyOff,
  IconListCheck,
  IconMessage,
  IconPencil,
  IconPlugConnected,
  IconPlus,
  IconArrowBackUp,
  IconStatusChange
} from '@tabler/icons-react'
import { useState } from 'react'
import type { HistoryKind, StoreHistoryEntry } from '../../../../electron/shared/portfolio'
import { EMPTY_VALUE, formatDateTime, formatRelative } from '../../lib/format'
import { useNow } from '../../lib/use-now'

const ICONS: Record<HistoryKind, typeof IconPlus> = {
  created: IconPlus,
  updated: IconPencil,
  archived: IconArchive,
  restored: IconArchiveOff,
  imported: IconFileImport,
  'import-updated': IconFileImport,
  'status-changed': IconStatusChange,
  'subscription-updated': IconCalendarEvent,
  'subscription-removed': IconCalendarX,
  authorized: IconKey,
  'authorization-removed': IconKeyOff,
  reconnected: IconPlugConnected,
  snoozed: IconBellZ,
  checklist: IconListCheck,
  'client-message': IconMessage,
  'authorization-attempt': IconExternalLink,
  undone: IconArrowBackUp
}

/** A first entry lists every field the store started with; show a few and fold the rest. */
const CHANGES_SHOWN = 4

function HistoryItemBody({ entry, now }: { entry: StoreHistoryEntry; now: number }) {
  const [expanded, setExpanded] = useState(false)
  const changes = expanded ? entry.changes : entry.changes.slice(0, CHANGES_SHOWN)
  const hidden = entry.changes.length - changes.length
  return (
    <Stack gap={4} mt={2}>
      <Text size="xs" c="dimmed">
        {entry.actor} · <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time> ({formatRelative(entry.at, now)})
      </Text>
      {changes.length > 0 && (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {changes.map((change) => (
            <Text key={change.field} component="li" size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span fw={500}>
                {change.label}:
              </Text>{' '}
              <Text span c={change.before === null ? 'dimmed' : undefined}>
                {change.before ?? EMPTY_VALUE}
              </Text>{' '}
              →{' '}
              <Text span c={change.after === null ? 'dimmed' : undefined}>
                {change.after ?? EMPTY_VALUE}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
      {(hidden > 0 || expanded) && entry.changes.length > CHANGES_SHOWN && (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show fewer' : `Show ${hidden} more`}
        </Button>
      )}
    </Stack>
  )
}

export function StoreHistory({ entries }: { entries: StoreHistoryEntry[] }) {
  const now = useNow()
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened to this store yet.
      </Text>
    )
  }
  return (
    <Timeline active={entries.length} bulletSize={24} lineWidth={2}>
      {entries.map((entry) => {
        const Icon = ICONS[entry.kind]
        return (
          <Timeline.Item key={entry.id} bullet={<Icon size={13} />} title={entry.summary} data-testid="history-entry">
            <HistoryItemBody entry={entry} now={now} />
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
