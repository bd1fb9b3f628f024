/**
 * The import worker's entry: runs one task (preview, the backup before a commit, commit, problem list) off the main thread on
 * its own database connection, posting progress on the task's port, and hands the file's bytes
 * back with the answer. Built as its own file (out/main/import-worker.js) and run by the pool in
 * worker-pool.ts; tests and the browser host run the TypeScript source or the build.
 */
import { workerData } from 'node:worker_threads'
import { move, transferableSymbol, valueSymbol } from 'piscina'
import { writeVerifiedBackup } from '../data-safety/backup-files'
import type { DatabaseHandle } from '../db/open-database'
import { isBusy, isDamage, sqliteCode } from '../db/sqlite-errors'
import type { LogFields, Logger } from '../ports'
import { CommitCancelled, CommitRefused, commitFile } from './commit-file'
import { openSource } from './import-source'
import { previewFile } from './preview-file'
import { writeProblemsCsv, writeSkippedRowsCsv } from './problems-file'
import { openSeenKeys } from './seen-keys'
import type { SeenKeys } from './seen-keys'
import { emptyWal, importWriters, openWorkerDatabase } from './worker-database'
import type {
  BackupAnswer,
  BackupTask,
  CommitAnswer,
  CommitTask,
  ImportAnswer,
  ImportTask,
  PreviewAnswer,
  PreviewTask,
  ProblemsAnswer,
  ProblemsTask,
  WorkerMessage
} from './worker-protocol'

/** What the pool gives every worker it starts. */
export interface ImportWorkerData {
  nativeBinding?: string
}

const { nativeBinding } = (workerData ?? {}) as ImportWorkerData

function post(task: ImportTask, message: WorkerMessage): void {
  task.port.postMessage(message)
}

function loggerFor(task: ImportTask): Logger {
  const line = (level: 'info' | 'warn' | 'error') => (message: string, fields?: LogFields) => post(task, { type: 'log', level, message, fields })
  return { info: line('info'), warn: line('warn'), error: line('error') }
}

function progressFor(task: ImportTask) {
  return (rows: number, fraction: number) => post(task, { type: 'progress', rows, fraction })
}

/** Runs `work` with the stores seen so far kept aside (see seen-keys.ts), let go afterwards. */
function withSeenKeys<T>(work: (seen: SeenKeys) => T): T {
  const seen = openSeenKeys(nativeBinding)
  try {
    return work(seen)
  } finally {
    seen.close()
  }
}

/** Runs `work` on a connection of the task's own to the app's database, and the seen keys. */
function withDatabase<T>(task: PreviewTask | CommitTask, work: (database: DatabaseHandle, seen: SeenKeys) => T): T {
  const database = openWorkerDatabase({ ...task.database, nativeBinding })
  try {
    return withSeenKeys((seen) => work(database, seen))
  } finally {
    database.close()
  }
}

async function preview(task: PreviewTask): Promise<PreviewAnswer> {
  const source = await openSource(task.bytes)
  const { body, matches } = withDatabase(task, (database, seen) =>
    // Previews read only: the clock and actor stamp nothing.
    previewFile(source, { ...importWriters(database, 0, '', loggerFor(task)), seen }, progressFor(task))
  )
  return { kind: 'preview', bytes: task.bytes, body, matches }
}

async function commit(task: CommitTask): Promise<CommitAnswer> {
  const answer = { kind: 'commit' as const, bytes: task.bytes, matches: task.matches }
  try {
    const source = await openSource(task.bytes)
    const result = withDatabase(task, (database, seen) => {
      const logger = loggerFor(task)
      const counts = commitFile(
        source,
        { database, ...importWriters(database, task.at, task.actor, logger), seen },
        {
          fileName: task.fileName,
          matches: task.matches,
          defaultAction: task.defaultAction,
          conflictActions: task.conflictActions,
          errorRows: task.errorRows,
          skipErrorRows: task.skipErrorRows
        },
        progressFor(task),
        () => Atomics.load(task.stop, 0) === 1
      )
      emptyWal(database, logger)
      return counts
    })
    return { ...answer, ok: true, result }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (error instanceof CommitRefused) return { ...answer, ok: false, failure: { code: 'conflict', row: error.row, reason } }
    if (error instanceof CommitCancelled) return { ...answer, ok: false, failure: { code: 'cancelled', rows: error.rows, reason } }
    if (isDamage(error)) return { ...answer, ok: false, failure: { code: 'damaged', reason, sqliteCode: sqliteCode(error)! } }
    return { ...answer, ok: false, failure: { code: isBusy(error) ? 'busy' : 'failed', reason } }
  }
}

async function problems(task: ProblemsTask): Promise<ProblemsAnswer> {
  const answer = { kind: 'problems-csv' as const, bytes: task.bytes }
  try {
    const source = await openSource(task.bytes)
    const write = task.list === 'skipped-rows' ? writeSkippedRowsCsv : writeProblemsCsv
    return { ...answer, ok: true, count: withSeenKeys((seen) => write(source, seen, task.filePath)) }
  } catch (error) {
    return { ...answer, ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** The app's one backup writer, on this worker's own connection: main's thread waits for none of it. */
function backup(task: BackupTask): BackupAnswer {
  try {
    const database = openWorkerDatabase({ ...task.database, nativeBinding })
    try {
      return { kind: 'backup', ok: true, backup: writeVerifiedBackup(database.sqlite, task.target, { nativeBinding }) }
    } finally {
      database.close()
    }
  } catch (error) {
    return { kind: 'backup', ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

function answer(task: ImportTask): ImportAnswer | Promise<ImportAnswer> {
  switch (task.kind) {
    case 'preview':
      return preview(task)
    case 'commit':
      return commit(task)
    case 'problems-csv':
      return problems(task)
    case 'backup':
      return backup(task)
  }
}

/** What moves back to main with an answer: the file's bytes and the preview's matches. */
function movedBack(result: ImportAnswer): ArrayBuffer[] {
  switch (result.kind) {
    case 'backup':
      return []
    case 'problems-csv':
      return [result.bytes.buffer as ArrayBuffer]
    default:
      return [result.bytes.buffer as ArrayBuffer, result.matches.buffer as ArrayBuffer]
  }
}

/**
 * The pool's handler: the answer, with the bytes (and the preview's matches) moved back to main.
 * Main closes the task's port once the answer is in, so the last progress lines still arrive.
 */
export default async function runImportTask(task: ImportTask) {
  const result = await answer(task)
  post(task, { type: 'end' })
  return move({ [transferableSymbol]: movedBack(result), [valueSymbol]: result })
}
