/** bench-results.json at the project root: each bench merges its figures into what is there. */
import fs from 'node:fs'
import path from 'node:path'
import { PROJECT_ROOT } from '../support/web-host'

export const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench-results.json')

export function writeBenchResults(figures: Record<string, unknown>): void {
  let previous: Record<string, unknown> = {}
  try {
    previous = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>
  } catch {
    // No results yet (or a file no bench wrote): start afresh.
  }
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, ...figures }, null, 2)}\n`)
}
