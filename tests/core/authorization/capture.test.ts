/**
 * The capture function and the window's allow-list, table-driven with hostile and awkward URLs:
 * look-alike hosts, every way to carry the code past the exact callback path, Lazada's error with
 * a code, and attempts whose record has ended whatever the clock says.
 */
import { describe, expect, it } from 'vitest'
import { authWindowAllowList, isAllowedAuthNavigation } from '../../../electron/core/authorization/allow-list'
import { captureNavigation, navigationDecision } from '../../../electron/core/authorization/capture'
import type { CaptureResult, KnownAttempt } from '../../../electron/core/authorization/capture'
import { hashState } from '../../../electron/core/authorization/state'

const CALLBACK = 'https://callback.example.com/lazada/callback'
const ENDPOINT = 'https://auth.lazada.com/oauth/authorize'
const allowList = authWindowAllowList({ authorizeEndpoint: ENDPOINT })

const NOW = Date.parse('2026-06-01T04:00:00Z')
const MIN = 60 * 1000
// 22 base64url characters, like the app's states.
const OURS = 'AAAAAAAAAAAAAAAAAAAAAA'
const USED = 'BBBBBBBBBBBBBBBBBBBBBB'
const OTHER_STORE = 'CCCCCCCCCCCCCCCCCCCCCC'
const OLD_LINK = 'DDDDDDDDDDDDDDDDDDDDDD'
const EXPIRING = 'EEEEEEEEEEEEEEEEEEEEEE'
const UNKNOWN = 'ZZZZZZZZZZZZZZZZZZZZZZ'

const pending = (id: number, storeId: number, state: string, expiresAt: number): KnownAttempt => ({ id, storeId, stateHash: hashState(state), expiresAt, used: false, outcome: 'pending' })

const attempts: KnownAttempt[] = [
  pending(1, 10, OURS, NOW + 20 * MIN),
  { ...pending(2, 10, USED, NOW + 20 * MIN), used: true, outcome: 'captured' },
  pending(3, 11, OTHER_STORE, NOW + 20 * MIN),
  pending(4, 10, OLD_LINK, NOW + 5 * MIN),
  pending(5, 10, EXPIRING, NOW)
]

function capture(url: string, options: { expect?: { attemptId: number; storeId: number }; now?: number; captured?: boolean } = {}): CaptureResult {
  return captureNavigation({
    url,
    callbackUrl: CALLBACK,
    attempts,
    now: options.now ?? NOW,
    allowList,
    expect: options.expect ?? { attemptId: 1, storeId: 10 },
    captured: options.captured
  })
}

const q = (params: string) => `${CALLBACK}?${params}`

describe('navigations that are not the callback', () => {
  it.each([
    // Lazada's own pages of the flow.
    ['https://auth.lazada.com/oauth/authorize?client_id=1', true],
    ['https://auth.lazada.com/', true],
    ['https://sellercenter.lazada.sg/apps/seller/login', true],
    ['https://sellercenter.lazada.com.my/', true],
    ['https://sellercenter.lazada.co.th/', true],
    ['https://sellercenter.lazada.com.ph/', true],
    ['https://sellercenter.lazada.vn/', true],
    ['https://sellercenter.lazada.co.id/', true],
    ['https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1', true],
    ['https://marketplace.lazada.co.id/web/detail.html', true],
    ['https://MARKETPLACE.lazada.vn/', true],
    // The callback's origin elsewhere than the callback path, without a code: not before the capture.
    ['https://callback.example.com/login', false],
    ['https://callback.example.com/', false],
    [`https://callback.example.com/lazada/callback/?state=${OURS}`, false],
    // Look-alikes and tricks.
    [`https://callback.example.com.evil.test/lazada/callback?code=x&state=${OURS}`, false],
    [`https://callback.example.com@evil.test/lazada/callback?code=x&state=${OURS}`, false],
    [`https://user:pass@callback.example.com/lazada/callback?code=x&state=${OURS}`, false],
    [`https://evil.test/lazada/callback?code=x&state=${OURS}`, false],
    [`https://evil.test/?next=https://callback.example.com/lazada/callback`, false],
    [`http://callback.example.com/lazada/callback?code=x&state=${OURS}`, false],
    [`https://callback.example.com:8443/lazada/callback?code=x&state=${OURS}`, false],
    [`https://callback.example.com./lazada/callback?code=x&state=${OURS}`, false],
    [`wss://callback.example.com/lazada/callback?code=x&state=${OURS}`, false],
    ['https://auth.lazada.com.evil.test/oauth/authorize', false],
    ['https://evilauth.lazada.com/', false],
    ['https://auth.lazada.com:8443/', false],
    ['http://auth.lazada.com/', false],
    ['https://user:pass@auth.lazada.com/', false],
    ['https://sellercenter.lazada.sg.evil.test/', false],
    ['https://sellercenter.lazada.co.kr/', false],
    ['https://lazada.sg/', false],
    ['javascript:alert(document.cookie)', false],
    [`javascript://callback.example.com/lazada/callback?code=x&state=${OURS}`, false],
    ['file:///etc/passwd', false],
    [`file://callback.example.com/lazada/callback?code=x&state=${OURS}`, false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false]
  ])('%s → allowed: %s', (url, allowed) => {
    expect(capture(url)).toEqual({ kind: 'navigation', allowed })
    expect(isAllowedAuthNavigation(url, allowList)).toBe(allowed)
  })

  it('allows the origin of a test endpoint (the start-up option’s), and nothing else on that host', () => {
    const local = authWindowAllowList({ authorizeEndpoint: 'http://127.0.0.1:4100/oauth/authorize' })
    expect(isAllowedAuthNavigation('http://127.0.0.1:4100/service-market', local)).toBe(true)
    expect(isAllowedAuthNavigation('http://127.0.0.1:4101/', local)).toBe(false)
    expect(isAllowedAuthNavigation('http://localhost:4100/', local)).toBe(false)
  })

  it('leaves the integrator’s pages on the callback origin open once the attempt is captured', () => {
    expect(capture('https://callback.example.com/login', { captured: true })).toEqual({ kind: 'navigation', allowed: true })
    expect(capture(`https://callback.example.com/lazada/callback/?code=x&state=${OURS}`, { captured: true })).toEqual({ kind: 'navigation', allowed: true })
    // Another origin stays as blocked as before.
    expect(capture('https://evil.test/', { captured: true })).toEqual({ kind: 'navigation', allowed: false })
  })
})

