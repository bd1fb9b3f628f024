/**
 * The row source for CSV files: the file's records, one at a time and in order, as the parser
 * reads the decoded slices. Each record carries its row number as a spreadsheet shows it (the
 * header is row 1; a value spanning lines is one row). Any of `\r\n`, `\n` and `\r` ends a
 * record, mixed in one file as spreadsheets and hand edits leave them.
 *
 * Everything here runs synchronously: csv-parse's stream parser parses each `write` (and the
 * final flush on `end`) before returning, and its `on_record` hook takes each record as it is
 * read, so nothing piles up between the parser and the checks. The import worker relies on it
 * to write a whole file inside one transaction.
 */
import { parse } from 'csv-parse'
import type { CsvError } from 'csv-parse'
import { decodeSlices, textStart } from './encoding'

export type Delimiter = ',' | ';'

/** A record of the file: its cells, or why it cannot be read. */
export type SourceRecord = { row: number; cells: string[]; unreadable?: undefined } | { row: number; cells?: undefined; unreadable: string }

export interface SourceEnd {
  /** Set when a quoted value is never closed: the file cannot be read past that record. */
  unclosedQuote: { row: number; line: number } | null
  /** Set when the parser gave up on the rest of the file for another reason. */
  unreadableRest: { row: number; message: string } | null
}

/** `,` or `;` (Excel in many locales writes `;`): whichever the header line holds more of, outside quotes. */
export function detectDelimiter(bytes: Uint8Array): { delimiter: Delimiter; tabs: number } {
  let commas = 0
  let semicolons = 0
  let tabs = 0
  let quoted = false
  for (let i = textStart(bytes); i < bytes.length; i++) {
    const b = bytes[i]
    if (b === 0x22) quoted = !quoted
    else if (quoted) continue
    else if (b === 0x0a || b === 0x0d) break
    else if (b === 0x2c) commas++
    else if (b === 0x3b) semicolons++
    else if (b === 0x09) tabs++
  }
  return { delimiter: semicolons > commas ? ';' : ',', tabs: commas + semicolons === 0 ? tabs : 0 }
}

/** csv-parse counts each of `\r` and `\n` as a line inside a quoted value; a `\r\n` there is one line. */
function extraLinesIn(cells: readonly string[]): number {
  let extra = 0
  for (const cell of cells) {
    if (!cell.includes('\r\n')) continue
    extra += cell.split('\r\n').length - 1
  }
  return extra
}

export interface ReadOptions {
  delimiter: Delimiter
  /** Takes each record; returns false to stop reading the file. */
  onRecord(record: SourceRecord): boolean | void
  /** Bytes of the file decoded so far, after each slice. */
  onBytes?(decoded: number): void
}

/** Reads every record of the file in order (see the module comment), then says how it ended. */
export function readCsvRecords(bytes: Uint8Array, options: ReadOptions): SourceEnd {
  let row = 0
  let stopped = false
  /** The file's line where the last record ended. */
  let lastLine = 0
  let extraLines = 0
  const end: SourceEnd = { unclosedQuote: null, unreadableRest: null }
  const take = (record: SourceRecord) => {
    if (!stopped && options.onRecord(record) === false) stopped = true
  }

  const parser = parse({
    delimiter: options.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (cells: string[], context) => {
      row++
      extraLines += extraLinesIn(cells)
      lastLine = context.lines - extraLines
      take({ row, cells })
      return null
    },
    on_skip: (error: CsvError | undefined) => {
      if (!error) return undefined
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        end.unclosedQuote = { row: row + 1, line: lastLine + 1 }
        return undefined
      }
      row++
      if (typeof error.lines === 'number') lastLine = error.lines - extraLines
      take({ row, unreadable: error.message })
      return undefined
    }
  })
  parser.on('error', (error: Error) => {
    end.unreadableRest ??= { row: row + 1, message: error.message }
  })

  for (const slice of decodeSlices(bytes, options.onBytes)) {
    if (stopped || end.unreadableRest) break
    parser.write(slice)
  }
  if (!stopped && !end.unreadableRest) parser.end()
  else parser.destroy()
  return end
}
