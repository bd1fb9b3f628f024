/**
 * What the renderer learns about Lazada Open Platform (issue #5): whether the app secret is set
 * (never the secret itself), Lazada's own view of each store's subscription next to the one the
 * KAM entered, the tokens of an in-app exchange (their deadlines, never the tokens), and what a
 * check asked Lazada.
 *
 * Which End Time the status uses: Lazada's answer, when there is one for the store's current
 * country and short code. The KAM's record is kept untouched and shown beside it; a Lazada date
 * on another calendar day (store's time) than the KAM's is flagged as a disagreement. An answer
 * with no subscription at all does not erase the KAM's record: it is flagged instead (a wrong
 * article code in Settings would otherwise mark every store unsubscribed).
 */
import type { MissingSetup } from './integrator'

/**
 * not-set: no app secret saved · set: saved, and this computer can decrypt it · unreadable: saved,
 * but it can no longer be decrypted here (keyring changed, data copied from another computer) —
 * enter it again · needs-consent: not saved, and this computer would keep it without real
 * protection: saving it needs the KAM's explicit consent.
 */
export const SECRET_STATES = ['not-set', 'set', 'unreadable', 'needs-consent'] as const
export type SecretState = (typeof SECRET_STATES)[number]

export interface SecretProtectionView {
  /** The system can encrypt at all. */
  available: boolean
  /** What encrypts: `keychain` (macOS), `dpapi` (Windows), `gnome_libsecret`, `kwallet5`, `basic_text` … */
  backend: string
  /** False where the system offers no real protection (Linux `basic_text` or `unknown`). */
  protected: boolean
  /** One sentence for Settings: how the secret is (or would be) kept. */
  message: string
}

export interface ConnectionTestResult {
  ok: boolean
  at: number
  /** What happened and what to do, e.g. "Connected: Lazada answered for SG10001 …". */
  message: string
  /** Why it failed: a Lazada error kind, 'not-configured' or 'unreadable'; null when it worked. */
  cause: string | null
}

export interface LazadaCredentialsView {
  secret: SecretState
  /** One sentence about the secret, for Settings → Lazada connection. */
  message: string
  protection: SecretProtectionView
  /** When the KAM agreed to keep the secret without protection, if the saved one is so kept. */
  unprotectedSince: number | null
  /** What subscription queries still need from the profile (app key, article code), or null. */
  missing: MissingSetup | null
  /** Checks also ask Lazada: the secret is readable and nothing is missing. */
  remoteChecks: boolean
  /** The integrator setting: the authorization window exchanges the code itself. */
  exchangeCodeInApp: boolean
  lastTest: ConnectionTestResult | null
}

export type SaveSecretResult =
  | { status: 'saved'; credentials: LazadaCredentialsView }
  /** Not saved: the system would not protect it and the call did not carry `allowUnprotected`. */
  | { status: 'needs-consent'; message: string; credentials: LazadaCredentialsView }
  /** Not saved: this system cannot encrypt at all. */
  | { status: 'unavailable'; message: string; credentials: LazadaCredentialsView }

export const LAZADA_SUBSCRIPTION_STATES = ['valid', 'expired', 'none'] as const
/** valid / expired: Lazada's `status` 1 / 2 · none: Lazada has no subscription for the short code. */
export type LazadaSubscriptionState = (typeof LAZADA_SUBSCRIPTION_STATES)[number]

/** Lazada's last answer about a store's subscription (source: Lazada). */
export interface LazadaSubscriptionAnswer {
  state: LazadaSubscriptionState
  /** UTC epoch ms; null when Lazada gave none. */
  endAt: number | null
  itemName: string | null
  autoRenew: boolean | null
  /** The country and short code it was asked for. */
  country: string
  shortCode: string
  /** When Lazada gave this answer. */
  checkedAt: number
}

export const DISAGREEMENT_KINDS = ['end-date', 'expired', 'not-found'] as const
/**
 * end-date: both have an End Time, on different days (store's time) · expired: Lazada says expired
 * while the KAM's End Time is still ahead · not-found: Lazada has no subscription, the KAM recorded one.
 */
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number]

