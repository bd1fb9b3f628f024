/** The mock gateway itself: its checks (signature, timestamp, limits), its state and its faults, over raw HTTP. */
import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gatewaySign, startMockGateway, type MockGateway } from '../../support/mock-lazada/gateway'

let mock: MockGateway
beforeEach(async () => {
  mock = await startMockGateway()
  mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
})
afterEach(() => mock.close())

interface RawOptions {
  base?: string
  /** Replaces the computed sign. */
  sign?: string | null
  timestamp?: string
}

/** One GET built by hand, signed with the mock's own implementation unless told otherwise. */
async function raw(api: string, business: Record<string, string>, options: RawOptions = {}) {
  const params: Record<string, string> = { app_key: mock.appKey, sign_method: 'sha256', timestamp: options.timestamp ?? String(mock.now()), ...business }
  const sign = options.sign === undefined ? gatewaySign(api, params, mock.appSecret) : options.sign
  if (sign !== null) params.sign = sign
  const response = await fetch(`${options.base ?? mock.hosts.gateways.SG}${api}?${new URLSearchParams(params)}`)
  const text = await response.text()
  const body = (text.startsWith('{') ? JSON.parse(text) : { text }) as Record<string, unknown>
  return { status: response.status, date: response.headers.get('date'), body }
}

const SUBS = '/service/market/subs/query'
const subsParams = () => ({ articleCode: mock.articleCode, shortCode: 'SG1001' })

describe('the gateway’s checks', () => {
  it('accepts a correctly signed call and answers like Lazada (numbers and booleans as strings)', async () => {
    mock.setSubscriptions('SG', 'SG1001', [{ status: 1, endTime: 1669197617401 }])
    const { status, body } = await raw(SUBS, subsParams())
    expect(status).toBe(200)
    expect(body).toMatchObject({ code: '0', result: { success: 'true', data: [{ status: '1', end_time: '1669197617401', autosub: 'false', article_code: mock.articleCode }] } })
    expect(body.request_id).toEqual(expect.any(String))
  })

  it.each<[string, (params: Record<string, string>) => string]>([
    ['keys sorted with localeCompare', (p) => sign(SUBS, p, (a, b) => a.localeCompare(b))],
    ['/rest in the signed path', (p) => sign(`/rest${SUBS}`, p)],
    ['lowercase hex', (p) => gatewaySign(SUBS, p, mock.appSecret).toLowerCase()],
    ['another secret', (p) => sign(SUBS, p, undefined, 'other')]
  ])('refuses a signature made with %s', async (_, makeSign) => {
    const business = { ...subsParams(), endCreated: '2026-01-01 00:00:00', end_time: '1' }
    const timestamp = String(mock.now())
    const all = { app_key: mock.appKey, sign_method: 'sha256', timestamp, ...business }
    const { body } = await raw(SUBS, business, { timestamp, sign: makeSign(all) })
    expect(body).toMatchObject({ code: 'IncompleteSignature', type: 'ISV' })
  })

  function sign(path: string, params: Record<string, string>, compare?: (a: string, b: string) => number, secret = mock.appSecret): string {
    const keys = Object.keys(params).sort(compare)
    return createHmac('sha256', secret)
      .update(path + keys.map((k) => k + params[k]).join(''))
      .digest('hex')
      .toUpperCase()
  }

  it('refuses a missing sign, an unknown app key and another sign_method', async () => {
    expect((await raw(SUBS, subsParams(), { sign: null })).body).toMatchObject({ code: 'MissingParameter' })
    expect((await raw(SUBS, { ...subsParams(), app_key: 'nope' })).body).toMatchObject({ code: 'InvalidAppKey' })
    expect((await raw(SUBS, { ...subsParams(), sign_method: 'hmac' })).body).toMatchObject({ code: 'IncompleteSignature' })
  })

  it('accepts a timestamp within 7200 s of its clock (ms or ISO), refuses one beyond, and shows its clock in Date', async () => {
    mock.clockOffsetMs = 5 * 3_600_000
    const within = await raw(SUBS, subsParams(), { timestamp: String(mock.now() - 7_100_000) })
    expect(within.body.code).toBe('0')
    expect(Math.abs(Date.parse(within.date!) - mock.now())).toBeLessThan(2000)
    expect((await raw(SUBS, subsParams(), { timestamp: new Date(mock.now()).toISOString() })).body.code).toBe('0')
    expect((await raw(SUBS, subsParams(), { timestamp: String(Date.now()) })).body).toMatchObject({ code: 'IncompleteSignature' })
    mock.skewErrorCode = 'InvalidTimestamp'
    expect((await raw(SUBS, subsParams(), { timestamp: String(mock.now() + 7_300_000) })).body.code).toBe('InvalidTimestamp')
  })

  it('serves token APIs only on the authorization host and the others only on country gateways', async () => {
    expect((await raw('/auth/token/create', { code: 'x' })).status).toBe(404)
    expect((await raw(SUBS, subsParams(), { base: mock.hosts.auth })).body.code).toBe('InvalidApi')
    expect((await raw('/auth/token/create', { code: 'x' }, { base: mock.hosts.auth })).body.code).toBe('InvalidCode')
  })

  it('answers ApiCallLimit beyond the per-API limit, bans that API for banMs, and counts', async () => {
    await mock.close()
    // The mock's clock stands still unless moved: the five calls fall in one second however slowly they go.
    let now = Date.now()
    mock = await startMockGateway({ rateLimitPerSecond: 3, banMs: 300, clock: () => now })
    const codes: unknown[] = []
    for (let i = 0; i < 5; i++) codes.push((await raw(SUBS, subsParams())).body.code)
    expect(codes).toEqual(['0', '0', '0', 'ApiCallLimit', 'ApiCallLimit'])
    expect((await raw('/seller/get', { access_token: 'x' })).body.code).toBe('IllegalAccessToken')
    now += 299
    expect((await raw(SUBS, subsParams())).body.code).toBe('ApiCallLimit')
    // The ban is over, and the calls of the last second have left the window.
    now += 1001
    expect((await raw(SUBS, subsParams())).body.code).toBe('0')
    const stats = mock.stats()
    expect(stats).toMatchObject({ calls: 8, apiCallLimit: 3, byApi: { [SUBS]: 7, '/seller/get': 1 } })
    expect(stats.byAnswer).toEqual({ '0': 4, ApiCallLimit: 3, IllegalAccessToken: 1 })
    mock.resetStats()
    expect(mock.stats().calls).toBe(0)
    expect(mock.requests).toEqual([])
  })
})

