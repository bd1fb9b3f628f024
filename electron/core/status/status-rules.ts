/**
 * The status rules (DESIGN.md §1 and §3): pure functions of a store's records, the policy and an
 * instant. Nothing here reads a clock or a database.
 *
 * Deadlines are exclusive: at the exact end instant the thing has lapsed.
 */
import { countryInfo } from '../../shared/countries'
import { isPublishedIn } from '../../shared/status'
import type { DeadlineKind, NextAction, Playbook, RulesPolicy, StatusPolicy, StatusVerdict } from '../../shared/status'
import { DAY_MS, daysLeft, formatLocal, formatLocalDate, localMidnight, timeZoneOf } from './calendar'

export interface AuthorizationFacts {
  authorizedAt: number
  refreshDeadlineAt: number | null
  reconnectedAt: number | null
}

export interface StatusFacts {
  country: string
  subscription: { startAt: number | null; endAt: number | null } | null
  authorizations: readonly AuthorizationFacts[]
}

type ActionKind = 'subscribe' | 'record-dates' | 'authorize' | 'authorize-directly' | 'reconnect'

/**
 * A store that was never reconnected in the OMS is still being connected: it follows the
 * "connect a new store" checklist, whose steps match the renewal's but for the last one.
 */
function action(kind: ActionKind, playbook: Playbook): NextAction {
  switch (kind) {
    case 'subscribe':
      return { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook, step: 1 }
    case 'record-dates':
      return { label: 'Record the Start and End Time from Order Confirmation', playbook, step: 2 }
    case 'authorize':
      return { label: 'Have the seller click “Use Service” and authorize', playbook, step: 4 }
    case 'authorize-directly':
      return { label: 'Have the seller authorize the app', playbook, step: 6 }
    case 'reconnect':
      return playbook === 'connect-new-store'
        ? { label: 'Connect the new store in the OMS', playbook, step: 7 }
        : { label: 'Reconnect the store in the OMS', playbook, step: 7 }
  }
}

function verdict(
  status: StatusVerdict['status'],
  reason: string,
  nextAction: NextAction | null,
  deadline: number | null = null,
  deadlineKind: DeadlineKind | null = null
): StatusVerdict {
  return { status, reason, deadline, deadlineKind, nextAction }
}

export function evaluateStatus(facts: StatusFacts, policy: RulesPolicy, now: number): StatusVerdict {
  const { country } = facts
  const zone = timeZoneOf(country)
  const zoneLabel = countryInfo(country).timeZone ? `${country} time` : 'UTC'
  const at = (instant: number) => `${formatLocal(instant, zone)} (${zoneLabel})`
  const on = (instant: number) => formatLocalDate(instant, zone)
  const name = countryInfo(country).name

  if (!policy.coveredCountries.includes(country)) {
    return verdict('out-of-scope', `${name} is outside Lazada’s Service Market rule, which covers ${policy.coveredCountries.join(', ')}.`, null)
  }
  if (!isPublishedIn(country, policy.publishedCountries)) {
    return verdict(
      'app-not-published',
      `The app is not published on ${name}’s Service Market, so Lazada refuses to authorize it there.`,
      { label: `Ask the integrator to publish the app in ${name}`, playbook: 'renew-and-reauthorize', step: null }
    )
  }

  const auths = [...facts.authorizations].sort((a, b) => a.authorizedAt - b.authorizedAt)
  const first = auths[0]
  const latest = auths.at(-1)
  const playbook: Playbook = auths.some((a) => a.reconnectedAt !== null) ? 'renew-and-reauthorize' : 'connect-new-store'
  const release = localMidnight(policy.releaseDate, zone)
  const subscription = facts.subscription

  if (!subscription) {
    // FAQ 1b: a seller first authorized before the release keeps working for the grace days
    // after that first authorization, and then needs an order — whatever the release date is.
    if (first && first.authorizedAt < release) {
      const graceEnd = first.authorizedAt + policy.graceDays * DAY_MS
      if (now < graceEnd) {
        return verdict(
          'legacy-grace',
          `First authorized on ${on(first.authorizedAt)}, before Lazada’s Service Market rule: it keeps working until ${at(graceEnd)}, then needs a subscription.`,
          action('subscribe', playbook),
          graceEnd,
          'grace-end'
        )
      }
      return verdict(
        'needs-subscription',
        `The ${policy.graceDays}-day grace after the first authorization (${on(first.authorizedAt)}) ended ${at(graceEnd)}: authorizing now needs a Service Market order.`,
        action('subscribe', playbook),
        graceEnd,
        'grace-end'
      )
    }
    // Before the release nobody needed an order: the seller authorizes directly.
    if (now < release) return authorizationVerdict(latest, null, { now, policy, zone, at, on, playbook, beforeRelease: true })
    return verdict(
      'needs-subscription',
      latest
        ? `No Service Market subscription is on record, and since ${on(release)} authorization needs one.`
        : `Never authorized: since ${on(release)} Lazada sends the seller to Service Market to order the app first.`,
      action('subscribe', playbook)
    )
  }

  const end = subscription.endAt
  if (end === null) {
    return verdict('unknown', 'The subscription’s End Time is missing: read it off Lazada’s Order Confirmation page.', action('record-dates', playbook))
  }
  if (now >= end) {
    return verdict('expired', `The subscription ended ${at(end)}: orders no longer sync.`, action('subscribe', playbook), end, 'subscription-end')
  }
  if (!latest) {
    return verdict('needs-authorization', 'Subscribed, but the seller has not authorized the app yet.', action('authorize', playbook), end, 'subscription-end')
  }
  const start = subscription.startAt
  if (start === null) {
    return verdict(
      'unknown',
      'The subscription’s Start Time is missing, so Storewatch cannot tell whether the latest authorization covers it.',
      action('record-dates', playbook),
      end,
      'subscription-end'
    )
  }
  // A renewal recorded ahead of its start leaves the current authorization in force until then.
  const covering = start > now ? latest : auths.filter((a) => a.authorizedAt >= start).at(-1)
  if (!covering) {
    return verdict(
      'needs-authorization',
      `Last authorized on ${on(latest.authorizedAt)}, before the current subscription started (${at(start)}): the seller must authorize again.`,
      action('authorize', playbook),
      end,
      'subscription-end'
    )
  }
  return authorizationVerdict(covering, end, { now, policy, zone, at, on, playbook, beforeRelease: false })
}

