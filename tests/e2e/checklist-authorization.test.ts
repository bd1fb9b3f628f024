/**
 * Getting a store working again, as the KAM does it in the app (Chromium, real core, the mock
 * Lazada server over HTTP): start the checklist, tick steps 1–5 capturing the Start and End Time,
 * Reauthorize, the seller logs in on Lazada's page, the capture ticks the step and the store needs
 * a reconnect; "Mark reconnected" makes it healthy. And a seller who cancels changes nothing.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { authorizeAsSeller } from '../support/mock-lazada/seller-page'
import { storeInput } from '../support/store-input'
import { startAppWithMockLazada } from './app-fixture'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "27 Nov 2026 10:30" in Singapore time, as the app writes a date and the KAM types it. */
function sgLocal(instant: number): string {
  const sg = new Date(instant + 8 * 60 * 60 * 1000)
  const hhmm = sg.toISOString().slice(11, 16)
  return `${sg.getUTCDate()} ${MONTHS[sg.getUTCMonth()]} ${sg.getUTCFullYear()} ${hhmm}`
}

async function openStoreWithChecklist() {
  const { app, mock } = await startAppWithMockLazada()
  const { core } = app.host
  const store = core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
  await app.page.goto(`${app.host.url}#/stores/${store.id}`)
  const checklist = app.page.getByRole('region', { name: 'Checklist' })
  await checklist.getByRole('button', { name: 'Start checklist' }).click()
  return { app, core, store, checklist, mock }
}

function step(checklist: ReturnType<Page['getByRole']>, n: number) {
  return checklist.getByRole('checkbox', { name: new RegExp(`^Step ${n}:`) })
}

/** Ticks a step the way a KAM does: a click, then the tick shows once main has recorded it. */
async function tick(checklist: ReturnType<Page['getByRole']>, n: number) {
  if (await step(checklist, n).isChecked()) return
  await step(checklist, n).click()
  await expect.poll(() => step(checklist, n).isChecked()).toBe(true)
}

async function tickStepsOneToFive(checklist: ReturnType<Page['getByRole']>, start: number, end: number) {
  await tick(checklist, 1)
  const dates = checklist.getByRole('form', { name: 'Start and End Time' })
  await dates.getByLabel('Start Time').fill(sgLocal(start))
  await dates.getByLabel('End Time').fill(sgLocal(end))
  // On a busy machine the End Time's calendar can open late, over Save, and take the first click
  // (it closes and nothing is saved): click again until the dates show as captured.
  const captured = checklist.getByTestId('captured-dates')
  await expect
    .poll(
      async () => {
        if (await captured.isVisible()) return true
        await dates.getByRole('button', { name: 'Save Start and End Time' }).click({ timeout: 5_000 })
        return captured.waitFor({ timeout: 5_000 }).then(() => true, () => false)
      },
      { timeout: 60_000 }
    )
    .toBe(true)
  for (const n of [2, 3, 4, 5]) await tick(checklist, n)
}

async function reauthorize(checklist: ReturnType<Page['getByRole']>) {
  await checklist.getByRole('button', { name: 'Reauthorize' }).click()
}

describe('checklist and Reauthorize in the browser', () => {
  it('captures the authorization from Lazada’s page, ticks the step, and ends healthy after the reconnect', async () => {
    const { app, core, store, checklist } = await openStoreWithChecklist()
    const { page } = app
    const start = Date.now() - 60_000
    const end = start + 183 * 24 * 60 * 60 * 1000
    await tickStepsOneToFive(checklist, start, end)
    expect(core.records.subscription(store.id)).toMatchObject({ startAt: Math.floor(start / 60_000) * 60_000, source: 'checklist' })

    await reauthorize(checklist)
    const lazada = await app.authWindows.nextPage()
    await authorizeAsSeller(lazada, { email: 'seller@bloom.sg', password: 'secret' })

    const banner = page.getByRole('region', { name: 'Lazada authorization' })
    await banner.getByText('Authorized — now reconnect the store in Anchanto OMS').waitFor()
    await expect.poll(() => step(checklist, 6).isChecked()).toBe(true)
    expect(await checklist.getByTestId('step-ticked').filter({ hasText: 'Storewatch' }).count()).toBeGreaterThan(0)
    expect(core.stores.view(store.id).status).toBe('needs-reconnect')
    await page.getByRole('region', { name: 'History' }).getByText('Authorized', { exact: true }).first().waitFor()

    await banner.getByRole('button', { name: 'Mark reconnected' }).click()
    await expect.poll(() => core.stores.view(store.id).status).toBe('healthy')
    await expect.poll(() => step(checklist, 7).isChecked()).toBe(true)
  })

  it('leaves everything but the attempt as it was when the seller cancels on Lazada', async () => {
    const { app, core, store, checklist } = await openStoreWithChecklist()
    const start = Date.now() - 60_000
    await tickStepsOneToFive(checklist, start, start + 183 * 24 * 60 * 60 * 1000)
    const historyBefore = core.history.of(store.id).length

    await reauthorize(checklist)
    const lazada = await app.authWindows.nextPage()
    await lazada.getByRole('button', { name: 'Cancel' }).click()
    await lazada.getByRole('heading', { name: 'Anchanto OM' }).waitFor()
    await lazada.close()

    await expect.poll(() => core.authorization.attempts(store.id)[0]?.outcome).toBe('abandoned')
    expect(core.records.authorizations(store.id)).toEqual([])
    expect(core.stores.view(store.id).status).toBe('needs-authorization')
    expect(await step(checklist, 6).isChecked()).toBe(false)
    // Only the attempt's own entries were added.
    const added = core.history.of(store.id).slice(0, core.history.of(store.id).length - historyBefore)
    expect(added.map((h) => h.summary)).toEqual(['Authorization cancelled by the seller', 'Authorization window opened'])
  })
})
