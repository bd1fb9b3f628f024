/** The home screen: counts by status, the needs-action worklist and the 90-day expiry view. */
import { DateTime } from 'luxon'
import type { CheckRunSummary, Dashboard, ExpiryWeek, WorklistItem } from '../../shared/monitoring'
import { NEEDS_ACTION_STATUSES, STATUS_SEVERITY, STORE_STATUSES } from '../../shared/status'
import type { DeadlineKind, NextAction, StoreStatus } from '../../shared/status'
import type { DatabaseHandle } from '../db/open-database'
import type { Clock } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import type { LazadaSubscriptionState } from '../../shared/lazada'
import { effectiveSubscription } from '../lazada-sync/subscription-answer'
import { DAY_MS, daysLeft, timeZoneOf } from '../status/calendar'

/** The worklist holds the most urgent stores; `needsAction` counts them all. */
const WORKLIST_LIMIT = 500
const EXPIRY_WEEKS = 13
const EXPIRY_HORIZON_DAYS = 90

export interface DashboardDeps {
  database: DatabaseHandle
  clock: Clock
  settings: Pick<SettingsService, 'get'>
  kamTimeZone: () => string
  lastRun: () => CheckRunSummary | null
  nextCheckAt: () => number | null
}

type WorkRow = [number, string, string, string, string | null, StoreStatus, string, number | null, DeadlineKind | null, string | null, number | null]

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')
const severityOrder = `CASE status ${STORE_STATUSES.map((s) => `WHEN '${s}' THEN ${STATUS_SEVERITY[s]}`).join(' ')} END`
const NOT_CHECKED = 'Not checked yet: the next check judges it.'

export function createDashboard(deps: DashboardDeps) {
  const { sqlite } = deps.database
  // Stores without a stored status yet count as unknown.
  const current = `SELECT s.id, s.client_name, s.store_name, s.country, s.owner_kam, COALESCE(ss.status, 'unknown') AS status,
      COALESCE(ss.reason, '${NOT_CHECKED}') AS reason, ss.deadline_at, ss.deadline_kind, ss.next_action
    FROM stores s LEFT JOIN store_status ss ON ss.store_id = s.id WHERE s.archived_at IS NULL`
  const statements = {
    counts: sqlite.prepare(`SELECT status, count(*) FROM (${current}) GROUP BY status`).raw(),
    archived: sqlite.prepare('SELECT count(*) FROM stores WHERE archived_at IS NOT NULL').pluck(),
    needsAction: sqlite.prepare(`SELECT count(*) FROM (${current}) WHERE status IN (${quoted(NEEDS_ACTION_STATUSES)})`).pluck(),
    worklist: sqlite
      .prepare(
        `SELECT w.*, sn.until FROM (${current}) w LEFT JOIN reminder_snoozes sn ON sn.store_id = w.id AND sn.until > ?
         WHERE w.status IN (${quoted(NEEDS_ACTION_STATUSES)})
         ORDER BY ${severityOrder}, w.deadline_at IS NULL, w.deadline_at, w.client_name COLLATE NOCASE, w.id LIMIT ?`
      )
      .raw(),
    // The KAM's record and Lazada's answer for the store's current country and short code: the
    // End Time the rules judge is chosen from both by effectiveSubscription.
    endings: sqlite
      .prepare(
        `SELECT s.country, sub.start_at, sub.end_at, ls.state, ls.end_at, ls.checked_at
         FROM stores s
         LEFT JOIN subscriptions sub ON sub.store_id = s.id
         LEFT JOIN lazada_subscriptions ls ON ls.store_id = s.id AND ls.country = s.country AND ls.short_code = s.seller_short_code
           AND ls.state IS NOT NULL AND ls.checked_at IS NOT NULL
         WHERE s.archived_at IS NULL AND (sub.end_at IS NOT NULL OR ls.store_id IS NOT NULL)`
      )
      .raw()
  }

  function worklist(now: number): WorklistItem[] {
    return (statements.worklist.all(now, WORKLIST_LIMIT) as WorkRow[]).map(
      ([storeId, clientName, storeName, country, ownerKam, status, reason, deadline, deadlineKind, nextAction, snoozedUntil]) => ({
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
        snoozedUntil
      })
    )
  }

  /** Subscription ends by week (Mondays, KAM's time) and country, for covered stores not archived. */
  function expiryWeeks(now: number): ExpiryWeek[] {
    const zone = deps.kamTimeZone()
    const covered = deps.settings.get().policy.coveredCountries
    const monday = DateTime.fromMillis(now, { zone }).startOf('week')
    const starts = Array.from({ length: EXPIRY_WEEKS + 1 }, (_, i) => monday.plus({ weeks: i }))
    const weeks: ExpiryWeek[] = starts.slice(0, EXPIRY_WEEKS).map((start) => ({
      weekStart: start.toISODate() ?? '',
      byCountry: Object.fromEntries(covered.map((country) => [country, 0])),
      total: 0
    }))
    const bounds = starts.map((start) => start.toMillis())
    const horizon = now + EXPIRY_HORIZON_DAYS * DAY_MS
    type EndingRow = [string, number | null, number | null, LazadaSubscriptionState | null, number | null, number | null]
    for (const [country, startAt, kamEndAt, state, lazadaEndAt, checkedAt] of statements.endings.all() as EndingRow[]) {
      if (!covered.includes(country)) continue
      const kam = kamEndAt === null ? null : { startAt, endAt: kamEndAt }
      const answer = state === null || checkedAt === null ? null : { state, endAt: lazadaEndAt, checkedAt }
      const endAt = effectiveSubscription(kam, answer)?.endAt ?? null
      if (endAt === null || endAt <= now || endAt > horizon) continue
      // The week holding the End Time, the date every other text gives (DESIGN.md §6).
      const week = bounds.findIndex((start, i) => i < EXPIRY_WEEKS && endAt >= start && endAt < bounds[i + 1]!)
      if (week < 0) continue
      weeks[week]!.byCountry[country] = (weeks[week]!.byCountry[country] ?? 0) + 1
      weeks[week]!.total++
    }
    return weeks
  }

  return {
    needsActionCount(): number {
      return statements.needsAction.get() as number
    },

    dashboard(): Dashboard {
      const now = deps.clock.now()
      const counts = Object.fromEntries(STORE_STATUSES.map((status) => [status, 0])) as Record<StoreStatus, number>
      for (const [status, count] of statements.counts.all() as [StoreStatus, number][]) counts[status] = count
      return {
        counts,
        needsAction: NEEDS_ACTION_STATUSES.reduce((sum, status) => sum + counts[status], 0),
        archived: statements.archived.get() as number,
        worklist: worklist(now),
        expiryWeeks: expiryWeeks(now),
        lastRun: deps.lastRun(),
        nextCheckAt: deps.nextCheckAt()
      }
    }
  }
}
