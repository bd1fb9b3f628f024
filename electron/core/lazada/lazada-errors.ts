/**
 * Every way a Lazada call can fail, turned into a `LazadaError` whose message tells the KAM what
 * happened and what to do (lazada-open-platform.md §9). Nothing here ever quotes a token, a code,
 * a secret or a signed URL.
 */
import { redactText } from '../security/redact'
import { LazadaError } from './lazada-api'
import type { LazadaApiPath } from './hosts'

/** What the call was doing, as the sentence says it. */
const ACTIONS: Record<LazadaApiPath, string> = {
  '/auth/token/create': 'exchanging the authorization code',
  '/auth/token/refresh': 'refreshing the access token',
  '/service/market/subs/query': 'checking the Service Market subscription',
  '/service/market/order/query': 'reading the Service Market orders',
  '/seller/get': 'checking the seller account'
}

/** A clock this far off is worth mentioning even though the client corrects for it. */
const NOTABLE_SKEW_MS = 5 * 60_000
const MAX_QUOTED_CHARS = 200

export interface ErrorContext {
  api: LazadaApiPath
  requestId?: string
  /** Lazada's clock minus the local clock, as last measured. */
  clockOffsetMs: number
}

function quoted(text: string | undefined): string {
  const clean = redactText((text ?? '').replace(/\s+/g, ' ').trim())
  return clean.length > MAX_QUOTED_CHARS ? `${clean.slice(0, MAX_QUOTED_CHARS)}…` : clean
}

function requestIdHint(requestId: string | undefined): string {
  return requestId ? ` (Lazada request ID ${requestId})` : ''
}

function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000)
  const hours = Math.floor(minutes / 60)
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`
}

function skewHint(offsetMs: number): string {
  if (Math.abs(offsetMs) < NOTABLE_SKEW_MS) return ''
  return ` This computer's clock is ${duration(offsetMs)} ${offsetMs > 0 ? 'behind' : 'ahead of'} Lazada's.`
}

/** Lazada answered with `code` other than "0". */
export function lazadaCodeError(code: string, lazadaMessage: string | undefined, context: ErrorContext, httpStatus?: number): LazadaError {
  const action = ACTIONS[context.api]
  const detail = { code, api: context.api, requestId: context.requestId, ...(httpStatus === undefined ? {} : { httpStatus }) }
  switch (code) {
    case 'IllegalAccessToken':
      return new LazadaError(
        'illegal-access-token',
        `Lazada no longer accepts this store's access token (invalid or expired) while ${action}. Refresh the token; if that fails too, ask the seller to authorize the app again.`,
        detail
      )
    case 'IllegalRefreshToken':
      return new LazadaError(
        'illegal-refresh-token',
        "Lazada refused the store's refresh token: it is invalid or has expired. The seller has to authorize the app again (Reauthorize).",
        detail
      )
    case 'AUTH_TYPE_UNSUPPORTED':
      return new LazadaError(
        'auth-type-unsupported',
        "Lazada does not refresh tokens for this app: the authorization is bound to the seller's Service Market subscription and lasts until the subscription ends. Nothing to do now; keep the subscription renewed.",
        detail
      )
    case 'InvalidCode':
      return new LazadaError(
        'invalid-code',
        'Lazada refused the authorization code: it was already used, is more than 30 minutes old, or belongs to another app. A code works only once, so start the authorization again (Reauthorize).',
        detail
      )
    case 'IncompleteSignature':
      return new LazadaError(
        'incomplete-signature',
        `Lazada refused the request's signature while ${action}. Check the App Key and App Secret in Settings → Integrator and that this computer's date, time and time zone are correct, then try again.${skewHint(context.clockOffsetMs)}`,
        detail
      )
    case 'ApiCallLimit':
      return new LazadaError(
        'api-call-limit',
        `Lazada refused ${action} because the app made too many calls per second (ApiCallLimit), even after waiting and trying again. Try again in a minute.`,
        detail
      )
    default: {
      const said = quoted(lazadaMessage)
      return new LazadaError(
        'lazada-error',
        `Lazada refused ${action} with "${code}"${said ? `: ${said}` : ''}. Check the store's seller short code and the integrator settings; if it keeps happening, contact Lazada support${requestIdHint(context.requestId)}.${skewHint(context.clockOffsetMs)}`,
        detail
      )
    }
  }
}

export function httpError(status: number, context: ErrorContext): LazadaError {
  const action = ACTIONS[context.api]
  const advice =
    status >= 500 || status === 429
      ? "This is usually temporary on Lazada's side; try again in a few minutes."
      : 'Check the Lazada server addresses in Settings → Integrator (a proxy may be answering instead of Lazada), then try again.'
  return new LazadaError('http-error', `Lazada's server answered HTTP ${status} while ${action}. ${advice}`, { httpStatus: status, api: context.api })
}

export function timeoutError(timeoutMs: number, context: ErrorContext): LazadaError {
  return new LazadaError(
    'timeout',
    `Lazada did not answer within ${timeoutMs / 1000} s while ${ACTIONS[context.api]}. Check the internet connection and proxy, then try again later.`,
    { api: context.api }
  )
}

export function networkError(host: string, reason: string, context: ErrorContext): LazadaError {
  return new LazadaError(
    'network',
    `Storewatch could not reach Lazada at ${host} while ${ACTIONS[context.api]} (${quoted(reason) || 'no answer'}). Check the internet connection, the proxy and the Lazada server addresses in Settings → Integrator, then try again.`,
    { api: context.api }
  )
}

export function malformedError(what: string, context: ErrorContext, httpStatus?: number): LazadaError {
  return new LazadaError(
    'malformed',
    `Lazada's answer could not be read while ${ACTIONS[context.api]} (${quoted(what)}). Try again later; if it keeps happening, check that the Lazada server addresses in Settings → Integrator point to Lazada.`,
    { api: context.api, requestId: context.requestId, ...(httpStatus === undefined ? {} : { httpStatus }) }
  )
}
