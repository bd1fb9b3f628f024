/**
 * The authorization window port in the browser harness, driven through the core: the seller
 * logs in on the mock Lazada page in a Chromium page, the 302 to the callback is captured, and
 * the store moves to "needs reconnect"; a cancelled login changes nothing but the attempt; a code
 * sent anywhere but the exact callback is stopped and the store page says why. The mock stands in
 * for Lazada through the `--lazada-hosts` start-up option, and the app's banner names it.
 */
import { describe, expect, it } from 'vitest'
import { subscriptionInputSchema } from '../../electron/shared/records'
import { authorizeAsSeller } from '../support/mock-lazada/seller-page'
import { storeInput } from '../support/store-input'
import { startAppWithMockLazada } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000

async function setUp() {
  const { app, mock } = await startAppWithMockLazada()
  const { core } = app.host
  const store = core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
  const now = Date.now()
  core.records.saveSubscription(store.id, subscriptionInputSchema.parse({ startAt: now - DAY, endAt: now + 180 * DAY }))
  return { app, core, store, mock }
}

describe('the authorization window in Chromium', () => {
  it('captures the callback after the seller submits, and the store needs a reconnect', async () => {
    const { app, core, store, mock } = await setUp()
    const started = await core.dispatcher.dispatch('authorizations:open-window', { storeId: store.id }, { emit: () => undefined })
    expect(started.ok).toBe(true)

    const lazada = await app.authWindows.nextPage()
    await authorizeAsSeller(lazada, { email: 'seller@bloom.sg', password: 'secret' })
    await expect.poll(() => core.stores.view(store.id).status).toBe('needs-reconnect')
    expect(mock.callbacks).toHaveLength(1)
    const [attempt] = core.authorization.attempts(store.id)
    expect(attempt).toMatchObject({ outcome: 'captured', mode: 'window' })
    expect(app.host.core.records.authorizations(store.id)[0]).toMatchObject({ method: 'embedded-window', country: 'SG' })
  })

  it('records a cancelled login as abandoned once the window closes, and changes nothing else', async () => {
    const { app, core, store } = await setUp()
    await core.dispatcher.dispatch('authorizations:open-window', { storeId: store.id }, { emit: () => undefined })
    const lazada = await app.authWindows.nextPage()
    await lazada.getByRole('button', { name: 'Cancel' }).click()
    // The seller sees where Lazada sent them, then closes the window.
    await lazada.getByRole('heading', { name: 'Anchanto OM' }).waitFor()
    await lazada.close()
    await expect.poll(() => core.authorization.attempts(store.id)[0]?.outcome).toBe('abandoned')
    expect(core.records.authorizations(store.id)).toEqual([])
    expect(core.stores.view(store.id).status).toBe('needs-authorization')
  })
})

describe('what the KAM sees in Chromium', () => {
  it('a banner names the mock in Lazada’s place; a code headed off the exact callback path is stopped and explained on the store page', async () => {
    const { app, store, mock } = await setUp()
    const { page } = app
    await page.goto(`${app.host.url}#/stores/${store.id}`)
    const banner = page.getByRole('alert', { name: 'Lazada hosts' })
    await expect.poll(() => banner.textContent()).toContain(mock.origin)

    await page.getByRole('region', { name: 'Authorizations' }).getByRole('button', { name: 'Reauthorize' }).click()
    const lazada = await app.authWindows.nextPage()
    await lazada.getByRole('button', { name: 'Submit' }).waitFor()
    const state = new URL(lazada.url()).searchParams.get('state')!
    // A look-alike path on the callback's site, as a hostile page or redirect would send it.
    await lazada.goto(`${mock.origin}/callback/?code=0_100132_stolen&state=${state}`).catch(() => undefined)

    const activity = page.getByRole('region', { name: 'Lazada authorization' })
    await activity.getByText('Lazada’s answer was refused').waitFor()
    expect(await activity.textContent()).toContain('not exactly the registered callback URL')
    expect(mock.callbacks).toEqual([])
    expect(app.host.core.records.authorizations(store.id)).toEqual([])
    expect(app.host.core.authorization.attempts(store.id)[0]).toMatchObject({ outcome: 'refused' })
  })
})
