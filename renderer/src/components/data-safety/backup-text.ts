/** How a backup reads for the KAM: when, how many stores, how big. */
import type { BackupInfo } from '../../../../electron/shared/data-safety'
import { formatDateTime, plural } from '../../lib/format'

export function backupStores(backup: BackupInfo): string {
  return backup.storeCount === null ? 'could not be read' : plural(backup.storeCount, 'store')
}

/** "1 Dec 2026, 09:00, 1,000 stores". */
export function backupSummary(backup: BackupInfo): string {
  return `${formatDateTime(backup.takenAt)}, ${backupStores(backup)}`
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
