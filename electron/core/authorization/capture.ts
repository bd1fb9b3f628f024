/**
 * Capture of Lazada's redirect back to the registered callback, as a pure function of the URL the
 * authorization window is about to load, the registered callback, the known attempts and "now".
 *
 * A URL is the callback only when its scheme, host, port and path equal the registered callback's
 * after both are parsed with WHATWG `URL` (which lower-cases the host, drops default ports and
 * resolves `.`/`..` segments). Nothing is compared by prefix. A host with a trailing dot
 * (`callback.example.com.`) is a different origin to a browser and is not the callback; a URL
 * with a user name or password never is. Percent-encoded paths are compared as encoded:
 * `/%63allback` is not `/callback`.
 *
 * Until the attempt is captured, the callback's origin is open at the exact callback path only.
 * Anything else on that origin that carries a `code` (`/callback/`, `/Callback`, `/%63allback`,
 * `//callback`, `/callback;x=1` …) is refused, so the code never reaches a page that capture does
 * not watch; without a code it is an ordinary navigation (blocked unless the allow-list has the
 * origin). Once captured, the integrator's pages on that origin may load.
 *
 * On the callback, `error` means the seller (or Lazada) said no: refused, never captured, whatever
 * else came with it. Otherwise `code` and `state` come from the query, each exactly once; the state
 * must match a known attempt that is still pending (not captured, ended or marked expired, whatever
 * the clock says now), unused, unexpired (30 minutes, the end instant excluded) and the one this
 * window serves. Anything else is refused with a reason. Nothing here logs.
 */
import type { NavigationAllowList } from './allow-list'
import type { AttemptOutcome } from '../../shared/authorization'
import { isAllowedAuthNavigation } from './allow-list'
import { STATE_PATTERN, hashState } from './state'

export interface KnownAttempt {
  id: number
  storeId: number
  stateHash: string
  expiresAt: number
  /** The state was spent: captured, refused, or its window closed. */
  used: boolean
  /** What the attempt's record says: only a pending one can be captured. */
  outcome: AttemptOutcome
}

export interface CaptureInput {
  /** The URL about to be navigated to, or redirected to. */
  url: string
  /** The callback URL registered for the app. */
  callbackUrl: string
  attempts: readonly KnownAttempt[]
  now: number
  /** Where a URL that is not the callback may go. */
  allowList: NavigationAllowList
  /** The attempt this window serves: a valid state of any other attempt is refused. */
  expect?: { attemptId: number; storeId: number }
  /** The window's attempt was captured already: the integrator's pages on the callback origin may load. */
  captured?: boolean
}

export const REFUSAL_REASONS = [
  'lazada-error',
  'outside-callback-path',
  'missing-code',
  'missing-state',
  'duplicate-parameter',
  'code-in-fragment',
  'unknown-state',
  'expired-state',
  'reused-state',
  'mismatched-state'
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export type CaptureResult =
  /** Not the callback: an ordinary page of the flow (allowed) or somewhere else (blocked). */
  | { kind: 'navigation'; allowed: boolean }
  | { kind: 'captured'; attemptId: number; storeId: number; code: string; country: string | null }
  | {
      kind: 'refused'
      reason: RefusalReason
      /** The known attempt the state matched, if it matched one. */
      attemptId: number | null
      /** Lazada's `error` value when it sent one (letters and underscores only, else "unknown"). */
      lazadaError: string | null
      /** The URL carries a code: the window must not load it, so the code reaches no one. */
      carriesCode: boolean
      message: string
    }

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  'lazada-error': 'Lazada did not authorize the app: the seller declined or Lazada refused.',
  'outside-callback-path':
    'Lazada’s answer was headed for another address on the callback’s site, not exactly the registered callback URL, so Storewatch stopped it there and the code reached no one. Check the callback URL in Settings → Integrator, then start again with Reauthorize.',
  'missing-code': 'Lazada came back without an authorization code, so the seller did not authorize. The page stays open to show what Lazada said.',
  'missing-state': 'The callback carried no state, so Storewatch cannot tell which store it belongs to.',
  'duplicate-parameter': 'The callback carried the code or the state more than once; Storewatch does not guess which one is real.',
  'code-in-fragment': 'The code came after a “#” in the address, which Lazada never does.',
  'unknown-state': 'The callback does not belong to any authorization Storewatch started.',
  'expired-state': 'This authorization page was opened more than 30 minutes ago. Start again with Reauthorize.',
  'reused-state': 'This authorization was already used or closed. Start again with Reauthorize.',
  'mismatched-state': 'The callback belongs to another authorization (another store, or an earlier attempt).'
}

/** Whether `candidate` is on the registered callback's origin (same scheme, host and port), without credentials. */
function onCallbackOrigin(candidate: URL, callback: URL): boolean {
  if (candidate.username || candidate.password) return false
  return candidate.protocol === callback.protocol && candidate.hostname === callback.hostname && candidate.port === callback.port
}

