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

/** What a replica needs from the team's store; the Postgres adapter implements it. */
export interface TeamChannel {
  /** Pushes in one transaction; repeats (same clientId + clientSeq) are skipped. */
  push(changes: readonly OutgoingChange[]): Promise<void>
  /** Changes after `afterSeq`, in seq order, at most `limit`. */
  pull(afterSeq: number, limit: number): Promise<TeamChange[]>
}
