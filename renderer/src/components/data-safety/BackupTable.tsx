/**
 * The backups as a table, the same on the start-up screen and in Settings → Data. A backup that
 * could not be read cannot be restored.
 */
import { Button, Table, Text } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import type { BackupInfo } from '../../../../electron/shared/data-safety'
import { formatCount, formatDateTime, formatRelative } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { formatBytes } from './backup-text'

interface BackupTableProps {
  /** The table's accessible name. */
  label: string
  backups: readonly BackupInfo[]
  /** Something is under way: no restore meanwhile. */
  disabled: boolean
  onRestore(backup: BackupInfo): void
}

/** One row per backup: when (and how long ago), its kind, its stores, its size and Restore. */
export function BackupTable({ label, backups, disabled, onRestore }: BackupTableProps) {
  const now = useNow()
  return (
    <Table.ScrollContainer minWidth={560} mah={360}>
      <Table verticalSpacing={6} striped highlightOnHover aria-label={label} className="backups-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Taken</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Stores</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.name}>
              <Table.Td>
                <Text size="sm">{formatDateTime(backup.takenAt)}</Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(backup.takenAt, now)}
                </Text>
              </Table.Td>
              <Table.Td>{backup.label}</Table.Td>
              <Table.Td ta="right">{backup.storeCount === null ? 'unreadable' : formatCount(backup.storeCount)}</Table.Td>
              <Table.Td ta="right">{formatBytes(backup.bytes)}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconRestore size={14} />}
                  disabled={disabled || backup.storeCount === null}
                  onClick={() => onRestore(backup)}
                  aria-label={`Restore the backup of ${formatDateTime(backup.takenAt)}`}
                >
                  Restore
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
