/**
 * The preview's answer stays small whatever the file holds: the first problems and matches with
 * counts of all, values and headers cut short, and every problem saved as a file on request.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileSaver } from '../../electron/core/ports'
import { MAX_ECHOED_CHARS, MAX_LISTED_CONFLICTS, MAX_LISTED_PROBLEMS } from '../../electron/shared/csv-import'
import type { ImportPreview } from '../../electron/shared/csv-import'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, makeTempDir, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const HEADER = 'client_name,store_name,country,seller_short_code'

let database: TestDatabase
let core: TestCore
let saved: string[]

/** Saves where a KAM would pick: a file in the test's folder. */
function folderSaver(dir: string): FileSaver {
  return {
    async saveText({ suggestedName, content }) {
      const target = path.join(dir, suggestedName)
      if (typeof content === 'string') fs.writeFileSync(target, content)
      else await content.writeTo(target)
      saved.push(target)
      return { saved: true, path: target }
    }
  }
}

beforeEach(() => {
  const clock = new FakeClock()
  database = openTestDatabase({ clock })
  saved = []
  core = createTestCore(database, { clock, fileSaver: folderSaver(database.dir) })
})
afterEach(() => database.close())

function preview(text: string, fileName = 'stores.csv'): Promise<ImportPreview> {
  return core.imports.preview({ requestId: 'r', fileName, bytes: new TextEncoder().encode(text) }, () => {})
}

/** `count` rows with no client and an unknown country each: two errors a row. */
function brokenRows(count: number): string {
  const lines = [HEADER]
  for (let i = 0; i < count; i++) lines.push(`,Store ${i},X${i % 10},SG${String(i).padStart(8, '0')}`)
  return lines.join('\r\n') + '\r\n'
}

function validRows(count: number, storeName = (i: number) => `Store ${i}`): string {
  const lines = [HEADER]
  for (let i = 0; i < count; i++) lines.push(`Client ${i},${storeName(i)},SG,SG${String(i).padStart(8, '0')}`)
  return lines.join('\r\n') + '\r\n'
}

describe('CSV import: a bounded preview', () => {
  it('lists the first 1,000 problems in row order and counts them all, by severity and by kind', { timeout: 60_000 }, async () => {
    const p = await preview(brokenRows(3000))
    expect(p).toMatchObject({ rowCount: 3000, errorRowCount: 3000, problemCount: 6000, errorCount: 6000, warningCount: 0, canImport: false })
    expect(p.problems).toHaveLength(MAX_LISTED_PROBLEMS)
    expect(p.problems.slice(0, 3).map((x) => [x.row, x.column, x.kind])).toEqual([
      [2, 'client_name', 'invalid-value'],
      [2, 'country', 'invalid-value'],
      [3, 'client_name', 'invalid-value']
    ])
    expect(p.problems.at(-1)!.row).toBe(501)
    expect(p.problemGroups).toEqual([
      { kind: 'invalid-value', field: 'clientName', severity: 'error', label: 'Client: missing or not valid', count: 3000 },
      { kind: 'invalid-value', field: 'country', severity: 'error', label: 'Country: missing or not valid', count: 3000 }
    ])
    expect(JSON.stringify(p).length).toBeLessThan(250_000)
  })

  it('saves every problem, not only the listed ones, as a CSV of row, column, value and problem', { timeout: 60_000 }, async () => {
    const p = await preview(brokenRows(3000), 'clients.csv')
    const result = await core.handlers['import:save-problems']({ previewId: p.previewId, list: 'problems' }, { emit: () => undefined })
    expect(result).toEqual({ saved: true, path: path.join(database.dir, 'clients-problems.csv') })
    const text = fs.readFileSync(saved[0]!, 'utf8')
    expect(text.startsWith('\uFEFFrow,column,value,problem\r\n')).toBe(true)
    const [header, ...rows] = parse(text.slice(1)) as string[][]
    expect(header).toEqual(['row', 'column', 'value', 'problem'])
    expect(rows).toHaveLength(6000)
    expect(rows[0]).toEqual(['2', 'client_name', '', 'Client is required'])
    expect(rows.at(-1)).toEqual(['3001', 'country', 'X9', expect.stringContaining('Unknown country "X9"')])

    // The preview is still there to import once the file is fixed… or to save again.
    expect(await core.imports.saveProblems(p.previewId)).toMatchObject({ saved: true })
  })

  it('lists warnings in the file too, marked as such', { timeout: 60_000 }, async () => {
    const p = await preview(`${HEADER}\r\nKim,Kim Store,KR,KR10000001\r\n`)
    await core.imports.saveProblems(p.previewId)
    const [, row] = parse(fs.readFileSync(saved[0]!, 'utf8').slice(1)) as string[][]
    expect(row).toEqual(['2', 'country', 'KR', expect.stringMatching(/^Warning: KR \(South Korea\) is outside/)])
  })

  it('cuts a huge value to 200 characters wherever the preview shows it back', { timeout: 60_000 }, async () => {
    const huge = 'Z'.repeat(10 * 1024 * 1024)
    const p = await preview(`${HEADER}\r\nAcme,Acme Official,${huge},SG10000001\r\n`)
    const [problem] = p.problems
    expect(problem).toMatchObject({ row: 2, column: 'country', kind: 'invalid-value' })
    expect(problem!.value).toHaveLength(MAX_ECHOED_CHARS)
    expect(problem!.value!.endsWith('…')).toBe(true)
    expect(problem!.message.length).toBeLessThanOrEqual(400)
    expect(JSON.stringify(p).length).toBeLessThan(5_000)
  })

  it('cuts a huge header to 200 characters, and names at most 20 of a header’s columns', { timeout: 60_000 }, async () => {
    const longName = 'H'.repeat(10 * 1024 * 1024)
    const ignored = await preview(`${HEADER},${longName}\r\nAcme,Acme Official,SG,SG10000001,x\r\n`)
    expect(ignored.ignoredColumns).toEqual([expect.stringMatching(/^H{199}…$/)])
    expect(ignored.canImport).toBe(true)

    const wide = Array.from({ length: 5000 }, (_, i) => `extra ${i}`)
    const missing = await preview(`${[longName, ...wide].join(',')}\r\n`)
    expect(missing.fileProblems).toHaveLength(1)
    expect(missing.fileProblems[0]).toContain('and 4981 more')
    expect(missing.fileProblems[0]!.length).toBeLessThan(1000)
    expect(missing.ignoredColumns).toHaveLength(100)
    expect(missing.ignoredColumnCount).toBe(5001)
  })
})