export interface LazadaDisagreement {
  kind: DisagreementKind
  kamEndAt: number | null
  lazadaEndAt: number | null
  /** Both dates, and which one the status uses. */
  message: string
}

export const TOKEN_STATES = ['active', 'needs-authorization'] as const
export type TokenState = (typeof TOKEN_STATES)[number]

/** The tokens of an in-app exchange, as the renderer may see them: deadlines, never the tokens. */
export interface StoreTokenView {
  state: TokenState
  /** The account Lazada authorized: login, venture, short code, seller id. */
  account: string | null
  country: string
  shortCode: string | null
  sellerId: string | null
  accessExpiresAt: number
  /** Null: the token cannot be refreshed (or is bound to the subscription). */
  refreshExpiresAt: number | null
  /** Lazada answered AUTH_TYPE_UNSUPPORTED: the token lasts as long as the Service Market subscription. */
  marketBound: boolean
  obtainedAt: number
  refreshedAt: number | null
  /** The last health probe (`/seller/get`) that worked. */
  probedAt: number | null
  /** One sentence, e.g. "Refreshed automatically; the seller must authorize again by 25 May 2027." */
  message: string
}

/** Everything Storewatch knows from Lazada about one store (`lazada:store`). */
export interface StoreLazadaView {
  storeId: number
  /** Why Storewatch cannot ask Lazada about this store (no short code), or null. */
  cannotCheck: string | null
  answer: LazadaSubscriptionAnswer | null
  /** The last failed query (kept until one works). */
  lastError: { cause: string; message: string; at: number } | null
  /** The End Time the KAM entered (or a checklist captured), for showing both. */
  kamEndAt: number | null
  disagreement: LazadaDisagreement | null
  /** Whose End Time the status uses now. */
  statusUses: 'lazada' | 'kam' | null
  token: StoreTokenView | null
}

/** A store the lists should mark (`lazada:overview`). */
export interface LazadaOverviewItem {
  storeId: number
  /** Lazada's End Time when it answered, for a column. */
  lazadaEndAt: number | null
  checkedAt: number | null
  disagrees: boolean
  /** In scope, not archived, but without a seller short code. */
  cannotCheck: boolean
  /** An exchanged token was refused by Lazada: the seller must authorize again. */
  tokenNeedsAuthorization: boolean
  /** The badge's tooltip: the disagreement or why it cannot be checked. */
  message: string
}

export interface LazadaOverview {
  items: LazadaOverviewItem[]
  /** The same sentence as the credentials' when Lazada checks are off, else null. */
  remoteChecksOff: string | null
}

/** Stores Lazada could not answer for in a check, grouped by cause. */
export interface RemoteFailure {
  /** A Lazada error kind (`api-call-limit`, `timeout` …), with Lazada's code for `lazada-error`. */
  cause: string
  /** The client's sentence for the first of them: what happened and what to do. */
  message: string
  count: number
  /** The first few stores (ids). */
  storeIds: number[]
}

/** What a check asked Lazada (`CheckRunSummary.remote`). */
export interface RemoteCheckSummary {
  /**
   * done: Lazada was asked · off: no credentials (or nothing to ask) · failed: the secret could not
   * be read · cancelled: the KAM stopped the check; the answers received before are kept.
   */
  state: 'done' | 'off' | 'failed' | 'cancelled'
  message: string
  /** Stores asked about. */
  asked: number
  /** Stores the check set out to ask about (absent in runs before issue #10: then `asked`). */
  inScope?: number
  answered: number
  /** Answers whose End Time disagrees with the KAM's. */
  disagreements: number
  /** In-scope stores without a seller short code. */
  cannotCheck: number
  failures: RemoteFailure[]
  /** Exchanged tokens refreshed, and refused (the store needs authorization). */
  tokensRefreshed: number
  tokensNeedingAuthorization: number
}
