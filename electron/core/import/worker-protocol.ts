/** What main and the import worker say to each other: the tasks, their answers, and progress. */
import type { MessagePort } from 'node:worker_threads'
import type { ConflictAction, ImportCommitResult } from '../../shared/csv-import'
import type { BackupTarget, VerifiedBackup } from '../data-safety/backup-files'
import type { LogFields } from '../ports'
import type { PreviewBody } from './preview-file'

/** Where the worker finds the database; the binary comes from the pool (see worker-pool.ts). */
export interface TaskDatabase {
  filePath: string
  busyTimeoutMs: number
}

interface Task {
  /** Progress and log lines come back on this port while the task runs. */
  port: MessagePort
}

/** The file's bytes travel to the worker and back (transferred, never copied). */
interface FileTask extends Task {
  bytes: Uint8Array
}

export interface PreviewTask extends FileTask {
  kind: 'preview'
  database: TaskDatabase
}

export interface CommitTask extends FileTask {
  kind: 'commit'
  database: TaskDatabase
  fileName: string
  matches: Float64Array
  defaultAction: ConflictAction
  conflictActions: Record<string, ConflictAction>
  /** Rows with errors at the preview, and whether the KAM chose to leave them out. */
  errorRows: number
  skipErrorRows: boolean
  /** Main's clock and KAM at the commit: every change of the import carries them. */
  at: number
  actor: string
  /**
   * One Int32 on a SharedArrayBuffer that main sets to 1 when the KAM cancels: the worker looks
   * at it before each row (its thread is busy in the transaction, so no message would reach it).
   */
  stop: Int32Array
}

export interface ProblemsTask extends FileTask {
  kind: 'problems-csv'
  /** Every problem (row, column, value, problem), or the rows with errors as the file holds them. */
  list: 'problems' | 'skipped-rows'
  filePath: string
}

/** The verified backup taken just before a commit, on the worker's own connection (see backups.ts). */
export interface BackupTask extends Task {
  kind: 'backup'
  database: TaskDatabase
  target: BackupTarget
}

export type ImportTask = PreviewTask | CommitTask | ProblemsTask | BackupTask

export interface PreviewAnswer {
  kind: 'preview'
  bytes: Uint8Array
  body: PreviewBody
  matches: Float64Array
}

/**
 * `conflict`: the portfolio moved since the preview; `busy`: the write lock stayed taken; `damaged`:
 * SQLite found the file damaged (`sqliteCode`, its message the reason); `cancelled`: the KAM
 * cancelled, the transaction rolled back after `rows` rows; `failed`: anything else.
 */
export type CommitFailure =
  | { code: 'conflict'; row: number; reason: string }
  | { code: 'cancelled'; rows: number; reason: string }
  | { code: 'busy' | 'failed'; reason: string }
  | { code: 'damaged'; reason: string; sqliteCode: string }

export type CommitAnswer = { kind: 'commit'; bytes: Uint8Array; matches: Float64Array } & ({ ok: true; result: ImportCommitResult } | { ok: false; failure: CommitFailure })

export type ProblemsAnswer = { kind: 'problems-csv'; bytes: Uint8Array } & ({ ok: true; count: number } | { ok: false; reason: string })

export type BackupAnswer = { kind: 'backup' } & ({ ok: true; backup: VerifiedBackup } | { ok: false; reason: string })

export type ImportAnswer = PreviewAnswer | CommitAnswer | ProblemsAnswer | BackupAnswer

/** `end` is the task's last line: main waits for it so no progress is lost behind the answer (another port). */
export type WorkerMessage =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'end' }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: LogFields }
