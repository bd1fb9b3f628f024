/**
 * "Next store" and "Message clients" as a KAM uses them, in Chromium against the real core: open a
 * store from the worklist, go on through the list by button and by shortcut, come back to the
 * row; then message the clients of a selection, one message per client, logged on every store.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const STORES = [
  { clientName: 'Tan & Sons', storeName: 'Tan SG', country: 'SG', contactEmail: 'mei@tansons.sg' },
  { clientName: 'Tan & Sons', storeName: 'Tan MY', country: 'MY', contactEmail: 'ops@tansons.my' },
  { clientName: 'Tan & Sons', storeName: 'Tan TH', country: 'TH', contactEmail: null },
  { clientName: 'Bloom Beauty', storeName: 'Bloom SG', country: 'SG', contactEmail: 'hi@bloom.sg' },
  { clientName: 'Bloom Beauty', storeName: 'Bloom PH', country: 'PH', contactEmail: 'hi@bloom.sg' }
] as const

function worklistRows(page: Page) {
  return page.getByRole('grid', { name: 'Needs action' }).locator('[role="row"][data-row-index]')
}

async function placeSays(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByTestId('store-sequence-place').textContent()).toBe(text)
}

async function startWithStores() {
  const app = await startApp({ viewport: { width: 1024, height: 700 } })
  const { core } = app.host
  const ids = STORES.map((store, i) => core.stores.create(storeInput({ ...store, sellerShortCode: `${store.country}NEXT000${i}` })).id)
  await app.page.reload()
  await worklistRows(app.page).nth(STORES.length - 1).waitFor()
  return { ...app, ids }
}

describe('next store', () => {
  it('goes through the worklist from a store page by button and by shortcut, and Back lands on the row', async () => {
    const { page } = await startWithStores()
    const names = await worklistRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))
    const storeName = (index: number) => STORES.find((s) => names[index]!.includes(` — ${s.storeName} (`))!.storeName

    await worklistRows(page).first().click()
    await page.getByRole('heading', { name: STORES.find((s) => s.storeName === storeName(0))!.clientName }).waitFor()
    await placeSays(page, `1 of 5 · Next: ${storeName(1)}`)

    await page.getByRole('button', { name: /^Next store:/ }).click()
    await placeSays(page, `2 of 5 · Next: ${storeName(2)}`)
    await page.keyboard.press('j')
    await placeSays(page, `3 of 5 · Next: ${storeName(3)}`)
    await page.keyboard.press('Alt+ArrowDown')
    await placeSays(page, `4 of 5 · Next: ${storeName(4)}`)
    await page.keyboard.press('j')
    await placeSays(page, '5 of 5 · the last store of the worklist')
    expect(await page.getByRole('button', { name: 'Next store (this is the last)' }).isDisabled()).toBe(true)

    await page.getByRole('link', { name: 'Back to the worklist' }).click()
    const last = worklistRows(page).nth(4)
    await expect.poll(() => last.getAttribute('data-active')).toBe('true')
    await expect.poll(() => last.evaluate((row) => row === document.activeElement)).toBe(true)
  })

  it('messages the clients of a selection, one message per client, and logs it on every store', async () => {
    const { page, host, ids } = await startWithStores()
    await page.getByRole('checkbox', { name: 'Select all 5 needing action' }).click()
    await page.getByRole('button', { name: 'Message clients' }).click()
    const dialog = page.getByRole('dialog', { name: 'Message clients' })
    await expect.poll(() => dialog.getByTestId('client-messages-summary').textContent()).toContain('2 clients, 5 stores')

    const cards = dialog.getByTestId('client-message')
    expect(await cards.count()).toBe(2)
    const tan = dialog.getByRole('region', { name: 'Message to Tan & Sons' })
    expect(await tan.getByRole('document').textContent()).toContain('■ Tan TH (Lazada Thailand)')
    expect(await tan.getByRole('link', { name: 'Open an e-mail draft to Tan & Sons' }).getAttribute('href')).toMatch(/^mailto:mei@tansons\.sg,ops@tansons\.my\?subject=/)
    expect(await dialog.getByRole('note').first().textContent()).toContain('1 store has no client e-mail')

    await dialog.getByRole('button', { name: 'Log all 2 as sent' }).click()
    await dialog.getByRole('button', { name: 'All logged' }).waitFor()
    for (const id of ids) {
      expect(host.core.history.of(id).filter((h) => h.kind === 'client-message').map((h) => h.summary)).toEqual([
        expect.stringMatching(/^Message for the client sent \(one message to (Tan & Sons for 3|Bloom Beauty for 2) stores\)$/)
      ])
    }
  })
})
