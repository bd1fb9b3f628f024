/** Words for the import steps, kept apart from the layout so they read the same everywhere. */
import type { ImportCommitResult, ImportProgress } from '../../../../electron/shared/csv-import'
import { formatCount, plural } from '../../lib/format'

export function progressText(progress: ImportProgress | null): string {
  if (!progress) return 'Reading the file…'
  const of = progress.total > 0 ? ` ${formatCount(progress.done)} of ${formatCount(progress.total)}` : ''
  switch (progress.phase) {
    case 'parsing':
      return of ? `Reading row${of}` : 'Reading the file…'
    case 'validating':
      return `Checking row${of}`
    case 'writing':
      return `Writing store${of}`
    case 'done':
      return 'Finishing…'
  }
}

/** 0–100, or null while the total is not known yet. */
export function progressPercent(progress: ImportProgress | null): number | null {
  if (!progress || progress.total <= 0) return null
  return Math.min(100, Math.round((progress.done / progress.total) * 100))
}

/** "Imported 120 new stores, updated 3, skipped 2". */
export function doneText(result: ImportCommitResult): string {
  const parts = [`Imported ${plural(result.created, 'new store')}`]
  if (result.updated > 0) parts.push(`updated ${formatCount(result.updated)}`)
  if (result.skipped > 0) parts.push(`skipped ${formatCount(result.skipped)}`)
  return parts.join(', ')
}
