/** The in-app notification centre (every reminder, read or not) and per-store snoozes. */
import type { ReminderItem, ReminderList, ReminderState, Snooze, SnoozeMode } from '../../shared/monitoring'
import type { DeadlineKind } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import { AppError } from '../errors'
import type { Actor, Broadcast, Clock } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import type { History } from '../portfolio/store-history'
import { DAY_MS, formatLocal } from '../status/calendar'
import { writeTransaction } from '../db/write-transaction'
import { createCentreActions } from './notification-centre'

/** What `markRead` answers with: the centre as the renderer first shows it. */
const DEFAULT_LIST_LIMIT = 200

export interface ReminderCentreDeps {
  database: DatabaseHandle
  clock: Clock
  history: History
  actor: Actor
  broadcast: Broadcast
  kamTimeZone: () => string
  /** When the store's next reminder rung comes due after `now`, if it has one. */
  nextRungAfter: (storeId: number, now: number) => number | null
}

type ReminderRow = [number, number, string, string, string, DeadlineKind, number, number, string, string, ReminderState, number, number | null, number | null]

const COLUMNS = `r.id, r.store_id, s.client_name, s.store_name, s.country, r.deadline_kind, r.deadline_at, r.rung_days, r.title, r.body, r.state,
  r.fired_at, r.delivered_at, r.read_at FROM reminders r JOIN stores s ON s.id = r.store_id`
const NEWEST_FIRST = 'ORDER BY r.fired_at DESC, r.id DESC LIMIT ?'

function item(row: ReminderRow): ReminderItem {
  const [id, storeId, clientName, storeName, country, deadlineKind, deadlineAt, rungDays, title, body, state, firedAt, deliveredAt, readAt] = row
  return { id, storeId, storeLabel: storeLabel({ clientName, storeName, country }), deadlineKind, deadlineAt, rungDays, title, body, state, firedAt, deliveredAt, readAt }
}

export function createReminderCentre(deps: ReminderCentreDeps) {
  const { sqlite } = deps.database
  const statements = {
    all: sqlite.prepare(`SELECT ${COLUMNS} WHERE r.state != 'skipped' ${NEWEST_FIRST}`).raw(),
    unreadOnly: sqlite.prepare(`SELECT ${COLUMNS} WHERE r.state != 'skipped' AND r.read_at IS NULL ${NEWEST_FIRST}`).raw(),
    ofStore: sqlite.prepare(`SELECT ${COLUMNS} WHERE r.store_id = ? AND r.state != 'skipped' ${NEWEST_FIRST}`).raw(),
    // A snoozed store's entries leave the unread count (and the centre's unread view) until the snooze ends.
    unread: sqlite
      .prepare(
        "SELECT count(*) FROM reminders r WHERE r.state != 'skipped' AND r.read_at IS NULL AND NOT EXISTS (SELECT 1 FROM reminder_snoozes z WHERE z.store_id = r.store_id AND z.until > ?)"
      )
      .pluck(),
    readAll: sqlite.prepare("UPDATE reminders SET read_at = ? WHERE read_at IS NULL AND state != 'skipped'"),
    readOne: sqlite.prepare('UPDATE reminders SET read_at = ? WHERE read_at IS NULL AND id = ?'),
    storeExists: sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').pluck(),
    snoozeOf: sqlite.prepare('SELECT until FROM reminder_snoozes WHERE store_id = ? AND until > ?').pluck(),
    snooze: sqlite.prepare(
      'INSERT INTO reminder_snoozes (store_id, until, created_at) VALUES (?, ?, ?) ON CONFLICT (store_id) DO UPDATE SET until = excluded.until, created_at = excluded.created_at'
    ),
    unsnooze: sqlite.prepare('DELETE FROM reminder_snoozes WHERE store_id = ?')
  }

  const unread = (): number => statements.unread.get(deps.clock.now()) as number
  const yourTime = (instant: number) => `${formatLocal(instant, deps.kamTimeZone())} (your time)`

  function list(options: { unreadOnly: boolean; limit: number }): ReminderList {
    const rows = (options.unreadOnly ? statements.unreadOnly : statements.all).all(options.limit) as ReminderRow[]
    return { reminders: rows.map(item), unread: unread() }
  }

  function snoozeOf(storeId: number): Snooze | null {
    const until = statements.snoozeOf.get(storeId, deps.clock.now()) as number | undefined
    return until === undefined ? null : { storeId, until }
  }

  function requireStore(storeId: number): void {
    if (!statements.storeExists.get(storeId)) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
  }

  function snoozeInTransaction(storeId: number, mode: SnoozeMode, now: number): Snooze {
    requireStore(storeId)
    const until = (mode === 'next-rung' ? deps.nextRungAfter(storeId, now) : null) ?? now + DAY_MS
    const before = snoozeOf(storeId)
    statements.snooze.run(storeId, until, now)
    deps.history.add(
      storeId,
      { kind: 'snoozed', summary: mode === 'day' ? 'Reminders snoozed for a day' : 'Reminders snoozed until the next reminder' },
      [{ field: 'snoozedUntil', label: 'Reminders snoozed until', before: before ? yourTime(before.until) : null, after: yourTime(until) }],
      now,
      deps.actor.name()
    )
    return { storeId, until }
  }

  const centreActions = createCentreActions({ ...deps, unread, snoozeInTransaction })

  return {
    unread,
    list,

    markRead(which: { ids: number[] } | { all: true }): ReminderList {
      const at = deps.clock.now()
      writeTransaction(sqlite, () => {
        if ('all' in which) statements.readAll.run(at)
        else for (const id of which.ids) statements.readOne.run(at, id)
      })
      const result = list({ unreadOnly: false, limit: DEFAULT_LIST_LIMIT })
      deps.broadcast('reminders:changed', { unread: result.unread })
      return result
    },

    ofStore(storeId: number, limit: number): ReminderItem[] {
      return (statements.ofStore.all(storeId, limit) as ReminderRow[]).map(item)
    },

    snoozeOf,

    /** Holds the store's reminders for a day, or until its next rung comes due (a day if it has none). */
    snooze(storeId: number, mode: SnoozeMode): Snooze {
      const now = deps.clock.now()
      const snooze = writeTransaction(sqlite, () => snoozeInTransaction(storeId, mode, now))
      deps.broadcast('reminders:changed', { unread: unread() })
      return snooze
    },

    ...centreActions,

    unsnooze(storeId: number): void {
      writeTransaction(sqlite, () => {
        requireStore(storeId)
        const before = snoozeOf(storeId)
        statements.unsnooze.run(storeId)
        if (!before) return
        deps.history.add(
          storeId,
          { kind: 'snoozed', summary: 'Snooze ended' },
          [{ field: 'snoozedUntil', label: 'Reminders snoozed until', before: yourTime(before.until), after: null }],
          deps.clock.now(),
          deps.actor.name()
        )
      })
      deps.broadcast('reminders:changed', { unread: unread() })
    }
  }
}
