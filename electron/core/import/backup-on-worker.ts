/**
 * The verified backup before an import, written by the import worker on its own connection (VACUUM
 * INTO and the copy's integrity check take 0.7 s at 100,000 stores: main's thread waits for none
 * of it). The app's backups decide where it goes and keep the folder's books (see backups.ts).
 */
import type { BackupWriter } from '../data-safety/backups'
import { AppError } from '../errors'
import type { Logger } from '../ports'
import { runTask } from './run-task'
import type { ImportWorkers } from './worker-pool'
import type { TaskDatabase } from './worker-protocol'

export interface BackupOnWorkerDeps {
  workers: ImportWorkers
  logger: Logger
  taskDatabase: () => TaskDatabase
  /** The app's `backups.takeBeforeOn('import', writer)`; rejects with an AppError saying why. */
  backupBeforeCommit: (writer: BackupWriter) => Promise<unknown>
}

/** Takes the backup; resolves to null once it is written and verified, or to the AppError that refuses the commit. */
export function backupOnWorker({ workers, logger, taskDatabase, backupBeforeCommit }: BackupOnWorkerDeps): () => Promise<AppError | null> {
  const writer: BackupWriter = async (target) => {
    const answer = await runTask(workers, logger, { kind: 'backup', database: taskDatabase(), target }, { moved: [], onProgress: () => {} })
    if (!answer.ok) throw new Error(answer.reason)
    return answer.backup
  }
  return async () => {
    try {
      await backupBeforeCommit(writer)
      return null
    } catch (error) {
      logger.warn('the backup before an import failed; nothing was imported', { message: error instanceof Error ? error.message : String(error) })
      if (error instanceof AppError) return error
      throw error
    }
  }
}
