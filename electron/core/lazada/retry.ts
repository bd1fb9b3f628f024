/** When a failed call is tried again, and after how long. */
import type { LazadaError } from './lazada-api'

export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export interface BackoffPolicy {
  /** The first retry waits between half of this and all of it, on top of `MIN_RETRY_WAIT_MS`. */
  baseMs: number
  /** The exponential part never grows beyond this. */
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 8_000 }

/** Attempts per call, the first included. */
export const DEFAULT_MAX_ATTEMPTS = 4

/** "Api access frequency exceeds the limit. this ban will last 1 seconds" (DOC-121320). */
export const API_CALL_LIMIT_BAN_MS = 1_000

/** No retry goes sooner: a ban must be over, and a gateway that failed gets a moment to recover. */
export const MIN_RETRY_WAIT_MS = 1_000

/** Worth another attempt: the same request may well succeed a little later. */
export function isRetryable(error: LazadaError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'api-call-limit':
      return true
    case 'http-error':
      return (error.detail.httpStatus ?? 0) >= 500 || error.detail.httpStatus === 429
    case 'lazada-error':
      // A gateway failing with a JSON error body ("ServiceUnavailable") is still a 5xx.
      return (error.detail.httpStatus ?? 0) >= 500
    default:
      return false
  }
}

/**
 * The wait before retry number `retry` (1 for the first): the floor, then exponential backoff with
 * "equal jitter" (half fixed, half random) so callers refused together do not return together.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, floorMs: number, random: () => number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1))
  return Math.round(floorMs + step / 2 + (random() * step) / 2)
}
