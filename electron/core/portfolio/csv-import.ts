/**
 * CSV import: decode and parse the file, check every row, show a preview, then write it in one
 * transaction. Nothing is written until the KAM confirms a preview without errors; a preview is
 * kept in memory for 30 minutes and used once.
 */
import { randomUUID } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import type { CsvError } from 'csv-parse/sync'
import { isCoveredCountry } from '../../shared/countries'
import type {
  ConflictAction,
  ImportCommitResult,
  ImportConflict,
  ImportPreview,
  ImportProblem,
  ImportProgress
} from '../../shared/csv-import'
import { STORE_FIELDS, validateStoreInput } from '../../shared/store-fields'
import type { StoreFieldKey, StoreFieldSpec, StoreInput } from '../../shared/store-fields'
import { AppError } from '../errors'
import type { Clock, Logger } from '../ports'
import { TEMPLATE_COLUMNS, cellOf, fieldForHeader, isExportOnlyColumn, unneutralizeCell, writeCsv } from './csv-columns'
import { countryName, diffStores, storeLabel } from './store-display'
import { inputOf, storeKey } from './store-service'
import type { StoreRow, StoreService } from './store-service'

export interface ImportServiceDeps {
  stores: StoreService
  clock: Clock
  logger: Logger
}

export interface PreviewRequest {
  requestId: string
  fileName: string
  bytes: Uint8Array
}

export interface CommitRequest {
  previewId: string
  defaultConflictAction: ConflictAction
  conflictActions: Record<string, ConflictAction>
}

export type ProgressListener = (progress: ImportProgress) => void

export interface ImportService {
  preview(request: PreviewRequest, onProgress: ProgressListener): Promise<ImportPreview>
  commit(request: CommitRequest, onProgress: ProgressListener): ImportCommitResult
  discard(previewId: string): void
  templateCsv(): string
}

/** How long a preview can be committed, and how many are kept at once. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000
export const MAX_KEPT_PREVIEWS = 3
/** Rows checked between two yields to the event loop (and two progress events). */
const CHUNK_ROWS = 500

const REQUIRED_FIELDS: readonly StoreFieldSpec[] = STORE_FIELDS.filter((f) => f.required)

/** The template's example row; an import that still holds it is refused until it is deleted. */
export const TEMPLATE_EXAMPLE: StoreInput = {
  clientName: 'Example Client Pte Ltd',
  storeName: 'Example Store',
  country: 'SG',
  sellerShortCode: 'SG1A2B3C4D',
  sellerId: '1000123456',
  loginEmail: 'seller@example.com',
  contactName: 'Jane Tan',
  contactEmail: 'jane.tan@example.com',
  contactPhone: '+65 6123 4567',
  contactChannel: 'whatsapp',
  omsStoreRef: 'OMS-1001',
  ownerKam: 'Your Name',
  tags: ['fashion', 'priority'],
  notes: 'Example row: delete it, then add your stores, one per row'
}

function isTemplateExample(input: StoreInput): boolean {
  const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase()
  return (
    (same(input.clientName, TEMPLATE_EXAMPLE.clientName) && same(input.storeName, TEMPLATE_EXAMPLE.storeName)) ||
    (input.country === TEMPLATE_EXAMPLE.country && input.sellerShortCode === TEMPLATE_EXAMPLE.sellerShortCode)
  )
}

// ---------------------------------------------------------------------------------------------
// Decoding

const SAVE_AS_UTF8 =
  'Save it again as "CSV UTF-8": in Excel, File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; ' +
  'in Google Sheets, File → Download → "Comma-separated values" (already UTF-8).'

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else {
      return i
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

type Decoded = { ok: true; text: string } | { ok: false; problem: string }

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: `The file is saved as UTF-16 ("Unicode Text"), not UTF-8. ${SAVE_AS_UTF8}` }
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { ok: false, problem: `This is a workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}` }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8Offset(bytes)
    const where = offset >= 0 ? ` (first unreadable byte on line ${lineAt(bytes, offset)}, byte ${offset + 1})` : ''
    return {
      ok: false,
      problem:
        `The file is not UTF-8 text${where}: it was probably saved in an older encoding such as Windows-1252 ` +
        `or Thai TIS-620, and its accented or Thai letters would be garbled. ${SAVE_AS_UTF8}`
    }
  }
  // TextDecoder drops one BOM; drop a doubled one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\u0000')) {
    return { ok: false, problem: `The file contains NUL bytes: it is not a CSV text file (UTF-16 or a binary file?). ${SAVE_AS_UTF8}` }
  }
  return { ok: true, text }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** `,` or `;` (Excel in many locales writes `;`): whichever the header line holds more of, outside quotes. */
