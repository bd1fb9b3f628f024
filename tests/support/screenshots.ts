/**
 * Screenshots of the main screens, for the README and for looking at the UI without Electron:
 * the empty portfolio, a portfolio with data, a store page with history, the add-store form
 * with its inline errors, and an import preview listing a file's problems.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { demoStoreInputs, storesCsv } from './demo-data'
import { launchApp } from './launcher'

const VIEWPORT = { width: 1440, height: 900 }

/** A file with one problem of each common kind, as a KAM's first spreadsheet often has. */
export function csvWithProblems(): string {
  const good = storesCsv(demoStoreInputs(6, 7)).trimEnd().split('\n')
  const [header, ...rows] = good
  const broken = [
    'Lazada Lovers Pte Ltd,Lazada Lovers,Singapur,SGLOVE01,,,,,,,,,,',
    ',Nameless Store,MY,MYNONAME1,,,,,,,,,,',
    'Mail Mix Sdn Bhd,Mail Mix,MY,MYMAIL001,,not-an-email,,,,,,,,',
    'Seoul Beauty Co.,Seoul Beauty,KR,KRSEOUL01,,,,,,,,,,'
  ]
  return [header, ...rows.slice(0, 3), ...broken, rows[0], ...rows.slice(3)].join('\n') + '\n'
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  // Mantine's transitions take ~200 ms; a picture mid-fade helps nobody.
  await page.waitForTimeout(400)
}

export async function takeScreenshots(outDir: string, options: { demoStores: number }): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true })
  const written: string[] = []
  const shoot = async (page: Page, name: string, fullPage = false) => {
    await settle(page)
    const file = path.join(outDir, name)
    await page.screenshot({ path: file, fullPage })
    written.push(file)
  }

  const empty = await launchApp({ viewport: VIEWPORT })
  try {
    await empty.page.getByRole('button', { name: 'Import CSV' }).first().waitFor()
    await shoot(empty.page, 'empty-portfolio.png')
  } finally {
    await empty.close()
  }

  const app = await launchApp({ viewport: VIEWPORT, demoStores: options.demoStores })
  const { page } = app
  try {
    await page.getByRole('table', { name: 'Stores' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'portfolio.png')

    await page.goto(`${app.host.url}#/stores/1`)
    await page.getByRole('heading', { name: 'History' }).waitFor()
    await shoot(page, 'store-page.png')

    await page.goto(app.host.url)
    await page.getByRole('button', { name: 'Add store' }).click()
    const form = page.getByRole('dialog', { name: 'Add store' })
    await form.getByLabel('Client').fill('Acme')
    await form.getByLabel('Contact e-mail').fill('acme@')
    await form.getByRole('button', { name: 'Save store' }).click()
    await shoot(page, 'add-store-errors.png')
    await form.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Import CSV' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import CSV' })
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithProblems()) })
    await dialog.getByRole('button', { name: 'Choose another file' }).waitFor()
    await shoot(page, 'import-preview-errors.png')
  } finally {
    await app.close()
  }
  return written
}
