import { screen, waitFor, within } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { installFakeBridge, makeReminder, makeStore, TEST_NOW } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const HOUR = 3_600_000

function reminders() {
  return [
    makeReminder({ id: 1, storeId: 7, title: 'Acme Official (SG): subscription ends in 14 days', firedAt: TEST_NOW - 72 * HOUR, readAt: TEST_NOW - 70 * HOUR }),
    makeReminder({ id: 2, storeId: 8, storeLabel: 'Batik House — Batik Mall (MY)', title: 'Batik Mall (MY): subscription ends in 7 days', firedAt: TEST_NOW - 2 * HOUR, state: 'failed' }),
    makeReminder({ id: 3, storeId: 7, title: 'Acme Official (SG): subscription ends in 3 days', firedAt: TEST_NOW - HOUR, state: 'held', deliveredAt: null })
  ]
}

function entries(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Reminders' })).getAllByTestId('reminder-entry')
}

describe('notification centre', () => {
  it('lists every reminder of a run and rung together, with unread marks and what the OS did with it', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = reminders()
    renderApp('#/notifications')

    await screen.findByRole('list', { name: 'Reminders' })
    expect(bridge.lastInputTo('reminders:centre')).toEqual({ filter: { unreadOnly: false, statuses: [], owners: [] }, offset: 0, limit: 500 })
    const list = entries()
    // One run, one rung (7 days): the same deadline in all three, so the same store's newest first.
    expect(list.map((e) => e.getAttribute('aria-label'))).toEqual([
      'Unread: Acme Official (SG): subscription ends in 3 days · Acme Pte Ltd — Acme Official (SG)',
      'Acme Official (SG): subscription ends in 14 days · Acme Pte Ltd — Acme Official (SG)',
      'Unread: Batik Mall (MY): subscription ends in 7 days · Batik House — Batik Mall (MY)'
    ])
    expect(list[0]).toHaveAttribute('data-unread', 'true')
    expect(list[1]).toHaveAttribute('data-unread', 'false')
    expect(within(list[0]!).getByText('Held (quiet hours/snoozed)')).toBeInTheDocument()
    expect(within(list[2]!).getByText('Not shown by the OS')).toBeInTheDocument()
    expect(within(list[1]!).queryByText('Not shown by the OS')).not.toBeInTheDocument()
    expect(list[0]).toHaveTextContent('the Service Market subscription ends')
    // When it fired: relative (from the real clock) and exact, in the KAM's time.
    expect(list[0]).toHaveTextContent('27 Nov 2026, 07:00')
    expect(screen.getByTestId('unread-summary')).toHaveTextContent('2 unread')
  })

  it('shows only unread reminders when asked', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = reminders()
    const { user } = renderApp('#/notifications')
    await screen.findByRole('list', { name: 'Reminders' })

    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:centre')).toMatchObject({ filter: { unreadOnly: true } }))
    await waitFor(() => expect(entries()).toHaveLength(2))
  })

  it('marks all read, and the header badge goes', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = reminders()
    const { user } = renderApp('#/notifications')
    await screen.findByRole('list', { name: 'Reminders' })
    expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Mark all read' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ all: true }))
    await waitFor(() => expect(screen.getByTestId('unread-summary')).toHaveTextContent('All read'))
    expect(entries().every((e) => e.getAttribute('data-unread') === 'false')).toBe(true)
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
  })

  it('opens the store of a clicked reminder and marks it read', async () => {
    const bridge = installFakeBridge([makeStore({ id: 8, clientName: 'Batik House', storeName: 'Batik Mall', country: 'MY' })])
    bridge.reminders = reminders()
    const { user } = renderApp('#/notifications')
    await screen.findByRole('list', { name: 'Reminders' })

    await user.click(screen.getByRole('button', { name: /^Unread: Batik Mall/ }))
    await waitFor(() => expect(window.location.hash).toBe('#/stores/8?from=notifications'))
    expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [2] })
    expect(await screen.findByRole('heading', { name: 'Batik House' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeInTheDocument())
  })

  it('does not mark an already read reminder again', async () => {
    const bridge = installFakeBridge([makeStore({ id: 7 })])
    bridge.reminders = reminders()
    const { user } = renderApp('#/notifications')
    await screen.findByRole('list', { name: 'Reminders' })

    await user.click(screen.getByRole('button', { name: /^Acme Official \(SG\): subscription ends in 14 days/ }))
    await waitFor(() => expect(window.location.hash).toBe('#/stores/7?from=notifications'))
    expect(bridge.inputsTo('reminders:mark-read')).toHaveLength(0)
  })

  it('says so when there is nothing, or nothing unread', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/notifications')
    expect(await screen.findByRole('heading', { name: 'No reminders yet' })).toBeInTheDocument()

    bridge.reminders = [makeReminder({ readAt: TEST_NOW })]
    await user.click(screen.getByRole('radio', { name: 'Unread' }))
    expect(await screen.findByRole('heading', { name: 'No unread reminders' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show all reminders' }))
    await waitFor(() => expect(entries()).toHaveLength(1))
  })

  it('follows main: new reminders update the badge and the open list', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = reminders()
    renderApp('#/notifications')
    await screen.findByRole('list', { name: 'Reminders' })

    bridge.reminders = [...reminders(), makeReminder({ id: 4, title: 'Acme Official (SG): subscription ends tomorrow', firedAt: TEST_NOW })]
    act(() => bridge.emit('reminders:changed', { unread: 3 }))
    expect(await screen.findByRole('link', { name: 'Notifications, 3 unread' })).toBeInTheDocument()
    await waitFor(() => expect(entries()).toHaveLength(4))
    expect(entries()[0]).toHaveTextContent('subscription ends tomorrow')
  })
})
