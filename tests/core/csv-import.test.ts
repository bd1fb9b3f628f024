import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/core/errors'
import { STORE_COLUMNS, TEMPLATE_COLUMNS } from '../../electron/core/portfolio/csv-columns'
import { MAX_KEPT_PREVIEWS, PREVIEW_TTL_MS } from '../../electron/core/import/import-service'
import type { CommitRequest, ImportService } from '../../electron/core/import/import-service'
import type { StoreService } from '../../electron/core/portfolio/store-service'
import type { ImportPreview, ImportProgress } from '../../electron/shared/csv-import'
import { storeInput } from '../support/store-input'
import { rejected } from '../support/thrown'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const FIXTURES = path.resolve(__dirname, '../fixtures/csv')
const HEADER = 'client_name,store_name,country,seller_short_code,login_email,contact_email,contact_phone,owner_kam,tags,notes'

function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)))
}


let database: TestDatabase
let clock: FakeClock
let core: TestCore
let stores: StoreService
let imports: ImportService
let events: ImportProgress[]

beforeEach(() => {
  clock = new FakeClock(Date.parse('2026-11-27T02:00:00Z'))
  database = openTestDatabase({ clock })
  core = createTestCore(database, { clock })
  stores = core.stores
  imports = core.imports
  events = []
})
afterEach(() => database.close())

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

async function preview(content: string | Uint8Array, fileName = 'stores.csv'): Promise<ImportPreview> {
  const bytes = typeof content === 'string' ? bytesOf(content) : content
  return imports.preview({ requestId: 'req-1', fileName, bytes }, (p) => events.push(p))
}

function commit(previewId: string, request: Partial<CommitRequest> = {}) {
  return imports.commit(
    { previewId, defaultConflictAction: 'skip', conflictActions: {}, ...request },
    (p) => events.push(p)
  )
}

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n'
}


function errorsOf(p: ImportPreview) {
  return p.problems.filter((x) => x.severity === 'error')
}

function storeCount(): number {
  return (database.sqlite.prepare('SELECT count(*) AS n FROM stores').get() as { n: number }).n
}

function historyCount(): number {
  return (database.sqlite.prepare('SELECT count(*) AS n FROM store_history').get() as { n: number }).n
}

