/**
 * The README's Settings → Team screenshots (issue #12): a private PostgreSQL cluster, two app
 * instances, each its own person. Ana's portfolio is on the team; Ben has a few stores of his own,
 * three of them Ana's too, so his preview lists matches; then he joins.
 *
 *   npx tsx tests/support/team-screenshots.ts docs/screenshots   (after `npm run build`)
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { migrateTeamSchema } from '../../electron/core/team/server/migrate-team-schema'
import { launchApp } from './launcher'
import type { LaunchedApp } from './launcher'
import { startPostgresCluster } from './postgres-cluster'
import type { PostgresCluster } from './postgres-cluster'
import { storeInput } from './store-input'
import { addPerson, withSuperuser } from './team-postgres'
import { fillTeamConnection } from './team-settings-page'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 }
]

async function fillConnection(page: Page, cluster: PostgresCluster, role: { user: string; password: string }): Promise<void> {
  await fillTeamConnection(page, cluster, role)
  await page.getByRole('region', { name: 'Team' }).getByTestId('team-password-state').filter({ hasText: 'Saved' }).waitFor()
}

async function shoot(page: Page, dir: string, name: string, scrollTo?: string): Promise<void> {
  // The toasts of saving and joining would cover the screen's lower right.
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click()
  for (const size of SIZES) {
    await page.setViewportSize(size)
    if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded()
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(dir, `${name}-${size.width}.png`) })
  }
}

async function main(dir: string): Promise<void> {
  const cluster = await startPostgresCluster()
  const apps: LaunchedApp[] = []
  try {
    await withSuperuser(cluster, migrateTeamSchema)
    const ana = await addPerson(cluster, 'ana', 'Acme KAMs')
    const ben = await addPerson(cluster, 'ben', 'Acme KAMs')
    const first = await launchApp({ demoStores: 40 })
    const second = await launchApp()
    apps.push(first, second)

    await first.page.goto(`${first.host.url}#/settings?section=team`)
    await fillConnection(first.page, cluster, ana)
    await first.page.getByRole('button', { name: 'Preview joining' }).click()
    await first.page.getByTestId('team-preview').getByRole('button', { name: /^Join / }).click()
    await first.page.getByRole('dialog', { name: /^Join / }).getByRole('button', { name: 'Join the team' }).click()
    await first.page.getByTestId('team-membership').waitFor()

    // Ben keeps three of Ana's stores in his own spreadsheet, and two of his own.
    const shared = first.host.database.sqlite.prepare('SELECT client_name, store_name, country, seller_short_code FROM stores WHERE seller_short_code IS NOT NULL ORDER BY id LIMIT 3').all() as {
      client_name: string
      store_name: string
      country: 'SG'
      seller_short_code: string
    }[]
    for (const store of shared) second.host.core.stores.create(storeInput({ clientName: store.client_name, storeName: store.store_name, country: store.country, sellerShortCode: store.seller_short_code }))
    second.host.core.stores.create(storeInput({ clientName: 'Kopi Corner Pte Ltd', storeName: 'Kopi Corner', sellerShortCode: 'SGKOPI01' }))
    second.host.core.stores.create(storeInput({ clientName: 'Lumen Home Sdn Bhd', storeName: 'Lumen Home', country: 'MY', sellerShortCode: 'MYLUMEN1' }))
    await second.page.goto(`${second.host.url}#/settings?section=team`)
    await fillConnection(second.page, cluster, ben)
    await second.page.getByRole('button', { name: 'Preview joining' }).click()
    await second.page.getByTestId('team-preview').waitFor()
    await shoot(second.page, dir, 'settings-team-preview', 'team-preview')

    await second.page.getByTestId('team-preview').getByRole('button', { name: /^Join / }).click()
    await second.page.getByRole('dialog', { name: /^Join / }).getByRole('button', { name: 'Join the team' }).click()
    await second.page.getByTestId('team-membership').waitFor()
    await second.page.getByTestId('team-state-header').filter({ hasText: 'in sync' }).waitFor()
    await shoot(second.page, dir, 'settings-team-joined', 'team-membership')
    await second.page.goto(`${second.host.url}#/portfolio`)
    await second.page.getByRole('grid', { name: 'Stores' }).locator('[role="row"][data-row-index]').first().waitFor()
    await shoot(second.page, dir, 'portfolio-team')
  } finally {
    for (const app of apps) await app.close()
    await cluster.stop()
  }
}

main(path.resolve(process.argv[2] ?? 'docs/screenshots')).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
