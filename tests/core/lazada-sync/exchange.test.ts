/**
 * The in-app code exchange (integrator setting `exchangeCodeInApp`): the window's callback is
 * blocked and the code exchanged once; the authorized account must be the store's (country, and
 * short code or seller id; cross-border through the store's venture entry), else the KAM gets a
 * warning naming both accounts and nothing is attached. Tokens are kept sealed, their deadlines
 * feed the authorization.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AuthWindow, AuthWindowHandle, AuthWindowOpenRequest } from '../../../electron/core/ports'
import type { AuthorizationResult } from '../../../electron/shared/authorization'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { call, setIntegrator } from '../checklists/support'
import { sgMidnight } from '../monitoring/monitoring-support'
import { APP_SECRET, DAY, databaseBytes, grant, lazadaError, lazadaWorld } from './support'
import type { LazadaWorld } from './support'

const CALLBACK = 'https://oms.anchanto.example/lazada/callback'
const CODE = '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91'

/** An authorization window that only reports what the test makes the page do. */
class FakeAuthWindow implements AuthWindow {
  opened: { request: AuthWindowOpenRequest; closed: boolean }[] = []
  open(request: AuthWindowOpenRequest): AuthWindowHandle {
    const entry = { request, closed: false }
    this.opened.push(entry)
    return {
      close: () => {
        if (entry.closed) return
        entry.closed = true
        request.onClosed()
      },
      focus: () => undefined
    }
  }
  get last() {
    return this.opened.at(-1)!
  }
  /** Lazada redirects the window to the callback with a code for the window's state. */
  callback(code = CODE, country = 'sg') {
    const state = new URL(this.last.request.url).searchParams.get('state')!
    return this.last.request.onNavigate({ url: `${CALLBACK}?code=${code}&state=${state}&country=${country}`, kind: 'redirect' })
  }
}

let world: LazadaWorld
let windows: FakeAuthWindow
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

const NOW = sgMidnight('2026-12-05') + 3600_000
const END = sgMidnight('2027-05-01')

async function setup(options: { exchange?: boolean; store?: Parameters<typeof storeInput>[0]; secret?: boolean } = {}) {
  windows = new FakeAuthWindow()
  world = await lazadaWorld(NOW, {
    configure: options.secret ?? true,
    profile: { appKey: '100132', callbackUrl: CALLBACK, exchangeCodeInApp: options.exchange ?? true },
    deps: { authWindow: windows }
  })
  const id = world.core.stores.create(storeInput({ sellerShortCode: 'SG10000001', sellerId: '1001', ...options.store })).id
  world.core.records.saveSubscription(id, subscriptionInputSchema.parse({ startAt: NOW - DAY, endAt: END }))
  return id
}

async function reauthorize(storeId: number) {
  const started = await call(world.core, 'authorizations:open-window', { storeId })
  if (started.status !== 'opened') throw new Error(started.message)
  return started.attempt
}

const results = () => world.core.broadcasts.filter((b) => b.event === 'authorizations:result').map((b) => b.payload as AuthorizationResult)
const tokenRow = (storeId: number) => world.database.sqlite.prepare('SELECT * FROM lazada_tokens WHERE store_id = ?').get(storeId) as Record<string, unknown> | undefined

