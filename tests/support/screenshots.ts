/**
 * Screenshots of the main screens, for the README and for looking at the UI without Electron:
 * the empty portfolio, the dashboard after a check, the notification centre, a portfolio with
 * data, a store page with history, a store page with its subscription and authorizations, the
 * settings and their integrator profile, a checklist in progress with step 2's dates, the message
 * for the client, the add-store form with its inline errors, an import preview listing a file's
 * problems, and then — the app started again on the same data with the `--lazada-hosts` start-up
 * option pointing at the mock Lazada servers, as the tests start it, so its banner shows —
 * "Reauthorize" waiting for the seller and the banner once the seller authorized in the Lazada
 * window, a store whose Lazada End Time disagrees with the KAM's, and the Lazada connection in
 * Settings after a connection test.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import { lazadaHostsOptionValue } from '../../electron/core/lazada-hosts/start-up-option'
import { listStores } from '../../electron/core/portfolio/portfolio-query'
import { countryInfo, isCoveredCountry } from '../../electron/shared/countries'
import type { PortfolioStatus } from '../../electron/shared/portfolio'
import { portfolioQuerySchema } from '../../electron/shared/portfolio'
import { authorizationInputSchema } from '../../electron/shared/records'
import { SEARCH_DEBOUNCE_MS } from '../../renderer/src/stores/usePortfolioStore'
import { demoIntegratorProfile, demoStoreInputs, storesCsv } from './demo-data'
import { startMockGateway } from './mock-lazada/gateway'
import type { MockGateway } from './mock-lazada/gateway'
import { authorizeAsSeller } from './mock-lazada/seller-page'
import { startMockLazada } from './mock-lazada/server'
import type { MockLazada } from './mock-lazada/server'
import { launchApp } from './launcher'
import { storeInput } from './store-input'
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
  const [store] = listStores(db, portfolioQuerySchema.parse({ statuses: ['expiring'], sort: { column: 'deadlineAt', direction: 'asc' } }), Date.now())
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

/** The first store with one of `statuses`, preferring `country` (Singapore shows its country note). */
function storeWith(app: LaunchedApp, statuses: PortfolioStatus[], country = 'SG', skip: number[] = []): number {
  const { db } = app.host.database
  for (const countries of [[country], []]) {
    const stores = listStores(db, portfolioQuerySchema.parse({ statuses, countries, sort: { column: 'clientName', direction: 'asc' } }), Date.now())
    const store = stores.find((s) => !skip.includes(s.id))
    if (store) return store.id
  }
  throw new Error(`The demo portfolio has no store that is ${statuses.join(' or ')}`)
}

/**
 * A checklist a KAM is in the middle of: "renew, then reauthorize" for an expired store, step 1
 * ticked with a note, step 2's Start and End Time read off Order Confirmation (today, 10:12 in the
 * store's country, for half a year).
 */
function checklistInProgress(app: LaunchedApp): number {
  const { core } = app.host
  const storeId = storeWith(app, ['expired', 'expiring'])
  const run = core.checklists.start(storeId, 'renew-and-reauthorize')
  core.checklists.tick(run.id, 'order')
  core.checklists.note(run.id, 'order', 'Sent the link on WhatsApp; the seller is ordering now.')
  const zone = countryInfo(core.stores.view(storeId).country).timeZone ?? 'UTC'
  const start = DateTime.now().setZone(zone).set({ hour: 10, minute: 12, second: 0, millisecond: 0 })
  core.checklists.captureSubscriptionDates(run.id, 'confirm-order', {
    startAt: start.toMillis(),
    endAt: start.plus({ months: 6 }).toMillis(),
    serviceVersion: 'authorization-only',
    period: 'half-year'
  })
  return storeId
}

/**
 * A store that needs authorization, its checklist done up to step 5, for the KAM to click
 * "Reauthorize" on: the seller then authorizes in the Lazada window.
 */
function readyToAuthorize(app: LaunchedApp, skip: number[]): number {
  const { core } = app.host
  const storeId = storeWith(app, ['needs-authorization'], 'SG', skip)
  const run = core.checklists.start(storeId, core.checklists.view(storeId).suggested ?? 'renew-and-reauthorize')
  for (const step of ['order', 'confirm-order', 'open-ordered-services', 'use-service', 'agree'] as const) core.checklists.tick(run.id, step)
  return storeId
}

const DAY = 24 * 3600_000

/**
 * Lazada answering the checks through the mock gateway (the start-up option points the app at it),
 * as the integrator's setup would have it: the app key and article code in the profile, the app
 * secret saved through the host's keyring, and Lazada's subscriptions agreeing with every End Time on record but one store's —
 * Lazada says its subscription runs 15 days past the End Time the KAM recorded (the seller
 * renewed, the record is stale). A check then asks Lazada; the store's id is returned.
 */
