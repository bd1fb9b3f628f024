/**
 * A working day's import and export: the records travel in the file, dates read as typed, rows
 * with errors skipped and handed back, warnings grouped, .xlsx both ways, deadlines as .ics.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_XLSX_BYTES } from '../../../electron/core/import/import-source'
import type { FileSaver } from '../../../electron/core/ports'
import type { ImportPreview } from '../../../electron/shared/csv-import'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

const NOW = Date.parse('2026-11-27T02:00:00Z')
const HEADER = 'client_name,store_name,country,seller_short_code,service_version,subscription_period,start_time,end_time,authorized_at,authorized_account,reconnected_at'

interface Session {
  database: TestDatabase
  core: TestCore
  clock: FakeClock
  saved: string[]
}

const open: Session[] = []

function session(): Session {
  const clock = new FakeClock(NOW)
  const database = openTestDatabase({ clock })
  const saved: string[] = []
  const fileSaver: FileSaver = {
    async saveText({ suggestedName, content }) {
      const target = path.join(database.dir, `${saved.length}-${suggestedName}`)
      if (typeof content === 'string') fs.writeFileSync(target, content)
      else await content.writeTo(target)
      saved.push(target)
      return { saved: true, path: target }
    }
  }
  const s = { database, core: createTestCore(database, { clock, fileSaver }), clock, saved }
  open.push(s)
  return s
}

let s: Session
beforeEach(() => {
  s = session()
})
afterEach(() => {
  for (const each of open.splice(0)) each.database.close()
})

const ctx = { emit: () => undefined }

function preview(at: Session, content: string | Uint8Array, fileName = 'stores.csv'): Promise<ImportPreview> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return at.core.imports.preview({ requestId: 'r', fileName, bytes }, () => {})
}

function commit(at: Session, p: ImportPreview, skipErrorRows = false) {
  return at.core.imports.commit({ previewId: p.previewId, defaultConflictAction: 'update', conflictActions: {}, skipErrorRows }, () => {})
}

function storeByCode(at: Session, code: string) {
  const found = at.core.stores.findByKey({ country: code.slice(0, 2), sellerShortCode: code, loginEmail: null })
  if (!found) throw new Error(`no store ${code}`)
  return at.core.detail(found.id)
}

function csvCells(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as string[][]
}

describe('import carries the records', () => {
  it('writes the subscription, the last authorization and the reconnect, with an "imported" history entry and the true status', async () => {
    const p = await preview(
      s,
      [
        HEADER,
        'Acme,Acme SG,SG,SG10000001,Paid version,One year,3 Jun 2026,3 Dec 2026 00:00,2026-06-03 10:00,seller@acme.com,2026-06-03 10:30',
        'Beta,Beta TH,TH,TH10000002,,,,2026-12-20,,,'
      ].join('\r\n')
    )
    expect(p).toMatchObject({ canImport: true, newCount: 2, errorCount: 0 })
    expect(await commit(s, p)).toMatchObject({ created: 2, skippedWithErrors: 0 })

    const acme = storeByCode(s, 'SG10000001')
    expect(acme.subscription).toMatchObject({
      serviceVersion: 'paid',
      period: 'one-year',
      startAt: Date.parse('2026-06-02T16:00:00Z'),
      endAt: Date.parse('2026-12-02T16:00:00Z'),
      source: 'kam'
    })
    expect(acme.authorizations).toHaveLength(1)
    expect(acme.authorizations[0]).toMatchObject({
      authorizedAt: Date.parse('2026-06-03T02:00:00Z'),
      account: 'seller@acme.com',
      reconnectedAt: Date.parse('2026-06-03T02:30:00Z'),
      method: 'recorded-by-kam'
    })
    const imported = acme.history.find((h) => h.kind === 'imported' && h.summary.includes('subscription'))!
    expect(imported.summary).toBe('Imported the subscription and authorization and reconnect from stores.csv (row 2)')
    expect(imported.changes.map((c) => [c.label, c.after])).toEqual(
      expect.arrayContaining([
        ['End Time', '3 Dec 2026, 00:00 (SG time)'],
        ['Authorized', '3 Jun 2026, 10:00 (SG time)'],
        ['Seller account', 'seller@acme.com']
      ])
    )
    expect(acme.store.status).toBe('expiring')
    // Thailand's midnight, not Singapore's: the store's own country time.
    const beta = storeByCode(s, 'TH10000002')
    expect(beta.subscription?.endAt).toBe(Date.parse('2026-12-19T17:00:00Z'))
    expect(beta.store.status).toBe('needs-authorization')
  })

  it('a date that reads two ways is flagged with its row, column and both readings, not guessed; 13/04/2026 is read', async () => {
    const p = await preview(s, [HEADER, 'Acme,Acme SG,SG,SG10000001,,,03/04/2026,,,,', 'Beta,Beta SG,SG,SG10000002,,,13/04/2026,,,,'].join('\r\n'))
    expect(p.canImport).toBe(false)
    expect(p.canSkipErrorRows).toBe(true)
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'start_time',
        value: '03/04/2026',
        kind: 'ambiguous-date',
        severity: 'error',
        message: expect.stringMatching(/reads two ways: 3 Apr 2026 \(day first\) or 4 Mar 2026 \(month first\)/)
      })
    ])
    expect(p.problemGroups).toEqual([expect.objectContaining({ kind: 'ambiguous-date', count: 1 })])
  })

  it('an update brings the records up to date and says so in the preview; the same file again changes nothing', async () => {
    const store = s.core.stores.create(storeInput({ sellerShortCode: 'SG10000001' }))
    const file = [HEADER, 'Acme Pte Ltd,Acme Official,SG,SG10000001,,,,2026-12-31,,,'].join('\r\n')
    const p = await preview(s, file)
    expect(p.conflicts[0]!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'End Time', before: null, after: '31 Dec 2026, 00:00 (SG time)' })])
    )
    expect(await commit(s, p)).toMatchObject({ updated: 1 })
    expect(s.core.detail(store.id).subscription?.endAt).toBe(Date.parse('2026-12-30T16:00:00Z'))
    const again = await preview(s, file)
    expect(again.conflicts[0]!.changes).toEqual([])
    expect(await commit(s, again)).toMatchObject({ updated: 0, skipped: 1 })
  })
})

describe('a working day: skip the rows with errors, group the warnings', () => {
  it('imports the good rows, leaves the bad ones out and hands them back with each problem beside it', async () => {
    const lines = [HEADER, 'Acme,Acme SG,SG,SG10000001,,,,2026-12-31,,,', ',No client,SG,SG10000002,,,,,,,', 'Gamma,Gamma SG,SG,SG10000003,,,,31/02/2026,,,']
    for (let i = 0; i < 5; i++) lines.push(`Kim ${i},Kim Store ${i},KR,KR1000000${i},,,,,,,`)
    const p = await preview(s, lines.join('\r\n'))
    expect(p).toMatchObject({ canImport: false, canSkipErrorRows: true, errorRowCount: 2 })
    expect(p.warningGroups).toEqual([{ message: expect.stringContaining('KR (South Korea) is outside'), count: 5, rows: [5, 6, 7, 8, 9] }])

    // Saved from the preview, before the rest is imported.
    const result = await s.core.handlers['import:save-problems']({ previewId: p.previewId, list: 'skipped-rows' }, ctx)
    await expect(commit(s, p)).rejects.toThrow(/still has 2 problems/)
    expect(await commit(s, p, true)).toMatchObject({ created: 6, skippedWithErrors: 2, outOfScope: 5 })
    expect(s.core.stores.findByKey({ country: 'SG', sellerShortCode: 'SG10000002', loginEmail: null })).toBeUndefined()

    expect(result).toMatchObject({ saved: true, path: expect.stringMatching(/stores-skipped-rows\.csv$/) })
    const [header, ...rows] = csvCells(s.saved[0]!)
    expect(header).toEqual([...HEADER.split(','), 'problem'])
    expect(rows.map((r) => [r[1], r.at(-1)])).toEqual([
      ['No client', expect.stringMatching(/^Row 3, client_name: /)],
      ['Gamma SG', expect.stringMatching(/^Row 4, end_time: End Time: "31\/02\/2026" is not a date/)]
    ])
  })

  it('the skipped rows, once fixed, import from their own file without a word about the problem column', async () => {
    const p = await preview(s, [HEADER, ',No client,SG,SG10000002,,,,,,,', 'Acme,Acme SG,SG,SG10000001,,,,,,,'].join('\r\n'))
    await s.core.handlers['import:save-problems']({ previewId: p.previewId, list: 'skipped-rows' }, ctx)
    await commit(s, p, true)
    const fixed = fs.readFileSync(s.saved[0]!, 'utf8').replace('\r\n,No client', '\r\nFixed Co,No client')
    const again = await preview(s, fixed, 'stores-skipped-rows.csv')
    expect(again).toMatchObject({ canImport: true, ignoredColumns: [], newCount: 1 })
  })
})

/** Three stores with every record, in three zones; one out of scope. */
function seedPortfolio(at: Session): void {
  const { stores, records } = at.core
  const acme = stores.create(storeInput({ sellerShortCode: 'SG10000001', tags: ['vip', 'fashion'], notes: '=SUM(A1)' }))
  records.saveSubscription(acme.id, { serviceVersion: 'paid', period: 'one-year', startAt: Date.parse('2026-06-02T16:00:00Z'), endAt: Date.parse('2026-12-09T16:00:00Z'), source: 'kam' })
  records.recordAuthorization(acme.id, { authorizedAt: Date.parse('2026-06-03T02:15:30Z'), method: 'recorded-by-kam', account: 'owner@acme.com', country: null, refreshDeadlineAt: null, note: null, reconnected: true })
  const beta = stores.create(storeInput({ clientName: 'Beta', storeName: 'Beta TH', country: 'TH', sellerShortCode: 'TH10000002' }))
  records.saveSubscription(beta.id, { serviceVersion: 'authorization-only', period: 'half-year', startAt: null, endAt: Date.parse('2027-01-14T17:00:00Z'), source: 'kam' })
  stores.create(storeInput({ clientName: 'Kim', storeName: 'Kim KR', country: 'KR', sellerShortCode: 'KR10000003' }))
}

