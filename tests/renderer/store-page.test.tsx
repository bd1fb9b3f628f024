import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoreHistoryEntry } from '../../electron/shared/portfolio'
import { STORE_FIELDS } from '../../electron/shared/store-fields'
import { installFakeBridge, makeStore, TEST_NOW } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function acme() {
  return makeStore({
    id: 7,
    clientName: 'Acme Pte Ltd',
    storeName: 'Acme Official',
    country: 'SG',
    sellerShortCode: 'SG1A2B3C4D',
    loginEmail: 'seller@acme.example',
    ownerKam: 'Ben',
    tags: ['vip', 'q4']
  })
}

const HISTORY: StoreHistoryEntry[] = [
  {
    id: 2,
    storeId: 7,
    at: TEST_NOW - 2 * 3_600_000,
    actor: 'maria',
    kind: 'updated',
    summary: 'Edited',
    changes: [
      { field: 'ownerKam', label: 'Owner KAM', before: 'Ann', after: 'Ben' },
      { field: 'contactPhone', label: 'Contact phone', before: null, after: '+65 6123 4567' }
    ]
  },
  {
    id: 1,
    storeId: 7,
    at: TEST_NOW - 3 * 86_400_000,
    actor: 'maria',
    kind: 'created',
    summary: 'Added to the portfolio',
    changes: [{ field: 'clientName', label: 'Client', before: null, after: 'Acme Pte Ltd' }]
  }
]

describe('store page', () => {
  it('shows every field, with a dash for the empty ones', async () => {
    const bridge = installFakeBridge([acme()])
    renderApp('#/stores/7')

    expect(await screen.findByRole('heading', { name: 'Acme Pte Ltd' })).toBeInTheDocument()
    expect(bridge.lastInputTo('stores:get')).toEqual({ id: 7 })
    for (const field of STORE_FIELDS) expect(screen.getByText(field.label)).toBeInTheDocument()
    expect(document.querySelector('[data-field="sellerShortCode"]')).toHaveTextContent('SG1A2B3C4D')
    expect(document.querySelector('[data-field="country"]')).toHaveTextContent('Singapore (SG)')
    expect(document.querySelector('[data-field="contactPhone"]')).toHaveTextContent('—')
    expect(screen.getByRole('link', { name: 'Back to portfolio' })).toHaveAttribute('href', '#/portfolio')
  })

  it('shows the history newest first, with each change as before → after', async () => {
    const bridge = installFakeBridge([acme()])
    bridge.history.set(7, HISTORY)
    renderApp('#/stores/7')

    const entries = await screen.findAllByTestId('history-entry')
    expect(entries).toHaveLength(2)
    expect(entries[0]).toHaveTextContent('Edited')
    expect(entries[0]).toHaveTextContent('Owner KAM: Ann → Ben')
    expect(entries[0]).toHaveTextContent('Contact phone: — → +65 6123 4567')
    expect(entries[0]).toHaveTextContent('maria')
    expect(entries[1]).toHaveTextContent('Added to the portfolio')
    expect(entries[1]).toHaveTextContent('Client: — → Acme Pte Ltd')
  })

  it('archives with an Undo that restores the store', async () => {
    const bridge = installFakeBridge([acme()])
    const { user } = renderApp('#/stores/7')

    await user.click(await screen.findByRole('button', { name: 'Archive' }))

    expect(bridge.lastInputTo('stores:archive')).toEqual({ id: 7 })
    expect(await screen.findByText('Store archived')).toBeInTheDocument()
    expect(screen.getByText('Acme Pte Ltd — Acme Official (SG) is hidden from the portfolio and never notifies.')).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Restore' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(bridge.lastInputTo('stores:restore')).toEqual({ id: 7 }))
    expect(await screen.findByRole('button', { name: 'Archive' })).toBeInTheDocument()
  })

  it('asks before deleting, and does nothing when the KAM cancels', async () => {
    const bridge = installFakeBridge([acme()])
    const { user } = renderApp('#/stores/7')

    await user.click(await screen.findByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete this store?' })
    expect(dialog).toHaveTextContent('Acme Pte Ltd — Acme Official (SG)')
    expect(dialog).toHaveTextContent('history')

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Delete this store?' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('stores:delete')).toHaveLength(0)
    expect(window.location.hash).toBe('#/stores/7')
  })

  it('deletes after confirmation and goes back to the portfolio', async () => {
    const bridge = installFakeBridge([acme()])
    const { user } = renderApp('#/stores/7')

    await user.click(await screen.findByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete this store?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete store' }))

    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    expect(bridge.lastInputTo('stores:delete')).toEqual({ id: 7, confirmed: true })
    expect(await screen.findByText('Store deleted')).toBeInTheDocument()
    expect(await screen.findByText('Your portfolio is empty')).toBeInTheDocument()
  })

  it('says clearly when the store does not exist, with a way back', async () => {
    installFakeBridge([acme()])
    const { user } = renderApp('#/stores/999')

    expect(await screen.findByRole('heading', { name: 'This store is not in your portfolio' })).toBeInTheDocument()
    expect(screen.getByText('Store #999 does not exist; it may have been deleted')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Back to the portfolio' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
  })

  it('keeps the portfolio filters when the KAM goes back', async () => {
    installFakeBridge([acme(), makeStore({ id: 8, clientName: 'Batik House', storeName: 'Batik Mall', country: 'MY', loginEmail: 'shop@batik.example' })])
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    await user.type(screen.getByLabelText('Search'), 'acme')
    await waitFor(() => expect(screen.queryByText('Batik House')).not.toBeInTheDocument())

    await user.click(screen.getByText('Acme Official'))
    await user.click(await screen.findByRole('link', { name: 'Back to portfolio' }))

    expect(await screen.findByLabelText('Search')).toHaveValue('acme')
    expect(screen.queryByText('Batik House')).not.toBeInTheDocument()
  })
})
