/**
 * Files a preview's problems are saved as, in the worker: the file is read again and each file
 * written as it goes, so its length never sits in memory. Both open in Excel as they are (UTF-8
 * BOM, CRLF) and neutralize formula-looking cells.
 *
 * - every problem: row, column, value, problem;
 * - the skipped rows: each row with an error as the file holds it, its problems in a last
 *   `problem` column, so the KAM fixes them there and imports that file (the import ignores
 *   `problem`).
 */
import fs from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import type { ImportProblem } from '../../shared/csv-import'
import { neutralizeCell } from '../portfolio/csv-columns'
import type { ImportSource } from './import-source'
import { scanFile } from './scan'
import type { SeenKeys } from './seen-keys'

export const PROBLEM_COLUMNS = ['row', 'column', 'value', 'problem'] as const
/** The column the skipped rows' file adds after the file's own. */
export const SKIPPED_PROBLEM_COLUMN = 'problem'

/** Lines written per batch. */
const BATCH = 2000

function messageOf(problem: ImportProblem): string {
  return problem.severity === 'warning' ? `Warning: ${problem.message}` : problem.message
}

function line(problem: ImportProblem): string[] {
  return [String(problem.row), problem.column ?? '', problem.value ?? '', messageOf(problem)].map(neutralizeCell)
}

/** Lines of CSV written to a file in batches, as Excel opens them. */
function createCsvFile(filePath: string) {
  const fd = fs.openSync(filePath, 'w')
  let batch: string[][] = []
  let lines = 0
  const flush = () => {
    if (batch.length) fs.writeSync(fd, stringify(batch, { record_delimiter: 'windows' }))
    batch = []
  }
  fs.writeSync(fd, '\uFEFF')
  return {
    write(cells: string[], counted = true): void {
      batch.push(cells.map(neutralizeCell))
      if (counted) lines++
      if (batch.length === BATCH) flush()
    },
    close(): number {
      try {
        flush()
      } finally {
        fs.closeSync(fd)
      }
      return lines
    },
    abandon(): void {
      fs.closeSync(fd)
    }
  }
}

function written(filePath: string, fill: (file: ReturnType<typeof createCsvFile>) => void): number {
  const file = createCsvFile(filePath)
  try {
    fill(file)
  } catch (error) {
    file.abandon()
    throw error
  }
  return file.close()
}

/**
 * Writes the rows' problems to `filePath` and says how many it holds. Problems with the file as a
 * whole are not rows: the preview shows them all already.
 */
export function writeProblemsCsv(source: ImportSource, seen: SeenKeys, filePath: string): number {
  return written(filePath, (file) => {
    file.write([...PROBLEM_COLUMNS], false)
    scanFile(source, seen, { problem: (problem) => file.write(line(problem)) })
  })
}

/** Writes every row with an error, as the file holds it, with its problems beside it; says how many rows. */
export function writeSkippedRowsCsv(source: ImportSource, seen: SeenKeys, filePath: string): number {
  let width = 0
  return written(filePath, (file) => {
    scanFile(source, seen, {
      header: (cells) => {
        width = cells.length
        file.write([...cells, SKIPPED_PROBLEM_COLUMN], false)
      },
      rejected: (row, cells, problems) => {
        const own = cells ? [...cells] : []
        while (own.length < width) own.push('')
        const said = problems.map((p) => (p.column ? `Row ${row}, ${p.column}: ${messageOf(p)}` : `Row ${row}: ${messageOf(p)}`))
        file.write([...own.slice(0, Math.max(width, own.length)), said.join(' | ')])
      }
    })
  })
}