describe('CSV import: many rows matching existing stores', () => {
  it('lists the first 1,000 matches; "update all" and per-row choices still reach every row', { timeout: 120_000 }, async () => {
    const first = await preview(validRows(1200))
    await core.imports.commit({ previewId: first.previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => {})

    const renamed = await preview(validRows(1200, (i) => `Store ${i} (renamed)`))
    expect(renamed).toMatchObject({ conflictCount: 1200, changingConflictCount: 1200, newCount: 0, canImport: true })
    expect(renamed.conflicts).toHaveLength(MAX_LISTED_CONFLICTS)
    expect(renamed.conflicts.at(-1)!.row).toBe(1001)

    const result = await core.imports.commit(
      { previewId: renamed.previewId, defaultConflictAction: 'update', conflictActions: { '2': 'skip' } },
      () => {}
    )
    expect(result).toEqual({ created: 0, updated: 1199, skipped: 1, outOfScope: 0, skippedWithErrors: 0 })
    const byCode = (code: string) => core.stores.findByKey({ country: 'SG', sellerShortCode: code, loginEmail: null })!
    expect(byCode('SG00000000').storeName).toBe('Store 0')
    expect(byCode('SG00001199').storeName).toBe('Store 1199 (renamed)') // row 1201: past the listed matches
    expect(core.detail(byCode('SG00001199').id).history[0]).toMatchObject({ kind: 'import-updated', summary: 'Updated from stores.csv (row 1201)' })
  })
})

describe('CSV import: the worker thread', () => {
  it('stops a check when its request is discarded, and says so', { timeout: 60_000 }, async () => {
    const checking = preview(validRows(20_000))
    core.imports.discard('r')
    await expect(checking).rejects.toMatchObject({ code: 'import-expired', message: expect.stringContaining('was stopped') })
    // The pool runs the next file as usual.
    expect((await preview(validRows(3))).newCount).toBe(3)
  })

  it('says what happened when the worker cannot run, and writes nothing', { timeout: 60_000 }, async () => {
    const { createImportWorkerPool } = await import('../../electron/core/import/worker-pool')
    const workers = createImportWorkerPool({ filename: path.join(makeTempDir(), 'missing-worker.js') })
    const broken = createTestCore(database, { importWorkers: workers })
    try {
      const request = { requestId: 'r', fileName: 'stores.csv', bytes: new TextEncoder().encode(validRows(3)) }
      await expect(broken.imports.preview(request, () => {})).rejects.toMatchObject({
        code: 'import-failed',
        message: expect.stringMatching(/^Storewatch could not check stores\.csv \(.+\)\. Nothing was written\.$/)
      })
      expect(broken.stores.count()).toBe(0)
    } finally {
      await workers.close()
    }
  })
})
