/**
 * The portfolio day of issue #10, in Chromium against the real core, from an empty app: an .xlsx
 * of 2,000 stores with their subscription, authorization and reconnect dates comes in through the
 * import modal; the worklist's first rows are the stores lapsing soonest (then the lapsed, most
 * recent first, then those with no deadline); the KAM selects 20 stores of 8 clients, messages the
 * clients — one message each, listing its stores — and logs them as sent on every store; then
 * opens the first and goes through the selection with "Next store".
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AppCore } from '../../electron/core/app-core'
import type { WorklistItem } from '../../electron/shared/monitoring'
import { startApp } from './app-fixture'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const STORES = 2000
const COUNTRIES = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID'] as const
/** Hours ahead of UTC of each country's time (Indonesia: Jakarta), none with daylight saving. */
const UTC_OFFSET_H: Record<(typeof COUNTRIES)[number], number> = { SG: 8, MY: 8, TH: 7, PH: 8, VN: 7, ID: 7 }

/** The eight clients of the 20 soonest-lapsing stores: 3, 3, 3, 3, 2, 2, 2 and 2 of them. */
const URGENT_CLIENTS = ['Tan & Sons Trading', 'Bloom Beauty Pte Ltd', 'Harbour Home Living', 'Kopi Kaki Coffee', 'Lotus Wellness', 'Mekong Outdoor Gear', 'Nusantara Batik House', 'Orchid Baby Care']
const URGENT = 20
const WORDS = ['Sunrise', 'Golden', 'Evergreen', 'Blue Lagoon', 'Jade', 'Monsoon', 'Coral', 'Bamboo', 'Summit', 'Pearl', 'Saffron', 'Tidal', 'Maple', 'Orbit', 'Velvet']
const TRADES = ['Electronics', 'Fashion', 'Home', 'Beauty', 'Sports', 'Toys', 'Grocery', 'Pets', 'Books', 'Auto']

/** A client of five stores: "Jade Beauty 123". */
function clientOf(c: number): string {
  return `${WORDS[c % WORDS.length]} ${TRADES[Math.floor(c / WORDS.length) % TRADES.length]} ${c}`
}

interface Row {
  client: string
  store: string
  country: (typeof COUNTRIES)[number]
  /** The End Time as a wall clock reading in the store's country (a date cell's UTC fields), or null: no subscription on file. */
  endWall: number | null
}

/**
 * 2,000 stores, as a KAM's spreadsheet has them. The first 20 lapse within five days, five hours
 * apart (more than the hour between the countries' times), for the eight urgent clients, who have
 * more stores further down; the rest cluster in the coming weeks (sellers all ordered "Half a
 * year" around the same release), some lapsed in the last two months, some months away, and one
 * in twenty with no subscription on file.
 */
function portfolio(now: number): Row[] {
  const hour = Math.floor(now / HOUR) * HOUR
  const rows: Row[] = []
  for (let i = 0; i < STORES; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!
    const urgent = i < URGENT
    // The urgent clients' stores: the first 20, and 16 more further down (not selected).
    const client = i < URGENT + 16 ? URGENT_CLIENTS[i % URGENT_CLIENTS.length]! : clientOf(Math.floor(i / 5))
    const store = `${client.split(' ')[0]} ${TRADES[i % TRADES.length]} ${country} ${i}`
    let endWall: number | null
    if (urgent) endWall = hour + DAY + i * 5 * HOUR
    else if (i % 20 === 0) endWall = null
    else if (i % 7 === 0) endWall = hour - ((i % 60) + 1) * DAY - (i % 13) * HOUR
    else if (i % 5 === 0) endWall = hour + (100 + (i % 80)) * DAY
    else endWall = hour + (7 + (i % 35)) * DAY + (i % 17) * HOUR
    rows.push({ client, store, country, endWall })
  }
  return rows
}

