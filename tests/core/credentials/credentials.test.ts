/**
 * The Lazada app secret: through the SecretStore only — never in the database in clear, the logs,
 * an export or any IPC answer; weak backends need consent; unreadable ciphertext asks again;
 * "Test connection" makes one signed call and says what happened.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { APP_SECRET_NAME } from '../../../electron/core/credentials/credentials-service'
import { CHANNELS } from '../../../electron/shared/ipc-contract'
import { FakeSecretStore, createTestCore } from '../../support/test-core'
import { storeInput } from '../../support/store-input'
import { call, refusal } from '../checklists/support'
import { APP_KEY, APP_SECRET, ARTICLE, databaseBytes, expired, lazadaError, lazadaWorld, valid } from '../lazada-sync/support'
import type { LazadaWorld } from '../lazada-sync/support'

let world: LazadaWorld
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

const NOW = '2026-11-27T02:00:00Z'

/** A new core on the same database and secret store: the app started again (nothing decrypted yet). */
function freshCore() {
  return createTestCore(world.database, { clock: world.clock, logger: world.logger, secretStore: world.secrets, lazadaApi: () => world.api })
}

function secretRow() {
  return world.database.sqlite.prepare('SELECT * FROM secrets WHERE name = ?').get(APP_SECRET_NAME) as
    | { ciphertext: string; backend: string; unprotected_consent_at: number | null }
    | undefined
}

describe('saving the app secret', () => {
  it('keeps only ciphertext and the backend in the database; the renderer learns “set”', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    const { core } = world
    expect((await call(core, 'credentials:get', undefined)).secret).toBe('not-set')

    const saved = await call(core, 'credentials:save-secret', { secret: `  ${APP_SECRET}  ` })
    expect(saved.status).toBe('saved')
    expect(saved.credentials).toMatchObject({
      secret: 'set',
      protection: { available: true, backend: 'gnome_libsecret', protected: true },
      unprotectedSince: null,
      missing: { use: 'subscription-query', fields: ['appKey', 'articleCode'] },
      remoteChecks: false
    })
    expect(saved.credentials.message).toBe('The app secret is saved, encrypted with the desktop keyring (libsecret).')
    const row = secretRow()!
    expect(row.backend).toBe('gnome_libsecret')
    expect(row.ciphertext).not.toContain(APP_SECRET)
    expect(databaseBytes(world)).not.toContain(APP_SECRET)
    // The round trip was checked before it was kept.
    expect(world.secrets.opened).toBeGreaterThanOrEqual(1)
  })

  it('never shows the secret in logs, broadcasts, exports or any IPC answer', async () => {
    world = await lazadaWorld(NOW, { profile: { exchangeCodeInApp: true, callbackUrl: 'https://oms.example/cb' } })
    const { core, api } = world
    const id = core.stores.create(storeInput()).id
    api.subs = () => [valid(Date.parse('2027-05-01T00:00:00Z'))]
    const answers: unknown[] = []
    for (const channel of CHANNELS) {
      const inputs: Record<string, unknown> = {
        'credentials:get': undefined,
        'credentials:test': {},
        'lazada:store': { storeId: id },
        'lazada:overview': undefined,
        'settings:get': undefined,
        'stores:get': { id },
        'stores:list': {},
        'checks:run-now': undefined,
        'checks:recent': {},
        'dashboard:get': undefined,
        'app:info': undefined
      }
      if (!(channel in inputs)) continue
      const result = await core.dispatcher.dispatch(channel, inputs[channel], { emit: (_e, payload) => answers.push(payload) })
      answers.push(result)
    }
    const file = await core.dispatcher.dispatch('stores:export-csv', { query: {} }, { emit: () => undefined })
    answers.push(file)
    const exported = JSON.stringify(answers)
    expect(exported).toContain('"secret":"set"')
    expect(exported).not.toContain(APP_SECRET)
    expect(JSON.stringify(core.broadcasts)).not.toContain(APP_SECRET)
    expect(JSON.stringify(world.logger.entries)).not.toContain(APP_SECRET)
    // What was handed to the Lazada client is the only place it appears.
    expect(world.factoryCalls.at(-1)).toMatchObject({ appKey: APP_KEY, appSecret: APP_SECRET })
  })

  it('refuses a secret that cannot be one, with the field named', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    const error = await refusal(world.core, 'credentials:save-secret', { secret: 'short' })
    expect(error).toMatchObject({ code: 'invalid-input', fields: [{ field: 'secret' }] })
    expect(error.message).not.toContain('short')
    expect(secretRow()).toBeUndefined()
  })

  it('tells every window the secret changed, without the secret', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    const told = () => world.core.broadcasts.filter((b) => b.event === 'credentials:changed').map((b) => b.payload as { secret: string })
    expect(told()).toEqual([])

    await call(world.core, 'credentials:save-secret', { secret: APP_SECRET })
    await vi.waitFor(() => expect(told().at(-1)).toMatchObject({ secret: 'set' }))
    await call(world.core, 'credentials:clear-secret', undefined)
    await vi.waitFor(() => expect(told().at(-1)).toMatchObject({ secret: 'not-set', remoteChecks: false }))
    expect(JSON.stringify(told())).not.toContain(APP_SECRET)
  })

  it('forgets the secret on request; checks stop asking Lazada', async () => {
    world = await lazadaWorld(NOW)
    const cleared = await call(world.core, 'credentials:clear-secret', undefined)
    expect(cleared).toMatchObject({ secret: 'not-set', remoteChecks: false })
    expect(secretRow()).toBeUndefined()
    world.core.stores.create(storeInput())
    const run = await world.core.monitoring.runNow('manual')
    expect(run.remote ?? null).toBeNull()
    expect(world.api.calls).toEqual([])
  })
})

