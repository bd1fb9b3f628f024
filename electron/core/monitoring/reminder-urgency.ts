/**
 * The notification centre's urgency rule, most urgent first:
 *  1. stores that still need action before stores that no longer do (renewed or fixed since it fired);
 *  2. then the worklist's rule on deadlines (urgency-rank.ts `compareDeadlines`): deadlines still
 *     ahead soonest first, then those already passed, the most recently passed first;
 *  3. then the severer status (STATUS_SEVERITY), the store's label, and the newest reminder.
 */
import { NEEDS_ACTION_STATUSES, STATUS_SEVERITY } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'
import { compareDeadlines } from './urgency-rank'

/** One collator for every comparison: `localeCompare` builds one per call, too slow over 10,000 entries. */
const byLabel = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export interface UrgencySubject {
  id: number
  deadlineAt: number
  status: StoreStatus
  storeLabel: string
}

/** Negative when `a` is more urgent than `b` at `now`; 0 for the same store's same deadline. */
export function compareDeadlineUrgency(a: Omit<UrgencySubject, 'id'>, b: Omit<UrgencySubject, 'id'>, now: number): number {
  const settled = Number(!NEEDS_ACTION_STATUSES.includes(a.status)) - Number(!NEEDS_ACTION_STATUSES.includes(b.status))
  if (settled !== 0) return settled
  return (
    compareDeadlines(a.deadlineAt, b.deadlineAt, now) ||
    STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] ||
    byLabel.compare(a.storeLabel, b.storeLabel)
  )
}

/** Reminders in urgency order; of equals, the newest first. */
export function compareReminderUrgency(a: UrgencySubject, b: UrgencySubject, now: number): number {
  return compareDeadlineUrgency(a, b, now) || b.id - a.id
}
