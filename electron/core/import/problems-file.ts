/**
 * Every problem of a file as a CSV (row, column, value, problem), in the worker: the file is
 * read again and the list written as it goes, so its length never sits in memory.
 */
import fs from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import type { ImportProblem } from '../../shared/csv-import'
import { neutralizeCell } from '../portfolio/csv-columns'
import { scanFile } from './scan'
import type { SeenKeys } from './seen-keys'

export const PROBLEM_COLUMNS = ['row', 'column', 'value', 'problem'] as const

/** Problems written per batch. */
const BATCH = 2000

function line(problem: ImportProblem): string[] {
  const message = problem.severity === 'warning' ? `Warning: ${problem.message}` : problem.message
  return [String(problem.row), problem.column ?? '', problem.value ?? '', message].map(neutralizeCell)
}

/**
 * Writes the rows' problems to `filePath` (as Excel opens it: UTF-8 BOM, CRLF) and says how many
 * it holds. Problems with the file as a whole are not rows: the preview shows them all already.
 */
export function writeProblemsCsv(bytes: Uint8Array, seen: SeenKeys, filePath: string): number {
  const fd = fs.openSync(filePath, 'w')
  let count = 0
  try {
    let batch: string[][] = []
    const flush = () => {
      if (batch.length) fs.writeSync(fd, stringify(batch, { record_delimiter: 'windows' }))
      batch = []
    }
    fs.writeSync(fd, '\uFEFF' + stringify([[...PROBLEM_COLUMNS]], { record_delimiter: 'windows' }))
    scanFile(bytes, seen, {
      problem: (problem) => {
        batch.push(line(problem))
        count++
        if (batch.length === BATCH) flush()
      }
    })
    flush()
  } finally {
    fs.closeSync(fd)
  }
  return count
}
