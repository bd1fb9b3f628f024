import { screen, waitFor, within } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { STORES_CHANGED_COALESCE_MS } from '../../renderer/src/stores/refresh'
import { installFakeBridge, makeRun, makeStore } from './support/fake-bridge'
import { advanceTimers, installFakeTimers } from './support/fake-timers'
import { renderApp } from './support/render-app'

function twoStores() {
  return [
    makeStore({ id: 1, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG' }),
    makeStore({ id: 2, clientName: 'Batik House', storeName: 'Batik Mall', country: 'MY' }),
    makeStore({ id: 3, clientName: 'Chao Phraya Co., Ltd.', storeName: 'Chao Shop', country: 'TH' })
  ]
}

describe('app shell', () => {
  it('has a main navigation with the four places', async () => {
    installFakeBridge()
    const { user } = renderApp('#/')
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Dashboard', 'Portfolio', 'Notifications', 'Settings'])
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page')

    await user.click(within(nav).getByRole('link', { name: 'Settings' }))
    await waitFor(() => expect(window.location.hash).toBe('#/settings'))
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page')
  })

  it('goes where main says when a notification is clicked', async () => {
    const bridge = installFakeBridge(twoStores())
    renderApp('#/')
    await screen.findByRole('navigation', { name: 'Main' })
    await waitFor(() => expect(bridge.listenerCount('app:navigate')).toBe(1))

    act(() => bridge.emit('app:navigate', { path: '/stores/2' }))
    await waitFor(() => expect(window.location.hash).toBe('#/stores/2'))
    expect(await screen.findByRole('heading', { name: 'Batik House' })).toBeInTheDocument()

    act(() => bridge.emit('app:navigate', { path: '/portfolio?ids=1,3' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio?ids=1,3'))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([1, 3]))
    expect(await screen.findByTestId('reminder-chip')).toHaveTextContent('Showing the 2 stores from a reminder')

    // Anything that is not a place of the app is ignored.
    act(() => bridge.emit('app:navigate', { path: 'https://evil.example/' }))
    expect(window.location.hash).toBe('#/portfolio?ids=1,3')
  })

  it('shows the stores of a digest until the KAM clears the chip, and keeps them on the way back from a store', async () => {
    const bridge = installFakeBridge(twoStores())
    const { user } = renderApp('#/portfolio?ids=1,3')

    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([1, 3]))
    const table = await screen.findByRole('grid', { name: 'Stores' })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3))
    expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 2 of 3 stores')

    await user.click(within(table).getByText('Chao Shop'))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/3\?in=\d+$/))
    expect(await screen.findByRole('link', { name: 'Back to portfolio' })).toHaveAttribute('href', '#/portfolio?ids=1,3')
    await user.click(screen.getByRole('link', { name: 'Back to portfolio' }))
    expect(await screen.findByTestId('reminder-chip')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Show all stores' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([]))
    expect(screen.queryByTestId('reminder-chip')).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 3 of 3 stores'))
  })

  it('checks now, and sums up the run', async () => {
    const bridge = installFakeBridge(twoStores())
    const { user } = renderApp('#/')
    expect(await screen.findByTestId('last-checked')).toHaveTextContent('Not checked yet')

    await user.click(screen.getByRole('button', { name: 'Check now' }))
    expect(bridge.inputsTo('checks:run-now')).toHaveLength(1)
    expect(await screen.findByText('Checked 3 stores · 3 changed · 2 reminders')).toBeInTheDocument()
    expect(screen.getByTestId('last-checked')).toHaveTextContent('Last checked just now')
  })

  it('says when the last check was, from main', async () => {
    const bridge = installFakeBridge()
    bridge.runs = [makeRun({ startedAt: Date.now() - 5 * 60_000 - 500, finishedAt: Date.now() - 5 * 60_000 })]
    renderApp('#/')
    await waitFor(() => expect(screen.getByTestId('last-checked')).toHaveTextContent('Last checked 5 min ago'))
    expect(bridge.lastInputTo('checks:recent')).toEqual({ limit: 1 })
  })

  it('refreshes what is on screen when a scheduled check finishes', async () => {
    const bridge = installFakeBridge(twoStores())
    renderApp('#/')
    await screen.findByRole('navigation', { name: 'Stores by status' })
    const dashboards = bridge.inputsTo('dashboard:get').length
    const unreadLoads = bridge.inputsTo('reminders:list').length

    act(() => bridge.emit('checks:completed', makeRun({ trigger: 'interval', startedAt: Date.now() - 1000, finishedAt: Date.now() })))
    await waitFor(() => expect(bridge.inputsTo('dashboard:get').length).toBe(dashboards + 1))
    await waitFor(() => expect(bridge.inputsTo('reminders:list').length).toBe(unreadLoads + 1))
    expect(screen.getByTestId('last-checked')).toHaveTextContent('Last checked just now')
  })

  it('reloads the open store page when a check finishes', async () => {
    const bridge = installFakeBridge(twoStores())
    renderApp('#/stores/1')
    await screen.findByRole('heading', { name: 'Acme Pte Ltd' })
    const before = bridge.inputsTo('stores:get').length

    act(() => bridge.emit('checks:completed', makeRun()))
    await waitFor(() => expect(bridge.inputsTo('stores:get').length).toBe(before + 1))
  })

  it('says what went wrong when a check cannot run', async () => {
    const bridge = installFakeBridge()
    bridge.handle('checks:run-now', () => ({ ok: false, error: { code: 'internal', message: 'The database is locked' } }))
    const { user } = renderApp('#/')
    await user.click(await screen.findByRole('button', { name: 'Check now' }))
    expect(await screen.findByText('The check did not run')).toBeInTheDocument()
    expect(screen.getByText('The database is locked')).toBeInTheDocument()
  })
})

describe('stores changed in main', () => {
  it('refreshes the lists once per burst, and the open store only when it is among them', async () => {
    const bridge = installFakeBridge(twoStores())
    // The dashboard was seen, then the KAM opened a store: both are on screen data to refresh.
    renderApp('#/')
    await screen.findByRole('navigation', { name: 'Stores by status' })
    act(() => {
      window.location.hash = '#/stores/1'
    })
    await screen.findByRole('heading', { name: 'Acme Pte Ltd' })
    await waitFor(() => expect(bridge.listenerCount('stores:changed')).toBe(1))
    // The burst's window is the subject: from here it closes only when the test moves the clock.
    installFakeTimers()
    const pages = bridge.inputsTo('stores:get').length
    const dashboards = bridge.inputsTo('dashboard:get').length

    act(() => bridge.emit('stores:changed', { storeIds: [2] }))
    act(() => bridge.emit('stores:changed', { storeIds: [3] }))
    await advanceTimers(STORES_CHANGED_COALESCE_MS - 1)
    expect(bridge.inputsTo('dashboard:get').length).toBe(dashboards)
    await advanceTimers(1)
    expect(bridge.inputsTo('dashboard:get').length).toBe(dashboards + 1)
    expect(bridge.inputsTo('stores:get').length).toBe(pages)

    act(() => bridge.emit('stores:changed', { storeIds: [2] }))
    act(() => bridge.emit('stores:changed', { storeIds: [1] }))
    await advanceTimers(STORES_CHANGED_COALESCE_MS)
    expect(bridge.inputsTo('dashboard:get').length).toBe(dashboards + 2)
    expect(bridge.inputsTo('stores:get').length).toBe(pages + 1)

    // An import changes many stores at once: main sends no ids.
    act(() => bridge.emit('stores:changed', { storeIds: [] }))
    await advanceTimers(STORES_CHANGED_COALESCE_MS)
    expect(bridge.inputsTo('stores:get').length).toBe(pages + 2)
  })
})
