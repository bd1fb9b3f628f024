/**
 * CSV import, main's side: every file goes to the import worker — the preview (parse, check,
 * match), the commit (one transaction on the worker's connection) and the list of all problems —
 * so main only hands bytes over and relays progress. Nothing is written until the KAM confirms a
 * preview without errors, and a commit starts only once the verified backup before it (written by
 * the worker too) is in the backups folder. While a commit backs up and writes, `hold` says so
 * (see write-hold.ts), and the task registry shows it as long work the KAM can cancel: the commit
 * is one transaction, so a cancel rolls it all back and the portfolio is exactly as before.
 */
import { randomUUID } from 'node:crypto'
import type { ConflictAction, ImportCommitResult, ImportPreview, ImportProgress } from '../../shared/csv-import'
import type { SaveFileResult } from '../../shared/portfolio'
import type { BackupWriter } from '../data-safety/backups'
import { backupOnWorker } from './backup-on-worker'
import type { DatabaseHandle } from '../db/open-database'
import { DataFileDamaged, damagedMessage } from '../db/sqlite-errors'
import { AppError } from '../errors'
import type { Actor, Clock, FileSaver, Logger } from '../ports'
import type { TaskHandle, TaskRegistry } from '../tasks/task-registry'
import { createKeptPreviews } from './kept-previews'
import type { Lent, PreviewFiles } from './kept-previews'
import { runTask } from './run-task'
import { templateCsv } from './template'
import type { ImportWorkers } from './worker-pool'
import type { CommitFailure, TaskDatabase } from './worker-protocol'
import type { WriteHold } from './write-hold'

export { MAX_KEPT_PREVIEWS, PREVIEW_TTL_MS } from './kept-previews'

export interface ImportServiceDeps {
  database: DatabaseHandle
  workers: ImportWorkers
  clock: Clock
  actor: Actor
  logger: Logger
  fileSaver: FileSaver
  /** Where a commit shows itself as long work (kind 'import'): rows written of all, and Cancel. */
  tasks: Pick<TaskRegistry, 'start'>
  /**
   * The backup before an import (the app's `backups.takeBeforeOn('import', writer)`), given the
   * writer that runs it on the worker. The commit starts once it resolves; a rejection (an
   * AppError saying why) refuses the commit, nothing written and the preview kept.
   */
  backupBeforeCommit?: (writer: BackupWriter) => Promise<unknown>
}

export interface PreviewRequest {
  requestId: string
  fileName: string
  /** The file; its buffer moves to the worker, so the caller's array is empty afterwards. */
  bytes: Uint8Array
}

export interface CommitRequest {
  previewId: string
  defaultConflictAction: ConflictAction
  conflictActions: Record<string, ConflictAction>
  /** Leave out the rows with errors and import the rest (the preview must allow it: `canSkipErrorRows`). */
  skipErrorRows?: boolean
}

export type ProgressListener = (progress: ImportProgress) => void
type RowsListener = (rows: number, fraction: number) => void

export interface ImportService {
  preview(request: PreviewRequest, onProgress: ProgressListener): Promise<ImportPreview>
  commit(request: CommitRequest, onProgress: ProgressListener): Promise<ImportCommitResult>
  /** Forgets a preview, or stops the check still running under that request id. */
  discard(id: string): void
  /** Saves every problem of a preview, or its rows with errors (with each row's problems beside it), as a CSV file the KAM picks. */
  saveProblems(previewId: string, list?: 'problems' | 'skipped-rows'): Promise<SaveFileResult>
  templateCsv(): string
  /** Taken while a commit writes. */
  hold: WriteHold
}