describe('a code anywhere on the callback’s origin but the exact callback path', () => {
  const origin = 'https://callback.example.com'
  it.each([
    ['a trailing slash', `${origin}/lazada/callback/?code=0_1_abc&state=${OURS}`],
    ['another case', `${origin}/lazada/Callback?code=0_1_abc&state=${OURS}`],
    ['an upper-case folder', `${origin}/LAZADA/callback?code=0_1_abc&state=${OURS}`],
    ['a percent-encoded letter', `${origin}/lazada/%63allback?code=0_1_abc&state=${OURS}`],
    ['an encoded slash and dot segments', `${origin}/lazada/callback%2F..%2Fcallback?code=0_1_abc&state=${OURS}`],
    ['a double slash in front', `${origin}//lazada/callback?code=0_1_abc&state=${OURS}`],
    ['a double slash inside', `${origin}/lazada//callback?code=0_1_abc&state=${OURS}`],
    ['a ;params suffix', `${origin}/lazada/callback;jsessionid=1?code=0_1_abc&state=${OURS}`],
    ['the code as a ;param', `${origin}/lazada/callback;code=0_1_abc?state=${OURS}`],
    ['an extra segment', `${origin}/lazada/callback/extra?code=0_1_abc&state=${OURS}`],
    ['a trailing dot segment', `${origin}/lazada/callback/.?code=0_1_abc&state=${OURS}`],
    ['a file extension', `${origin}/lazada/callback.php?code=0_1_abc&state=${OURS}`],
    ['an encoded NUL', `${origin}/lazada/callback%00?code=0_1_abc&state=${OURS}`],
    ['the origin’s root', `${origin}/?code=0_1_abc&state=${OURS}`],
    ['an upper-case parameter', `${origin}/login?CODE=0_1_abc`],
    ['a percent-encoded parameter name', `${origin}/login?%63ode=0_1_abc`],
    ['a doubly encoded parameter name', `${origin}/login?%2563ode=0_1_abc`],
    ['the code in the fragment', `${origin}/login#code=0_1_abc`],
    ['the default port written out', `${origin}:443/lazada/callback/?code=0_1_abc&state=${OURS}`]
  ])('refuses %s, and the window blocks it', (_, url) => {
    const result = capture(url)
    expect(result).toMatchObject({ kind: 'refused', reason: 'outside-callback-path', carriesCode: true })
    expect(navigationDecision(result, { callbackLoads: true })).toBe('block')
    expect(result.kind === 'refused' && result.message).toContain('not exactly the registered callback URL')
  })

  it.each([
    ['a parameter that only ends in “code”', `${origin}/login?promo_code=x`],
    ['a country parameter', `${origin}/login?country=sg`]
  ])('does not take %s for a code (still blocked before the capture)', (_, url) => {
    expect(capture(url)).toEqual({ kind: 'navigation', allowed: false })
  })
})