const RECORD_AND_VIEW = (row: Record<string, string>) => {
  const { created_at: _c, updated_at: _u, ...rest } = row
  return rest
}

function rowsOfCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = csvCells(file)
  return rows.map((r) => RECORD_AND_VIEW(Object.fromEntries(header!.map((h, i) => [h, r[i]!]))))
}

async function rowsOfXlsx(file: string): Promise<{ values: Record<string, unknown>[]; dateCells: string[] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]!
  const header = (sheet.getRow(1).values as string[]).slice(1)
  const values: Record<string, unknown>[] = []
  const dateCells = new Set<string>()
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const cells = (row.values as unknown[]).slice(1)
    cells.forEach((v, i) => v instanceof Date && dateCells.add(header[i]!))
    values.push(RECORD_AND_VIEW(Object.fromEntries(header.map((h, i) => [h, cells[i] instanceof Date ? (cells[i] as Date).toISOString() : (cells[i] ?? '')])) as Record<string, string>))
  })
  return { values, dateCells: [...dateCells].sort() }
}

describe('export → import into an empty portfolio → export: every record intact', () => {
  it('CSV', { timeout: 60_000 }, async () => {
    seedPortfolio(s)
    await s.core.handlers['stores:export-csv']({ query: { ...defaultQuery() } }, ctx)
    const first = rowsOfCsv(s.saved[0]!)
    expect(first.find((r) => r.seller_short_code === 'SG10000001')).toMatchObject({
      service_version: 'Paid version',
      subscription_period: 'One year',
      end_time: '2026-12-10T00:00+08:00',
      authorized_at: '2026-06-03T10:15:30+08:00',
      authorized_account: 'owner@acme.com',
      status_label: 'Expiring',
      deadline: '2026-12-10T00:00+08:00',
      days_left: '13',
      next_step: expect.stringMatching(/\w/)
    })

    const fresh = session()
    const p = await preview(fresh, fs.readFileSync(s.saved[0]!), 'export.csv')
    expect(p).toMatchObject({ canImport: true, ignoredColumns: [], newCount: 3 })
    await commit(fresh, p)
    await fresh.core.handlers['stores:export-csv']({ query: defaultQuery() }, ctx)
    expect(rowsOfCsv(fresh.saved[0]!)).toEqual(first)
  })

  it('.xlsx, with real date cells in the store’s country time', { timeout: 60_000 }, async () => {
    seedPortfolio(s)
    await s.core.handlers['stores:export-xlsx']({ query: defaultQuery() }, ctx)
    const first = await rowsOfXlsx(s.saved[0]!)
    expect(first.dateCells).toEqual(['authorized_at', 'deadline', 'end_time', 'reconnected_at', 'start_time'])
    // Excel cells have no zone: the wall clock of Singapore's midnight.
    expect(first.values.find((r) => r.seller_short_code === 'SG10000001')).toMatchObject({ end_time: '2026-12-10T00:00:00.000Z', days_left: 13, status_label: 'Expiring' })

    const fresh = session()
    const p = await preview(fresh, fs.readFileSync(s.saved[0]!), 'export.xlsx')
    expect(p).toMatchObject({ canImport: true, ignoredColumns: [], newCount: 3, fileProblems: [] })
    await commit(fresh, p)
    await fresh.core.handlers['stores:export-xlsx']({ query: defaultQuery() }, ctx)
    expect((await rowsOfXlsx(fresh.saved[0]!)).values).toEqual(first.values)
    const acme = storeByCode(fresh, 'SG10000001')
    expect(acme.authorizations[0]).toMatchObject({ authorizedAt: Date.parse('2026-06-03T02:15:30Z'), account: 'owner@acme.com' })
  })
})