/** The bytes as a view over a whole buffer of their own, which can move to the worker. */
function movable(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  return whole ? bytes : bytes.slice()
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** ": the 1,500 rows already written were rolled back", or nothing before the first row. */
function rolledBack(rows: number): string {
  if (rows === 0) return ''
  return `: the ${rows === 1 ? 'row' : `${rows.toLocaleString('en')} rows`} already written ${rows === 1 ? 'was' : 'were'} rolled back`
}

function commitError(fileName: string, failure: CommitFailure): AppError {
  switch (failure.code) {
    case 'conflict':
      return new AppError('conflict', `The portfolio changed since the preview (row ${failure.row}: ${failure.reason}). Nothing was imported. Preview the file again.`)
    case 'cancelled':
      return new AppError('import-cancelled', `You cancelled the import of ${fileName}${rolledBack(failure.rows)}. Nothing was imported: your portfolio is as it was.`)
    case 'busy':
      return new AppError(
        'import-failed',
        `The database stayed busy (another program or another Storewatch holds it), so ${fileName} was not imported: nothing was written. Try Import again.`
      )
    case 'damaged':
      return new DataFileDamaged(
        { code: failure.sqliteCode, message: failure.reason },
        `${fileName} was not imported: nothing was written. ${damagedMessage({ message: failure.reason })}`
      )
    case 'failed':
      return new AppError('import-failed', `Writing ${fileName} failed (${failure.reason}). Nothing was imported: your portfolio is as it was.`)
  }
}

/** The write hold a commit takes: who holds it and how far it got, and when it is let go. */
function createCommitHold() {
  let writing: { fileName: string; rows: number; totalRows: number } | null = null
  let done: Promise<void> = Promise.resolve()
  let release = () => {}
  const hold: WriteHold = {
    holder: () =>
      writing ? `the import of ${writing.fileName} (${writing.rows.toLocaleString('en')} of ${writing.totalRows.toLocaleString('en')} rows written)` : null,
    released: () => done
  }
  return {
    hold,
    take(fileName: string, totalRows: number) {
      writing = { fileName, rows: 0, totalRows }
      done = new Promise((resolve) => (release = resolve))
    },
    advance(rows: number) {
      if (writing) writing.rows = rows
    },
    let() {
      writing = null
      release()
    }
  }
}

/** A flag the worker reads before each row (see `CommitTask.stop`), raised when `signal` aborts. */
function stopFlag(signal: AbortSignal): Int32Array {
  const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
  signal.addEventListener('abort', () => Atomics.store(flag, 0, 1), { once: true })
  return flag
}

/** Ends the import's task as its outcome says, and passes the outcome on. */
function ended<T extends Lent<ImportCommitResult | AppError>>(task: TaskHandle, outcome: T): T {
  const { value } = outcome
  task.end(!(value instanceof AppError) ? 'done' : value.code === 'import-cancelled' ? 'cancelled' : 'failed')
  return outcome
}

export function createImportService({ database, workers, clock, actor, logger, fileSaver, tasks, backupBeforeCommit }: ImportServiceDeps): ImportService {
  const kept = createKeptPreviews(clock)
  const checking = new Map<string, AbortController>()
  const commitHold = createCommitHold()
  const backUp = backupBeforeCommit ? backupOnWorker({ workers, logger, taskDatabase, backupBeforeCommit }) : async () => null

  function taskDatabase(): TaskDatabase {
    return { filePath: database.sqlite.name, busyTimeoutMs: Number(database.sqlite.pragma('busy_timeout', { simple: true })) }
  }

  async function checkFile(requestId: string, fileName: string, bytes: Uint8Array, onProgress: ProgressListener) {
    const controller = new AbortController()
    checking.get(requestId)?.abort()
    checking.set(requestId, controller)
    try {
      return await runTask(workers, logger, { kind: 'preview', bytes, database: taskDatabase() }, {
        moved: [bytes.buffer as ArrayBuffer],
        onProgress: (rows, fraction) => onProgress({ requestId, phase: 'checking', rows, totalRows: null, fraction }),
        signal: controller.signal
      })
    } catch (error) {
      if (controller.signal.aborted) throw new AppError('import-expired', `The check of ${fileName} was stopped: another file was chosen or the import was closed.`)
      logger.error('csv import preview failed', { message: messageOf(error) })
      throw new AppError('import-failed', `Storewatch could not check ${fileName} (${messageOf(error)}). Nothing was written.`)
    } finally {
      if (checking.get(requestId) === controller) checking.delete(requestId)
    }
  }

  async function preview(request: PreviewRequest, onProgress: ProgressListener): Promise<ImportPreview> {
    const started = performance.now()
    const { requestId, fileName } = request
    onProgress({ requestId, phase: 'checking', rows: 0, totalRows: null, fraction: 0 })
    const answer = await checkFile(requestId, fileName, movable(request.bytes), onProgress)
    const shown: ImportPreview = { previewId: randomUUID(), fileName, ...answer.body }
    kept.keep(shown, { bytes: answer.bytes, matches: answer.matches })
    logger.info('csv import previewed', {
      rows: shown.rowCount,
      new: shown.newCount,
      conflicts: shown.conflictCount,
      errorRows: shown.errorRowCount,
      problems: shown.problemCount,
      fileProblems: shown.fileProblems.length,
      ms: Math.round(performance.now() - started)
    })
    onProgress({ requestId, phase: 'done', rows: shown.rowCount, totalRows: null, fraction: 1 })
    return shown
  }

  /** The commit task on the worker, on the preview's files; a refusal comes back as the error to throw. */
  async function commitOnWorker(shown: ImportPreview, request: CommitRequest, files: PreviewFiles, progress: RowsListener, stop: Int32Array) {
    const { bytes, matches } = files
    const answer = await runTask(
      workers,
      logger,
      {
        kind: 'commit',
        bytes,
        matches,
        database: taskDatabase(),
        fileName: shown.fileName,
        defaultAction: request.defaultConflictAction,
        conflictActions: request.conflictActions,
        errorRows: shown.errorRowCount,
        skipErrorRows: request.skipErrorRows === true,
        at: clock.now(),
        actor: actor.name(),
        stop
      },
      { moved: [bytes.buffer as ArrayBuffer, matches.buffer as ArrayBuffer], onProgress: progress }
    )
    if (answer.ok) return { files: null, value: answer.result }
    logger.warn('csv import refused', { code: answer.failure.code, reason: answer.failure.reason })
    // A conflict needs a fresh preview, a damaged file a restore; after anything else (a cancel too) the same one can be tried again.
    const again = answer.failure.code === 'conflict' || answer.failure.code === 'damaged' ? null : { bytes: answer.bytes, matches: answer.matches }
    return { files: again, value: commitError(shown.fileName, answer.failure) }
  }

  /**
   * The backup, then the commit, under the write hold and as a task of its own: "Importing stores",
   * rows written of all, cancellable until the transaction commits (a cancel rolls it all back).
   */
  async function write(
    shown: ImportPreview,
    request: CommitRequest,
    files: PreviewFiles,
    onProgress: ProgressListener
  ): Promise<Lent<ImportCommitResult | AppError>> {
    const requestId = request.previewId
    const totalRows = files.matches.length
    const task = tasks.start('import', { label: `Backing up before importing ${shown.fileName}`, total: null, cancellable: true })
    const stop = stopFlag(task.signal)
    let written = 0
    const progress = (rows: number, fraction: number) => {
      commitHold.advance(rows)
      if (rows > written) task.advance(rows - written)
      written = Math.max(written, rows)
      onProgress({ requestId, phase: 'writing', rows, totalRows, fraction })
    }
    commitHold.take(shown.fileName, totalRows)
    progress(0, 0)
    try {
      const refused = await backUp()
      if (refused) return ended(task, { files, value: refused })
      // A cancel during the backup stays one: the worker sees the flag before the first row.
      if (!task.signal.aborted) task.phase({ label: `Importing stores from ${shown.fileName}`, total: totalRows, cancellable: true })
      return ended(task, await commitOnWorker(shown, request, files, progress, stop))
    } catch (error) {
      task.end('failed')
      logger.error('csv import commit stopped', { message: messageOf(error) })
      throw new AppError(
        'import-failed',
        `The import of ${shown.fileName} stopped before it finished (${messageOf(error)}). Nothing was imported: your portfolio is as it was. Preview the file again.`
      )
    } finally {
      commitHold.let()
    }
  }

  async function commit(request: CommitRequest, onProgress: ProgressListener): Promise<ImportCommitResult> {
    const started = performance.now()
    const shown = kept.preview(request.previewId)
    const skipping = request.skipErrorRows === true && shown.canSkipErrorRows
    if (!shown.canImport && !skipping) {
      const errors = shown.fileProblems.length + shown.errorCount
      throw new AppError(
        'import-invalid',
        `${shown.fileName} still has ${errors} problem${errors === 1 ? '' : 's'} to fix: nothing was imported. Fix the file and preview it again.`
      )
    }
    let totalRows = 0
    const outcome = await kept.lend(request.previewId, (files) => {
      totalRows = files.matches.length
      return write(shown, request, files, onProgress)
    })
    if (outcome instanceof AppError) throw outcome
    logger.info('csv import committed', { ...outcome, ms: Math.round(performance.now() - started) })
    onProgress({ requestId: request.previewId, phase: 'done', rows: totalRows, totalRows, fraction: 1 })
    return outcome
  }

  function saveProblems(previewId: string, list: 'problems' | 'skipped-rows' = 'problems'): Promise<SaveFileResult> {
    const { fileName } = kept.preview(previewId)
    const writeTo = async (filePath: string) => {
      const failure = await kept.lend(previewId, async ({ bytes, matches }): Promise<Lent<AppError | null>> => {
        const answer = await runTask(workers, logger, { kind: 'problems-csv', list, bytes, filePath }, { moved: [bytes.buffer as ArrayBuffer], onProgress: () => {} })
        const files = { bytes: answer.bytes, matches }
        const what = list === 'problems' ? 'The list of problems' : 'The skipped rows'
        if (!answer.ok) return { files, value: new AppError('import-failed', `${what} could not be written to ${filePath} (${answer.reason}).`) }
        logger.info('csv import problems saved', { list, lines: answer.count })
        return { files, value: null }
      })
      if (failure) throw failure
    }
    return fileSaver.saveText({
      suggestedName: `${fileName.replace(/\.[^.]*$/, '') || 'import'}-${list === 'problems' ? 'problems' : 'skipped-rows'}.csv`,
      filterName: 'CSV file',
      extensions: ['csv'],
      content: { writeTo }
    })
  }

  return {
    preview,
    commit,
    discard(id: string): void {
      kept.discard(id)
      checking.get(id)?.abort()
    },
    saveProblems,
    templateCsv,
    hold: commitHold.hold
  }
}
