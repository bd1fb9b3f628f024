/**
 * The notification centre at portfolio scale, in Chromium against the real core: a check over
 * stores at different rungs groups its reminders by rung, most urgent first; a group is marked read
 * from its header; the owner filter narrows the centre, with "n of N shown".
 */
import { describe, expect, it } from 'vitest'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'
import type { LaunchedApp } from '../support/launcher'

const DAY = 24 * 60 * 60 * 1000

/** A healthy store whose subscription ends in `days` days (negative: ended), owned by `owner`. */
function store(app: LaunchedApp, name: string, days: number, owner: string | null, n: number): number {
  const { core } = app.host
  const now = Date.now()
  const created = core.stores.create(storeInput({ clientName: `${name} Pte Ltd`, storeName: name, sellerShortCode: `SGNC${String(n).padStart(5, '0')}`, ownerKam: owner }))
  core.records.saveSubscription(created.id, subscriptionInputSchema.parse({ startAt: now + days * DAY - 180 * DAY, endAt: now + days * DAY }))
  core.records.recordAuthorization(created.id, authorizationInputSchema.parse({ authorizedAt: now + days * DAY - 179 * DAY, reconnected: true }))
  return created.id
}

describe('the notification centre at scale in the browser', () => {
  it('groups a check’s reminders by rung, most urgent first; marks a group read; filters by owner', async () => {
    const app = await startApp()
    const { page, host } = app
    // 14-day rung: three stores; 7-day rung: two; 3-day rung: one; already ended: one.
    const specs: [string, number, string | null][] = [
      ['Amber', 13.5, 'Ben'],
      ['Birch', 12.5, 'Chen'],
      ['Cedar', 11.5, null],
      ['Dune', 6.5, 'Ben'],
      ['Elm', 5.5, 'Chen'],
      ['Fern', 2.5, 'Ben'],
      ['Grove', -2, null]
    ]
    specs.forEach(([name, days, owner], i) => store(app, name, days, owner, i))
    await page.reload()
    await page.getByRole('button', { name: 'Check now' }).click()
    await expect.poll(() => host.core.monitoring.reminders.list({ unreadOnly: true, limit: 1 }).unread).toBe(7)

    await page.getByRole('link', { name: 'Notifications, 7 unread' }).click()
    const list = page.getByRole('list', { name: 'Reminders' })
    const toggles = list.locator('.reminder-group-toggle')
    await expect.poll(() => toggles.count()).toBe(4)
    const rungs = (await toggles.allTextContents()).map((t) => t.replace(/^Check at \d\d:\d\d, \d+ \w+ · /, ''))
    expect(rungs).toEqual([
      '3 days before1 reminder · 1 unread',
      '7 days before2 reminders · 2 unread',
      '14 days before3 reminders · 3 unread',
      'Deadline passed1 reminder · 1 unread'
    ])
    const titles = await list.getByTestId('reminder-entry').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')?.replace(/^Unread: /, '').split(' (SG)')[0]))
    expect(titles).toEqual(['Fern', 'Elm', 'Dune', 'Cedar', 'Birch', 'Amber', 'Grove'])

    // "Mark 3 read" on the 14-day group: its three entries, nothing else.
    await list.getByRole('button', { name: /^Mark 3 read: Check at .* · 14 days before$/ }).click()
    await page.getByRole('link', { name: 'Notifications, 4 unread' }).waitFor()
    expect(host.core.monitoring.reminders.list({ unreadOnly: true, limit: 1 }).unread).toBe(4)
    await expect.poll(() => list.locator('[data-unread="true"][data-testid="reminder-entry"]').count()).toBe(4)

    // Owner: Ben's three stores, counted in the option.
    await page.getByRole('combobox', { name: 'Owner' }).click()
    await page.getByRole('option', { name: 'Ben (3)' }).click()
    await expect.poll(() => page.getByTestId('centre-shown').textContent()).toBe('3 of 7 shown')
    await expect.poll(() => list.getByTestId('reminder-entry').count()).toBe(3)
    const bens = await list.getByTestId('reminder-entry').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')?.replace(/^Unread: /, '').split(' (SG)')[0]))
    expect(bens).toEqual(['Fern', 'Dune', 'Amber'])
    await expect.poll(() => toggles.count()).toBe(3)

    // The keyboard: ↓ from a header to its entry, Space marks it read and stays, Enter opens it.
    await toggles.first().focus()
    await page.keyboard.press('ArrowDown')
    const fern = list.getByRole('button', { name: /^Unread: Fern \(SG\)/ })
    await expect.poll(() => fern.evaluate((e) => e === document.activeElement)).toBe(true)
    await page.keyboard.press(' ')
    await page.getByRole('link', { name: 'Notifications, 3 unread' }).waitFor()
    expect(page.url()).toMatch(/#\/notifications$/)
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/stores\/\d+\?from=notifications$/)
    await page.getByRole('heading', { name: 'Fern Pte Ltd' }).waitFor()
  })
})
