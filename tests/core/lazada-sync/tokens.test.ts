/**
 * Keeping exchanged tokens alive: refreshed before the access token expires (single flight per
 * store, the new pair saved before it is used), AUTH_TYPE_UNSUPPORTED read as "bound to the
 * subscription", IllegalRefreshToken as "needs authorization" (once: one history entry, one
 * notification, no loop), `/seller/get` as the health probe.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lapseOf } from '../../../electron/core/lazada-sync/tokens'
import type { TokenGrant } from '../../../electron/core/lazada/lazada-api'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { call } from '../checklists/support'
import { sgMidnight } from '../monitoring/monitoring-support'
import { DAY, HOUR, TIMED_OUT, grant, lazadaError, lazadaWorld, valid } from './support'
import type { LazadaWorld } from './support'

let world: LazadaWorld
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

const NOW = sgMidnight('2026-12-05') + HOUR
const END = sgMidnight('2027-05-01')

/** A healthy store whose authorization came from an exchange with `issued`. */
async function storeWithTokens(issued: TokenGrant): Promise<{ id: number; authorizationId: number }> {
  const { core } = world
  const id = core.stores.create(storeInput({ sellerShortCode: 'SG10000001', sellerId: '1001' })).id
  core.records.saveSubscription(id, subscriptionInputSchema.parse({ startAt: NOW - 10 * DAY, endAt: END }))
  const authorization = core.records.recordAuthorization(id, {
    authorizedAt: NOW - DAY,
    method: 'token-exchange',
    account: 'owner@acme.sg',
    country: 'SG',
    refreshDeadlineAt: lapseOf(issued),
    note: null,
    reconnected: true
  })
  const sealed = await core.tokens.seal({ access: issued.accessToken, refresh: issued.refreshToken })
  core.tokens.attach(id, authorization.id, issued, issued.sellers[0]!, sealed)
  return { id, authorizationId: authorization.id }
}

/** The pair stored for a store now, decrypted. */
async function storedPair(id: number): Promise<{ a: string; r: string }> {
  const row = world.database.sqlite.prepare('SELECT ciphertext, backend FROM lazada_tokens WHERE store_id = ?').get(id) as { ciphertext: string; backend: string }
  return JSON.parse((await world.secrets.open(row)).value) as { a: string; r: string }
}

const tokenState = (id: number) => world.database.sqlite.prepare('SELECT state, market_bound, refreshed_at, probed_at FROM lazada_tokens WHERE store_id = ?').get(id)
const deadlineOf = (authorizationId: number) => world.database.sqlite.prepare('SELECT refresh_deadline_at FROM authorizations WHERE id = ?').pluck().get(authorizationId)