describe('.xlsx files the import refuses, with a clear message and nothing written', () => {
  it.each([
    ['a damaged workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not really a zip at all')]), /damaged or not an \.xlsx/],
    ['a password-protected workbook', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /password-protected, or an Excel 97–2003 \.xls/],
    ['a workbook over the size cap', (() => { const b = new Uint8Array(MAX_XLSX_BYTES + 1); b.set([0x50, 0x4b, 0x03, 0x04]); return b })(), /Storewatch takes \.xlsx files up to 20 MB/]
  ])('%s', async (_what, bytes, message) => {
    const p = await preview(s, bytes, 'stores.xlsx')
    expect(p.fileProblems).toEqual([expect.stringMatching(message)])
    expect(p.canImport).toBe(false)
    expect(p.canSkipErrorRows).toBe(false)
  })
})

describe('upcoming deadlines as a calendar', () => {
  it('one event per store deadline in the range, at the deadline, with the store, country, store time and next step; UIDs stable', async () => {
    seedPortfolio(s)
    await s.core.handlers['stores:export-ics']({ query: defaultQuery(), days: 30 }, ctx)
    const text = fs.readFileSync(s.saved[0]!, 'utf8')
    const unfolded = text.replace(/\r\n[ \t]/g, '')
    const events = unfolded.split('BEGIN:VEVENT').slice(1)
    // Beta ends in 48 days: outside 30.
    expect(events).toHaveLength(1)
    const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(events[0]!)?.[1]
    expect(field('DTSTART')).toBe('20261209T160000Z')
    expect(field('SUMMARY')).toBe('Subscription ends: Acme Official (Singapore)')
    const description = field('DESCRIPTION')!.replace(/\\n/g, '\n').replace(/\\,/g, ',')
    expect(description).toContain('Subscription ends: 10 Dec 2026, 00:00 (SG time)')
    expect(description).toContain('Country: Singapore')
    expect(description).toMatch(/Next step: \w/)
    expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0/)

    await s.core.handlers['stores:export-ics']({ query: defaultQuery(), days: 90 }, ctx)
    const wider = fs.readFileSync(s.saved[1]!, 'utf8').replace(/\r\n[ \t]/g, '')
    expect(wider.split('BEGIN:VEVENT')).toHaveLength(3)
    expect(wider).toContain(`UID:${field('UID')}`)
  })
})

function defaultQuery() {
  return { search: '', countries: [], owners: [], tags: [], statuses: [], storeIds: [], endsWithinDays: null, sort: { column: 'clientName' as const, direction: 'asc' as const } }
}