export function detectDelimiter(text: string): { delimiter: ',' | ';'; tabs: number } {
  let commas = 0
  let semicolons = 0
  let tabs = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (quoted) continue
    else if (ch === '\n' || ch === '\r') break
    else if (ch === ',') commas++
    else if (ch === ';') semicolons++
    else if (ch === '\t') tabs++
  }
  return { delimiter: semicolons > commas ? ';' : ',', tabs: commas + semicolons === 0 ? tabs : 0 }
}

/** One record of the file (an empty line is a record with one empty cell), or one that could not be read. */
type ParsedRecord = { cells: string[]; error?: undefined } | { cells?: undefined; error: CsvError }

interface ParsedFile {
  records: ParsedRecord[]
  /** Set when a quoted value is never closed: the file cannot be read past that record. */
  unclosedQuote: { row: number; line: number } | null
}

function parseCsv(text: string, delimiter: ',' | ';'): ParsedFile {
  const records: ParsedRecord[] = []
  let unclosedQuote: ParsedFile['unclosedQuote'] = null
  let lastLine = 0
  parse(text, {
    delimiter,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      records.push({ cells: record })
      lastLine = context.lines
      return null
    },
    on_skip: (error: CsvError | undefined) => {
      if (!error) return undefined
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        unclosedQuote = { row: records.length + 1, line: lastLine + 1 }
      } else {
        records.push({ error })
        if (typeof error.lines === 'number') lastLine = error.lines
      }
      return undefined
    }
  })
  return { records, unclosedQuote }
}

// ---------------------------------------------------------------------------------------------
// Previews

interface PlannedRow {
  row: number
  input: StoreInput
  /** Fields the row gives a value for: an update takes these and keeps the store's other values. */
  given: StoreFieldKey[]
  /** The store the row matched when previewed, if any. */
  existingId: number | null
  outOfScope: boolean
}

interface KeptPreview {
  createdAt: number
  preview: ImportPreview
  rows: PlannedRow[]
}

interface ColumnMap {
  /** For each CSV column, the field it fills (undefined: ignored). */
  fields: (StoreFieldSpec | undefined)[]
  /** The header text (as written in the file) of each mapped field. */
  headerOf: Map<StoreFieldKey, string>
  /** The column index of each mapped field. */
  indexOf: Map<StoreFieldKey, number>
  /** Columns up to the last named one: a row needs at least this many cells. */
  namedWidth: number
  recognized: string[]
  ignored: string[]
  /** Columns with no name in the header: ignored, and listed only when a row has something in them. */
  unnamed: number[]
  problems: string[]
}

function mapColumns(headers: readonly string[]): ColumnMap {
  const fields: (StoreFieldSpec | undefined)[] = []
  const headerOf = new Map<StoreFieldKey, string>()
  const recognized: string[] = []
  const ignored: string[] = []
  const problems: string[] = []
  const unnamed: number[] = []
  const indexOf = new Map<StoreFieldKey, number>()
  let namedWidth = 0
  headers.forEach((raw, index) => {
    const header = raw.trim()
    if (header) namedWidth = index + 1
    const field = header ? fieldForHeader(header) : undefined
    if (!field) {
      fields.push(undefined)
      if (header && !isExportOnlyColumn(header)) ignored.push(header)
      else if (!header) unnamed.push(index)
      return
    }
    const earlier = headerOf.get(field.key)
    if (earlier !== undefined) {
      problems.push(
        `The columns "${earlier}" and "${header}" both hold ${field.label}: keep one of them and delete the other.`
      )
      fields.push(undefined)
      return
    }
    headerOf.set(field.key, header)
    indexOf.set(field.key, index)
    recognized.push(header)
    fields.push(field)
  })
  const missing = REQUIRED_FIELDS.filter((f) => !headerOf.has(f.key))
  if (missing.length) {
    const names = missing.map((f) => `"${f.csvColumn}" (${f.label})`).join(', ')
    const found = headers.filter((h) => h.trim()).map((h) => `"${h.trim()}"`)
    problems.push(
      `The file has no ${names} column${missing.length > 1 ? 's' : ''}. The first row must name the columns; ` +
        `required: ${REQUIRED_FIELDS.map((f) => f.csvColumn).join(', ')}. Found: ${found.join(', ') || 'nothing'}. ` +
        'Start from the template to get them right.'
    )
  } else if (!headerOf.has('sellerShortCode') && !headerOf.has('loginEmail')) {
    problems.push(
      'The file needs a "seller_short_code" or a "login_email" column, so each store can be told apart from the others.'
    )
  }
  return { fields, headerOf, indexOf, namedWidth, recognized, ignored, unnamed, problems }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}

