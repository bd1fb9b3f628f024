/** What a CSV import preview tells the KAM before anything is written. */
import type { FieldChange } from './portfolio'
import type { StoreFieldKey } from './store-fields'

export type ImportSeverity = 'error' | 'warning'

export interface ImportProblem {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number
  column: string | null
  field: StoreFieldKey | null
  value: string | null
  message: string
  severity: ImportSeverity
}

export type ConflictAction = 'update' | 'skip'

export interface ImportConflict {
  row: number
  existingStoreId: number
  /** "Acme Pte Ltd — Acme Official (SG)", so the KAM sees which store is meant. */
  existingStoreLabel: string
  existingArchived: boolean
  matchedOn: 'seller short code' | 'login e-mail'
  /** Fields the update would change; empty means the row matches the store already. */
  changes: FieldChange[]
}

export interface ImportPreview {
  previewId: string
  fileName: string
  delimiter: ',' | ';'
  rowCount: number
  newCount: number
  conflictCount: number
  errorRowCount: number
  outOfScopeCount: number
  recognizedColumns: string[]
  ignoredColumns: string[]
  /** Problems with the file as a whole (not UTF-8, no header, missing columns): nothing can be imported. */
  fileProblems: string[]
  problems: ImportProblem[]
  conflicts: ImportConflict[]
  /** True when there are no file problems and no row errors. */
  canImport: boolean
}

export interface ImportCommitResult {
  created: number
  updated: number
  skipped: number
  outOfScope: number
}

export type ImportPhase = 'parsing' | 'validating' | 'writing' | 'done'

export interface ImportProgress {
  requestId: string
  phase: ImportPhase
  done: number
  total: number
}
