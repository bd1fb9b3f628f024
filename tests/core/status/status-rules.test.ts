/**
 * The status rules (electron/core/status/status-rules.ts): the guide's own cases, then one table per
 * concern — every status, every deadline boundary, time zones, missing dates, several authorizations,
 * a renewal recorded ahead of its start, the checklist a store follows (connect vs renew), policy
 * variations and the policy schema's release date.
 *
 * Instants are written with explicit UTC offsets (Date.parse, not luxon) so that the expectations do
 * not come from the calendar code under test: Singapore, Malaysia and Manila are UTC+8; Jakarta,
 * Bangkok and Ho Chi Minh City are UTC+7; none observes daylight saving time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { evaluateStatus } from '../../../electron/core/status/status-rules'
import type { AuthorizationFacts, StatusFacts } from '../../../electron/core/status/status-rules'
import { COVERED_COUNTRIES } from '../../../electron/shared/countries'
import { DEFAULT_RULES_POLICY, DEFAULT_STATUS_POLICY, STORE_STATUSES, statusPolicySchema } from '../../../electron/shared/status'
import type { DeadlineKind, Playbook, RulesPolicy, StatusVerdict, StoreStatus } from '../../../electron/shared/status'

const DAY = 24 * 60 * 60 * 1000
const OFFSET: Record<string, string> = { SG: '+08:00', MY: '+08:00', PH: '+08:00', TH: '+07:00', VN: '+07:00', ID: '+07:00', KR: 'Z' }
/** An instant written as the wall-clock time in a country: at('ID', '2026-03-15T00:00'). */
const at = (country: string, local: string) => Date.parse(`${local}${OFFSET[country]}`)
const sg = (local: string) => at('SG', local)
const utc = (iso: string) => Date.parse(`${iso}Z`)
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString())

function auth(authorizedAt: number, more: Partial<Omit<AuthorizationFacts, 'authorizedAt'>> = {}): AuthorizationFacts {
  return { authorizedAt, refreshDeadlineAt: null, reconnectedAt: authorizedAt + 60 * 60 * 1000, ...more }
}
const notReconnected = (authorizedAt: number, more: Partial<Omit<AuthorizationFacts, 'authorizedAt'>> = {}) =>
  auth(authorizedAt, { reconnectedAt: null, ...more })

function store(facts: Partial<StatusFacts> = {}): StatusFacts {
  return { country: 'SG', subscription: null, authorizations: [], ...facts }
}

function policy(changes: Partial<RulesPolicy> = {}): RulesPolicy {
  return { ...DEFAULT_RULES_POLICY, ...changes }
}

/** Published countries as Settings → Integrator holds them: every covered country but these unticked. */
function allBut(...unticked: string[]): string[] {
  return COVERED_COUNTRIES.filter((c) => !unticked.includes(c))
}

interface Expected {
  status: StoreStatus
  deadline: number | null
  deadlineKind: DeadlineKind | null
  /** [playbook, step] of the next action, or null for none. */
  action: [Playbook, number | null] | null
  /** Fragments the reason must contain, e.g. the deadline in the store's country time. */
  reason: string[]
  /** Fragments the reason must not contain (e.g. the UTC date where it differs from the local one). */
  notInReason?: string[]
}

interface Case {
  name: string
  facts: StatusFacts
  now: number
  policy?: RulesPolicy
  expected: Expected
}

/** What the label of each checklist step must say; step 7 differs between the two checklists. */
function actionLabel(playbook: Playbook, step: number | null): RegExp {
  switch (step) {
    case null:
      return /^Ask the integrator to publish the app in /
    case 1:
      return /^Order “Authorization Only” for “Half a year” on Service Market$/
    case 2:
      return /^Record the Start and End Time from Order Confirmation$/
    case 4:
      return /^Have the seller click “Use Service” and authorize$/
    case 6:
      return /^Have the seller authorize the app$/
    case 7:
      return playbook === 'connect-new-store' ? /^Connect the new store in the OMS$/ : /^Reconnect the store in the OMS$/
    default:
      throw new Error(`No next action is expected to point at step ${step}`)
  }
}

function expectVerdict(verdict: StatusVerdict, expected: Expected): void {
  expect({
    status: verdict.status,
    deadline: iso(verdict.deadline),
    deadlineKind: verdict.deadlineKind,
    action: verdict.nextAction && [verdict.nextAction.playbook, verdict.nextAction.step]
  }).toEqual({
    status: expected.status,
    deadline: iso(expected.deadline),
    deadlineKind: expected.deadlineKind,
    action: expected.action
  })
  if (verdict.nextAction) {
    const { playbook, step, label } = verdict.nextAction
    expect(label).toMatch(actionLabel(playbook, step))
  }
  expect(verdict.reason.trim()).not.toBe('')
  for (const part of expected.reason) expect(verdict.reason).toContain(part)
  for (const part of expected.notInReason ?? []) expect(verdict.reason).not.toContain(part)
}

const runCase = ({ facts, now, policy: p = DEFAULT_RULES_POLICY, expected }: Case) => expectVerdict(evaluateStatus(facts, p, now), expected)

// Next actions, as [playbook, checklist step] (DESIGN.md §2). A store never reconnected in the OMS is
// still being connected and follows `connect-new-store`; once any authorization was reconnected it
// follows `renew-and-reauthorize`.
const SUBSCRIBE: [Playbook, number] = ['renew-and-reauthorize', 1]
const SUBSCRIBE_NEW: [Playbook, number] = ['connect-new-store', 1]
const RECORD_DATES: [Playbook, number] = ['renew-and-reauthorize', 2]
const RECORD_DATES_NEW: [Playbook, number] = ['connect-new-store', 2]
const AUTHORIZE: [Playbook, number] = ['renew-and-reauthorize', 4]
const AUTHORIZE_NEW: [Playbook, number] = ['connect-new-store', 4]
/** Before the release a never-authorized seller authorizes directly (no Service Market order). */
const AUTHORIZE_DIRECTLY: [Playbook, number] = ['connect-new-store', 6]
const RECONNECT: [Playbook, number] = ['renew-and-reauthorize', 7]
const CONNECT: [Playbook, number] = ['connect-new-store', 7]

// A Singapore store in 2026: subscribed 10 Jan – 10 Jul 2026 (09:00 SG), authorized 11 Jan 00:30 SG —
// still 10 January in UTC, so a reason showing "11 Jan" shows the store's own date.
const START = sg('2026-01-10T09:00')
const END = sg('2026-07-10T09:00')
const AUTHORIZED = sg('2026-01-11T00:30')
const NOW = sg('2026-03-01T12:00')
const subscription = { startAt: START, endAt: END }
const healthyStore = (more: Partial<StatusFacts> = {}) => store({ subscription, authorizations: [auth(AUTHORIZED)], ...more })

afterEach(() => {
  vi.useRealTimers()
})