describe('CSV import: reading the file', () => {
  it('reads a file with a UTF-8 BOM and CRLF line endings', async () => {
    const p = await preview('\uFEFF' + [HEADER, 'Acme Pte Ltd,Acme Official,SG,SG10000001,,,,,,'].join('\r\n') + '\r\n')
    expect(p.fileProblems).toEqual([])
    expect(p.recognizedColumns[0]).toBe('client_name') // the BOM is not part of the first header
    expect(p).toMatchObject({ delimiter: ',', rowCount: 1, newCount: 1, canImport: true })
  })

  it('reads LF line endings and a last line without a newline', async () => {
    const p = await preview(`${HEADER}\nAcme Pte Ltd,Acme Official,SG,SG10000001,,,,,,\nBeta,Beta Store,MY,MY10000002,,,,,,`)
    expect(p).toMatchObject({ rowCount: 2, newCount: 2, canImport: true })
  })

  it('accepts CRLF, LF and CR line endings mixed in one file, numbering rows as a spreadsheet does', async () => {
    const p = await preview(
      `${HEADER}\r\nAcme,Acme Official,SG,SG10000001,,,,,,\nBeta,Beta Store,MY,MY10000002,,,,,,\r` +
        'Gamma,Gamma Store,PH,PH10000003,,,,,,"Line one\r\nline two"\r\nDelta,Delta Store,XX,TH10000004,,,,,,\n'
    )
    expect(p.fileProblems).toEqual([])
    expect(p.rowCount).toBe(4)
    expect(errorsOf(p).map((x) => [x.row, x.value])).toEqual([[5, 'XX']])
    expect(p.problems.some((x) => x.kind === 'cell-count')).toBe(false)
  })

  it('detects a ";" delimiter, header labels instead of column names, and a cell neutralized by our export', async () => {
    const p = await preview(fixture('excel-semicolon-utf8.csv'), 'excel.csv')
    expect(p.fileProblems).toEqual([])
    expect(p).toMatchObject({ delimiter: ';', rowCount: 3, newCount: 3, canImport: true })
    expect(p.recognizedColumns).toContain('Seller Center login e-mail')
    await commit(p.previewId)
    const maju = stores.findByKey({ country: 'ID', sellerShortCode: 'ID10000004', loginEmail: null })
    expect(maju).toMatchObject({
      clientName: 'PT Maju Jaya',
      contactPhone: '+62 21 555 0101',
      tags: ['fashion', 'vip'],
      notes: 'Pays on the 1st; ask for Budi'
    })
    expect(stores.findByKey({ country: 'VN', sellerShortCode: null, loginEmail: 'owner@anhduong.vn' })?.clientName).toBe(
      'Công ty TNHH Ánh Dương'
    )
    expect(stores.findByKey({ country: 'TH', sellerShortCode: 'TH10000003', loginEmail: null })?.storeName).toBe('ร้านค้าออนไลน์')
  })

  it('reads quoted fields with commas, line breaks and "" escapes, and numbers rows as a spreadsheet does', async () => {
    const p = await preview(fixture('quoted-multiline.csv'))
    expect(p.rowCount).toBe(3)
    // The first record spans two lines of the file, yet the unknown country is on spreadsheet row 4.
    expect(errorsOf(p)).toEqual([
      expect.objectContaining({ row: 4, column: 'country', field: 'country', value: 'XX', severity: 'error' })
    ])
    expect(errorsOf(p)[0]!.message).toContain('Unknown country "XX"')
  })

  it('imports quoted values exactly', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'quoted-multiline.csv'), 'utf8').replace(',XX,', ',PH,')
    const p = await preview(text)
    expect(p.canImport).toBe(true)
    await commit(p.previewId)
    expect(stores.findByKey({ country: 'SG', sellerShortCode: 'SG10000001', loginEmail: null })).toMatchObject({
      clientName: 'Acme, Inc.',
      notes: 'Line one\nLine two with "quotes"'
    })
    expect(stores.findByKey({ country: 'MY', sellerShortCode: 'MY10000002', loginEmail: null })?.storeName).toBe('Beta "Best" Store')
  })

  it('reports an unterminated quote with its row and line instead of throwing', async () => {
    const p = await preview(
      csv(HEADER, 'Acme,"Acme\nOfficial",SG,SG10000001,,,,,,', 'Beta,"Beta Store,MY,MY10000002,,,,,,', 'Gamma,Gamma,PH,PH10000003,,,,,,')
    )
    expect(p.canImport).toBe(false)
    expect(p.fileProblems).toHaveLength(1)
    expect(p.fileProblems[0]).toMatch(/^Row 3 \(line 4 of the file\) opens a quoted value/)
    expect(p.fileProblems[0]).toContain('never closed')
  })

  it.each([
    ['Windows-1252', 'windows-1252.csv', 3],
    ['Thai TIS-620', 'tis-620-thai.csv', 2]
  ])('refuses %s bytes and asks for "CSV UTF-8", naming the line', async (_name, file, line) => {
    const p = await preview(fixture(file))
    expect(p.canImport).toBe(false)
    expect(p.fileProblems).toHaveLength(1)
    expect(p.fileProblems[0]).toContain('not UTF-8')
    expect(p.fileProblems[0]).toContain('CSV UTF-8')
    expect(p.fileProblems[0]).toContain(`line ${line}`)
    expect(p.rowCount).toBe(0)
    expect(await rejected(() => commit(p.previewId))).toBeInstanceOf(AppError)
    expect(storeCount()).toBe(0)
  })

  it('recognises UTF-16 and .xlsx files', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('client_name\r\n', 'utf16le')])
    expect((await preview(utf16)).fileProblems[0]).toContain('UTF-16')
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    expect((await preview(xlsx)).fileProblems[0]).toContain('.xlsx')
  })

  it('says so when the file is empty or has only a header', async () => {
    expect((await preview('')).fileProblems).toEqual([expect.stringContaining('The file is empty')])
    expect((await preview('\uFEFF\r\n \r\n')).fileProblems).toEqual([expect.stringContaining('The file is empty')])
    const headerOnly = await preview(`${HEADER}\r\n\r\n,,,,,,,,,\r\n`)
    expect(headerOnly.fileProblems).toEqual([expect.stringContaining('no rows')])
    expect(headerOnly.canImport).toBe(false)
  })

  it('names missing required columns', async () => {
    const p = await preview(csv('client_name,seller_short_code', 'Acme,SG10000001'))
    expect(p.canImport).toBe(false)
    expect(p.fileProblems).toHaveLength(1)
    expect(p.fileProblems[0]).toContain('"store_name" (Store name)')
    expect(p.fileProblems[0]).toContain('"country" (Country)')
    expect(p.problems).toEqual([])
  })

  it('asks for a short code or login e-mail column', async () => {
    const p = await preview(csv('client_name,store_name,country', 'Acme,Acme Official,SG'))
    expect(p.fileProblems).toEqual([expect.stringContaining('"seller_short_code" or a "login_email" column')])
  })

  it('refuses two columns that mean the same field', async () => {
    const p = await preview(csv('client_name,store_name,Shop Name,country,seller_short_code', 'Acme,A,B,SG,SG10000001'))
    expect(p.fileProblems).toEqual([expect.stringContaining('"store_name" and "Shop Name" both hold Store name')])
    expect(p.canImport).toBe(false)
  })

  it('ignores unknown columns with a note, and our export-only columns silently', async () => {
    const p = await preview(
      csv(
        'Client Name, STORE-NAME ,Country Code,Short Code,Region Manager,status,created_at,updated_at,',
        'Acme,Acme Official,sg,sg10000001,Ben,active,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z,'
      )
    )
    expect(p.fileProblems).toEqual([])
    expect(p.recognizedColumns).toEqual(['Client Name', 'STORE-NAME', 'Country Code', 'Short Code'])
    expect(p.ignoredColumns).toEqual(['Region Manager'])
    expect(p.problems).toEqual([])
    expect(p.canImport).toBe(true)
  })

  it('lists an unnamed column only when a row has something in it', async () => {
    const p = await preview(csv('client_name,store_name,country,seller_short_code,', 'Acme,Acme Official,SG,SG10000001,stray'))
    expect(p.ignoredColumns).toEqual(['(column 5, no name)'])
    expect(p.canImport).toBe(true)
  })
})