describe('the gateway’s state', () => {
  const auth = (api: string, params: Record<string, string>) => raw(api, params, { base: mock.hosts.auth })

  it('issues single-use codes that expire after 30 minutes', async () => {
    const code = mock.issueCode('SG1001')
    const first = await auth('/auth/token/create', { code })
    expect(first.body).toMatchObject({ code: '0', country: 'sg', expires_in: '2592000', refresh_expires_in: '15552000', account_platform: 'seller_center' })
    expect(first.body.country_user_info).toEqual([{ country: 'SG', seller_id: '1001', user_id: '2001', short_code: 'SG1001' }])
    expect((await auth('/auth/token/create', { code })).body.code).toBe('InvalidCode')
    const stale = mock.issueCode('SG1001')
    mock.clockOffsetMs = 31 * 60_000
    expect((await auth('/auth/token/create', { code: stale })).body.code).toBe('InvalidCode')
  })

  it('refreshes with a new pair, the same refresh deadline and country_user_info_list in lower case; the old refresh token retires', async () => {
    const { refreshToken } = mock.grantTokens('SG1001', { refreshTtlS: 1000 })
    mock.clockOffsetMs = 100_000
    const { body } = await auth('/auth/token/refresh', { refresh_token: refreshToken })
    expect(body).toMatchObject({ code: '0', refresh_expires_in: '900' })
    expect(body.country_user_info_list).toEqual([{ country: 'sg', seller_id: '1001', user_id: '2001', short_code: 'SG1001' }])
    expect(body.refresh_token).not.toBe(refreshToken)
    expect((await auth('/auth/token/refresh', { refresh_token: refreshToken })).body.code).toBe('IllegalRefreshToken')
  })

  it('refuses refresh for market-bound apps, for refresh_expires_in 0 and after the deadline', async () => {
    const bound = mock.grantTokens('SG1001', { marketBound: true })
    expect((await auth('/auth/token/refresh', { refresh_token: bound.refreshToken })).body).toMatchObject({
      code: 'AUTH_TYPE_UNSUPPORTED',
      message: `${mock.appKey} can only be authorized by market, not support refresh`
    })
    const never = mock.grantTokens('SG1001', { refreshTtlS: 0 })
    expect((await auth('/auth/token/refresh', { refresh_token: never.refreshToken })).body.code).toBe('IllegalRefreshToken')
    const short = mock.grantTokens('SG1001', { refreshTtlS: 60 })
    mock.clockOffsetMs = 61_000
    expect((await auth('/auth/token/refresh', { refresh_token: short.refreshToken })).body.code).toBe('IllegalRefreshToken')
  })

  it('answers /seller/get for a live token on its country’s gateway only', async () => {
    mock.addSeller({ country: 'MY', shortCode: 'MY2002', crossBorder: true, name: 'Acme MY' })
    const { accessToken } = mock.grantTokens('SG1001', { accessTtlS: 60 })
    expect((await raw('/seller/get', { access_token: accessToken })).body).toMatchObject({
      code: '0',
      data: { seller_id: '1001', short_code: 'SG1001', status: 'ACTIVE', cb: 'false', verified: 'true' }
    })
    expect((await raw('/seller/get', { access_token: accessToken }, { base: mock.hosts.gateways.MY })).body.code).toBe('IllegalAccessToken')
    const cb = mock.grantTokens(['SG1001', 'MY2002'])
    expect((await raw('/seller/get', { access_token: cb.accessToken }, { base: mock.hosts.gateways.MY })).body).toMatchObject({ data: { short_code: 'MY2002', cb: 'true' } })
    mock.clockOffsetMs = 61_000
    expect((await raw('/seller/get', { access_token: accessToken })).body.code).toBe('IllegalAccessToken')
  })

  it('sends real numbers when numbersAsStrings is off', async () => {
    await mock.close()
    mock = await startMockGateway({ numbersAsStrings: false })
    mock.setSubscriptions('SG', 'SG1001', [{ status: 2, endTime: 5 }])
    expect((await raw(SUBS, subsParams())).body).toMatchObject({ result: { success: true, data: [{ status: 2, end_time: 5, autosub: false }] } })
  })

  it('refuses to seed tokens for an unknown seller', () => {
    expect(() => mock.issueCode('XX1')).toThrow(/no seller XX1/)
  })
})

