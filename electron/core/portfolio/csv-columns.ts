/**
 * What the CSV template, the export and the import agree on: the columns, how a header is
 * recognised, how values are written, and the formula neutralization that keeps a spreadsheet
 * from running a cell (OWASP "CSV injection") while letting our own import read it back losslessly.
 */
import { stringify } from 'csv-stringify/sync'
import { RECORD_COLUMNS } from '../../shared/csv-import'
import type { RecordColumnSpec } from '../../shared/csv-import'
import { STORE_FIELDS } from '../../shared/store-fields'
import type { StoreFieldSpec, StoreInput } from '../../shared/store-fields'

/**
 * Columns the template and the export share: the store's fields in STORE_FIELDS order, then its
 * records (subscription, last authorization, reconnect). An export re-imports cleanly.
 */
export const STORE_COLUMNS: readonly string[] = STORE_FIELDS.map((f) => f.csvColumn)
export const TEMPLATE_COLUMNS: readonly string[] = [...STORE_COLUMNS, ...RECORD_COLUMNS.map((c) => c.csvColumn)]

/**
 * Read-only columns an export adds after the template's (what the view is about); import ignores
 * them without a warning, and `problem`, which the skipped-rows file adds, too.
 */
export const EXPORT_ONLY_COLUMNS = [
  'status',
  'status_label',
  'status_reason',
  'deadline',
  'days_left',
  'next_step',
  'created_at',
  'updated_at',
  'problem'
] as const

/** Tags are written joined with this; import splits on it (and on commas). */
export const TAG_SEPARATOR = '|'

const BOM = '\uFEFF'

/** "Seller Center login e-mail", "login_email" and "LOGIN EMAIL" all read "loginemail". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

function buildHeaderIndex(): ReadonlyMap<string, StoreFieldSpec> {
  const index = new Map<string, StoreFieldSpec>()
  for (const field of STORE_FIELDS) {
    for (const name of [field.csvColumn, field.label, ...field.csvAliases]) {
      const key = normalizeHeader(name)
      const taken = index.get(key)
      if (taken && taken.key !== field.key) {
        // A programming error in STORE_FIELDS: two fields would claim the same header.
        throw new Error(`CSV header "${name}" would match both ${taken.key} and ${field.key}`)
      }
      index.set(key, field)
    }
  }
  return index
}

const HEADER_INDEX = buildHeaderIndex()
const EXPORT_ONLY = new Set<string>(EXPORT_ONLY_COLUMNS.map(normalizeHeader))

function buildRecordHeaderIndex(): ReadonlyMap<string, RecordColumnSpec> {
  const index = new Map<string, RecordColumnSpec>()
  for (const column of RECORD_COLUMNS) {
    for (const name of [column.csvColumn, column.label, ...column.csvAliases]) {
      const key = normalizeHeader(name)
      const taken = HEADER_INDEX.get(key) ?? index.get(key)
      if (taken && taken.key !== column.key) throw new Error(`CSV header "${name}" would match both ${taken.key} and ${column.key}`)
      index.set(key, column)
    }
  }
  return index
}

const RECORD_HEADER_INDEX = buildRecordHeaderIndex()

/** The store field a CSV header names, if any (by column name, label or alias). */
export function fieldForHeader(header: string): StoreFieldSpec | undefined {
  return HEADER_INDEX.get(normalizeHeader(header))
}

/** The record column a CSV header names, if any ("End Time", "end_time", "expiry date"…). */
export function recordColumnForHeader(header: string): RecordColumnSpec | undefined {
  return RECORD_HEADER_INDEX.get(normalizeHeader(header))
}

/** True for the read-only columns our export adds (status, created_at, updated_at). */
export function isExportOnlyColumn(header: string): boolean {
  return EXPORT_ONLY.has(normalizeHeader(header))
}

/**
 * A spreadsheet runs a cell starting with = + - @ (and tab or CR on some). Such a cell gets a
 * leading `'`. A value that already starts with `'`s followed by one of those gets one more, so
 * that `unneutralizeCell` (which strips exactly one) gives back the original value every time.
 */
const FORMULA_LOOKING = /^'*[=+\-@\t\r]/
const NEUTRALIZED = /^'+[=+\-@\t\r]/

export function neutralizeCell(value: string): string {
  return FORMULA_LOOKING.test(value) ? `'${value}` : value
}

/** Undoes `neutralizeCell`: strips the one leading `'` that our export (or template) added. */
export function unneutralizeCell(value: string): string {
  return NEUTRALIZED.test(value) ? value.slice(1) : value
}

/** A store field as a CSV cell, before neutralization. */
export function cellOf(input: StoreInput, field: StoreFieldSpec): string {
  const value = input[field.key]
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(TAG_SEPARATOR)
  return String(value)
}

/**
 * Writes rows the way Excel opens them right: UTF-8 BOM, CRLF line endings, quotes where
 * needed, every cell neutralized.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = stringify([header as string[], ...rows.map((r) => r.map(neutralizeCell))], {
    record_delimiter: 'windows',
    eof: true
  })
  return BOM + body
}