describe('exchanging the code in the app', () => {
  it('blocks the callback, exchanges once, records the authorization with the tokens’ deadline and keeps the tokens sealed', async () => {
    const id = await setup()
    const issued = grant(NOW)
    world.api.create = (code) => {
      expect(code).toBe(CODE)
      return issued
    }
    const attempt = await reauthorize(id)
    expect(windows.callback()).toBe('block')
    await world.core.authorization.exchangesSettled()

    expect(world.api.count('/auth/token/create')).toBe(1)
    const detail = world.core.detail(id)
    expect(detail.authorizations[0]).toMatchObject({
      method: 'token-exchange',
      account: 'owner@acme.sg (SG, short code SG10000001, seller id 1001)',
      country: 'SG',
      refreshDeadlineAt: issued.refreshExpiresAt,
      reconnectedAt: null
    })
    expect(detail.verdict.status).toBe('needs-reconnect')
    expect(results().at(-1)).toMatchObject({
      attemptId: attempt.id,
      outcome: 'captured',
      message: 'Authorized as owner@acme.sg (SG, short code SG10000001, seller id 1001); the tokens are kept encrypted — now reconnect the store in Anchanto OMS'
    })
    expect(windows.last.closed).toBe(true)
    const attempts = await call(world.core, 'authorizations:attempts', { storeId: id })
    expect(attempts[0]).toMatchObject({ outcome: 'captured', authorizationId: detail.authorizations[0]!.id })

    expect(tokenRow(id)).toMatchObject({
      authorization_id: detail.authorizations[0]!.id,
      country: 'SG',
      account: 'owner@acme.sg',
      short_code: 'SG10000001',
      seller_id: '1001',
      access_expires_at: issued.accessExpiresAt,
      refresh_expires_at: issued.refreshExpiresAt,
      state: 'active',
      market_bound: 0,
      backend: 'gnome_libsecret'
    })
    const view = await call(world.core, 'lazada:store', { storeId: id })
    expect(view.token).toMatchObject({ state: 'active', accessExpiresAt: issued.accessExpiresAt, refreshExpiresAt: issued.refreshExpiresAt, marketBound: false })

    // Tokens and the code: nowhere but sealed.
    const everywhere = [databaseBytes(world), JSON.stringify(world.logger.entries), JSON.stringify(world.core.broadcasts), JSON.stringify(view), JSON.stringify(world.core.detail(id)), JSON.stringify(attempts)].join('\n')
    for (const secret of [issued.accessToken, issued.refreshToken, CODE, APP_SECRET]) expect(everywhere).not.toContain(secret)
  })

  it('refuses another seller account with a warning naming both, and attaches nothing', async () => {
    const id = await setup()
    world.api.create = () => grant(NOW, { account: 'boss@other.sg', sellers: [{ country: 'SG', sellerId: '9009', userId: '1', shortCode: 'SG99999999' }] })
    await reauthorize(id)
    expect(windows.callback()).toBe('block')
    await world.core.authorization.exchangesSettled()

    const message =
      'Lazada authorized boss@other.sg (SG, short code SG99999999, seller id 9009), not the account of Acme Official (SG, short code SG10000001, seller id 1001). Nothing was attached to Acme Official: ask the seller to log in with the store’s own Seller Center account and authorize again.'
    expect(results().at(-1)).toMatchObject({ outcome: 'refused', message, authorizationId: null })
    expect(world.core.detail(id).authorizations).toEqual([])
    expect(tokenRow(id)).toBeUndefined()
    expect(world.core.detail(id).history[0]).toMatchObject({ kind: 'authorization-attempt', summary: 'Authorization refused: another seller account' })
    expect((await call(world.core, 'authorizations:attempts', { storeId: id }))[0]).toMatchObject({ outcome: 'refused', outcomeReason: message })
    expect(world.api.count('/auth/token/create')).toBe(1)
    expect(windows.last.closed).toBe(true)
  })

  it('refuses an account of another country', async () => {
    const id = await setup()
    world.api.create = () => grant(NOW, { country: 'MY', account: 'owner@acme.my', sellers: [{ country: 'MY', sellerId: '1001', userId: '1', shortCode: 'SG10000001' }] })
    await reauthorize(id)
    windows.callback(CODE, 'my')
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)!.message).toContain('Lazada authorized owner@acme.my (MY, short code SG10000001, seller id 1001), not the account of Acme Official (SG, short code SG10000001, seller id 1001): another country.')
    expect(world.core.detail(id).authorizations).toEqual([])
  })

  it('accepts a cross-border account through the store’s venture entry', async () => {
    const id = await setup({ store: { sellerShortCode: 'SG10000001', sellerId: null } })
    world.api.create = () =>
      grant(NOW, {
        country: 'CB',
        account: 'cb@acme.my',
        sellers: [
          { country: 'MY', sellerId: '501', userId: '1', shortCode: 'MY50000001' },
          { country: 'SG', sellerId: '502', userId: '1', shortCode: 'sg10000001' }
        ]
      })
    await reauthorize(id)
    windows.callback(CODE, 'cb')
    await world.core.authorization.exchangesSettled()
    expect(world.core.detail(id).authorizations[0]).toMatchObject({ method: 'token-exchange', country: 'CB', account: 'cb@acme.my (CB, short code sg10000001, seller id 502)' })
    expect(tokenRow(id)).toMatchObject({ country: 'CB', short_code: 'sg10000001', seller_id: '502' })
  })

  it('refuses a cross-border account without the store’s venture', async () => {
    const id = await setup()
    world.api.create = () => grant(NOW, { country: 'CB', account: 'cb@acme.my', sellers: [{ country: 'MY', sellerId: '501', userId: '1', shortCode: 'MY50000001' }] })
    await reauthorize(id)
    windows.callback(CODE, 'cb')
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)).toMatchObject({ outcome: 'refused' })
    expect(results().at(-1)!.message).toContain('Lazada authorized the cross-border account cb@acme.my (ventures MY), which has no Singapore entry')
    expect(tokenRow(id)).toBeUndefined()
  })

  it('matches by seller id when the store has no short code', async () => {
    const id = await setup({ store: { sellerShortCode: null, sellerId: '1001', loginEmail: 'owner@acme.sg' } })
    world.api.create = () => grant(NOW)
    await reauthorize(id)
    windows.callback()
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)!.outcome).toBe('captured')
  })

  it('never retries a refused code: the KAM starts again', async () => {
    const id = await setup()
    await reauthorize(id)
    windows.callback()
    await world.core.authorization.exchangesSettled()
    expect(world.api.count('/auth/token/create')).toBe(1)
    expect(results().at(-1)).toMatchObject({
      outcome: 'refused',
      message: 'Lazada refused the authorization code (InvalidCode): start again with Reauthorize.'
    })
    // The same callback again (a reload) changes nothing and exchanges nothing.
    expect(windows.callback()).toBe('block')
    await world.core.authorization.exchangesSettled()
    expect(world.api.count('/auth/token/create')).toBe(1)
    expect(world.core.detail(id).authorizations).toEqual([])
  })

  it('closing the window during the exchange does not abandon it', async () => {
    const id = await setup()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    world.api.create = async () => {
      await gate
      return grant(NOW)
    }
    await reauthorize(id)
    windows.callback()
    windows.opened.at(-1)!.request.onClosed()
    release()
    await world.core.authorization.exchangesSettled()
    expect(results().map((r) => r.outcome)).toEqual(['captured'])
    expect(world.core.detail(id).authorizations).toHaveLength(1)
  })

  it('with the setting off, lets the callback load and exchanges nothing', async () => {
    const id = await setup({ exchange: false })
    await reauthorize(id)
    expect(windows.callback()).toBe('allow')
    expect(world.api.calls).toEqual([])
    expect(world.core.detail(id).authorizations[0]).toMatchObject({ method: 'embedded-window' })
  })

  it('does not open without the app secret, nor for a store with nothing to compare', async () => {
    let id = await setup({ secret: false })
    await setIntegrator(world.core, { appKey: '100132', callbackUrl: CALLBACK, exchangeCodeInApp: true })
    expect(await call(world.core, 'authorizations:open-window', { storeId: id })).toMatchObject({
      status: 'not-ready',
      message: 'To exchange the code in Storewatch, save the app secret in Settings → Lazada connection first.'
    })
    world.core.monitoring.stop()
    world.database.close()
    id = await setup({ store: { sellerShortCode: null, sellerId: null, loginEmail: 'x@acme.sg' } })
    const answer = await call(world.core, 'authorizations:open-window', { storeId: id })
    expect(answer).toMatchObject({ status: 'not-ready' })
    expect(answer.status === 'not-ready' && answer.message).toContain('Add the store’s seller short code (or seller id) first')
    expect(windows.opened).toEqual([])
  })

  it('tells a failed exchange from a network problem in the client’s words', async () => {
    const id = await setup()
    world.api.create = () => {
      throw lazadaError('network', 'Storewatch could not reach Lazada (ECONNRESET): check the internet connection.')
    }
    await reauthorize(id)
    windows.callback()
    await world.core.authorization.exchangesSettled()
    expect(results().at(-1)!.message).toBe(
      'Storewatch could not reach Lazada (ECONNRESET): check the internet connection. The code works only once: start again with Reauthorize.'
    )
  })
})
