/**
 * A working day in Chromium against the real core: an .xlsx of 200 stores with their dates comes
 * in through the import modal and shows true statuses, then the view goes out as .xlsx and .ics.
 */
import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { portfolioQuerySchema } from '../../electron/shared/portfolio'
import { startApp as startOnDashboard } from './app-fixture'

const DAY = 86_400_000
const COUNTRIES = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID']

/** 200 stores: End Times from 20 days ago to 100 days ahead as real date cells, most authorized and reconnected. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Stores')
  sheet.addRow(['Client', 'Store', 'Country', 'Short code', 'Service version', 'Period', 'Start Time', 'End Time', 'Last authorization', 'Authorized account', 'Reconnect date'])
  const today = new Date()
  const wall = (days: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * DAY)
  for (let i = 0; i < 200; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!
    const end = (i % 120) - 20
    const authorized = i % 10 !== 0
    sheet.addRow([
      `Client ${i % 40}`,
      `Store ${i}`,
      country,
      `${country}${String(i).padStart(8, '0')}`,
      i % 3 === 0 ? 'Paid version' : 'Authorization Only',
      'Half a year',
      wall(end - 182),
      wall(end),
      authorized ? wall(end - 180) : null,
      authorized ? `seller${i}@example.com` : null,
      authorized && i % 7 !== 0 ? wall(end - 179) : null
    ])
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe('import and export for a working day', () => {
  it('imports an .xlsx of 200 stores with their dates and shows their true statuses; exports .xlsx and .ics', { timeout: 180_000 }, async () => {
    const { page, host } = await startOnDashboard()
    await page.goto(`${host.url}#/portfolio`)
    await page.getByRole('button', { name: 'Import CSV or Excel' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Import CSV or Excel' })
    await dialog.getByLabel('CSV or Excel file').setInputFiles({
      name: 'stores.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook()
    })
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true })
    await expect.poll(() => importButton.isEnabled(), { timeout: 60_000 }).toBe(true)
    await importButton.click()
    await dialog.getByText(/Imported 200 new stores/).waitFor({ timeout: 60_000 })
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    const statuses = new Map<string, number>()
    for (const store of listStores(host.database.db, portfolioQuerySchema.parse({}), Date.now())) statuses.set(store.status, (statuses.get(store.status) ?? 0) + 1)
    expect(statuses.get('needs-subscription') ?? 0).toBe(0)
    expect(statuses.get('healthy')).toBeGreaterThan(50)
    expect(statuses.get('expired')).toBeGreaterThan(0)
    expect(statuses.get('expiring')).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Healthy' }).count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click()
    await page.getByText('Exported 200 stores').waitFor()
    const saved = () => (fs.existsSync(host.savedFilesDir) ? fs.readdirSync(host.savedFilesDir) : [])
    await expect.poll(() => saved().filter((f) => f.endsWith('.xlsx')).length).toBe(1)
    const book = new ExcelJS.Workbook()
    await expect.poll(async () => {
      try {
        await book.xlsx.readFile(`${host.savedFilesDir}/${saved().find((f) => f.endsWith('.xlsx'))!}`)
        return book.worksheets[0]!.rowCount
      } catch {
        return 0
      }
    }).toBe(201)
    const header = (book.worksheets[0]!.getRow(1).values as string[]).slice(1)
    expect(book.worksheets[0]!.getRow(2).getCell(header.indexOf('end_time') + 1).value).toBeInstanceOf(Date)

    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('menuitem', { name: 'Calendar (.ics)…' }).click()
    const calendar = page.getByRole('dialog', { name: 'Export deadlines to a calendar' })
    await calendar.getByText('60 days').click()
    await calendar.getByRole('button', { name: 'Export .ics' }).click()
    await page.getByText(/Exported \d+ deadlines/).waitFor()
    await expect.poll(() => saved().filter((f) => f.endsWith('.ics')).length).toBe(1)
    const ics = () => fs.readFileSync(`${host.savedFilesDir}/${saved().find((f) => f.endsWith('.ics'))!}`, 'utf8')
    await expect.poll(() => ics().trimEnd().endsWith('END:VCALENDAR')).toBe(true)
    expect(ics().split('BEGIN:VEVENT').length - 1).toBeGreaterThan(50)
  })
})
