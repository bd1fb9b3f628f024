/**
 * `npm run bench`: how long a 10,000-row CSV import takes (parse, validate, commit) and how
 * listing 10,000 stores through the IPC handler compares with a raw SQL read of the same rows.
 * Prints the figures and writes them to bench-results.json at the project root.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { serialize, deserialize } from 'node:v8'
import { createAppCore } from '../../electron/core/app-core'
import { openDatabase } from '../../electron/core/db/open-database'
import { silentLogger, systemClock } from '../../electron/core/ports'
import type { ImportPreview } from '../../electron/shared/csv-import'
import type { Result } from '../../electron/shared/result'
import { demoStoreInputs, storesCsv } from '../support/demo-data'
import { PROJECT_ROOT, MIGRATIONS_DIR } from '../support/web-host'

const ROWS = 10_000
const LIST_RUNS = 9

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-'))
  const database = openDatabase({
    filePath: path.join(dir, 'storewatch.db'),
    migrationsFolder: MIGRATIONS_DIR,
    backupDir: path.join(dir, 'backups'),
    appVersion: 'bench',
    clock: systemClock,
    logger: silentLogger
  })
  const core = createAppCore({
    database,
    clock: systemClock,
    logger: silentLogger,
    actor: { name: () => 'bench' },
    fileSaver: { saveText: async () => ({ saved: false }) },
    notifier: { show: async () => ({ delivered: true }) },
    ticker: { every: () => () => undefined },
    broadcast: () => undefined,
    kamTimeZone: () => 'Asia/Singapore',
    appInfo: { version: 'bench', dataDir: dir, databasePath: path.join(dir, 'storewatch.db') }
  })
  const context = { emit: () => {} }
  const bytes = new TextEncoder().encode(storesCsv(demoStoreInputs(ROWS)))

  // Import: preview (parse + validate) then commit, through the same handlers the app calls.
  const t0 = performance.now()
  const preview = unwrap<ImportPreview>(
    await core.dispatcher.dispatch('import:preview', { requestId: 'bench', fileName: 'bench.csv', bytes }, context)
  )
  const t1 = performance.now()
  if (!preview.canImport) throw new Error(`The generated file has problems: ${JSON.stringify(preview.problems.slice(0, 3))}`)
  unwrap(await core.dispatcher.dispatch('import:commit', { previewId: preview.previewId, defaultConflictAction: 'skip' }, context))
  const t2 = performance.now()

  // Listing: the handler (validation, query, mapping) plus the structured clone IPC performs,
  // next to the raw rows straight from SQLite, alternating so both see the same machine state.
  const query = { statuses: [], sort: { column: 'clientName', direction: 'asc' } }
  const raw = database.sqlite.prepare('SELECT * FROM stores ORDER BY client_name COLLATE NOCASE, id')
  const listTimes: number[] = []
  const rawTimes: number[] = []
  for (let run = 0; run < LIST_RUNS + 2; run++) {
    const a = performance.now()
    const listed = deserialize(serialize(await core.dispatcher.dispatch('stores:list', query, context))) as Result<{ stores: unknown[] }>
    const b = performance.now()
    const rows = raw.all()
    const c = performance.now()
    if (unwrap<{ stores: unknown[] }>(listed).stores.length !== ROWS || rows.length !== ROWS) throw new Error('row counts differ')
    if (run >= 2) {
      listTimes.push(b - a)
      rawTimes.push(c - b)
    }
  }
  database.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const figures = {
    import10kMs: Math.round(t2 - t0),
    import10kPreviewMs: Math.round(t1 - t0),
    import10kCommitMs: Math.round(t2 - t1),
    list10kMs: Number(median(listTimes).toFixed(1)),
    list10kRawMs: Number(median(rawTimes).toFixed(1)),
    listRatio: Number((median(listTimes) / median(rawTimes)).toFixed(2)),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${os.platform()} ${os.arch()}`,
    measuredAt: new Date().toISOString()
  }
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench-results.json'), `${JSON.stringify(figures, null, 2)}\n`)

  const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal')
  console.log(`Storewatch benchmarks (${figures.machine})`)
  console.log(`  CSV import, ${ROWS.toLocaleString('en')} rows: ${figures.import10kMs} ms ` +
    `(preview ${figures.import10kPreviewMs} ms + commit ${figures.import10kCommitMs} ms) — goal ≤ 2000 ms, ${verdict(figures.import10kMs <= 2000)}`)
  console.log(`  List ${ROWS.toLocaleString('en')} stores via IPC handler: ${figures.list10kMs} ms (median of ${LIST_RUNS})`)
  console.log(`  Raw SQL read of the same rows:   ${figures.list10kRawMs} ms`)
  console.log(`  Ratio: ${figures.listRatio}× — goal ≤ 3×, ${verdict(figures.listRatio <= 3)}`)
  console.log('  Written to bench-results.json')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
