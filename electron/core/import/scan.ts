/**
 * One pass over an import file: the file-level checks, the header, then every row through the
 * row checks, as the row source reads them. The preview, the commit and the problem list each
 * make this pass and keep what they need from it (see import-worker.ts). Another row source (a
 * workbook) would plug in here, in place of `readCsvRecords`.
 */
import { MAX_LISTED_COLUMNS } from '../../shared/csv-import'
import type { ImportProblem } from '../../shared/csv-import'
import { createRowChecker } from './check-rows'
import type { PlannedRow, RowChecker } from './check-rows'
import { mapColumns } from './columns'
import { detectDelimiter, readCsvRecords } from './csv-records'
import type { Delimiter, SourceEnd } from './csv-records'
import { SAVE_AS_UTF8, encodingProblem, isBlankText } from './encoding'
import type { SeenKeys } from './seen-keys'

/** Rows between two progress reports. */
export const PROGRESS_EVERY_ROWS = 500

export interface ScanListener {
  /** Every problem, in row order. */
  problem?(problem: ImportProblem): void
  /** Every row that checks out (with warnings or none), in row order; false stops the scan. */
  plan?(plan: PlannedRow): boolean | void
  /** Rows checked so far, and the share of the file read. */
  progress?(rows: number, fraction: number): void
}

export interface ScanSummary {
  delimiter: Delimiter
  /** Problems with the file as a whole: nothing can be imported. */
  fileProblems: string[]
  recognizedColumns: string[]
  ignoredColumns: string[]
  ignoredColumnCount: number
  /** Rows that are not blank. */
  rowCount: number
  errorRowCount: number
}

function sourceProblems(end: SourceEnd): string[] {
  const problems: string[] = []
  if (end.unclosedQuote) {
    const { row, line } = end.unclosedQuote
    const where = row === line ? `Row ${row}` : `Row ${row} (line ${line} of the file)`
    problems.push(
      `${where} opens a quoted value with " that is never closed, so the rest of the file cannot be read. ` +
        'Add the closing " (or remove the stray one) and preview again.'
    )
  }
  if (end.unreadableRest) {
    problems.push(`The file cannot be read from row ${end.unreadableRest.row} on (${end.unreadableRest.message}). ${SAVE_AS_UTF8}`)
  }
  return problems
}

/** Reads the file once; `seen` keeps the stores named so far (see seen-keys.ts), opened and closed by the caller. */
export function scanFile(bytes: Uint8Array, seen: SeenKeys, listener: ScanListener = {}): ScanSummary {
  const summary: ScanSummary = {
    delimiter: ',',
    fileProblems: [],
    recognizedColumns: [],
    ignoredColumns: [],
    ignoredColumnCount: 0,
    rowCount: 0,
    errorRowCount: 0
  }
  const encoding = encodingProblem(bytes)
  if (encoding) return { ...summary, fileProblems: [encoding] }
  if (isBlankText(bytes)) {
    return { ...summary, fileProblems: ['The file is empty. Start from the template: one header row, then one row per store.'] }
  }
  const { delimiter, tabs } = detectDelimiter(bytes)
  summary.delimiter = delimiter
  if (tabs > 0) return { ...summary, fileProblems: [`The file is separated by tabs, not commas. ${SAVE_AS_UTF8}`] }

  let checker: RowChecker | null = null
  let headerUnreadable = false
  let fraction = 0
  /** A listener's error, thrown once the parser has let go (it would take it for a CSV error). */
  let failure: { error: unknown } | null = null
  const end = readCsvRecords(bytes, {
    delimiter,
    onBytes: (decoded) => {
      fraction = decoded / bytes.length
    },
    onRecord: (record) => {
      if (!checker) {
        if (record.cells === undefined) {
          headerUnreadable = true
          return false
        }
        const columns = mapColumns(record.cells)
        summary.recognizedColumns = columns.recognized
        summary.ignoredColumns = columns.ignored
        summary.ignoredColumnCount = columns.ignoredCount
        if (columns.problems.length) {
          summary.fileProblems.push(...columns.problems)
          return false
        }
        checker = createRowChecker(columns, delimiter, seen)
        return true
      }
      const verdict = checker.check(record)
      if (verdict.blank) return true
      summary.rowCount++
      if (verdict.plan === null) summary.errorRowCount++
      try {
        for (const problem of verdict.problems) listener.problem?.(problem)
        if (verdict.plan && listener.plan?.(verdict.plan) === false) return false
        if (summary.rowCount % PROGRESS_EVERY_ROWS === 0) listener.progress?.(summary.rowCount, fraction)
      } catch (error) {
        failure = { error }
        return false
      }
      return true
    }
  })
  if (failure) throw (failure as { error: unknown }).error

  summary.fileProblems.push(...sourceProblems(end))
  const rowChecker = checker as RowChecker | null
  if (!rowChecker) {
    if (headerUnreadable && summary.fileProblems.length === 0) summary.fileProblems.push('The first row of the file (the column names) cannot be read.')
    return summary
  }
  for (const column of rowChecker.unnamedColumnsWithData()) {
    if (summary.ignoredColumns.length < MAX_LISTED_COLUMNS) summary.ignoredColumns.push(column)
    summary.ignoredColumnCount++
  }
  if (summary.rowCount === 0 && !end.unclosedQuote) summary.fileProblems.push('The file has the column names but no rows of stores.')
  listener.progress?.(summary.rowCount, 1)
  return summary
}