describe('a system without real protection (Linux basic_text)', () => {
  it('says so and saves only with explicit consent', async () => {
    world = await lazadaWorld(NOW, { configure: false, secrets: new FakeSecretStore().weak() })
    const { core } = world
    const before = await call(core, 'credentials:get', undefined)
    expect(before).toMatchObject({ secret: 'needs-consent', protection: { backend: 'basic_text', protected: false, available: true } })
    expect(before.protection.message).toContain('would NOT be protected')

    const refused = await call(core, 'credentials:save-secret', { secret: APP_SECRET })
    expect(refused.status).toBe('needs-consent')
    expect(refused.status !== 'saved' && refused.message).toContain('would NOT be protected')
    expect(secretRow()).toBeUndefined()
    expect(world.secrets.sealed).toBe(0)

    const consented = await call(core, 'credentials:save-secret', { secret: APP_SECRET, allowUnprotected: true })
    expect(consented.status).toBe('saved')
    expect(consented.credentials).toMatchObject({ secret: 'set', unprotectedSince: world.clock.now(), protection: { protected: false } })
    expect(consented.credentials.message).toContain('WITHOUT protection')
    expect(secretRow()).toMatchObject({ backend: 'basic_text', unprotected_consent_at: world.clock.now() })
    expect(databaseBytes(world)).not.toContain(APP_SECRET)
  })

  it('cannot keep anything where the system cannot encrypt at all', async () => {
    const secrets = new FakeSecretStore()
    secrets.available = false
    world = await lazadaWorld(NOW, { configure: false, secrets })
    const result = await call(world.core, 'credentials:save-secret', { secret: APP_SECRET, allowUnprotected: true })
    expect(result.status).toBe('unavailable')
    expect(result.credentials.secret).toBe('not-set')
    expect(secretRow()).toBeUndefined()
  })

  it('says the keyring refused when encryption fails, and keeps nothing', async () => {
    const secrets = new FakeSecretStore()
    secrets.refuseSeal = true
    world = await lazadaWorld(NOW, { configure: false, secrets })
    const result = await call(world.core, 'credentials:save-secret', { secret: APP_SECRET })
    expect(result).toMatchObject({ status: 'unavailable', message: expect.stringContaining('keyring') })
    expect(secretRow()).toBeUndefined()
  })
})

describe('a secret this computer can no longer read', () => {
  it('after a restart: unreadable with the reason; the row stays; re-entering it fixes it', async () => {
    world = await lazadaWorld(NOW)
    world.database.sqlite.prepare('UPDATE secrets SET ciphertext = ? WHERE name = ?').run('damaged', APP_SECRET_NAME)
    const core = freshCore()
    const id = core.stores.create(storeInput()).id

    const view = await call(core, 'credentials:get', undefined)
    expect(view.secret).toBe('unreadable')
    expect(view.message).toContain('enter the app secret again')
    expect(view.remoteChecks).toBe(false)
    expect(secretRow()!.ciphertext).toBe('damaged')
    expect(core.broadcasts.some((b) => b.event === 'credentials:changed')).toBe(true)

    const run = await core.monitoring.runNow('manual')
    expect(run.storesChecked).toBe(1)
    expect(run.remote).toMatchObject({ state: 'failed' })
    expect(run.errors[0]).toMatch(/^Lazada was not asked: .*enter the app secret again/)
    expect(core.detail(id).verdict.status).toBe('needs-subscription')
    expect(world.api.calls).toEqual([])

    const test = await call(core, 'credentials:test', {})
    expect(test).toMatchObject({ ok: false, cause: 'unreadable' })

    await call(core, 'credentials:save-secret', { secret: APP_SECRET })
    expect((await call(core, 'credentials:get', undefined)).secret).toBe('set')
  })

  it('names both keyrings when the backend changed', async () => {
    world = await lazadaWorld(NOW)
    world.database.sqlite.prepare('UPDATE secrets SET backend = ? WHERE name = ?').run('kwallet5', APP_SECRET_NAME)
    const view = await call(freshCore(), 'credentials:get', undefined)
    expect(view.secret).toBe('unreadable')
    expect(view.message).toBe(
      'The saved app secret was encrypted with KWallet, and this computer now uses the desktop keyring (libsecret), so it cannot be read: enter the app secret again.'
    )
  })

  it('stores the new ciphertext when the system asks to re-encrypt', async () => {
    world = await lazadaWorld(NOW)
    const before = secretRow()!.ciphertext
    world.secrets.rotate()
    expect((await call(freshCore(), 'credentials:get', undefined)).secret).toBe('set')
    const after = secretRow()!.ciphertext
    expect(after).not.toBe(before)
    expect(after.startsWith('v2.')).toBe(true)
    expect(after).not.toContain(APP_SECRET)
  })
})

