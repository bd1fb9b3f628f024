import { screen, waitFor, within } from '@testing-library/react'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { SEARCH_DEBOUNCE_MS } from '../../renderer/src/stores/usePortfolioStore'
import { installFakeBridge, makeStore, TEST_NOW } from './support/fake-bridge'
import { advanceTimers, freezeDate, installFakeTimers } from './support/fake-timers'
import { fill, renderApp } from './support/render-app'

function threeStores() {
  return [
    makeStore({ id: 1, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG', ownerKam: 'Maria', tags: ['vip'] }),
    makeStore({ id: 2, clientName: 'Batik House', storeName: 'Batik Mall', country: 'MY', ownerKam: null, sellerShortCode: 'MY1234ABCD' }),
    makeStore({ id: 3, clientName: 'Kimchi Co', storeName: 'Kimchi Shop', country: 'KR', ownerKam: 'Jun' }),
    makeStore({ id: 4, clientName: 'Old Client', storeName: 'Closed Shop', country: 'TH', archivedAt: Date.parse('2026-01-01') })
  ]
}

/** Body rows of the stores table (the header row is not a store). */
function storeRows(): HTMLElement[] {
  const grid = screen.getByRole('grid', { name: 'Stores' })
  return within(grid).getAllByRole('row').slice(1)
}

describe('portfolio screen', () => {
  it('offers Import CSV or Excel, Add store and the template when the portfolio is empty', async () => {
    const bridge = installFakeBridge([])
    const { user } = renderApp('#/portfolio')

    expect(await screen.findByRole('heading', { name: 'Your portfolio is empty' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add store' })).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Download CSV template' }))
    expect(bridge.inputsTo('import:save-template')).toHaveLength(1)
    expect(await screen.findByText('/home/kam/storewatch-import-template.csv')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Import CSV or Excel' }))
    expect(await screen.findByRole('dialog', { name: 'Import CSV or Excel' })).toBeInTheDocument()
  })

  it('opens the Add store form from the empty state', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    await user.click(await screen.findByRole('button', { name: 'Add store' }))
    expect(await screen.findByRole('dialog', { name: 'Add store' })).toBeInTheDocument()
  })

  it('shows the stores main lists, with the default query', async () => {
    const bridge = installFakeBridge(threeStores())
    renderApp('#/portfolio')

    await screen.findByRole('grid', { name: 'Stores' })
    const rows = storeRows()
    expect(rows).toHaveLength(3)
    expect(rows[0]).toHaveTextContent('Acme Pte Ltd')
    expect(within(rows[0]!).getByText('vip')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Needs subscription')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('Unassigned')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Out of scope')).toBeInTheDocument()
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 3 of 4 stores')
    expect(bridge.lastInputTo('stores:list')).toEqual({
      search: '',
      countries: [],
      owners: [],
      tags: [],
      statuses: [],
      storeIds: [],
      endsWithinDays: null,
      sort: { column: 'clientName', direction: 'asc' },
      offset: 0,
      limit: 100
    })
  })

  it('searches in main once the KAM stops typing', async () => {
    // The pause is the subject: the debounce fires only when the test moves the clock.
    installFakeTimers()
    const bridge = installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    const before = bridge.inputsTo('stores:list').length
    const searches = () => bridge.inputsTo('stores:list').slice(before)

    await user.type(screen.getByLabelText('Search'), 'batik')
    expect(searches()).toEqual([])
    await advanceTimers(SEARCH_DEBOUNCE_MS - 1)
    expect(searches()).toEqual([])

    await advanceTimers(1)
    // One request, with the whole word: not one per keystroke.
    expect(searches().map((q) => q.search)).toEqual(['batik'])
    await waitFor(() => expect(storeRows()).toHaveLength(1))
    expect(storeRows()[0]).toHaveTextContent('Batik House')
  })

  it('filters by country and by unassigned owner', async () => {
    const bridge = installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.click(screen.getByRole('combobox', { name: 'Country' }))
    await user.click(await screen.findByRole('option', { name: 'Malaysia (MY)' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.countries).toEqual(['MY']))
    await waitFor(() => expect(storeRows()).toHaveLength(1))

    await user.click(screen.getByRole('combobox', { name: 'Owner' }))
    await user.click(await screen.findByRole('option', { name: 'Unassigned' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.owners).toEqual(['']))
  })

  it('sorts in main when a column header is clicked', async () => {
    const bridge = installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    const storeHeader = screen.getByRole('columnheader', { name: /Store$/ })
    expect(storeHeader).toHaveAttribute('aria-sort', 'none')
    await user.click(within(storeHeader).getByRole('button', { name: 'Store' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.sort).toEqual({ column: 'storeName', direction: 'asc' }))
    expect(screen.getByRole('columnheader', { name: /Store$/ })).toHaveAttribute('aria-sort', 'ascending')

    await user.click(within(storeHeader).getByRole('button', { name: 'Store' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.sort).toEqual({ column: 'storeName', direction: 'desc' }))
    await waitFor(() => expect(storeRows()[0]).toHaveTextContent('Kimchi Shop'))
  })

  it('says when no store matches and clears the filters', async () => {
    const bridge = installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.type(screen.getByLabelText('Search'), 'nothing-like-this')
    expect(await screen.findByText('No stores match these filters')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(storeRows()).toHaveLength(3))
    expect(bridge.lastInputTo('stores:list')?.search).toBe('')
    expect(screen.getByLabelText('Search')).toHaveValue('')
  })

  it('exports the current view and says where the file went', async () => {
    const bridge = installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV' }))

    expect(await screen.findByText('Exported 3 stores')).toBeInTheDocument()
    expect(screen.getByText('/home/kam/storewatch-stores.csv')).toBeInTheDocument()
    expect(bridge.lastInputTo('stores:export-csv')?.query.statuses).toEqual([])
  })

  it('keeps only the visible rows of 10,000 stores in the DOM', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeStore({ id: i + 1, clientName: `Client ${String(i + 1).padStart(5, '0')}` }))
    installFakeBridge(many)
    renderApp('#/portfolio')

    await screen.findByRole('grid', { name: 'Stores' })
    const rows = storeRows()
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.length).toBeLessThan(100)
    expect(screen.getByRole('grid', { name: 'Stores' })).toHaveAttribute('aria-rowcount', '10001')
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 10,000 of 10,000 stores')
  })
})

describe('portfolio keyboard', () => {
  it('focuses the search with /', async () => {
    installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.keyboard('/')
    expect(screen.getByLabelText('Search')).toHaveFocus()
  })

  it('moves through the rows with the arrows and opens one with Enter', async () => {
    installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.keyboard('/')
    await user.keyboard('{ArrowDown}')
    expect(storeRows()[0]).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(storeRows()[1]).toHaveFocus()
    expect(storeRows()[1]).toHaveAttribute('data-active', 'true')
    await user.keyboard('{End}')
    expect(storeRows()[2]).toHaveFocus()
    await user.keyboard('{Home}{ArrowDown}{Enter}')

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/2\?in=\d+$/))
    expect(await screen.findByRole('heading', { name: 'Batik House' })).toBeInTheDocument()
  })

  it('opens the Add store form with n and the import with i', async () => {
    installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.keyboard('n')
    expect(await screen.findByRole('dialog', { name: 'Add store' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add store' })).not.toBeInTheDocument())

    await user.keyboard('i')
    expect(await screen.findByRole('dialog', { name: 'Import CSV or Excel' })).toBeInTheDocument()
  })

  it('highlights a store the KAM just added', async () => {
    installFakeBridge(threeStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.keyboard('n')
    const dialog = await screen.findByRole('dialog', { name: 'Add store' })
    await fill(user, within(dialog).getByLabelText(/^Client/), 'Zeta Traders')
    await fill(user, within(dialog).getByLabelText(/^Store name/), 'Zeta Shop')
    await user.type(within(dialog).getByRole('combobox', { name: 'Country' }), 'Viet')
    await user.click(await screen.findByRole('option', { name: 'Vietnam (VN)' }))
    await fill(user, within(dialog).getByLabelText('Seller Center login e-mail'), 'ops@zeta.example')
    await user.keyboard('{Enter}')

    await waitFor(() => expect(storeRows()).toHaveLength(4))
    const added = storeRows().find((row) => row.textContent?.includes('Zeta Traders'))
    expect(added).toHaveAttribute('data-active', 'true')
  })
})

describe('portfolio statuses and deadlines', () => {
  function statusStores() {
    return [
      makeStore({ id: 1, clientName: 'Acme Pte Ltd', status: 'expired', deadlineAt: Date.parse('2026-03-14T16:00:00Z'), deadlineKind: 'subscription-end' }),
      makeStore({ id: 2, clientName: 'Batik House', country: 'MY', status: 'needs-reconnect' }),
      // Noon, 30 days from today in Bangkok: "in 30 days".
      makeStore({ id: 3, clientName: 'Chao Co', country: 'TH', status: 'healthy', deadlineAt: DateTime.fromMillis(TEST_NOW, { zone: 'Asia/Bangkok' }).startOf('day').plus({ days: 30, hours: 12 }).toMillis(), deadlineKind: 'subscription-end' }),
      makeStore({ id: 4, clientName: 'Old Client', country: 'TH', archivedAt: Date.parse('2026-01-01') })
    ]
  }

  it('shows every status with its colour, and the deadline with days left', async () => {
    // Today is 27 Nov, whenever the test runs (and however long it takes).
    freezeDate(TEST_NOW)
    installFakeBridge(statusStores())
    renderApp('#/portfolio')

    await screen.findByRole('grid', { name: 'Stores' })
    const rows = storeRows()
    expect(within(rows[0]!).getByText('Expired').closest('[data-status]')).toHaveAttribute('data-status', 'expired')
    expect(within(rows[1]!).getByText('Needs reconnect')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Healthy')).toBeInTheDocument()
    expect(rows[0]).toHaveTextContent('15 Mar 2026')
    expect(rows[0]).toHaveTextContent('days ago')
    expect(rows[1]).toHaveTextContent('—')
    expect(rows[2]).toHaveTextContent('in 30 days')
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 3 of 4 stores · 1 archived hidden')
  })

  it('counts days left to the End Time’s date in the store’s country: 11 Dec 00:00 is 14 days from 27 Nov', async () => {
    freezeDate(TEST_NOW) // 27 Nov, 16:00 in Singapore
    installFakeBridge([
      makeStore({ id: 1, clientName: 'Acme Pte Ltd', country: 'SG', status: 'expiring', deadlineAt: Date.parse('2026-12-11T00:00:00+08:00'), deadlineKind: 'subscription-end' }),
      makeStore({ id: 2, clientName: 'Batik House', country: 'MY', status: 'expiring', deadlineAt: Date.parse('2026-12-11T15:00:00+08:00'), deadlineKind: 'subscription-end' }),
      makeStore({ id: 3, clientName: 'Chao Co', country: 'TH', status: 'expiring', deadlineAt: Date.parse('2026-12-10T23:59:00+07:00'), deadlineKind: 'subscription-end' })
    ])
    renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    const rows = storeRows()
    expect(rows[0]).toHaveTextContent('11 Dec 2026 · in 14 days')
    expect(rows[1]).toHaveTextContent('11 Dec 2026 · in 14 days')
    expect(rows[2]).toHaveTextContent('10 Dec 2026 · in 13 days')
  })

  it('filters by status in main, archived only when picked', async () => {
    const bridge = installFakeBridge(statusStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveAttribute('placeholder', 'Any status')

    await user.click(screen.getByRole('combobox', { name: 'Status' }))
    expect(await screen.findByText('Hidden unless picked')).toBeInTheDocument()
    await user.click(await screen.findByRole('option', { name: 'Expired' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.statuses).toEqual(['expired']))
    await waitFor(() => expect(storeRows()).toHaveLength(1))

    await user.click(await screen.findByRole('option', { name: 'Archived' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.statuses).toEqual(['expired', 'archived']))
    await waitFor(() => expect(storeRows()).toHaveLength(2))
  })

  it('sorts by deadline in main', async () => {
    const bridge = installFakeBridge(statusStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.click(screen.getByRole('button', { name: 'Deadline' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.sort).toEqual({ column: 'deadlineAt', direction: 'asc' }))
  })

  it('opens on one status from a link (the dashboard’s counts) and leaves the address clean', async () => {
    const bridge = installFakeBridge(statusStores())
    renderApp('#/portfolio?status=needs-reconnect')

    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.statuses).toEqual(['needs-reconnect']))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await waitFor(() => expect(storeRows()).toHaveLength(1))
    expect(storeRows()[0]).toHaveTextContent('Batik House')
  })
})

describe('app shell', () => {
  it('shows the version and the data folder', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    await user.click(screen.getByRole('button', { name: 'About Storewatch' }))
    expect(await screen.findByTestId('data-folder')).toHaveTextContent('/tmp/storewatch-test')
    expect(screen.getByText('Storewatch 0.1.0-test')).toBeInTheDocument()
  })

  it('lists the keyboard shortcuts', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
    expect(await screen.findByText('Open the highlighted store')).toBeInTheDocument()
  })
})