async function lazadaAnswering(app: LaunchedApp, gateway: MockGateway, skip: number[]): Promise<number> {
  const { core } = app.host
  const current = core.settings.get()
  core.settings.save({
    ...current,
    integrator: { ...current.integrator, appKey: gateway.appKey, articleCode: gateway.articleCode }
  })
  const saved = await core.credentials.saveSecret({ secret: gateway.appSecret, allowUnprotected: false })
  if (saved.status !== 'saved') throw new Error(`The host's keyring did not keep the app secret: ${saved.status}`)
  const disagreeing = storeWith(app, ['expiring'], 'SG', skip)
  const { db } = app.host.database
  for (const store of listStores(db, portfolioQuerySchema.parse({}), Date.now())) {
    const record = core.records.subscription(store.id)
    if (!store.sellerShortCode || !isCoveredCountry(store.country) || !record) continue
    // A record without an End Time: Lazada knows it (half a year from the Start Time, or from now).
    const endAt = record.endAt ?? DateTime.fromMillis(record.startAt ?? Date.now()).plus({ months: 6 }).toMillis()
    const endTime = store.id === disagreeing ? endAt + 15 * DAY : endAt
    gateway.setSubscriptions(store.country, store.sellerShortCode, [{ status: endTime > Date.now() ? 1 : 2, endTime, autoRenew: false, itemName: 'Authorization Only · Half year' }])
  }
  const run = await core.monitoring.runNow('manual')
  if (run.remote?.state !== 'done' || run.remote.answered === 0) throw new Error(`The check did not ask the mock Lazada: ${run.remote?.message ?? 'no remote summary'}`)
  return disagreeing
}

