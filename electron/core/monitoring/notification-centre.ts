/**
 * The notification centre at portfolio scale: its rows read from the database (each reminder with
 * its run, its store's status, owner and snooze), shown through centre-view, and the actions on a
 * group or on everything a filter shows — mark read, snooze — each in one transaction.
 *
 * A filter's view (read, filtered, grouped and sorted: 0.75–1.7 s at 10,000 entries) is kept, so
 * the pages after the first are slices of it. It is kept while the database is unchanged — the
 * connection's `total_changes()` and `PRAGMA data_version` (other connections' writes), so any
 * write at all (a reminder read or snoozed, a check's new reminders, a store edited, an import)
 * drops it — and until the clock alone could change it: a deadline passing, a snooze ending.
 */
import type { ReminderCentre, ReminderCentreFilter, ReminderGroupResult, ReminderState, SnoozeMode } from '../../shared/monitoring'
import type { DeadlineKind, StoreStatus } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import type { Broadcast, Clock } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import { centrePage, centreView, filteredEntries, nextDeadlineAfter } from './centre-view'
import type { CentreRow, CentreView } from './centre-view'

export interface CentreActionsDeps {
  database: DatabaseHandle
  clock: Clock
  broadcast: Broadcast
  unread: () => number
  /** Snoozes one store and writes its history, inside the caller's transaction. */
  snoozeInTransaction: (storeId: number, mode: SnoozeMode, now: number) => void
}

type Row = [
  number, number, string, string, string, DeadlineKind, number, number, string, string, ReminderState,
  number, number | null, number | null, number | null, number | null, StoreStatus | null, string | null, number | null
]

const ROWS = `SELECT r.id, r.store_id, s.client_name, s.store_name, s.country, r.deadline_kind, r.deadline_at, r.rung_days, r.title, r.body,
  r.state, r.fired_at, r.delivered_at, r.read_at, r.run_id, cr.started_at, st.status, s.owner_kam, z.until
  FROM reminders r JOIN stores s ON s.id = r.store_id
  LEFT JOIN store_status st ON st.store_id = r.store_id
  LEFT JOIN check_runs cr ON cr.id = r.run_id
  LEFT JOIN reminder_snoozes z ON z.store_id = r.store_id AND z.until > ?
  WHERE r.state != 'skipped' AND (? = 0 OR (r.read_at IS NULL AND z.until IS NULL))`

function centreRow(row: Row): CentreRow {
  const [id, storeId, clientName, storeName, country, deadlineKind, deadlineAt, rungDays, title, body, state, firedAt, deliveredAt, readAt, runId, runAt, status, owner, until] =
    row
  return {
    id, storeId, storeLabel: storeLabel({ clientName, storeName, country }), deadlineKind, deadlineAt, rungDays, title, body, state, firedAt, deliveredAt, readAt,
    runId, runAt, status: status ?? 'unknown', ownerKam: owner?.trim() ? owner : null, snoozedUntil: until
  }
}

/** Filters whose views are kept at once (the KAM switches between a few). */
const KEPT_VIEWS = 4

interface KeptView {
  /** It holds from the instant it was read until (exclusive) a deadline passes or a snooze ends. */
  from: number
  until: number
  view: CentreView
}

export function createCentreActions(deps: CentreActionsDeps) {
  const { sqlite } = deps.database
  const statements = {
    rows: sqlite.prepare(ROWS).raw(),
    readOne: sqlite.prepare('UPDATE reminders SET read_at = ? WHERE read_at IS NULL AND id = ?'),
    totalChanges: sqlite.prepare('SELECT total_changes()').pluck(),
    dataVersion: sqlite.prepare('PRAGMA data_version').pluck(),
    nextSnoozeEnd: sqlite.prepare('SELECT min(until) FROM reminder_snoozes WHERE until > ?').pluck()
  }
  /** By filter, all read at the database's state `keptAt` (see `databaseVersion`). */
  const kept = new Map<string, KeptView>()
  let keptAt = ''

  function rows(unreadOnly: boolean, now: number): CentreRow[] {
    return (statements.rows.all(now, unreadOnly ? 1 : 0) as Row[]).map(centreRow)
  }

  /** Changes with every write, on this connection or another. */
  function databaseVersion(): string {
    return `${String(statements.dataVersion.get())}:${String(statements.totalChanges.get())}`
  }

  function viewOf(filter: ReminderCentreFilter, now: number): CentreView {
    const key = JSON.stringify([filter.unreadOnly, filter.statuses, filter.owners])
    const version = databaseVersion()
    if (version !== keptAt) {
      kept.clear()
      keptAt = version
    }
    const hit = kept.get(key)
    if (hit && hit.from <= now && now < hit.until) return hit.view
    const read = rows(filter.unreadOnly, now)
    const snoozeEnd = (statements.nextSnoozeEnd.get(now) as number | null) ?? Infinity
    const view = centreView(read, filter, now)
    kept.delete(key)
    if (kept.size >= KEPT_VIEWS) kept.delete(kept.keys().next().value!)
    kept.set(key, { from: now, until: Math.min(snoozeEnd, nextDeadlineAfter(read, now)), view })
    return view
  }

  function changed(affected: number): ReminderGroupResult {
    const unread = deps.unread()
    deps.broadcast('reminders:changed', { unread })
    return { affected, unread }
  }

  return {
    centre(filter: ReminderCentreFilter, window: { offset: number; limit: number }): ReminderCentre {
      const now = deps.clock.now()
      return centrePage(viewOf(filter, now), window, deps.unread())
    },

    /** Marks read what the filter shows, or only its group `group`. */
    markShownRead(filter: ReminderCentreFilter, group?: string): ReminderGroupResult {
      const now = deps.clock.now()
      const marked = writeTransaction(sqlite, () => {
        let count = 0
        for (const entry of filteredEntries(rows(filter.unreadOnly, now), filter, now, group)) {
          if (entry.readAt === null) count += statements.readOne.run(now, entry.id).changes
        }
        return count
      })
      return changed(marked)
    },

    /** Snoozes each store of the group, as the filter shows it, in one transaction. */
    snoozeGroup(filter: ReminderCentreFilter, group: string, mode: SnoozeMode): ReminderGroupResult {
      const now = deps.clock.now()
      const storeIds = writeTransaction(sqlite, () => {
        const ids = [...new Set(filteredEntries(rows(filter.unreadOnly, now), filter, now, group).map((e) => e.storeId))]
        for (const storeId of ids) deps.snoozeInTransaction(storeId, mode, now)
        return ids
      })
      return changed(storeIds.length)
    }
  }
}