describe('CSV import: checking rows', () => {
  it('reports every field problem with its row, column, field and raw value', async () => {
    const p = await preview(
      csv(
        HEADER,
        'Acme Pte Ltd,Acme Official,SG,SG10000001,,,,,,', // row 2: fine
        'Beta,Beta Store,Narnia,MY10000002,,,,,,', // row 3: unknown country
        ',Gamma Store,PH,PH10000003,,,,,,', // row 4: missing client
        'Delta,Delta Store,TH,,not-an-email,,,,,', // row 5: malformed login e-mail
        'Eps,Eps Store,VN,VN10000005,,eps@,,,,' // row 6: malformed contact e-mail
      )
    )
    expect(p.canImport).toBe(false)
    expect(p.errorRowCount).toBe(4)
    expect(p.rowCount).toBe(5)
    expect(errorsOf(p).map((x) => [x.row, x.column, x.field, x.value])).toEqual([
      [3, 'country', 'country', 'Narnia'],
      [4, 'client_name', 'clientName', ''],
      [5, 'login_email', 'loginEmail', 'not-an-email'],
      [6, 'contact_email', 'contactEmail', 'eps@']
    ])
    expect(errorsOf(p).map((x) => x.message)).toEqual([
      expect.stringContaining('Unknown country "Narnia"'),
      'Client is required',
      'Not a valid e-mail address',
      'Not a valid e-mail address'
    ])
  })

  it('requires a short code or login e-mail in each row', async () => {
    const p = await preview(csv('client_name,store_name,country,login_email', 'Acme,Acme Official,SG,'))
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 2, column: 'login_email', field: 'loginEmail' })])
  })

  it('turns short and long rows into row problems', async () => {
    const p = await preview(
      csv(
        'client_name,store_name,country,seller_short_code',
        'Acme, Inc.,Acme Official,SG,SG10000001', // unquoted comma: one cell too many
        'Beta,Beta Store,MY', // cut short
        'Gamma,Gamma Store,PH,PH10000003,,' // trailing empty cells are harmless
      )
    )
    expect(errorsOf(p).map((x) => [x.row, x.message])).toEqual([
      [2, expect.stringContaining('5 cells but the header has 4 columns')],
      [3, expect.stringContaining('3 cells but the header has 4 columns')]
    ])
    expect(errorsOf(p)[0]!.message).toContain('double quotes')
    expect(p.newCount).toBe(1)
  })

  it('accepts rows without the cells of unnamed trailing header columns', async () => {
    const p = await preview(csv('client_name,store_name,country,seller_short_code,,', 'Acme,Acme Official,SG,SG10000001'))
    expect(p.problems).toEqual([])
    expect(p.canImport).toBe(true)
  })

  it('skips empty lines silently and keeps row numbers as a spreadsheet shows them', async () => {
    const p = await preview(csv(HEADER, 'Acme,Acme Official,SG,SG10000001,,,,,,', '', ',,,,,,,,,', 'Beta,Beta Store,ZZ,MY10000002,,,,,,'))
    expect(p.rowCount).toBe(2)
    expect(errorsOf(p)).toEqual([expect.objectContaining({ row: 5, value: 'ZZ' })])
  })

  it('flags a store that appears twice in the file, naming the earlier row', async () => {
    const p = await preview(
      csv(
        HEADER,
        'Acme,Acme Official,SG,SG10000001,,,,,,',
        'Beta,Beta Store,MY,,beta@example.com,,,,,',
        'Acme again,Acme Copy,sg,sg10000001,,,,,,',
        'Beta again,Beta Copy,Malaysia,,BETA@example.com,,,,,'
      )
    )
    expect(errorsOf(p).map((x) => [x.row, x.field, x.message])).toEqual([
      [4, 'sellerShortCode', 'Same store as row 2 (Singapore, seller short code SG10000001): keep only one of the two rows.'],
      [5, 'loginEmail', 'Same store as row 3 (Malaysia, login e-mail beta@example.com): keep only one of the two rows.']
    ])
    expect(p.canImport).toBe(false)
  })

  it('imports a country outside the six as out of scope, with a warning that does not block', async () => {
    const p = await preview(csv(HEADER, 'Kim Co,Kim Store,KR,KR10000001,,,,,,', 'Acme,Acme Official,SG,SG10000001,,,,,,'))
    expect(p.problems).toEqual([
      {
        row: 2,
        column: 'country',
        field: 'country',
        value: 'KR',
        message: "KR (South Korea) is outside Lazada's Service Market rule: imported as out of scope",
        severity: 'warning',
        kind: 'out-of-scope'
      }
    ])
    expect(p).toMatchObject({ canImport: true, outOfScopeCount: 1, newCount: 2, errorRowCount: 0 })
    expect(await commit(p.previewId)).toEqual({ created: 2, updated: 0, skipped: 0, outOfScope: 1, skippedWithErrors: 0 })
    const kim = stores.findByKey({ country: 'KR', sellerShortCode: 'KR10000001', loginEmail: null })!
    expect(core.detail(kim.id).store.status).toBe('out-of-scope')
  })

  it("flags the template's example row", async () => {
    const p = await preview(imports.templateCsv() + 'Acme,Acme Official,SG,SG10000001,,,,,,,,,,,,,,,,,\r\n')
    expect(errorsOf(p)).toEqual([
      expect.objectContaining({ row: 2, message: "This is the template's example row — delete it", severity: 'error' })
    ])
    expect(p.canImport).toBe(false)
  })
})

