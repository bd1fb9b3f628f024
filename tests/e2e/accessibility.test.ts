/**
 * WCAG 2.2 AA on every main screen (issue #11, point 5), checked with axe-core in Chromium against
 * the real core: the dashboard, the portfolio with stores, a store page, the notification centre,
 * the settings, the import dialog and the Add store form, each with 0 serious or critical
 * violations. The app has one colour scheme (light: `defaultColorScheme="light"` and no switch), so
 * there is no dark theme to check.
 */
import AxeBuilder from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from '../support/launcher'
import type { LaunchedApp } from '../support/launcher'
import { storeInput } from '../support/store-input'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let app: LaunchedApp

beforeAll(async () => {
  app = await launchApp({ demoStores: 60, viewport: { width: 1360, height: 860 } })
})

afterAll(async () => {
  await app?.close()
})

/** Waits until nothing moves: a dialog half faded in would be measured at half its contrast. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

/** The serious and critical violations on the page as it is now, one line each, for the message. */
async function violations(page: Page, screen: string): Promise<string[]> {
  await settled(page)
  await page.screenshot({ path: `/tmp/i-keyboard-shots/a11y-${screen}.png` }).catch(() => undefined)
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`))
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${app.host.url}#${hash}`)
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('dashboard', async () => {
    await open(app.page, '/')
    await app.page.getByRole('region', { name: /Needs action/i }).or(app.page.locator('#worklist-title')).first().waitFor()
    expect(await violations(app.page, 'dashboard')).toEqual([])
  })

  it('portfolio with stores', async () => {
    await open(app.page, '/portfolio')
    await app.page.getByRole('grid', { name: 'Stores' }).getByRole('row').nth(5).waitFor()
    expect(await violations(app.page, 'portfolio')).toEqual([])
  })

  it('a store page', async () => {
    const store = app.host.core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01' }))
    await open(app.page, `/stores/${store.id}`)
    await app.page.getByRole('region', { name: 'Status' }).waitFor()
    await app.page.getByRole('region', { name: 'Checklist' }).waitFor()
    expect(await violations(app.page, 'store-page')).toEqual([])
  })

  it('notification centre', async () => {
    await open(app.page, '/notifications')
    await app.page.getByRole('heading', { name: 'Notifications', level: 2 }).waitFor()
    expect(await violations(app.page, 'notifications')).toEqual([])
  })

  it('settings', async () => {
    await open(app.page, '/settings')
    await app.page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor()
    await app.page.getByLabel('Release date').waitFor()
    expect(await violations(app.page, 'settings')).toEqual([])
  })

  it('import dialog', async () => {
    await open(app.page, '/portfolio')
    await app.page.getByRole('button', { name: 'Import CSV or Excel' }).click()
    await app.page.getByRole('dialog', { name: 'Import CSV or Excel' }).waitFor()
    expect(await violations(app.page, 'import')).toEqual([])
    await app.page.keyboard.press('Escape')
    await app.page.getByRole('dialog', { name: 'Import CSV or Excel' }).waitFor({ state: 'detached' })
  })

  it('Add store form', async () => {
    await open(app.page, '/portfolio')
    await app.page.getByRole('button', { name: 'Add store' }).click()
    await app.page.getByRole('dialog', { name: 'Add store' }).waitFor()
    expect(await violations(app.page, 'add-store')).toEqual([])
    await app.page.keyboard.press('Escape')
  })
})