describe('the guide’s own cases', () => {
  it.each(COVERED_COUNTRIES.map((country) => [country]))(
    'FAQ 1a: a %s seller who never authorized and tries on 1 March 2024 is sent to Service Market to order first',
    (country) => {
      const verdict = evaluateStatus(store({ country }), DEFAULT_RULES_POLICY, at(country, '2024-03-01T10:00'))
      expectVerdict(verdict, {
        status: 'needs-subscription',
        deadline: null,
        deadlineKind: null,
        action: SUBSCRIBE_NEW,
        reason: ['Never authorized', '1 Mar 2024']
      })
    }
  )

  it('FAQ 1a: where the app is not published on that country’s Service Market, authorization is refused', () => {
    const verdict = evaluateStatus(store({ country: 'TH' }), policy({ publishedCountries: allBut('TH') }), at('TH', '2024-03-01T10:00'))
    expectVerdict(verdict, { status: 'app-not-published', deadline: null, deadlineKind: null, action: ['renew-and-reauthorize', null], reason: ['Thailand'] })
  })

  // FAQ 1b: a seller first authorized on 1 January 2024 — before the new flow — keeps working for 30
  // days after that first authorization, then needs a Service Market order. Issue 3 requires this to
  // hold under the default policy, whose release (1 March 2024) comes after the grace has already run
  // out: the grace counts from the first authorization, whatever the release date is.
  describe.each(COVERED_COUNTRIES.map((country) => [country]))('FAQ 1b under the default policy (release 1 March 2024), in %s', (country) => {
    const seller = store({ country, authorizations: [auth(at(country, '2024-01-01T10:00'))] })
    const graceEnd = at(country, '2024-01-31T10:00')

    it('a seller first authorized on 1 January 2024 is fine (legacy grace) on 30 January', () => {
      expectVerdict(evaluateStatus(seller, DEFAULT_RULES_POLICY, at(country, '2024-01-30T12:00')), {
        status: 'legacy-grace',
        deadline: graceEnd,
        deadlineKind: 'grace-end',
        action: SUBSCRIBE,
        reason: ['First authorized on 1 Jan 2024', `until 31 Jan 2024, 10:00 (${country} time)`, 'then needs a subscription']
      })
    })

    it('… and needs a subscription on 1 February, before the release', () => {
      expectVerdict(evaluateStatus(seller, DEFAULT_RULES_POLICY, at(country, '2024-02-01T12:00')), {
        status: 'needs-subscription',
        deadline: graceEnd,
        deadlineKind: 'grace-end',
        action: SUBSCRIBE,
        reason: ['30-day grace', '(1 Jan 2024)', `ended 31 Jan 2024, 10:00 (${country} time)`, 'Service Market order']
      })
    })

    it('… and still on 1 March, when the new flow is released', () => {
      expectVerdict(evaluateStatus(seller, DEFAULT_RULES_POLICY, at(country, '2024-03-01T00:00')), {
        status: 'needs-subscription',
        deadline: graceEnd,
        deadlineKind: 'grace-end',
        action: SUBSCRIBE,
        reason: [`ended 31 Jan 2024, 10:00 (${country} time)`]
      })
    })
  })

  it('FAQ 1b under the default policy: the grace ends 30 × 24 h after the first authorization, exclusive', () => {
    const seller = store({ authorizations: [auth(sg('2024-01-01T10:00'))] })
    const graceEnd = sg('2024-01-31T10:00')
    expect(evaluateStatus(seller, DEFAULT_RULES_POLICY, graceEnd - 1).status).toBe('legacy-grace')
    expect(evaluateStatus(seller, DEFAULT_RULES_POLICY, graceEnd).status).toBe('needs-subscription')
  })

  // The same example with other release dates: the verdict does not move with the release, as long as
  // 1 January 2024 is before it.
  describe.each(['2024-01-02', '2024-01-15', '2024-01-30', '2024-06-01', '2027-01-01'])('FAQ 1b with the new flow released on %s', (releaseDate) => {
    const firstAuthorized = sg('2024-01-01T10:00')
    const seller = store({ authorizations: [auth(firstAuthorized)] })
    const graceEnd = sg('2024-01-31T10:00')

    it('a seller first authorized on 1 January 2024 is fine (legacy grace) on 30 January', () => {
      expectVerdict(evaluateStatus(seller, policy({ releaseDate }), sg('2024-01-30T12:00')), {
        status: 'legacy-grace',
        deadline: graceEnd,
        deadlineKind: 'grace-end',
        action: SUBSCRIBE,
        reason: ['1 Jan 2024', '31 Jan 2024, 10:00 (SG time)']
      })
    })

    it('… and needs a subscription on 1 February', () => {
      expectVerdict(evaluateStatus(seller, policy({ releaseDate }), sg('2024-02-01T12:00')), {
        status: 'needs-subscription',
        deadline: graceEnd,
        deadlineKind: 'grace-end',
        action: SUBSCRIBE,
        reason: ['30-day grace', '1 Jan 2024', '31 Jan 2024, 10:00 (SG time)']
      })
    })
  })

  it('FAQ 1b needs the first authorization before the release: released on 1 January 2024 (SG midnight), 10:00 that day gets no grace', () => {
    const seller = store({ authorizations: [auth(sg('2024-01-01T10:00'))] })
    expectVerdict(evaluateStatus(seller, policy({ releaseDate: '2024-01-01' }), sg('2024-01-30T12:00')), {
      status: 'needs-subscription',
      deadline: null,
      deadlineKind: null,
      action: SUBSCRIBE,
      reason: ['No Service Market subscription', '1 Jan 2024']
    })
  })

  it.each([
    ['with no records', store({ country: 'KR' })],
    ['with an expired subscription and a lapsed authorization', store({ country: 'KR', subscription: { startAt: utc('2025-01-01T00:00'), endAt: utc('2025-07-01T00:00') }, authorizations: [auth(utc('2025-01-02T00:00'), { refreshDeadlineAt: utc('2025-02-01T00:00') })] })],
    ['with missing dates', store({ country: 'KR', subscription: { startAt: null, endAt: null } })]
  ])('FAQ 2: a South Korean store is out of scope, %s', (_name, facts) => {
    expectVerdict(evaluateStatus(facts, DEFAULT_RULES_POLICY, utc('2026-03-01T00:00')), {
      status: 'out-of-scope',
      deadline: null,
      deadlineKind: null,
      action: null,
      reason: ['South Korea', 'SG, MY, TH, PH, VN, ID']
    })
  })

  it('FAQ 3: a subscription expiring 14 days from now is “expiring”', () => {
    const endAt = NOW + 14 * DAY // 15 Mar 2026, 12:00 SG
    expectVerdict(evaluateStatus(healthyStore({ subscription: { startAt: START, endAt } }), DEFAULT_RULES_POLICY, NOW), {
      status: 'expiring',
      deadline: endAt,
      deadlineKind: 'subscription-end',
      action: SUBSCRIBE,
      reason: ['15 Mar 2026, 12:00 (SG time)']
    })
  })

  it('FAQ 3: … and one expiring 15 days from now is healthy', () => {
    const endAt = NOW + 15 * DAY // 16 Mar 2026, 12:00 SG
    expectVerdict(evaluateStatus(healthyStore({ subscription: { startAt: START, endAt } }), DEFAULT_RULES_POLICY, NOW), {
      status: 'healthy',
      deadline: endAt,
      deadlineKind: 'subscription-end',
      action: null,
      reason: ['16 Mar 2026, 12:00 (SG time)']
    })
  })
})

