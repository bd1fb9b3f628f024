/**
 * What the rest of the core uses from Lazada Open Platform (issue #5): five APIs, parsed into
 * plain types, and one error class whose `message` is a sentence for the KAM. The client that
 * implements it (signing, hosts, timeouts, retries, rate limits, clock offset) is
 * `lazada-client.ts`; see ../shared/reference/lazada-open-platform.md for the facts.
 */
import type { CoveredCountry } from '../../shared/countries'

/** A Lazada venture: one of the six countries, or cross-border. */
export type LazadaVenture = CoveredCountry | 'CB'

export interface SellerAccountInfo {
  /** Upper case, e.g. `SG`. */
  country: string
  sellerId: string | null
  userId: string | null
  shortCode: string | null
}

/** `/auth/token/create` and `/auth/token/refresh`, with lifetimes turned into absolute instants. */
export interface TokenGrant {
  accessToken: string
  refreshToken: string
  /** UTC epoch ms, from `expires_in` and the (skew-corrected) time of the answer. */
  accessExpiresAt: number
  /** UTC epoch ms; null when `refresh_expires_in` is 0 (the token cannot be refreshed). */
  refreshExpiresAt: number | null
  /** The venture the seller picked: `SG` … or `CB` for cross-border. */
  country: LazadaVenture
  account: string | null
  accountPlatform: string | null
  /** One entry per venture the token covers (several for cross-border). */
  sellers: SellerAccountInfo[]
}

/** One row of `/service/market/subs/query`'s `result.data`. */
export interface MarketSubscription {
  status: 'valid' | 'expired'
  /** UTC epoch ms. */
  endAt: number | null
  autoRenew: boolean | null
  itemCode: string | null
  itemName: string | null
  articleCode: string | null
}

export interface MarketOrder {
  orderId: string | null
  itemCode: string | null
  itemName: string | null
  cycleStartAt: number | null
  cycleEndAt: number | null
  createdAt: number | null
}

export interface SellerProfile {
  sellerId: string | null
  shortCode: string | null
  name: string | null
  email: string | null
  status: string | null
  crossBorder: boolean
}

export const LAZADA_ERROR_KINDS = [
  'illegal-access-token',
  'illegal-refresh-token',
  'auth-type-unsupported',
  'invalid-code',
  'incomplete-signature',
  'api-call-limit',
  'lazada-error',
  'http-error',
  'timeout',
  'network',
  'malformed'
] as const
export type LazadaErrorKind = (typeof LAZADA_ERROR_KINDS)[number]

/** A failed call, classified; `message` says what happened and what to do. */
export class LazadaError extends Error {
  constructor(
    readonly kind: LazadaErrorKind,
    message: string,
    readonly detail: { code?: string; httpStatus?: number; api?: string; requestId?: string } = {}
  ) {
    super(message)
    this.name = 'LazadaError'
  }
}

export interface CallOptions {
  /** Send once and report whatever comes back: "Test connection" wants an answer now, not after backoff. */
  once?: boolean
}

export interface LazadaApi {
  createToken(code: string): Promise<TokenGrant>
  refreshToken(refreshToken: string): Promise<TokenGrant>
  /** The seller's subscriptions to the app with `articleCode` on the venture's Service Market. */
  subscriptions(venture: CoveredCountry, query: { articleCode: string; shortCode: string }, options?: CallOptions): Promise<MarketSubscription[]>
  orders(venture: CoveredCountry, query: { articleCode: string; shortCode?: string; pageNo: number; pageSize: number }): Promise<MarketOrder[]>
  /** The health probe: does this access token still work? */
  seller(venture: CoveredCountry, accessToken: string): Promise<SellerProfile>
}
