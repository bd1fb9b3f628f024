/** What goes over the wire: GET with every parameter in the query, the common parameters, the right host per API and country. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COVERED_COUNTRIES } from '../../../electron/shared/countries'
import { resolveHosts } from '../../../electron/core/lazada/hosts'
import { LAZADA_AUTH_HOST, LAZADA_GATEWAYS } from '../../../electron/shared/lazada-hosts'
import { createLazadaClient, type FetchLike } from '../../../electron/core/lazada/lazada-client'
import { startMockGateway, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor } from './support'

let mock: MockGateway
beforeEach(async () => {
  mock = await startMockGateway()
  mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
})
afterEach(() => mock.close())

describe('requests', () => {
  it('sends a signed GET with app_key, a millisecond timestamp, sign_method=sha256 and an uppercase sign, in the query', async () => {
    const sent: { url: string; method: string }[] = []
    const recordingFetch: FetchLike = (url, init) => {
      sent.push({ url, method: init.method })
      return fetch(url, init)
    }
    const client = clientFor(mock, { fetch: recordingFetch })
    const before = Date.now()
    await client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.method).toBe('GET')
    expect(sent[0]!.url.startsWith(`${mock.hosts.gateways.SG}/service/market/subs/query?`)).toBe(true)
    const [request] = mock.requests
    expect(request!.answer).toBe('0')
    expect(Object.keys(request!.params).sort()).toEqual(['app_key', 'articleCode', 'shortCode', 'sign', 'sign_method', 'timestamp'])
    expect(request!.params).toMatchObject({ app_key: mock.appKey, sign_method: 'sha256', articleCode: mock.articleCode, shortCode: 'SG1001' })
    expect(request!.params.timestamp).toMatch(/^\d{13}$/)
    expect(Number(request!.params.timestamp)).toBeGreaterThanOrEqual(before)
    expect(request!.params.sign).toMatch(/^[0-9A-F]{64}$/)
  })

  it('sends and signs access_token for /seller/get', async () => {
    const { accessToken } = mock.grantTokens('SG1001')
    await clientFor(mock).seller('SG', accessToken)
    expect(mock.requests[0]).toMatchObject({ api: '/seller/get', country: 'SG', answer: '0' })
    expect(mock.requests[0]!.params.access_token).toBe(accessToken)
  })

  it('calls the token APIs on the authorization host, without access_token', async () => {
    const client = clientFor(mock)
    const grant = await client.createToken(mock.issueCode('SG1001'))
    await client.refreshToken(grant.refreshToken)
    expect(mock.requests.map((r) => [r.api, r.country, r.answer])).toEqual([
      ['/auth/token/create', null, '0'],
      ['/auth/token/refresh', null, '0']
    ])
    for (const request of mock.requests) expect(request.params.access_token).toBeUndefined()
  })

  it('neither sends nor signs empty parameters', async () => {
    await clientFor(mock).orders('SG', { articleCode: mock.articleCode, shortCode: '', pageNo: 1, pageSize: 20 })
    expect(mock.requests[0]!.answer).toBe('0')
    expect(Object.keys(mock.requests[0]!.params)).not.toContain('shortCode')
    expect(Object.values(mock.requests[0]!.params)).not.toContain('')
  })

  it('URL-encodes values on the wire but signs them raw (the mock checks the signature)', async () => {
    const shortCode = 'A B&c=d/é+%'
    mock.setSubscriptions('SG', shortCode, [{ status: 1, endTime: 1_900_000_000_000 }])
    const rows = await clientFor(mock).subscriptions('SG', { articleCode: mock.articleCode, shortCode })
    expect(mock.requests[0]!.answer).toBe('0')
    expect(mock.requests[0]!.params.shortCode).toBe(shortCode)
    expect(rows).toHaveLength(1)
  })

  it('calls each country on its own gateway', async () => {
    const client = clientFor(mock, { callsPerSecond: 1000 })
    for (const country of COVERED_COUNTRIES) await client.subscriptions(country, { articleCode: mock.articleCode, shortCode: `${country}1` })
    expect(mock.requests.map((r) => r.country)).toEqual([...COVERED_COUNTRIES])
  })
})

describe('hosts', () => {
  it('defaults to the published authorization host and country gateways', () => {
    const hosts = resolveHosts()
    expect(hosts.auth).toBe('https://auth.lazada.com/rest')
    expect(hosts.gateways).toEqual({
      SG: 'https://api.lazada.sg/rest',
      MY: 'https://api.lazada.com.my/rest',
      TH: 'https://api.lazada.co.th/rest',
      PH: 'https://api.lazada.com.ph/rest',
      VN: 'https://api.lazada.vn/rest',
      ID: 'https://api.lazada.co.id/rest'
    })
    expect(LAZADA_AUTH_HOST).toBe(hosts.auth)
    expect(LAZADA_GATEWAYS).toEqual(hosts.gateways)
  })

  it('takes overrides one by one, without a trailing slash', () => {
    const hosts = resolveHosts({ auth: 'https://proxy.example/lazada-auth/', gateways: { TH: 'http://127.0.0.1:9/th/rest' } })
    expect(hosts.auth).toBe('https://proxy.example/lazada-auth')
    expect(hosts.gateways.TH).toBe('http://127.0.0.1:9/th/rest')
    expect(hosts.gateways.SG).toBe('https://api.lazada.sg/rest')
  })

  it.each([
    ['not a URL', 'lazada', /not a valid URL/],
    ['another scheme', 'ftp://api.lazada.sg/rest', /must start with https/],
    ['a query', 'https://api.lazada.sg/rest?x=1', /must not contain/]
  ])('refuses %s', (_, auth, message) => {
    expect(() => resolveHosts({ auth })).toThrow(message)
  })

  it('needs an App Key and an App Secret', () => {
    expect(() => createLazadaClient({ appKey: ' ', appSecret: 's' })).toThrow(/App Key and App Secret/)
    expect(() => createLazadaClient({ appKey: 'k', appSecret: '' })).toThrow(/App Key and App Secret/)
  })
})
