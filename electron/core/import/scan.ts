/**
 * One pass over an import file: the file-level checks, the header, then every row through the
 * row checks, as the row source reads them. The preview, the commit and the problem list each
 * make this pass and keep what they need from it (see import-worker.ts). The rows come from the
 * CSV parser as it reads, or from a workbook's first sheet read beforehand (import-source.ts).
 */
import { MAX_LISTED_COLUMNS } from '../../shared/csv-import'
import type { ImportProblem } from '../../shared/csv-import'
import { createRowChecker } from './check-rows'
import type { PlannedRow, RowChecker } from './check-rows'
import { mapColumns } from './columns'
import { detectDelimiter, readCsvRecords } from './csv-records'
import type { Delimiter, SourceEnd, SourceRecord } from './csv-records'
import type { ImportSource } from './import-source'
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
  /** The header row's cells, once it maps. */
  header?(cells: readonly string[]): void
  /** Every row with an error, its cells as the file holds them (none for a row that cannot be read), and its problems. */
  rejected?(row: number, cells: readonly string[] | undefined, problems: readonly ImportProblem[]): void
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

function emptySummary(): ScanSummary {
  return { delimiter: ',', fileProblems: [], recognizedColumns: [], ignoredColumns: [], ignoredColumnCount: 0, rowCount: 0, errorRowCount: 0 }
}

/** Takes the records in order: the first is the header, the rest go through the row checks. */
function createRecordTaker(summary: ScanSummary, seen: SeenKeys, listener: ScanListener, fraction: () => number) {
  let checker: RowChecker | null = null
  let width = 0
  const state = {
    headerUnreadable: false,
    /** A listener's error, thrown once the parser has let go (it would take it for a CSV error). */
    failure: null as { error: unknown } | null,
    checker: () => checker
  }
  function take(record: SourceRecord, padCells: boolean): boolean {
    if (!checker) {
      if (record.cells === undefined) {
        state.headerUnreadable = true
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
      checker = createRowChecker(columns, summary.delimiter, seen)
      width = columns.width
      listener.header?.(record.cells)
      return true
    }
    // A sheet leaves out the empty cells at the end of a row.
    const cells = padCells && record.cells && record.cells.length < width ? [...record.cells, ...Array<string>(width - record.cells.length).fill('')] : record.cells
    const verdict = checker.check(cells ? { row: record.row, cells } : record)
    if (verdict.blank) return true
    summary.rowCount++
    if (verdict.plan === null) summary.errorRowCount++
    try {
      for (const problem of verdict.problems) listener.problem?.(problem)
      if (verdict.plan === null) listener.rejected?.(record.row, cells, verdict.problems)
      if (verdict.plan && listener.plan?.(verdict.plan) === false) return false
      if (summary.rowCount % PROGRESS_EVERY_ROWS === 0) listener.progress?.(summary.rowCount, fraction())
    } catch (error) {
      state.failure = { error }
      return false
    }
    return true
  }
  return { take, state }
}

/** What is left to say once every row is in: unnamed columns with data, a file with no rows. */
function finishScan(summary: ScanSummary, taker: ReturnType<typeof createRecordTaker>, listener: ScanListener, unclosedQuote: boolean): ScanSummary {
  const rowChecker = taker.state.checker()
  if (!rowChecker) {
    if (taker.state.headerUnreadable && summary.fileProblems.length === 0) summary.fileProblems.push('The first row of the file (the column names) cannot be read.')
    return summary
  }
  for (const column of rowChecker.unnamedColumnsWithData()) {
    if (summary.ignoredColumns.length < MAX_LISTED_COLUMNS) summary.ignoredColumns.push(column)
    summary.ignoredColumnCount++
  }
  if (summary.rowCount === 0 && !unclosedQuote) summary.fileProblems.push('The file has the column names but no rows of stores.')
  listener.progress?.(summary.rowCount, 1)
  return summary
}

function scanWorkbook(source: Extract<ImportSource, { format: 'xlsx' }>, seen: SeenKeys, listener: ScanListener): ScanSummary {
  const summary = emptySummary()
  if (source.problem) return { ...summary, fileProblems: [source.problem] }
  if (source.records.length === 0) return { ...summary, fileProblems: ['The first sheet of the workbook is empty. Start from the template: one header row, then one row per store.'] }
  let done = 0
  const taker = createRecordTaker(summary, seen, listener, () => done / source.records.length)
  for (const record of source.records) {
    done++
    if (!taker.take(record, true)) break
  }
  if (taker.state.failure) throw taker.state.failure.error
  return finishScan(summary, taker, listener, false)
}

/** Reads the file once; `seen` keeps the stores named so far (see seen-keys.ts), opened and closed by the caller. */
export function scanFile(source: ImportSource, seen: SeenKeys, listener: ScanListener = {}): ScanSummary {
  if (source.format === 'xlsx') return scanWorkbook(source, seen, listener)
  const { bytes } = source
  const summary = emptySummary()
  const encoding = encodingProblem(bytes)
  if (encoding) return { ...summary, fileProblems: [encoding] }
  if (isBlankText(bytes)) {
    return { ...summary, fileProblems: ['The file is empty. Start from the template: one header row, then one row per store.'] }
  }
  const { delimiter, tabs } = detectDelimiter(bytes)
  summary.delimiter = delimiter
  if (tabs > 0) return { ...summary, fileProblems: [`The file is separated by tabs, not commas. ${SAVE_AS_UTF8}`] }

  let fraction = 0
  const taker = createRecordTaker(summary, seen, listener, () => fraction)
  const end = readCsvRecords(bytes, {
    delimiter,
    onBytes: (decoded) => {
      fraction = decoded / bytes.length
    },
    onRecord: (record) => taker.take(record, false)
  })
  if (taker.state.failure) throw taker.state.failure.error
  summary.fileProblems.push(...sourceProblems(end))
  return finishScan(summary, taker, listener, end.unclosedQuote !== null)
}
