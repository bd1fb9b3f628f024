/**
 * The home screen: counts by status, the needs-action worklist and the 90-day expiry view, for
 * every store or the KAM's own ("My stores", the rule of shared/my-stores.ts). The worklist is in
 * the order of urgency-rank.ts and read a window at a time, so every store needing action can be
 * reached however many there are.
 */
import { DateTime } from 'luxon'
import type { CheckRunSummary, Dashboard, ExpiryWeek, UrgencyTier, WorklistItem, WorklistPage } from '../../shared/monitoring'
import { URGENCY_TIERS, WORKLIST_PAGE_ROWS } from '../../shared/monitoring'
import { effectiveScope } from '../../shared/my-stores'
import type { StoreScope } from '../../shared/my-stores'
import { NEEDS_ACTION_STATUSES, STORE_STATUSES } from '../../shared/status'
import type { DeadlineKind, NextAction, StoreStatus } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import type { Clock } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import type { LazadaSubscriptionState } from '../../shared/lazada'
import { effectiveSubscription } from '../lazada-sync/subscription-answer'
import { DAY_MS, daysLeft, timeZoneOf } from '../status/calendar'
import { ownedBySql, registerOwnedBy } from './owned-by-sql'
import { urgencyOrderSql, urgencyTier, urgencyTierSql } from './urgency-rank'

const EXPIRY_WEEKS = 13
const EXPIRY_HORIZON_DAYS = 90

export interface DashboardDeps {
  database: DatabaseHandle
  clock: Clock
  settings: Pick<SettingsService, 'get'>
  kamTimeZone: () => string
  lastRun: () => CheckRunSummary | null
  nextCheckAt: () => number | null
  /** The KAM's remembered choice of stores for the dashboard (all when not kept). */
  scope: { get(): StoreScope; save(scope: StoreScope): void }
}

type WorkRow = [number, string, string, string, string | null, StoreStatus, string, number | null, DeadlineKind | null, string | null, number | null]

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')
const NOT_CHECKED = 'Not checked yet: the next check judges it.'
const NEEDS_ACTION = `w.status IN (${quoted(NEEDS_ACTION_STATUSES)})`

/** What every query binds: the scope as `@mine` (0 or 1) and the KAM's name as `@kam`. */
interface ScopeParams {
  mine: 0 | 1
  kam: string
}

function prepareStatements(sqlite: DatabaseHandle['sqlite']) {
  registerOwnedBy(sqlite)
  const inScope = `(@mine = 0 OR ${ownedBySql('s.owner_kam', '@kam')})`
  // Stores without a stored status yet count as unknown.
  const current = `SELECT s.id, s.client_name, s.store_name, s.country, s.owner_kam, COALESCE(ss.status, 'unknown') AS status,
      COALESCE(ss.reason, '${NOT_CHECKED}') AS reason, ss.deadline_at, ss.deadline_kind, ss.next_action
    FROM stores s LEFT JOIN store_status ss ON ss.store_id = s.id WHERE s.archived_at IS NULL AND ${inScope}`
  const order = urgencyOrderSql({ id: 'w.id', clientName: 'w.client_name', status: 'w.status', deadline: 'w.deadline_at' })
  return {
    counts: sqlite.prepare(`SELECT status, count(*) FROM (${current}) GROUP BY status`).raw(),
    archived: sqlite.prepare(`SELECT count(*) FROM stores s WHERE s.archived_at IS NOT NULL AND ${inScope}`).pluck(),
    needsActionAll: sqlite.prepare(
      `SELECT count(*) FROM stores s LEFT JOIN store_status ss ON ss.store_id = s.id
       WHERE s.archived_at IS NULL AND COALESCE(ss.status, 'unknown') IN (${quoted(NEEDS_ACTION_STATUSES)})`
    ).pluck(),
    tiers: sqlite.prepare(`SELECT ${urgencyTierSql('w.deadline_at')}, count(*) FROM (${current}) w WHERE ${NEEDS_ACTION} GROUP BY 1`).raw(),
    worklist: sqlite
      .prepare(
        `SELECT w.*, sn.until FROM (${current}) w LEFT JOIN reminder_snoozes sn ON sn.store_id = w.id AND sn.until > @now
         WHERE ${NEEDS_ACTION} ORDER BY ${order} LIMIT @limit OFFSET @offset`
      )
      .raw(),
    myOwnerNames: sqlite
      .prepare(`SELECT DISTINCT owner_kam FROM stores WHERE ${ownedBySql('owner_kam', '@kam')} ORDER BY owner_kam`)
      .pluck(),
    // The KAM's record and Lazada's answer for the store's current country and short code: the
    // End Time the rules judge is chosen from both by effectiveSubscription.
    endings: sqlite
      .prepare(
        `SELECT s.id, s.country, sub.start_at, sub.end_at, ls.state, ls.end_at, ls.checked_at
         FROM stores s
         LEFT JOIN subscriptions sub ON sub.store_id = s.id
         LEFT JOIN lazada_subscriptions ls ON ls.store_id = s.id AND ls.country = s.country AND ls.short_code = s.seller_short_code
           AND ls.state IS NOT NULL AND ls.checked_at IS NOT NULL
         WHERE s.archived_at IS NULL AND ${inScope} AND (sub.end_at IS NOT NULL OR ls.store_id IS NOT NULL)`
      )
      .raw()
  }
}

