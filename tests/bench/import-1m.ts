/**
 * The 1,000,000-row CSV import, through the app's handlers and its worker thread: the preview and
 * the commit of a valid file, then the preview of a file whose every row has two errors. Run in a
 * process of its own (see run-bench.ts), so its peak memory — main thread and worker together —
 * is the import's. A probe on the main thread measures the longest it was kept from running, and
 * how much of that was the process's own doing (see main-thread-probe.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ImportPreview } from '../../electron/shared/csv-import'
import type { Result } from '../../electron/shared/result'
import { buildImportWorker, testImportWorkers } from '../support/import-workers'
import { openBenchCore } from './bench-core'
import { startMainThreadProbe } from './main-thread-probe'

export const IMPORT_1M_ROWS = 1_000_000
const COUNTRIES = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'KR']
/** How long the probe runs with nothing to do, for the baseline. */
const IDLE_PROBE_MS = 10_000

export interface Import1mFiles {
  valid: string
  invalid: string
}

export interface Import1mFigures {
  import1MFileMb: number
  import1MPreviewMs: number
  import1MCommitMs: number
  import1MPeakRssMb: number
  /** The longest the process itself held its main thread: late ticks less the machine's share. */
  import1MMaxMainBlockMs: number
  /** The longest late tick the main thread saw, whatever kept it. */
  import1MMainProbeMaxMs: number
  /** The longest stall of an idle process probing beside it meanwhile: what the machine alone costs. */
  import1MControlProbeMaxMs: number
  /** The main thread's longest late tick over an idle stretch before the import. */
  import1MIdleProbeMaxMs: number
  import1MInvalidPreviewMs: number
  import1MInvalidProblems: number
  import1MInvalidAnswerKb: number
}

/** Writes a CSV of `rows` rows a megabyte at a time (the rows are never held): valid, or two errors a row. */
function writeRows(file: string, rows: number, invalid: boolean): void {
  const fd = fs.openSync(file, 'w')
  try {
    let chunk = 'client_name,store_name,country,seller_short_code\r\n'
    for (let i = 0; i < rows; i++) {
      const country = COUNTRIES[i % COUNTRIES.length]!
      const code = `${country}${String(i).padStart(8, '0')}`
      // Invalid: no client, and a country that does not exist.
      chunk += invalid ? `,Store ${i},X${i % 10},${code}\r\n` : `Client ${i % 1000},Store ${i},${country},${code}\r\n`
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk)
        chunk = ''
      }
    }
    fs.writeSync(fd, chunk)
  } finally {
    fs.closeSync(fd)
  }
}

export function writeImport1mFiles(dir: string): Import1mFiles {
  const files = { valid: path.join(dir, 'valid-1m.csv'), invalid: path.join(dir, 'invalid-1m.csv') }
  writeRows(files.valid, IMPORT_1M_ROWS, false)
  writeRows(files.invalid, IMPORT_1M_ROWS, true)
  return files
}

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** A file as the renderer sends it: its bytes, read whole. */
function bytesOf(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file))
}

export async function benchImport1m(files: Import1mFiles): Promise<Import1mFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-1m-'))
  const { database, core } = openBenchCore(dir)
  const context = { emit: () => {} }
  // Before the probe starts: the app has its worker built, and the renderer reads the file (IPC hands main the bytes).
  buildImportWorker()
  const bytes = { valid: bytesOf(files.valid), invalid: bytesOf(files.invalid) }
  const preview = (file: keyof Import1mFiles) =>
    core.dispatcher.dispatch('import:preview', { requestId: file, fileName: `${file}-1m.csv`, bytes: bytes[file] }, context)
  try {
    const idle = await startMainThreadProbe()
    await new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS))
    const idleFigures = await idle.stop()
    const probe = await startMainThreadProbe()
    const t0 = performance.now()
    const valid = unwrap<ImportPreview>(await preview('valid'))
    const t1 = performance.now()
    if (!valid.canImport || valid.rowCount !== IMPORT_1M_ROWS) throw new Error(`The valid file has problems: ${JSON.stringify(valid.problems.slice(0, 3))}`)
    unwrap(await core.dispatcher.dispatch('import:commit', { previewId: valid.previewId, defaultConflictAction: 'skip' }, context))
    const t2 = performance.now()
    const invalidAnswer = await preview('invalid')
    const t3 = performance.now()
    const blocks = await probe.stop()
    const invalid = unwrap<ImportPreview>(invalidAnswer)
    if (core.stores.count() !== IMPORT_1M_ROWS) throw new Error(`The commit wrote ${core.stores.count()} stores`)
    return {
      import1MFileMb: Number((fs.statSync(files.valid).size / 1024 / 1024).toFixed(1)),
      import1MPreviewMs: Math.round(t1 - t0),
      import1MCommitMs: Math.round(t2 - t1),
      import1MPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      import1MMaxMainBlockMs: Math.round(blocks.ownMaxMs),
      import1MMainProbeMaxMs: Math.round(blocks.mainMaxMs),
      import1MControlProbeMaxMs: Math.round(blocks.controlMaxMs),
      import1MIdleProbeMaxMs: Math.round(idleFigures.mainMaxMs),
      import1MInvalidPreviewMs: Math.round(t3 - t2),
      import1MInvalidProblems: invalid.problemCount,
      import1MInvalidAnswerKb: Math.round(JSON.stringify(invalidAnswer).length / 1024)
    }
  } finally {
    await testImportWorkers().close()
    database.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
