/**
 * Checks each record of the file against the header and the store schema (the one every write
 * goes through): the problems a row has, or the store it plans. What spans rows: the stores seen
 * so far (`SeenKeys`, to catch the same store twice) and which unnamed columns hold data.
 */
import { isCoveredCountry } from '../../shared/countries'
import type { ImportProblem } from '../../shared/csv-import'
import { STORE_FIELDS, validateStoreInput } from '../../shared/store-fields'
import type { StoreFieldKey, StoreInput } from '../../shared/store-fields'
import { unneutralizeCell } from '../portfolio/csv-columns'
import { countryName } from '../portfolio/store-display'
import { storeKey } from '../portfolio/store-service'
import type { ColumnMap } from './columns'
import type { Delimiter, SourceRecord } from './csv-records'
import { echo } from './echo'
import type { SeenKeys } from './seen-keys'
import { hasRecordCells, readRecordCells } from './record-cells'
import type { ImportedRecords, RecordCells } from './record-cells'
import { isTemplateExample } from './template'

/** Messages can quote a value (`Unknown country "…"`): they are cut too, a little longer than values. */
const MAX_MESSAGE_CHARS = 400

/** A row that checks out: the store it would create, or the fields it would update. */
export interface PlannedRow {
  row: number
  input: StoreInput
  /** Fields the row gives a value for: an update takes these and keeps the store's other values. */
  given: StoreFieldKey[]
  outOfScope: boolean
  /** The records the row carries (subscription, last authorization, reconnect); null when it has none. */
  records: ImportedRecords | null
}

export interface RowVerdict {
  /** Blank rows are skipped without a word, and not counted. */
  blank: boolean
  problems: ImportProblem[]
  /** Null when the row has an error. */
  plan: PlannedRow | null
}

const BLANK: RowVerdict = { blank: true, problems: [], plan: null }

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}

function hasValue(value: StoreInput[StoreFieldKey]): boolean {
  if (value === null || value === undefined) return false
  if (Array.isArray(value)) return value.length > 0
  return value !== ''
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === ',' ? 'comma' : 'semicolon'
}

/** A store as it would be after an update from `row`: the row's values over the store's. */
export function mergeInto(existing: StoreInput, row: PlannedRow): StoreInput {
  const merged: StoreInput = { ...existing, tags: [...existing.tags] }
  for (const key of row.given) (merged as unknown as Record<string, unknown>)[key] = row.input[key]
  return merged
}

