/**
 * Backups, restore and what Storewatch found in its data file at start-up: the shapes main answers
 * with and the texts both sides share.
 */

/**
 * What a backup was taken for: `daily` (the scheduled copy; the retention rule keeps some as the
 * week's copy), `manual` ("Back up now"), or `before-<action>` (a database update, deleting a
 * store, an import, a restore, and any bulk action that asks for one).
 */
export type BackupKind = 'daily' | 'manual' | `before-${string}`

export interface BackupInfo {
  /** The file's name in the backups folder; what a restore asks for. */
  name: string
  takenAt: number
  kind: BackupKind
  /** Why the retention rule keeps it: "Daily", "Weekly", "Before deleting a store"… */
  label: string
  bytes: number
  /** Stores in the copy, archived ones included; null when the file could not be read. */
  storeCount: number | null
}

export interface BackupList {
  /** The backups folder, for the KAM who wants to copy one elsewhere. */
  folder: string
  /** Where restores and start-up set earlier data files aside (never deleted). */
  setAsideFolder: string
  /** Newest first. */
  backups: BackupInfo[]
  /** The retention rule in a sentence. */
  rule: string
}

/** What was wrong with the data file at start-up. */
export type StartupProblem = 'missing' | 'empty' | 'damaged'

/** The data file's damage found while the app ran: nothing is saved until a restore. */
export interface DataDamage {
  at: number
  message: string
}

export type StartupState =
  | { phase: 'open'; damage: DataDamage | null }
  | {
      phase: 'choose'
      problem: StartupProblem
      /** What was found, for the KAM (names the file, and where a damaged one was set aside). */
      message: string
      databasePath: string
      backupFolder: string
      /** Where the damaged file now is, unchanged; null when nothing was set aside. */
      setAsidePath: string | null
      /** Every backup, newest first. */
      backups: BackupInfo[]
      /** The newest backup that passed a full integrity check just now; null when none did. */
      newestGood: string | null
    }
  | { phase: 'refused'; message: string; dataDir: string }

export type StartupChoice = { action: 'restore'; backup: string } | { action: 'start-empty' }

export interface RestoreResult {
  restored: BackupInfo
  /** Where the data file it replaced was set aside. */
  setAsidePath: string | null
  /** The verified copy of the replaced data taken first (listed with the others); null when it could not be taken. */
  beforeRestore: BackupInfo | null
}

const KIND_LABELS: Record<string, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  manual: 'Backed up on request',
  'before-migration': 'Before an update of Storewatch',
  'before-delete-store': 'Before deleting a store',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore'
}

/** "before-bulk-archive" → "Before bulk archive" for actions without a label of their own. */
export function backupKindLabel(kind: string): string {
  const known = KIND_LABELS[kind]
  if (known) return known
  const words = kind.replace(/^before-/, '').replace(/-/g, ' ')
  return kind.startsWith('before-') ? `Before ${words}` : words.charAt(0).toUpperCase() + words.slice(1)
}
