import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { StartupState } from '../../electron/shared/data-safety'
import { fail } from '../../electron/shared/result'
import { AppProviders } from '../../renderer/src/AppProviders'
import { DataSection } from '../../renderer/src/components/settings/DataSection'
import { reloadWindow } from '../../renderer/src/lib/reload'
import { TEST_NOW, installFakeBridge, makeBackup } from './support/fake-bridge'
import { renderApp } from './support/render-app'

vi.mock('../../renderer/src/lib/reload', () => ({ reloadWindow: vi.fn() }))

const HOUR = 3_600_000
const newest = makeBackup({ takenAt: TEST_NOW - HOUR, storeCount: 1000 })
const older = makeBackup({ takenAt: TEST_NOW - 25 * HOUR, storeCount: 990, label: 'Weekly' })

function asking(overrides: Partial<Extract<StartupState, { phase: 'choose' }>> = {}): StartupState {
  return {
    phase: 'choose',
    problem: 'missing',
    message: 'Storewatch’s portfolio file (storewatch.db) is missing from /home/kam/.config/Storewatch.',
    databasePath: '/home/kam/.config/Storewatch/storewatch.db',
    backupFolder: '/home/kam/.config/Storewatch/backups',
    setAsidePath: null,
    backups: [newest, older],
    newestGood: newest.name,
    ...overrides
  }
}

