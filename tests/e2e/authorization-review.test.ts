/**
 * The review of Lazada's subscriptions (issue #10, point 1), in Chromium against the real core and
 * the mock Lazada gateway over HTTP: after "Check now" has filled subscriptions from Lazada, the
 * dashboard's Lazada panel offers a review of the stores Lazada says are subscribed; the KAM
 * confirms many at once, and each store's history shows the authorization — no store page opened.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lazadaHostsOptionValue } from '../../electron/core/lazada-hosts/start-up-option'
import { startMockGateway } from '../support/mock-lazada/gateway'
import type { MockGateway } from '../support/mock-lazada/gateway'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000

const gateways: MockGateway[] = []
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close()
})

const SUBSCRIBED = [
  { clientName: 'Bloom Beauty', storeName: 'Bloom SG', country: 'SG', sellerShortCode: 'SGREVIEW01' },
  { clientName: 'Bloom Beauty', storeName: 'Bloom MY', country: 'MY', sellerShortCode: 'MYREVIEW02' },
  { clientName: 'Calm Co', storeName: 'Calm TH', country: 'TH', sellerShortCode: 'THREVIEW03' },
  { clientName: 'Dune Outfitters', storeName: 'Dune PH', country: 'PH', sellerShortCode: 'PHREVIEW04' },
  { clientName: 'Ever Green', storeName: 'Ever VN', country: 'VN', sellerShortCode: 'VNREVIEW05' }
] as const
/** Lazada has no subscription for this one: it is not the review's to confirm. */
const UNSUBSCRIBED = { clientName: 'Fable Foods', storeName: 'Fable SG', country: 'SG', sellerShortCode: 'SGREVIEW06' } as const

describe('the review of Lazada’s subscriptions in the browser', () => {
  it('lists the stores Lazada says are subscribed and confirms their authorization at once, each in its history', async () => {
    const gateway = await startMockGateway()
    gateways.push(gateway)
    const { page, host } = await startApp({ lazadaHosts: lazadaHostsOptionValue(gateway.hosts) })
    const { core } = host
    const current = core.settings.get()
    core.settings.save({ ...current, integrator: { ...current.integrator!, appKey: gateway.appKey, articleCode: gateway.articleCode } })
    expect((await core.credentials.saveSecret({ secret: gateway.appSecret, allowUnprotected: true })).status).toBe('saved')

    const endTime = Date.now() + 150 * DAY
    const ids = SUBSCRIBED.map((store) => {
      gateway.setSubscriptions(store.country, store.sellerShortCode, [{ status: 1, endTime, itemName: 'Authorization Only · Half a year' }])
      return core.stores.create(storeInput(store)).id
    })
    const unsubscribed = core.stores.create(storeInput(UNSUBSCRIBED)).id

    await page.goto(`${host.url}#/`)
    await page.getByRole('button', { name: 'Check now' }).click()
    const row = page.getByTestId('authorization-review-row')
    await row.getByText('5 stores subscribed on Lazada need your authorization confirmed').waitFor({ timeout: 45_000 })
    expect(ids.map((id) => core.stores.view(id).status)).toEqual(Array(5).fill('needs-authorization'))

    await row.getByRole('button', { name: 'Review' }).click()
    const dialog = page.getByRole('dialog', { name: 'Confirm authorization of stores subscribed on Lazada' })
    const listed = dialog.getByTestId('review-stores').getByRole('checkbox')
    await expect.poll(() => listed.count()).toBe(5)
    const labels = await dialog.getByTestId('review-stores').locator('label').allTextContents()
    expect(labels).toEqual(SUBSCRIBED.map((s) => `${s.clientName} — ${s.storeName} (${s.country})`))

    await dialog.getByLabel('Also reconnected in the OMS').check()
    await dialog.getByRole('button', { name: 'Confirm 5 stores' }).click()
    await page.getByText('Authorization confirmed').first().waitFor({ timeout: 30_000 })
    await dialog.getByText('No store subscribed on Lazada waits for its authorization to be confirmed.').waitFor()

    for (const id of ids) {
      expect(core.history.of(id).filter((h) => h.kind === 'authorized').map((h) => h.summary)).toEqual(['Authorized and reconnected'])
      expect(core.stores.view(id).status).not.toBe('needs-authorization')
    }
    expect(core.history.of(unsubscribed).some((h) => h.kind === 'authorized')).toBe(false)

    // Afterwards, a store's page shows the confirmation in its history.
    await page.goto(`${host.url}#/stores/${ids[2]}`)
    await page.getByRole('region', { name: 'History' }).getByText('Authorized and reconnected', { exact: true }).first().waitFor({ timeout: 30_000 })
  })
})
