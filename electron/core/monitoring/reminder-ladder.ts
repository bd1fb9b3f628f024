/**
 * The reminder ladder: which rungs of which deadlines a store records in a check, and which held
 * reminders are delivered, kept or dropped. Pure: the caller supplies the calendar and the rungs
 * already recorded (the database's unique key makes each rung fire once, ever).
 */
import type { DeadlineKind, StoreStatus } from '../../shared/status'

export interface Deadline {
  kind: DeadlineKind
  at: number
}

/** Statuses whose stores never notify, whatever their dates say. */
const SILENT_STATUSES: readonly StoreStatus[] = ['out-of-scope', 'app-not-published']

export function notifies(archived: boolean, status: StoreStatus): boolean {
  return !archived && !SILENT_STATUSES.includes(status)
}

export interface AuthorizationDates {
  authorizedAt: number
  refreshDeadlineAt: number | null
}

/**
 * The authorization the rules judge the store by: the latest one since the current subscription
 * started, or the latest one at all when there is no subscription or it has not started yet (a
 * renewal recorded ahead). None while the Start Time is unknown.
 */
export function coveringAuthorization<A extends AuthorizationDates>(
  subscription: { startAt: number | null } | null,
  authorizationsOldestFirst: readonly A[],
  now: number
): A | null {
  const latest = authorizationsOldestFirst.at(-1) ?? null
  if (!subscription || latest === null) return latest
  const { startAt } = subscription
  if (startAt === null) return null
  return startAt > now || latest.authorizedAt >= startAt ? latest : null
}

/** The deadlines a store's reminders follow: subscription end, legacy grace end, authorization lapse. */
export function reminderDeadlines(input: {
  subscriptionEnd: number | null
  verdictDeadline: number | null
  verdictKind: DeadlineKind | null
  authorizationDeadline: number | null
}): Deadline[] {
  const deadlines: Deadline[] = []
  if (input.subscriptionEnd !== null) deadlines.push({ kind: 'subscription-end', at: input.subscriptionEnd })
  if (input.verdictKind === 'grace-end' && input.verdictDeadline !== null) deadlines.push({ kind: 'grace-end', at: input.verdictDeadline })
  if (input.authorizationDeadline !== null) deadlines.push({ kind: 'authorization-deadline', at: input.authorizationDeadline })
  return deadlines
}

/**
 * Of the rungs due now (ladder days ≥ days left), the ones not recorded yet are decided: the latest
 * (smallest) fires unless a later rung already did; every other one is recorded as skipped so it
 * never fires after a long sleep, a late addition or a ladder change.
 */
export function decideRungs(ladderDays: readonly number[], daysLeft: number, recorded: readonly number[]): { fire: number | null; skip: number[] } {
  const fresh = ladderDays.filter((days) => days >= daysLeft && !recorded.includes(days))
  if (fresh.length === 0) return { fire: null, skip: [] }
  const latest = Math.min(...fresh)
  const fires = latest < Math.min(...recorded)
  return { fire: fires ? latest : null, skip: fires ? fresh.filter((days) => days !== latest) : fresh }
}

export interface NewRung {
  deadline: Deadline
  rungDays: number
  state: 'fire' | 'skipped'
}

/**
 * The rungs a store records now, over all its deadlines. `daysLeftAtLastCheck`, given when the last
 * check decided this store's rungs with the same records and ladder, skips the deadlines where no
 * rung came due since: everything due then was decided then.
 */
export function newRungs(
  deadlines: readonly Deadline[],
  ladderDays: readonly number[],
  daysLeft: (deadline: number) => number,
  /** Rungs already recorded for a deadline; only asked for deadlines with a rung to decide. */
  recorded: (deadline: Deadline) => readonly number[],
  daysLeftAtLastCheck?: (deadline: number) => number
): NewRung[] {
  const rungs: NewRung[] = []
  const widest = Math.max(...ladderDays)
  for (const deadline of deadlines) {
    const left = daysLeft(deadline.at)
    if (left > widest) continue
    if (daysLeftAtLastCheck) {
      const then = daysLeftAtLastCheck(deadline.at)
      let cameDue = false
      for (const days of ladderDays) cameDue ||= days >= left && days < then
      if (!cameDue) continue
    }
    const { fire, skip } = decideRungs(ladderDays, left, recorded(deadline))
    for (const rungDays of skip) rungs.push({ deadline, rungDays, state: 'skipped' })
    if (fire !== null) rungs.push({ deadline, rungDays: fire, state: 'fire' })
  }
  return rungs
}

export interface HeldReminder {
  id: number
  kind: DeadlineKind
  deadlineAt: number
  rungDays: number
}

const sameDeadline = (held: HeldReminder, deadline: Deadline) => held.kind === deadline.kind && held.deadlineAt === deadline.at

/**
 * A store's held reminders: dropped when their deadline is no longer one the store follows (renewed,
 * archived, out of scope); kept while `holding` (quiet hours, snooze); otherwise released, only the
 * latest rung of each deadline, and none where a newer rung fires now.
 */
export function settleHeld(
  held: readonly HeldReminder[],
  deadlines: readonly Deadline[],
  holding: boolean,
  firing: readonly NewRung[]
): { release: HeldReminder[]; drop: HeldReminder[] } {
  const release: HeldReminder[] = []
  const drop: HeldReminder[] = []
  for (const one of held) {
    const deadline = deadlines.find((d) => sameDeadline(one, d))
    if (!deadline) drop.push(one)
    else if (holding) continue
    else if (
      firing.some((r) => r.state === 'fire' && r.deadline === deadline) ||
      held.some((other) => other !== one && sameDeadline(other, deadline) && other.rungDays < one.rungDays)
    ) {
      drop.push(one)
    } else release.push(one)
  }
  return { release, drop }
}
