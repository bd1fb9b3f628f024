/**
 * The reason a KAM opens Storewatch, in Chromium against the real core: a store whose
 * subscription ends in 14 days is on the worklist and in the notification centre after a check,
 * and the notification's entry opens the store.
 */
import { describe, expect, it } from 'vitest'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000

describe('checks, worklist and notification centre in the browser', () => {
  it('puts a subscription ending in 14 days on the worklist and in the notification centre; the entry opens the store', async () => {
    const { page, host } = await startApp()
    const { core } = host
    const now = Date.now()
    const store = core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
    core.records.saveSubscription(store.id, subscriptionInputSchema.parse({ startAt: now - 166 * DAY, endAt: now + 14 * DAY }))
    core.records.recordAuthorization(store.id, authorizationInputSchema.parse({ authorizedAt: now - 165 * DAY, reconnected: true }))
    const healthy = core.stores.create(storeInput({ clientName: 'Calm Co', storeName: 'Calm Shop', sellerShortCode: 'SGCALM001' }))
    core.records.saveSubscription(healthy.id, subscriptionInputSchema.parse({ startAt: now - 10 * DAY, endAt: now + 170 * DAY }))
    core.records.recordAuthorization(healthy.id, authorizationInputSchema.parse({ authorizedAt: now - 9 * DAY, reconnected: true }))
    await page.reload()

    await page.getByRole('button', { name: 'Check now' }).click()
    const worklist = page.getByRole('grid', { name: 'Needs action' })
    const row = worklist.getByRole('row', { name: 'Bloom Beauty Pte Ltd — Bloom Official (SG)' })
    await row.waitFor()
    expect(await row.textContent()).toContain('Expiring')
    expect(await worklist.getByRole('row', { name: /Calm Co/ }).count()).toBe(0)
    await expect.poll(() => host.notifications.length).toBe(1)
    expect(host.notifications[0]).toMatchObject({ title: 'Bloom Official (SG): subscription ends in 14 days', target: { kind: 'store', storeId: store.id } })

    await page.getByRole('link', { name: /^Notifications/ }).click()
    const entry = page.getByRole('button', { name: /^Unread: Bloom Official \(SG\): subscription ends in 14 days/ })
    await entry.click()
    await page.waitForURL(new RegExp(`#/stores/${store.id}\\?from=notifications$`))
    await page.getByRole('heading', { name: 'Bloom Beauty Pte Ltd' }).waitFor()
    expect(core.monitoring.reminders.list({ unreadOnly: true, limit: 10 }).unread).toBe(0)
  })
})
