/** What a CSV import preview tells the KAM before anything is written. */
import type { FieldChange } from './portfolio'
import type { StoreFieldKey } from './store-fields'

/**
 * Columns that carry a store's records (its subscription, its last authorization, the reconnect)
 * beside its fields: the import writes them as records, the export fills them.
 */
export const RECORD_COLUMNS = [
  { key: 'serviceVersion', label: 'Service version', csvColumn: 'service_version', csvAliases: ['version', 'subscription version'] },
  { key: 'period', label: 'Period', csvColumn: 'subscription_period', csvAliases: ['period', 'subscription length'] },
  { key: 'startAt', label: 'Start Time', csvColumn: 'start_time', csvAliases: ['subscription start', 'start date', 'start'] },
  { key: 'endAt', label: 'End Time', csvColumn: 'end_time', csvAliases: ['subscription end', 'end date', 'end', 'expiry date', 'expires'] },
  { key: 'authorizedAt', label: 'Last authorized', csvColumn: 'authorized_at', csvAliases: ['last authorization', 'authorization date', 'authorized on', 'authorized'] },
  { key: 'authorizedAccount', label: 'Authorized account', csvColumn: 'authorized_account', csvAliases: ['authorization account', 'authorized by'] },
  { key: 'reconnectedAt', label: 'Reconnected', csvColumn: 'reconnected_at', csvAliases: ['reconnect date', 'reconnected on', 'reconnected'] }
] as const satisfies readonly { key: string; label: string; csvColumn: string; csvAliases: readonly string[] }[]
export type RecordColumnKey = (typeof RECORD_COLUMNS)[number]['key']
export type RecordColumnSpec = (typeof RECORD_COLUMNS)[number]
/** Record columns that hold dates. */
export const RECORD_DATE_KEYS = ['startAt', 'endAt', 'authorizedAt', 'reconnectedAt'] as const satisfies readonly RecordColumnKey[]

/** What a problem's cell fills: a store field or a record column. */
export type ImportFieldKey = StoreFieldKey | RecordColumnKey

export type ImportSeverity = 'error' | 'warning'

/** What a problem is about, for the counts by kind. */
export type ImportProblemKind =
  /** The row is not valid CSV (e.g. a quote closed in the middle of a value). */
  | 'unreadable-row'
  /** The row has more or fewer cells than the header. */
  | 'cell-count'
  /** A value is missing or not valid (see `field`). */
  | 'invalid-value'
  /** The template's example row was left in. */
  | 'template-row'
  /** The same store appears twice in the file. */
  | 'duplicate-row'
  /** A country outside the Service Market rule: imported as out of scope. */
  | 'out-of-scope'
  /** A date that reads two ways (03/04/2026: 3 April or 4 March): not guessed. */
  | 'ambiguous-date'

export interface ImportProblem {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number
  /** The header of the column, as the file writes it (cut to `MAX_ECHOED_CHARS`). */
  column: string | null
  field: ImportFieldKey | null
  /** The cell as the file holds it, cut to `MAX_ECHOED_CHARS`. */
  value: string | null
  message: string
  severity: ImportSeverity
  kind: ImportProblemKind
}

/** How many problems of one kind (and, for invalid values, one field) the file has. */
export interface ImportProblemGroup {
  kind: ImportProblemKind
  field: ImportFieldKey | null
  severity: ImportSeverity
  /** "Country: missing or not valid", "Stores that appear twice in the file". */
  label: string
  count: number
}

/**
 * Warnings that say the very same thing, gathered: "58 rows: KR (South Korea) is outside Lazada's
 * Service Market rule", with the rows it is about.
 */
export interface ImportWarningGroup {
  message: string
  count: number
  /** The first `MAX_LISTED_GROUP_ROWS` rows, in row order; `count` counts them all. */
  rows: number[]
}

/** Rows listed per warning group, and warning groups listed; the counts cover them all. */
export const MAX_LISTED_GROUP_ROWS = 1000
export const MAX_WARNING_GROUPS = 100

export type ConflictAction = 'update' | 'skip'

export interface ImportConflict {
  row: number
  existingStoreId: number
  /** "Acme Pte Ltd — Acme Official (SG)", so the KAM sees which store is meant. */
  existingStoreLabel: string
  existingArchived: boolean
  matchedOn: 'seller short code' | 'login e-mail'
  /** Fields the update would change (values cut to `MAX_ECHOED_CHARS`); empty means the row matches the store already. */
  changes: FieldChange[]
}

/** The preview lists this many problems and this many matches; the counts cover them all. */
export const MAX_LISTED_PROBLEMS = 1000
export const MAX_LISTED_CONFLICTS = 1000
/** Values and headers the preview shows back are cut to this many characters. */
export const MAX_ECHOED_CHARS = 200
/** Ignored columns named in the preview; `ignoredColumnCount` counts them all. */
export const MAX_LISTED_COLUMNS = 100

export interface ImportPreview {
  previewId: string
  fileName: string
  delimiter: ',' | ';'
  rowCount: number
  newCount: number
  conflictCount: number
  /** Conflicts whose update would change the store (listed or not). */
  changingConflictCount: number
  errorRowCount: number
  outOfScopeCount: number
  recognizedColumns: string[]
  /** The first `MAX_LISTED_COLUMNS` ignored columns. */
  ignoredColumns: string[]
  ignoredColumnCount: number
  /** Problems with the file as a whole (not UTF-8, no header, missing columns): nothing can be imported. */
  fileProblems: string[]
  /** The first `MAX_LISTED_PROBLEMS` problems, in row order; "Download all" saves every one. */
  problems: ImportProblem[]
  problemCount: number
  errorCount: number
  warningCount: number
  /** Every problem counted by kind: errors first, then the most frequent. */
  problemGroups: ImportProblemGroup[]
  /** Identical warnings gathered, the most frequent first (at most `MAX_WARNING_GROUPS`). */
  warningGroups: ImportWarningGroup[]
  /** The first `MAX_LISTED_CONFLICTS` rows that match existing stores; the rest follow the default action. */
  conflicts: ImportConflict[]
  /** True when there are no file problems and no row errors. */
  canImport: boolean
  /** True when the file can be read but some rows have errors: those rows can be skipped and the rest imported. */
  canSkipErrorRows: boolean
}

export interface ImportCommitResult {
  created: number
  updated: number
  skipped: number
  outOfScope: number
  /** Rows left out because they had errors (the KAM chose to skip them). */
  skippedWithErrors: number
}

/** checking: reading and checking the file; writing: the commit; done: the answer follows. */
export type ImportPhase = 'checking' | 'writing' | 'done'

export interface ImportProgress {
  requestId: string
  phase: ImportPhase
  /** Rows checked (checking) or written (writing) so far. */
  rows: number
  /** Rows to write while writing; null while checking, which reads the file once as it goes. */
  totalRows: number | null
  /** 0–1: the share of the file read (checking) or of the rows written (writing). */
  fraction: number
}