describe('the callback', () => {
  it.each([
    ['the registered callback', q(`code=0_100132_abc&state=${OURS}`)],
    ['an upper-case host (the URL parser lower-cases it)', `https://CALLBACK.Example.COM/lazada/callback?code=0_100132_abc&state=${OURS}`],
    ['the default port written out', `https://callback.example.com:443/lazada/callback?code=0_100132_abc&state=${OURS}`],
    ['dot segments that resolve to the callback path', `https://callback.example.com/lazada/x/../callback?code=0_100132_abc&state=${OURS}`],
    ['other parameters around the code and state', q(`foo=1&code=0_100132_abc&bar=2&state=${OURS}`)]
  ])('is captured for %s', (_, url) => {
    expect(capture(url)).toEqual({ kind: 'captured', attemptId: 1, storeId: 10, code: '0_100132_abc', country: null })
  })

  it.each([
    ['sg', 'SG'],
    ['ID', 'ID'],
    ['cb', 'CB'],
    ['xyz', null],
    ['', null]
  ])('takes the country the seller picked (%s → %s)', (country, expected) => {
    expect(capture(q(`code=c0de&state=${OURS}&country=${country}`))).toMatchObject({ kind: 'captured', country: expected })
  })

  it('ignores a country given twice rather than guess', () => {
    expect(capture(q(`code=c0de&state=${OURS}&country=sg&country=my`))).toMatchObject({ kind: 'captured', country: null })
  })

  it.each([
    ['Lazada’s error', q(`error=access_denied&state=${OURS}`), 'lazada-error', null],
    ['an error with a code as well', q(`error=server_error&code=c0de&state=${OURS}`), 'lazada-error', null],
    ['the seller’s refusal with a code as well', q(`error=access_denied&code=0_100132_abc&state=${OURS}`), 'lazada-error', null],
    ['an error after the code', q(`code=0_100132_abc&state=${OURS}&error=access_denied`), 'lazada-error', null],
    ['a missing code', q(`state=${OURS}`), 'missing-code', 1],
    ['an empty code', q(`code=&state=${OURS}`), 'missing-code', 1],
    ['a code with spaces', q(`code=a%20b&state=${OURS}`), 'missing-code', 1],
    ['no query at all', CALLBACK, 'missing-code', null],
    ['a duplicate code', q(`code=c0de&code=other&state=${OURS}`), 'duplicate-parameter', null],
    ['a duplicate state', q(`code=c0de&state=${OURS}&state=${UNKNOWN}`), 'duplicate-parameter', null],
    ['the same state twice', q(`code=c0de&state=${OURS}&state=${OURS}`), 'duplicate-parameter', null],
    ['a code in the fragment only', `${CALLBACK}?state=${OURS}#code=c0de`, 'code-in-fragment', null],
    ['a code in the query and the fragment', `${CALLBACK}?code=c0de&state=${OURS}#code=other`, 'duplicate-parameter', null],
    ['a missing state', q('code=c0de'), 'missing-state', null],
    ['an empty state', q('code=c0de&state='), 'missing-state', null],
    ['an unknown state', q(`code=c0de&state=${UNKNOWN}`), 'unknown-state', null],
    ['a state of the wrong shape', q('code=c0de&state=1212'), 'unknown-state', null],
    ['the hash instead of the state', q(`code=c0de&state=${hashState(OURS)}`), 'unknown-state', null],
    ['a reused state', q(`code=c0de&state=${USED}`), 'reused-state', 2],
    ['a state expiring at exactly 30 minutes', q(`code=c0de&state=${EXPIRING}`), 'expired-state', 5],
    ['another store’s state', q(`code=c0de&state=${OTHER_STORE}`), 'mismatched-state', 3],
    ['an earlier attempt of the same store', q(`code=c0de&state=${OLD_LINK}`), 'mismatched-state', 4]
  ])('refuses %s', (_, url, reason, attemptId) => {
    const result = capture(url)
    expect(result).toMatchObject({ kind: 'refused', reason, attemptId })
    expect(result.kind === 'refused' && result.message.length).toBeGreaterThan(10)
  })

  it.each([
    ['never lets Lazada’s error load with a code', q(`error=access_denied&code=0_100132_abc&state=${OURS}`), 'block'],
    ['lets Lazada’s error alone load, so its page shows', q(`error=access_denied&state=${OURS}`), 'allow'],
    ['lets a callback without a code load', q(`state=${OURS}`), 'allow'],
    ['blocks a malformed code', q(`code=a%20b&state=${OURS}`), 'block']
  ])('%s', (_, url, decision) => {
    expect(navigationDecision(capture(url), { callbackLoads: true })).toBe(decision)
  })

  it.each<[string, Partial<KnownAttempt>, string]>([
    ['marked expired (the clock went back since)', { outcome: 'expired' }, 'expired-state'],
    ['abandoned (its window was closed)', { outcome: 'abandoned' }, 'reused-state'],
    ['refused', { outcome: 'refused' }, 'reused-state'],
    ['captured', { outcome: 'captured' }, 'reused-state'],
    ['pending with its state spent (an exchange under way)', { used: true }, 'reused-state']
  ])('refuses an attempt whose record says %s, whatever the clock says', (_, record, reason) => {
    const attempt: KnownAttempt = { ...pending(9, 10, OURS, NOW + 28 * MIN), ...record }
    const result = captureNavigation({ url: q(`code=c0de&state=${OURS}`), callbackUrl: CALLBACK, attempts: [attempt], now: NOW - 2 * MIN, allowList, expect: { attemptId: 9, storeId: 10 } })
    expect(result).toMatchObject({ kind: 'refused', reason, attemptId: 9, carriesCode: true })
  })

  it('expires exactly 30 minutes after the start, not a millisecond before', () => {
    const started = NOW
    const attempt = pending(9, 10, OURS, started + 30 * MIN)
    const at = (now: number) =>
      captureNavigation({ url: q(`code=c0de&state=${OURS}`), callbackUrl: CALLBACK, attempts: [attempt], now, allowList, expect: { attemptId: 9, storeId: 10 } })
    expect(at(started + 30 * MIN - 1)).toMatchObject({ kind: 'captured' })
    expect(at(started + 30 * MIN)).toMatchObject({ kind: 'refused', reason: 'expired-state' })
  })

  it('keeps only a safe token of Lazada’s error value', () => {
    expect(capture(q(`error=access_denied&state=${OURS}`))).toMatchObject({ lazadaError: 'access_denied', message: expect.stringContaining('access_denied') })
    expect(capture(q(`error=%3Cscript%3E&state=${OURS}`))).toMatchObject({ lazadaError: 'unknown' })
  })

  it('without an expected attempt, matches any valid attempt (the link case)', () => {
    const result = captureNavigation({ url: q(`code=c0de&state=${OTHER_STORE}`), callbackUrl: CALLBACK, attempts, now: NOW, allowList })
    expect(result).toMatchObject({ kind: 'captured', attemptId: 3, storeId: 11 })
  })

  it('never treats anything as the callback when the registered callback is not a URL (and blocks it)', () => {
    const result = captureNavigation({ url: q(`code=c0de&state=${OURS}`), callbackUrl: '', attempts, now: NOW, allowList })
    expect(result).toEqual({ kind: 'navigation', allowed: false })
  })
})

