/**
 * The one shape a change has on its way from a laptop to the team and back (issue #12):
 * local change → outbox → Postgres (which gives it its place in the team's order) → other replicas.
 *
 * Rows are named by a `uid` that is the same on every replica; local integer ids never leave a laptop.
 * A column that points at another shared row (for example `store_id`) travels as that row's uid.
 */

/** The shared tables, by their SQLite names. Everything else stays on the laptop. */
export const SHARED_TABLES = [
  'stores',
  'store_history',
  'subscriptions',
  'authorizations',
  'checklist_runs',
  'checklist_run_steps',
  'lazada_subscriptions'
] as const
export type SharedTable = (typeof SHARED_TABLES)[number]

/** A change as the laptop sends it. `clientId` + `clientSeq` make a push safe to repeat. */
export interface OutgoingChange {
  clientId: string
  /** Strictly increasing per client; a repeat of a pushed change is ignored by the server. */
  clientSeq: number
  table: SharedTable
  uid: string
  /** The fields this change set, by SQLite column name; null when the row was deleted. */
  fields: Record<string, unknown> | null
}

/** A change as the team's order holds it. */
export interface TeamChange extends OutgoingChange {
  /** Postgres's order of commits for the team: later wins, per field. */
  seq: number
  /** `current_user` of the session that pushed it. */
  author: string
  /** Server time of the commit, ISO 8601. */
  committedAt: string
}

/** A row of the team's current state, as applying every change up to the snapshot's seq leaves it. */
export interface TeamSnapshotRow {
  table: SharedTable
  uid: string
  /** Every field of the row, references as uids; null for a deleted row (its tombstone). */
  fields: Record<string, unknown> | null
  /** `current_user` of the last change that wrote the row. */
  author: string
}

/** The team's rows at one point of its order, for a replica that has applied nothing yet. */
export interface TeamSnapshot {
  /** The rows are the result of exactly the changes up to this seq. */
  seq: number
  /** The highest client seq of the asking client among those changes: its echoes the snapshot holds. */
  ownThrough: number
  rows: TeamSnapshotRow[]
}

/** What a replica needs from the team's store; the Postgres adapter implements it. */
export interface TeamChannel {
  /** Pushes in one transaction; repeats (same clientId + clientSeq) are skipped. */
  push(changes: readonly OutgoingChange[]): Promise<void>
  /** Changes after `afterSeq`, in seq order, at most `limit`. */
  pull(afterSeq: number, limit: number): Promise<TeamChange[]>
  /** The team's current rows, if the store keeps them: a joining replica starts from them, then pulls after their seq. */
  snapshot?(clientId: string): Promise<TeamSnapshot>
}