function hasValue(value: StoreInput[StoreFieldKey]): boolean {
  if (value === null || value === undefined) return false
  if (Array.isArray(value)) return value.length > 0
  return value !== ''
}

function mergeInto(existing: StoreInput, row: PlannedRow): StoreInput {
  const merged: StoreInput = { ...existing, tags: [...existing.tags] }
  for (const key of row.given) (merged as unknown as Record<string, unknown>)[key] = row.input[key]
  return merged
}

function delimiterName(delimiter: ',' | ';'): string {
  return delimiter === ',' ? 'comma' : 'semicolon'
}

export function createImportService({ stores, clock, logger }: ImportServiceDeps): ImportService {
  const kept = new Map<string, KeptPreview>()

  function sweep(): void {
    const now = clock.now()
    for (const [id, entry] of kept) if (now - entry.createdAt > PREVIEW_TTL_MS) kept.delete(id)
  }

  function keep(entry: KeptPreview): void {
    sweep()
    kept.set(entry.preview.previewId, entry)
    while (kept.size > MAX_KEPT_PREVIEWS) {
      const oldest = kept.keys().next().value
      if (oldest === undefined) break
      kept.delete(oldest)
    }
  }

  function take(previewId: string): KeptPreview {
    sweep()
    const entry = kept.get(previewId)
    if (!entry) {
      throw new AppError(
        'import-expired',
        'This import preview is no longer available (it expired after 30 minutes, was replaced by newer ones, or was already imported). Choose the file again.'
      )
    }
    return entry
  }

  async function preview(request: PreviewRequest, onProgress: ProgressListener): Promise<ImportPreview> {
    const started = performance.now()
    const { requestId, fileName } = request
    const progress = (phase: ImportProgress['phase'], done: number, total: number) =>
      onProgress({ requestId, phase, done, total })
    progress('parsing', 0, 0)
    await yieldToEventLoop()

    const result: ImportPreview = {
      previewId: randomUUID(),
      fileName,
      delimiter: ',',
      rowCount: 0,
      newCount: 0,
      conflictCount: 0,
      errorRowCount: 0,
      outOfScopeCount: 0,
      recognizedColumns: [],
      ignoredColumns: [],
      fileProblems: [],
      problems: [],
      conflicts: [],
      canImport: false
    }
    const planned: PlannedRow[] = []
    /** Records after the header, blank ones included: what the progress events count. */
    let total = 0
    const finish = (): ImportPreview => {
      result.canImport = result.fileProblems.length === 0 && result.problems.every((p) => p.severity !== 'error')
      keep({ createdAt: clock.now(), preview: result, rows: result.canImport ? planned : [] })
      logger.info('csv import previewed', {
        rows: result.rowCount,
        new: result.newCount,
        conflicts: result.conflictCount,
        errorRows: result.errorRowCount,
        fileProblems: result.fileProblems.length,
        ms: Math.round(performance.now() - started)
      })
      progress('done', total, total)
      return result
    }

    const decoded = decodeCsvBytes(request.bytes)
    if (!decoded.ok) {
      result.fileProblems.push(decoded.problem)
      return finish()
    }
    const text = decoded.text
    if (text.trim() === '') {
      result.fileProblems.push('The file is empty. Start from the template: one header row, then one row per store.')
      return finish()
    }

    const { delimiter, tabs } = detectDelimiter(text)
    result.delimiter = delimiter
    if (tabs > 0) {
      result.fileProblems.push(`The file is separated by tabs, not commas. ${SAVE_AS_UTF8}`)
      return finish()
    }

    const parsed = parseCsv(text, delimiter)
    if (parsed.unclosedQuote) {
      const { row, line } = parsed.unclosedQuote
      const where = row === line ? `Row ${row}` : `Row ${row} (line ${line} of the file)`
      result.fileProblems.push(
        `${where} opens a quoted value with " that is never closed, so the rest of the file cannot be read. ` +
          'Add the closing " (or remove the stray one) and preview again.'
      )
    }

    const [headerRecord, ...dataRecords] = parsed.records
    if (!headerRecord || !headerRecord.cells) {
      if (!parsed.unclosedQuote) result.fileProblems.push('The first row of the file (the column names) cannot be read.')
      return finish()
    }
    const headers = headerRecord.cells
    const columns = mapColumns(headers)
    result.recognizedColumns = columns.recognized
    result.ignoredColumns = columns.ignored
    result.fileProblems.push(...columns.problems)
    if (result.fileProblems.length) return finish()

    total = dataRecords.length
    if (dataRecords.every((r) => r.cells !== undefined && isBlank(r.cells))) {
      result.fileProblems.push('The file has the column names but no rows of stores.')
      return finish()
    }

    const errorRows = new Set<number>()
    const problem = (p: ImportProblem) => {
      result.problems.push(p)
      if (p.severity === 'error') errorRows.add(p.row)
    }
    const seenKeys = new Map<string, number>()
    const width = headers.length
    const unnamedWithData = new Set<number>()

    progress('validating', 0, total)
    for (let index = 0; index < total; index++) {
      if (index > 0 && index % CHUNK_ROWS === 0) {
        progress('validating', index, total)
        await yieldToEventLoop()
      }
      const record = dataRecords[index]!
      const row = index + 2
      if (record.error) {
        result.rowCount++
        problem({
          row,
          column: null,
          field: null,
          value: null,
          message: `This row cannot be read as CSV: ${record.error.message}`,
          severity: 'error'
        })
        continue
      }
      const cells = record.cells
      if (isBlank(cells)) continue
      result.rowCount++

      if (cells.length < columns.namedWidth || cells.slice(width).some((c) => c.trim() !== '')) {
        const more = cells.length > width
        problem({
          row,
          column: null,
          field: null,
          value: null,
          message:
            `This row has ${cells.length} cells but the header has ${more ? width : columns.namedWidth} columns: ` +
            (more
              ? `a value probably holds a ${delimiterName(delimiter)} without quotes around it. Put that value in double quotes.`
              : `a ${delimiterName(delimiter)} is missing or the row is cut short.`),
          severity: 'error'
        })
        continue
      }

      for (const c of columns.unnamed) if ((cells[c] ?? '').trim() !== '') unnamedWithData.add(c)
      const draft: Record<string, string> = {}
      for (let c = 0; c < width; c++) {
        const field = columns.fields[c]
        if (field) draft[field.key] = unneutralizeCell(cells[c] ?? '')
      }
      const rawOf = (key: StoreFieldKey): { column: string | null; value: string | null } => {
        const column = columns.headerOf.get(key)
        const c = columns.indexOf.get(key)
        if (column === undefined || c === undefined) return { column: null, value: null }
        return { column, value: cells[c] ?? '' }
      }

      const checked = validateStoreInput(draft)
      if (!checked.ok) {
        for (const fp of checked.problems) {
          let field = fp.field
          // "Give the short code or the e-mail" lands on the e-mail column when there is no short code column.
          if (field === 'sellerShortCode' && !columns.headerOf.has('sellerShortCode')) field = 'loginEmail'
          const { column, value } = field ? rawOf(field) : { column: null, value: null }
          problem({ row, column, field, value, message: fp.message, severity: 'error' })
        }
        continue
      }
      const input = checked.value

      if (isTemplateExample(input)) {
        problem({
          row,
          column: null,
          field: null,
          value: null,
          message: "This is the template's example row — delete it",
          severity: 'error'
        })
        continue
      }

      const key = storeKey(input)
      if (key === null) continue // cannot happen: validation requires a short code or an e-mail
      const keyField: StoreFieldKey = input.sellerShortCode ? 'sellerShortCode' : 'loginEmail'
      const earlierRow = seenKeys.get(key)
      if (earlierRow !== undefined) {
        const what = input.sellerShortCode ? `seller short code ${input.sellerShortCode}` : `login e-mail ${input.loginEmail}`
        problem({
          row,
          ...rawOf(keyField),
          field: keyField,
          message: `Same store as row ${earlierRow} (${countryName(input.country)}, ${what}): keep only one of the two rows.`,
          severity: 'error'
        })
        continue
      }
      seenKeys.set(key, row)

      const outOfScope = !isCoveredCountry(input.country)
      if (outOfScope) {
        problem({
          row,
          ...rawOf('country'),
          field: 'country',
          message: `${input.country} (${countryName(input.country)}) is outside Lazada's Service Market rule: imported as out of scope`,
          severity: 'warning'
        })
      }

      const given = STORE_FIELDS.map((f) => f.key).filter((k) => hasValue(input[k]))
      const plan: PlannedRow = { row, input, given, existingId: null, outOfScope }
      const existing = stores.findByKey(input)
      if (existing) {
        plan.existingId = existing.id
        result.conflicts.push({
          row,
          existingStoreId: existing.id,
          existingStoreLabel: storeLabel(existing),
          existingArchived: existing.archivedAt !== null,
          matchedOn: input.sellerShortCode ? 'seller short code' : 'login e-mail',
          changes: diffStores(inputOf(existing), mergeInto(inputOf(existing), plan))
        } satisfies ImportConflict)
      }
      planned.push(plan)
    }

    for (const c of [...unnamedWithData].sort((a, b) => a - b)) result.ignoredColumns.push(`(column ${c + 1}, no name)`)
    result.errorRowCount = errorRows.size
    result.conflictCount = result.conflicts.length
    result.newCount = planned.filter((p) => p.existingId === null && !errorRows.has(p.row)).length
    result.outOfScopeCount = planned.filter((p) => p.outOfScope).length
    return finish()
  }

  function commit(request: CommitRequest, onProgress: ProgressListener): ImportCommitResult {
    const started = performance.now()
    const entry = take(request.previewId)
    const { preview: shown, rows } = entry
    if (!shown.canImport) {
      const errors = shown.fileProblems.length + shown.problems.filter((p) => p.severity === 'error').length
      throw new AppError(
        'import-invalid',
        `${shown.fileName} still has ${errors} problem${errors === 1 ? '' : 's'} to fix: nothing was imported. Fix the file and preview it again.`
      )
    }
    const requestId = request.previewId
    const total = rows.length
    onProgress({ requestId, phase: 'writing', done: 0, total })

    const actionFor = (row: number): ConflictAction => request.conflictActions[String(row)] ?? request.defaultConflictAction
    let current = 0
    let result: ImportCommitResult
    try {
      result = stores.writeTransaction(() => {
        const counts: ImportCommitResult = { created: 0, updated: 0, skipped: 0, outOfScope: 0 }
        for (let i = 0; i < rows.length; i++) {
          const plan = rows[i]!
          current = plan.row
          if (plan.existingId === null) {
            stores.insert(plan.input, { kind: 'imported', summary: `Imported from ${shown.fileName} (row ${plan.row})` })
            counts.created++
            if (plan.outOfScope) counts.outOfScope++
          } else if (actionFor(plan.row) === 'update') {
            const existing: StoreRow | undefined = stores.findByKey(plan.input)
            if (!existing || existing.id !== plan.existingId) {
              throw new AppError('conflict', existing ? `it now matches ${storeLabel(existing)}` : 'the store it matched is gone')
            }
            const before = inputOf(existing)
            const merged = mergeInto(before, plan)
            if (diffStores(before, merged).length === 0) {
              counts.skipped++
            } else {
              stores.replace(existing.id, merged, {
                kind: 'import-updated',
                summary: `Updated from ${shown.fileName} (row ${plan.row})`
              })
              counts.updated++
              if (plan.outOfScope) counts.outOfScope++
            }
          } else {
            counts.skipped++
          }
          if ((i + 1) % 2000 === 0) onProgress({ requestId, phase: 'writing', done: i + 1, total })
        }
        return counts
      })
    } catch (error) {
      if (error instanceof AppError || isConstraintError(error)) {
        kept.delete(request.previewId)
        const reason = error instanceof Error ? error.message : String(error)
        logger.warn('csv import refused: the portfolio changed since the preview', { row: current })
        throw new AppError(
          'conflict',
          `The portfolio changed since the preview (row ${current}: ${reason}). Nothing was imported. Preview the file again.`
        )
      }
      throw error
    }
    kept.delete(request.previewId)
    logger.info('csv import committed', { ...result, ms: Math.round(performance.now() - started) })
    onProgress({ requestId, phase: 'done', done: total, total })
    return result
  }

  return {
    preview,
    commit,
    discard(previewId: string): void {
      kept.delete(previewId)
    },
    templateCsv(): string {
      return writeCsv(TEMPLATE_COLUMNS, [STORE_FIELDS.map((f) => cellOf(TEMPLATE_EXAMPLE, f))])
    }
  }
}

function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