describe('every status', () => {
  const cases: Case[] = [
    {
      name: 'out of scope: a country the rule does not cover (Korea)',
      facts: store({ country: 'KR' }),
      now: NOW,
      expected: { status: 'out-of-scope', deadline: null, deadlineKind: null, action: null, reason: ['South Korea'] }
    },
    {
      name: 'app not published: a covered country listed as not published (Vietnam)',
      facts: healthyStore({ country: 'VN' }),
      now: NOW,
      policy: policy({ publishedCountries: allBut('VN') }),
      expected: { status: 'app-not-published', deadline: null, deadlineKind: null, action: ['renew-and-reauthorize', null], reason: ['Vietnam'] }
    },
    {
      name: 'needs subscription: never authorized, after the release',
      facts: store(),
      now: NOW,
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE_NEW, reason: ['Never authorized', '1 Mar 2024'] }
    },
    {
      name: 'needs subscription: authorized after the release but no subscription on record',
      facts: store({ authorizations: [auth(sg('2025-05-01T10:00'))] }),
      now: NOW,
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE, reason: ['No Service Market subscription', '1 Mar 2024'] }
    },
    {
      name: 'needs subscription: the legacy grace is over',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-04-01T12:00'),
      expected: { status: 'needs-subscription', deadline: sg('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['20 Feb 2024', 'ended 21 Mar 2024, 15:00 (SG time)'] }
    },
    {
      name: 'legacy grace: first authorized before the release, within 30 days of it',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-03-10T12:00'),
      expected: { status: 'legacy-grace', deadline: sg('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['20 Feb 2024', 'until 21 Mar 2024, 15:00 (SG time)'] }
    },
    {
      name: 'expired: the subscription has ended',
      facts: healthyStore(),
      now: sg('2026-07-11T12:00'),
      expected: { status: 'expired', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ended 10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: 'expiring: the subscription ends inside the reminder window',
      facts: healthyStore(),
      now: sg('2026-07-01T12:00'),
      expected: { status: 'expiring', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ends 10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: 'expiring: the authorization lapses inside the reminder window, before the subscription ends',
      facts: healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: sg('2026-03-10T18:00') })] }),
      now: NOW,
      expected: { status: 'expiring', deadline: sg('2026-03-10T18:00'), deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['lapses 10 Mar 2026, 18:00 (SG time)'] }
    },
    {
      name: 'needs authorization: subscribed, never authorized (a new store: the subscription end is the deadline)',
      facts: store({ subscription }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: END, deadlineKind: 'subscription-end', action: AUTHORIZE_NEW, reason: ['Subscribed', 'not authorized'] }
    },
    {
      name: 'needs authorization: the last authorization is older than the current subscription',
      facts: store({ subscription, authorizations: [auth(sg('2025-07-11T00:30'))] }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: END, deadlineKind: 'subscription-end', action: AUTHORIZE, reason: ['11 Jul 2025', '10 Jan 2026, 09:00 (SG time)'], notInReason: ['10 Jul 2025'] }
    },
    {
      name: 'needs authorization: never authorized, before the release (default policy): authorize directly',
      facts: store(),
      now: sg('2024-02-15T12:00'),
      expected: { status: 'needs-authorization', deadline: null, deadlineKind: null, action: AUTHORIZE_DIRECTLY, reason: ['not authorized'] }
    },
    {
      name: 'needs authorization: the covering authorization has lapsed',
      facts: healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: sg('2026-02-10T18:00') })] }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: sg('2026-02-10T18:00'), deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['11 Jan 2026', 'lapsed 10 Feb 2026, 18:00 (SG time)'], notInReason: ['10 Jan 2026'] }
    },
    {
      name: 'needs reconnect: a new store authorized for this subscription, not yet connected in the OMS',
      facts: healthyStore({ authorizations: [notReconnected(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'needs-reconnect', deadline: END, deadlineKind: 'subscription-end', action: CONNECT, reason: ['Authorized on 11 Jan 2026', 'not been connected in the OMS'], notInReason: ['10 Jan 2026', 'reconnected'] }
    },
    {
      name: 'needs reconnect: a store reconnected before, authorized again for this subscription, not reconnected since',
      facts: healthyStore({ authorizations: [auth(sg('2025-07-11T10:00')), notReconnected(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'needs-reconnect', deadline: END, deadlineKind: 'subscription-end', action: RECONNECT, reason: ['Authorized on 11 Jan 2026', 'not been reconnected in the OMS'], notInReason: ['10 Jan 2026'] }
    },
    {
      name: 'healthy: subscribed, authorized for it, reconnected, nothing due within 14 days',
      facts: healthyStore(),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['until 10 Jul 2026, 09:00 (SG time)', 'authorized on 11 Jan 2026'], notInReason: ['10 Jan 2026'] }
    },
    {
      name: 'unknown: the subscription’s End Time is missing',
      facts: store({ subscription: { startAt: START, endAt: null }, authorizations: [auth(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'unknown', deadline: null, deadlineKind: null, action: RECORD_DATES, reason: ['End Time'] }
    },
    {
      name: 'unknown: the subscription’s Start Time is missing and there are authorizations (the known end is the deadline)',
      facts: store({ subscription: { startAt: null, endAt: END }, authorizations: [auth(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'unknown', deadline: END, deadlineKind: 'subscription-end', action: RECORD_DATES, reason: ['Start Time is missing'] }
    }
  ]

  it.each(cases)('$name', runCase)

  it('the table covers every status', () => {
    const statuses = new Set(cases.map((c) => evaluateStatus(c.facts, c.policy ?? DEFAULT_RULES_POLICY, c.now).status))
    expect([...statuses].sort()).toEqual([...STORE_STATUSES].sort())
  })
})

describe('deadlines are exclusive: 1 ms before, at and after the exact instant', () => {
  const GRACE_FIRST = sg('2024-02-20T15:00')
  const GRACE_END = sg('2024-03-21T15:00') // first authorization + 30 days
  const REFRESH = sg('2026-04-01T12:00')
  const withRefresh = healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: REFRESH })] })
  const endExpiring: Expected = { status: 'expiring', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ends 10 Jul 2026, 09:00 (SG time)'] }
  const endExpired: Expected = { status: 'expired', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ended 10 Jul 2026, 09:00 (SG time)'] }
  const inGrace: Expected = { status: 'legacy-grace', deadline: GRACE_END, deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['until 21 Mar 2024, 15:00 (SG time)'] }
  const graceOver: Expected = { status: 'needs-subscription', deadline: GRACE_END, deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['ended 21 Mar 2024, 15:00 (SG time)'] }
  const refreshExpiring: Expected = { status: 'expiring', deadline: REFRESH, deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['lapses 1 Apr 2026, 12:00 (SG time)'] }
  const refreshLapsed: Expected = { status: 'needs-authorization', deadline: REFRESH, deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['lapsed 1 Apr 2026, 12:00 (SG time)'] }

  const cases: Case[] = [
    { name: 'subscription end − 1 ms: still expiring (its last day)', facts: healthyStore(), now: END - 1, expected: endExpiring },
    { name: 'subscription end, exactly: expired', facts: healthyStore(), now: END, expected: endExpired },
    { name: 'subscription end + 1 ms: expired', facts: healthyStore(), now: END + 1, expected: endExpired },
    { name: 'grace end − 1 ms: legacy grace', facts: store({ authorizations: [auth(GRACE_FIRST)] }), now: GRACE_END - 1, expected: inGrace },
    { name: 'grace end, exactly: needs subscription', facts: store({ authorizations: [auth(GRACE_FIRST)] }), now: GRACE_END, expected: graceOver },
    { name: 'grace end + 1 ms: needs subscription', facts: store({ authorizations: [auth(GRACE_FIRST)] }), now: GRACE_END + 1, expected: graceOver },
    { name: 'refresh deadline − 1 ms: expiring', facts: withRefresh, now: REFRESH - 1, expected: refreshExpiring },
    { name: 'refresh deadline, exactly: needs authorization', facts: withRefresh, now: REFRESH, expected: refreshLapsed },
    { name: 'refresh deadline + 1 ms: needs authorization', facts: withRefresh, now: REFRESH + 1, expected: refreshLapsed }
  ]
  it.each(cases)('$name', runCase)

  it('a lapsed authorization on an expired subscription reads as expired (the subscription is the first thing to fix)', () => {
    const facts = healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: END })] })
    expect(evaluateStatus(facts, DEFAULT_RULES_POLICY, END).status).toBe('expired')
  })

  it('a refresh deadline equal to the subscription end counts as the subscription end', () => {
    const facts = healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: END })] })
    expect(evaluateStatus(facts, DEFAULT_RULES_POLICY, END - DAY)).toMatchObject({ status: 'expiring', deadline: END, deadlineKind: 'subscription-end' })
  })

  it.each([
    ['a refresh deadline before the subscription end: the refresh deadline', REFRESH, REFRESH, 'authorization-deadline'],
    ['a refresh deadline equal to the subscription end: the subscription end', END, END, 'subscription-end'],
    ['a refresh deadline after the subscription end: the subscription end', END + 30 * DAY, END, 'subscription-end'],
    ['no refresh deadline known: the subscription end', null, END, 'subscription-end']
  ] as const)('needs reconnect carries the nearer deadline — %s', (_name, refreshDeadlineAt, deadline, deadlineKind) => {
    const facts = healthyStore({ authorizations: [notReconnected(AUTHORIZED, { refreshDeadlineAt })] })
    expectVerdict(evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW), { status: 'needs-reconnect', deadline, deadlineKind, action: CONNECT, reason: ['11 Jan 2026'] })
  })

  it('needs reconnect stays needs reconnect with its deadline inside the reminder window, and turns into needs authorization at the refresh deadline', () => {
    const facts = healthyStore({ authorizations: [notReconnected(AUTHORIZED, { refreshDeadlineAt: REFRESH })] })
    expectVerdict(evaluateStatus(facts, DEFAULT_RULES_POLICY, REFRESH - 1), {
      status: 'needs-reconnect',
      deadline: REFRESH,
      deadlineKind: 'authorization-deadline',
      action: CONNECT,
      reason: ['not been connected']
    })
    expectVerdict(evaluateStatus(facts, DEFAULT_RULES_POLICY, REFRESH), {
      status: 'needs-authorization',
      deadline: REFRESH,
      deadlineKind: 'authorization-deadline',
      action: AUTHORIZE_NEW,
      reason: ['lapsed 1 Apr 2026, 12:00 (SG time)']
    })
  })

  it('the nearer deadline counts: a refresh deadline after the subscription end is not the one shown', () => {
    const facts = healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: END + 30 * DAY })] })
    expect(evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW)).toMatchObject({ status: 'healthy', deadline: END, deadlineKind: 'subscription-end' })
    expect(evaluateStatus(facts, DEFAULT_RULES_POLICY, END - DAY)).toMatchObject({ status: 'expiring', deadline: END, deadlineKind: 'subscription-end' })
  })
})

