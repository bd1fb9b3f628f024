/**
 * Two app instances on one team (issue #12, "Done when"): two browser hosts, each its own data
 * folder, and one real PostgreSQL. Both join through Settings → Team as their own roles; a store
 * edited in one shows the edit in the other, and each header shows the team state (and keeps it
 * in a 1024×700 window). Watching a store stays on the laptop that watches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { migrateTeamSchema } from '../../electron/core/team/server/migrate-team-schema'
import type { LaunchedApp } from '../support/launcher'
import { startPostgresCluster } from '../support/postgres-cluster'
import type { PostgresCluster } from '../support/postgres-cluster'
import { storeInput } from '../support/store-input'
import { addPerson, withSuperuser } from '../support/team-postgres'
import { fillTeamConnection } from '../support/team-settings-page'
import { startApp } from './app-fixture'

const TEAM = 'acme-care'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 120_000)
afterAll(async () => {
  await cluster?.stop()
})

/** Settings → Team as a person fills it in: the loopback server without TLS, their own role and password. */
async function joinThroughSettings(app: LaunchedApp, role: { user: string; password: string }): Promise<void> {
  const { page } = app
  await page.goto(`${app.host.url}#/settings?section=team`)
  const team = page.getByRole('region', { name: 'Team' })
  await fillTeamConnection(page, cluster, role)
  await expect.poll(() => team.getByTestId('team-password-state').textContent()).toBe('Saved')

  await team.getByRole('button', { name: 'Preview joining' }).click()
  const preview = team.getByTestId('team-preview')
  await preview.waitFor()
  await preview.getByRole('button', { name: /^Join / }).click()
  await page.getByRole('dialog', { name: /^Join / }).getByRole('button', { name: 'Join the team' }).click()
  await team.getByTestId('team-membership').waitFor()
  expect(await team.getByTestId('team-role').textContent()).toBe(role.user)
}

async function headerState(page: Page): Promise<string> {
  const badge = page.getByTestId('team-state-header')
  return (await badge.count()) ? ((await badge.textContent()) ?? '') : ''
}

describe('two app instances on one team', () => {
  it('both join through Settings → Team; an edit in one appears in the other; the header shows the team state', async () => {
    const ana = await addPerson(cluster, 'ana', TEAM)
    const ben = await addPerson(cluster, 'ben', TEAM)
    const first = await startApp()
    const second = await startApp()
    // Solo: nothing in the header about a team.
    expect(await headerState(first.page)).toBe('')

    // Ana's laptop has a store of its own before joining: it is shared on joining.
    first.host.core.stores.create(storeInput({ clientName: 'Bloom Beauty Pte Ltd', storeName: 'Bloom Official', sellerShortCode: 'SGBLOOM01', ownerKam: 'Ana' }))
    await joinThroughSettings(first, ana)
    await expect.poll(() => headerState(first.page)).toBe('Team: in sync')

    await joinThroughSettings(second, ben)
    await expect.poll(() => headerState(second.page)).toBe('Team: in sync')

    // The store arrived on Ben's laptop.
    await second.page.goto(`${second.host.url}#/portfolio`)
    const benRows = second.page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]')
    await benRows.filter({ hasText: 'Bloom Official' }).waitFor()

    // Ana edits it in her window.
    await first.page.goto(`${first.host.url}#/portfolio`)
    await first.page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]').filter({ hasText: 'Bloom Official' }).click()
    await first.page.getByRole('heading', { name: 'Bloom Beauty Pte Ltd' }).waitFor()
    await first.page.getByRole('button', { name: 'Edit' }).click()
    const form = first.page.getByRole('dialog', { name: 'Edit store' })
    await form.getByLabel('Owner KAM').fill('Ben Tan')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.waitFor({ state: 'hidden' })

    // Ben's portfolio shows it, without a reload: pushed, pulled, and `stores:changed` in his window.
    await benRows.filter({ hasText: 'Ben Tan' }).waitFor()
    await expect.poll(() => headerState(second.page)).toBe('Team: in sync')
    await expect.poll(() => headerState(first.page)).toBe('Team: in sync')

    // Ben watches Ana's store: on his laptop only.
    await benRows.filter({ hasText: 'Bloom Official' }).click()
    await second.page.getByRole('heading', { name: 'Bloom Beauty Pte Ltd' }).waitFor()
    const watch = second.page.getByRole('switch', { name: 'Watch' })
    await expect.poll(() => watch.isEnabled()).toBe(true)
    await watch.click()
    await expect.poll(() => watch.isChecked()).toBe(true)
    const benStoreId = Number(/#\/stores\/(\d+)/.exec(second.page.url())?.[1])
    await expect.poll(() => second.host.core.team.watches.watched(benStoreId).watched).toBe(true)
    await second.page.goto(`${second.host.url}#/portfolio`)

    // At the smallest window the app supports the header keeps it, cut rather than pushing anything out.
    await second.page.setViewportSize({ width: 1024, height: 700 })
    const header = second.page.locator('header')
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const badge = await second.page.getByTestId('team-state-header').boundingBox()
    const about = await second.page.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox()
    expect(badge && about && badge.x + badge.width <= about.x).toBe(true)
    expect(about && about.x + about.width <= 1024).toBe(true)

    // The header's state opens Settings → Team.
    await second.page.getByTestId('team-state-header').click()
    await second.page.getByRole('region', { name: 'Team' }).getByTestId('team-membership').waitFor()
    expect(await second.page.getByRole('region', { name: 'Team' }).getByTestId('team-name').textContent()).toBe(TEAM)
  })
})
