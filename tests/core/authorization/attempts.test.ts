/** Authorization attempts: the state (entropy, format, hash stored, single use, 30 minutes), the URL, the link fallback, readiness. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildAuthorizeUrl } from '../../../electron/core/authorization/authorize-url'
import { STATE_BYTES, hashState, newState } from '../../../electron/core/authorization/state'
import type { LinkAttemptStart } from '../../../electron/shared/authorization'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { MINUTE, call, refusal, setIntegrator, sgt } from '../checklists/support'

const CALLBACK = 'https://oms.example.com/lazada/callback'

describe('the state', () => {
  it('is 16 random bytes from the CSPRNG, as 22 base64url characters', () => {
    const sizes: number[] = []
    const state = newState((size) => {
      sizes.push(size)
      return Buffer.alloc(size, 0xfb)
    })
    expect(STATE_BYTES).toBe(16)
    expect(sizes).toEqual([16])
    expect(state).toBe('-_v7-_v7-_v7-_v7-_v7-w')
    for (let i = 0; i < 50; i++) {
      const s = newState()
      expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(Buffer.from(s, 'base64url')).toHaveLength(16)
    }
  })

  it('never repeats (10,000 draws)', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newState()))
    expect(seen.size).toBe(10_000)
  })

  it('is stored as a SHA-256', () => {
    expect(hashState('AAAAAAAAAAAAAAAAAAAAAA')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashState('AAAAAAAAAAAAAAAAAAAAAA')).toBe(hashState('AAAAAAAAAAAAAAAAAAAAAA'))
    expect(hashState('AAAAAAAAAAAAAAAAAAAAAA')).not.toBe(hashState('AAAAAAAAAAAAAAAAAAAAAB'))
  })
})

describe('the authorization URL', () => {
  it('carries exactly Lazada’s parameters, the country in lower case', () => {
    const url = new URL(
      buildAuthorizeUrl({ endpoint: 'https://auth.lazada.com/oauth/authorize', clientId: '100132', redirectUri: CALLBACK, country: 'SG', state: 'AAAAAAAAAAAAAAAAAAAAAA' })
    )
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.lazada.com/oauth/authorize')
    expect([...url.searchParams]).toEqual([
      ['response_type', 'code'],
      ['force_auth', 'true'],
      ['redirect_uri', CALLBACK],
      ['client_id', '100132'],
      ['country', 'sg'],
      ['state', 'AAAAAAAAAAAAAAAAAAAAAA']
    ])
    expect(url.hash).toBe('')
  })
})

describe('attempts', () => {
  let database: TestDatabase
  let core: TestCore
  let storeId: number

  beforeEach(async () => {
    database = openTestDatabase()
    core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')) })
    storeId = core.stores.create(storeInput({ country: 'ID', sellerShortCode: 'ID10000001' })).id
    core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') }))
  })
  afterEach(() => database.close())

  async function link(): Promise<Extract<LinkAttemptStart, { status: 'created' }>> {
    const started = await call(core, 'authorizations:create-link', { storeId })
    if (started.status !== 'created') throw new Error(started.message)
    return started
  }

  it('say what is missing instead of failing', async () => {
    expect(await call(core, 'authorizations:create-link', { storeId })).toEqual({
      status: 'not-ready',
      message: 'To open Lazada’s authorization page, set the app key and the registered callback URL in Settings → Integrator.',
      missing: { use: 'authorize', fields: ['appKey', 'callbackUrl'], message: expect.any(String) }
    })
    expect(await call(core, 'authorizations:open-window', { storeId })).toMatchObject({ status: 'not-ready' })
    expect((await call(core, 'checklists:get', { storeId })).authorize).toEqual({
      ready: false,
      message: 'To open Lazada’s authorization page, set the app key and the registered callback URL in Settings → Integrator.'
    })
    expect(await call(core, 'authorizations:attempts', { storeId })).toEqual([])
  })

  it('without an authorization window, “Reauthorize” points at the link', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
    expect(await call(core, 'authorizations:open-window', { storeId })).toEqual({
      status: 'not-ready',
      message: 'Storewatch cannot open the authorization window here: use “Send the link instead”.',
      missing: null
    })
  })

  it('“Send the link instead” gives Lazada’s URL with a fresh state bound to the store, and stores only its hash', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
    const first = await link()
    const second = await link()
    const url = new URL(first.url)
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.lazada.com/oauth/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      force_auth: 'true',
      redirect_uri: CALLBACK,
      client_id: '100132',
      country: 'id',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/)
    })
    const state = url.searchParams.get('state')!
    expect(new URL(second.url).searchParams.get('state')).not.toBe(state)
    expect(first.attempt).toMatchObject({ storeId, mode: 'link', country: 'ID', outcome: 'pending', createdBy: 'aisha', expiresAt: core.clock.now() + 30 * MINUTE })
    expect(first.attempt).not.toHaveProperty('stateHash')

    const row = database.sqlite.prepare('SELECT * FROM authorization_attempts WHERE id = ?').get(first.attempt.id) as Record<string, unknown>
    expect(row.state_hash).toBe(hashState(state))
    // The state itself is nowhere in the database, nor in the history.
    const everything = JSON.stringify(database.sqlite.prepare('SELECT * FROM authorization_attempts').all()) + JSON.stringify(core.detail(storeId).history)
    expect(everything).not.toContain(state)
    expect(core.detail(storeId).history.slice(0, 2)).toMatchObject([
      { summary: 'Authorization link created for the seller', changes: [{ after: `#${second.attempt.id}` }] },
      { summary: 'Authorization link created for the seller', changes: [{ after: `#${first.attempt.id}` }] }
    ])
  })

  it('leave the store needing authorization until the KAM confirms the link', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
    const { attempt } = await link()
    expect(core.detail(storeId).verdict.status).toBe('needs-authorization')
    const run = (await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })).runs[0]!

    const detail = await call(core, 'authorizations:confirm-link', { storeId, attemptId: attempt.id })
    expect(detail.verdict.status).toBe('needs-reconnect')
    expect(detail.authorizations[0]).toMatchObject({ method: 'seller-link', country: 'ID' })
    const [confirmed] = await call(core, 'authorizations:attempts', { storeId })
    expect(confirmed).toMatchObject({ outcome: 'captured', authorizationId: detail.authorizations[0]!.id })
    const view = await call(core, 'checklists:get', { storeId })
    expect(view.runs.find((r) => r.id === run.id)!.steps.find((s) => s.stepId === 'authorize')).toMatchObject({ done: true, doneVia: 'evidence' })

    expect(await refusal(core, 'authorizations:confirm-link', { storeId, attemptId: attempt.id })).toMatchObject({ code: 'conflict' })
    const other = core.stores.create(storeInput({ sellerShortCode: 'SG30000003' })).id
    expect(await refusal(core, 'authorizations:confirm-link', { storeId: other, attemptId: attempt.id })).toMatchObject({ code: 'not-found' })
  })

  it('expire 30 minutes after they start, not before', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
    const { attempt } = await link()
    core.clock.advance(30 * MINUTE - 1)
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({ outcome: 'pending' })
    core.clock.advance(1)
    expect((await call(core, 'authorizations:attempts', { storeId }))[0]).toMatchObject({
      id: attempt.id,
      outcome: 'expired',
      outcomeAt: core.clock.now(),
      outcomeReason: 'Not used within 30 minutes'
    })
  })

  it('can be withdrawn; a withdrawn link cannot be confirmed', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
    const { attempt } = await link()
    expect(await call(core, 'authorizations:cancel-attempt', { attemptId: attempt.id })).toMatchObject({ outcome: 'abandoned', outcomeReason: 'Withdrawn by the KAM' })
    expect(core.detail(storeId).history[0]!.summary).toBe('Authorization link withdrawn')
    expect(await refusal(core, 'authorizations:confirm-link', { storeId, attemptId: attempt.id })).toMatchObject({ code: 'conflict' })
    expect(await refusal(core, 'authorizations:cancel-attempt', { attemptId: 999 })).toMatchObject({ code: 'not-found' })
  })

  it('are refused for stores that cannot be authorized', async () => {
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK, publishedCountries: ['SG'] })
    expect(await call(core, 'authorizations:create-link', { storeId })).toMatchObject({
      status: 'not-ready',
      message: expect.stringContaining('not published on Indonesia’s Lazada Service Market')
    })
    const korean = core.stores.create(storeInput({ country: 'KR', sellerShortCode: 'KR10000001' })).id
    expect(await call(core, 'authorizations:create-link', { storeId: korean })).toMatchObject({ status: 'not-ready', message: expect.stringContaining('South Korea is outside') })
    expect(await refusal(core, 'authorizations:create-link', { storeId: 999 })).toMatchObject({ code: 'not-found' })
  })
})
