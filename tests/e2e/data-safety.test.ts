/**
 * The portfolio file's safety as a KAM meets it, in Chromium against the real core: restoring a
 * backup from Settings → Data, and the start-up screen when the file is missing or damaged.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { launchApp } from '../support/launcher'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

/** A data folder with `stores` demo stores and one backup of them, the app closed again. */
async function folderWithBackup(stores: number): Promise<{ dataDir: string; backup: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-e2e-'))
  const first = await launchApp({ dataDir, demoStores: stores })
  const backup = first.host.core.backups.takeNow().name
  await first.close()
  return { dataDir, backup }
}

describe('data safety in the browser', () => {
  it('restores a backup from Settings → Data: the current file is set aside and the app reopens on the copy', async () => {
    const { page, host, dataDir } = await startApp({ demoStores: 30 })
    await page.goto(`${host.url}#/settings?section=data`)
    const data = page.getByRole('region', { name: 'Data' })
    await data.getByRole('button', { name: 'Back up now' }).click()
    await page.getByText('Backed up', { exact: true }).waitFor()
    const backups = data.getByRole('table', { name: 'Backups' })
    await backups.getByRole('row').filter({ hasText: 'Backed up on request' }).getByText('30', { exact: true }).waitFor()

    // Work done after the backup: two more stores.
    host.core.stores.create(storeInput({ storeName: 'After the backup 1', sellerShortCode: 'SGAFTER01' }))
    host.core.stores.create(storeInput({ storeName: 'After the backup 2', sellerShortCode: 'SGAFTER02' }))
    await backups.getByRole('row').filter({ hasText: 'Backed up on request' }).getByRole('button', { name: /^Restore the backup of/ }).click()
    const dialog = page.getByRole('dialog', { name: /^Restore the backup of/ })
    await dialog.getByText('reopens on this backup’s 30 stores', { exact: false }).waitFor()
    await dialog.getByRole('button', { name: 'Restore this backup' }).click()

    // The window reloads on the restored portfolio.
    await backups.getByRole('row').filter({ hasText: 'Before a restore' }).getByText('32', { exact: true }).waitFor()
    expect(host.core.stores.count()).toBe(30)
    const setAside = fs.readdirSync(path.join(dataDir, 'set-aside'))
    expect(setAside.filter((name) => name.endsWith('-before-restore.db'))).toHaveLength(1)
  })

  it('asks when the portfolio file is missing, and the newest backup brings the stores back', async () => {
    const { dataDir } = await folderWithBackup(25)
    fs.rmSync(path.join(dataDir, 'storewatch.db'))
    const { page, host } = await startApp({ dataDir })

    await page.getByRole('heading', { name: 'Your portfolio file is missing' }).waitFor()
    await page.getByText(/^The newest backup, .+, holds 25 stores\.$/).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0)
    await page.getByRole('button', { name: 'Restore it' }).click()

    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(host.core.stores.count()).toBe(25)
    await page.goto(`${host.url}#/portfolio`)
    await page.getByTestId('portfolio-count').getByText(/of 25 stores/).waitFor()
  })

  it('sets a damaged file aside, unchanged, and offers the newest backup', async () => {
    const { dataDir, backup } = await folderWithBackup(12)
    const file = path.join(dataDir, 'storewatch.db')
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(100), 0, 100, 0)
    fs.closeSync(fd)
    const damaged = fs.readFileSync(file)
    const { page, host } = await startApp({ dataDir })

    await page.getByRole('heading', { name: 'Your portfolio file is damaged' }).waitFor()
    const setAsidePath = (host.session.state() as { setAsidePath: string }).setAsidePath
    await page.getByText(`It was moved, unchanged, to ${setAsidePath}.`, { exact: false }).waitFor()
    expect(fs.readFileSync(setAsidePath).equals(damaged)).toBe(true)
    expect((host.session.state() as { newestGood: string }).newestGood).toBe(backup)
    await page.getByText(/^The newest backup, .+, holds 12 stores\.$/).waitFor()
    await page.getByRole('button', { name: 'Restore it' }).click()

    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(host.core.stores.count()).toBe(12)
  })
})