describe('what the window does', () => {
  it.each<[string, CaptureResult, boolean, 'allow' | 'block']>([
    ['an allowed page', { kind: 'navigation', allowed: true }, true, 'allow'],
    ['a blocked page', { kind: 'navigation', allowed: false }, true, 'block'],
    ['a capture (callback page loads)', { kind: 'captured', attemptId: 1, storeId: 1, code: 'c', country: null }, true, 'allow'],
    ['a capture when the app keeps the code', { kind: 'captured', attemptId: 1, storeId: 1, code: 'c', country: null }, false, 'block'],
    ['Lazada’s error (nothing to protect)', { kind: 'refused', reason: 'lazada-error', attemptId: null, lazadaError: 'access_denied', carriesCode: false, message: '' }, true, 'allow'],
    ['Lazada’s error with a code', { kind: 'refused', reason: 'lazada-error', attemptId: null, lazadaError: 'access_denied', carriesCode: true, message: '' }, true, 'block'],
    ['a missing code', { kind: 'refused', reason: 'missing-code', attemptId: null, lazadaError: null, carriesCode: false, message: '' }, true, 'allow'],
    ['a bad state with a code', { kind: 'refused', reason: 'unknown-state', attemptId: null, lazadaError: null, carriesCode: true, message: '' }, true, 'block'],
    ['a duplicate code', { kind: 'refused', reason: 'duplicate-parameter', attemptId: null, lazadaError: null, carriesCode: true, message: '' }, true, 'block'],
    ['another path on the callback’s site', { kind: 'refused', reason: 'outside-callback-path', attemptId: null, lazadaError: null, carriesCode: true, message: '' }, true, 'block']
  ])('%s → %s', (_, result, callbackLoads, decision) => {
    expect(navigationDecision(result, { callbackLoads })).toBe(decision)
  })
})
