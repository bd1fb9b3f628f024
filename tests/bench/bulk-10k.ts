/**
 * `bulk10kMs`: a bulk action (assign owner, through the core's bulk actions: selection resolved,
 * rows read, one UPDATE, one history entry per store, the batch kept for undo) over 10,000 selected
 * stores, against `bulk10kRawMs`: a raw SQL UPDATE of the same rows' owner in one transaction.
 * Alternating pairs, median. Also: archive with statuses recomputed, undo, and recording
 * "authorized and reconnected" (store by store through the records service) for scale.
 * Run alone: `npx tsx tests/bench/bulk-10k.ts` (seeds its own 10,000 stores).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AppCore } from '../../electron/core/app-core'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { writeTransaction } from '../../electron/core/db/write-transaction'
import { demoStoreInputs } from '../support/demo-data'
import { testImportWorkers } from '../support/import-workers'
import { openBenchCore } from './bench-core'
import { median } from './stats'

const PAIRS = 5

export interface BulkFigures {
  bulk10kMs: number
  bulk10kRawMs: number
  bulk10kRatio: number
  bulk10kArchiveMs: number
  bulk10kUndoMs: number
  bulk10kAuthorizeMs: number
}

function timed(work: () => unknown): number {
  const t0 = performance.now()
  work()
  return performance.now() - t0
}

export function benchBulk10k(core: AppCore, database: DatabaseHandle): BulkFigures {
  const ids = database.sqlite.prepare('SELECT id FROM stores ORDER BY id LIMIT 10000').pluck().all() as number[]
  if (ids.length !== 10_000) throw new Error(`expected 10,000 stores, found ${ids.length}`)
  const selection = { ids }
  const raw = database.sqlite.prepare('UPDATE stores SET owner_kam = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))')
  const bulkTimes: number[] = []
  const rawTimes: number[] = []
  for (let pair = 0; pair < PAIRS + 1; pair++) {
    const bulk = timed(() => {
      const result = core.bulk.run(selection, { kind: 'assign-owner', owner: `Bench owner ${pair}` })
      if (result.changed !== ids.length) throw new Error(`bulk changed ${result.changed}`)
    })
    const json = JSON.stringify(ids)
    const rawMs = timed(() => writeTransaction(database.sqlite, () => raw.run(`Raw owner ${pair}`, Date.now(), json)))
    if (pair > 0) {
      bulkTimes.push(bulk)
      rawTimes.push(rawMs)
    }
  }
  let batchId = 0
  const archiveMs = timed(() => {
    batchId = core.bulk.run(selection, { kind: 'archive' }).batchId!
  })
  const undoMs = timed(() => core.bulk.undo(batchId))
  const authorizeMs = timed(() => core.bulk.run(selection, { kind: 'record-authorization', authorizedAt: Date.now() - 60_000 }))
  return {
    bulk10kMs: Math.round(median(bulkTimes)),
    bulk10kRawMs: Number(median(rawTimes).toFixed(1)),
    bulk10kRatio: Number((median(bulkTimes) / median(rawTimes)).toFixed(2)),
    bulk10kArchiveMs: Math.round(archiveMs),
    bulk10kUndoMs: Math.round(undoMs),
    bulk10kAuthorizeMs: Math.round(authorizeMs)
  }
}

async function alone(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-bulk-'))
  const { database, core } = openBenchCore(dir)
  try {
    core.stores.writeTransaction(() => {
      for (const input of demoStoreInputs(10_000)) core.stores.insert(input, { kind: 'created', summary: 'Added to the portfolio' })
    })
    console.log(JSON.stringify(benchBulk10k(core, database)))
  } finally {
    database.close()
    fs.rmSync(dir, { recursive: true, force: true })
    await testImportWorkers().close()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  alone().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
