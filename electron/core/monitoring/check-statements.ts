/** The SQL a check run uses, prepared once per database. */
import type Database from 'better-sqlite3'

export function prepareCheckStatements(sqlite: Database.Database) {
  return {
    startRun: sqlite.prepare('INSERT INTO check_runs (trigger, started_at) VALUES (?, ?)'),
    finishRun: sqlite.prepare(
      'UPDATE check_runs SET finished_at = ?, stores_checked = ?, status_changes = ?, reminders_fired = ?, errors = ?, remote = ?, status_counts = ? WHERE id = ?'
    ),
    // As the dashboard counts them: archived stores apart, a store without a verdict yet unknown.
    statusCounts: sqlite
      .prepare(
        `SELECT COALESCE(ss.status, 'unknown'), count(*) FROM stores s LEFT JOIN store_status ss ON ss.store_id = s.id
         WHERE s.archived_at IS NULL GROUP BY 1`
      )
      .raw(),
    failedRun: sqlite.prepare('INSERT INTO check_runs (trigger, started_at, finished_at, errors, remote) VALUES (?, ?, ?, ?, ?)'),
    recent: sqlite
      .prepare('SELECT id, trigger, started_at, finished_at, stores_checked, status_changes, reminders_fired, errors, remote FROM check_runs ORDER BY id DESC LIMIT ?')
      .raw(),
    names: sqlite.prepare('SELECT client_name, store_name, country FROM stores WHERE id = ?').raw(),
    storedTexts: sqlite.prepare('SELECT reason, next_action FROM store_status WHERE store_id = ?').raw(),
    touchStatus: sqlite.prepare('UPDATE store_status SET computed_at = ? WHERE store_id = ?'),
    recordedRungs: sqlite.prepare('SELECT rung_days FROM reminders WHERE store_id = ? AND deadline_kind = ? AND deadline_at = ?').pluck(),
    held: sqlite.prepare("SELECT id, store_id, deadline_kind, deadline_at, rung_days FROM reminders WHERE state = 'held'").raw(),
    heldCount: sqlite.prepare("SELECT count(*) FROM reminders WHERE state = 'held'").pluck(),
    snoozes: sqlite.prepare('SELECT store_id, until FROM reminder_snoozes WHERE until > ?').raw(),
    insertReminder: sqlite.prepare(
      `INSERT INTO reminders (store_id, deadline_kind, deadline_at, rung_days, due_at, state, title, body, fired_at, run_id, delivery_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
    ),
    release: sqlite.prepare("UPDATE reminders SET state = 'failed', title = ?, body = ?, delivery_error = ? WHERE id = ?"),
    drop: sqlite.prepare("UPDATE reminders SET state = 'skipped' WHERE id = ?"),
    delivered: sqlite.prepare("UPDATE reminders SET state = 'delivered', delivered_at = ?, delivery_error = NULL WHERE id IN (SELECT value FROM json_each(?))"),
    failed: sqlite.prepare("UPDATE reminders SET state = 'failed', delivery_error = ? WHERE id IN (SELECT value FROM json_each(?))"),
    muted: sqlite.prepare("UPDATE reminders SET state = 'muted', delivery_error = NULL WHERE id IN (SELECT value FROM json_each(?))")
  }
}

export type CheckStatements = ReturnType<typeof prepareCheckStatements>

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
}
