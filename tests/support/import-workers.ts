/**
 * The import worker for tests, benchmarks and fault runs on plain Node: built from the TypeScript
 * source with esbuild once per process (a fraction of a second), the way the app build bundles
 * it, so a worker thread starts fast. Every core of a test file shares one pool; its idle thread
 * does not keep the process alive.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { createImportWorkerPool } from '../../electron/core/import/worker-pool'
import type { ImportWorkerSpawn, ImportWorkers } from '../../electron/core/import/worker-pool'

const PROJECT_ROOT = path.resolve(__dirname, '../..')
export const IMPORT_WORKER_SOURCE = path.join(PROJECT_ROOT, 'electron/core/import/import-worker.ts')
/** Inside the project, so the bundle finds better-sqlite3 and piscina in node_modules. */
const BUILT = path.join(PROJECT_ROOT, 'node_modules/.cache/storewatch-tests/import-worker.cjs')

let built: string | null = null

/** Bundles the worker's source (better-sqlite3 and piscina stay required from node_modules). */
export function buildImportWorker(): string {
  if (built) return built
  fs.mkdirSync(path.dirname(BUILT), { recursive: true })
  // Written aside and renamed: test files building at the same time never load half a file.
  const draft = `${BUILT}.${process.pid}.tmp`
  buildSync({
    entryPoints: [IMPORT_WORKER_SOURCE],
    outfile: draft,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'piscina', 'exceljs'],
    logLevel: 'error'
  })
  fs.renameSync(draft, BUILT)
  built = BUILT
  return built
}

/** How tests start the worker: the bundle built from the source just now. */
export function testWorkerSpawn(): ImportWorkerSpawn {
  return { filename: buildImportWorker() }
}

let shared: ImportWorkers | null = null

/** The process's pool, built and started on the first import (most test cores never import). */
export function testImportWorkers(): ImportWorkers {
  return {
    run: (task, options) => (shared ??= createImportWorkerPool(testWorkerSpawn())).run(task, options),
    close: async () => {
      await shared?.close()
      shared = null
    }
  }
}