type EndingRow = [number, string, number | null, number | null, LazadaSubscriptionState | null, number | null, number | null]

export function createDashboard(deps: DashboardDeps) {
  const statements = prepareStatements(deps.database.sqlite)

  function scopeParams(): ScopeParams & { scope: StoreScope } {
    const kam = deps.settings.get().you.name
    const scope = effectiveScope(deps.scope.get(), kam)
    return { scope, mine: scope === 'mine' ? 1 : 0, kam }
  }

  function toItem(row: WorkRow, now: number): WorklistItem {
    const [storeId, clientName, storeName, country, ownerKam, status, reason, deadline, deadlineKind, nextAction, snoozedUntil] = row
    return {
      storeId,
      clientName,
      storeName,
      country,
      ownerKam,
      status,
      reason,
      deadline,
      deadlineKind,
      daysLeft: deadline === null ? null : daysLeft(deadline, now, timeZoneOf(country)),
      nextAction: nextAction === null ? null : (JSON.parse(nextAction) as NextAction | null),
      snoozedUntil,
      tier: urgencyTier(deadline, now)
    }
  }

  function worklistItems(params: ScopeParams, now: number, offset: number, limit: number): WorklistItem[] {
    const { mine, kam } = params
    return (statements.worklist.all({ mine, kam, now, offset, limit }) as WorkRow[]).map((row) => toItem(row, now))
  }

  function tierCounts(params: ScopeParams, now: number): Record<UrgencyTier, number> {
    const tiers = Object.fromEntries(URGENCY_TIERS.map((tier) => [tier, 0])) as Record<UrgencyTier, number>
    for (const [tier, count] of statements.tiers.all({ mine: params.mine, kam: params.kam, now }) as [UrgencyTier, number][]) tiers[tier] = count
    return tiers
  }

  /** Each ending in the next 90 days (covered countries, in scope): the store, its country and End Time. */
  function endingsAhead(params: ScopeParams, now: number): { storeId: number; country: string; endAt: number }[] {
    const covered = deps.settings.get().policy.coveredCountries
    const horizon = now + EXPIRY_HORIZON_DAYS * DAY_MS
    const endings: { storeId: number; country: string; endAt: number }[] = []
    for (const [storeId, country, startAt, kamEndAt, state, lazadaEndAt, checkedAt] of statements.endings.all({ mine: params.mine, kam: params.kam }) as EndingRow[]) {
      if (!covered.includes(country)) continue
      const kam = kamEndAt === null ? null : { startAt, endAt: kamEndAt }
      const answer = state === null || checkedAt === null ? null : { state, endAt: lazadaEndAt, checkedAt }
      const endAt = effectiveSubscription(kam, answer)?.endAt ?? null
      if (endAt === null || endAt <= now || endAt > horizon) continue
      endings.push({ storeId, country, endAt })
    }
    return endings
  }

  /** Subscription ends by week (Mondays, KAM's time) and country, for covered stores not archived. */
  function expiryWeeks(params: ScopeParams, now: number): ExpiryWeek[] {
    const zone = deps.kamTimeZone()
    const covered = deps.settings.get().policy.coveredCountries
    const monday = DateTime.fromMillis(now, { zone }).startOf('week')
    const starts = Array.from({ length: EXPIRY_WEEKS + 1 }, (_, i) => monday.plus({ weeks: i }))
    const bounds = starts.map((start) => start.toMillis())
    const weeks: ExpiryWeek[] = starts.slice(0, EXPIRY_WEEKS).map((start, i) => ({
      weekStart: start.toISODate() ?? '',
      from: bounds[i]!,
      to: bounds[i + 1]!,
      byCountry: Object.fromEntries(covered.map((country) => [country, 0])),
      total: 0
    }))
    for (const { country, endAt } of endingsAhead(params, now)) {
      // The week holding the End Time, the date every other text gives (DESIGN.md §6).
      const week = weeks.find((w) => endAt >= w.from && endAt < w.to)
      if (!week) continue
      week.byCountry[country] = (week.byCountry[country] ?? 0) + 1
      week.total++
    }
    return weeks
  }

  return {
    /** Every store needing action, whatever the dashboard's scope: the tray badge. */
    needsActionCount(): number {
      return statements.needsActionAll.get() as number
    },

    dashboard(): Dashboard {
      const now = deps.clock.now()
      const params = scopeParams()
      const counts = Object.fromEntries(STORE_STATUSES.map((status) => [status, 0])) as Record<StoreStatus, number>
      for (const [status, count] of statements.counts.all({ mine: params.mine, kam: params.kam }) as [StoreStatus, number][]) counts[status] = count
      return {
        scope: params.scope,
        kamName: params.kam,
        myOwnerNames: params.kam.trim() === '' ? [] : (statements.myOwnerNames.all({ kam: params.kam }) as string[]),
        counts,
        needsAction: NEEDS_ACTION_STATUSES.reduce((sum, status) => sum + counts[status], 0),
        archived: statements.archived.get({ mine: params.mine, kam: params.kam }) as number,
        tiers: tierCounts(params, now),
        worklist: worklistItems(params, now, 0, WORKLIST_PAGE_ROWS),
        expiryWeeks: expiryWeeks(params, now),
        lastRun: deps.lastRun(),
        nextCheckAt: deps.nextCheckAt()
      }
    },

    /** One window of the worklist in the dashboard's scope, with the whole list's count. */
    worklist(offset: number, limit: number): WorklistPage {
      const now = deps.clock.now()
      const params = scopeParams()
      const tiers = tierCounts(params, now)
      return { offset, items: worklistItems(params, now, offset, limit), total: tiers.lapsing + tiers.lapsed + tiers['no-deadline'] }
    },

    /** The stores (ids, by End Time) a cell of the expiry grid counts: a week's ends, in one country or all. */
    expiryStores(from: number, to: number, country: string | null): number[] {
      const now = deps.clock.now()
      return endingsAhead(scopeParams(), now)
        .filter((e) => e.endAt >= from && e.endAt < to && (country === null || e.country === country))
        .sort((a, b) => a.endAt - b.endAt || a.storeId - b.storeId)
        .map((e) => e.storeId)
    },

    /** Remembers the KAM's choice and answers the dashboard it gives. */
    setScope(scope: StoreScope): Dashboard {
      deps.scope.save(scope)
      return this.dashboard()
    }
  }
}
