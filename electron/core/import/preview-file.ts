/** The preview of a file, in the worker: every row checked and matched, the answer kept small. */
import type { ImportPreview } from '../../shared/csv-import'
import type { StoreService } from '../portfolio/store-service'
import { MatchedIds, conflictOf } from './matching'
import { createPreviewReport } from './preview-report'
import { scanFile } from './scan'
import type { SeenKeys } from './seen-keys'

export type PreviewBody = Omit<ImportPreview, 'previewId' | 'fileName'>

export interface FilePreview {
  body: PreviewBody
  /** What the commit needs to tell whether the portfolio moved: the store each planned row matched. */
  matches: Float64Array
  plannedRows: number
}

export function previewFile(
  bytes: Uint8Array,
  { stores, seen }: { stores: StoreService; seen: SeenKeys },
  onProgress: (rows: number, fraction: number) => void
): FilePreview {
  const report = createPreviewReport()
  const matches = new MatchedIds()
  let newCount = 0
  let outOfScopeCount = 0
  const summary = scanFile(bytes, seen, {
    problem: report.problem,
    plan: (plan) => {
      if (plan.outOfScope) outOfScopeCount++
      const existing = stores.findByKey(plan.input)
      matches.push(existing?.id ?? 0)
      if (existing) report.conflict(conflictOf(plan, existing))
      else newCount++
    },
    progress: onProgress
  })
  const listed = report.finish()
  return {
    body: {
      delimiter: summary.delimiter,
      rowCount: summary.rowCount,
      newCount,
      errorRowCount: summary.errorRowCount,
      outOfScopeCount,
      recognizedColumns: summary.recognizedColumns,
      ignoredColumns: summary.ignoredColumns,
      ignoredColumnCount: summary.ignoredColumnCount,
      fileProblems: summary.fileProblems,
      ...listed,
      canImport: summary.fileProblems.length === 0 && listed.errorCount === 0
    },
    matches: matches.toArray(),
    plannedRows: matches.length
  }
}
