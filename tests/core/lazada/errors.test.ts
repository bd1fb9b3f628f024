/** Every failure reaches the caller as a classified LazadaError with a sentence saying what happened and what to do. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LAZADA_ERROR_KINDS, LazadaError } from '../../../electron/core/lazada/lazada-api'
import type { LazadaClient } from '../../../electron/core/lazada/lazada-client'
import { startMockGateway, type MockFault, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor, recordingLogger, rejection } from './support'

let mock: MockGateway
let client: LazadaClient
let logger: ReturnType<typeof recordingLogger>
beforeEach(async () => {
  mock = await startMockGateway()
  mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
  logger = recordingLogger()
  client = clientFor(mock, { maxAttempts: 1, logger, callsPerSecond: 1000 })
})
afterEach(() => mock.close())

const subs = () => client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })

describe('Lazada error codes', () => {
  it('IllegalAccessToken: refresh, or have the seller authorize again', async () => {
    const error = await rejection(client.seller('SG', 'not-a-token'))
    expect(error).toBeInstanceOf(LazadaError)
    expect(error.kind).toBe('illegal-access-token')
    expect(error.detail).toMatchObject({ code: 'IllegalAccessToken', api: '/seller/get' })
    expect(error.detail.requestId).toMatch(/^[0-9a-f]+$/)
    expect(error.message).toBe(
      "Lazada no longer accepts this store's access token (invalid or expired) while checking the seller account. Refresh the token; if that fails too, ask the seller to authorize the app again."
    )
  })

  it('IllegalRefreshToken: the seller must authorize again', async () => {
    const error = await rejection(client.refreshToken('retired-refresh-token'))
    expect(error.kind).toBe('illegal-refresh-token')
    expect(error.message).toMatch(/refresh token: it is invalid or has expired\. The seller has to authorize the app again \(Reauthorize\)\.$/)
  })

  it('AUTH_TYPE_UNSUPPORTED: the token lasts as long as the subscription, nothing to do', async () => {
    const { refreshToken } = mock.grantTokens('SG1001', { marketBound: true })
    const error = await rejection(client.refreshToken(refreshToken))
    expect(error.kind).toBe('auth-type-unsupported')
    expect(error.message).toContain("bound to the seller's Service Market subscription and lasts until the subscription ends. Nothing to do now")
  })

  it('InvalidCode: a used code cannot work again; start the authorization again', async () => {
    const code = mock.issueCode('SG1001')
    await client.createToken(code)
    const error = await rejection(client.createToken(code))
    expect(error.kind).toBe('invalid-code')
    expect(error.message).toContain('already used, is more than 30 minutes old, or belongs to another app')
    expect(error.message).toContain('start the authorization again')
    expect(error.message).not.toContain(code)
  })

  it('IncompleteSignature: check the App Secret and the system clock', async () => {
    const wrong = clientFor(mock, { appSecret: 'not-the-secret', maxAttempts: 1 })
    const error = await rejection(wrong.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' }))
    expect(error.kind).toBe('incomplete-signature')
    expect(error.message).toContain("Lazada refused the request's signature while checking the Service Market subscription")
    expect(error.message).toContain('App Secret')
    expect(error.message).toContain("this computer's date, time and time zone are correct")
  })

  it('ApiCallLimit: too many calls per second; try again in a minute', async () => {
    mock.inject('/service/market/subs/query', { kind: 'lazada', code: 'ApiCallLimit' })
    const error = await rejection(subs())
    expect(error.kind).toBe('api-call-limit')
    expect(error.message).toContain('too many calls per second (ApiCallLimit)')
    expect(error.message).toContain('Try again in a minute.')
  })

  it('another Lazada code: quotes Lazada, names the request ID', async () => {
    mock.inject('any', { kind: 'lazada', code: 'SellerNotActive', message: 'Seller not active, please check seller status' })
    const error = await rejection(subs())
    expect(error.kind).toBe('lazada-error')
    expect(error.detail.code).toBe('SellerNotActive')
    expect(error.message).toMatch(
      /^Lazada refused checking the Service Market subscription with "SellerNotActive": Seller not active, please check seller status\. Check the store's seller short code and the integrator settings; if it keeps happening, contact Lazada support \(Lazada request ID [0-9a-f]+\)\.$/
    )
  })

  it('a missing parameter found by the mock is another Lazada code', async () => {
    const error = await rejection(client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: '' }))
    expect(error).toMatchObject({ kind: 'lazada-error', detail: { code: 'MissingParameter' } })
  })

  it('classifies a Lazada code by the code even when the HTTP status is an error', async () => {
    mock.inject('any', { kind: 'lazada', code: 'IllegalAccessToken', httpStatus: 401 })
    const error = await rejection(subs())
    expect(error).toMatchObject({ kind: 'illegal-access-token', detail: { httpStatus: 401 } })
  })

  it('reports result.success false as Lazada’s refusal', async () => {
    mock.inject('any', { kind: 'answer', body: { code: '0', result: { success: 'false', resultCode: 'ARTICLE_NOT_FOUND', remark: 'no such article' } } })
    const error = await rejection(subs())
    expect(error).toMatchObject({ kind: 'lazada-error', detail: { code: 'ARTICLE_NOT_FOUND' } })
    expect(error.message).toContain('no such article')
  })
})

describe('transport failures', () => {
  it.each<[string, MockFault, RegExp]>([
    ['503', { kind: 'http', status: 503 }, /answered HTTP 503 while checking the Service Market subscription\. This is usually temporary on Lazada's side; try again in a few minutes\.$/],
    ['404', { kind: 'http', status: 404 }, /answered HTTP 404 .*Check the Lazada server addresses in Settings → Integrator \(a proxy may be answering instead of Lazada\)/]
  ])('HTTP %s: an http-error with the status', async (status, fault, message) => {
    mock.inject('any', fault)
    const error = await rejection(subs())
    expect(error).toMatchObject({ kind: 'http-error', detail: { httpStatus: Number(status), api: '/service/market/subs/query' } })
    expect(error.message).toMatch(message)
  })

  it('a slow answer: a timeout after the configured time', async () => {
    const quick = clientFor(mock, { maxAttempts: 1, timeoutMs: 150 })
    mock.inject('any', { kind: 'slow', delayMs: 600 })
    const error = await rejection(quick.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' }))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe(
      'Lazada did not answer within 0.15 s while checking the Service Market subscription. Check the internet connection and proxy, then try again later.'
    )
  })

  it('a dropped connection: a network error naming the host', async () => {
    mock.inject('any', { kind: 'drop' })
    const error = await rejection(subs())
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^Storewatch could not reach Lazada at 127\.0\.0\.1:\d+ while checking the Service Market subscription \(.+\)\. Check the internet connection/)
  })

  it('nobody listening: a network error', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const offline = clientFor(mock, { maxAttempts: 1, hosts: { gateways: { SG: `http://127.0.0.1:${port}/sg/rest` } } })
    const error = await rejection(offline.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' }))
    expect(error.kind).toBe('network')
    expect(error.message).toContain('ECONNREFUSED')
  })

  it.each<[string, MockFault, string]>([
    ['truncated JSON', { kind: 'malformed' }, 'not JSON'],
    ['an HTML page with HTTP 200', { kind: 'malformed', body: '<html>Login</html>' }, 'not JSON'],
    ['JSON without code', { kind: 'answer', body: { result: {} } }, 'no "code"'],
    ['code "0" without the result', { kind: 'answer', body: { code: '0' } }, 'missing or invalid "result"']
  ])('%s: malformed', async (_, fault, what) => {
    mock.inject('any', fault)
    const error = await rejection(subs())
    expect(error.kind).toBe('malformed')
    expect(error.message).toBe(
      `Lazada's answer could not be read while checking the Service Market subscription (${what}). Try again later; if it keeps happening, check that the Lazada server addresses in Settings → Integrator point to Lazada.`
    )
  })
})

describe('what is said and logged', () => {
  it('every kind has a sentence with advice, and none quotes a secret, token or code', async () => {
    const { accessToken, refreshToken } = mock.grantTokens('SG1001', { marketBound: true })
    const code = mock.issueCode('SG1001')
    const seen = new Map<string, LazadaError>()
    const attempts: [MockFault | null, () => Promise<unknown>][] = [
      [{ kind: 'lazada', code: 'IllegalAccessToken' }, () => client.seller('SG', accessToken)],
      [{ kind: 'lazada', code: 'IllegalRefreshToken' }, () => client.refreshToken(refreshToken)],
      [null, () => client.refreshToken(refreshToken)],
      [{ kind: 'lazada', code: 'InvalidCode' }, () => client.createToken(code)],
      [{ kind: 'lazada', code: 'IncompleteSignature' }, subs],
      [{ kind: 'lazada', code: 'SomethingElse' }, subs],
      [{ kind: 'http', status: 502 }, subs],
      [{ kind: 'slow', delayMs: 400 }, () => clientFor(mock, { maxAttempts: 1, timeoutMs: 100, logger }).seller('SG', accessToken)],
      [{ kind: 'drop' }, () => client.seller('SG', accessToken)],
      [{ kind: 'malformed' }, () => client.seller('SG', accessToken)],
      // Last: the ban it causes would hold the next subscription calls for a second.
      [{ kind: 'lazada', code: 'ApiCallLimit' }, subs]
    ]
    for (const [fault, call] of attempts) {
      if (fault) mock.inject('any', fault)
      const error = await rejection(call())
      seen.set(error.kind, error)
    }
    expect([...seen.keys()].sort()).toEqual([...LAZADA_ERROR_KINDS].sort())
    const secrets = [mock.appSecret, accessToken, refreshToken, code]
    for (const error of seen.values()) {
      expect(error.message).toMatch(/\. [A-Z].*\.$/)
      for (const secret of secrets) expect(error.message).not.toContain(secret)
    }
    const logged = JSON.stringify(logger.lines)
    expect(logger.lines.length).toBeGreaterThan(0)
    for (const secret of secrets) expect(logged).not.toContain(secret)
    expect(logged).not.toMatch(/[0-9A-F]{64}/)
  })
})