describe('CSV import: the template', () => {
  it('has every column in order, one valid example row, a BOM and CRLF line endings', () => {
    const template = imports.templateCsv()
    expect(template.startsWith('\uFEFF')).toBe(true)
    const lines = template.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(lines[0]).toBe(TEMPLATE_COLUMNS.join(','))
    expect(lines[1]).toContain('Example Client Pte Ltd,Example Store,SG,SG1A2B3C4D')
    expect(lines[1]).toContain("'+65 6123 4567") // neutralized: a spreadsheet would read it as a formula
    expect(template.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('once the example row is replaced, the template imports cleanly', async () => {
    const [header] = imports.templateCsv().split('\r\n')
    const p = await preview(`${header}\r\nAcme,Acme Official,SG,SG10000001,,,,,,,,,,,,,,,,,\r\n`)
    expect(p.fileProblems).toEqual([])
    expect(p.ignoredColumns).toEqual([])
    expect(p.recognizedColumns).toEqual(TEMPLATE_COLUMNS)
    expect(p.canImport).toBe(true)
  })
})

describe('CSV import: stores that exist already', () => {
  let acme: number
  let beta: number

  beforeEach(() => {
    acme = stores.create(
      storeInput({
        contactEmail: 'ops@acme.com',
        contactPhone: '+65 6000 0000',
        ownerKam: 'Aisha',
        tags: ['vip'],
        notes: 'Keep this note'
      })
    ).id
    beta = stores.create(storeInput({ clientName: 'Beta', storeName: 'Beta Store', country: 'MY', sellerShortCode: null, loginEmail: 'beta@example.com' })).id
    stores.archive(beta)
  })

  const FILE = csv(
    HEADER,
    'Acme Pte Ltd,Acme Official (new),SG,sg10000001,,,,Ben,,', // changes store name and owner, empty cells keep values
    'Beta,Beta Store,MY,,Beta@Example.com,,,,,', // identical to the archived store
    'Gamma,Gamma Store,PH,PH10000003,,,,,,'
  )

  it('lists each as a conflict showing what an update would change; empty cells erase nothing', async () => {
    const p = await preview(FILE)
    expect(p).toMatchObject({ canImport: true, rowCount: 3, newCount: 1, conflictCount: 2 })
    expect(p.conflicts).toEqual([
      {
        row: 2,
        existingStoreId: acme,
        existingStoreLabel: 'Acme Pte Ltd — Acme Official (SG)',
        existingArchived: false,
        matchedOn: 'seller short code',
        changes: [
          { field: 'storeName', label: 'Store name', before: 'Acme Official', after: 'Acme Official (new)' },
          { field: 'ownerKam', label: 'Owner KAM', before: 'Aisha', after: 'Ben' }
        ]
      },
      {
        row: 3,
        existingStoreId: beta,
        existingStoreLabel: 'Beta — Beta Store (MY)',
        existingArchived: true,
        matchedOn: 'login e-mail',
        changes: []
      }
    ])
  })

  it('updates on "update", keeping values the file leaves empty, and writes an import-updated history entry', async () => {
    const p = await preview(FILE)
    const result = await commit(p.previewId, { defaultConflictAction: 'update' })
    expect(result).toEqual({ created: 1, updated: 1, skipped: 1, outOfScope: 0, skippedWithErrors: 0 })
    const { store, history } = core.detail(acme)
    expect(store).toMatchObject({
      storeName: 'Acme Official (new)',
      ownerKam: 'Ben',
      contactEmail: 'ops@acme.com',
      contactPhone: '+65 6000 0000',
      tags: ['vip'],
      notes: 'Keep this note'
    })
    expect(history[0]).toMatchObject({ kind: 'import-updated', summary: 'Updated from stores.csv (row 2)', actor: 'aisha' })
    expect(history[0]!.changes.map((c) => c.field)).toEqual(['storeName', 'ownerKam'])
    expect(core.detail(beta).store.status).toBe('archived')
  })

  it('leaves the store alone on "skip", and a per-row choice overrides the default', async () => {
    const before = core.detail(acme)
    const p = await preview(FILE)
    expect(await commit(p.previewId, { defaultConflictAction: 'update', conflictActions: { '2': 'skip' } })).toEqual({
      created: 1,
      updated: 0,
      skipped: 2,
      outOfScope: 0,
      skippedWithErrors: 0
    })
    expect(core.detail(acme)).toEqual(before)

    const again = await preview(FILE.replace('Gamma,Gamma Store', 'Gamma,Gamma Store 2'))
    expect(await commit(again.previewId, { defaultConflictAction: 'skip', conflictActions: { '2': 'update' } })).toMatchObject({
      created: 0,
      updated: 1,
      skipped: 2
    })
    expect(core.detail(acme).store.storeName).toBe('Acme Official (new)')
  })
})

describe('CSV import: committing', () => {
  it('writes new stores with an "imported" history entry naming the file and row', async () => {
    const p = await preview(
      csv(HEADER, 'Acme,Acme Official,SG,SG10000001,,ops@acme.com,,Aisha,vip|fashion,', 'Beta,Beta Store,MY,MY10000002,,,,,,'),
      'my stores.csv'
    )
    expect(await commit(p.previewId)).toEqual({ created: 2, updated: 0, skipped: 0, outOfScope: 0, skippedWithErrors: 0 })
    const beta = stores.findByKey({ country: 'MY', sellerShortCode: 'MY10000002', loginEmail: null })!
    const { history } = core.detail(beta.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ kind: 'imported', summary: 'Imported from my stores.csv (row 3)', actor: 'aisha' })
    const acme = stores.findByKey({ country: 'SG', sellerShortCode: 'SG10000001', loginEmail: null })!
    expect(acme.tags).toEqual(['vip', 'fashion'])
    expect(core.detail(acme.id).history[0]!.changes).toContainEqual({
      field: 'contactEmail',
      label: 'Contact e-mail',
      before: null,
      after: 'ops@acme.com'
    })
  })

  it('leaves the WAL empty once committed, so main never checkpoints or truncates the import’s pages itself', async () => {
    const lines = [HEADER]
    for (let i = 0; i < 2000; i++) lines.push(`Client ${i},Store ${i},SG,SG${String(i).padStart(8, '0')},,,,,,`)
    const p = await preview(csv(...lines))
    const walFile = `${database.filePath}-wal`
    expect(fs.statSync(walFile).size).toBeGreaterThan(0) // main's own writes (the test's set-up) are in it

    expect(await commit(p.previewId)).toMatchObject({ created: 2000 })
    expect(fs.statSync(walFile).size).toBe(0)
    // Main reads the imported stores from the database file, and writes on as before.
    expect(storeCount()).toBe(2000)
    stores.create(storeInput({ sellerShortCode: 'SG99999999' }))
    expect(storeCount()).toBe(2001)
  })

  it('writes nothing when the preview has errors', async () => {
    stores.create(storeInput({ sellerShortCode: 'SG99999999' }))
    const p = await preview(csv(HEADER, 'Acme,Acme Official,SG,SG10000001,,,,,,', 'Beta,Beta Store,XX,MY10000002,,,,,,'))
    expect(p.canImport).toBe(false)
    const error = await rejected(() => commit(p.previewId))
    expect(error.code).toBe('import-invalid')
    expect(error.message).toContain('1 problem to fix')
    expect(storeCount()).toBe(1)
    expect(historyCount()).toBe(1)
  })

  it('writes nothing at all when the portfolio changed since the preview and a row now collides', async () => {
    const p = await preview(
      csv(HEADER, 'Acme,Acme Official,SG,SG10000001,,,,,,', 'Beta,Beta Store,MY,MY10000002,,,,,,', 'Gamma,Gamma Store,PH,PH10000003,,,,,,')
    )
    expect(p.canImport).toBe(true)
    stores.create(storeInput({ clientName: 'Someone else', country: 'PH', sellerShortCode: 'PH10000003' }))
    const error = await rejected(() => commit(p.previewId))
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/^The portfolio changed since the preview \(row 4: .*Someone else.*\)\. Nothing was imported\. Preview the file again\.$/)
    expect(storeCount()).toBe(1)
    expect(historyCount()).toBe(1)
    expect((await rejected(() => commit(p.previewId))).code).toBe('import-expired')
  })

  it('refuses an update when the matched store was deleted after the preview', async () => {
    const id = stores.create(storeInput()).id
    const p = await preview(csv(HEADER, 'Acme,Acme Renamed,SG,SG10000001,,,,,,', 'Beta,Beta Store,MY,MY10000002,,,,,,'))
    stores.delete(id)
    const error = await rejected(() => commit(p.previewId, { defaultConflictAction: 'update' }))
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('row 2: the store it matched is gone')
    expect(storeCount()).toBe(0)
  })

  it('uses a preview once, and forgets unknown, discarded, expired and surplus previews', async () => {
    const file = csv(HEADER, 'Acme,Acme Official,SG,SG10000001,,,,,,')
    expect((await rejected(() => commit('no-such-preview'))).code).toBe('import-expired')

    const used = await preview(file)
    await commit(used.previewId)
    expect((await rejected(() => commit(used.previewId))).code).toBe('import-expired')

    const discarded = await preview(file)
    imports.discard(discarded.previewId)
    expect((await rejected(() => commit(discarded.previewId))).code).toBe('import-expired')

    const expiring = await preview(csv(HEADER, 'Beta,Beta Store,MY,MY10000002,,,,,,'))
    clock.advance(PREVIEW_TTL_MS + 1)
    expect((await rejected(() => commit(expiring.previewId))).code).toBe('import-expired')

    const first = await preview(csv(HEADER, 'Beta,Beta Store,MY,MY10000002,,,,,,'))
    clock.advance(PREVIEW_TTL_MS - 1000)
    const later: ImportPreview[] = []
    for (let i = 0; i < MAX_KEPT_PREVIEWS; i++) later.push(await preview(file))
    expect((await rejected(() => commit(first.previewId))).code).toBe('import-expired')
    expect(later[0]!.previewId).not.toBe(later[1]!.previewId)
    imports.discard(later[2]!.previewId)
    // The survivors are still usable (they conflict with the committed store, so all are skipped).
    expect(await commit(later[1]!.previewId)).toEqual({ created: 0, updated: 0, skipped: 1, outOfScope: 0, skippedWithErrors: 0 })
    expect(storeCount()).toBe(1)
  })
})

describe('CSV import: progress and size', () => {
  function generated(rows: number): string {
    const countries = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'KR']
    const lines = [STORE_COLUMNS.join(',')]
    for (let i = 0; i < rows; i++) {
      const c = countries[i % countries.length]!
      const code = `${c}${String(i).padStart(8, '0')}`
      lines.push(
        `Client ${i % 300} Pte Ltd,Store ${i},${c},${code},${1000000 + i},seller${i}@example.com,Contact ${i},` +
          `contact${i}@example.com,'+65 6123 ${String(i % 10000).padStart(4, '0')},whatsapp,OMS-${i},KAM ${i % 5},vip|fashion,"Note ${i}, with a comma"`
      )
    }
    return lines.join('\r\n') + '\r\n'
  }

  it('reports progress with increasing counts and shares, then commits with writing/done events', async () => {
    const p = await preview(generated(1200))
    expect(p.canImport).toBe(true)
    expect(events[0]).toEqual({ requestId: 'req-1', phase: 'checking', rows: 0, totalRows: null, fraction: 0 })
    expect(events.at(-1)).toEqual({ requestId: 'req-1', phase: 'done', rows: 1200, totalRows: null, fraction: 1 })
    const checking = events.filter((e) => e.phase === 'checking')
    expect(checking.map((e) => e.rows)).toEqual([0, 500, 1000, 1200])
    const fractions = checking.map((e) => e.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)

    events = []
    await commit(p.previewId)
    expect(events[0]).toEqual({ requestId: p.previewId, phase: 'writing', rows: 0, totalRows: 1200, fraction: 0 })
    const writing = events.filter((e) => e.phase === 'writing')
    expect(writing.map((e) => e.rows)).toEqual([0, 500, 1000, 1200])
    expect(writing.every((e) => e.totalRows === 1200)).toBe(true)
    expect(events.at(-1)).toEqual({ requestId: p.previewId, phase: 'done', rows: 1200, totalRows: 1200, fraction: 1 })
  })

  it('previews and commits a 10,000-row file', { timeout: 120_000 }, async () => {
    const p = await preview(generated(10_000))
    expect(p).toMatchObject({ rowCount: 10_000, newCount: 10_000, errorRowCount: 0, outOfScopeCount: 1428, canImport: true })
    expect(p).toMatchObject({ problemCount: 1428, warningCount: 1428, errorCount: 0 }) // the KR warnings
    expect(p.problems).toHaveLength(1000)
    expect(await commit(p.previewId)).toEqual({ created: 10_000, updated: 0, skipped: 0, outOfScope: 1428, skippedWithErrors: 0 })
    expect(storeCount()).toBe(10_000)
    expect(historyCount()).toBe(10_000)
    const sample = stores.findByKey({ country: 'TH', sellerShortCode: 'TH00009998', loginEmail: null })
    expect(sample).toMatchObject({ contactPhone: '+65 6123 9998', tags: ['vip', 'fashion'], notes: 'Note 9998, with a comma' })
  })
})
