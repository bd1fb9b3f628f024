/**
 * The records behind a store's status — its subscription, its authorizations, the reconnect —
 * written with a history entry and a fresh status in one transaction.
 */
import { and, desc, eq } from 'drizzle-orm'
import { AUTHORIZATION_METHOD_LABELS } from '../../shared/records'
import type { Authorization, AuthorizationInput, Subscription, SubscriptionInput } from '../../shared/records'
import type { FieldChange } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { authorizations, stores, subscriptions } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History, HistoryNote } from '../portfolio/store-history'
import type { ImportedRecords } from '../import/record-cells'
import { authorizationChanges, subscriptionChanges } from './record-changes'
import { formatLocal, timeZoneOf } from '../status/calendar'
import type { StatusService } from '../status/status-service'
import { writeTransaction } from '../db/write-transaction'

export interface RecordsServiceDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  status: Pick<StatusService, 'refresh'>
}

export function createRecordsService({ database, clock, actor, history, status }: RecordsServiceDeps) {
  const { db, sqlite } = database

  function countryOf(storeId: number): string {
    const store = db.select({ country: stores.country }).from(stores).where(eq(stores.id, storeId)).get()
    if (!store) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
    return store.country
  }

  function subscription(storeId: number): Subscription | null {
    return db.select().from(subscriptions).where(eq(subscriptions.storeId, storeId)).get() ?? null
  }

  function authorizationsOf(storeId: number): Authorization[] {
    return db.select().from(authorizations).where(eq(authorizations.storeId, storeId)).orderBy(desc(authorizations.authorizedAt), desc(authorizations.id)).all()
  }

  return {
    subscription,
    authorizations: authorizationsOf,

    saveSubscription(storeId: number, input: SubscriptionInput): void {
      writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const before = subscription(storeId)
        const at = clock.now()
        const values = { ...input, checkedAt: at, updatedAt: at }
        db.insert(subscriptions)
          .values({ storeId, ...values })
          .onConflictDoUpdate({ target: subscriptions.storeId, set: values })
          .run()
        const changes = subscriptionChanges(before, input, country)
        if (changes.length) {
          history.add(storeId, { kind: 'subscription-updated', summary: before ? 'Subscription changed' : 'Subscription recorded' }, changes, at, actor.name())
        }
        status.refresh(storeId)
      })
    },

    removeSubscription(storeId: number): void {
      writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const before = subscription(storeId)
        if (!before) return
        db.delete(subscriptions).where(eq(subscriptions.storeId, storeId)).run()
        history.add(storeId, { kind: 'subscription-removed', summary: 'Subscription record removed' }, subscriptionChanges(before, null, country), clock.now(), actor.name())
        status.refresh(storeId)
      })
    },

    recordAuthorization(storeId: number, input: AuthorizationInput): Authorization {
      return writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const at = clock.now()
        const { reconnected, ...fields } = input
        const created = db
          .insert(authorizations)
          .values({
            storeId,
            ...fields,
            reconnectedAt: reconnected ? input.authorizedAt : null,
            reconnectedBy: reconnected ? actor.name() : null,
            recordedAt: at
          })
          .returning()
          .get()
        const zone = timeZoneOf(country)
        const changes: FieldChange[] = [
          { field: 'authorizedAt', label: 'Authorized', before: null, after: `${formatLocal(input.authorizedAt, zone)} (${country} time)` },
          { field: 'method', label: 'How', before: null, after: AUTHORIZATION_METHOD_LABELS[input.method] }
        ]
        if (input.account) changes.push({ field: 'account', label: 'Seller account', before: null, after: input.account })
        if (input.country) changes.push({ field: 'authorizedCountry', label: 'Country picked', before: null, after: input.country })
        if (input.refreshDeadlineAt !== null) {
          changes.push({ field: 'refreshDeadlineAt', label: 'Lapses', before: null, after: `${formatLocal(input.refreshDeadlineAt, zone)} (${country} time)` })
        }
        if (reconnected) changes.push({ field: 'reconnected', label: 'Reconnected in the OMS', before: null, after: 'Yes' })
        history.add(storeId, { kind: 'authorized', summary: reconnected ? 'Authorized and reconnected' : 'Authorized' }, changes, at, actor.name())
        status.refresh(storeId)
        return created
      })
    },

    removeAuthorization(storeId: number, authorizationId: number): void {
      writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const removed = db
          .delete(authorizations)
          .where(and(eq(authorizations.id, authorizationId), eq(authorizations.storeId, storeId)))
          .returning()
          .get()
        if (!removed) throw new AppError('not-found', `That authorization is not on record for this store any more.`)
        const when = `${formatLocal(removed.authorizedAt, timeZoneOf(country))} (${country} time)`
        history.add(
          storeId,
          { kind: 'authorization-removed', summary: 'Authorization record removed' },
          [{ field: 'authorizedAt', label: 'Authorized', before: when, after: null }],
          clock.now(),
          actor.name()
        )
        status.refresh(storeId)
      })
    },

    /**
     * Moves when an authorization lapses (Lazada's token deadlines: a refresh, a token bound to
     * the subscription, a refresh token refused), with a history entry by Storewatch and a fresh
     * status. Does nothing when the deadline is already that; returns whether it changed.
     */
    setAuthorizationDeadline(storeId: number, authorizationId: number, refreshDeadlineAt: number | null, summary: string): boolean {
      return writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const current = db
          .select({ refreshDeadlineAt: authorizations.refreshDeadlineAt })
          .from(authorizations)
          .where(and(eq(authorizations.id, authorizationId), eq(authorizations.storeId, storeId)))
          .get()
        if (!current || current.refreshDeadlineAt === refreshDeadlineAt) return false
        db.update(authorizations).set({ refreshDeadlineAt }).where(eq(authorizations.id, authorizationId)).run()
        const zone = timeZoneOf(country)
        const when = (instant: number | null) => (instant === null ? 'With the subscription' : `${formatLocal(instant, zone)} (${country} time)`)
        history.add(
          storeId,
          { kind: 'authorized', summary },
          [{ field: 'refreshDeadlineAt', label: 'Lapses', before: current.refreshDeadlineAt === null ? null : when(current.refreshDeadlineAt), after: when(refreshDeadlineAt) }],
          clock.now(),
          SYSTEM_ACTOR
        )
        status.refresh(storeId)
        return true
      })
    },

    /**
     * Writes what an import row says about a store's records in one history entry (`note`): the
     * subscription replaced when it differs, the authorization of that date added (or its account
     * and reconnect brought up to date), then a fresh status. Returns whether anything changed.
     */
    importRecords(storeId: number, records: ImportedRecords, note: HistoryNote): boolean {
      return writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const at = clock.now()
        const changes: FieldChange[] = []
        if (records.subscription) {
          const before = subscription(storeId)
          const found = subscriptionChanges(before, records.subscription, country)
          if (found.length) {
            const values = { ...records.subscription, checkedAt: at, updatedAt: at }
            db.insert(subscriptions).values({ storeId, ...values }).onConflictDoUpdate({ target: subscriptions.storeId, set: values }).run()
            changes.push(...found)
          }
        }
        if (records.authorization) {
          const imported = records.authorization
          const same = authorizationsOf(storeId).find((a) => a.authorizedAt === imported.authorizedAt)
          const found = authorizationChanges(same ?? null, imported, country)
          if (found.length && !same) {
            db.insert(authorizations)
              .values({
                storeId,
                authorizedAt: imported.authorizedAt,
                method: 'recorded-by-kam',
                account: imported.account,
                reconnectedAt: imported.reconnectedAt,
                reconnectedBy: imported.reconnectedAt === null ? null : actor.name(),
                recordedAt: at
              })
              .run()
          } else if (found.length && same) {
            db.update(authorizations)
              .set({
                account: imported.account ?? same.account,
                reconnectedAt: imported.reconnectedAt ?? same.reconnectedAt,
                reconnectedBy: imported.reconnectedAt === null || imported.reconnectedAt === same.reconnectedAt ? same.reconnectedBy : actor.name()
              })
              .where(eq(authorizations.id, same.id))
              .run()
          }
          changes.push(...found)
        }
        if (changes.length === 0) return false
        history.add(storeId, note, changes, at, actor.name())
        status.refresh(storeId)
        return true
      })
    },

    /** Marks the latest authorization reconnected, now or as of an earlier instant (a bulk "reconnected on …"). */
    markReconnected(storeId: number, reconnectedAt?: number): void {
      writeTransaction(sqlite, () => {
        const country = countryOf(storeId)
        const latest = authorizationsOf(storeId)[0]
        if (!latest) throw new AppError('conflict', 'Record the seller’s authorization first: a store is reconnected after it is authorized.')
        if (latest.reconnectedAt !== null) return
        const at = clock.now()
        const when = reconnectedAt ?? at
        db.update(authorizations).set({ reconnectedAt: when, reconnectedBy: actor.name() }).where(eq(authorizations.id, latest.id)).run()
        const changes: FieldChange[] = [{ field: 'reconnected', label: 'Reconnected in the OMS', before: 'No', after: 'Yes' }]
        if (reconnectedAt !== undefined) {
          changes.push({ field: 'reconnectedAt', label: 'Reconnected', before: null, after: `${formatLocal(reconnectedAt, timeZoneOf(country))} (${country} time)` })
        }
        history.add(storeId, { kind: 'reconnected', summary: 'Reconnected in the OMS' }, changes, at, actor.name())
        status.refresh(storeId)
      })
    }
  }
}

export type RecordsService = ReturnType<typeof createRecordsService>
