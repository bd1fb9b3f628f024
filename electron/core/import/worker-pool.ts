/**
 * The thread the import runs on: a piscina pool of one worker, started on the first task and let
 * go after a minute idle, so an import's memory goes with it. How the worker starts (which
 * script, which Node options, which better-sqlite3 binary) is up to whoever builds the core:
 * main passes the built file, tests and the browser host theirs.
 */
import type { TransferListItem } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { ImportWorkerData } from './import-worker'
import type { ImportAnswer, ImportTask } from './worker-protocol'

export interface ImportWorkerSpawn {
  /** The worker's script: out/main/import-worker.js in the app; the TypeScript source or the build in tests. */
  filename: string
  /** Node options for the worker thread (a TypeScript loader in tests); default: the process's own. */
  execArgv?: string[]
  /** better-sqlite3's binary for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
}

export interface ImportWorkers {
  /** Runs one task on the worker thread; what `transferList` names moves there. */
  run(task: ImportTask, options: { transferList: TransferListItem[]; signal?: AbortSignal }): Promise<ImportAnswer>
  close(): Promise<void>
}

const IDLE_MS = 60_000
const MAX_OLD_GENERATION_MB = 256
const NICE_INCREMENT = 10

export function createImportWorkerPool(spawn: ImportWorkerSpawn): ImportWorkers {
  const workerData: ImportWorkerData = { nativeBinding: spawn.nativeBinding }
  let pool: Piscina | null = null
  /** Tasks in flight, each able to be failed with the reason the worker could not run. */
  const running = new Set<(error: unknown) => void>()

  function current(): Piscina {
    if (pool) return pool
    const created = new Piscina({
      filename: spawn.filename,
      ...(spawn.execArgv ? { execArgv: spawn.execArgv } : {}),
      workerData,
      // One import at a time: each holds its file, and they write the same tables.
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_MS,
      // What the worker keeps is small (the file's bytes live outside this heap, the seen stores in
      // SQLite): a bounded heap makes V8 collect as it goes instead of growing into the gigabytes.
      resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB },
      // Below main's priority, so a busy machine gives the windows their turn first (where the OS
      // lets a thread be re-niced; piscina skips it elsewhere).
      niceIncrement: NICE_INCREMENT
    })
    // A worker that fails before it takes a task (its script missing, a binary that will not load)
    // reaches no task, and piscina starts no other: fail the waiting tasks with why, and start
    // afresh on the next one.
    created.on('error', (error: unknown) => {
      if (pool === created) pool = null
      void created.destroy()
      for (const fail of running) fail(error)
    })
    pool = created
    return created
  }

  return {
    async run(task, options) {
      const controller = new AbortController()
      const forward = () => controller.abort(options.signal?.reason)
      options.signal?.addEventListener('abort', forward)
      let failure: { error: unknown } | null = null
      const fail = (error: unknown) => {
        failure = { error }
        controller.abort(error)
      }
      running.add(fail)
      try {
        return (await current().run(task, { transferList: options.transferList, signal: controller.signal })) as ImportAnswer
      } catch (error) {
        throw failure ? (failure as { error: unknown }).error : error
      } finally {
        running.delete(fail)
        options.signal?.removeEventListener('abort', forward)
      }
    },
    async close() {
      const closing = pool
      pool = null
      await closing?.destroy()
    }
  }
}