describe('the start-up screen', () => {
  it('offers the newest backup when the portfolio file is missing, and opens the app on it', async () => {
    const bridge = installFakeBridge()
    bridge.startup = asking()
    const { user } = renderApp()

    expect(screen.getByRole('heading', { name: 'Your portfolio file is missing' })).toBeInTheDocument()
    expect(screen.getByText('The newest backup, 27 Nov 2026, 07:00, holds 1,000 stores.')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Restore it' }))

    expect(bridge.lastInputTo('startup:choose')).toEqual({ action: 'restore', backup: newest.name })
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument()
  })

  it('starts empty only after the KAM confirms, saying the backups stay', async () => {
    const bridge = installFakeBridge()
    bridge.startup = asking({ problem: 'empty', message: 'Storewatch’s portfolio file (/x/storewatch.db) is empty: it holds no data at all.' })
    const { user } = renderApp()

    await user.click(screen.getByRole('button', { name: 'Start with an empty portfolio' }))
    const dialog = await screen.findByRole('dialog', { name: 'Start with an empty portfolio?' })
    expect(dialog).toHaveTextContent('The backups stay in the backups folder')
    expect(bridge.inputsTo('startup:choose')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Start empty' }))
    expect(bridge.lastInputTo('startup:choose')).toEqual({ action: 'start-empty' })
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeInTheDocument()
  })

  it('can restore an older backup, and says so when a restore fails', async () => {
    const bridge = installFakeBridge()
    bridge.startup = asking({ problem: 'damaged', message: 'Storewatch’s portfolio file is damaged (SQLite said: file is not a database).', setAsidePath: '/x/set-aside/a.db' })
    bridge.handle('startup:choose', () => fail('restore-failed', 'The backup could not be opened (disk I/O error); nothing else changed. Choose another.'))
    const { user } = renderApp()

    expect(screen.getByRole('heading', { name: 'Your portfolio file is damaged' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Choose another backup (1)' }))
    // The same table as Settings → Data.
    const others = await screen.findByRole('table', { name: 'Other backups' })
    expect(within(others).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Taken', 'Kind', 'Stores', 'Size', ''])
    expect(within(within(others).getAllByRole('row')[1]!).getAllByRole('cell')[2]).toHaveTextContent('990')
    await user.click(await screen.findByRole('button', { name: 'Restore the backup of 26 Nov 2026, 07:00' }))
    expect(bridge.lastInputTo('startup:choose')).toEqual({ action: 'restore', backup: older.name })
    expect(await screen.findByRole('alert')).toHaveTextContent('The backup could not be opened (disk I/O error)')
    expect(screen.getByRole('status')).toHaveTextContent('The newest backup')
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
  })

  it('says when no backup passed its check, and offers only the empty start', () => {
    const bridge = installFakeBridge()
    bridge.startup = asking({ newestGood: null, backups: [{ ...newest, storeCount: null }] })
    renderApp()
    expect(screen.getByText('No backup passed its check')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Restore it' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Start with an empty portfolio' })).toBeEnabled()
  })

  it('explains a file it will not open, naming the data folder', () => {
    const bridge = installFakeBridge()
    bridge.startup = { phase: 'refused', message: 'This data was written by a newer Storewatch (2.0.0) than this one (0.1.0).', dataDir: '/home/kam/.config/Storewatch' }
    renderApp()
    expect(screen.getByRole('heading', { name: 'Storewatch cannot open its data' })).toBeInTheDocument()
    expect(screen.getByText(/written by a newer Storewatch \(2\.0\.0\)/)).toBeInTheDocument()
    expect(screen.getByText('Nothing was changed or moved. Data folder: /home/kam/.config/Storewatch')).toBeInTheDocument()
  })
})

/** The Data section of Settings on its own (the rest of the page is the settings form's tests'). */
function renderDataSection() {
  const user = userEvent.setup()
  render(
    <AppProviders env="test">
      <DataSection />
    </AppProviders>
  )
  return { user }
}

describe('Settings → Data', () => {
  it('lists the backups with date, kind, stores and size, and backs up now', async () => {
    const bridge = installFakeBridge()
    bridge.backups = [newest, older]
    const { user } = renderDataSection()

    const table = await screen.findByRole('table', { name: 'Backups' })
    const rows = within(table).getAllByRole('row').slice(1)
    // The date, then (under it) how long ago in words.
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(0, 4).map((cell) => cell.firstChild?.textContent))).toEqual([
      ['27 Nov 2026, 07:00', 'Daily', '1,000', '410 KB'],
      ['26 Nov 2026, 07:00', 'Weekly', '990', '410 KB']
    ])
    expect(screen.getByText(/keeps the newest copy of each of the last 7 days/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Back up now' }))
    expect(await screen.findByText('Backed up')).toBeInTheDocument()
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4))
  })

  it('restores a backup after confirmation, then reloads the window on it', async () => {
    const bridge = installFakeBridge()
    bridge.backups = [newest, older]
    const { user } = renderDataSection()

    await user.click(await screen.findByRole('button', { name: 'Restore the backup of 26 Nov 2026, 07:00' }))
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 26 Nov 2026, 07:00?' })
    expect(dialog).toHaveTextContent('moves its file to the set-aside folder (nothing is deleted), then reopens on this backup’s 990 stores')
    expect(bridge.inputsTo('backups:restore')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Restore this backup' }))

    expect(bridge.lastInputTo('backups:restore')).toEqual({ backup: older.name, confirmed: true })
    await waitFor(() => expect(reloadWindow).toHaveBeenCalledTimes(1))
  })
})

describe('damage met while the app runs', () => {
  it('shows a banner on every page that leads to the restore', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/notifications')
    await screen.findByRole('navigation', { name: 'Main' })
    act(() =>
      bridge.emit('data:damaged', {
        at: TEST_NOW,
        message: 'Storewatch’s data file is damaged (SQLite said: database disk image is malformed). Storewatch stopped saving changes; restore a backup under Settings → Data.'
      })
    )

    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent('Your portfolio file is damaged')
    expect(banner).toHaveTextContent('database disk image is malformed')
    await user.click(within(banner).getByRole('link', { name: 'Restore a backup…' }))
    await waitFor(() => expect(window.location.hash).toBe('#/settings?section=data'))
    expect(await screen.findByRole('region', { name: 'Data' })).toBeInTheDocument()
    expect(screen.getByText('Your portfolio file is damaged')).toBeInTheDocument()
  })
})
