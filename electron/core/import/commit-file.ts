/**
 * The commit, in the worker: the file read again and every planned row written on the worker's
 * connection, in one transaction that takes the write lock at its start (BEGIN IMMEDIATE). A
 * row that no longer matches what the preview showed refuses the whole import, and so does a
 * cancel: `stopped` is asked before each row, and a yes rolls back every row written so far.
 */
import type { ConflictAction, ImportCommitResult } from '../../shared/csv-import'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import { AppError } from '../errors'
import { diffStores, storeLabel } from '../portfolio/store-display'
import { inputOf } from '../portfolio/store-service'
import { mergeInto } from './check-rows'
import type { PlannedRow } from './check-rows'
import type { ImportSource } from './import-source'
import type { ImportWriters } from './worker-database'
import { MatchedIds } from './matching'
import { PROGRESS_EVERY_ROWS, scanFile } from './scan'
import type { SeenKeys } from './seen-keys'

export interface CommitPlan {
  fileName: string
  /** From the preview: the store each planned row matched (0: none). */
  matches: Float64Array
  defaultAction: ConflictAction
  /** Per-row choices, keyed by row number. */
  conflictActions: Record<string, ConflictAction>
  /** Rows with errors at the preview, left out when `skipErrorRows` (else the file must have none). */
  errorRows: number
  skipErrorRows: boolean
}

/** The portfolio moved since the preview: nothing is written. */
export class CommitRefused extends Error {
  constructor(
    readonly row: number,
    reason: string
  ) {
    super(reason)
    this.name = 'CommitRefused'
  }
}

/** The KAM cancelled: the transaction rolled back, after `rows` rows, and nothing is written. */
export class CommitCancelled extends Error {
  constructor(readonly rows: number) {
    super(`cancelled after ${rows} rows; every one of them rolled back`)
    this.name = 'CommitCancelled'
  }
}

function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')
}

export function commitFile(
  source: ImportSource,
  { database, stores, records, seen }: ImportWriters & { database: DatabaseHandle; seen: SeenKeys },
  plan: CommitPlan,
  onProgress: (rows: number, fraction: number) => void,
  stopped: () => boolean
): ImportCommitResult {
  const matches = new MatchedIds(plan.matches)
  const actionFor = (row: number): ConflictAction => plan.conflictActions[String(row)] ?? plan.defaultAction
  const counts: ImportCommitResult = { created: 0, updated: 0, skipped: 0, outOfScope: 0, skippedWithErrors: 0 }
  let index = 0

  /** The row's records, as records-service writes them: validated, in the history, status afresh. */
  function writeRecords(storeId: number, row: PlannedRow, verb: 'Imported' | 'Updated'): boolean {
    if (!row.records) return false
    const { subscription, authorization } = row.records
    const what = [subscription && 'subscription', authorization && (authorization.reconnectedAt === null ? 'authorization' : 'authorization and reconnect')]
    const summary = `${verb} the ${what.filter(Boolean).join(' and ')} from ${plan.fileName} (row ${row.row})`
    return records.importRecords(storeId, row.records, { kind: 'imported', summary })
  }

  function write(row: PlannedRow): void {
    const matched = matches.at(index)
    if (matched === 0) {
      const created = stores.insert(row.input, { kind: 'imported', summary: `Imported from ${plan.fileName} (row ${row.row})` })
      writeRecords(created.id, row, 'Imported')
      counts.created++
      if (row.outOfScope) counts.outOfScope++
      return
    }
    if (actionFor(row.row) !== 'update') {
      counts.skipped++
      return
    }
    const existing = stores.findByKey(row.input)
    if (!existing || existing.id !== matched) {
      throw new CommitRefused(row.row, existing ? `it now matches ${storeLabel(existing)}` : 'the store it matched is gone')
    }
    const before = inputOf(existing)
    const merged = mergeInto(before, row)
    const fieldsChange = diffStores(before, merged).length > 0
    if (fieldsChange) stores.replace(existing.id, merged, { kind: 'import-updated', summary: `Updated from ${plan.fileName} (row ${row.row})` })
    const recordsChange = writeRecords(existing.id, row, 'Updated')
    if (!fieldsChange && !recordsChange) {
      counts.skipped++
      return
    }
    counts.updated++
    if (row.outOfScope) counts.outOfScope++
  }

  writeTransaction(database.sqlite, () => {
    const summary = scanFile(source, seen, {
      plan: (row) => {
        if (stopped()) throw new CommitCancelled(index)
        try {
          write(row)
        } catch (error) {
          if (error instanceof CommitRefused) throw error
          if (error instanceof AppError || isConstraintError(error)) throw new CommitRefused(row.row, error instanceof Error ? error.message : String(error))
          throw error
        }
        index++
        if (index % PROGRESS_EVERY_ROWS === 0) onProgress(index, index / Math.max(1, matches.length))
      }
    })
    // The same bytes, checked by the same code: a difference here is a bug, never the KAM's file.
    const errorsAsPreviewed = plan.skipErrorRows ? summary.errorRowCount === plan.errorRows : summary.errorRowCount === 0
    if (summary.fileProblems.length > 0 || !errorsAsPreviewed || index !== matches.length) {
      throw new Error(`the file read differently than at the preview (${index} of ${matches.length} rows)`)
    }
    counts.skippedWithErrors = summary.errorRowCount
  })
  onProgress(index, 1)
  return counts
}
