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

export function createImportWorkerPool(spawn: ImportWorkerSpawn): ImportWorkers {
  const workerData: ImportWorkerData = { nativeBinding: spawn.nativeBinding }
  const pool = new Piscina({
    filename: spawn.filename,
    ...(spawn.execArgv ? { execArgv: spawn.execArgv } : {}),
    workerData,
    // One import at a time: each holds its file, and they write the same tables.
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_MS
  })
  return {
    run: (task, options) => pool.run(task, options) as Promise<ImportAnswer>,
    close: () => pool.destroy()
  }
}
