/**
 * "Message clients" from a selection: one message per client with Copy, an e-mail draft and
 * "Log as sent" (per client or all), the stores without a client e-mail named.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { emptyExpiryWeeks, installFakeBridge, makeStore, makeWorklistItem } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function portfolio() {
  return [
    makeStore({ id: 1, clientName: 'Tan & Sons', storeName: 'Tan SG', country: 'SG', contactEmail: 'mei@tansons.sg' }),
    makeStore({ id: 2, clientName: 'Tan & Sons', storeName: 'Tan MY', country: 'MY', contactEmail: 'ops@tansons.my' }),
    makeStore({ id: 3, clientName: 'Bloom', storeName: 'Bloom SG', country: 'SG', contactEmail: null }),
    makeStore({ id: 4, clientName: 'Zeta', storeName: 'Zeta SG', country: 'SG', contactEmail: 'z@zeta.sg' })
  ]
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('grid', { name: 'Stores' })).getAllByRole('row').slice(1)
}

async function selectAndOpen() {
  const bridge = installFakeBridge(portfolio())
  const view = renderApp('#/portfolio')
  await screen.findByRole('grid', { name: 'Stores' })
  expect(screen.queryByRole('button', { name: 'Message clients' })).not.toBeInTheDocument()
  // Sorted by client: Bloom, Tan SG / Tan MY, Zeta.
  for (const index of [0, 1, 2]) await view.user.click(within(rows()[index]!).getByRole('checkbox'))
  await view.user.click(screen.getByRole('button', { name: 'Message clients' }))
  await screen.findByRole('dialog', { name: 'Message clients' })
  await screen.findByTestId('client-messages-summary')
  return { bridge, ...view }
}

describe('message clients', () => {
  it('shows one message per client with its draft, and names the stores without a client e-mail', async () => {
    const { bridge } = await selectAndOpen()
    expect(bridge.lastInputTo('messages:for-clients')).toEqual({ selection: { ids: [3, 1, 2] } })
    expect(screen.getByTestId('client-messages-summary')).toHaveTextContent('2 clients, 3 stores')
    const cards = screen.getAllByTestId('client-message')
    expect(cards.map((c) => within(c).getByTestId('client-message-subject').textContent)).toEqual(['Bloom: 1 stores', 'Tan & Sons: 2 stores'])
    expect(within(cards[1]!).getByText('mei@tansons.sg, ops@tansons.my')).toBeInTheDocument()
    expect(within(cards[1]!).getByRole('link', { name: 'Open an e-mail draft to Tan & Sons' })).toHaveAttribute('href', expect.stringMatching(/^mailto:mei@tansons\.sg,ops@tansons\.my\?subject=/))
    expect(within(cards[0]!).queryByRole('link', { name: /e-mail draft/ })).not.toBeInTheDocument()
    expect(within(cards[0]!).getByText('no contact e-mail on record')).toBeInTheDocument()
    expect(screen.getByRole('note', { name: /1 store has no client e-mail/ })).toHaveTextContent('Bloom — Bloom SG (SG)')
    expect(within(cards[1]!).getByRole('button', { name: 'Copy the message for Tan & Sons' })).toBeEnabled()
  })

  it('logs one client as sent, then all the others, each once', async () => {
    const { bridge, user } = await selectAndOpen()
    await user.click(screen.getByRole('button', { name: 'Log the message to Tan & Sons as sent' }))
    await waitFor(() => expect(bridge.inputsTo('messages:log-sent')).toEqual([{ storeIds: [1, 2] }]))
    const tan = screen.getByRole('region', { name: 'Message to Tan & Sons' })
    expect(await within(tan).findByText('Logged as sent')).toBeInTheDocument()
    expect(within(tan).getByRole('button', { name: 'Log the message to Tan & Sons as sent' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Log all 1 as sent' }))
    await waitFor(() => expect(bridge.inputsTo('messages:log-sent')).toEqual([{ storeIds: [1, 2] }, { storeIds: [3] }]))
    expect(await screen.findByRole('button', { name: 'All logged' })).toBeDisabled()
  })

  it('is offered from a worklist selection too', async () => {
    const bridge = installFakeBridge(portfolio())
    bridge.dashboard = {
      scope: 'all',
      kamName: '',
      myOwnerNames: [],
      tiers: { lapsing: 2, lapsed: 0, 'no-deadline': 0 },
      counts: { expired: 0, 'needs-subscription': 0, 'needs-authorization': 0, 'needs-reconnect': 0, expiring: 2, 'legacy-grace': 0, unknown: 0, 'app-not-published': 0, healthy: 2, 'out-of-scope': 0 },
      needsAction: 2,
      archived: 0,
      expiryWeeks: emptyExpiryWeeks(),
      lastRun: null,
      nextCheckAt: null,
      worklist: [makeWorklistItem({ storeId: 4, clientName: 'Zeta', storeName: 'Zeta SG' }), makeWorklistItem({ storeId: 1, clientName: 'Tan & Sons', storeName: 'Tan SG' })]
    }
    const { user } = renderApp('#/')
    const grid = await screen.findByRole('grid', { name: 'Needs action' })
    for (const row of within(grid).getAllByRole('row').slice(1)) await user.click(within(row).getByRole('checkbox'))
    await user.click(await screen.findByRole('button', { name: 'Message clients' }))
    await screen.findByTestId('client-messages-summary')
    expect(bridge.lastInputTo('messages:for-clients')).toEqual({ selection: { ids: [4, 1] } })
    expect(screen.getByTestId('client-messages-summary')).toHaveTextContent('2 clients, 2 stores')
  })
})
