/**
 * Screenshots of the main screens, for the README and for looking at the UI without Electron:
 * the empty portfolio, the dashboard after a check, the notification centre, a portfolio with
 * data, a store page with history, a store page with its subscription and authorizations, the
 * settings, the add-store form with its inline errors, and an import preview listing a file's
 * problems.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { portfolioQuerySchema } from '../../electron/shared/portfolio'
import { authorizationInputSchema } from '../../electron/shared/records'
import { demoStoreInputs, storesCsv } from './demo-data'
import { launchApp } from './launcher'
import type { LaunchedApp } from './launcher'

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

/**
 * The store the records screenshot shows: one whose subscription runs out soon, with an older
 * authorization from the previous half year added so the list has history to show.
 */
function recordsStoreId(app: LaunchedApp): number {
  const { db } = app.host.database
  const [store] = listStores(db, portfolioQuerySchema.parse({ statuses: ['expiring'], sort: { column: 'deadlineAt', direction: 'asc' } })).stores
  if (!store) throw new Error('The demo portfolio has no expiring store to show')
  const [latest] = app.host.core.records.authorizations(store.id)
  if (latest) {
    const earlier = latest.authorizedAt - 183 * 24 * 3600_000
    app.host.core.records.recordAuthorization(
      store.id,
      authorizationInputSchema.parse({ authorizedAt: earlier, method: 'seller-link', account: latest.account, country: store.country, reconnected: true })
    )
  }
  return store.id
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
    // The host's start-up check ran before the demo stores existed: check them now, as the
    // schedule would, so statuses are fresh and reminders have fired.
    await app.host.core.monitoring.runNow('manual')
    await page.reload()
    await page.getByRole('table', { name: 'Needs action' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'dashboard.png')

    // A KAM has usually read some of them already.
    const fired = app.host.core.monitoring.reminders.list({ unreadOnly: false, limit: 200 }).reminders
    const read = fired.filter((_, i) => i % 3 === 2).map((r) => r.id)
    if (read.length) app.host.core.monitoring.reminders.markRead({ ids: read })
    await page.goto(`${app.host.url}#/notifications`)
    await page.getByRole('list', { name: 'Reminders' }).waitFor()
    await shoot(page, 'notifications.png')

    const recordsStore = recordsStoreId(app)
    await page.goto(`${app.host.url}#/stores/${recordsStore}`)
    await page.getByRole('table', { name: 'Authorizations' }).waitFor()
    await shoot(page, 'store-records.png')

    await page.goto(`${app.host.url}#/settings`)
    await page.getByRole('button', { name: 'Save settings' }).waitFor()
    await shoot(page, 'settings.png')

    await page.goto(`${app.host.url}#/portfolio`)
    await page.getByRole('table', { name: 'Stores' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'portfolio.png')

    await page.goto(`${app.host.url}#/stores/1`)
    await page.getByRole('heading', { name: 'History' }).waitFor()
    await shoot(page, 'store-page.png')

    await page.goto(`${app.host.url}#/portfolio`)
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
