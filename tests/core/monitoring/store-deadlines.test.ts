import { describe, expect, it } from 'vitest'
import type { ScannedStore } from '../../../electron/core/monitoring/portfolio-scan'
import { countryCalendars, nextEventAfter, storeDeadlines, verdictMayDiffer } from '../../../electron/core/monitoring/store-deadlines'
import { evaluateStatus } from '../../../electron/core/status/status-rules'
import { DEFAULT_RULES_POLICY } from '../../../electron/shared/status'
import type { RulesPolicy } from '../../../electron/shared/status'
import { DAY, HOUR } from './monitoring-support'

const FROM = Date.parse('2023-12-01T00:00:00Z')
const SPAN = 3 * 365 * DAY
const COUNTRIES = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'KR']
const POLICIES: RulesPolicy[] = [
  DEFAULT_RULES_POLICY,
  { ...DEFAULT_RULES_POLICY, reminderWindowDays: 30, graceDays: 10, releaseDate: '2024-06-15' }
]

function randomSource(seed: number) {
  let state = seed
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
  return {
    next,
    chance: (p: number) => next() < p,
    pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    /** An instant in the span, on a local-midnight-ish hour half of the time (where day boundaries bite). */
    instant: () => {
      const day = FROM + Math.floor(next() * (SPAN / DAY)) * DAY
      return next() < 0.5 ? day + Math.floor(next() * 24) * HOUR - 8 * HOUR : day + Math.floor(next() * DAY)
    }
  }
}

/**
 * A store with random records: any mix of subscription, authorizations, missing dates and deadlines;
 * one in five a legacy seller first authorized shortly before Lazada's rule.
 */
function randomStore(random: ReturnType<typeof randomSource>, id: number): ScannedStore {
  const legacy = random.chance(0.2)
  const start = legacy ? Date.parse('2024-03-01T00:00:00Z') - Math.floor(random.next() * 60 * DAY) : random.instant()
  const subscription = !legacy && random.chance(0.8)
    ? { startAt: random.chance(0.1) ? null : start, endAt: random.chance(0.1) ? null : start + Math.floor(1 + random.next() * 200) * DAY - (random.chance(0.5) ? 0 : HOUR) }
    : null
  const authorizations = Array.from({ length: Math.floor(random.next() * 4) }, () => {
    const authorizedAt = random.chance(0.5) ? start + Math.floor((random.next() - 0.3) * 10 * DAY) : random.instant()
    return {
      authorizedAt,
      refreshDeadlineAt: random.chance(0.4) ? authorizedAt + Math.floor(1 + random.next() * 200) * DAY : null,
      reconnectedAt: random.chance(0.7) ? authorizedAt + HOUR : null
    }
  }).sort((a, b) => a.authorizedAt - b.authorizedAt)
  return { id, fingerprint: 0, country: random.pick(COUNTRIES), archived: false, subscription, authorizations, stored: null }
}

/** Two instants: anywhere, or close together near one of the store's dates, where verdicts turn. */
function instantPair(random: ReturnType<typeof randomSource>, store: ScannedStore, policy: RulesPolicy): [number, number] {
  const dates = [
    store.subscription?.startAt,
    store.subscription?.endAt,
    ...store.authorizations.flatMap((a) => [a.refreshDeadlineAt, a.authorizedAt + policy.graceDays * DAY])
  ].filter((d): d is number => typeof d === 'number')
  if (dates.length === 0 || random.chance(0.3)) {
    const a = random.instant()
    return [a, random.chance(0.5) ? a + Math.floor((random.next() - 0.5) * 60 * DAY) : random.instant()]
  }
  const window = policy.reminderWindowDays
  const daysBefore = random.pick([0, 1, window, window + 1, Math.floor(random.next() * (window + 2))])
  const near = random.pick(dates) - daysBefore * DAY + Math.floor((random.next() - 0.5) * 60) * HOUR
  return [near, near + Math.floor((random.next() - 0.5) * 3 * DAY)]
}

describe('verdict breakpoints', () => {
  it('say the verdict cannot differ between two instants only when the rules give the same verdict at both', () => {
    const random = randomSource(42)
    let same = 0
    let different = 0
    for (let i = 0; i < 2500; i++) {
      const store = randomStore(random, i)
      const policy = random.pick(POLICIES)
      const calendar = countryCalendars(policy)(store.country)
      const [a, b] = instantPair(random, store, policy)
      const atA = evaluateStatus(store, policy, a)
      const atB = evaluateStatus(store, policy, b)
      if (!verdictMayDiffer(store, calendar, policy, a, b)) {
        expect(atB, `store ${JSON.stringify(store)} at ${new Date(a).toISOString()} and ${new Date(b).toISOString()}`).toEqual(atA)
        same++
      } else if (JSON.stringify(atA) !== JSON.stringify(atB)) different++
    }
    // Both kinds of pairs were met often enough to mean something.
    expect(same).toBeGreaterThan(300)
    expect(different).toBeGreaterThan(50)
  })

  it('put the next event no later than the next verdict change or reminder rung', () => {
    const random = randomSource(7)
    const ladder = [14, 7, 3, 1, 0]
    for (let i = 0; i < 400; i++) {
      const store = randomStore(random, i)
      const policy = DEFAULT_RULES_POLICY
      const calendar = countryCalendars(policy)(store.country)
      const now = random.instant()
      const deadlines = storeDeadlines(store, evaluateStatus(store, policy, now), now)
      const next = nextEventAfter(store, calendar, policy, deadlines, ladder, now)
      expect(next).toBeGreaterThan(now)
      const later = Number.isFinite(next) ? now + Math.floor(random.next() * (next - now)) : now + 400 * DAY
      expect(verdictMayDiffer(store, calendar, policy, now, later)).toBe(false)
      for (const deadline of deadlines) {
        for (const days of ladder) {
          const due = calendar.days.rungDueAt(deadline.at, days)
          expect(due <= now || due > later).toBe(true)
        }
      }
    }
  })
})