export function createRowChecker(columns: ColumnMap, delimiter: Delimiter, seen: SeenKeys) {
  const unnamedWithData = new Set<number>()

  function rowProblem(row: number, kind: ImportProblem['kind'], message: string): ImportProblem {
    return { row, column: null, field: null, value: null, message, severity: 'error', kind }
  }

  function cellCountProblem(row: number, cells: readonly string[]): ImportProblem | null {
    const width = columns.width
    if (cells.length >= columns.namedWidth && !cells.slice(width).some((c) => c.trim() !== '')) return null
    const more = cells.length > width
    return rowProblem(
      row,
      'cell-count',
      `This row has ${cells.length} cells but the header has ${more ? width : columns.namedWidth} columns: ` +
        (more
          ? `a value probably holds a ${delimiterName(delimiter)} without quotes around it. Put that value in double quotes.`
          : `a ${delimiterName(delimiter)} is missing or the row is cut short.`)
    )
  }

  function check(record: SourceRecord): RowVerdict {
    const { row } = record
    if (record.unreadable !== undefined) {
      return { blank: false, problems: [rowProblem(row, 'unreadable-row', echo(`This row cannot be read as CSV: ${record.unreadable}`, MAX_MESSAGE_CHARS))], plan: null }
    }
    const cells = record.cells
    if (isBlank(cells)) return BLANK
    const wrongWidth = cellCountProblem(row, cells)
    if (wrongWidth) return { blank: false, problems: [wrongWidth], plan: null }

    for (const c of columns.unnamed) if ((cells[c] ?? '').trim() !== '') unnamedWithData.add(c)
    const draft: Record<string, string> = {}
    for (let c = 0; c < columns.width; c++) {
      const field = columns.fields[c]
      if (field) draft[field.key] = unneutralizeCell(cells[c] ?? '')
    }
    const cellOf = (key: StoreFieldKey): Pick<ImportProblem, 'column' | 'field' | 'value'> => {
      const column = columns.headerOf.get(key)
      const c = columns.indexOf.get(key)
      if (column === undefined || c === undefined) return { column: null, field: key, value: null }
      return { column, field: key, value: echo(cells[c] ?? '') }
    }

    const checked = validateStoreInput(draft)
    if (!checked.ok) {
      const problems = checked.problems.map((fp): ImportProblem => {
        // "Give the short code or the e-mail" lands on the e-mail column when there is no short code column.
        const field = fp.field === 'sellerShortCode' && !columns.headerOf.has('sellerShortCode') ? 'loginEmail' : fp.field
        const where = field ? cellOf(field) : { column: null, field: null, value: null }
        return { row, ...where, message: echo(fp.message, MAX_MESSAGE_CHARS), severity: 'error', kind: 'invalid-value' }
      })
      return { blank: false, problems, plan: null }
    }
    const input = checked.value

    if (isTemplateExample(input)) {
      return { blank: false, problems: [rowProblem(row, 'template-row', "This is the template's example row — delete it")], plan: null }
    }

    const key = storeKey(input)!
    const keyField: StoreFieldKey = input.sellerShortCode ? 'sellerShortCode' : 'loginEmail'
    const earlierRow = seen.claim(key, row)
    if (earlierRow !== null) {
      const what = input.sellerShortCode ? `seller short code ${input.sellerShortCode}` : `login e-mail ${input.loginEmail}`
      const message = `Same store as row ${earlierRow} (${countryName(input.country)}, ${what}): keep only one of the two rows.`
      return { blank: false, problems: [{ row, ...cellOf(keyField), message: echo(message, MAX_MESSAGE_CHARS), severity: 'error', kind: 'duplicate-row' }], plan: null }
    }

    const recordCells: RecordCells = {}
    for (const [key, c] of columns.recordIndexOf) recordCells[key] = unneutralizeCell(cells[c] ?? '')
    let records: ImportedRecords | null = null
    if (hasRecordCells(recordCells)) {
      const read = readRecordCells(recordCells, input.country)
      if (read.problems.length) {
        const problems = read.problems.map((p): ImportProblem => {
          const c = columns.recordIndexOf.get(p.key)
          return {
            row,
            column: columns.recordHeaderOf.get(p.key) ?? null,
            field: p.key,
            value: c === undefined ? null : echo(cells[c] ?? ''),
            message: echo(p.message, MAX_MESSAGE_CHARS),
            severity: 'error',
            kind: p.kind
          }
        })
        return { blank: false, problems, plan: null }
      }
      records = read.records
    }

    const outOfScope = !isCoveredCountry(input.country)
    const problems: ImportProblem[] = []
    if (outOfScope) {
      problems.push({
        row,
        ...cellOf('country'),
        message: `${input.country} (${countryName(input.country)}) is outside Lazada's Service Market rule: imported as out of scope`,
        severity: 'warning',
        kind: 'out-of-scope'
      })
    }
    const given = STORE_FIELDS.map((f) => f.key).filter((k) => hasValue(input[k]))
    return { blank: false, problems, plan: { row, input, given, outOfScope, records } }
  }

  return {
    check,
    /** Unnamed columns some row had a value in, as the preview lists them. */
    unnamedColumnsWithData(): string[] {
      return [...unnamedWithData].sort((a, b) => a - b).map((c) => `(column ${c + 1}, no name)`)
    }
  }
}

export type RowChecker = ReturnType<typeof createRowChecker>