describe('the release instant (1 March 2024, local midnight in the store’s country)', () => {
  const RELEASE_SG = sg('2024-03-01T00:00')
  const longAgo = sg('2023-06-01T10:00')
  const cases: Case[] = [
    {
      name: 'never authorized, 1 ms before the release: authorize directly (no Service Market yet)',
      facts: store(),
      now: RELEASE_SG - 1,
      expected: { status: 'needs-authorization', deadline: null, deadlineKind: null, action: AUTHORIZE_DIRECTLY, reason: ['not authorized'] }
    },
    {
      name: 'never authorized, at the release: needs a subscription',
      facts: store(),
      now: RELEASE_SG,
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE_NEW, reason: ['1 Mar 2024'] }
    },
    {
      name: 'never authorized, not even on 28 Feb 2024 at 10:00: authorize directly, no deadline yet',
      facts: store(),
      now: sg('2024-02-28T10:00'),
      expected: { status: 'needs-authorization', deadline: null, deadlineKind: null, action: AUTHORIZE_DIRECTLY, reason: ['not authorized'], notInReason: ['Service Market'] }
    },
    // Before the release only a never-authorized store is judged by its authorization state: one first
    // authorized before the release is in its legacy grace, or past it, whatever the date.
    {
      name: 'authorized long before (1 Jun 2023), 1 ms before the release: the grace ran out on 1 Jul 2023, needs a subscription',
      facts: store({ authorizations: [auth(longAgo)] }),
      now: RELEASE_SG - 1,
      expected: { status: 'needs-subscription', deadline: sg('2023-07-01T10:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['1 Jun 2023', 'ended 1 Jul 2023, 10:00 (SG time)'] }
    },
    {
      name: 'authorized long before, never connected in the OMS, 1 ms before the release: needs a subscription, connect checklist',
      facts: store({ authorizations: [notReconnected(longAgo)] }),
      now: RELEASE_SG - 1,
      expected: { status: 'needs-subscription', deadline: sg('2023-07-01T10:00'), deadlineKind: 'grace-end', action: SUBSCRIBE_NEW, reason: ['ended 1 Jul 2023, 10:00 (SG time)'] }
    },
    {
      name: 'authorized long before with a lapsed refresh deadline, 1 ms before the release: the grace decides, not the refresh deadline',
      facts: store({ authorizations: [auth(longAgo, { refreshDeadlineAt: sg('2024-01-15T10:00') })] }),
      now: RELEASE_SG - 1,
      expected: { status: 'needs-subscription', deadline: sg('2023-07-01T10:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['ended 1 Jul 2023, 10:00 (SG time)'], notInReason: ['15 Jan 2024'] }
    },
    {
      name: 'first authorized 20 Feb 2024, on 25 Feb (before the release): legacy grace until 21 Mar',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-02-25T12:00'),
      expected: { status: 'legacy-grace', deadline: sg('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['20 Feb 2024', 'until 21 Mar 2024, 15:00 (SG time)'] }
    },
    {
      name: 'first authorized 20 Feb 2024, never connected, on 25 Feb: legacy grace, connect checklist',
      facts: store({ authorizations: [notReconnected(sg('2024-02-20T15:00'))] }),
      now: sg('2024-02-25T12:00'),
      expected: { status: 'legacy-grace', deadline: sg('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE_NEW, reason: ['20 Feb 2024'] }
    },
    {
      name: 'authorized long before, at the release: the grace ran out long ago, needs a subscription',
      facts: store({ authorizations: [auth(longAgo)] }),
      now: RELEASE_SG,
      expected: { status: 'needs-subscription', deadline: sg('2023-07-01T10:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['ended 1 Jul 2023, 10:00 (SG time)'] }
    },
    {
      name: 'first authorized 1 ms before the release: legacy grace',
      facts: store({ authorizations: [auth(RELEASE_SG - 1)] }),
      now: RELEASE_SG + DAY,
      expected: { status: 'legacy-grace', deadline: RELEASE_SG - 1 + 30 * DAY, deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['29 Feb 2024', '30 Mar 2024, 23:59 (SG time)'] }
    },
    {
      name: 'first authorized at the release instant: no grace, needs a subscription',
      facts: store({ authorizations: [auth(RELEASE_SG)] }),
      now: RELEASE_SG + DAY,
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE, reason: ['No Service Market subscription'] }
    }
  ]
  it.each(cases)('$name', runCase)

  it('is read in the store’s country: at 2024-02-29T16:30Z it has come in Singapore (00:30) but not in Jakarta (23:30)', () => {
    const now = utc('2024-02-29T16:30')
    expect(evaluateStatus(store({ country: 'SG' }), DEFAULT_RULES_POLICY, now).status).toBe('needs-subscription')
    expect(evaluateStatus(store({ country: 'ID' }), DEFAULT_RULES_POLICY, now).status).toBe('needs-authorization')
  })

  it('is read in the store’s country for the first authorization too: at 2024-02-29T16:30Z, before it in Jakarta (grace), at it in Manila (no grace)', () => {
    const authorizations = [auth(utc('2024-02-29T16:30'))]
    const now = utc('2024-03-05T00:00')
    expectVerdict(evaluateStatus(store({ country: 'ID', authorizations }), DEFAULT_RULES_POLICY, now), {
      status: 'legacy-grace',
      deadline: utc('2024-03-30T16:30'),
      deadlineKind: 'grace-end',
      action: SUBSCRIBE,
      reason: ['First authorized on 29 Feb 2024', 'until 30 Mar 2024, 23:30 (ID time)']
    })
    expectVerdict(evaluateStatus(store({ country: 'PH', authorizations }), DEFAULT_RULES_POLICY, now), {
      status: 'needs-subscription',
      deadline: null,
      deadlineKind: null,
      action: SUBSCRIBE,
      reason: ['No Service Market subscription', '1 Mar 2024']
    })
  })
})

describe('the reminder window counts calendar days from today’s date to the deadline’s date, in the store’s country', () => {
  // The user’s example (DESIGN.md §6): an End Time of 11 Dec 00:00 has 14 days left on 27 Nov.
  const MIDNIGHT_END = sg('2026-12-11T00:00')
  const midnightStore = healthyStore({ subscription: { startAt: sg('2026-06-11T00:00'), endAt: MIDNIGHT_END }, authorizations: [auth(sg('2026-06-11T10:00'))] })
  const REFRESH = sg('2026-04-01T12:00')
  const refreshStore = healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: REFRESH })] })
  const cases: Case[] = [
    {
      name: '10 Jul 09:00 end, 15 days before its date (25 Jun 23:59:59.999): healthy',
      facts: healthyStore(),
      now: sg('2026-06-25T23:59:59.999'),
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: '10 Jul 09:00 end, 14 days before its date (26 Jun 00:00): expiring',
      facts: healthyStore(),
      now: sg('2026-06-26T00:00'),
      expected: { status: 'expiring', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: '11 Dec 00:00 end, 26 Nov 23:59:59.999 (15 days left): healthy',
      facts: midnightStore,
      now: sg('2026-11-26T23:59:59.999'),
      expected: { status: 'healthy', deadline: MIDNIGHT_END, deadlineKind: 'subscription-end', action: null, reason: ['11 Dec 2026, 00:00 (SG time)'] }
    },
    {
      name: '11 Dec 00:00 end, 27 Nov 00:00 (14 days left): expiring',
      facts: midnightStore,
      now: sg('2026-11-27T00:00'),
      expected: { status: 'expiring', deadline: MIDNIGHT_END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['11 Dec 2026, 00:00 (SG time)'] }
    },
    {
      name: '11 Dec 00:00 end, 10 Dec 23:59:59.999 (1 day left): still expiring',
      facts: midnightStore,
      now: MIDNIGHT_END - 1,
      expected: { status: 'expiring', deadline: MIDNIGHT_END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['11 Dec 2026, 00:00 (SG time)'] }
    },
    {
      name: '11 Dec 00:00 end, at 11 Dec 00:00: expired',
      facts: midnightStore,
      now: MIDNIGHT_END,
      expected: { status: 'expired', deadline: MIDNIGHT_END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ended 11 Dec 2026, 00:00 (SG time)'] }
    },
    {
      name: '1 Apr 12:00 refresh deadline, 17 Mar 23:59:59.999: healthy, the refresh deadline is the next one',
      facts: refreshStore,
      now: sg('2026-03-17T23:59:59.999'),
      expected: { status: 'healthy', deadline: REFRESH, deadlineKind: 'authorization-deadline', action: null, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: '1 Apr 12:00 refresh deadline, 18 Mar 00:00: expiring',
      facts: refreshStore,
      now: sg('2026-03-18T00:00'),
      expected: { status: 'expiring', deadline: REFRESH, deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['1 Apr 2026, 12:00 (SG time)'] }
    }
  ]
  it.each(cases)('$name', runCase)
})

describe('Jakarta (UTC+7) vs Manila (UTC+8)', () => {
  const jakarta = (facts: Partial<StatusFacts>) => store({ country: 'ID', ...facts })
  const manila = (facts: Partial<StatusFacts>) => store({ country: 'PH', ...facts })
  const subscribedUntil = (endAt: number) => ({
    subscription: { startAt: utc('2026-01-10T03:00'), endAt },
    authorizations: [auth(utc('2026-01-10T04:00'))]
  })

  // One instant, 2026-03-14T17:00Z: 15 March 00:00 in Jakarta, 15 March 01:00 in Manila.
  const SAME_END = utc('2026-03-14T17:00')
  // The same local deadline, 15 March 00:00, is two instants an hour apart.
  const ID_MIDNIGHT = at('ID', '2026-03-15T00:00')
  const PH_MIDNIGHT = at('PH', '2026-03-15T00:00')

  const cases: Case[] = [
    {
      name: 'same end instant, 28 Feb 23:30 WIB: Jakarta has 15 days left → healthy',
      facts: jakarta(subscribedUntil(SAME_END)),
      now: utc('2026-02-28T16:30'),
      expected: { status: 'healthy', deadline: SAME_END, deadlineKind: 'subscription-end', action: null, reason: ['15 Mar 2026, 00:00 (ID time)'] }
    },
    {
      name: 'same end instant, 1 Mar 00:30 PHT: Manila has 14 days left → expiring',
      facts: manila(subscribedUntil(SAME_END)),
      now: utc('2026-02-28T16:30'),
      expected: { status: 'expiring', deadline: SAME_END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['15 Mar 2026, 01:00 (PH time)'] }
    },
    {
      name: 'midnight 15 Mar in each city, now 14 Mar 23:30 WIB: Jakarta is on its last day → expiring',
      facts: jakarta(subscribedUntil(ID_MIDNIGHT)),
      now: utc('2026-03-14T16:30'),
      expected: { status: 'expiring', deadline: ID_MIDNIGHT, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ends 15 Mar 2026, 00:00 (ID time)'] }
    },
    {
      name: 'midnight 15 Mar in each city, the same instant is 15 Mar 00:30 PHT: Manila has expired',
      facts: manila(subscribedUntil(PH_MIDNIGHT)),
      now: utc('2026-03-14T16:30'),
      expected: { status: 'expired', deadline: PH_MIDNIGHT, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ended 15 Mar 2026, 00:00 (PH time)'] }
    },
    {
      name: 'Jakarta’s midnight end, 1 ms before it: still expiring',
      facts: jakarta(subscribedUntil(ID_MIDNIGHT)),
      now: ID_MIDNIGHT - 1,
      expected: { status: 'expiring', deadline: ID_MIDNIGHT, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['15 Mar 2026, 00:00 (ID time)'] }
    },
    {
      name: 'Jakarta’s midnight end, at it: expired',
      facts: jakarta(subscribedUntil(ID_MIDNIGHT)),
      now: ID_MIDNIGHT,
      expected: { status: 'expired', deadline: ID_MIDNIGHT, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['15 Mar 2026, 00:00 (ID time)'] }
    },
    {
      name: 'an authorization at 23:30 on 9 Jan in Jakarta is 00:30 on 10 Jan in Manila: each reason names its own date',
      facts: jakarta({ subscription: { startAt: utc('2026-01-09T10:00'), endAt: utc('2026-07-09T10:00') }, authorizations: [notReconnected(utc('2026-01-09T16:30'))] }),
      now: utc('2026-03-01T00:00'),
      expected: { status: 'needs-reconnect', deadline: utc('2026-07-09T10:00'), deadlineKind: 'subscription-end', action: CONNECT, reason: ['Authorized on 9 Jan 2026', 'connected'], notInReason: ['10 Jan 2026'] }
    },
    {
      name: '… and in Manila',
      facts: manila({ subscription: { startAt: utc('2026-01-09T10:00'), endAt: utc('2026-07-09T10:00') }, authorizations: [notReconnected(utc('2026-01-09T16:30'))] }),
      now: utc('2026-03-01T00:00'),
      expected: { status: 'needs-reconnect', deadline: utc('2026-07-09T10:00'), deadlineKind: 'subscription-end', action: CONNECT, reason: ['Authorized on 10 Jan 2026', 'connected'], notInReason: ['9 Jan 2026'] }
    }
  ]
  it.each(cases)('$name', runCase)
})

describe('missing dates', () => {
  const cases: Case[] = [
    {
      name: 'no End Time, no authorization: unknown (a new store: connect checklist, step 2)',
      facts: store({ subscription: { startAt: START, endAt: null } }),
      now: NOW,
      expected: { status: 'unknown', deadline: null, deadlineKind: null, action: RECORD_DATES_NEW, reason: ['End Time is missing'] }
    },
    {
      name: 'no End Time, long after any plausible end: still unknown, not guessed as expired',
      facts: store({ subscription: { startAt: START, endAt: null }, authorizations: [auth(AUTHORIZED)] }),
      now: sg('2030-01-01T00:00'),
      expected: { status: 'unknown', deadline: null, deadlineKind: null, action: RECORD_DATES, reason: ['End Time'] }
    },
    {
      name: 'neither Start nor End Time, with an authorization: unknown, asking for the End Time first',
      facts: store({ subscription: { startAt: null, endAt: null }, authorizations: [auth(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'unknown', deadline: null, deadlineKind: null, action: RECORD_DATES, reason: ['End Time'] }
    },
    {
      name: 'no Start Time, no authorization: needs authorization (the start is not needed to tell), until the known end',
      facts: store({ subscription: { startAt: null, endAt: END } }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: END, deadlineKind: 'subscription-end', action: AUTHORIZE_NEW, reason: ['not authorized'] }
    },
    {
      name: 'no Start Time, with an authorization: unknown (cannot tell whether it covers the subscription), the known end is the deadline',
      facts: store({ subscription: { startAt: null, endAt: END }, authorizations: [auth(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'unknown', deadline: END, deadlineKind: 'subscription-end', action: RECORD_DATES, reason: ['Start Time'] }
    },
    {
      name: 'no Start Time, with an authorization never connected in the OMS: unknown, connect checklist step 2',
      facts: store({ subscription: { startAt: null, endAt: END }, authorizations: [notReconnected(AUTHORIZED)] }),
      now: NOW,
      expected: { status: 'unknown', deadline: END, deadlineKind: 'subscription-end', action: RECORD_DATES_NEW, reason: ['Start Time'] }
    },
    {
      name: 'no Start Time, inside the reminder window of the known end: still unknown, not expiring',
      facts: store({ subscription: { startAt: null, endAt: END }, authorizations: [auth(AUTHORIZED)] }),
      now: END - DAY,
      expected: { status: 'unknown', deadline: END, deadlineKind: 'subscription-end', action: RECORD_DATES, reason: ['Start Time'] }
    },
    {
      name: 'no Start Time, after the known End Time: expired',
      facts: store({ subscription: { startAt: null, endAt: END }, authorizations: [auth(AUTHORIZED)] }),
      now: END,
      expected: { status: 'expired', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: 'no refresh deadline known: the subscription end is the deadline',
      facts: healthyStore({ authorizations: [auth(AUTHORIZED, { refreshDeadlineAt: null })] }),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    }
  ]
  it.each(cases)('$name', runCase)
})

describe('an authorization older than the current subscription', () => {
  const cases: Case[] = [
    {
      name: 'authorized 1 ms before the subscription started: needs authorization',
      facts: store({ subscription, authorizations: [auth(START - 1)] }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: END, deadlineKind: 'subscription-end', action: AUTHORIZE, reason: ['Last authorized on 10 Jan 2026', 'started (10 Jan 2026, 09:00 (SG time))'] }
    },
    {
      name: 'authorized exactly at the subscription’s start: covered, healthy',
      facts: store({ subscription, authorizations: [auth(START)] }),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['authorized on 10 Jan 2026'] }
    },
    {
      name: 'authorized exactly at the start, not connected: needs reconnect',
      facts: store({ subscription, authorizations: [notReconnected(START)] }),
      now: NOW,
      expected: { status: 'needs-reconnect', deadline: END, deadlineKind: 'subscription-end', action: CONNECT, reason: ['Authorized on 10 Jan 2026', 'not been connected'] }
    },
    {
      name: 'authorized 1 ms before the start, never connected: needs authorization, connect checklist step 4',
      facts: store({ subscription, authorizations: [notReconnected(START - 1)] }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: END, deadlineKind: 'subscription-end', action: AUTHORIZE_NEW, reason: ['Last authorized on 10 Jan 2026'] }
    },
    {
      name: 'a renewal recorded over a reconnected, never-lapsing older authorization, once started: needs authorization again',
      facts: store({ subscription: { startAt: sg('2026-07-10T09:00'), endAt: sg('2027-01-10T09:00') }, authorizations: [auth(AUTHORIZED)] }),
      now: sg('2026-07-12T12:00'),
      expected: { status: 'needs-authorization', deadline: sg('2027-01-10T09:00'), deadlineKind: 'subscription-end', action: AUTHORIZE, reason: ['11 Jan 2026', '10 Jul 2026, 09:00 (SG time)'] }
    }
  ]
  it.each(cases)('$name', runCase)
})

describe('a renewal recorded ahead of its start: the latest authorization stays in force until the start', () => {
  // The current subscription (10 Jan – 10 Jul 2026) is renewed for 10 Jul 2026 – 10 Jan 2027; the store
  // keeps one subscription record, so the renewal replaces it as soon as it is entered.
  const RENEWAL_START = END
  const RENEWAL_END = sg('2027-01-10T09:00')
  const renewal = { startAt: RENEWAL_START, endAt: RENEWAL_END }
  const renewed = (authorizations: AuthorizationFacts[]) => store({ subscription: renewal, authorizations })
  const inForce: Expected = {
    status: 'healthy',
    deadline: RENEWAL_END,
    deadlineKind: 'subscription-end',
    action: null,
    reason: ['until 10 Jan 2027, 09:00 (SG time)', 'authorized on 11 Jan 2026']
  }
  const authorizeAgain: Expected = {
    status: 'needs-authorization',
    deadline: RENEWAL_END,
    deadlineKind: 'subscription-end',
    action: AUTHORIZE,
    reason: ['Last authorized on 11 Jan 2026', 'started (10 Jul 2026, 09:00 (SG time))']
  }
  const cases: Case[] = [
    { name: 'nine days ahead (1 Jul): the January authorization is in force, healthy until the renewal’s end', facts: renewed([auth(AUTHORIZED)]), now: sg('2026-07-01T12:00'), expected: inForce },
    { name: 'start − 1 ms: still in force', facts: renewed([auth(AUTHORIZED)]), now: RENEWAL_START - 1, expected: inForce },
    { name: 'at the start, exactly: needs authorization', facts: renewed([auth(AUTHORIZED)]), now: RENEWAL_START, expected: authorizeAgain },
    { name: 'start + 1 ms: needs authorization', facts: renewed([auth(AUTHORIZED)]), now: RENEWAL_START + 1, expected: authorizeAgain },
    {
      name: 'ahead of the start, the in-force authorization never connected: needs reconnect (connect checklist), until the renewal’s end',
      facts: renewed([notReconnected(AUTHORIZED)]),
      now: sg('2026-07-01T12:00'),
      expected: { status: 'needs-reconnect', deadline: RENEWAL_END, deadlineKind: 'subscription-end', action: CONNECT, reason: ['Authorized on 11 Jan 2026', 'not been connected'] }
    },
    {
      name: 'ahead of the start, the in-force authorization lapses on 8 Jul: expiring on its refresh deadline',
      facts: renewed([auth(AUTHORIZED, { refreshDeadlineAt: sg('2026-07-08T12:00') })]),
      now: sg('2026-07-01T12:00'),
      expected: { status: 'expiring', deadline: sg('2026-07-08T12:00'), deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['lapses 8 Jul 2026, 12:00 (SG time)'] }
    },
    {
      name: 'ahead of the start, the in-force authorization has already lapsed: needs authorization on its refresh deadline',
      facts: renewed([auth(AUTHORIZED, { refreshDeadlineAt: sg('2026-06-30T12:00') })]),
      now: sg('2026-07-01T12:00'),
      expected: { status: 'needs-authorization', deadline: sg('2026-06-30T12:00'), deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['lapsed 30 Jun 2026, 12:00 (SG time)'] }
    },
    {
      name: 'ahead of the start, the latest of several authorizations is the one in force',
      facts: renewed([auth(sg('2026-02-01T10:00')), notReconnected(sg('2026-06-20T10:00')), auth(AUTHORIZED)]),
      now: sg('2026-07-01T12:00'),
      expected: { status: 'needs-reconnect', deadline: RENEWAL_END, deadlineKind: 'subscription-end', action: RECONNECT, reason: ['Authorized on 20 Jun 2026', 'not been reconnected'] }
    },
    {
      name: 'once started, an authorization given between recording the renewal and its start does not cover it',
      facts: renewed([auth(AUTHORIZED), auth(sg('2026-07-05T10:00'))]),
      now: sg('2026-07-12T12:00'),
      expected: { ...authorizeAgain, reason: ['Last authorized on 5 Jul 2026', 'started (10 Jul 2026, 09:00 (SG time))'] }
    },
    {
      name: 'once started, an authorization at or after the start covers it',
      facts: renewed([auth(AUTHORIZED), auth(sg('2026-07-10T10:00'))]),
      now: sg('2026-07-12T12:00'),
      expected: { status: 'healthy', deadline: RENEWAL_END, deadlineKind: 'subscription-end', action: null, reason: ['authorized on 10 Jul 2026'] }
    }
  ]
  it.each(cases)('$name', runCase)
})

describe('the checklist follows the connection: connect-new-store until any authorization was reconnected', () => {
  /** Builds an authorization that was (renew-and-reauthorize) or was never (connect-new-store) reconnected. */
  type Earlier = (authorizedAt: number, more?: Partial<Omit<AuthorizationFacts, 'authorizedAt'>>) => AuthorizationFacts
  interface Situation {
    name: string
    facts: (earlier: Earlier) => StatusFacts
    now: number
    status: StoreStatus
    step: number
    deadline: number | null
    deadlineKind: DeadlineKind | null
    reason: (playbook: Playbook) => string[]
  }
  const OLDER = sg('2025-07-11T10:00')
  const situations: Situation[] = [
    {
      name: 'legacy grace: subscribe',
      facts: (earlier) => store({ authorizations: [earlier(sg('2024-02-20T15:00'))] }),
      now: sg('2024-03-10T12:00'),
      status: 'legacy-grace',
      step: 1,
      deadline: sg('2024-03-21T15:00'),
      deadlineKind: 'grace-end',
      reason: () => ['until 21 Mar 2024, 15:00 (SG time)']
    },
    {
      name: 'grace over: subscribe',
      facts: (earlier) => store({ authorizations: [earlier(sg('2024-01-01T10:00'))] }),
      now: sg('2024-02-01T12:00'),
      status: 'needs-subscription',
      step: 1,
      deadline: sg('2024-01-31T10:00'),
      deadlineKind: 'grace-end',
      reason: () => ['30-day grace']
    },
    {
      name: 'authorized after the release, no subscription: subscribe',
      facts: (earlier) => store({ authorizations: [earlier(sg('2025-05-01T10:00'))] }),
      now: NOW,
      status: 'needs-subscription',
      step: 1,
      deadline: null,
      deadlineKind: null,
      reason: () => ['No Service Market subscription']
    },
    {
      name: 'expired: subscribe',
      facts: (earlier) => store({ subscription, authorizations: [earlier(AUTHORIZED)] }),
      now: END,
      status: 'expired',
      step: 1,
      deadline: END,
      deadlineKind: 'subscription-end',
      reason: () => ['ended 10 Jul 2026, 09:00 (SG time)']
    },
    {
      name: 'End Time missing: record the dates',
      facts: (earlier) => store({ subscription: { startAt: START, endAt: null }, authorizations: [earlier(AUTHORIZED)] }),
      now: NOW,
      status: 'unknown',
      step: 2,
      deadline: null,
      deadlineKind: null,
      reason: () => ['End Time']
    },
    {
      name: 'Start Time missing: record the dates',
      facts: (earlier) => store({ subscription: { startAt: null, endAt: END }, authorizations: [earlier(AUTHORIZED)] }),
      now: NOW,
      status: 'unknown',
      step: 2,
      deadline: END,
      deadlineKind: 'subscription-end',
      reason: () => ['Start Time']
    },
    {
      name: 'authorized before the subscription started: authorize through “Use Service”',
      facts: (earlier) => store({ subscription, authorizations: [earlier(OLDER)] }),
      now: NOW,
      status: 'needs-authorization',
      step: 4,
      deadline: END,
      deadlineKind: 'subscription-end',
      reason: () => ['Last authorized on 11 Jul 2025']
    },
    {
      name: 'the covering authorization lapsed: authorize through “Use Service”',
      facts: (earlier) => store({ subscription, authorizations: [earlier(AUTHORIZED, { refreshDeadlineAt: sg('2026-02-10T18:00') })] }),
      now: NOW,
      status: 'needs-authorization',
      step: 4,
      deadline: sg('2026-02-10T18:00'),
      deadlineKind: 'authorization-deadline',
      reason: () => ['lapsed 10 Feb 2026, 18:00 (SG time)']
    },
    {
      name: 'the covering authorization is not reconnected: connect or reconnect in the OMS',
      facts: (earlier) => store({ subscription, authorizations: [earlier(OLDER), notReconnected(AUTHORIZED)] }),
      now: NOW,
      status: 'needs-reconnect',
      step: 7,
      deadline: END,
      deadlineKind: 'subscription-end',
      reason: (playbook) => [playbook === 'connect-new-store' ? 'has not been connected in the OMS yet' : 'has not been reconnected in the OMS yet']
    }
  ]
  const modes: [Playbook, string, Earlier][] = [
    ['connect-new-store', 'never reconnected', notReconnected],
    ['renew-and-reauthorize', 'reconnected before', auth]
  ]
  const cases = situations.flatMap((situation) => modes.map(([playbook, label, earlier]) => ({ ...situation, playbook, label, earlier })))

  it.each(cases)('$name — $label: $playbook step $step', ({ facts, earlier, now, status, step, deadline, deadlineKind, reason, playbook }) => {
    expectVerdict(evaluateStatus(facts(earlier), DEFAULT_RULES_POLICY, now), { status, deadline, deadlineKind, action: [playbook, step], reason: reason(playbook) })
  })

  it('a reconnect on any earlier authorization switches the store to the renewal checklist, even if the latest was not reconnected', () => {
    const verdict = evaluateStatus(store({ subscription, authorizations: [notReconnected(AUTHORIZED), auth(OLDER)] }), DEFAULT_RULES_POLICY, NOW)
    expect(verdict.nextAction).toEqual({ label: 'Reconnect the store in the OMS', playbook: 'renew-and-reauthorize', step: 7 })
  })

  it('a store never reconnected gets “Connect the new store in the OMS”', () => {
    const verdict = evaluateStatus(store({ subscription, authorizations: [notReconnected(OLDER), notReconnected(AUTHORIZED)] }), DEFAULT_RULES_POLICY, NOW)
    expect(verdict.nextAction).toEqual({ label: 'Connect the new store in the OMS', playbook: 'connect-new-store', step: 7 })
  })
})

describe('several authorizations, in any order', () => {
  const OLD = auth(sg('2025-07-11T10:00')) // before the current subscription
  const EARLY = auth(START + 60 * 60 * 1000) // covering, reconnected
  const LATEST = auth(sg('2026-02-01T10:00')) // covering, reconnected

  function permutations<T>(items: readonly T[]): T[][] {
    if (items.length <= 1) return [[...items]]
    return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
  }

  it.each(permutations([0, 1, 2]).map((order) => [order.join(', ')]))('order [%s] of (old, early, latest): the same verdict', (order) => {
    const all = [OLD, EARLY, LATEST]
    const authorizations = order.split(', ').map((i) => all[Number(i)]!)
    const verdict = evaluateStatus(store({ subscription, authorizations }), DEFAULT_RULES_POLICY, NOW)
    expectVerdict(verdict, { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['authorized on 1 Feb 2026'] })
  })

  const cases: Case[] = [
    {
      name: 'the latest covering one is not reconnected (an earlier one was): needs reconnect',
      facts: store({ subscription, authorizations: [notReconnected(sg('2026-02-01T10:00')), EARLY, OLD] }),
      now: NOW,
      expected: { status: 'needs-reconnect', deadline: END, deadlineKind: 'subscription-end', action: RECONNECT, reason: ['Authorized on 1 Feb 2026', 'not been reconnected'] }
    },
    {
      name: 'the latest covering one has lapsed (an earlier one has not): needs authorization',
      facts: store({ subscription, authorizations: [auth(sg('2026-02-01T10:00'), { refreshDeadlineAt: sg('2026-02-20T10:00') }), EARLY] }),
      now: NOW,
      expected: { status: 'needs-authorization', deadline: sg('2026-02-20T10:00'), deadlineKind: 'authorization-deadline', action: AUTHORIZE, reason: ['1 Feb 2026', 'lapsed 20 Feb 2026, 10:00 (SG time)'] }
    },
    {
      name: 'an earlier covering one lapsed but the latest did not: healthy',
      facts: store({ subscription, authorizations: [LATEST, auth(START + 60 * 60 * 1000, { refreshDeadlineAt: sg('2026-01-20T10:00') })] }),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['authorized on 1 Feb 2026'] }
    },
    {
      name: 'an earlier covering one’s near refresh deadline is ignored: only the latest one’s deadlines count',
      facts: store({ subscription, authorizations: [LATEST, auth(START + 60 * 60 * 1000, { refreshDeadlineAt: sg('2026-03-05T10:00') })] }),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: 'only a newer authorization than the latest covering one would count — a later old-dated entry does not',
      facts: store({ subscription, authorizations: [EARLY, notReconnected(sg('2025-12-01T10:00'))] }),
      now: NOW,
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['authorized on 10 Jan 2026'] }
    },
    {
      name: 'the first authorization decides the grace, even listed last: 1 Jan 2024 → grace over',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00')), auth(sg('2024-01-01T10:00'))] }),
      now: sg('2024-03-05T12:00'),
      expected: { status: 'needs-subscription', deadline: sg('2024-01-31T10:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['1 Jan 2024', '31 Jan 2024, 10:00 (SG time)'] }
    },
    {
      name: 'the first authorization decides the grace: 20 Feb 2024 first → in grace until 21 Mar',
      facts: store({ authorizations: [auth(sg('2024-03-04T15:00')), auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-03-05T12:00'),
      expected: { status: 'legacy-grace', deadline: sg('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['20 Feb 2024', '21 Mar 2024, 15:00 (SG time)'] }
    }
  ]
  it.each(cases)('$name', runCase)

  it('does not reorder or change the caller’s authorizations', () => {
    const authorizations = Object.freeze([LATEST, OLD, EARLY])
    const facts = Object.freeze(store({ subscription: Object.freeze({ ...subscription }), authorizations }))
    expect(() => evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW)).not.toThrow()
    expect(authorizations).toEqual([LATEST, OLD, EARLY])
  })
})

describe('policy variations', () => {
  const cases: Case[] = [
    {
      name: 'a custom covered list without Malaysia: a Malaysian store is out of scope',
      facts: healthyStore({ country: 'MY' }),
      now: NOW,
      policy: policy({ coveredCountries: ['SG', 'TH'] }),
      expected: { status: 'out-of-scope', deadline: null, deadlineKind: null, action: null, reason: ['Malaysia', 'SG, TH'] }
    },
    {
      name: 'a custom covered list: a Singapore store in it is evaluated as usual',
      facts: healthyStore(),
      now: NOW,
      policy: policy({ coveredCountries: ['SG', 'TH'] }),
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: ['10 Jul 2026, 09:00 (SG time)'] }
    },
    {
      name: 'not published but not covered either: out of scope wins',
      facts: store({ country: 'KR' }),
      now: NOW,
      policy: policy({ publishedCountries: [] }),
      expected: { status: 'out-of-scope', deadline: null, deadlineKind: null, action: null, reason: ['South Korea'] }
    },
    {
      name: 'not published in Indonesia: a Singapore store is unaffected',
      facts: healthyStore(),
      now: NOW,
      policy: policy({ publishedCountries: allBut('ID') }),
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: [] }
    },
    {
      name: 'published nowhere: a Vietnamese store reads as not published',
      facts: healthyStore({ country: 'VN' }),
      now: NOW,
      policy: policy({ publishedCountries: [] }),
      expected: { status: 'app-not-published', deadline: null, deadlineKind: null, action: ['renew-and-reauthorize', null], reason: ['Vietnam'] }
    },
    {
      name: 'a covered country beyond the six Service Markets (Korea added) cannot be unpublished: it is judged as usual',
      facts: store({ country: 'KR' }),
      now: NOW,
      policy: policy({ coveredCountries: [...COVERED_COUNTRIES, 'KR'], publishedCountries: [] }),
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE_NEW, reason: ['Never authorized'] }
    },
    {
      name: 'not published: even an expired store reads as not published',
      facts: healthyStore({ country: 'ID' }),
      now: sg('2027-01-01T00:00'),
      policy: policy({ publishedCountries: allBut('ID') }),
      expected: { status: 'app-not-published', deadline: null, deadlineKind: null, action: ['renew-and-reauthorize', null], reason: ['Indonesia'] }
    },
    {
      name: 'grace of 0 days: no legacy grace at all, the grace ended at the first authorization',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-03-05T12:00'),
      policy: policy({ graceDays: 0 }),
      expected: { status: 'needs-subscription', deadline: sg('2024-02-20T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['0-day grace', '20 Feb 2024, 15:00 (SG time)'] }
    },
    {
      name: 'grace of 45 days: legacy grace until 5 Apr 2024',
      facts: store({ authorizations: [auth(sg('2024-02-20T15:00'))] }),
      now: sg('2024-04-01T12:00'),
      policy: policy({ graceDays: 45 }),
      expected: { status: 'legacy-grace', deadline: sg('2024-04-05T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['5 Apr 2024, 15:00 (SG time)'] }
    },
    {
      name: 'reminder window of 7 days: 8 days left is healthy',
      facts: healthyStore(),
      now: sg('2026-07-02T23:59'),
      policy: policy({ reminderWindowDays: 7 }),
      expected: { status: 'healthy', deadline: END, deadlineKind: 'subscription-end', action: null, reason: [] }
    },
    {
      name: 'reminder window of 7 days: 7 days left is expiring',
      facts: healthyStore(),
      now: sg('2026-07-03T00:00'),
      policy: policy({ reminderWindowDays: 7 }),
      expected: { status: 'expiring', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: [] }
    },
    {
      name: 'reminder window of 30 days: 30 days left is expiring',
      facts: healthyStore(),
      now: sg('2026-06-10T00:00'),
      policy: policy({ reminderWindowDays: 30 }),
      expected: { status: 'expiring', deadline: END, deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: [] }
    },
    {
      name: 'release on 15 Jan 2024: a never-authorized seller needs a subscription on 16 Jan',
      facts: store(),
      now: sg('2024-01-16T10:00'),
      policy: policy({ releaseDate: '2024-01-15' }),
      expected: { status: 'needs-subscription', deadline: null, deadlineKind: null, action: SUBSCRIBE_NEW, reason: ['15 Jan 2024'] }
    },
    {
      name: 'release in the future (1 Jan 2027): a never-authorized seller authorizes directly in 2026',
      facts: store(),
      now: NOW,
      policy: policy({ releaseDate: '2027-01-01' }),
      expected: { status: 'needs-authorization', deadline: null, deadlineKind: null, action: AUTHORIZE_DIRECTLY, reason: ['not authorized'] }
    },
    {
      name: 'release in the future: a store with a subscription on record is still judged by it',
      facts: healthyStore({ authorizations: [notReconnected(AUTHORIZED)] }),
      now: NOW,
      policy: policy({ releaseDate: '2027-01-01' }),
      expected: { status: 'needs-reconnect', deadline: END, deadlineKind: 'subscription-end', action: CONNECT, reason: ['11 Jan 2026', 'connected'] }
    },
    {
      name: 'release in the future (1 Jan 2027): a store first authorized 11 Jan 2026, no subscription, on 1 Feb — legacy grace',
      facts: store({ authorizations: [auth(AUTHORIZED)] }),
      now: sg('2026-02-01T12:00'),
      policy: policy({ releaseDate: '2027-01-01' }),
      expected: { status: 'legacy-grace', deadline: AUTHORIZED + 30 * DAY, deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['11 Jan 2026', 'until 10 Feb 2026, 00:30 (SG time)'] }
    },
    {
      name: 'release in the future (1 Jan 2027): … and once the 30 days are over, needs a subscription though the release is still ahead',
      facts: store({ authorizations: [auth(AUTHORIZED)] }),
      now: NOW,
      policy: policy({ releaseDate: '2027-01-01' }),
      expected: { status: 'needs-subscription', deadline: AUTHORIZED + 30 * DAY, deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['30-day grace', 'ended 10 Feb 2026, 00:30 (SG time)'] }
    }
  ]
  it.each(cases)('$name', runCase)

  it('a country added to the covered list (Korea) is evaluated by the rules instead of being out of scope', () => {
    const verdict = evaluateStatus(store({ country: 'KR' }), policy({ coveredCountries: [...DEFAULT_RULES_POLICY.coveredCountries, 'KR'] }), NOW)
    expect(verdict).toMatchObject({ status: 'needs-subscription', nextAction: { playbook: 'connect-new-store', step: 1 } })
  })

  describe('a covered country with no known time zone (Korea added to the list) is read in UTC, and says so', () => {
    const withKorea = policy({ coveredCountries: [...DEFAULT_RULES_POLICY.coveredCountries, 'KR'] })
    const korean = (facts: Partial<StatusFacts>) => store({ country: 'KR', ...facts })
    const koreanSubscription = { startAt: utc('2026-01-10T00:00'), endAt: utc('2026-07-10T00:00') }
    const cases: Case[] = [
      {
        name: 'expired: the end in UTC',
        facts: korean({ subscription: koreanSubscription, authorizations: [auth(utc('2026-01-10T01:00'))] }),
        now: utc('2026-07-10T00:00'),
        policy: withKorea,
        expected: { status: 'expired', deadline: utc('2026-07-10T00:00'), deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ended 10 Jul 2026, 00:00 (UTC)'], notInReason: ['KR time'] }
      },
      {
        name: 'expiring: 14 UTC days before the End Time’s UTC date',
        facts: korean({ subscription: koreanSubscription, authorizations: [auth(utc('2026-01-10T01:00'))] }),
        now: utc('2026-06-26T00:00'),
        policy: withKorea,
        expected: { status: 'expiring', deadline: utc('2026-07-10T00:00'), deadlineKind: 'subscription-end', action: SUBSCRIBE, reason: ['ends 10 Jul 2026, 00:00 (UTC)'], notInReason: ['KR time'] }
      },
      {
        name: 'legacy grace: the grace end in UTC',
        facts: korean({ authorizations: [auth(utc('2024-02-20T15:00'))] }),
        now: utc('2024-03-01T00:00'),
        policy: withKorea,
        expected: { status: 'legacy-grace', deadline: utc('2024-03-21T15:00'), deadlineKind: 'grace-end', action: SUBSCRIBE, reason: ['until 21 Mar 2024, 15:00 (UTC)'], notInReason: ['KR time'] }
      },
      {
        name: 'the release at UTC midnight: never authorized, 1 ms before it, authorizes directly',
        facts: korean({}),
        now: utc('2024-03-01T00:00') - 1,
        policy: withKorea,
        expected: { status: 'needs-authorization', deadline: null, deadlineKind: null, action: AUTHORIZE_DIRECTLY, reason: ['not authorized'] }
      }
    ]
    it.each(cases)('$name', runCase)
  })
})

describe('statusPolicySchema: the release date', () => {
  const withRelease = (releaseDate: string) => statusPolicySchema.safeParse({ ...DEFAULT_STATUS_POLICY, releaseDate })
  const messages = (releaseDate: string) => {
    const result = withRelease(releaseDate)
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  }

  it('accepts the default policy', () => {
    expect(statusPolicySchema.parse(DEFAULT_STATUS_POLICY)).toEqual(DEFAULT_STATUS_POLICY)
  })

  it.each(['2024-03-01', '2024-02-29', '2000-02-29', '2024-12-31', '2027-01-01'])('accepts %s, a real day', (releaseDate) => {
    expect(messages(releaseDate)).toEqual([])
  })

  it.each([
    ['2024-02-30', 'February has no 30th'],
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'no 13th month'],
    ['2024-00-10', 'no month 0'],
    ['2024-03-00', 'no day 0'],
    ['2024-03-32', 'no 32nd']
  ])('rejects %s (%s): “That day does not exist”', (releaseDate) => {
    expect(messages(releaseDate)).toEqual(['releaseDate: That day does not exist'])
  })

  it.each(['2024-3-1', '01/03/2024', '2024-03-01T00:00', ''])('rejects %j as not a date like 2024-03-01', (releaseDate) => {
    expect(messages(releaseDate)[0]).toBe('releaseDate: Use a date like 2024-03-01')
  })
})

describe('purity and scope', () => {
  it('archiving is not the rules’ concern: there is no such fact, and an extra field changes nothing', () => {
    const facts = healthyStore()
    // @ts-expect-error StatusFacts has no `archived`: the portfolio filters archived stores, not the rules.
    const withArchived: StatusFacts = { ...facts, archived: true }
    expect(evaluateStatus(withArchived, DEFAULT_RULES_POLICY, NOW)).toEqual(evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW))
  })

  it('reads no clock: the verdict depends on `now`, not on the system time', () => {
    const facts = healthyStore()
    const before = evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW)
    vi.useFakeTimers()
    vi.setSystemTime(END + 365 * DAY)
    expect(evaluateStatus(facts, DEFAULT_RULES_POLICY, NOW)).toEqual(before)
    expect(before.status).toBe('healthy')
  })

  it('does not change the policy it is given', () => {
    const frozen = Object.freeze({ ...DEFAULT_RULES_POLICY, coveredCountries: Object.freeze([...DEFAULT_RULES_POLICY.coveredCountries]) }) as RulesPolicy
    expect(() => evaluateStatus(healthyStore(), frozen, NOW)).not.toThrow()
  })
})
