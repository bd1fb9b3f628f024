/**
 * The status rules (DESIGN.md §1 and §3): pure functions of a store's records, the policy and an
 * instant. Nothing here reads a clock or a database.
 *
 * Deadlines are exclusive: at the exact end instant the thing has lapsed.
 */
import { countryInfo } from '../../shared/countries'
import type { DeadlineKind, NextAction, StatusPolicy, StatusVerdict } from '../../shared/status'
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

const SUBSCRIBE: NextAction = { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 }
const SUBSCRIBE_NEW: NextAction = { ...SUBSCRIBE, playbook: 'connect-new-store' }
const RECORD_DATES: NextAction = { label: 'Record the Start and End Time from Order Confirmation', playbook: 'renew-and-reauthorize', step: 2 }
const AUTHORIZE: NextAction = { label: 'Have the seller click “Use Service” and authorize', playbook: 'renew-and-reauthorize', step: 4 }
const AUTHORIZE_NEW: NextAction = { label: 'Have the seller authorize the app', playbook: 'connect-new-store', step: 6 }
const RECONNECT: NextAction = { label: 'Reconnect the store in the OMS', playbook: 'renew-and-reauthorize', step: 7 }

function verdict(
  status: StatusVerdict['status'],
  reason: string,
  nextAction: NextAction | null,
  deadline: number | null = null,
  deadlineKind: DeadlineKind | null = null
): StatusVerdict {
  return { status, reason, deadline, deadlineKind, nextAction }
}

export function evaluateStatus(facts: StatusFacts, policy: StatusPolicy, now: number): StatusVerdict {
  const { country } = facts
  const zone = timeZoneOf(country)
  const at = (instant: number) => `${formatLocal(instant, zone)} (${country} time)`
  const on = (instant: number) => formatLocalDate(instant, zone)
  const name = countryInfo(country).name

  if (!policy.coveredCountries.includes(country)) {
    return verdict('out-of-scope', `${name} is outside Lazada’s Service Market rule, which covers ${policy.coveredCountries.join(', ')}.`, null)
  }
  if (policy.notPublishedCountries.includes(country)) {
    return verdict(
      'app-not-published',
      `The app is not published on ${name}’s Service Market, so Lazada refuses to authorize it there.`,
      { label: `Ask the integrator to publish the app in ${name}`, playbook: 'renew-and-reauthorize', step: null }
    )
  }

  const auths = [...facts.authorizations].sort((a, b) => a.authorizedAt - b.authorizedAt)
  const first = auths[0]
  const latest = auths.at(-1)
  const release = localMidnight(policy.releaseDate, zone)
  const subscription = facts.subscription

  if (!subscription) {
    if (now < release) return authorizationVerdict(latest, null, now, policy, zone, at, on, true)
    if (first && first.authorizedAt < release) {
      const graceEnd = first.authorizedAt + policy.graceDays * DAY_MS
      if (now < graceEnd) {
        return verdict(
          'legacy-grace',
          `First authorized on ${on(first.authorizedAt)}, before Lazada’s Service Market rule: it keeps working until ${at(graceEnd)}, then needs a subscription.`,
          SUBSCRIBE,
          graceEnd,
          'grace-end'
        )
      }
      return verdict(
        'needs-subscription',
        `The ${policy.graceDays}-day grace after the first authorization (${on(first.authorizedAt)}) ended ${at(graceEnd)}: authorizing now needs a Service Market order.`,
        SUBSCRIBE,
        graceEnd,
        'grace-end'
      )
    }
    return verdict(
      'needs-subscription',
      latest
        ? `No Service Market subscription is on record, and since ${on(release)} authorization needs one.`
        : `Never authorized: since ${on(release)} Lazada sends the seller to Service Market to order the app first.`,
      latest ? SUBSCRIBE : SUBSCRIBE_NEW
    )
  }

  if (subscription.endAt === null) {
    return verdict('unknown', 'The subscription’s End Time is missing: read it off Lazada’s Order Confirmation page.', RECORD_DATES)
  }
  if (now >= subscription.endAt) {
    return verdict('expired', `The subscription ended ${at(subscription.endAt)}: orders no longer sync.`, SUBSCRIBE, subscription.endAt, 'subscription-end')
  }
  if (!latest) {
    return verdict('needs-authorization', 'Subscribed, but the seller has not authorized the app yet.', AUTHORIZE)
  }
  if (subscription.startAt === null) {
    return verdict(
      'unknown',
      'The subscription’s Start Time is missing, so Storewatch cannot tell whether the latest authorization covers it.',
      RECORD_DATES
    )
  }
  const covering = auths.filter((a) => a.authorizedAt >= subscription.startAt!).at(-1)
  if (!covering) {
    return verdict(
      'needs-authorization',
      `Last authorized on ${on(latest.authorizedAt)}, before the current subscription started (${at(subscription.startAt)}): the seller must authorize again.`,
      AUTHORIZE
    )
  }
  return authorizationVerdict(covering, subscription.endAt, now, policy, zone, at, on, false)
}

/** Status once the subscription question is settled: authorization, reconnect, then the deadlines. */
function authorizationVerdict(
  auth: AuthorizationFacts | undefined,
  subscriptionEnd: number | null,
  now: number,
  policy: StatusPolicy,
  zone: string,
  at: (instant: number) => string,
  on: (instant: number) => string,
  beforeRelease: boolean
): StatusVerdict {
  if (!auth) return verdict('needs-authorization', 'The seller has not authorized the app yet.', AUTHORIZE_NEW)
  if (auth.refreshDeadlineAt !== null && now >= auth.refreshDeadlineAt) {
    return verdict(
      'needs-authorization',
      `The authorization of ${on(auth.authorizedAt)} lapsed ${at(auth.refreshDeadlineAt)}.`,
      beforeRelease ? AUTHORIZE_NEW : AUTHORIZE,
      auth.refreshDeadlineAt,
      'authorization-deadline'
    )
  }
  if (auth.reconnectedAt === null) {
    return verdict('needs-reconnect', `Authorized on ${on(auth.authorizedAt)}; the store has not been reconnected in the OMS yet.`, RECONNECT)
  }

  // The nearer of the two deadlines is the one that matters.
  const useAuth = auth.refreshDeadlineAt !== null && (subscriptionEnd === null || auth.refreshDeadlineAt < subscriptionEnd)
  const deadline = useAuth ? auth.refreshDeadlineAt : subscriptionEnd
  const kind: DeadlineKind | null = deadline === null ? null : useAuth ? 'authorization-deadline' : 'subscription-end'
  if (deadline !== null && daysLeft(deadline, now, zone) <= policy.reminderWindowDays) {
    return kind === 'subscription-end'
      ? verdict('expiring', `The subscription ends ${at(deadline)}: renew it before then.`, SUBSCRIBE, deadline, kind)
      : verdict(
          'expiring',
          `The authorization lapses ${at(deadline)}: the seller must authorize again before then.`,
          beforeRelease ? AUTHORIZE_NEW : AUTHORIZE,
          deadline,
          kind
        )
  }
  const until = subscriptionEnd !== null ? `Subscribed until ${at(subscriptionEnd)}` : 'Authorized before Lazada’s Service Market rule'
  return verdict('healthy', `${until}; authorized on ${on(auth.authorizedAt)} and reconnected.`, null, deadline, kind)
}
