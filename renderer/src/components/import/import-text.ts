/** Words for the import steps, kept apart from the layout so they read the same everywhere. */
import type { ImportCommitResult, ImportPreview, ImportProgress } from '../../../../electron/shared/csv-import'
import { formatCount, plural } from '../../lib/format'

/**
 * What the import will do, counted once for the summary badges and the footer alike: the rows
 * matching existing stores split into those the KAM's choices update and those skipped (a match
 * with nothing to change is skipped too).
 */
export interface ImportCounts {
  newStores: number
  toUpdate: number
  skipped: number
  errorRows: number
  outOfScope: number
}

export function importCounts(preview: ImportPreview, updates: number): ImportCounts {
  return {
    newStores: preview.newCount,
    toUpdate: updates,
    skipped: preview.conflictCount - updates,
    errorRows: preview.errorRowCount,
    outOfScope: preview.outOfScopeCount
  }
}

/** The footer's "12 new stores, 3 to update, 27 skipped". */
export function importPlanText(counts: ImportCounts): string {
  return `${plural(counts.newStores, 'new store')}, ${formatCount(counts.toUpdate)} to update${counts.skipped > 0 ? `, ${formatCount(counts.skipped)} skipped` : ''}`
}

export function progressText(progress: ImportProgress | null): string {
  if (!progress) return 'Reading the file…'
  switch (progress.phase) {
    case 'checking':
      return progress.rows > 0 ? `Checking row ${formatCount(progress.rows)}…` : 'Reading the file…'
    case 'writing':
      return progress.totalRows !== null
        ? `Writing store ${formatCount(progress.rows)} of ${formatCount(progress.totalRows)}`
        : `Writing store ${formatCount(progress.rows)}`
    case 'done':
      return 'Finishing…'
  }
}

/** 0–100, or null before anything was read or written. */
export function progressPercent(progress: ImportProgress | null): number | null {
  if (!progress || progress.fraction <= 0) return null
  return Math.min(100, Math.round(progress.fraction * 100))
}

/** "Imported 120 new stores, updated 3, skipped 2". */
export function doneText(result: ImportCommitResult): string {
  const parts = [`Imported ${plural(result.created, 'new store')}`]
  if (result.updated > 0) parts.push(`updated ${formatCount(result.updated)}`)
  if (result.skipped > 0) parts.push(`skipped ${formatCount(result.skipped)}`)
  return parts.join(', ')
}
