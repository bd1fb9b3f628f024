/** Rows that match a store already in the portfolio: the KAM picks update or skip for each. */
import { Button, Collapse, Group, Pagination, Paper, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { useState } from 'react'
import type { ConflictAction, ImportConflict } from '../../../../electron/shared/csv-import'
import { EMPTY_VALUE, formatCount, plural } from '../../lib/format'
import { conflictActionFor, useImportStore } from '../../stores/useImportStore'

const PAGE_SIZE = 25

const ACTIONS = [
  { value: 'update', label: 'Update' },
  { value: 'skip', label: 'Skip' }
]

function ConflictItem({ conflict }: { conflict: ImportConflict }) {
  const [open, setOpen] = useState(false)
  const action = useImportStore((s) => conflictActionFor(s, conflict.row))
  const setConflictAction = useImportStore((s) => s.setConflictAction)
  const changeCount = conflict.changes.length
  const summary = `Row ${conflict.row} matches ${conflict.existingStoreLabel}${conflict.existingArchived ? ' (archived)' : ''} by ${conflict.matchedOn}`

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="import-conflict">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} disabled={changeCount === 0} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {changeCount > 0 && (open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />)}
            <Text size="sm" truncate="end">
              {summary}:{' '}
              <Text span fw={600}>
                {changeCount === 0 ? 'no changes' : plural(changeCount, 'change')}
              </Text>
            </Text>
          </Group>
        </UnstyledButton>
        {changeCount > 0 ? (
          <SegmentedControl
            size="xs"
            data={ACTIONS}
            value={action}
            onChange={(value) => setConflictAction(conflict.row, value as ConflictAction)}
            aria-label={`Row ${conflict.row}`}
            color={action === 'update' ? 'indigo' : undefined}
          />
        ) : (
          <Text size="xs" c="dimmed">
            Already up to date
          </Text>
        )}
      </Group>
      <Collapse expanded={open}>
        <Stack gap={2} mt="xs" pl={22} component="ul" style={{ listStyle: 'none', margin: 0 }}>
          {conflict.changes.map((change) => (
            <Text key={change.field} component="li" size="sm">
              <Text span fw={500}>
                {change.label}:
              </Text>{' '}
              {change.before ?? EMPTY_VALUE} → {change.after ?? EMPTY_VALUE}
            </Text>
          ))}
        </Stack>
      </Collapse>
    </Paper>
  )
}

/** `total`: every match in the file; main lists the first of them (`conflicts`). */
export function ImportConflicts({ conflicts, total }: { conflicts: ImportConflict[]; total: number }) {
  const [page, setPage] = useState(1)
  const setAllConflicts = useImportStore((s) => s.setAllConflicts)
  const pages = Math.max(1, Math.ceil(conflicts.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const shown = conflicts.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          These rows match stores you already have. They are skipped unless you choose Update.
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => setAllConflicts('update')}>
            Update all
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setAllConflicts('skip')}>
            Skip all
          </Button>
        </Group>
      </Group>
      {total > conflicts.length && (
        <Text size="sm" c="dimmed" role="note">
          The first {formatCount(conflicts.length)} of {formatCount(total)} matches are listed; Update all and Skip all apply to every one of them.
        </Text>
      )}
      {shown.map((conflict) => (
        <ConflictItem key={conflict.row} conflict={conflict} />
      ))}
      {pages > 1 && <Pagination size="sm" total={pages} value={current} onChange={setPage} aria-label="Match pages" />}
    </Stack>
  )
}
