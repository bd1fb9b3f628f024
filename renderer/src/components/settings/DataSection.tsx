/**
 * Settings → Data: the backups with their date, kind, size and store count, "Back up now", and
 * "Restore" (after a confirmation): main backs up and sets the current file aside, never deleting
 * it, and reopens on the backup; the window then reloads on it.
 */
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core'
import { IconDatabasePlus } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { BackupInfo } from '../../../../electron/shared/data-safety'
import { formatDateTime } from '../../lib/format'
import { reloadWindow } from '../../lib/reload'
import { toastError, toastSuccess } from '../../lib/toast'
import { useDataSafetyStore } from '../../stores/useDataSafetyStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { CopyField } from '../common/CopyField'
import { LoadFailed } from '../common/LoadFailed'
import { backupStores } from '../data-safety/backup-text'
import { BackupTable } from '../data-safety/BackupTable'

function RestoreConfirm({ backup, busy, onCancel, onConfirm }: { backup: BackupInfo | null; busy: boolean; onCancel(): void; onConfirm(): void }) {
  const when = backup ? formatDateTime(backup.takenAt) : ''
  return (
    <ConfirmModal opened={backup !== null} title={`Restore the backup of ${when}?`} confirmLabel="Restore this backup" color="indigo" busy={busy} onCancel={onCancel} onConfirm={onConfirm}>
      <Text size="sm">
        Storewatch first backs up the portfolio as it is now and moves its file to the set-aside folder (nothing is deleted), then reopens on this
        backup’s {backup ? backupStores(backup) : ''}.
      </Text>
      <Text size="sm">Changes made since {when} are not in the backup; they stay in that “Before a restore” copy, which you can restore in turn.</Text>
    </ConfirmModal>
  )
}

export function DataSection() {
  const list = useDataSafetyStore((s) => s.backups)
  const error = useDataSafetyStore((s) => s.backupsError)
  const busy = useDataSafetyStore((s) => s.busy)
  const damaged = useDataSafetyStore((s) => s.startup?.phase === 'open' && s.startup.damage !== null)
  const { loadBackups, backUpNow, restore } = useDataSafetyStore.getState()
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)

  useEffect(() => {
    void loadBackups()
  }, [loadBackups])

  async function onBackUp(): Promise<void> {
    const result = await backUpNow()
    if (result.ok) toastSuccess('Backed up', `${formatDateTime(result.value.takenAt)}, ${backupStores(result.value)}`)
    else toastError('Not backed up', result.error.message)
  }

  async function onRestore(backup: BackupInfo): Promise<void> {
    const result = await restore(backup.name)
    if (!result.ok) {
      toastError('Not restored', result.error.message)
      setRestoring(null)
      return
    }
    toastSuccess('Backup restored', `Reopening on ${backupStores(result.value.restored)} from ${formatDateTime(result.value.restored.takenAt)}…`)
    reloadWindow()
  }

  if (!list) {
    return error ? (
      <LoadFailed what="the backups" error={error} onRetry={() => void loadBackups()} />
    ) : (
      <Center py="md">
        <Loader size="sm" aria-label="Loading the backups" />
      </Center>
    )
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            Backups folder
          </Text>
          <CopyField value={list.folder} ariaLabel="Copy the backups folder" />
        </Stack>
        <Button variant="default" leftSection={<IconDatabasePlus size={16} />} loading={busy === 'backing-up'} disabled={busy !== null || damaged} onClick={() => void onBackUp()}>
          Back up now
        </Button>
      </Group>
      {list.backups.length ? (
        <BackupTable label="Backups" backups={list.backups} disabled={busy !== null} onRestore={setRestoring} />
      ) : (
        <Alert color="gray" variant="light" title="No backups yet" role="status">
          Storewatch takes the first one today, once the portfolio has stores; or back up now.
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {list.rule} A data file replaced by a restore, or found damaged at start, is moved to {list.setAsideFolder} and never deleted.
      </Text>
      <RestoreConfirm backup={restoring} busy={busy === 'restoring'} onCancel={() => setRestoring(null)} onConfirm={() => restoring && void onRestore(restoring)} />
    </Stack>
  )
}
