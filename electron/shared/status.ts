/**
 * A store's status: derived by the rules in electron/core/status/status-rules.ts from its records,
 * the policy and the instant. The order of STORE_STATUSES is the order of the dashboard's counts.
 */
import { z } from 'zod'
import { COVERED_COUNTRIES } from './countries'

export const STORE_STATUSES = [
  'expired',
  'needs-subscription',
  'needs-authorization',
  'needs-reconnect',
  'expiring',
  'legacy-grace',
  'unknown',
  'app-not-published',
  'healthy',
  'out-of-scope'
] as const
export type StoreStatus = (typeof STORE_STATUSES)[number]

export const STATUS_LABELS: Record<StoreStatus, string> = {
  expired: 'Expired',
  'needs-subscription': 'Needs subscription',
  'needs-authorization': 'Needs authorization',
  'needs-reconnect': 'Needs reconnect',
  expiring: 'Expiring',
  'legacy-grace': 'Legacy grace',
  unknown: 'Unknown',
  'app-not-published': 'App not published',
  healthy: 'Healthy',
  'out-of-scope': 'Out of scope'
}

/** Statuses that put a store on the KAM's worklist and in the tray count. */
export const NEEDS_ACTION_STATUSES: readonly StoreStatus[] = [
  'expired',
  'needs-subscription',
  'needs-authorization',
  'needs-reconnect',
  'expiring',
  'legacy-grace',
  'unknown'
]

/** Lower is more urgent: orders already stopped, then will stop, then data to fill in. */
export const STATUS_SEVERITY: Record<StoreStatus, number> = {
  expired: 0,
  'needs-subscription': 1,
  'needs-authorization': 2,
  'needs-reconnect': 3,
  expiring: 4,
  'legacy-grace': 5,
  unknown: 6,
  'app-not-published': 7,
  healthy: 8,
  'out-of-scope': 9
}

export const DEADLINE_KINDS = ['subscription-end', 'grace-end', 'authorization-deadline'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  'subscription-end': 'Subscription ends',
  'grace-end': 'Legacy grace ends',
  'authorization-deadline': 'Authorization lapses'
}

export const PLAYBOOKS = ['renew-and-reauthorize', 'connect-new-store'] as const
export type Playbook = (typeof PLAYBOOKS)[number]

/** What the KAM should do next, and the checklist step (1–7, see DESIGN.md §2) that does it. */
export interface NextAction {
  label: string
  playbook: Playbook
  step: number | null
}

export interface StatusVerdict {
  status: StoreStatus
  /** One sentence a KAM can read out to the client. */
  reason: string
  /** UTC instant of the deadline that matters now, if any (it may have passed). */
  deadline: number | null
  deadlineKind: DeadlineKind | null
  nextAction: NextAction | null
}

/** Calendar dates are `YYYY-MM-DD`, read in each store's own country time. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date like 2024-03-01', abort: true })
  .refine(
    (value) => {
      const day = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
    },
    { error: 'That day does not exist' }
  )
const countryCodes = z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'Use two-letter country codes such as SG' })).max(300)

/**
 * Where the integrator's app is published is not part of the policy: it is the integrator
 * profile's `publishedCountries` (Settings → Integrator), the one setting the rules, checklists and
 * authorization read (see `RulesPolicy`).
 */
export const statusPolicySchema = z.strictObject({
  coveredCountries: countryCodes.min(1, { error: 'At least one country is covered by the rule' }),
  /** When Lazada's Service Market flow started: subscriptions are required from this date. */
  releaseDate: isoDate,
  /** Days a seller first authorized before the release keeps working. */
  graceDays: z.number().int().min(0).max(365),
  /** A deadline this many days away (or fewer) makes the store "expiring". */
  reminderWindowDays: z.number().int().min(1).max(365)
})
export type StatusPolicy = z.output<typeof statusPolicySchema>

export const DEFAULT_STATUS_POLICY: StatusPolicy = {
  coveredCountries: [...COVERED_COUNTRIES],
  releaseDate: '2024-03-01',
  graceDays: 30,
  reminderWindowDays: 14
}

/** What the status rules read: the policy, and the countries whose Service Market lists the app (Settings → Integrator). */
export interface RulesPolicy extends StatusPolicy {
  publishedCountries: readonly string[]
}

export const DEFAULT_RULES_POLICY: RulesPolicy = { ...DEFAULT_STATUS_POLICY, publishedCountries: [...COVERED_COUNTRIES] }

/**
 * Whether Lazada lets sellers of `country` authorize the app: it must be published on that
 * country's Service Market. Only the six Service Market countries can be published or not; a
 * country added to the covered list beyond them has no Service Market Storewatch knows.
 */
export function isPublishedIn(country: string, publishedCountries: readonly string[]): boolean {
  return !(COVERED_COUNTRIES as readonly string[]).includes(country) || publishedCountries.includes(country)
}
