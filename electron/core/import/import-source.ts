/**
 * What an import file is, told by its bytes (never by its name): a CSV, read as it goes, or an
 * .xlsx workbook, whose first sheet is read into rows of text once, in the worker, before the
 * checks. Workbooks have caps of their own, since a workbook is unpacked whole: its size on disk
 * and the size its parts unpack to (a small zip can unpack to gigabytes).
 */
import ExcelJS from 'exceljs'
import type { SourceRecord } from './csv-records'
import { zipUnpackedBytes } from './zip-size'

/** The largest .xlsx taken: about 150,000 stores with every column filled. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024
/** The most its parts may unpack to. */
export const MAX_XLSX_UNPACKED_BYTES = 400 * 1024 * 1024

export type ImportSource =
  | { format: 'csv'; bytes: Uint8Array }
  /** `records`: the first sheet's rows (row 1 the header); `problem`: why the workbook cannot be read. */
  | { format: 'xlsx'; records: SourceRecord[]; problem: string | null }

const SAVE_AS = 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then choose it again.'

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

/** A zip (PK\3\4): .xlsx, .docx, .zip… */
const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** OLE compound file: an .xls of Excel 97–2003, or any Office file saved with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function isWorkbookBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, COMPOUND_FILE)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * A date cell's wall-clock value as Excel shows it (exceljs hands it over as that time in UTC):
 * read later in the store's country time. Seconds only when there are some.
 */
export function wallText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  const [h, m, s, ms] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()]
  if (h === 0 && m === 0 && s === 0 && ms === 0) return day
  const time = `${pad(h)}:${pad(m)}` + (s || ms ? `:${pad(s)}` + (ms ? `.${pad(ms, 3)}` : '') : '')
  return `${day} ${time}`
}

/** A cell's value as text: dates as wall-clock time, formulas as their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallText(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('error' in value) return String(value.error)
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue)
  return ''
}

function refused(problem: string): ImportSource {
  return { format: 'xlsx', records: [], problem }
}

/** Reads the first sheet of a workbook into rows of text; a workbook that cannot be read says why. */
async function readWorkbook(bytes: Uint8Array, caps: { bytes: number; unpacked: number }): Promise<ImportSource> {
  if (startsWith(bytes, COMPOUND_FILE)) {
    return refused(`This workbook is password-protected, or an Excel 97–2003 .xls file: Storewatch reads .xlsx without a password. Remove the password (File › Info › Protect Workbook) or ${SAVE_AS}`)
  }
  const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
  if (bytes.byteLength > caps.bytes) {
    return refused(`The workbook is ${megabytes(bytes.byteLength)}; Storewatch takes .xlsx files up to ${megabytes(caps.bytes)}. Split it, or save it as "CSV UTF-8" (CSV files may be larger).`)
  }
  const unpacked = zipUnpackedBytes(bytes)
  if (unpacked === null) return refused(`The file starts like a workbook but is damaged or not an .xlsx file. ${SAVE_AS}`)
  if (unpacked > caps.unpacked) {
    return refused(`The workbook unpacks to more than ${megabytes(caps.unpacked)}: Storewatch does not open it. Split it, or save it as "CSV UTF-8".`)
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return refused(`The workbook cannot be read (${why.slice(0, 200)}). ${SAVE_AS}`)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return refused('The workbook has no sheets.')
  const records: SourceRecord[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    // row.values is 1-based, with holes for empty cells.
    const values = row.values as ExcelJS.CellValue[]
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null))
    records.push({ row: rowNumber, cells })
  })
  return { format: 'xlsx', records, problem: null }
}

/** The import source the bytes hold; `caps` are lowered only by tests. */
export async function openSource(bytes: Uint8Array, caps = { bytes: MAX_XLSX_BYTES, unpacked: MAX_XLSX_UNPACKED_BYTES }): Promise<ImportSource> {
  if (!isWorkbookBytes(bytes)) return { format: 'csv', bytes }
  return readWorkbook(bytes, caps)
}
