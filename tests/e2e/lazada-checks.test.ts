/**
 * Checks against Lazada, in Chromium against the real core and the mock Lazada gateway over HTTP:
 * the KAM types the integrator's app key, article code and App Secret in Settings, tests the
 * connection, presses "Check now", and sees the statuses and dates Lazada's answers make — a
 * renewal the KAM had not recorded, a subscription Lazada says has ended, and a store Storewatch
 * cannot ask about.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lazadaHostsOptionValue } from '../../electron/core/lazada-hosts/start-up-option'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import { startMockGateway } from '../support/mock-lazada/gateway'
import type { MockGateway } from '../support/mock-lazada/gateway'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000

const gateways: MockGateway[] = []
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close()
})

describe('Lazada checks in the browser', () => {
  it('takes the credentials in Settings, and a check shows the statuses and dates of Lazada’s answers', async () => {
    const gateway = await startMockGateway()
    gateways.push(gateway)
    // The hosts are the one thing a KAM cannot set: the start-up option puts the mock in Lazada's place.
    const { page, host } = await startApp({ lazadaHosts: lazadaHostsOptionValue(gateway.hosts) })
    const { core } = host

    const now = Date.now()
    const renewed = core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
    const ended = core.stores.create(storeInput({ clientName: 'Calm Co', storeName: 'Calm Shop', sellerShortCode: 'SGCALM001' }))
    const noCode = core.stores.create(storeInput({ clientName: 'Dune Outfitters', storeName: 'Dune Shop', sellerShortCode: null, loginEmail: 'dune@example.com' }))
    for (const [store, endAt] of [
      [renewed.id, now + 10 * DAY],
      [ended.id, now + 100 * DAY],
      [noCode.id, now + 100 * DAY]
    ] as const) {
      core.records.saveSubscription(store, subscriptionInputSchema.parse({ startAt: endAt - 180 * DAY, endAt }))
      core.records.recordAuthorization(store, authorizationInputSchema.parse({ authorizedAt: endAt - 179 * DAY, reconnected: true }))
    }
    const renewedUntil = now + 190 * DAY
    gateway.setSubscriptions('SG', 'SGBLOOM01', [{ status: 1, endTime: renewedUntil, itemName: 'Authorization Only · Half a year' }])
    gateway.setSubscriptions('SG', 'SGCALM001', [{ status: 2, endTime: now - 2 * DAY, itemName: 'Authorization Only · Half a year' }])
    await core.monitoring.runNow('manual')
    expect(core.stores.view(renewed.id).status).toBe('expiring')
    expect(gateway.stats().calls).toBe(0)

    // Settings: the integrator's app key and article code, then the secret, then one signed call.
    await page.goto(`${host.url}#/settings?section=lazada`)
    const connection = page.getByRole('region', { name: 'Lazada connection' })
    await connection.getByTestId('remote-checks').getByText('Checks don’t ask Lazada').waitFor()
    await page.getByLabel('App key (client_id)').fill(gateway.appKey)
    await page.getByLabel('Service Market article code').fill(gateway.articleCode)
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText(/^Saved — checking the portfolio/).first().waitFor()
    await connection.getByLabel('App secret').fill(gateway.appSecret)
    await connection.getByRole('button', { name: 'Save secret' }).click()
    await connection.getByTestId('secret-state').getByText('Set').waitFor()
    expect(await connection.getByLabel('App secret').inputValue()).toBe('')
    await connection.getByText('Checks ask Lazada').waitFor()

    await connection.getByLabel('Seller short code').fill('SGBLOOM01')
    await connection.getByRole('combobox', { name: 'Country' }).click()
    await page.getByRole('option', { name: 'Singapore (SG)' }).click()
    await connection.getByRole('button', { name: 'Test connection' }).click()
    const test = connection.getByTestId('connection-test')
    await test.waitFor()
    expect(await test.textContent()).toMatch(/^Connected: Lazada accepted the app key and secret and answered for SGBLOOM01 \(Singapore\)/)
    expect(gateway.stats().byApi['/service/market/subs/query']).toBe(1)

    // "Check now": the check asks Lazada about the two stores with a short code.
    await page.getByRole('button', { name: 'Check now' }).click()
    await page.getByTestId('remote-summary').first().waitFor()
    expect(gateway.stats().byApi['/service/market/subs/query']).toBe(3)

    await page.goto(`${host.url}#/stores/${renewed.id}`)
    const lazada = page.getByRole('region', { name: 'What Lazada says' })
    await lazada.getByTestId('lazada-disagreement').waitFor()
    const headline = await lazada.getByTestId('lazada-disagreement-headline').textContent()
    expect(headline).toMatch(/^Lazada says the subscription ends \d{1,2} \w{3} \d{4}; you recorded \d{1,2} \w{3} \d{4}\.$/)
    const statusBanner = page.getByRole('region', { name: 'Status' })
    await statusBanner.getByText('Healthy', { exact: true }).waitFor()
    expect(core.stores.view(renewed.id).status).toBe('healthy')

    await page.goto(`${host.url}#/stores/${ended.id}`)
    await page.getByRole('region', { name: 'What Lazada says' }).getByTestId('lazada-disagreement').waitFor()
    await statusBanner.getByText('Expired', { exact: true }).waitFor()

    await page.goto(`${host.url}#/stores/${noCode.id}`)
    await page.getByRole('region', { name: 'What Lazada says' }).getByTestId('lazada-cannot-check').waitFor()

    // The lists carry the same news.
    await page.goto(`${host.url}#/portfolio`)
    const table = page.getByRole('grid', { name: 'Stores' })
    await table.getByRole('columnheader', { name: 'Lazada' }).waitFor()
    await table.getByRole('row', { name: /Bloom Beauty/ }).getByText('Lazada disagrees').waitFor()
    await table.getByRole('row', { name: /Dune Outfitters/ }).getByText('Can’t check with Lazada').waitFor()
    expect(await page.content()).not.toContain(gateway.appSecret)
  })
})
