/**
 * "Next store": a store page opened from the portfolio or the worklist walks that list with
 * Previous and Next (buttons, J/K, Alt+↑/↓), says where it stands and where the list ends, and
 * Back lands on the last store's row.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { emptyExpiryWeeks, installFakeBridge, makeStore, makeWorklistItem } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function portfolioStores() {
  return ['Delta', 'Alpha', 'Charlie', 'Bravo'].map((name, i) => makeStore({ id: i + 1, clientName: `${name} Co`, storeName: `${name} Shop`, country: 'SG' }))
}

function rowsOf(name: string): HTMLElement[] {
  return within(screen.getByRole('grid', { name })).getAllByRole('row').slice(1)
}

async function heading(name: string): Promise<void> {
  expect(await screen.findByRole('heading', { name })).toBeInTheDocument()
}

async function place(text: string): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('store-sequence-place')).toHaveTextContent(text))
}

async function openFromPortfolio(bridge: FakeBridge, storeName: string) {
  const view = renderApp('#/portfolio')
  await screen.findByRole('grid', { name: 'Stores' })
  await view.user.click(await screen.findByText(storeName))
  return view
}

describe('next store from the portfolio', () => {
  it('walks the view in its sort with the buttons, and says where the list ends', async () => {
    const bridge = installFakeBridge(portfolioStores())
    const { user } = await openFromPortfolio(bridge, 'Alpha Shop')

    await heading('Alpha Co')
    await place('1 of 4 · Next: Bravo Shop')
    expect(screen.getByRole('button', { name: 'Previous store (this is the first)' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Next store: Bravo Co — Bravo Shop (SG)' }))
    await heading('Bravo Co')
    await place('2 of 4 · Next: Charlie Shop')
    await user.click(screen.getByRole('button', { name: /^Next store:/ }))
    await place('3 of 4 · Next: Delta Shop')
    await user.click(screen.getByRole('button', { name: /^Next store:/ }))
    await heading('Delta Co')
    await place('4 of 4 · the last store of the list')
    expect(screen.getByRole('button', { name: 'Next store (this is the last)' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Previous store: Charlie Co — Charlie Shop (SG)' }))
    await heading('Charlie Co')
    // Main keeps the list as ids; the page never loaded the other rows to walk it.
    expect(bridge.inputsTo('sequences:start')).toEqual([{ origin: 'portfolio', view: expect.objectContaining({ sort: { column: 'clientName', direction: 'asc' } }) }])
  })

  it('walks with J/K and Alt+↓/↑, a quick second press counting too', async () => {
    const bridge = installFakeBridge(portfolioStores())
    const { user } = await openFromPortfolio(bridge, 'Alpha Shop')
    await place('1 of 4')
    await user.keyboard('j')
    await heading('Bravo Co')
    await place('2 of 4')
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}')
    await heading('Charlie Co')
    await place('3 of 4')
    await user.keyboard('k')
    await heading('Bravo Co')
    await place('2 of 4')
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}')
    await heading('Alpha Co')
    await place('1 of 4')
    // Pressed twice before main answered for the first: both count.
    await user.keyboard('jj')
    await heading('Charlie Co')
    expect(window.location.hash).toMatch(/^#\/stores\/3\?in=\d+$/)
  })

  it('leaves the keys to a field the KAM types in', async () => {
    const bridge = installFakeBridge(portfolioStores())
    const { user } = await openFromPortfolio(bridge, 'Alpha Shop')
    await place('1 of 4')
    const field = document.createElement('input')
    document.body.appendChild(field)
    field.focus()
    await user.keyboard('j')
    expect(screen.getByRole('heading', { name: 'Alpha Co' })).toBeInTheDocument()
    field.remove()
  })

  it('walks only the selected rows when the store opened is one of them, and Back lands on the last one', async () => {
    const bridge = installFakeBridge(portfolioStores())
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    await user.click(within(rowsOf('Stores')[3]!).getByRole('checkbox'))
    await user.click(within(rowsOf('Stores')[1]!).getByRole('checkbox'))
    await user.click(await screen.findByText('Bravo Shop'))

    await place('1 of 2 · Next: Delta Shop')
    await user.keyboard('j')
    await heading('Delta Co')
    await place('2 of 2 · the last store of the list')

    await user.click(screen.getByRole('link', { name: 'Back to portfolio' }))
    await screen.findByRole('grid', { name: 'Stores' })
    await waitFor(() => expect(rowsOf('Stores')[3]).toHaveAttribute('data-active', 'true'))
    expect(bridge.inputsTo('sequences:start')[0]).toMatchObject({ selection: { ids: [1, 4] } })
  })

  it('shows no Next and Previous on a store opened on its own', async () => {
    installFakeBridge(portfolioStores())
    renderApp('#/stores/2')
    await heading('Alpha Co')
    expect(screen.queryByTestId('store-sequence')).not.toBeInTheDocument()
  })
})

describe('next store from the worklist', () => {
  it('walks the worklist in its order and Back returns to the worklist on that row', async () => {
    const bridge = installFakeBridge(portfolioStores())
    bridge.dashboard = {
      scope: 'all',
      kamName: '',
      myOwnerNames: [],
      tiers: { lapsing: 3, lapsed: 0, 'no-deadline': 0 },
      counts: { expired: 0, 'needs-subscription': 0, 'needs-authorization': 0, 'needs-reconnect': 0, expiring: 3, 'legacy-grace': 0, unknown: 0, 'app-not-published': 0, healthy: 1, 'out-of-scope': 0 },
      needsAction: 3,
      archived: 0,
      expiryWeeks: emptyExpiryWeeks(),
      lastRun: null,
      nextCheckAt: null,
      worklist: [3, 1, 2].map((id) => makeWorklistItem({ storeId: id, clientName: bridge.detail(id)!.store.clientName, storeName: bridge.detail(id)!.store.storeName }))
    }
    const { user } = renderApp('#/')
    await screen.findByRole('grid', { name: 'Needs action' })
    await user.click(screen.getByRole('row', { name: 'Charlie Co — Charlie Shop (SG)' }))

    await place('1 of 3 · Next: Delta Shop')
    await user.click(screen.getByRole('button', { name: /^Next store/ }))
    await heading('Delta Co')
    await place('2 of 3 · Next: Alpha Shop')
    // The page belongs to the dashboard it came from: that is the screen lit in the header.
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page')
    expect(within(nav).getByRole('link', { name: 'Portfolio' })).not.toHaveAttribute('aria-current')

    await user.click(screen.getByRole('link', { name: 'Back to the worklist' }))
    await screen.findByRole('grid', { name: 'Needs action' })
    await waitFor(() => expect(rowsOf('Needs action')[1]).toHaveFocus())
    expect(rowsOf('Needs action')[1]).toHaveAttribute('data-active', 'true')
    expect(bridge.inputsTo('sequences:start')).toEqual([{ origin: 'worklist', ids: [3, 1, 2] }])
  })
})
