/** Retries: backoff with jitter for network errors, timeouts, 5xx and ApiCallLimit (never sooner than 1 s); bounded; never for the code exchange. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_CALL_LIMIT_BAN_MS, MIN_RETRY_WAIT_MS, backoffDelay, isRetryable } from '../../../electron/core/lazada/retry'
import { LazadaError } from '../../../electron/core/lazada/lazada-api'
import { startMockGateway, type MockFault, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor, fakeTime, rejection, type FakeTime } from './support'

let mock: MockGateway
let time: FakeTime
beforeEach(async () => {
  mock = await startMockGateway()
  mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
  time = fakeTime()
})
afterEach(() => mock.close())

function client(options: Parameters<typeof clientFor>[1] = {}) {
  return clientFor(mock, { clock: time.clock, sleep: time.sleep, callsPerSecond: 1000, ...options })
}
const query = () => ({ articleCode: mock.articleCode, shortCode: 'SG1001' })
const answers = () => mock.requests.map((r) => r.answer)

describe('backoff', () => {
  it('doubles up to the cap, half fixed and half jitter, on top of the floor', () => {
    const policy = { baseMs: 500, maxMs: 4000 }
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, 0, () => 0))).toEqual([250, 500, 1000, 2000, 2000])
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, 0, () => 0.999999))).toEqual([500, 1000, 2000, 4000, 4000])
    expect(backoffDelay(1, policy, MIN_RETRY_WAIT_MS, () => 0)).toBe(1250)
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(3, policy, 0, Math.random)))
    expect(spread.size).toBeGreaterThan(1)
  })

  it('retries what may pass later and nothing else', () => {
    const kinds = (kind: LazadaError['kind'], httpStatus?: number) => isRetryable(new LazadaError(kind, 'x', { httpStatus }))
    expect([kinds('network'), kinds('timeout'), kinds('api-call-limit'), kinds('http-error', 503), kinds('http-error', 429)]).toEqual([true, true, true, true, true])
    expect(kinds('lazada-error', 503)).toBe(true)
    expect([kinds('http-error', 404), kinds('malformed'), kinds('illegal-access-token'), kinds('incomplete-signature'), kinds('lazada-error')]).toEqual([
      false,
      false,
      false,
      false,
      false
    ])
  })
})

describe('retries against the mock', () => {
  it.each<[string, MockFault]>([
    ['5xx', { kind: 'http', status: 503 }],
    ['5xx with a Lazada error body', { kind: 'lazada', code: 'ServiceUnavailable', type: 'SYSTEM', httpStatus: 503 }],
    ['a dropped connection', { kind: 'drop' }]
  ])('retries %s with growing, jittered waits of 1 s or more, then succeeds', async (_, fault) => {
    mock.inject('any', fault, 2)
    const rows = await client({ random: () => 0.5 }).subscriptions('SG', query())
    expect(rows).toEqual([])
    expect(answers().at(-1)).toBe('0')
    expect(mock.requests).toHaveLength(3)
    expect(time.sleeps).toEqual([1375, 1750])
  })

  it('never retries sooner than 1 s, however the jitter falls', async () => {
    mock.inject('any', { kind: 'http', status: 502 }, 3)
    await client({ random: () => 0 }).subscriptions('SG', query())
    expect(time.sleeps).toHaveLength(3)
    for (const wait of time.sleeps) expect(wait).toBeGreaterThanOrEqual(MIN_RETRY_WAIT_MS)
  })

  it('retries a timeout after 1 s or more', async () => {
    mock.inject('any', { kind: 'slow', delayMs: 500 })
    await client({ timeoutMs: 100 }).subscriptions('SG', query())
    expect(mock.requests).toHaveLength(2)
    expect(time.sleeps).toHaveLength(1)
    expect(time.sleeps[0]).toBeGreaterThanOrEqual(MIN_RETRY_WAIT_MS)
  })

  it('waits at least 1 s after ApiCallLimit, for the whole API, then succeeds', async () => {
    mock.inject('any', { kind: 'lazada', code: 'ApiCallLimit' })
    await client({ random: () => 0 }).subscriptions('SG', query())
    expect(answers()).toEqual(['ApiCallLimit', '0'])
    const [first, second] = mock.requests.map((r) => Number(r.params.timestamp))
    expect(second! - first!).toBeGreaterThanOrEqual(1000)
    expect(time.sleeps[0]).toBeGreaterThanOrEqual(API_CALL_LIMIT_BAN_MS)
  })

  it('holds every later call of the banned API until the ban is over, and only that API', async () => {
    const lazada = client({ maxAttempts: 1 })
    mock.inject('any', { kind: 'lazada', code: 'ApiCallLimit' })
    await rejection(lazada.subscriptions('SG', query()))
    const { accessToken } = mock.grantTokens('SG1001')
    await lazada.seller('SG', accessToken)
    expect(time.sleeps).toEqual([])
    await lazada.subscriptions('SG', query())
    expect(time.sleeps).toEqual([API_CALL_LIMIT_BAN_MS])
    const [banned, seller, next] = mock.requests.map((r) => Number(r.params.timestamp))
    expect(seller! - banned!).toBeLessThan(1000)
    expect(next! - banned!).toBeGreaterThanOrEqual(1000)
  })

  it('gives up after maxAttempts, with the last error', async () => {
    mock.inject('any', { kind: 'http', status: 502 }, 10)
    const error = await rejection(client({ maxAttempts: 3 }).subscriptions('SG', query()))
    expect(error).toMatchObject({ kind: 'http-error', detail: { httpStatus: 502 } })
    expect(mock.requests).toHaveLength(3)
    expect(time.sleeps).toHaveLength(2)
  })

  it.each<[string, MockFault]>([
    ['IllegalAccessToken', { kind: 'lazada', code: 'IllegalAccessToken' }],
    ['HTTP 404', { kind: 'http', status: 404 }],
    ['a malformed answer', { kind: 'malformed' }]
  ])('does not retry %s', async (_, fault) => {
    mock.inject('any', fault)
    await rejection(client().subscriptions('SG', query()))
    expect(mock.requests).toHaveLength(1)
    expect(time.sleeps).toEqual([])
  })

  it.each<[string, MockFault]>([
    ['5xx', { kind: 'http', status: 503 }],
    ['ApiCallLimit', { kind: 'lazada', code: 'ApiCallLimit' }],
    ['a dropped connection', { kind: 'drop' }],
    ['IncompleteSignature', { kind: 'lazada', code: 'IncompleteSignature' }]
  ])('never sends the single-use code twice, not even after %s', async (_, fault) => {
    const code = mock.issueCode('SG1001')
    mock.inject('/auth/token/create', fault)
    await rejection(client().createToken(code))
    expect(mock.requests.filter((r) => r.api === '/auth/token/create')).toHaveLength(1)
    expect(time.sleeps).toEqual([])
    // The code was not spent on the failed call, so the KAM can still finish with it.
    await client().createToken(code)
  })

  it('retries a refresh (a 5xx leaves the refresh token unused)', async () => {
    const { refreshToken } = mock.grantTokens('SG1001')
    mock.inject('/auth/token/refresh', { kind: 'http', status: 500 })
    await client().refreshToken(refreshToken)
    expect(answers()).toEqual(['HTTP 500', '0'])
  })
})
