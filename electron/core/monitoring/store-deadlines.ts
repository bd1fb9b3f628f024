/**
 * Per-store time facts for a check: each country's calendar, which deadlines a store's reminders
 * follow, and whether its stored status can still be trusted at another instant.
 */
import type { StatusPolicy, StatusVerdict } from '../../shared/status'
import { DAY_MS, localMidnight, timeZoneOf, zoneCalendar } from '../status/calendar'
import type { ZoneCalendar } from '../status/calendar'
import type { StatusFacts } from '../status/status-rules'
import type { ScannedStore } from './portfolio-scan'
import { coveringAuthorization, notifies, reminderDeadlines } from './reminder-ladder'
import type { Deadline } from './reminder-ladder'

export interface CountryCalendar {
  timeZone: string
  days: ZoneCalendar
  /** The policy's release date at local midnight. */
  release: number
}

/** Calendars by country for one policy: built once per country per check. */
export function countryCalendars(policy: StatusPolicy): (country: string) => CountryCalendar {
  const byCountry = new Map<string, CountryCalendar>()
  return (country) => {
    let calendar = byCountry.get(country)
    if (!calendar) {
      const timeZone = timeZoneOf(country)
      calendar = { timeZone, days: zoneCalendar(timeZone), release: localMidnight(policy.releaseDate, timeZone) }
      byCountry.set(country, calendar)
    }
    return calendar
  }
}

export function statusFacts(store: ScannedStore): StatusFacts {
  return { country: store.country, subscription: store.subscription, authorizations: store.authorizations }
}

const isInstant = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value))

/** Refuses records that are not instants (a damaged or hand-edited database) rather than judging them. */
export function assertReadable(store: ScannedStore): void {
  if (store.subscription && !(isInstant(store.subscription.startAt) && isInstant(store.subscription.endAt))) {
    throw new Error('its subscription dates are not readable')
  }
  if (!store.authorizations.every((a) => typeof a.authorizedAt === 'number' && isInstant(a.refreshDeadlineAt) && isInstant(a.reconnectedAt))) {
    throw new Error('one of its authorizations has unreadable dates')
  }
}

/**
 * The instants at which the rules' answer for a store's records can change: the rules only compare
 * "now" with the release date, the grace end, the subscription start and end, the authorization
 * deadlines and the day each deadline enters the reminder window. A test holds this against the
 * rules.
 */
function verdictBreakpoints(store: ScannedStore, calendar: CountryCalendar, policy: StatusPolicy): number[] {
  const window = policy.reminderWindowDays
  const points: number[] = []
  const auths = store.authorizations
  const sub = store.subscription
  if (sub === null) points.push(calendar.release)
  else {
    // The start only matters while the latest authorization predates it (a renewal recorded ahead).
    if (sub.startAt !== null && auths.length > 0 && auths.at(-1)!.authorizedAt < sub.startAt) points.push(sub.startAt)
    if (sub.endAt !== null) points.push(sub.endAt, calendar.days.rungDueAt(sub.endAt, window))
  }
  if (auths.length > 0 && auths[0]!.authorizedAt < calendar.release) points.push(auths[0]!.authorizedAt + policy.graceDays * DAY_MS)
  for (const auth of auths) {
    if (auth.refreshDeadlineAt !== null) points.push(auth.refreshDeadlineAt, calendar.days.rungDueAt(auth.refreshDeadlineAt, window))
  }
  return points
}

/** Whether the rules could answer differently at `a` and at `b` for the same records. */
export function verdictMayDiffer(store: ScannedStore, calendar: CountryCalendar, policy: StatusPolicy, a: number, b: number): boolean {
  const lo = Math.min(a, b)
  const hi = Math.max(a, b)
  return lo !== hi && verdictBreakpoints(store, calendar, policy).some((point) => lo < point && point <= hi)
}

/**
 * The first instant after `now` when a check could find something new for the store — its verdict
 * changing or a reminder rung coming due — as long as its records stay the same (Infinity: never).
 */
export function nextEventAfter(
  store: ScannedStore,
  calendar: CountryCalendar,
  policy: StatusPolicy,
  deadlines: readonly Deadline[],
  ladderDays: readonly number[],
  now: number
): number {
  let next = Infinity
  for (const point of verdictBreakpoints(store, calendar, policy)) if (point > now && point < next) next = point
  for (const deadline of deadlines) {
    for (const days of ladderDays) {
      const due = calendar.days.rungDueAt(deadline.at, days)
      if (due > now && due < next) next = due
    }
  }
  return next
}

/** The deadlines a store's reminders follow now; none for stores that never notify. */
export function storeDeadlines(store: ScannedStore, verdict: Pick<StatusVerdict, 'status' | 'deadline' | 'deadlineKind'>, now: number): Deadline[] {
  if (!notifies(store.archived, verdict.status)) return []
  return reminderDeadlines({
    subscriptionEnd: store.subscription?.endAt ?? null,
    verdictDeadline: verdict.deadline,
    verdictKind: verdict.deadlineKind,
    authorizationDeadline: coveringAuthorization(store.subscription, store.authorizations, now)?.refreshDeadlineAt ?? null
  })
}
