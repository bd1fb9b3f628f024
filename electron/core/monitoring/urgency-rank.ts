/**
 * The worklist's order: what loses orders soonest comes first. One rule, in three tiers:
 *
 * 1. **Lapsing** — the deadline is still ahead: soonest first. These stores can still be saved
 *    before a single order is lost, so a store lapsing tomorrow leads the list.
 * 2. **Lapsed** — the deadline has passed (at the deadline's instant the store counts as lapsed):
 *    most recent first. Their orders have stopped; the one that lapsed yesterday is the most
 *    savable (the seller still has the renewal in mind, the backlog is short), one that lapsed
 *    months ago has waited that long already.
 * 3. **No deadline known** — "Needs subscription", "Needs authorization" and the like with no date
 *    on record: after every store with a deadline, since nothing says when they lose orders.
 *
 * Ties (same tier and instant) go by status severity (STATUS_SEVERITY), then the client's name
 * as SQLite's NOCASE collation compares it (ASCII letters folded to lower case, then code
 * points), then the store id, so the order is the same on every call.
 *
 * `urgencyOrderSql` is the same rule as an ORDER BY, so the worklist can be windowed in SQL;
 * tests/core/urgency-rank.test.ts holds both to the same order on a varied portfolio.
 */
import type { UrgencyTier } from '../../shared/monitoring'
import { STATUS_SEVERITY, STORE_STATUSES } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'

export interface UrgencyFacts {
  storeId: number
  clientName: string
  status: StoreStatus
  /** The status's deadline (UTC ms), or null when none is known. */
  deadline: number | null
}

const TIER_ORDER: Record<UrgencyTier, number> = { lapsing: 0, lapsed: 1, 'no-deadline': 2 }

export function urgencyTier(deadline: number | null, now: number): UrgencyTier {
  if (deadline === null) return 'no-deadline'
  return deadline > now ? 'lapsing' : 'lapsed'
}

/** Within a tier: lapsing soonest first, lapsed most recent first. */
function withinTier(tier: UrgencyTier, deadline: number | null): number {
  if (deadline === null) return 0
  return tier === 'lapsing' ? deadline : -deadline
}

const A = 65
const Z = 90

/** SQLite's NOCASE: ASCII upper case folded to lower, then code point by code point. */
export function compareNoCase(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  const length = Math.min(left.length, right.length)
  for (let i = 0; i < length; i++) {
    let x = left[i]!.codePointAt(0)!
    let y = right[i]!.codePointAt(0)!
    if (x >= A && x <= Z) x += 32
    if (y >= A && y <= Z) y += 32
    if (x !== y) return x - y
  }
  return left.length - right.length
}

/**
 * The rule's tiers and their order within, on deadlines alone: lists with ties of their own (the
 * notification centre) order by it too, so every screen agrees on what is most urgent.
 */
export function compareDeadlines(a: number | null, b: number | null, now: number): number {
  const tierA = urgencyTier(a, now)
  const tierB = urgencyTier(b, now)
  return TIER_ORDER[tierA] - TIER_ORDER[tierB] || withinTier(tierA, a) - withinTier(tierB, b)
}

/** Negative when `a` is more urgent than `b`; never 0 for two different stores. */
export function compareUrgency(a: UrgencyFacts, b: UrgencyFacts, now: number): number {
  return (
    compareDeadlines(a.deadline, b.deadline, now) ||
    STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] ||
    compareNoCase(a.clientName, b.clientName) ||
    a.storeId - b.storeId
  )
}

/** The stores in worklist order (a new array). */
export function rankByUrgency<T extends UrgencyFacts>(stores: readonly T[], now: number): T[] {
  return [...stores].sort((a, b) => compareUrgency(a, b, now))
}

export interface UrgencyColumns {
  id: string
  clientName: string
  status: string
  deadline: string
}

/** The rule as an ORDER BY over the given columns; binds `@now`. */
export function urgencyOrderSql(c: UrgencyColumns): string {
  const severity = `CASE ${c.status} ${STORE_STATUSES.map((s) => `WHEN '${s}' THEN ${STATUS_SEVERITY[s]}`).join(' ')} END`
  return [
    `CASE WHEN ${c.deadline} IS NULL THEN 2 WHEN ${c.deadline} > @now THEN 0 ELSE 1 END`,
    `CASE WHEN ${c.deadline} IS NULL THEN 0 WHEN ${c.deadline} > @now THEN ${c.deadline} ELSE -${c.deadline} END`,
    severity,
    `${c.clientName} COLLATE NOCASE`,
    c.id
  ].join(', ')
}

/** The tier as a SQL expression (for counts by tier); binds `@now`. */
export function urgencyTierSql(deadline: string): string {
  return `CASE WHEN ${deadline} IS NULL THEN 'no-deadline' WHEN ${deadline} > @now THEN 'lapsing' ELSE 'lapsed' END`
}
