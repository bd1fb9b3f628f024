/**
 * The notification centre's urgency rule, most urgent first (to be unified with the worklist's rank):
 *  1. stores that still need action before stores that no longer do (renewed or fixed since it fired);
 *  2. deadlines still ahead, the soonest first: a store lapsing tomorrow before one lapsing next week;
 *  3. then deadlines already passed, the most recently passed first (the likeliest to be saved);
 *  4. then the severer status (STATUS_SEVERITY), the store's label, and the newest reminder.
 */
import { NEEDS_ACTION_STATUSES, STATUS_SEVERITY } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'

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
  const aPassed = a.deadlineAt <= now
  const bPassed = b.deadlineAt <= now
  if (aPassed !== bPassed) return aPassed ? 1 : -1
  const byDeadline = aPassed ? b.deadlineAt - a.deadlineAt : a.deadlineAt - b.deadlineAt
  if (byDeadline !== 0) return byDeadline
  return STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || byLabel.compare(a.storeLabel, b.storeLabel)
}

/** Reminders in urgency order; of equals, the newest first. */
export function compareReminderUrgency(a: UrgencySubject, b: UrgencySubject, now: number): number {
  return compareDeadlineUrgency(a, b, now) || b.id - a.id
}