/** Picks an option in one of the portfolio's filters, as a keyboard user would. */
async function pickFilter(page: Page, filter: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: filter }).focus()
  await page.keyboard.press('ArrowDown')
  await page.getByRole('option', { name: option }).click()
  await page.keyboard.press('Escape')
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
    await empty.page.getByRole('button', { name: 'Import CSV or Excel' }).first().waitFor()
    await shoot(empty.page, 'empty-portfolio.png')
  } finally {
    await empty.close()
  }

  const app = await launchApp({ viewport: VIEWPORT, demoStores: options.demoStores })
  const { page } = app
  /** Stores shown already, which the later screenshots leave alone. */
  let recordsStore: number
  let inProgress: number
  try {
    // The host's start-up check ran before the demo stores existed: check them now, as the
    // schedule would, so statuses are fresh and reminders have fired.
    await app.host.core.monitoring.runNow('manual')
    // The KAM team has filled in the integrator profile: checklists have links, Reauthorize can go.
    app.host.core.settings.save({ ...app.host.core.settings.get(), integrator: demoIntegratorProfile() })
    await page.reload()
    await page.getByRole('grid', { name: 'Needs action' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'dashboard.png')

    // A KAM has usually read some of them already.
    const fired = app.host.core.monitoring.reminders.list({ unreadOnly: false, limit: 200 }).reminders
    const read = fired.filter((_, i) => i % 3 === 2).map((r) => r.id)
    if (read.length) app.host.core.monitoring.reminders.markRead({ ids: read })
    await page.goto(`${app.host.url}#/notifications`)
    await page.getByRole('list', { name: 'Reminders' }).waitFor()
    await shoot(page, 'notifications.png')

    recordsStore = recordsStoreId(app)
    await page.goto(`${app.host.url}#/stores/${recordsStore}`)
    await page.getByRole('table', { name: 'Authorizations' }).waitFor()
    // The checklist leads a store that needs action: tall enough for the records below it.
    await page.setViewportSize({ width: VIEWPORT.width, height: 1300 })
    await shoot(page, 'store-records.png')
    await page.setViewportSize(VIEWPORT)

    await page.goto(`${app.host.url}#/settings`)
    await page.getByRole('button', { name: 'Save settings' }).waitFor()
    await shoot(page, 'settings.png')
    await page.goto(`${app.host.url}#/settings?section=integrator`)
    await page.getByRole('region', { name: 'Integrator' }).getByLabel('App key (client_id)').waitFor()
    await shoot(page, 'settings-integrator.png')
    // Solo, as a clean install is: the team's connection form, nothing joined.
    await page.goto(`${app.host.url}#/settings?section=team`)
    await page.getByRole('region', { name: 'Team' }).getByRole('button', { name: 'Save connection' }).waitFor()
    await shoot(page, 'settings-team.png')

    inProgress = checklistInProgress(app)
    await page.goto(`${app.host.url}#/stores/${inProgress}`)
    const checklist = page.getByRole('region', { name: 'Checklist' })
    await checklist.getByTestId('captured-dates').waitFor()
    // Tall enough for the whole checklist, as on a portrait or large monitor.
    await page.setViewportSize({ width: VIEWPORT.width, height: 1500 })
    await shoot(page, 'checklist-in-progress.png')
    await page.setViewportSize(VIEWPORT)

    await checklist.getByRole('button', { name: 'Message for the client' }).click()
    const message = page.getByRole('dialog', { name: 'Message for the client' })
    await message.getByTestId('message-subject').waitFor()
    await shoot(page, 'client-message.png')
    await message.getByRole('button', { name: 'Close', exact: true }).click()

    await page.goto(`${app.host.url}#/portfolio`)
    await page.getByRole('grid', { name: 'Stores' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'portfolio.png')

    // The portfolio in the narrowest and the widest window, filtered, with rows selected: the
    // columns that give way, the filters' picks, the selection's count.
    for (const [name, size] of [['portfolio-1024.png', { width: 1024, height: 700 }], ['portfolio-1920.png', { width: 1920, height: 1080 }]] as const) {
      await page.setViewportSize(size)
      await page.goto(`${app.host.url}#/portfolio`)
      await pickFilter(page, 'Country', 'Malaysia (MY)')
      await pickFilter(page, 'Country', 'Thailand (TH)')
      await pickFilter(page, 'Status', 'Healthy')
      await pickFilter(page, 'Status', 'Expiring')
      await page.getByRole('textbox', { name: 'Ends within (days)' }).fill('60')
      // The days are asked for once the typing pauses: select in the view they make, not the one before.
      await page.waitForTimeout(SEARCH_DEBOUNCE_MS + 50)
      await page.locator('[data-testid="portfolio-grid"]:not([aria-busy])').waitFor()
      const rows = page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]')
      await rows.nth(4).getByRole('checkbox').waitFor()
      await rows.nth(1).getByRole('checkbox').click()
      await rows.nth(3).getByRole('checkbox').click({ modifiers: ['Shift'] })
      await page.mouse.move(0, 0)
      await shoot(page, name)
      await page.getByRole('button', { name: 'Clear filters' }).click()
      await page.getByRole('button', { name: 'Clear selection' }).click()
    }
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${app.host.url}#/`)
    await page.getByRole('grid', { name: 'Needs action' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'dashboard-1024.png')
    await page.setViewportSize(VIEWPORT)

    // A week's renewals at once: the worklist's six most urgent selected, one message per client,
    // then the first store with Next store through the selection.
    await page.goto(`${app.host.url}#/`)
    const worklistRow = (index: number) => page.getByRole('grid', { name: 'Needs action' }).locator(`[role="row"][data-row-index="${index}"]`)
    await worklistRow(5).getByRole('checkbox').waitFor()
    await worklistRow(0).getByRole('checkbox').click()
    await worklistRow(5).getByRole('checkbox').click({ modifiers: ['Shift'] })
    await page.mouse.move(0, 0)
    await shoot(page, 'worklist-selection.png')
    await page.getByRole('button', { name: 'Message clients' }).click()
    const messages = page.getByRole('dialog', { name: 'Message clients' })
    await messages.getByTestId('client-message').first().waitFor()
    await shoot(page, 'client-messages-bulk.png')
    await page.keyboard.press('Escape')
    await messages.waitFor({ state: 'detached' })
    await worklistRow(0).focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('store-sequence-place').waitFor()
    await shoot(page, 'next-store.png')
    await page.goto(`${app.host.url}#/`)
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.goto(`${app.host.url}#/notifications`)
    await page.getByRole('list', { name: 'Reminders' }).waitFor()
    await shoot(page, 'notifications-1024.png')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto(`${app.host.url}#/`)
    await page.getByRole('grid', { name: 'Needs action' }).getByRole('row').nth(1).waitFor()
    await shoot(page, 'dashboard-1920.png')
    await page.setViewportSize(VIEWPORT)

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
    // The form is half filled: it asks before throwing the typing away.
    await page.getByRole('button', { name: 'Discard changes' }).click()
    await form.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Import CSV or Excel' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import CSV or Excel' })
    await dialog.getByLabel('CSV or Excel file').setInputFiles({ name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(csvWithProblems()) })
    // The preview runs on a worker: on a busy machine it can take longer than a click's wait.
    await dialog.getByRole('button', { name: 'Choose another file' }).waitFor({ timeout: 120_000 })
    await shoot(page, 'import-preview-errors.png')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  } finally {
    await app.close()
  }

  // The mock Lazada servers in place of Lazada's hosts: a start-up option, as in the tests.
  const mock = await startMockLazada()
  const gateway = await startMockGateway()
  const lazadaHosts = lazadaHostsOptionValue({ authorize: mock.authorizeUrl, ...gateway.hosts })
  const mocked = await launchApp({ viewport: VIEWPORT, dataDir: app.dataDir, lazadaHosts })
  try {
    await shootAgainstMocks(mocked, mock, gateway, shoot, { inProgress, recordsStore })
  } finally {
    await mocked.close()
    await gateway.close()
    await mock.close()
  }
  return written
}