/** Whether `candidate` is the registered callback: same scheme, host, port and path. */
export function isCallbackUrl(candidate: URL, callback: URL): boolean {
  return onCallbackOrigin(candidate, callback) && candidate.pathname === callback.pathname
}

function decodedFully(text: string): string {
  let current = text
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      return current
    }
    if (next === current) return current
    current = next
  }
  return current
}

/**
 * Whether a URL carries something a server could read as `code`: a `code=` parameter in the query,
 * the fragment or a `;` path parameter, in any case, however often percent-encoded.
 */
export function carriesCode(url: URL): boolean {
  return /(^|[^a-z0-9_])code=/i.test(decodedFully(`${url.pathname}${url.search}${url.hash}`))
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** A code as Lazada issues them (`0_<appkey>_<random>`): opaque, printable, bounded. */
const CODE_PATTERN = /^[\x21-\x7e]{1,512}$/
const COUNTRY_PATTERN = /^([a-z]{2})$/i

function refusal(target: URL) {
  const withCode = carriesCode(target)
  return (reason: RefusalReason, attemptId: number | null = null, lazadaError: string | null = null): CaptureResult => {
    const base = REFUSAL_MESSAGES[reason]
    const message = reason === 'lazada-error' && lazadaError ? `${base} (Lazada said: ${lazadaError})` : base
    return { kind: 'refused', reason, attemptId, lazadaError, carriesCode: withCode, message }
  }
}

/** Why a known attempt cannot be captured now, or null when it can. */
function spentReason(attempt: KnownAttempt, now: number): RefusalReason | null {
  if (attempt.outcome === 'expired') return 'expired-state'
  if (attempt.used || attempt.outcome !== 'pending') return 'reused-state'
  return now >= attempt.expiresAt ? 'expired-state' : null
}

export function captureNavigation(input: CaptureInput): CaptureResult {
  const target = parse(input.url)
  const callback = parse(input.callbackUrl)
  if (!target || !callback || !onCallbackOrigin(target, callback)) {
    return { kind: 'navigation', allowed: isAllowedAuthNavigation(input.url, input.allowList) }
  }
  const refused = refusal(target)
  if (target.pathname !== callback.pathname) {
    if (input.captured) return { kind: 'navigation', allowed: true }
    if (carriesCode(target)) return refused('outside-callback-path')
    return { kind: 'navigation', allowed: isAllowedAuthNavigation(input.url, input.allowList) }
  }

  const query = target.searchParams
  const fragment = new URLSearchParams(target.hash.replace(/^#/, ''))

  if (query.has('error')) {
    const value = query.get('error') ?? ''
    return refused('lazada-error', null, /^[A-Za-z_]{1,64}$/.test(value) ? value : 'unknown')
  }
  if (query.getAll('code').length > 1 || query.getAll('state').length > 1) return refused('duplicate-parameter')
  if (fragment.has('code')) return refused(query.has('code') ? 'duplicate-parameter' : 'code-in-fragment')

  const state = query.get('state') ?? ''
  const matched = STATE_PATTERN.test(state) ? input.attempts.find((a) => a.stateHash === hashState(state)) : undefined
  const code = query.get('code') ?? ''
  if (!CODE_PATTERN.test(code)) return refused('missing-code', matched?.id ?? null)
  if (state === '') return refused('missing-state')
  if (!matched) return refused('unknown-state')
  const spent = spentReason(matched, input.now)
  if (spent) return refused(spent, matched.id)
  if (input.expect && (input.expect.attemptId !== matched.id || input.expect.storeId !== matched.storeId)) {
    return refused('mismatched-state', matched.id)
  }

  const countries = query.getAll('country')
  const country = countries.length === 1 && COUNTRY_PATTERN.test(countries[0]!) ? countries[0]!.toUpperCase() : null
  return { kind: 'captured', attemptId: matched.id, storeId: matched.storeId, code, country }
}

/**
 * What the window does with a navigation given the capture result. A captured callback loads by
 * default, so the integrator's backend completes the connection and the seller sees its login
 * page. A refusal without a code to protect (Lazada's error alone, no code) loads too, so the page
 * shows what went wrong; a refusal that carries a code (Lazada's error with one, a bad, reused or
 * foreign state, ambiguous parameters, another path on the callback's site) is blocked, so that
 * code reaches no one, and the current page stays visible.
 */
export function navigationDecision(result: CaptureResult, options: { callbackLoads: boolean }): 'allow' | 'block' {
  switch (result.kind) {
    case 'navigation':
      return result.allowed ? 'allow' : 'block'
    case 'captured':
      return options.callbackLoads ? 'allow' : 'block'
    case 'refused':
      return result.carriesCode ? 'block' : 'allow'
  }
}
