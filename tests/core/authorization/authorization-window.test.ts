/**
 * The authorization service driving the AuthWindow port through the mock Lazada server over real
 * HTTP (put in Lazada's place by the `--lazada-hosts` start-up option): capture → "needs
 * reconnect" with history and the checklist step; closing first → abandoned and nothing else;
 * refusals leave the page; a code headed anywhere but the exact callback, or with Lazada's error,
 * never loads; an expired attempt is never captured and its window closes; nothing secret in the logs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAuthorizationService } from '../../../electron/core/authorization/authorization-service'
import { EXPIRED_WINDOW_MESSAGE } from '../../../electron/core/authorization/window-attempts'
import type { WindowAttemptStart } from '../../../electron/shared/authorization'
import type { ChecklistRun } from '../../../electron/shared/checklists'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { HttpAuthWindow } from '../../support/mock-lazada/http-auth-window'
import type { HttpWindow } from '../../support/mock-lazada/http-auth-window'
import { startMockLazada } from '../../support/mock-lazada/server'
import type { MockLazada } from '../../support/mock-lazada/server'
import { storeInput } from '../../support/store-input'
import { createTestCore, lazadaHostsFlag } from '../../support/test-core'
import { RecordingLogger } from '../../support/recording-logger'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { MINUTE, call, refusal, setIntegrator, sgt } from '../checklists/support'

let database: TestDatabase
let core: TestCore
let mock: MockLazada
let windows: HttpAuthWindow
let logger: RecordingLogger
let storeId: number

const seller = { country: 'my', email: 'seller@acme.my', password: 'hunter2', agree: 'yes', action: 'submit' }

beforeEach(async () => {
  mock = await startMockLazada({ clientId: '100132' })
  database = openTestDatabase()
  windows = new HttpAuthWindow()
  logger = new RecordingLogger()
  core = createTestCore(database, {
    clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')),
    authWindow: windows,
    logger,
    lazadaHosts: lazadaHostsFlag({ authorize: mock.authorizeUrl })
  })
  storeId = core.stores.create(storeInput({ storeName: 'Acme MY', country: 'MY', sellerShortCode: 'MY10000001' })).id
  core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') }))
  await setIntegrator(core, { appKey: '100132', callbackUrl: mock.callbackUrl })
})
afterEach(async () => {
  database.close()
  await mock.close()
})

async function reauthorize(id = storeId): Promise<{ started: Extract<WindowAttemptStart, { status: 'opened' }>; window: HttpWindow; state: string }> {
  const started = await call(core, 'authorizations:open-window', { storeId: id })
  if (started.status !== 'opened') throw new Error(started.message)
  const window = windows.last
  await window.load()
  return { started, window, state: new URL(window.request.url).searchParams.get('state')! }
}

const results = () => core.broadcasts.filter((b) => b.event === 'authorizations:result').map((b) => b.payload)
const openRun = async (): Promise<ChecklistRun> => (await call(core, 'checklists:get', { storeId })).runs.find((r) => r.status === 'open')!
const authorizeStep = async () => (await openRun()).steps.find((s) => s.stepId === 'authorize')!

describe('Reauthorize in the authorization window', () => {
  it('captures the callback: records the authorization, ticks the step, says “reconnect”, and lets the integrator’s page load', async () => {
    await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    const { started, window, state } = await reauthorize()
    expect(started.attempt).toMatchObject({ mode: 'window', outcome: 'pending', country: 'MY' })
    // The start-up option's page is named in the title: it never passes for Lazada's own.
    expect(window.request.title).toBe(`Authorize Anchanto OM — Acme MY (MY) · via ${mock.origin}, not Lazada’s own page`)
    const opened = new URL(window.request.url)
    expect(`${opened.origin}${opened.pathname}`).toBe(mock.authorizeUrl)
    expect(opened.searchParams.get('country')).toBe('my')
    expect(window.status).toBe(200)
    expect(window.html).toContain('I agree to the Authorization Terms &amp; Agreement')

    core.clock.advance(3 * MINUTE)
    core.broadcasts.length = 0
    await window.submit(seller)

    // The 302 to the callback was asked about, captured, and allowed: the seller sees the login page.
    expect(window.navigations.map((n) => [n.kind, n.decision])).toEqual([
      ['navigation', 'allow'],
      ['redirect', 'allow']
    ])
    expect(window.url!.startsWith(mock.callbackUrl)).toBe(true)
    expect(window.html).toContain('Log in to Anchanto OM')
    expect(mock.callbacks).toHaveLength(1)
    expect(mock.callbacks[0]!.get('state')).toBe(state)

    const detail = core.detail(storeId)
    expect(detail.verdict.status).toBe('needs-reconnect')
    expect(detail.authorizations).toHaveLength(1)
    expect(detail.authorizations[0]).toMatchObject({
      method: 'embedded-window',
      country: 'MY',
      authorizedAt: core.clock.now(),
      note: `Captured in Storewatch’s Lazada window (attempt #${started.attempt.id})`,
      reconnectedAt: null
    })
    expect(detail.history.map((h) => h.summary).slice(0, 5)).toEqual([
      'Authorization captured in Storewatch’s Lazada window',
      'Checklist step 6 ticked by evidence: Authorize on Lazada Open Platform',
      'Status: Needs authorization → Needs reconnect',
      'Authorized',
      'Authorization window opened'
    ])
    expect(detail.history[0]!.changes).toEqual([
      { field: 'attempt', label: 'Attempt', before: null, after: `#${started.attempt.id}` },
      { field: 'authorizedCountry', label: 'Country', before: null, after: 'Malaysia (picked by the seller)' }
    ])
    expect(await authorizeStep()).toMatchObject({ done: true, doneVia: 'evidence', doneBy: 'Storewatch' })
    expect(await call(core, 'authorizations:attempts', { storeId })).toMatchObject([
      { id: started.attempt.id, outcome: 'captured', authorizationId: detail.authorizations[0]!.id, authorizedCountry: 'MY', outcomeAt: core.clock.now() }
    ])
    expect(core.broadcasts).toEqual([
      { event: 'stores:changed', payload: { storeIds: [storeId] } },
      {
        event: 'authorizations:result',
        payload: {
          storeId,
          attemptId: started.attempt.id,
          outcome: 'captured',
          cause: null,
          message: 'Authorized — now reconnect the store in Anchanto OMS',
          authorizationId: detail.authorizations[0]!.id
        }
      }
    ])

    // "Mark reconnected" completes the last step, and the store is healthy.
    const after = await call(core, 'authorizations:mark-reconnected', { storeId })
    expect(after.verdict.status).toBe('healthy')
    expect((await openRun()).steps.find((s) => s.stepId === 'reconnect')).toMatchObject({ done: true, doneVia: 'evidence' })
  })

  it('uses the store’s country when the callback does not say which one the seller picked', async () => {
    const { window, state } = await reauthorize()
    await window.navigate(`${mock.callbackUrl}?code=0_100132_xyz&state=${state}`)
    expect(core.detail(storeId).authorizations[0]).toMatchObject({ country: 'MY' })
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'captured', authorizedCountry: null })
  })

  it('acts once when the same callback is reported twice (redirect, then navigation)', async () => {
    const { window, state } = await reauthorize()
    const callback = `${mock.callbackUrl}?code=0_100132_xyz&state=${state}&country=my`
    expect(await window.navigate(callback)).toBe('allow')
    expect(await window.navigate(callback)).toBe('allow')
    expect(core.detail(storeId).authorizations).toHaveLength(1)
    expect(results()).toHaveLength(1)
  })

  it('refuses a second use of the state in the same window, and blocks it', async () => {
    const { window, state } = await reauthorize()
    await window.navigate(`${mock.callbackUrl}?code=0_100132_first&state=${state}`)
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_second&state=${state}`)).toBe('block')
    expect(core.detail(storeId).authorizations).toHaveLength(1)
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'authorization callback refused', fields: expect.objectContaining({ reason: 'reused-state' }) }))
  })

  it('closing the window before the callback abandons the attempt and changes nothing else', async () => {
    const run = (await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })).runs[0]!
    const before = { detail: core.detail(storeId), run }
    const { started, window } = await reauthorize()
    await window.submit({ ...seller, agree: '' }) // the seller fumbles, then gives up
    core.broadcasts.length = 0
    core.clock.advance(MINUTE)
    window.close()

    const detail = core.detail(storeId)
    expect(detail.verdict).toEqual(before.detail.verdict)
    expect(detail.authorizations).toEqual([])
    expect(detail.subscription).toEqual(before.detail.subscription)
    expect(await openRun()).toEqual(before.run)
    expect(await call(core, 'authorizations:attempts', { storeId })).toMatchObject([
      { id: started.attempt.id, outcome: 'abandoned', outcomeAt: core.clock.now(), outcomeReason: 'The window was closed before the seller authorized' }
    ])
    expect(detail.history[0]!.summary).toBe('Authorization window closed before the seller authorized')
    expect(core.broadcasts).toEqual([
      {
        event: 'authorizations:result',
        payload: {
          storeId,
          attemptId: started.attempt.id,
          outcome: 'abandoned',
          cause: 'window-closed',
          message: 'The authorization window was closed before the seller authorized. Nothing changed.',
          authorizationId: null
        }
      }
    ])
    // A late callback with that state is refused.
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_late&state=x`)).toBe('block')
  })

  it('“Cancel” on Lazada’s page: abandoned, the page stays visible, nothing recorded', async () => {
    const { started, window } = await reauthorize()
    core.broadcasts.length = 0
    await window.submit({ action: 'cancel' })
    expect(window.navigations.at(-1)).toMatchObject({ kind: 'redirect', decision: 'allow' })
    expect(window.url!.startsWith(mock.callbackUrl)).toBe(true)
    expect(window.closed).toBe(false)
    expect(core.detail(storeId).authorizations).toEqual([])
    expect(core.detail(storeId).verdict.status).toBe('needs-authorization')
    expect(results()).toEqual([
      {
        storeId,
        attemptId: started.attempt.id,
        outcome: 'abandoned',
        cause: 'seller-declined',
        message: 'The seller cancelled on Lazada’s page. Nothing changed.',
        authorizationId: null
      }
    ])
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'abandoned' })
    window.close()
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'abandoned' })
    expect(results()).toHaveLength(1)
  })

  it.each([
    ['app not published', 'not-published' as const, 'The service has not been published'],
    ['an error page', 'error-page' as const, 'Something went wrong']
  ])('%s: the window shows Lazada’s page; closing abandons', async (_, scenario, text) => {
    mock.scenario = scenario
    const { window } = await reauthorize()
    expect(window.html).toContain(text)
    window.close()
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'abandoned' })
    expect(core.detail(storeId).authorizations).toEqual([])
  })

  it('service not ordered: the seller is sent to Service Market, nothing is captured', async () => {
    mock.scenario = 'not-ordered'
    const { window } = await reauthorize()
    await window.submit(seller)
    expect(window.navigations.at(-1)).toMatchObject({ kind: 'redirect', url: `${mock.origin}/service-market?country=my`, decision: 'allow' })
    expect(window.html).toContain('Lazada Service Market')
    expect(core.detail(storeId).authorizations).toEqual([])
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'pending' })
  })

  it('blocks navigation away from Lazada and the callback, logging only the origin (or the scheme)', async () => {
    const { window } = await reauthorize()
    expect(await window.navigate('https://evil.test/phish?session=abc123secret')).toBe('block')
    expect(await window.navigate('javascript:alert(1)')).toBe('block')
    expect(await window.navigate(`https://callback.example.com@evil.test/callback`)).toBe('block')
    const blocked = logger.entries.filter((l) => l.message === 'authorization window: navigation blocked')
    expect(blocked.map((l) => l.fields?.to)).toEqual(['https://evil.test', 'javascript:', 'https://evil.test'])
    expect(logger.text).not.toContain('abc123secret')
  })

  it('refuses another store’s state and a state it never issued, without recording anything', async () => {
    const otherStore = core.stores.create(storeInput({ country: 'MY', sellerShortCode: 'MY20000002' })).id
    const link = await call(core, 'authorizations:create-link', { storeId: otherStore })
    if (link.status !== 'created') throw new Error(link.message)
    const foreign = new URL(link.url).searchParams.get('state')!
    const { window } = await reauthorize()
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_x&state=${foreign}`)).toBe('block')
    expect(core.detail(storeId).authorizations).toEqual([])
    expect(core.detail(otherStore).authorizations).toEqual([])
    expect(results()).toMatchObject([{ outcome: 'refused', message: expect.stringContaining('belongs to another authorization') }])
    // The window's own attempt is spent: refusing invalidates it.
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'refused' })
  })

  it('refuses a callback that comes back after 30 minutes', async () => {
    const { window, state } = await reauthorize()
    core.clock.advance(30 * MINUTE)
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_x&state=${state}`)).toBe('block')
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'expired' })
    expect(core.detail(storeId).authorizations).toEqual([])
  })

  it('never logs the code, the state, the password or the full URLs', async () => {
    const { window, state } = await reauthorize()
    await window.submit(seller)
    await window.navigate(`${mock.callbackUrl}?code=0_100132_again&state=${state}`)
    const code = mock.issued[0]!.code
    expect(logger.entries.length).toBeGreaterThan(0)
    for (const secret of [code, state, 'hunter2', '0_100132_again']) expect(logger.text).not.toContain(secret)
    expect(JSON.stringify(core.detail(storeId).history)).not.toContain(code)
    expect(JSON.stringify(database.sqlite.prepare('SELECT * FROM authorization_attempts').all())).not.toContain(state)
  })

  it('a second Reauthorize for the same store brings the open window forward instead', async () => {
    const { window } = await reauthorize()
    expect(await refusal(core, 'authorizations:open-window', { storeId })).toMatchObject({
      code: 'conflict',
      message: 'The authorization window for this store is already open: finish there, or close it to start again.'
    })
    expect(window.focused).toBe(1)
    expect(windows.windows).toHaveLength(1)
    window.close()
    await reauthorize()
    expect(windows.windows).toHaveLength(2)
  })

  it('after a refusal or the seller’s Cancel, Reauthorize replaces the spent window with a new one', async () => {
    const first = await reauthorize()
    await first.window.navigate(`${mock.origin}/callback/?code=0_100132_x&state=${first.state}`)
    const second = await reauthorize()
    expect(first.window.closed).toBe(true)
    expect(windows.windows).toHaveLength(2)
    await second.window.submit({ action: 'cancel' })
    const third = await reauthorize()
    expect(second.window.closed).toBe(true)
    expect(third.window.closed).toBe(false)
    // Closing a spent window records nothing over what its attempt ended as.
    expect((await call(core, 'authorizations:attempts', { storeId })).map((a) => a.outcome)).toEqual(['pending', 'abandoned', 'refused'])
  })

  it('cancel closes the window; the attempt reads as abandoned', async () => {
    const { started, window } = await reauthorize()
    const cancelled = await call(core, 'authorizations:cancel-attempt', { attemptId: started.attempt.id })
    expect(window.closed).toBe(true)
    expect(cancelled).toMatchObject({ outcome: 'abandoned' })
    expect(results()).toHaveLength(1)
  })

  it('a window that cannot open leaves an abandoned attempt and a clear error', async () => {
    windows.failOpen = true
    expect(await refusal(core, 'authorizations:open-window', { storeId })).toEqual({
      code: 'internal',
      message: 'The authorization window could not open. Try again, or use “Send the link instead”.'
    })
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'abandoned', outcomeReason: 'The window could not open' })
  })

  it('stops the callback page when the app is set to keep the code itself', async () => {
    const service = createAuthorizationService({
      database,
      clock: core.clock,
      actor: { name: () => 'aisha' },
      logger,
      history: core.history,
      settings: core.settings,
      records: core.records,
      broadcast: () => undefined,
      authWindow: windows,
      authorizeEndpoint: mock.authorizeUrl,
      callbackLoads: false
    })
    expect(service.openWindow(storeId).status).toBe('opened')
    await windows.last.load()
    await windows.last.submit(seller)
    expect(windows.last.navigations.at(-1)).toMatchObject({ kind: 'redirect', decision: 'block' })
    expect(mock.callbacks).toEqual([])
    expect(core.detail(storeId).authorizations).toHaveLength(1)
  })
})

describe('codes that must not load', () => {
  it.each([
    ['a trailing slash', (state: string) => `${mock.origin}/callback/?code=0_100132_x&state=${state}`],
    ['another case', (state: string) => `${mock.origin}/Callback?code=0_100132_x&state=${state}`],
    ['a percent-encoded letter', (state: string) => `${mock.origin}/%63allback?code=0_100132_x&state=${state}`],
    ['a double slash', (state: string) => `${mock.origin}//callback?code=0_100132_x&state=${state}`],
    [';params', (state: string) => `${mock.origin}/callback;x=1?code=0_100132_x&state=${state}`]
  ])('a code sent to the callback’s site with %s is blocked, refused and shown to the KAM', async (_, url) => {
    const { started, window, state } = await reauthorize()
    core.broadcasts.length = 0
    expect(await window.navigate(url(state))).toBe('block')
    expect(mock.callbacks).toEqual([])
    expect(core.detail(storeId).authorizations).toEqual([])
    const [attempt] = await call(core, 'authorizations:attempts', { storeId })
    expect(attempt).toMatchObject({ id: started.attempt.id, outcome: 'refused', outcomeReason: expect.stringContaining('not exactly the registered callback URL') })
    expect(results()).toEqual([{ storeId, attemptId: started.attempt.id, outcome: 'refused', cause: 'refused', message: attempt!.outcomeReason, authorizationId: null }])
    expect(core.detail(storeId).history[0]).toMatchObject({ summary: 'Authorization refused', changes: [{ field: 'reason', after: attempt!.outcomeReason }] })
    // The real callback with the same state is refused afterwards: the attempt is spent.
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_y&state=${state}`)).toBe('block')
    expect(core.detail(storeId).authorizations).toEqual([])
  })

  it('Lazada’s error with a code: the seller’s refusal, never captured, and the code does not load', async () => {
    const { started, window, state } = await reauthorize()
    core.broadcasts.length = 0
    expect(await window.navigate(`${mock.callbackUrl}?error=access_denied&code=0_100132_x&state=${state}`)).toBe('block')
    expect(mock.callbacks).toEqual([])
    expect(core.detail(storeId).authorizations).toEqual([])
    expect(results()).toEqual([{ storeId, attemptId: started.attempt.id, outcome: 'abandoned', cause: 'seller-declined', message: 'The seller cancelled on Lazada’s page. Nothing changed.', authorizationId: null }])
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_x&state=${state}`)).toBe('block')
    expect(core.detail(storeId).authorizations).toEqual([])
  })

  it('an attempt marked expired is not captured after the clock goes back', async () => {
    const { window, state } = await reauthorize()
    core.clock.advance(30 * MINUTE)
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'expired' })
    core.clock.advance(-2 * MINUTE)
    expect(await window.navigate(`${mock.callbackUrl}?code=0_100132_x&state=${state}`)).toBe('block')
    expect(mock.callbacks).toEqual([])
    expect(core.detail(storeId).authorizations).toEqual([])
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'expired' })
  })
})

describe('the window closes when its attempt expires', () => {
  it('at 30 minutes, on the ticker: the attempt expires, the KAM is told, the history says why', async () => {
    const { started, window } = await reauthorize()
    expect(core.ticker.running).toBe(1)
    core.clock.advance(30 * MINUTE - 1)
    core.ticker.tick()
    expect(window.closed).toBe(false)
    core.broadcasts.length = 0
    core.clock.advance(1)
    core.ticker.tick()
    expect(window.closed).toBe(true)
    expect(core.ticker.running).toBe(0)
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ id: started.attempt.id, outcome: 'expired', outcomeReason: 'Not used within 30 minutes' })
    expect(results()).toEqual([{ storeId, attemptId: started.attempt.id, outcome: 'expired', cause: 'expired', message: EXPIRED_WINDOW_MESSAGE, authorizationId: null }])
    expect(core.detail(storeId).history[0]!.summary).toBe('Authorization window closed: 30 minutes passed')
    // Not reported a second time as abandoned.
    expect(results()).toHaveLength(1)
  })

  it('when its attempt is recorded as expired, even if the clock went back since', async () => {
    const { window } = await reauthorize()
    core.clock.advance(31 * MINUTE)
    await call(core, 'authorizations:attempts', { storeId })
    core.clock.advance(-5 * MINUTE)
    core.ticker.tick()
    expect(window.closed).toBe(true)
    expect(results()).toMatchObject([{ outcome: 'expired' }])
  })

  it('not once the callback was captured: the seller is on the integrator’s page', async () => {
    const { window } = await reauthorize()
    await window.submit(seller)
    core.clock.advance(31 * MINUTE)
    core.ticker.tick()
    expect(window.closed).toBe(false)
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'captured' })
    window.close()
    expect(core.ticker.running).toBe(0)
  })
})
