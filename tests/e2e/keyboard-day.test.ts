/**
 * A KAM's day by keyboard alone (issue #11, point 6), in Chromium against the real core: the
 * portfolio by its shortcut, a search, ↓ to the store and Enter, a subscription recorded through
 * its form with Tab, typing and Enter (Esc asks before the typing is lost), Alt+← back to the portfolio with focus on the store's row,
 * the notification centre by its shortcut, the shortcut list with ? and Esc. No click anywhere.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

/** What has keyboard focus: its label (a field's), aria-label or text, and whether it is a grid row. */
async function focused(page: Page): Promise<{ name: string; row: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return { name: '', row: false }
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null
    const name = (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
    return { name, row: el.getAttribute('role') === 'row' }
  })
}

/** Tab (Shift+Tab back) until the focused element is named `name`: the way a keyboard user gets there. */
async function tabTo(page: Page, name: string | RegExp, { back = false, limit = 150 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const now = await focused(page)
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached “${name}”; focus is on “${(await focused(page)).name}”`)
}

describe('a day by keyboard alone', () => {
  it('finds a store, records its subscription, goes back to its row, reads the notifications and the shortcuts', async () => {
    const app = await startApp({ demoStores: 30 })
    const { page, host } = app
    const store = host.core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
    await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor()

    // The portfolio by its shortcut, then search.
    await page.keyboard.press('Control+2')
    await page.getByRole('grid', { name: 'Stores' }).waitFor()
    await page.keyboard.press('/')
    await page.keyboard.type('Bloom Official')
    await expect.poll(() => page.getByTestId('portfolio-count').textContent()).toMatch(/^Showing 1 of/)

    // ↓ to the store, Enter opens it.
    await page.keyboard.press('ArrowDown')
    await expect.poll(async () => (await focused(page)).row).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Bloom Beauty Pte Ltd' }).waitFor()

    // Record the subscription through its form.
    await tabTo(page, 'Record subscription')
    await page.keyboard.press('Enter')
    const form = page.getByRole('dialog', { name: 'Record subscription' })
    await form.waitFor()
    await tabTo(page, 'Start Time')
    await page.keyboard.type('1 Dec 2026 10:00')
    await tabTo(page, 'End Time')
    await page.keyboard.type('1 Jun 2027 10:00')
    // Esc closes the calendar, the next one asks before the typing is lost; Enter keeps editing.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    const ask = page.getByRole('dialog', { name: 'Discard changes?' })
    await ask.waitFor()
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Keep editing' })
    await page.keyboard.press('Enter')
    await ask.waitFor({ state: 'detached' })
    await tabTo(page, 'Save subscription')
    await page.keyboard.press('Enter')
    await form.waitFor({ state: 'detached' })
    const sgTenAm = (iso: string) => Date.parse(`${iso}T02:00:00Z`)
    expect(host.core.records.subscription(store.id)).toMatchObject({ startAt: sgTenAm('2026-12-01'), endAt: sgTenAm('2027-06-01') })

    // Alt+← back to the portfolio, on the store's row: ↓ and ↑ go on from there. The screens'
    // shortcuts wait while a dialog is still fading out.
    await expect.poll(() => page.locator('[aria-modal="true"]').count()).toBe(0)
    await page.keyboard.press('Alt+ArrowLeft')
    await page.getByRole('grid', { name: 'Stores' }).waitFor()
    await expect.poll(() => focused(page)).toMatchObject({ row: true, name: expect.stringContaining('Bloom Official') })

    // The notification centre by its shortcut; the shortcut list with ?, closed with Esc.
    await page.keyboard.press('Control+3')
    await page.getByRole('heading', { name: 'Notifications', level: 2 }).waitFor()
    await page.keyboard.press('Shift+?')
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await list.waitFor()
    expect(await list.getByTestId('shortcut-go-notifications').textContent()).toContain('Ctrl')
    await page.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
  })
})
