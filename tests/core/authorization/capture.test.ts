/** The capture function and the window's allow-list, table-driven with hostile and awkward URLs. */
import { describe, expect, it } from 'vitest'
import { authWindowAllowList, isAllowedAuthNavigation } from '../../../electron/core/authorization/allow-list'
import { captureNavigation, navigationDecision } from '../../../electron/core/authorization/capture'
import type { CaptureResult, KnownAttempt } from '../../../electron/core/authorization/capture'
import { hashState } from '../../../electron/core/authorization/state'

const CALLBACK = 'https://callback.example.com/lazada/callback'
const ENDPOINT = 'https://auth.lazada.com/oauth/authorize'
const allowList = authWindowAllowList({ callbackUrl: CALLBACK, authorizeEndpoint: ENDPOINT })

const NOW = Date.parse('2026-06-01T04:00:00Z')
const MIN = 60 * 1000
// 22 base64url characters, like the app's states.
const OURS = 'AAAAAAAAAAAAAAAAAAAAAA'
const USED = 'BBBBBBBBBBBBBBBBBBBBBB'
const OTHER_STORE = 'CCCCCCCCCCCCCCCCCCCCCC'
const OLD_LINK = 'DDDDDDDDDDDDDDDDDDDDDD'
const EXPIRING = 'EEEEEEEEEEEEEEEEEEEEEE'
const UNKNOWN = 'ZZZZZZZZZZZZZZZZZZZZZZ'

const attempts: KnownAttempt[] = [
  { id: 1, storeId: 10, stateHash: hashState(OURS), expiresAt: NOW + 20 * MIN, used: false },
  { id: 2, storeId: 10, stateHash: hashState(USED), expiresAt: NOW + 20 * MIN, used: true },
  { id: 3, storeId: 11, stateHash: hashState(OTHER_STORE), expiresAt: NOW + 20 * MIN, used: false },
  { id: 4, storeId: 10, stateHash: hashState(OLD_LINK), expiresAt: NOW + 5 * MIN, used: false },
  { id: 5, storeId: 10, stateHash: hashState(EXPIRING), expiresAt: NOW, used: false }
]

function capture(url: string, options: { expect?: { attemptId: number; storeId: number }; now?: number } = {}): CaptureResult {
  return captureNavigation({ url, callbackUrl: CALLBACK, attempts, now: options.now ?? NOW, allowList, expect: options.expect ?? { attemptId: 1, storeId: 10 } })
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
    // The callback's origin, elsewhere than the callback path (the integrator's login page).
    ['https://callback.example.com/login', true],
    // Other paths on the callback origin are not the callback, even with a code in them.
    [`https://callback.example.com/lazada/callback/extra?code=x&state=${OURS}`, true],
    [`https://callback.example.com/lazada/%63allback?code=x&state=${OURS}`, true],
    [`https://callback.example.com/lazada/callback%2F..%2Fcallback?code=x&state=${OURS}`, true],
    [`https://callback.example.com/lazada/callback/?code=x&state=${OURS}`, true],
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

  it('allows the origin of a test endpoint and a loopback callback, and nothing else on that host', () => {
    const local = authWindowAllowList({ callbackUrl: 'http://127.0.0.1:4100/callback', authorizeEndpoint: 'http://127.0.0.1:4100/oauth/authorize' })
    expect(isAllowedAuthNavigation('http://127.0.0.1:4100/service-market', local)).toBe(true)
    expect(isAllowedAuthNavigation('http://127.0.0.1:4101/', local)).toBe(false)
    expect(isAllowedAuthNavigation('http://localhost:4100/', local)).toBe(false)
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

  it('expires exactly 30 minutes after the start, not a millisecond before', () => {
    const started = NOW
    const attempt: KnownAttempt = { id: 9, storeId: 10, stateHash: hashState(OURS), expiresAt: started + 30 * MIN, used: false }
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

  it('never treats anything as the callback when the registered callback is not a URL', () => {
    const result = captureNavigation({ url: q(`code=c0de&state=${OURS}`), callbackUrl: '', attempts, now: NOW, allowList })
    expect(result).toEqual({ kind: 'navigation', allowed: true })
  })
})

describe('what the window does', () => {
  it.each<[string, CaptureResult, boolean, 'allow' | 'block']>([
    ['an allowed page', { kind: 'navigation', allowed: true }, true, 'allow'],
    ['a blocked page', { kind: 'navigation', allowed: false }, true, 'block'],
    ['a capture (callback page loads)', { kind: 'captured', attemptId: 1, storeId: 1, code: 'c', country: null }, true, 'allow'],
    ['a capture when the app keeps the code', { kind: 'captured', attemptId: 1, storeId: 1, code: 'c', country: null }, false, 'block'],
    ['Lazada’s error (nothing to protect)', { kind: 'refused', reason: 'lazada-error', attemptId: null, lazadaError: 'access_denied', message: '' }, true, 'allow'],
    ['a missing code', { kind: 'refused', reason: 'missing-code', attemptId: null, lazadaError: null, message: '' }, true, 'allow'],
    ['a bad state with a code', { kind: 'refused', reason: 'unknown-state', attemptId: null, lazadaError: null, message: '' }, true, 'block'],
    ['a duplicate code', { kind: 'refused', reason: 'duplicate-parameter', attemptId: null, lazadaError: null, message: '' }, true, 'block']
  ])('%s → %s', (_, result, callbackLoads, decision) => {
    expect(navigationDecision(result, { callbackLoads })).toBe(decision)
  })
})
