/**
 * Credentials, remote checks, the in-app exchange and refresh end to end: the real core with its
 * default Lazada client against the mock gateway over HTTP (put in Lazada's place by the
 * `--lazada-hosts` start-up option), which verifies every signature and timestamp.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuthWindow, AuthWindowHandle, AuthWindowOpenRequest } from '../../../electron/core/ports'
import type { AuthorizationResult } from '../../../electron/shared/authorization'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { startMockGateway } from '../../support/mock-lazada/gateway'
import type { MockGateway } from '../../support/mock-lazada/gateway'
import { storeInput } from '../../support/store-input'
import { FakeSecretStore, lazadaHostsFlag } from '../../support/test-core'
import { call, setIntegrator } from '../checklists/support'
import { DAY, HOUR, openWorld } from '../monitoring/monitoring-support'
import type { World } from '../monitoring/monitoring-support'
import { databaseBytes } from './support'

const CALLBACK = 'https://oms.anchanto.example/lazada/callback'

class FakeAuthWindow implements AuthWindow {
  requests: AuthWindowOpenRequest[] = []
  open(request: AuthWindowOpenRequest): AuthWindowHandle {
    this.requests.push(request)
    return { close: () => request.onClosed(), focus: () => undefined }
  }
  callback(code: string, country: string) {
    const request = this.requests.at(-1)!
    const state = new URL(request.url).searchParams.get('state')!
    return request.onNavigate({ url: `${CALLBACK}?code=${code}&state=${state}&country=${country}`, kind: 'redirect' })
  }
}

let mock: MockGateway
let world: World
let windows: FakeAuthWindow
let secrets: FakeSecretStore

beforeEach(async () => {
  // Limits count calls by their signed send time: a busy machine's late handling cannot bunch them.
  mock = await startMockGateway({ limitBy: 'timestamp' })
  windows = new FakeAuthWindow()
  secrets = new FakeSecretStore()
  // Near the real time: the mock gateway checks timestamps against its own clock.
  world = openWorld(Date.now(), { secretStore: secrets, authWindow: windows, lazadaConcurrency: 1, lazadaHosts: lazadaHostsFlag(mock.hosts) })
  await setIntegrator(world.core, { appKey: mock.appKey, articleCode: mock.articleCode, callbackUrl: CALLBACK })
  const saved = await call(world.core, 'credentials:save-secret', { secret: mock.appSecret })
  expect(saved.status).toBe('saved')
})
afterEach(async () => {
  world.core.monitoring.stop()
  world.database.close()
  await mock.close()
})

function subscribed(shortCode: string | null, endAt: number, draft: Parameters<typeof storeInput>[0] = {}): number {
  const id = world.core.stores.create(storeInput({ sellerShortCode: shortCode, loginEmail: shortCode ? null : 'nocode@acme.sg', storeName: shortCode ?? 'No code', ...draft })).id
  world.core.records.saveSubscription(id, subscriptionInputSchema.parse({ startAt: endAt - 182 * DAY, endAt }))
  world.core.records.recordAuthorization(id, {
    authorizedAt: endAt - 182 * DAY + HOUR,
    method: 'recorded-by-kam',
    account: null,
    country: null,
    refreshDeadlineAt: null,
    note: null,
    reconnected: true
  })
  return id
}

const results = () => world.core.broadcasts.filter((b) => b.event === 'authorizations:result').map((b) => b.payload as AuthorizationResult)

describe('against the mock Lazada gateway', () => {
  it('Test connection: one signed call, and the answer in words; a wrong secret is refused by Lazada', async () => {
    mock.addSeller({ country: 'SG', shortCode: 'SG10000001' })
    mock.setSubscriptions('SG', 'SG10000001', [{ status: 1, endTime: Date.parse('2027-03-31T16:00:00Z') }])
    const result = await call(world.core, 'credentials:test', { country: 'SG', shortCode: 'SG10000001' })
    expect(result).toMatchObject({
      ok: true,
      message: 'Connected: Lazada accepted the app key and secret and answered for SG10000001 (Singapore): its subscription is valid until 1 Apr 2027, 00:00 (SG time).'
    })
    expect(mock.requests.map((r) => [r.api, r.country, r.answer])).toEqual([['/service/market/subs/query', 'SG', '0']])
    expect(mock.requests[0]!.params).toMatchObject({ app_key: mock.appKey, sign_method: 'sha256', shortCode: 'SG10000001', articleCode: mock.articleCode })
    expect(mock.requests[0]!.params.access_token).toBeUndefined()

    // An answer now, not after backoff: a failing gateway is asked once.
    mock.resetStats()
    mock.inject('/service/market/subs/query', { kind: 'http', status: 503 })
    const unavailable = await call(world.core, 'credentials:test', { country: 'SG', shortCode: 'SG10000001' })
    expect(unavailable).toMatchObject({ ok: false, cause: 'http-error' })
    expect(unavailable.message).toMatch(/^Not connected: /)
    expect(mock.requests).toHaveLength(1)

    await call(world.core, 'credentials:save-secret', { secret: 'not-the-right-secret' })
    const refused = await call(world.core, 'credentials:test', { country: 'SG', shortCode: 'SG10000001' })
    expect(refused).toMatchObject({ ok: false, cause: 'incomplete-signature' })
    expect(refused.message).toMatch(/^Not connected: Lazada refused the request's signature/)
  })

  it('a check records Lazada’s answers, flags disagreements, lists stores it cannot check and sums failures by cause', async () => {
    const kamEnd = Date.now() + 10 * DAY
    const lazadaEnd = Date.now() + 200 * DAY
    for (const code of ['SG10000001', 'SG10000002', 'SG10000003']) mock.addSeller({ country: 'SG', shortCode: code })
    mock.setSubscriptions('SG', 'SG10000002', [{ status: 1, endTime: lazadaEnd }])
    mock.setSubscriptions('SG', 'SG10000003', [{ status: 1, endTime: kamEnd }])
    const failing = subscribed('SG10000001', kamEnd)
    const disagrees = subscribed('SG10000002', kamEnd)
    const agrees = subscribed('SG10000003', kamEnd)
    const noCode = subscribed(null, kamEnd)
    // One call at a time in store order: the first store asked meets the fault.
    mock.inject('/service/market/subs/query', { kind: 'lazada', code: 'SellerNotActive', type: 'ISP', message: 'Seller not active, please check seller status' })

    const run = await world.core.monitoring.runNow('manual')
    expect(run.remote).toMatchObject({ state: 'done', asked: 3, answered: 2, disagreements: 1, cannotCheck: 1 })
    expect(run.remote!.failures).toMatchObject([{ cause: 'lazada-error:SellerNotActive', count: 1, storeIds: [failing] }])
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^1 store: Lazada refused checking the Service Market subscription with "SellerNotActive"/)
    expect(world.core.detail(disagrees).verdict).toMatchObject({ status: 'healthy', deadline: lazadaEnd })
    expect(world.core.detail(agrees).verdict.status).toBe('expiring')
    expect(world.core.detail(failing).verdict.status).toBe('expiring')
    const overview = await call(world.core, 'lazada:overview', undefined)
    expect(overview.items.map((i) => [i.storeId, i.disagrees, i.cannotCheck])).toEqual([
      [disagrees, true, false],
      [agrees, false, false],
      [noCode, false, true]
    ])
    expect((await call(world.core, 'lazada:store', { storeId: failing })).lastError).toMatchObject({ cause: 'lazada-error:SellerNotActive' })
    expect(databaseBytes(world)).not.toContain(mock.appSecret)
  })

  it('paces a check at the calls per second set in the profile, so Lazada bans nothing', async () => {
    // At the default 10 calls per second this gateway would ban the API.
    mock.setRateLimit('/service/market/subs/query', 4)
    await setIntegrator(world.core, { apiCallsPerSecond: 4 })
    const codes = Array.from({ length: 8 }, (_, i) => `SG2000000${i}`)
    for (const code of codes) {
      mock.addSeller({ country: 'SG', shortCode: code })
      mock.setSubscriptions('SG', code, [{ status: 1, endTime: Date.now() + 100 * DAY }])
      subscribed(code, Date.now() + 100 * DAY)
    }

    const run = await world.core.monitoring.runNow('manual')
    expect(run.remote).toMatchObject({ state: 'done', asked: 8, answered: 8 })
    expect(mock.stats().apiCallLimit).toBe(0)
    const arrivals = mock.requests.map((r) => r.receivedAt)
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(((codes.length - 1) * 1000) / 4 - 100)
  })

  it('exchanges the code in the app: the right account gets the tokens, another is refused, cross-border goes by venture', async () => {
    await setIntegrator(world.core, { exchangeCodeInApp: true })
    mock.addSeller({ country: 'SG', shortCode: 'SG10000001', email: 'owner@acme.sg' })
    mock.addSeller({ country: 'SG', shortCode: 'SG99999999', email: 'boss@other.sg' })
    mock.addSeller({ country: 'MY', shortCode: 'MY50000001', crossBorder: true, email: 'cb@acme.my' })
    mock.addSeller({ country: 'SG', shortCode: 'SG50000002', crossBorder: true, email: 'cb@acme.my' })
    const own = subscribed('SG10000001', Date.now() + 100 * DAY)
    const cb = subscribed('SG50000002', Date.now() + 100 * DAY, { storeName: 'CB store' })

    const started = await call(world.core, 'authorizations:open-window', { storeId: own })
    expect(started.status).toBe('opened')
    expect(windows.callback(mock.issueCode('SG99999999'), 'sg')).toBe('block')
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)).toMatchObject({ outcome: 'refused' })
    expect(results().at(-1)!.message).toContain('Lazada authorized boss@other.sg (SG, short code SG99999999')

    await call(world.core, 'authorizations:open-window', { storeId: own })
    const code = mock.issueCode('SG10000001')
    windows.callback(code, 'sg')
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)).toMatchObject({ outcome: 'captured' })
    const token = (await call(world.core, 'lazada:store', { storeId: own })).token!
    expect(token).toMatchObject({ state: 'active', country: 'SG', shortCode: 'SG10000001', account: 'owner@acme.sg' })
    expect(token.accessExpiresAt).toBeGreaterThan(Date.now() + 29 * DAY)
    expect(world.core.detail(own).authorizations[0]).toMatchObject({ method: 'token-exchange', refreshDeadlineAt: token.refreshExpiresAt })
    const issued = mock.requests.filter((r) => r.api === '/auth/token/create')
    expect(issued).toHaveLength(2)

    await call(world.core, 'authorizations:open-window', { storeId: cb })
    windows.callback(mock.issueCode(['MY50000001', 'SG50000002']), 'cb')
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)).toMatchObject({ outcome: 'captured' })
    expect((await call(world.core, 'lazada:store', { storeId: cb })).token).toMatchObject({ country: 'CB', shortCode: 'SG50000002' })

    // The tokens Lazada issued are nowhere but sealed.
    const everywhere = databaseBytes(world) + JSON.stringify(world.logger.entries) + JSON.stringify(world.core.broadcasts)
    expect(everywhere).not.toContain(code)
    const pairs = world.database.sqlite.prepare('SELECT ciphertext, backend FROM lazada_tokens').all() as { ciphertext: string; backend: string }[]
    for (const pair of pairs) {
      const { a, r } = JSON.parse((await secrets.open(pair)).value) as { a: string; r: string }
      expect(everywhere).not.toContain(a)
      expect(everywhere).not.toContain(r)
    }
  })

  it('refreshes a token close to expiry through Lazada; a market-bound one is left to the subscription; a refused one needs authorization', async () => {
    await setIntegrator(world.core, { exchangeCodeInApp: true })
    for (const code of ['SG10000001', 'SG10000002', 'SG10000003']) {
      mock.addSeller({ country: 'SG', shortCode: code })
      mock.setSubscriptions('SG', code, [{ status: 1, endTime: Date.now() + 100 * DAY }])
    }
    const stores = ['SG10000001', 'SG10000002', 'SG10000003'].map((code) => subscribed(code, Date.now() + 100 * DAY))
    const options = [{ accessTtlS: 3600 }, { accessTtlS: 3600, marketBound: true }, { accessTtlS: 3600 }]
    for (const [i, id] of stores.entries()) {
      await call(world.core, 'authorizations:open-window', { storeId: id })
      windows.callback(mock.issueCode(`SG1000000${i + 1}`, options[i]), 'sg')
      await world.core.authorization.exchangesSettled()
      world.core.records.markReconnected(id)
    }
    const before = await call(world.core, 'lazada:store', { storeId: stores[0]! })
    // Lazada refuses the third store's refresh token (the next refresh call meets the refusal).
    mock.inject('/auth/token/refresh', { kind: 'lazada', code: 'IllegalRefreshToken', type: 'ISV' })
    const third = stores[2]!
    mock.resetStats()
    const access = await world.core.credentials.access()
    if (!access.ok) throw new Error(access.message)
    const refreshedAlready = await world.core.tokens.refresh(third, access.api)
    expect(refreshedAlready).toEqual({ kind: 'needs-authorization' })

    const run = await world.core.monitoring.runNow('manual')
    expect(run.errors).toEqual([])
    expect(run.remote).toMatchObject({ tokensRefreshed: 1, failures: [] })
    const views = await Promise.all(stores.map((storeId) => call(world.core, 'lazada:store', { storeId })))
    expect(views.map((v) => [v.token!.state, v.token!.marketBound])).toEqual([
      ['active', false],
      ['active', true],
      ['needs-authorization', false]
    ])
    expect(views[0]!.token!.accessExpiresAt).toBeGreaterThan(before.token!.accessExpiresAt)
    expect(views[0]!.token!.refreshedAt).not.toBeNull()
    expect(world.core.detail(stores[0]!).verdict.status).toBe('healthy')
    expect(world.core.detail(stores[1]!).verdict).toMatchObject({ status: 'healthy', deadlineKind: 'subscription-end' })
    expect(world.core.detail(stores[2]!).verdict.status).toBe('needs-authorization')
    // The probes went out with the tokens now stored, and Lazada accepted them.
    expect(mock.requests.filter((r) => r.api === '/seller/get').map((r) => r.answer)).toEqual(['0', '0'])
  })
})
