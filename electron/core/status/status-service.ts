/**
 * Keeps each store's derived status in `store_status`: evaluates the rules on the store's records
 * and writes a history entry whenever the status changes.
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import { rulesPolicyOf } from '../../shared/settings'
import { STATUS_LABELS } from '../../shared/status'
import type { StatusVerdict, StoreStatus } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import { authorizations, lazadaSubscriptions, storeStatus, stores, subscriptions } from '../db/schema'
import { effectiveSubscription } from '../lazada-sync/subscription-answer'
import type { Clock } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History } from '../portfolio/store-history'
import type { SettingsService } from '../settings/settings-service'
import { evaluateStatus } from './status-rules'
import type { StatusFacts } from './status-rules'

export interface StatusServiceDeps {
  database: DatabaseHandle
  clock: Clock
  settings: Pick<SettingsService, 'get'>
  history: History
}

export function createStatusService({ database, clock, settings, history }: StatusServiceDeps) {
  const { db } = database
  const countryOf = db
    .select({ country: stores.country })
    .from(stores)
    .where(eq(stores.id, sql.placeholder('storeId')))
    .prepare()
  const subscriptionOf = db
    .select({ startAt: subscriptions.startAt, endAt: subscriptions.endAt })
    .from(subscriptions)
    .where(eq(subscriptions.storeId, sql.placeholder('storeId')))
    .prepare()
  // Lazada's answer, while it is about the store's current country and short code.
  const answerOf = db
    .select({ state: lazadaSubscriptions.state, endAt: lazadaSubscriptions.endAt, checkedAt: lazadaSubscriptions.checkedAt })
    .from(lazadaSubscriptions)
    .innerJoin(
      stores,
      and(eq(stores.id, lazadaSubscriptions.storeId), eq(stores.country, lazadaSubscriptions.country), eq(stores.sellerShortCode, lazadaSubscriptions.shortCode))
    )
    .where(and(eq(lazadaSubscriptions.storeId, sql.placeholder('storeId')), isNotNull(lazadaSubscriptions.state), isNotNull(lazadaSubscriptions.checkedAt)))
    .prepare()
  const authorizationsOf = db
    .select({ authorizedAt: authorizations.authorizedAt, refreshDeadlineAt: authorizations.refreshDeadlineAt, reconnectedAt: authorizations.reconnectedAt })
    .from(authorizations)
    .where(eq(authorizations.storeId, sql.placeholder('storeId')))
    .orderBy(asc(authorizations.authorizedAt))
    .prepare()
  const currentOf = db
    .select({ status: storeStatus.status })
    .from(storeStatus)
    .where(eq(storeStatus.storeId, sql.placeholder('storeId')))
    .prepare()
  const upsert = db
    .insert(storeStatus)
    .values({
      storeId: sql.placeholder('storeId'),
      status: sql.placeholder('status'),
      reason: sql.placeholder('reason'),
      deadlineAt: sql.placeholder('deadlineAt'),
      deadlineKind: sql.placeholder('deadlineKind'),
      nextAction: sql.placeholder('nextAction'),
      computedAt: sql.placeholder('computedAt')
    })
    .onConflictDoUpdate({
      target: storeStatus.storeId,
      set: {
        status: sql`excluded.status`,
        reason: sql`excluded.reason`,
        deadlineAt: sql`excluded.deadline_at`,
        deadlineKind: sql`excluded.deadline_kind`,
        nextAction: sql`excluded.next_action`,
        computedAt: sql`excluded.computed_at`
      }
    })
    .prepare()

  function facts(storeId: number): StatusFacts | null {
    const store = countryOf.get({ storeId })
    if (!store) return null
    const answer = answerOf.get({ storeId })
    const subscription = effectiveSubscription(
      subscriptionOf.get({ storeId }) ?? null,
      answer?.state && answer.checkedAt !== null ? { state: answer.state, endAt: answer.endAt, checkedAt: answer.checkedAt } : null
    )
    return { country: store.country, subscription, authorizations: authorizationsOf.all({ storeId }) }
  }

  /**
   * Stores a verdict and, when the status differs from the one stored before, writes the change to
   * the store's history. Returns whether the status changed. Callers hold the transaction.
   */
  function record(storeId: number, verdict: StatusVerdict, previous: StoreStatus | null, at: number): boolean {
    upsert.run({
      storeId,
      status: verdict.status,
      reason: verdict.reason,
      deadlineAt: verdict.deadline,
      deadlineKind: verdict.deadlineKind,
      nextAction: verdict.nextAction,
      computedAt: at
    })
    // The first evaluation of a store is not a change: it had no status before.
    if (previous === null || previous === verdict.status) return false
    history.add(
      storeId,
      { kind: 'status-changed', summary: `Status: ${STATUS_LABELS[previous]} → ${STATUS_LABELS[verdict.status]}` },
      [{ field: 'status', label: 'Status', before: STATUS_LABELS[previous], after: STATUS_LABELS[verdict.status] }],
      at,
      SYSTEM_ACTOR
    )
    return true
  }

  return {
    record,

    /** The verdict for a store now, without storing it. */
    evaluate(storeId: number, now = clock.now()): StatusVerdict | null {
      const found = facts(storeId)
      return found ? evaluateStatus(found, rulesPolicyOf(settings.get()), now) : null
    },

    /** Re-evaluates one store after its records changed and stores the verdict. */
    refresh(storeId: number): StatusVerdict | null {
      const now = clock.now()
      const found = facts(storeId)
      if (!found) return null
      const verdict = evaluateStatus(found, rulesPolicyOf(settings.get()), now)
      record(storeId, verdict, currentOf.get({ storeId })?.status ?? null, now)
      return verdict
    },

    /**
     * Re-evaluates a store after a teammate's change arrived (issue #12) and stores the verdict
     * without a history entry: the laptop that made the change wrote that, and it is shared.
     */
    settle(storeId: number): StatusVerdict | null {
      const now = clock.now()
      const found = facts(storeId)
      if (!found) return null
      const verdict = evaluateStatus(found, rulesPolicyOf(settings.get()), now)
      record(storeId, verdict, null, now)
      return verdict
    }
  }
}

export type StatusService = ReturnType<typeof createStatusService>