describe('the gateway’s faults', () => {
  it('injects faults per API or for any, in order, then answers normally', async () => {
    mock.inject(SUBS, { kind: 'http', status: 503 })
    mock.inject('any', { kind: 'lazada', code: 'ApiCallLimit', httpStatus: 429 })
    mock.inject('/seller/get', { kind: 'malformed' })
    expect((await raw(SUBS, subsParams())).status).toBe(503)
    const limited = await raw(SUBS, subsParams())
    expect([limited.status, limited.body.code, limited.body.message]).toEqual([429, 'ApiCallLimit', 'Api access frequency exceeds the limit. this ban will last 1 seconds'])
    expect((await raw(SUBS, subsParams())).body.code).toBe('0')
    expect(mock.stats()).toMatchObject({ apiCallLimit: 1, byAnswer: { 'HTTP 503': 1, ApiCallLimit: 1, '0': 1 } })
  })

  it('delays slow answers and adds latency to every answer', async () => {
    mock.latencyMs = 60
    mock.inject('any', { kind: 'slow', delayMs: 150 })
    const started = performance.now()
    await raw(SUBS, subsParams())
    const slow = performance.now() - started
    const again = performance.now()
    await raw(SUBS, subsParams())
    const normal = performance.now() - again
    // What the mock added, and (lower bounds only: a busy machine adds its own) that it was waited.
    expect(mock.requests.map((r) => r.delayedMs)).toEqual([210, 60])
    expect(slow).toBeGreaterThanOrEqual(205)
    expect(normal).toBeGreaterThanOrEqual(55)
  })

  it('drops the connection', async () => {
    mock.inject('any', { kind: 'drop' })
    await expect(raw(SUBS, subsParams())).rejects.toThrow(/fetch failed/)
    expect(mock.requests[0]!.answer).toBe('dropped')
  })
})