interface VerdictContext {
  now: number
  policy: StatusPolicy
  zone: string
  at: (instant: number) => string
  on: (instant: number) => string
  playbook: Playbook
  /** Before the release sellers authorize directly, not through Service Market's "Use Service". */
  beforeRelease: boolean
}

/** Status once the subscription question is settled: authorization, reconnect, then the deadlines. */
function authorizationVerdict(auth: AuthorizationFacts | undefined, subscriptionEnd: number | null, context: VerdictContext): StatusVerdict {
  const { now, policy, zone, at, on, playbook, beforeRelease } = context
  const authorize = action(beforeRelease ? 'authorize-directly' : 'authorize', playbook)
  if (!auth) {
    const endKind: DeadlineKind | null = subscriptionEnd === null ? null : 'subscription-end'
    return verdict('needs-authorization', 'The seller has not authorized the app yet.', authorize, subscriptionEnd, endKind)
  }
  if (auth.refreshDeadlineAt !== null && now >= auth.refreshDeadlineAt) {
    return verdict(
      'needs-authorization',
      `The authorization of ${on(auth.authorizedAt)} lapsed ${at(auth.refreshDeadlineAt)}.`,
      authorize,
      auth.refreshDeadlineAt,
      'authorization-deadline'
    )
  }

  // The nearer of the two deadlines is the one that matters.
  const useAuth = auth.refreshDeadlineAt !== null && (subscriptionEnd === null || auth.refreshDeadlineAt < subscriptionEnd)
  const deadline = useAuth ? auth.refreshDeadlineAt : subscriptionEnd
  const kind: DeadlineKind | null = deadline === null ? null : useAuth ? 'authorization-deadline' : 'subscription-end'

  if (auth.reconnectedAt === null) {
    return verdict(
      'needs-reconnect',
      `Authorized on ${on(auth.authorizedAt)}; the store has not been ${playbook === 'connect-new-store' ? 'connected' : 'reconnected'} in the OMS yet.`,
      action('reconnect', playbook),
      deadline,
      kind
    )
  }
  if (deadline !== null && daysLeft(deadline, now, zone) <= policy.reminderWindowDays) {
    return kind === 'subscription-end'
      ? verdict('expiring', `The subscription ends ${at(deadline)}: renew it before then.`, action('subscribe', playbook), deadline, kind)
      : verdict('expiring', `The authorization lapses ${at(deadline)}: the seller must authorize again before then.`, authorize, deadline, kind)
  }
  const until = subscriptionEnd !== null ? `Subscribed until ${at(subscriptionEnd)}` : 'Authorized before Lazada’s Service Market rule'
  return verdict('healthy', `${until}; authorized on ${on(auth.authorizedAt)} and reconnected.`, null, deadline, kind)
}
