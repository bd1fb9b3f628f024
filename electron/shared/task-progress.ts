/**
 * How long work shows itself (issue #10, point 5): one shape for a check asking Lazada, an import
 * or a bulk action, published as `tasks:progress` events while it runs and once when it ends.
 */

export const TASK_KINDS = ['check', 'import', 'bulk'] as const
export type TaskKind = (typeof TASK_KINDS)[number]

/**
 * running: still working · done: finished · cancelled: stopped by the KAM (a check keeps what it
 * did; an import, one transaction, rolls it all back) · failed: stopped by an error.
 */
export type TaskState = 'running' | 'done' | 'cancelled' | 'failed'

export interface TaskProgress {
  /** Unique in this run of the app, e.g. `check-12`. */
  id: string
  kind: TaskKind
  /** What is being done, as a sentence start: "Asking Lazada about stores". */
  label: string
  state: TaskState
  /** Items finished so far (stores asked, rows written). */
  done: number
  /** Items in all; null while not known yet. */
  total: number | null
  /** Items per second since the task started (its rate so far); null until one item is done. */
  ratePerSecond: number | null
  /** Time left at the rate so far, in ms; null while the rate or the total is not known. */
  etaMs: number | null
  /** Whether `tasks:cancel` can stop it now. */
  cancellable: boolean
  startedAt: number
}
