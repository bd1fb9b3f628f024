/**
 * The portfolio as a KAM uses it, in Chromium against the real core: import with a file that
 * has errors, edit and see history, search and filter, archive and restore, keyboard, export.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ImportPreview } from '../../electron/shared/csv-import'
import type { StoreInput } from '../../electron/shared/store-fields'
import type { LaunchedApp } from '../support/launcher'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { portfolioQuerySchema } from '../../electron/shared/portfolio'
import { demoStoreInputs, storesCsv } from '../support/demo-data'
import { storeInput } from '../support/store-input'
import { startApp as startOnDashboard } from './app-fixture'

const HEADER = 'client_name,store_name,country,seller_short_code,login_email,contact_email,tags'
const BROKEN_CSV = [
  HEADER,
  'Bloom Beauty Pte Ltd,Bloom Official,SG,SGBLOOM01,,,VIP',
  'Ánh Dương JSC,Ánh Dương Mall,Singapur,VNANH0001,,,',
  ',Nameless Store,MY,MYNONAME1,,,',
  'Mail Mix Sdn Bhd,Mail Mix,MY,MYMAIL001,,not-an-email,',
  'Seoul Beauty Co.,Seoul Beauty,KR,KRSEOUL01,,,',
  'Bloom Beauty Pte Ltd,Bloom Official again,SG,SGBLOOM01,,,'
].join('\n')
const FIXED_CSV = [
  HEADER,
  'Bloom Beauty Pte Ltd,Bloom Official,SG,SGBLOOM01,,,VIP',
  'Ánh Dương JSC,Ánh Dương Mall,VN,VNANH0001,,,',
  'Nameless Sdn Bhd,Nameless Store,MY,MYNONAME1,,,',
  'Mail Mix Sdn Bhd,Mail Mix,MY,MYMAIL001,,ops@mailmix.my,',
  'Seoul Beauty Co.,Seoul Beauty,KR,KRSEOUL01,,,'
].join('\n')

/** The portfolio tests start on the portfolio screen (the app opens on the dashboard). */
async function startApp(options: Parameters<typeof startOnDashboard>[0] = {}) {
  const app = await startOnDashboard(options)
  await app.page.goto(`${app.host.url}#/portfolio`)
  return app
}

function csvFile(text: string) {
  return { name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') }
}

function storeRows(page: Page) {
  return page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]')
}

/** Picks an option in one of the portfolio's multi-select filters, as a keyboard user would. */
async function pickFilter(page: Page, filter: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: filter }).focus()
  await page.keyboard.press('ArrowDown')
  await page.getByRole('option', { name: option }).click()
  await page.keyboard.press('Escape')
}

/** Puts stores in through the import the app offers: seconds for 10,000, where adding them one by one takes minutes. */
async function importStores(host: LaunchedApp['host'], inputs: StoreInput[]): Promise<void> {
  const context = { emit: () => undefined }
  const bytes = new TextEncoder().encode(storesCsv(inputs))
  const preview = await host.core.dispatcher.dispatch('import:preview', { requestId: 'e2e', fileName: 'stores.csv', bytes }, context)
  if (!preview.ok) throw new Error(preview.error.message)
  const { previewId } = preview.value as ImportPreview
  const committed = await host.core.dispatcher.dispatch('import:commit', { previewId, defaultConflictAction: 'skip' }, context)
  if (!committed.ok) throw new Error(committed.error.message)
}

async function shownCount(page: Page): Promise<string> {
  return (await page.getByTestId('portfolio-count').textContent()) ?? ''
}

