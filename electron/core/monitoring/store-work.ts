/**
 * Writing what a check decided for one store, inside the run's transaction: its verdict, the
 * reminders of rungs newly due, and held reminders released or dropped. One store's failure is
 * caught and counted, leaving the others.
 */
import type Database from 'better-sqlite3'
import type { ReminderState } from '../../shared/monitoring'
import type { DeadlineKind, StatusVerdict } from '../../shared/status'
import { writeTransaction } from '../db/write-transaction'
import type { Logger } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import type { StatusService } from '../status/status-service'
import { messageOf, type CheckStatements } from './check-statements'
import type { Delivery } from './delivery'
import { reminderText, type NotificationText } from './notification-text'
import type { ScannedStore } from './portfolio-scan'
import type { Deadline, HeldReminder, NewRung } from './reminder-ladder'
import type { CountryCalendar } from './store-deadlines'

/** Stored on a reminder handed to the OS until the OS answers; it stays if the app stops first. */
const NOT_SHOWN_YET = 'Not shown: Storewatch closed before handing it to the system.'

/** What a check decided for one store, to write. */
export interface StoreWork {
  store: ScannedStore
  calendar: CountryCalendar
  /** A verdict to store (new, or different from the stored one). */
  write: StatusVerdict | null
  /** The stored verdict was confirmed at a later instant. */
  touch: boolean
  rungs: NewRung[]
  release: HeldReminder[]
  drop: HeldReminder[]
  holding: boolean
}

export interface Totals {
  statusChanges: number
  remindersFired: number
  deliveries: Delivery[]
  errors: string[]
}

export function emptyTotals(errors: string[] = []): Totals {
  return { statusChanges: 0, remindersFired: 0, deliveries: [], errors }
}

/** Whether a store's work writes anything at all (most stores' does not). */
export function hasWrites(work: Pick<StoreWork, 'write' | 'touch' | 'rungs' | 'release' | 'drop'>): boolean {
  return Boolean(work.write || work.touch || work.rungs.length || work.release.length || work.drop.length)
}

interface Names {
  clientName: string
  storeName: string
  country: string
}

type Said = { daysLeft: number; text: NotificationText }

export interface StoreWorkWriterDeps {
  sqlite: Database.Database
  statements: CheckStatements
  status: Pick<StatusService, 'record'>
  logger: Logger
}

export function createStoreWorkWriter({ sqlite, statements, status, logger }: StoreWorkWriterDeps) {
  function namesOf(storeId: number): Names {
    const [clientName, storeName, country] = statements.names.get(storeId) as [string, string, string]
    return { clientName, storeName, country }
  }

  function labelOf(storeId: number): string {
    try {
      return `${storeLabel(namesOf(storeId))} (#${storeId})`
    } catch {
      return `Store #${storeId}`
    }
  }

  /** The reminder texts of one store as of `now`, each said once per deadline. */
  function sayer(work: StoreWork, now: number) {
    const names = namesOf(work.store.id)
    const said = new Map<Deadline | HeldReminder, Said>()
    const say = (key: Deadline | HeldReminder, kind: DeadlineKind, deadline: number): Said => {
      let entry = said.get(key)
      if (!entry) {
        const daysLeft = work.calendar.days.daysLeft(deadline, now)
        entry = { daysLeft, text: reminderText({ storeName: names.storeName, country: names.country, kind, deadline, daysLeft }, now) }
        said.set(key, entry)
      }
      return entry
    }
    const delivery = (reminderId: number, deadline: number, entry: Said): Delivery => ({
      reminderId,
      storeId: work.store.id,
      storeName: names.storeName,
      country: names.country,
      daysLeft: entry.daysLeft,
      passed: now >= deadline,
      ...entry.text
    })
    return { say, delivery }
  }

  /** Inserts the reminders of newly due rungs; returns how many fired and what to show. */
  function fireRungs(work: StoreWork, runId: number | null, now: number, speak: ReturnType<typeof sayer>, deliveries: Delivery[]): number {
    let fired = 0
    for (const rung of work.rungs) {
      const { kind, at } = rung.deadline
      const entry = speak.say(rung.deadline, kind, at)
      const state: ReminderState = rung.state === 'skipped' ? 'skipped' : work.holding ? 'held' : 'failed'
      const dueAt = work.calendar.days.rungDueAt(at, rung.rungDays)
      const note = state === 'failed' ? NOT_SHOWN_YET : null
      const inserted = statements.insertReminder.run(work.store.id, kind, at, rung.rungDays, dueAt, state, entry.text.title, entry.text.body, now, runId, note)
      if (inserted.changes === 0 || rung.state === 'skipped') continue
      fired++
      if (state === 'failed') deliveries.push(speak.delivery(Number(inserted.lastInsertRowid), at, entry))
    }
    return fired
  }

  function apply(work: StoreWork, runId: number | null, now: number): { changed: boolean; fired: number; deliveries: Delivery[] } {
    const { store } = work
    const changed = work.write ? status.record(store.id, work.write, store.stored?.status ?? null, now) : false
    if (work.touch) statements.touchStatus.run(now, store.id)
    if (work.rungs.length === 0 && work.release.length === 0 && work.drop.length === 0) return { changed, fired: 0, deliveries: [] }

    const speak = sayer(work, now)
    const deliveries: Delivery[] = []
    const fired = fireRungs(work, runId, now, speak, deliveries)
    for (const held of work.release) {
      // Said again as of now: the hold may have lasted hours.
      const entry = speak.say(held, held.kind, held.deadlineAt)
      statements.release.run(entry.text.title, entry.text.body, NOT_SHOWN_YET, held.id)
      deliveries.push(speak.delivery(held.id, held.deadlineAt, entry))
    }
    for (const held of work.drop) statements.drop.run(held.id)
    return { changed, fired, deliveries }
  }

  /** Counts a store that could not be checked, naming it. */
  function failed(storeId: number, error: unknown, totals: Totals): void {
    totals.errors.push(`Could not check ${labelOf(storeId)}: ${messageOf(error)}.`)
    logger.warn('a store could not be checked', { storeId, error: messageOf(error) })
  }

  return {
    failed,
    /**
     * Applies a store's work in its own savepoint, so one store's failure leaves the others and no
     * half of its own. A single statement is atomic by itself and needs none (most stores' work).
     */
    applyOne(work: StoreWork, runId: number | null, now: number, totals: Totals): boolean {
      const statementCount = (work.write ? 2 : 0) + (work.touch ? 1 : 0) + work.rungs.length + work.release.length + work.drop.length
      try {
        const result = statementCount <= 1 ? apply(work, runId, now) : writeTransaction(sqlite, () => apply(work, runId, now))
        if (result.changed) totals.statusChanges++
        totals.remindersFired += result.fired
        totals.deliveries.push(...result.deliveries)
        return true
      } catch (error) {
        failed(work.store.id, error, totals)
        return false
      }
    }
  }
}

export type StoreWorkWriter = ReturnType<typeof createStoreWorkWriter>