/**
 * "Reauthorize" for real — the harness's Lazada window is a Chromium page on the mock
 * authorization server; the seller logs in and submits, the core captures the callback and tells
 * the page, which shows the result banner — then Lazada answering the checks through the mock
 * gateway: a store whose Lazada date disagrees with the KAM's, the Lazada connection after a
 * connection test, the portfolio's Lazada column and the dashboard's summary.
 */
async function shootAgainstMocks(
  app: LaunchedApp,
  mock: MockLazada,
  gateway: MockGateway,
  shoot: (page: Page, name: string) => Promise<void>,
  seen: { inProgress: number; recordsStore: number }
): Promise<void> {
  const { page } = app
  const { inProgress, recordsStore } = seen
  const { settings } = app.host.core
  settings.save({ ...settings.get(), integrator: { ...settings.get().integrator, appKey: mock.clientId, callbackUrl: mock.callbackUrl } })
  const authorizing = readyToAuthorize(app, [inProgress])
  await page.goto(`${app.host.url}#/stores/${authorizing}`)
  await page.getByRole('region', { name: 'Authorizations' }).getByRole('button', { name: 'Reauthorize' }).click()
  const seller = await app.authWindows.nextPage()
  const activity = page.getByRole('region', { name: 'Lazada authorization' })
  await activity.getByText('Waiting for the seller to authorize in the Lazada window…').waitFor()
  await shoot(page, 'authorization-waiting.png')
  await authorizeAsSeller(seller, { email: 'seller@example.com', password: 'demo-password' })
  await activity.getByRole('button', { name: 'Mark reconnected' }).waitFor()
  await shoot(page, 'authorized-banner.png')
  await seller.close()
  settings.save({ ...settings.get(), integrator: demoIntegratorProfile() })

  const disagreeing = await lazadaAnswering(app, gateway, [inProgress, recordsStore])
  await page.goto(`${app.host.url}#/stores/${disagreeing}`)
  const lazada = page.getByRole('region', { name: 'What Lazada says' })
  await lazada.getByTestId('lazada-disagreement').waitFor()
  await page.setViewportSize({ width: VIEWPORT.width, height: 1300 })
  await shoot(page, 'lazada-disagreement.png')
  await page.setViewportSize(VIEWPORT)

  await page.goto(`${app.host.url}#/settings?section=lazada`)
  const connection = page.getByRole('region', { name: 'Lazada connection' })
  await connection.getByRole('button', { name: 'Test connection' }).click()
  await connection.getByTestId('connection-test').waitFor()
  await shoot(page, 'settings-lazada.png')

  // The portfolio's Lazada column: confirmed, disagreeing, and a store without a short code.
  const noCode = storeWith(app, ['healthy'], 'MY', [disagreeing])
  const before = app.host.core.stores.view(noCode)
  app.host.core.stores.update(
    noCode,
    storeInput({ clientName: before.clientName, storeName: before.storeName, country: before.country, ownerKam: before.ownerKam, sellerShortCode: null, loginEmail: before.loginEmail ?? 'seller@example.com' })
  )
  await app.host.core.monitoring.runNow('manual')
  await page.goto(`${app.host.url}#/portfolio`)
  await page.getByRole('grid', { name: 'Stores' }).getByRole('columnheader', { name: 'Lazada' }).waitFor()
  await shoot(page, 'portfolio-lazada.png')

  await page.goto(`${app.host.url}#/`)
  const said = page.getByRole('region', { name: 'What Lazada said' })
  await said.waitFor()
  await said.scrollIntoViewIfNeeded()
  await shoot(page, 'dashboard-lazada.png')

  // Lazada says these stores are subscribed: their authorization confirmed in one go, no store page opened.
  const review = page.getByTestId('authorization-review-row').getByRole('button', { name: 'Review' })
  if (await review.isVisible()) {
    await review.click()
    await page.getByRole('dialog', { name: 'Confirm authorization of stores subscribed on Lazada' }).getByTestId('review-stores').waitFor()
    await shoot(page, 'authorization-review.png')
    await page.keyboard.press('Escape')
  }
}

