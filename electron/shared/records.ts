/**
 * The records behind a store's status: its Service Market subscription, its authorizations and
 * the reconnect in the OMS. Instants are UTC epoch milliseconds; forms convert from the store's
 * country time.
 */
import { z } from 'zod'
import { safeText } from './text-rules'

export const SERVICE_VERSIONS = ['authorization-only', 'paid'] as const
export type ServiceVersion = (typeof SERVICE_VERSIONS)[number]
export const SERVICE_VERSION_LABELS: Record<ServiceVersion, string> = {
  'authorization-only': 'Authorization Only',
  paid: 'Paid version'
}

export const SUBSCRIPTION_PERIODS = ['half-year', 'one-year', 'other'] as const
export type SubscriptionPeriod = (typeof SUBSCRIPTION_PERIODS)[number]
export const SUBSCRIPTION_PERIOD_LABELS: Record<SubscriptionPeriod, string> = {
  'half-year': 'Half a year',
  'one-year': 'One year',
  other: 'Other'
}

/** Where the subscription dates came from. */
export const DATE_SOURCES = ['kam', 'checklist', 'lazada'] as const
export type DateSource = (typeof DATE_SOURCES)[number]
export const DATE_SOURCE_LABELS: Record<DateSource, string> = {
  kam: 'Entered by the KAM',
  checklist: 'From a checklist',
  lazada: 'From Lazada'
}

export interface Subscription {
  storeId: number
  serviceVersion: ServiceVersion
  period: SubscriptionPeriod
  startAt: number | null
  endAt: number | null
  source: DateSource
  /** When the dates were last confirmed (by the KAM, a checklist or a Lazada query). */
  checkedAt: number | null
  updatedAt: number
}

const instant = z.number().int().min(0).max(8_640_000_000_000)

export const subscriptionInputSchema = z
  .strictObject({
    serviceVersion: z.enum(SERVICE_VERSIONS).default('authorization-only'),
    period: z.enum(SUBSCRIPTION_PERIODS).default('half-year'),
    startAt: instant.nullable(),
    endAt: instant.nullable(),
    source: z.enum(DATE_SOURCES).default('kam')
  })
  .superRefine((s, ctx) => {
    if (s.startAt !== null && s.endAt !== null && s.endAt <= s.startAt) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'The End Time must be after the Start Time' })
    }
  })
export type SubscriptionInput = z.output<typeof subscriptionInputSchema>

export const AUTHORIZATION_METHODS = ['embedded-window', 'seller-link', 'recorded-by-kam', 'token-exchange'] as const
export type AuthorizationMethod = (typeof AUTHORIZATION_METHODS)[number]
export const AUTHORIZATION_METHOD_LABELS: Record<AuthorizationMethod, string> = {
  'embedded-window': 'In Storewatch’s Lazada window',
  'seller-link': 'Seller used the link in their browser',
  'recorded-by-kam': 'Recorded by the KAM',
  'token-exchange': 'Confirmed by a token exchange'
}

export interface Authorization {
  id: number
  storeId: number
  authorizedAt: number
  method: AuthorizationMethod
  /** The seller account that authorized, as far as known (e-mail, short code or name). */
  account: string | null
  /** Lazada venture the seller picked (`SG`…, or `CB` for cross-border), if known. */
  country: string | null
  /** When this authorization stops working unless refreshed, if known. */
  refreshDeadlineAt: number | null
  reconnectedAt: number | null
  reconnectedBy: string | null
  note: string | null
  recordedAt: number
}

export const authorizationInputSchema = z.strictObject({
  authorizedAt: instant,
  method: z.enum(AUTHORIZATION_METHODS).default('recorded-by-kam'),
  account: safeText({ label: 'Seller account' }).pipe(z.string().trim().max(200)).nullish().transform((v) => v || null),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, { error: 'Use a two-letter code such as SG, or CB for cross-border' })
    .nullish()
    .transform((v) => v || null),
  refreshDeadlineAt: instant.nullish().transform((v) => v ?? null),
  note: safeText({ label: 'Note', multiline: true }).pipe(z.string().trim().max(2000)).nullish().transform((v) => v || null),
  /** The store was also reconnected in the OMS at the same time (a store that already syncs). */
  reconnected: z.boolean().default(false)
})
export type AuthorizationInput = z.output<typeof authorizationInputSchema>
