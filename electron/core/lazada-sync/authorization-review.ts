/**
 * After a check filled subscriptions from Lazada: the stores Lazada says are subscribed (its
 * answer `valid`, still for the store's country and short code) whose status still asks for an
 * authorization, and "authorized as of <date>" for many of them in one transaction, each store's
 * history written by the records service.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { AuthorizationReview, AuthorizationsConfirmed } from '../../shared/authorization-review'
import type { DatabaseHandle } from '../db/open-database'
import { lazadaSubscriptions, storeStatus, stores } from '../db/schema'
import { writeTransaction } from '../db/write-transaction'
import type { RecordsService } from '../records/records-service'

export interface AuthorizationReviewDeps {
  database: DatabaseHandle
  records: Pick<RecordsService, 'recordAuthorization'>
}

export function createAuthorizationReview({ database, records }: AuthorizationReviewDeps) {
  const { db, sqlite } = database

  function waiting(): AuthorizationReview['stores'] {
    return db
      .select({
        id: stores.id,
        clientName: stores.clientName,
        storeName: stores.storeName,
        country: stores.country,
        lazadaEndAt: lazadaSubscriptions.endAt,
        checkedAt: lazadaSubscriptions.checkedAt,
        reason: sql<string>`coalesce(${storeStatus.reason}, '')`
      })
      .from(stores)
      .innerJoin(lazadaSubscriptions, eq(lazadaSubscriptions.storeId, stores.id))
      .innerJoin(storeStatus, eq(storeStatus.storeId, stores.id))
      .where(
        and(
          isNull(stores.archivedAt),
          eq(lazadaSubscriptions.state, 'valid'),
          eq(lazadaSubscriptions.country, stores.country),
          eq(lazadaSubscriptions.shortCode, stores.sellerShortCode),
          eq(storeStatus.status, 'needs-authorization')
        )
      )
      .orderBy(asc(sql`${stores.clientName} COLLATE NOCASE`), asc(stores.id))
      .all()
  }

  return {
    list(): AuthorizationReview {
      return { stores: waiting() }
    },

    /** Records the authorization on each store still waiting for one, all or nothing. */
    confirm(storeIds: readonly number[], authorizedAt: number, reconnected: boolean): AuthorizationsConfirmed {
      return writeTransaction(sqlite, () => {
        const open = new Set(waiting().map((s) => s.id))
        const chosen = [...new Set(storeIds)].filter((id) => open.has(id))
        for (const id of chosen) {
          records.recordAuthorization(id, { authorizedAt, method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: 'Confirmed in the review of Lazada’s subscriptions', reconnected })
        }
        return { confirmed: chosen.length, skipped: storeIds.length - chosen.length }
      })
    }
  }
}