async function workbook(rows: readonly Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Stores')
  sheet.addRow(['Client', 'Store', 'Country', 'Short code', 'Contact e-mail', 'Service version', 'Period', 'Start Time', 'End Time', 'Last authorization', 'Authorized account', 'Reconnect date'])
  rows.forEach((row, i) => {
    const at = (wall: number | null, days: number) => (wall === null ? null : new Date(wall - days * DAY))
    sheet.addRow([
      row.client,
      row.store,
      row.country,
      `${row.country}${String(i).padStart(8, '0')}`,
      `orders@${row.client.split(' ')[0]!.toLowerCase()}.example.com`,
      row.endWall === null ? null : i % 3 === 0 ? 'Paid version' : 'Authorization Only',
      row.endWall === null ? null : 'Half a year',
      at(row.endWall, 182),
      at(row.endWall, 0),
      at(row.endWall, 170),
      row.endWall === null ? null : `seller${i}@example.com`,
      at(row.endWall, 169)
    ])
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** The End Time's instant: the wall clock reading in the store's country time. */
function endInstant(row: Row): number {
  return row.endWall! - UTC_OFFSET_H[row.country] * HOUR
}

function label(row: Row): string {
  return `${row.client} — ${row.store} (${row.country})`
}

/** The worklist's row at an index (a virtual list: rows in the document are not in its order). */
function worklistRow(page: Page, index: number) {
  return page.getByRole('grid', { name: 'Needs action' }).locator(`[role="row"][data-row-index="${index}"]`)
}

/** The whole worklist, as main windows it to the renderer. */
function wholeWorklist(core: AppCore): WorklistItem[] {
  const items: WorklistItem[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = core.monitoring.worklist(offset, 1000)
    items.push(...page.items)
    if (items.length >= page.total) return items
  }
}

async function importWorkbook(page: Page, url: string, file: Buffer): Promise<void> {
  await page.goto(`${url}#/portfolio`)
  await page.getByRole('button', { name: 'Import CSV or Excel' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Import CSV or Excel' })
  await dialog.getByLabel('CSV or Excel file').setInputFiles({ name: 'portfolio.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true })
  await expect.poll(() => importButton.isEnabled(), { timeout: 90_000 }).toBe(true)
  await importButton.click()
  await dialog.getByText(`Imported ${STORES.toLocaleString('en-US')} new stores`, { exact: false }).waitFor({ timeout: 90_000 })
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
}

describe('a portfolio day in the browser', () => {
  it('imports 2,000 stores from .xlsx, ranks the soonest-lapsing first, messages 8 clients of 20 selected stores, and goes through them with Next store', { timeout: 300_000 }, async () => {
    const { page, host } = await startApp({ viewport: { width: 1280, height: 2000 } })
    const { core } = host
    const rows = portfolio(Date.now())
    expect(host.database.sqlite.prepare('SELECT count(*) FROM stores').pluck().get()).toBe(0)
    await importWorkbook(page, host.url, await workbook(rows))

    // The worklist: lapsing soonest first, then lapsed most recent first, then no deadline.
    await page.goto(`${host.url}#/`)
    const urgent = rows.slice(0, URGENT)
    const soonest = [...urgent].sort((a, b) => endInstant(a) - endInstant(b))
    await worklistRow(page, URGENT - 1).waitFor({ timeout: 60_000 })
    const shown = await Promise.all(urgent.map((_, i) => worklistRow(page, i).getAttribute('aria-label')))
    expect(shown).toEqual(soonest.map(label))
    expect(await worklistRow(page, 0).getByTestId('worklist-urgency').textContent()).toMatch(/^lapses (today|in 1 day)$/)
    expect(await page.getByTestId('worklist-tier').first().getAttribute('data-tier')).toBe('lapsing')

    const now = Date.now()
    const worklist = wholeWorklist(core)
    const tiers = worklist.map((item) => item.tier)
    const firstOf = (tier: string) => tiers.indexOf(tier as WorklistItem['tier'])
    const lastOf = (tier: string) => tiers.lastIndexOf(tier as WorklistItem['tier'])
    expect(lastOf('lapsing')).toBeLessThan(firstOf('lapsed'))
    expect(lastOf('lapsed')).toBeLessThan(firstOf('no-deadline'))
    expect(tiers.filter((t) => t === 'no-deadline').length).toBe(rows.filter((r) => r.endWall === null).length)
    const deadlines = (tier: string) => worklist.filter((item) => item.tier === tier).map((item) => item.deadline!)
    expect(deadlines('lapsing')).toEqual([...deadlines('lapsing')].sort((a, b) => a - b))
    expect(deadlines('lapsed')).toEqual([...deadlines('lapsed')].sort((a, b) => b - a))
    expect(deadlines('lapsing').every((d) => d > now - 60_000)).toBe(true)
    expect(deadlines('lapsed').length).toBe(rows.filter((r) => r.endWall !== null && endInstant(r) < now).length)
    expect(await page.getByTestId('worklist-count').textContent()).toContain(`${worklist.length.toLocaleString('en-US')} stores`)

    // Select the 20 soonest: click the first, shift-click the twentieth.
    await worklistRow(page, 0).getByRole('checkbox').click()
    await worklistRow(page, URGENT - 1).getByRole('checkbox').click({ modifiers: ['Shift'] })
    await page.getByRole('button', { name: 'Message clients' }).click()
    const dialog = page.getByRole('dialog', { name: 'Message clients' })
    await expect.poll(() => dialog.getByTestId('client-messages-summary').textContent()).toContain('8 clients, 20 stores')
    expect(await dialog.getByTestId('client-message').count()).toBe(8)
    for (const client of URGENT_CLIENTS) {
      const text = (await dialog.getByRole('region', { name: `Message to ${client}` }).getByRole('document').textContent()) ?? ''
      const listed = urgent.filter((row) => row.client === client)
      for (const row of listed) expect(text).toContain(`■ ${row.store} (`)
      // Only the selected stores: the client's other stores further down are not in it.
      expect(text.split('■').length - 1).toBe(listed.length)
    }

    await dialog.getByRole('button', { name: `Log the message to ${URGENT_CLIENTS[0]} as sent` }).click()
    await dialog.getByRole('button', { name: 'Log all 7 as sent' }).click()
    await dialog.getByRole('button', { name: 'All logged' }).waitFor({ timeout: 30_000 })
    const idOf = new Map((host.database.sqlite.prepare('SELECT store_name AS name, id FROM stores').all() as { name: string; id: number }[]).map((s) => [s.name, s.id]))
    for (const row of rows.slice(0, URGENT + 16)) {
      const count = urgent.filter((r) => r.client === row.client).length
      const logged = core.history.of(idOf.get(row.store)!).filter((h) => h.kind === 'client-message').map((h) => h.summary)
      expect(logged).toEqual(urgent.includes(row) ? [`Message for the client sent (one message to ${row.client} for ${count} stores)`] : [])
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached', timeout: 30_000 })

    // Open the first and go through the selection with Next store (button, then J).
    // The shift-click scrolled the list to the twentieth row: Home goes back to the first, Enter opens it.
    await worklistRow(page, URGENT - 1).focus()
    await page.keyboard.press('Home')
    await expect.poll(() => worklistRow(page, 0).evaluate((row) => row === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: soonest[0]!.client }).waitFor({ timeout: 30_000 })
    const place = page.getByTestId('store-sequence-place')
    await expect.poll(() => place.textContent()).toBe(`1 of 20 · Next: ${soonest[1]!.store}`)
    await page.getByRole('region', { name: 'History' }).getByText(/^Message for the client sent/).first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: /^Next store:/ }).click()
    await expect.poll(() => place.textContent()).toBe(`2 of 20 · Next: ${soonest[2]!.store}`)
    for (let i = 2; i < URGENT - 1; i++) {
      await page.keyboard.press('j')
      await expect.poll(() => place.textContent()).toBe(`${i + 1} of 20 · Next: ${soonest[i + 1]!.store}`)
    }
    await page.keyboard.press('j')
    await expect.poll(() => place.textContent()).toBe('20 of 20 · the last store of the worklist')
    await page.getByRole('heading', { name: soonest[URGENT - 1]!.client }).waitFor({ timeout: 30_000 })
  })
})