describe('the integrator settings for Lazada', () => {
  it('keeps “exchange in the app” through a save that leaves it out (a form that does not show it)', async () => {
    world = await lazadaWorld(NOW, { profile: { exchangeCodeInApp: true } })
    const current = world.core.settings.get()
    const { exchangeCodeInApp: _e, ...shown } = current.integrator
    const saved = await call(world.core, 'settings:save', { ...current, integrator: { ...shown, appName: 'Anchanto OM 2' } })
    expect(saved.integrator).toMatchObject({ appName: 'Anchanto OM 2', exchangeCodeInApp: true })
    const after = world.core.settings.get()
    const off = await call(world.core, 'settings:save', { ...after, integrator: { ...after.integrator, exchangeCodeInApp: false } })
    expect(off.integrator).toMatchObject({ exchangeCodeInApp: false })
    expect((await call(world.core, 'credentials:get', undefined)).exchangeCodeInApp).toBe(false)
  })

  it('is off by default', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    expect(world.core.settings.get().integrator.exchangeCodeInApp ?? false).toBe(false)
    expect((await call(world.core, 'credentials:get', undefined)).exchangeCodeInApp).toBe(false)
  })
})

describe('Test connection', () => {
  it('makes one signed call for the first store with a short code and reports Lazada’s answer', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    core.stores.create(storeInput({ sellerShortCode: null, storeName: 'No code', loginEmail: 'x@acme.sg' }))
    core.stores.create(storeInput({ country: 'MY', storeName: 'Acme MY', sellerShortCode: 'MY20000002' }))
    api.subs = () => [expired(Date.parse('2026-01-01T00:00:00Z')), valid(Date.parse('2026-12-15T16:00:00Z'))]
    const result = await call(core, 'credentials:test', {})
    expect(api.calls).toEqual([{ api: '/service/market/subs/query', venture: 'MY', shortCode: 'MY20000002', articleCode: ARTICLE }])
    expect(result).toEqual({
      ok: true,
      at: world.clock.now(),
      cause: null,
      message: 'Connected: Lazada accepted the app key and secret and answered for MY20000002 (Malaysia): its subscription is valid until 16 Dec 2026, 00:00 (MY time).'
    })
    expect((await call(core, 'credentials:get', undefined)).lastTest).toEqual(result)
  })

  it('uses a short code typed in, and says when Lazada has no subscription for it', async () => {
    world = await lazadaWorld(NOW)
    const result = await call(world.core, 'credentials:test', { country: 'TH', shortCode: 'th30000003' })
    expect(world.api.calls).toEqual([{ api: '/service/market/subs/query', venture: 'TH', shortCode: 'TH30000003', articleCode: ARTICLE }])
    expect(result.message).toBe(`Connected: Lazada accepted the app key and secret and answered for TH30000003 (Thailand): it has no subscription to ${ARTICLE}.`)
  })

  it('reports Lazada’s refusal as the client’s sentence', async () => {
    world = await lazadaWorld(NOW)
    world.api.subs = () => {
      throw lazadaError('incomplete-signature', 'Lazada refused the signature (IncompleteSignature): check the app secret and the computer’s clock.', 'IncompleteSignature')
    }
    const result = await call(world.core, 'credentials:test', { shortCode: 'SG10000001' })
    expect(result).toMatchObject({
      ok: false,
      cause: 'incomplete-signature',
      message: 'Not connected: Lazada refused the signature (IncompleteSignature): check the app secret and the computer’s clock.'
    })
    expect(world.api.calls).toHaveLength(1)
  })

  it('says what is missing before calling anyone', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    expect(await call(world.core, 'credentials:test', { shortCode: 'SG1' })).toMatchObject({
      ok: false,
      cause: 'not-configured',
      message: 'To ask Lazada for subscriptions, set the app key and the Service Market article code in Settings → Integrator.'
    })
    world = await lazadaWorld(NOW)
    expect(await call(world.core, 'credentials:test', {})).toMatchObject({ ok: false, message: expect.stringContaining('Type a seller short code') })
    expect(world.api.calls).toEqual([])
  })

  it('the Lazada client gets the profile (its call rate) with the key and secret', async () => {
    world = await lazadaWorld(NOW, { profile: { apiCallsPerSecond: 20 } })
    await call(world.core, 'credentials:test', { shortCode: 'SG10000001' })
    expect(world.factoryCalls.at(-1)).toMatchObject({ appKey: APP_KEY, appSecret: APP_SECRET, profile: { apiCallsPerSecond: 20 } })
  })
})
