/**
 * Bulk actions in Chromium against the real core (issue #10): select stores in the portfolio,
 * assign them an owner, see it in a store's history, undo it as one step.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

function storeRows(page: Page) {
  return page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]')
}

describe('bulk actions in the browser', () => {
  it('assigns an owner to selected stores, shows it in a store’s history, and undoes it', async () => {
    const { page, host } = await startApp()
    const ids = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map(
      (name, i) => host.core.stores.create(storeInput({ clientName: `${name} Trading`, storeName: `${name} Store`, sellerShortCode: `SGBULK00${i + 1}` })).id
    )
    await page.goto(`${host.url}#/portfolio`)
    await expect.poll(() => storeRows(page).count(), { timeout: 30_000 }).toBe(4)

    await storeRows(page).nth(0).getByRole('checkbox').click()
    await storeRows(page).nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] })
    await page.getByRole('button', { name: 'Act on 3 stores' }).click()
    await page.getByRole('menuitem', { name: 'Assign owner…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Assign owner to 3 stores' })
    await dialog.getByRole('combobox', { name: /Owner KAM/ }).fill('Dana Lee')
    await dialog.getByRole('button', { name: 'Assign owner' }).click()

    const toast = page.getByTestId('bulk-result')
    await toast.waitFor({ timeout: 30_000 })
    expect(await toast.textContent()).toContain('3 stores changed')
    expect(ids.map((id) => host.core.stores.view(id).ownerKam)).toEqual(['Dana Lee', 'Dana Lee', 'Dana Lee', null])
    // The list shows the new owner (main told the window the stores changed).
    await expect.poll(() => storeRows(page).nth(1).textContent(), { timeout: 30_000 }).toContain('Dana Lee')

    await storeRows(page).nth(1).getByText('Bravo Store').click()
    await page.waitForURL(/#\/stores\/\d+/, { timeout: 30_000 })
    const history = page.getByText('Owner set to “Dana Lee” (bulk action on 3 stores)')
    await history.waitFor({ timeout: 30_000 })

    await toast.getByRole('button', { name: 'Undo' }).click()
    await page.getByText('Undone: Owner set to “Dana Lee”').first().waitFor({ timeout: 30_000 })
    expect(ids.map((id) => host.core.stores.view(id).ownerKam)).toEqual([null, null, null, null])
    await page.getByText('Undone: Owner set to “Dana Lee”').nth(1).waitFor({ timeout: 30_000 })
    expect(host.core.history.of(ids[1]!)[0]).toMatchObject({ kind: 'undone' })
  })
})
