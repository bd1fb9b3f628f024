/**
 * Triage in Chromium against the real core: the worklist's first rows are the stores lapsing
 * soonest (not the expired ones, nor those with no deadline), and "My stores" narrows the
 * dashboard to the KAM's own and is still chosen after a reload.
 */
import { describe, expect, it } from 'vitest'
import type { AppCore } from '../../electron/core/app-core'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000

type Core = Pick<AppCore, 'stores' | 'records'>

let codes = 0
function subscribed(core: Core, clientName: string, ownerKam: string, endAt: number): void {
  const store = core.stores.create(storeInput({ clientName, storeName: `${clientName} Shop`, ownerKam, sellerShortCode: `SGTRIAGE${String(++codes).padStart(2, '0')}` }))
  core.records.saveSubscription(store.id, subscriptionInputSchema.parse({ startAt: endAt - 182 * DAY, endAt }))
  core.records.recordAuthorization(store.id, authorizationInputSchema.parse({ authorizedAt: endAt - 181 * DAY, reconnected: true }))
}

describe('triage in the browser', () => {
  it('lists the soonest-lapsing stores first, and narrows to my stores, remembered after a reload', async () => {
    const { page, host } = await startApp({ viewport: { width: 1024, height: 700 } })
    const { core } = host
    const now = Date.now()
    // Expired and never-subscribed stores, added first and alphabetically ahead of the others.
    for (let i = 0; i < 6; i++) subscribed(core, `Aardvark Expired ${i}`, i % 2 ? 'Ben Tan' : 'Ana Lim', now - (i + 2) * DAY)
    for (let i = 0; i < 6; i++) core.stores.create(storeInput({ clientName: `Abacus New ${i}`, ownerKam: 'Ben Tan', sellerShortCode: `SGNEW${i}0000` }))
    subscribed(core, 'Zinnia Later', 'Ana Lim', now + 9 * DAY + 3_600_000)
    subscribed(core, 'Yarrow Soon', 'Ben Tan', now + 4 * DAY + 3_600_000)
    subscribed(core, 'Xenia Sooner', ' ana lim', now + 2 * DAY + 3_600_000)
    subscribed(core, 'Willow Soonest', 'Ben Tan', now + DAY + 3_600_000)
    core.settings.save({ ...core.settings.get(), you: { name: 'Ana Lim', remindersFor: 'all' } })
    await core.monitoring.runNow('manual')
    await page.reload()

    const worklist = page.getByRole('grid', { name: 'Needs action' })
    const rows = worklist.locator('[role="row"][data-row-index]')
    await worklist.getByRole('row', { name: /^Willow Soonest/ }).waitFor()
    const firstFour = () => rows.evaluateAll((els) => els.slice(0, 4).map((el) => el.getAttribute('aria-label')))
    expect(await firstFour()).toEqual([
      'Willow Soonest — Willow Soonest Shop (SG)',
      'Xenia Sooner — Xenia Sooner Shop (SG)',
      'Yarrow Soon — Yarrow Soon Shop (SG)',
      'Zinnia Later — Zinnia Later Shop (SG)'
    ])
    expect(await rows.first().getByTestId('worklist-urgency').textContent()).toMatch(/^lapses in [12] days?$/)
    expect(await page.getByTestId('worklist-count').textContent()).toContain('16 stores')
    expect(await page.getByTestId('dashboard-summary').textContent()).toContain('16 need action')

    await page.getByText('My stores', { exact: true }).click()
    await expect.poll(() => page.getByTestId('dashboard-summary').textContent()).toContain('Your 5 stores · 5 need action')
    expect(await firstFour()).toEqual([
      'Xenia Sooner — Xenia Sooner Shop (SG)',
      'Zinnia Later — Zinnia Later Shop (SG)',
      'Aardvark Expired 0 — Aardvark Expired 0 Shop (SG)',
      'Aardvark Expired 2 — Aardvark Expired 2 Shop (SG)'
    ])

    await page.reload()
    await worklist.getByRole('row', { name: /^Xenia Sooner/ }).waitFor()
    expect(await page.getByRole('radio', { name: 'My stores' }).isChecked()).toBe(true)
    expect(await page.getByTestId('dashboard-summary').textContent()).toContain('Your 5 stores · 5 need action')
    expect(await worklist.getByRole('row', { name: /^Willow Soonest/ }).count()).toBe(0)
    expect(core.monitoring.dashboard().scope).toBe('mine')
  })
})