describe('portfolio in the browser', () => {
  it('imports a CSV: shows every problem, then imports the fixed file', async () => {
    const { page, host } = await startApp()
    await page.getByRole('button', { name: 'Import CSV or Excel' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Import CSV or Excel' })
    await dialog.getByLabel('CSV or Excel file').setInputFiles(csvFile(BROKEN_CSV))

    await dialog.getByText('Unknown country "Singapur"', { exact: false }).waitFor()
    for (const problem of ['Client is required', 'Not a valid e-mail address', 'Same store as row 2', 'outside Lazada']) {
      expect(await dialog.getByText(problem, { exact: false }).count()).toBeGreaterThan(0)
    }
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true)
    expect(host.core.stores.count()).toBe(0)

    await dialog.getByRole('button', { name: 'Choose another file' }).click()
    await dialog.getByLabel('CSV or Excel file').setInputFiles(csvFile(FIXED_CSV))
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true })
    await expect.poll(() => importButton.isEnabled()).toBe(true)
    await importButton.click()
    await dialog.getByText(/Imported 5 new stores/).waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    await expect.poll(() => shownCount(page)).toContain('Showing 5 of 5 stores')
    expect(await storeRows(page).filter({ hasText: 'Ánh Dương Mall' }).count()).toBe(1)
    expect(await storeRows(page).filter({ hasText: 'Seoul Beauty' }).getByText('Out of scope').count()).toBe(1)
    expect(host.core.stores.count()).toBe(5)
  })

  // 10,000 rows through the worker and into Chromium: minutes, not seconds, on a busy shared machine.
  it('imports 10,000 rows, showing progress while it checks them', { timeout: 240_000 }, async () => {
    const { page, host } = await startApp()
    await page.getByRole('button', { name: 'Import CSV or Excel' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Import CSV or Excel' })
    const progressSeen = dialog.getByTestId('import-progress').waitFor()
    await dialog.getByLabel('CSV or Excel file').setInputFiles(csvFile(storesCsv(demoStoreInputs(10_000))))
    await progressSeen
    await dialog.getByText('New 10,000').waitFor({ timeout: 90_000 })
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await dialog.getByText(/Imported 10,000 new stores/).waitFor({ timeout: 90_000 })
    expect(host.core.stores.count()).toBe(10_000)
  })

  it('edits a store and shows the change in its history', async () => {
    const { page, host } = await startApp()
    const store = host.core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01', ownerKam: 'Aisha Rahman' }))
    await page.reload()
    await storeRows(page).filter({ hasText: 'Bloom Official' }).click()
    await page.getByRole('heading', { name: 'Bloom Beauty Pte Ltd' }).waitFor()

    await page.getByRole('button', { name: 'Edit' }).click()
    const form = page.getByRole('dialog', { name: 'Edit store' })
    await form.getByLabel('Owner KAM').fill('Ben Tan')
    await form.getByLabel('Notes').fill('Renewal promised for Friday')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.waitFor({ state: 'hidden' })

    const history = page.getByRole('region', { name: 'History' })
    await history.getByText('Edited').waitFor()
    expect(await history.getByText('Aisha Rahman → Ben Tan', { exact: false }).count()).toBe(1)
    expect(await history.getByText('Renewal promised for Friday', { exact: false }).count()).toBe(1)
    expect(host.core.stores.view(store.id).ownerKam).toBe('Ben Tan')
  })

  it('searches and filters, agreeing with the database', async () => {
    const { page, host } = await startApp({ demoStores: 300 })
    await expect.poll(() => shownCount(page)).toMatch(/of 300 stores/)
    const target = listStores(host.database.db, portfolioQuerySchema.parse({}), Date.now())[42]!

    await page.getByLabel('Search').fill(target.sellerShortCode!.toLowerCase())
    await expect.poll(() => storeRows(page).count()).toBe(1)
    expect(await storeRows(page).first().textContent()).toContain(target.storeName)

    await page.getByLabel('Clear search').click()
    await pickFilter(page, 'Country', 'Vietnam (VN)')
    const vietnam = listStores(host.database.db, portfolioQuerySchema.parse({ countries: ['VN'] }), Date.now())
    await expect.poll(() => shownCount(page)).toContain(`Showing ${vietnam.length} of 300 stores`)
    const countries = await storeRows(page).locator('[data-col="country"]').allTextContents()
    expect(countries.length).toBeGreaterThan(0)
    expect(new Set(countries)).toEqual(new Set(['VN']))
  })

  it('archives a store with undo, hides it, and restores it', async () => {
    const { page, host } = await startApp()
    const store = host.core.stores.create(storeInput({ clientName: 'Closing Co', storeName: 'Closing Shop', sellerShortCode: 'SGCLOSE01' }))
    host.core.stores.create(storeInput({ clientName: 'Staying Co', storeName: 'Staying Shop', sellerShortCode: 'SGSTAY001' }))
    await page.goto(`${host.url}#/stores/${store.id}`)
    await page.getByRole('button', { name: 'Archive' }).click()
    await page.getByRole('button', { name: 'Undo' }).waitFor()
    expect(host.core.stores.view(store.id).status).toBe('archived')

    await page.getByLabel('Back to portfolio').click()
    await expect.poll(() => shownCount(page)).toContain('Showing 1 of 2 stores')
    expect(await storeRows(page).filter({ hasText: 'Closing Shop' }).count()).toBe(0)

    await pickFilter(page, 'Status', 'Archived')
    await storeRows(page).filter({ hasText: 'Closing Shop' }).click()
    await page.getByRole('button', { name: 'Restore' }).click()
    await page.getByRole('button', { name: 'Archive' }).waitFor()
    const history = page.getByRole('region', { name: 'History' })
    await history.getByText('Restored from the archive').waitFor()
    expect(await history.getByText('Archived', { exact: true }).count()).toBe(1)
    expect(host.core.stores.view(store.id).status).toBe('needs-subscription')
  })

  it('deletes a store only after confirmation', async () => {
    const { page, host } = await startApp()
    const store = host.core.stores.create(storeInput({ clientName: 'Gone Co', storeName: 'Gone Shop', sellerShortCode: 'SGGONE001' }))
    await page.goto(`${host.url}#/stores/${store.id}`)
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete this store?' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(host.core.stores.count()).toBe(1)

    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await confirm.getByRole('button', { name: 'Delete store' }).click()
    await expect.poll(() => host.core.stores.count()).toBe(0)
    await page.getByText('Your portfolio is empty').waitFor()
  })

  it('works from the keyboard: / to search, arrows and Enter to open a store', async () => {
    const { page } = await startApp({ demoStores: 50 })
    await storeRows(page).first().waitFor()
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search')
    await page.keyboard.press('Escape')
    await storeRows(page).first().focus()
    await page.keyboard.press('ArrowDown')
    const second = (await storeRows(page).nth(1).locator('[data-col="clientName"]').textContent()) ?? ''
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/stores\/\d+(\?in=\d+)?$/)
    await page.getByRole('heading', { name: second }).waitFor()
  })

  it('exports the current view with formula-looking cells neutralized', async () => {
    const { page, host } = await startApp()
    host.core.stores.create(storeInput({ clientName: 'Formula Co', storeName: 'Formula Shop', sellerShortCode: 'SGFORM001', notes: '=HYPERLINK("http://evil.example")' }))
    host.core.stores.create(storeInput({ clientName: 'Other Co', storeName: 'Other Shop', country: 'MY', sellerShortCode: 'MYOTHER01' }))
    await page.reload()
    await pickFilter(page, 'Country', 'Singapore (SG)')
    await expect.poll(() => shownCount(page)).toContain('Showing 1 of 2 stores')
    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'CSV' }).click()

    await expect.poll(() => fs.existsSync(host.savedFilesDir) && fs.readdirSync(host.savedFilesDir).length).toBe(1)
    const file = fs.readdirSync(host.savedFilesDir)[0]!
    // The file can appear before its last byte is written: wait for the whole view in it.
    const savedText = (): string => fs.readFileSync(`${host.savedFilesDir}/${file}`, 'utf8')
    await expect.poll(savedText).toContain('Formula Shop')
    const text = savedText()
    expect(text).not.toContain('Other Shop')
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
  })

  it('keeps 10,000 stores scrollable, searchable and selectable with only the rows in view in the page', { timeout: 240_000 }, async () => {
    const { page, host } = await startApp()
    await importStores(host, demoStoreInputs(10_000))
    await page.reload()
    await expect.poll(() => shownCount(page), { timeout: 60_000 }).toContain('Showing 10,000 of 10,000 stores')
    expect(await storeRows(page).count()).toBeLessThan(80)
    const all = listStores(host.database.db, portfolioQuerySchema.parse({}), Date.now())

    const grid = page.getByRole('grid', { name: 'Stores' })
    await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await storeRows(page).filter({ hasText: all.at(-1)!.storeName }).first().waitFor()
    expect(await storeRows(page).count()).toBeLessThan(80)

    await page.getByRole('textbox', { name: 'Search' }).fill(all[5_000]!.sellerShortCode!.toLowerCase())
    await expect.poll(() => shownCount(page)).toContain('Showing 1 of 10,000 stores')
    expect(await storeRows(page).first().textContent()).toContain(all[5_000]!.storeName)

    await page.getByLabel('Clear search').click()
    await expect.poll(() => shownCount(page)).toContain('Showing 10,000 of 10,000 stores')
    await grid.getByRole('checkbox', { name: 'Select all 10,000 matching' }).click()
    const summary = page.getByTestId('selection-summary')
    await expect.poll(() => summary.textContent()).toContain('All 10,000 matching selected')
    await storeRows(page).first().getByRole('checkbox').click()
    await expect.poll(() => summary.textContent()).toContain('9,999 selected')
  })
})
