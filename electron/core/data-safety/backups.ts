/**
 * The backups folder and the backups the app takes: daily while it runs, before a database update,
 * and before bulk or destructive actions (`takeBefore('delete-store')`, `takeBefore('import')`, and
 * for any future bulk action, e.g. `takeBefore('bulk-archive')`). Each is verified before it is
 * listed, and the retention rule prunes the folder after each one. The backup before an import is
 * written by the import worker on its own connection (`takeBeforeOn`), so main's thread never
 * runs a VACUUM INTO and integrity check of a large portfolio while the KAM waits for an import.
 */
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { DateTime } from 'luxon'
import type { BackupInfo, BackupKind, BackupList } from '../../shared/data-safety'
import { backupKindLabel } from '../../shared/data-safety'
import { AppError } from '../errors'
import type { Clock, Logger } from '../ports'
import { countStores, integrityProblem, isBackupKind, listBackupFiles, writeVerifiedBackup } from './backup-files'
import type { BackupFile, BackupTarget, SqliteOptions, VerifiedBackup } from './backup-files'
import { DEFAULT_RETENTION, describeRetention, planRetention } from './retention'
import type { RetentionRule } from './retention'

export interface BackupFolderOptions extends SqliteOptions {
  dir: string
  /** Where data files replaced by a restore or found damaged are moved (shown with the list). */
  setAsideDir: string
  /** The KAM's zone: days and weeks of the retention rule are theirs. */
  timeZone: () => string
  logger: Logger
  rule?: RetentionRule
}

export type BackupFolder = ReturnType<typeof createBackupFolder>

/** The folder's backups as the KAM sees them; works without an open database (start-up). */
export function createBackupFolder(options: BackupFolderOptions) {
  const rule = options.rule ?? DEFAULT_RETENTION
  // Backups never change once named, so a store count read once holds.
  const counts = new Map<string, number | null>()

  function countOf(file: BackupFile): number | null {
    const key = `${file.name}:${file.bytes}`
    if (!counts.has(key)) counts.set(key, countStores(file.path, options))
    return counts.get(key) ?? null
  }

  function infos(): BackupInfo[] {
    const files = listBackupFiles(options.dir)
    const { keep } = planRetention(files, options.timeZone(), rule)
    return files.map((file) => ({
      name: file.name,
      takenAt: file.takenAt,
      kind: file.kind,
      label: backupKindLabel(keep.get(file.name) ?? file.kind),
      bytes: file.bytes,
      storeCount: countOf(file)
    }))
  }

  return {
    dir: options.dir,
    rule,
    infos,

    list(): BackupList {
      return { folder: options.dir, setAsideFolder: options.setAsideDir, backups: infos(), rule: describeRetention(rule) }
    },

    /** A backup by the name the list gave; null for anything else (no paths from outside). */
    find(name: string): BackupFile | null {
      return listBackupFiles(options.dir).find((file) => file.name === name) ?? null
    },

    /** The newest backup that passes a full integrity check now (damaged ones are skipped, and logged). */
    newestGood(): BackupInfo | null {
      for (const info of infos()) {
        const problem = integrityProblem(path.join(options.dir, info.name), options)
        if (!problem) return info
        options.logger.warn('a backup failed its integrity check', { backup: info.name, problem })
      }
      return null
    },

    /** Takes a verified backup of the open database, then applies the retention rule. */
    write(sqlite: Database.Database, kind: BackupKind, at: number): BackupInfo {
      return adopt(writeVerifiedBackup(sqlite, { dir: options.dir, kind, at }, options))
    },

    adopt
  }

  /** A verified backup just written into the folder (here or by the import worker): listed, then the folder pruned. */
  function adopt(written: VerifiedBackup): BackupInfo {
    counts.set(`${written.name}:${written.bytes}`, written.storeCount)
    prune()
    return infos().find((info) => info.name === written.name) ?? { ...written, label: backupKindLabel(written.kind) }
  }

  function prune(): void {
    const { remove } = planRetention(listBackupFiles(options.dir), options.timeZone(), rule)
    for (const name of remove) {
      try {
        fs.rmSync(path.join(options.dir, name), { force: true })
      } catch (error) {
        options.logger.warn('an old backup could not be removed', { backup: name, error: (error as Error).message })
      }
    }
  }
}

/** Writes a verified backup into `target` elsewhere than main's connection, and says what it wrote. */
export type BackupWriter = (target: BackupTarget) => Promise<VerifiedBackup>

/** What the core (and future bulk actions) ask of backups, on the open database. */
export interface Backups {
  list(): BackupList
  /** "Back up now". */
  takeNow(): BackupInfo
  /**
   * A verified backup before an action, e.g. `takeBefore('delete-store')`. Throws an AppError
   * naming the action when it fails: the caller must then not act.
   */
  takeBefore(action: string): BackupInfo
  /**
   * The same backup, written by `writer` on a connection of its own (the import worker's, off
   * main's thread) into the target it is given; it must write it with `writeVerifiedBackup`. The
   * folder's bookkeeping (store count, retention) is done here. Rejects like `takeBefore`.
   */
  takeBeforeOn(action: string, writer: BackupWriter): Promise<BackupInfo>
  /** Today's scheduled backup, unless there is one already (or the portfolio has no stores). */
  takeDailyIfDue(): BackupInfo | null
}

export function createBackups({ folder, sqlite, clock, timeZone }: { folder: BackupFolder; sqlite: Database.Database; clock: Clock; timeZone: () => string }): Backups {
  function failed(kind: BackupKind, error: unknown): AppError {
    const what = kind === 'manual' ? 'when asked' : kind === 'daily' ? 'every day' : backupKindLabel(kind).toLowerCase()
    return new AppError('backup-failed', `Storewatch backs up the portfolio ${what}, and that backup failed (${(error as Error).message}). Nothing was changed.`)
  }

  function take(kind: BackupKind): BackupInfo {
    try {
      return folder.write(sqlite, kind, clock.now())
    } catch (error) {
      throw failed(kind, error)
    }
  }

  return {
    list: () => folder.list(),
    takeNow: () => take('manual'),
    takeBefore: (action) => take(actionKind(action)),

    async takeBeforeOn(action, writer) {
      const kind = actionKind(action)
      try {
        return folder.adopt(await writer({ dir: folder.dir, kind, at: clock.now() }))
      } catch (error) {
        throw failed(kind, error)
      }
    },

    takeDailyIfDue() {
      if ((sqlite.prepare('SELECT count(*) FROM stores').pluck().get() as number) === 0) return null
      const zone = timeZone()
      const today = DateTime.fromMillis(clock.now(), { zone }).toISODate()
      const takenToday = folder.infos().some((b) => b.kind === 'daily' && DateTime.fromMillis(b.takenAt, { zone }).toISODate() === today)
      return takenToday ? null : take('daily')
    }
  }
}

function actionKind(action: string): BackupKind {
  const kind = `before-${action}` as const
  if (!isBackupKind(kind)) throw new Error(`"${action}" is not an action name (lower-case words joined by "-")`)
  return kind
}
