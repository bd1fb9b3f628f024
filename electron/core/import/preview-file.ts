/** The preview of a file, in the worker: every row checked and matched, the answer kept small. */
import type { ImportPreview } from '../../shared/csv-import'
import { importedRecordChanges } from '../records/record-changes'
import type { PlannedRow } from './check-rows'
import type { ImportSource } from './import-source'
import type { ImportWriters } from './worker-database'
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

/** What the row would change in a matched store's records. */
export function recordChangesOf(records: ImportWriters['records'], storeId: number, country: string, plan: PlannedRow) {
  if (!plan.records) return []
  return importedRecordChanges({ subscription: records.subscription(storeId), authorizations: records.authorizations(storeId) }, plan.records, country)
}

export function previewFile(
  source: ImportSource,
  { stores, records, seen }: ImportWriters & { seen: SeenKeys },
  onProgress: (rows: number, fraction: number) => void
): FilePreview {
  const report = createPreviewReport()
  const matches = new MatchedIds()
  let newCount = 0
  let outOfScopeCount = 0
  const summary = scanFile(source, seen, {
    problem: report.problem,
    plan: (plan) => {
      if (plan.outOfScope) outOfScopeCount++
      const existing = stores.findByKey(plan.input)
      matches.push(existing?.id ?? 0)
      if (existing) report.conflict(conflictOf(plan, existing, recordChangesOf(records, existing.id, plan.input.country, plan)))
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
      canImport: summary.fileProblems.length === 0 && listed.errorCount === 0,
      canSkipErrorRows: summary.fileProblems.length === 0 && summary.errorRowCount > 0 && summary.errorRowCount < summary.rowCount
    },
    matches: matches.toArray(),
    plannedRows: matches.length
  }
}
