/** What each bulk action hands back to the runner, and what a batch keeps to undo it. */
import type { AppDatabase } from '../db/open-database'
import type Database from 'better-sqlite3'

/**
 * The values a batch changed, as they were before, enough to put each store back exactly.
 * Tuples keep a 10,000-store batch small.
 */
export type BulkPrior =
  | { kind: 'owner'; values: [storeId: number, owner: string | null][] }
  | { kind: 'tags'; values: [storeId: number, tags: string[]][] }
  | { kind: 'archived'; values: [storeId: number, archivedAt: number | null][] }
  | { kind: 'snooze'; values: [storeId: number, until: number | null, createdAt: number | null][] }
  | { kind: 'checklist'; runs: [storeId: number, runId: number][] }
  | {
      kind: 'records'
      /** Authorizations the batch added (removed on undo). */
      added: [storeId: number, authorizationId: number][]
      /** Authorizations the batch marked reconnected (unmarked on undo). */
      reconnected: [storeId: number, authorizationId: number][]
      /** Checklist steps the records ticked by themselves (unticked on undo). */
      ticked: number[]
    }

/** The outcome of an action on the resolved stores, before it is kept as a batch. */
export interface BulkOutcome {
  changed: number[]
  /** Stores left as they were, by reason. */
  unchanged: Map<string, number[]>
  prior: BulkPrior
}

export function newOutcome(prior: BulkPrior): BulkOutcome {
  return { changed: [], unchanged: new Map(), prior }
}

export function leaveUnchanged(outcome: BulkOutcome, reason: string, storeId: number): void {
  const ids = outcome.unchanged.get(reason)
  if (ids) ids.push(storeId)
  else outcome.unchanged.set(reason, [storeId])
}

export interface BulkDb {
  db: AppDatabase
  sqlite: Database.Database
}

/** `(SELECT value FROM json_each(?))`: a list of ids bound as one JSON parameter. */
export const ID_LIST = '(SELECT value FROM json_each(?))'