describe('refreshing exchanged tokens', () => {
  it('runs one refresh per store at a time and saves the new pair before anyone uses it', async () => {
    world = await lazadaWorld(NOW)
    const first = grant(NOW - DAY)
    const { id, authorizationId } = await storeWithTokens(first)
    const renewed = grant(NOW, { refreshExpiresAt: first.refreshExpiresAt! - DAY }, 2)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    world.api.refresh = async (token) => {
      expect(token).toBe(first.refreshToken)
      await gate
      return renewed
    }
    const a = world.core.tokens.refresh(id, world.api)
    const b = world.core.tokens.refresh(id, world.api)
    expect(world.core.tokens.refreshing(id)).toBe(true)
    release()
    const [one, two] = await Promise.all([a, b])
    expect(world.api.count('/auth/token/refresh')).toBe(1)
    expect(one).toEqual({ kind: 'refreshed', accessToken: renewed.accessToken })
    expect(two).toBe(one)
    expect(await storedPair(id)).toEqual({ a: renewed.accessToken, r: renewed.refreshToken })
    expect(deadlineOf(authorizationId)).toBe(renewed.refreshExpiresAt)
    expect(world.core.detail(id).history[0]).toMatchObject({ kind: 'authorized', summary: 'Lazada token refreshed', actor: 'Storewatch' })
  })

  it('the scheduled check refreshes a token close to expiry, then probes with the new one already saved', async () => {
    world = await lazadaWorld(NOW)
    const first = grant(NOW - 29 * DAY, { accessExpiresAt: NOW + 40 * HOUR })
    const { id } = await storeWithTokens(first)
    const renewed = grant(NOW, { refreshExpiresAt: first.refreshExpiresAt }, 2)
    world.api.refresh = () => renewed
    world.api.subs = () => [valid(END)]
    const seenStored: string[] = []
    world.api.probe = async (venture, token) => {
      seenStored.push((await storedPair(id)).a)
      expect(venture).toBe('SG')
      expect(token).toBe(renewed.accessToken)
      return { sellerId: '1001', shortCode: 'SG10000001', name: 'Acme', email: null, status: 'ACTIVE', crossBorder: false }
    }
    const run = await world.core.monitoring.runNow('manual')
    expect(seenStored).toEqual([renewed.accessToken])
    expect(run.remote).toMatchObject({ tokensRefreshed: 1, tokensNeedingAuthorization: 0, failures: [] })
    expect(tokenState(id)).toMatchObject({ state: 'active', refreshed_at: world.clock.now(), probed_at: world.clock.now() })
    const view = await call(world.core, 'lazada:store', { storeId: id })
    expect(view.token).toMatchObject({ accessExpiresAt: renewed.accessExpiresAt, refreshedAt: world.clock.now() })
    expect(JSON.stringify(view)).not.toContain(renewed.accessToken)
  })

  it('leaves a token with time left alone and only probes it', async () => {
    world = await lazadaWorld(NOW)
    const { id } = await storeWithTokens(grant(NOW - DAY))
    await world.core.monitoring.runNow('manual')
    expect(world.api.count('/auth/token/refresh')).toBe(0)
    expect(world.api.count('/seller/get')).toBe(1)
    expect(tokenState(id)).toMatchObject({ probed_at: world.clock.now(), refreshed_at: null })
  })

  it('AUTH_TYPE_UNSUPPORTED: the token lasts with the subscription — not an error, not asked again', async () => {
    world = await lazadaWorld(NOW)
    const { id, authorizationId } = await storeWithTokens(grant(NOW - 29 * DAY, { accessExpiresAt: NOW + HOUR }))
    world.api.refresh = () => {
      throw lazadaError('auth-type-unsupported', 'Lazada does not refresh tokens for this app: the authorization is bound to the seller’s Service Market subscription.', 'AUTH_TYPE_UNSUPPORTED')
    }
    const run = await world.core.monitoring.runNow('manual')
    expect(run.errors).toEqual([])
    expect(run.remote!.failures).toEqual([])
    expect(tokenState(id)).toMatchObject({ state: 'active', market_bound: 1 })
    expect(deadlineOf(authorizationId)).toBeNull()
    expect(world.core.detail(id).verdict).toMatchObject({ status: 'healthy', deadline: END, deadlineKind: 'subscription-end' })
    expect(world.core.detail(id).history.map((h) => h.summary)).toContain('Lazada binds this authorization to the Service Market subscription: it lasts until the subscription ends')
    const view = await call(world.core, 'lazada:store', { storeId: id })
    expect(view.token).toMatchObject({ marketBound: true, message: 'Bound to the Service Market subscription: the authorization lasts until the subscription ends.' })

    world.clock.advance(HOUR)
    await world.core.monitoring.runNow('manual')
    expect(world.api.count('/auth/token/refresh')).toBe(1)
  })

  it('IllegalRefreshToken: the store needs authorization — one history entry, one notification, no loop', async () => {
    world = await lazadaWorld(NOW)
    const { id, authorizationId } = await storeWithTokens(grant(NOW - 29 * DAY, { accessExpiresAt: NOW + HOUR }))
    world.api.refresh = () => {
      throw lazadaError('illegal-refresh-token', 'Lazada refused the store’s refresh token: it is invalid or has expired. The seller has to authorize the app again (Reauthorize).', 'IllegalRefreshToken')
    }
    expect(world.core.detail(id).verdict.status).toBe('healthy')

    const run = await world.core.monitoring.runNow('manual')
    expect(run.errors).toEqual([])
    expect(run.remote).toMatchObject({ tokensNeedingAuthorization: 1, failures: [] })
    expect(tokenState(id)).toMatchObject({ state: 'needs-authorization' })
    expect(deadlineOf(authorizationId)).toBe(world.clock.now())
    const detail = world.core.detail(id)
    expect(detail.verdict.status).toBe('needs-authorization')
    const tokenNotes = detail.history.filter((h) => h.summary === 'Lazada refused the stored refresh token: the seller must authorize again')
    expect(tokenNotes).toHaveLength(1)
    expect(world.core.notifier.shown).toHaveLength(1)
    expect(world.core.notifier.shown[0]!.target).toEqual({ kind: 'store', storeId: id })

    for (let i = 0; i < 3; i++) {
      world.clock.advance(HOUR)
      await world.core.monitoring.runNow('manual')
    }
    expect(world.api.count('/auth/token/refresh')).toBe(1)
    expect(world.api.count('/seller/get')).toBe(0)
    expect(world.core.notifier.shown).toHaveLength(1)
    expect(world.core.detail(id).history.filter((h) => h.summary === tokenNotes[0]!.summary)).toHaveLength(1)
    const overview = await call(world.core, 'lazada:overview', undefined)
    expect(overview.items.find((i) => i.storeId === id)).toMatchObject({ tokenNeedsAuthorization: true })
    expect((await call(world.core, 'lazada:store', { storeId: id })).token).toMatchObject({ state: 'needs-authorization' })
  })

  it('a refused access token is refreshed once and the probe tried again', async () => {
    world = await lazadaWorld(NOW)
    const first = grant(NOW - DAY)
    const { id } = await storeWithTokens(first)
    const renewed = grant(NOW, {}, 2)
    world.api.refresh = () => renewed
    world.api.probe = (_venture, token) => {
      if (token === first.accessToken) throw lazadaError('illegal-access-token', 'Lazada no longer accepts this store’s access token.', 'IllegalAccessToken')
      return { sellerId: '1001', shortCode: 'SG10000001', name: null, email: null, status: 'ACTIVE', crossBorder: false }
    }
    const run = await world.core.monitoring.runNow('manual')
    expect(world.api.calls.filter((c) => c.api !== '/service/market/subs/query').map((c) => c.api)).toEqual(['/seller/get', '/auth/token/refresh', '/seller/get'])
    expect(run.remote).toMatchObject({ tokensRefreshed: 1, failures: [] })
    expect(tokenState(id)).toMatchObject({ state: 'active', probed_at: world.clock.now() })
  })

  it('a token bound to the subscription and refused means the seller must authorize again', async () => {
    world = await lazadaWorld(NOW)
    const { id } = await storeWithTokens(grant(NOW - DAY))
    world.database.sqlite.prepare('UPDATE lazada_tokens SET market_bound = 1 WHERE store_id = ?').run(id)
    world.api.probe = () => {
      throw lazadaError('illegal-access-token', 'Lazada no longer accepts this store’s access token.', 'IllegalAccessToken')
    }
    await world.core.monitoring.runNow('manual')
    expect(world.api.count('/auth/token/refresh')).toBe(0)
    expect(tokenState(id)).toMatchObject({ state: 'needs-authorization' })
    expect(world.core.detail(id).verdict.status).toBe('needs-authorization')
  })

  it('a token this computer cannot decrypt any more: needs authorization, no crash', async () => {
    world = await lazadaWorld(NOW)
    const { id } = await storeWithTokens(grant(NOW - DAY))
    world.database.sqlite.prepare("UPDATE lazada_tokens SET ciphertext = 'damaged' WHERE store_id = ?").run(id)
    const run = await world.core.monitoring.runNow('manual')
    expect(run.storesChecked).toBe(1)
    expect(tokenState(id)).toMatchObject({ state: 'needs-authorization' })
    expect(world.core.detail(id).verdict.status).toBe('needs-authorization')
  })

  it('a refresh that fails for a passing reason keeps the token and is summed up by cause', async () => {
    world = await lazadaWorld(NOW)
    const { id } = await storeWithTokens(grant(NOW - 29 * DAY, { accessExpiresAt: NOW + HOUR }))
    world.api.refresh = () => {
      throw TIMED_OUT()
    }
    const run = await world.core.monitoring.runNow('manual')
    expect(run.remote!.failures).toMatchObject([{ cause: 'timeout', count: 1, storeIds: [id] }])
    expect(run.errors).toEqual([`1 store: Lazada did not answer within 30 seconds: check the internet connection; the next check asks again (Acme Pte Ltd — Acme Official (SG)).`])
    expect(tokenState(id)).toMatchObject({ state: 'active' })
  })

  it('never refreshes a token of an archived store', async () => {
    world = await lazadaWorld(NOW)
    const { id } = await storeWithTokens(grant(NOW - 29 * DAY, { accessExpiresAt: NOW + HOUR }))
    world.core.stores.archive(id)
    await world.core.monitoring.runNow('manual')
    expect(world.api.calls.filter((c) => c.api !== '/service/market/subs/query')).toEqual([])
  })
})
