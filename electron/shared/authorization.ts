/**
 * Authorization attempts as the renderer sees them: "Reauthorize" opens Lazada's authorization
 * page in a separate window (mode 'window'); "Send the link instead" gives the KAM the same URL to
 * copy for the seller's own browser (mode 'link'). Neither the state nor the code ever leaves main.
 */
import type { MissingSetup } from './integrator'

export const ATTEMPT_MODES = ['window', 'link'] as const
export type AttemptMode = (typeof ATTEMPT_MODES)[number]

/**
 * pending: waiting for the callback · captured: the callback came back with a valid state and a
 * code (or the KAM confirmed a link) · abandoned: the window closed first, or the KAM withdrew it ·
 * expired: 30 minutes passed · refused: the callback failed a check (see `outcomeReason`).
 */
export const ATTEMPT_OUTCOMES = ['pending', 'captured', 'abandoned', 'expired', 'refused'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcome, string> = {
  pending: 'Waiting for the seller',
  captured: 'Authorized',
  abandoned: 'Closed before the seller finished',
  expired: 'Expired unused',
  refused: 'Refused'
}

/** Lazada's authorization code is valid 30 minutes; the state lives as long. */
export const ATTEMPT_LIFETIME_MS = 30 * 60 * 1000

export interface AuthorizationAttempt {
  id: number
  storeId: number
  mode: AttemptMode
  country: string
  createdAt: number
  createdBy: string
  expiresAt: number
  outcome: AttemptOutcome
  outcomeAt: number | null
  outcomeReason: string | null
  authorizationId: number | null
  /** The venture the seller picked, when the callback told. */
  authorizedCountry: string | null
}

/** The answer to "Reauthorize": the window opened, or what must be set up first. */
export type WindowAttemptStart = { status: 'opened'; attempt: AuthorizationAttempt } | { status: 'not-ready'; message: string; missing: MissingSetup | null }

/** The answer to "Send the link instead": the URL to copy (it carries the one-time state), or what is missing. */
export type LinkAttemptStart = { status: 'created'; attempt: AuthorizationAttempt; url: string } | { status: 'not-ready'; message: string; missing: MissingSetup | null }

/**
 * Why a window attempt ended without an authorization, for the banner's title: the seller said no
 * on Lazada's page (`error=` on the callback), the window was closed first, the attempt's 30
 * minutes were up (the window then closes), or Storewatch or Lazada refused the answer.
 */
export const ATTEMPT_END_CAUSES = ['seller-declined', 'window-closed', 'expired', 'refused'] as const
export type AttemptEndCause = (typeof ATTEMPT_END_CAUSES)[number]

/** Sent as `authorizations:result` when a window attempt ends or a callback is refused. */
export interface AuthorizationResult {
  storeId: number
  attemptId: number
  outcome: Exclude<AttemptOutcome, 'pending'>
  /** Null when authorized. */
  cause: AttemptEndCause | null
  /** For a banner: "Authorized — now reconnect the store in Anchanto OMS", or why it failed. */
  message: string
  /** The authorization recorded, on capture. */
  authorizationId: number | null
}
