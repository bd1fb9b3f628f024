import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '../../electron/shared/monitoring'
import { NEEDS_ACTION_STATUSES, STATUS_LABELS, STORE_STATUSES } from '../../electron/shared/status'
import { useDashboardStore, WORKLIST_QUERY, worklistRowAt } from '../../renderer/src/stores/useDashboardStore'
import { emptyExpiryWeeks, installFakeBridge, makeStore, makeWorklistItem } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const DAY = 86_400_000

function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const weeks = emptyExpiryWeeks()
  weeks[0] = { ...weeks[0]!, byCountry: { SG: 2, MY: 1 }, total: 3 }
  weeks[3] = { ...weeks[3]!, byCountry: { ID: 4 }, total: 4 }
  return {
    scope: 'all',
    kamName: '',
    myOwnerNames: [],
    tiers: { lapsing: 1, lapsed: 1, 'no-deadline': 1 },
    counts: { expired: 1, 'needs-subscription': 0, 'needs-authorization': 1, 'needs-reconnect': 0, expiring: 1, 'legacy-grace': 0, unknown: 0, 'app-not-published': 0, healthy: 40, 'out-of-scope': 2 },
    needsAction: 3,
    archived: 1,
    // In main's order: lapsing, lapsed, no deadline known.
    worklist: [
      makeWorklistItem({
        storeId: 13,
        clientName: 'Acme Pte Ltd',
        storeName: 'Acme Official',
        country: 'SG',
        status: 'expiring',
        // 11 Dec 00:00 in Singapore: 14 days from 27 Nov (main's count).
        deadline: Date.parse('2026-12-10T16:00:00Z'),
        daysLeft: 14
      }),
      makeWorklistItem({
        storeId: 11,
        clientName: 'Nusantara PT',
        storeName: 'Nusantara Mall',
        country: 'ID',
        status: 'expired',
        reason: 'The subscription ended 25 Nov 2026, 00:00 (ID time): orders no longer sync.',
        deadline: Date.parse('2026-11-24T17:00:00Z'),
        daysLeft: -2
      }),
      makeWorklistItem({
        storeId: 12,
        clientName: 'Batik House Sdn Bhd',
        storeName: 'Batik Mall',
        country: 'MY',
        status: 'needs-authorization',
        reason: 'Subscribed, but the seller has not authorized the app yet.',
        deadline: null,
        deadlineKind: null,
        daysLeft: null,
        nextAction: { label: 'Have the seller click “Use Service” and authorize', playbook: 'renew-and-reauthorize', step: 4 }
      })
    ],
    expiryWeeks: weeks,
    lastRun: null,
    nextCheckAt: null,
    ...overrides
  }
}

function worklistRows(): HTMLElement[] {
  return within(screen.getByRole('grid', { name: 'Needs action' })).getAllByRole('row').slice(1)
}

describe('dashboard', () => {
  it('is the home screen: counts by status in order, each opening the portfolio on that status', async () => {
    const bridge = installFakeBridge([makeStore({ id: 1, status: 'expired' })])
    bridge.dashboard = dashboard()
    const { user } = renderApp('#/')

    const counts = await screen.findByRole('navigation', { name: 'Stores by status' })
    const links = within(counts).getAllByRole('link')
    // Named by what they show (WCAG 2.5.3, label in name): "1 Expired".
    expect(links.map((l) => l.textContent)).toEqual(STORE_STATUSES.map((s) => `${dashboard().counts[s]}${STATUS_LABELS[s]}`))
    for (const s of STORE_STATUSES) expect(within(counts).getByRole('link', { name: `${dashboard().counts[s]} ${STATUS_LABELS[s]}` })).toBeInTheDocument()
    expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('45 stores · 3 need action · 1 archived')

    await user.click(within(counts).getByRole('link', { name: '1 Expired' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.statuses).toEqual(['expired']))
    expect(await screen.findByRole('grid', { name: 'Stores' })).toBeInTheDocument()
  })

  it('lists the worklist in main’s order, with why, by when in both times, and the checklist step', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard()
    renderApp('#/')

    await screen.findByRole('grid', { name: 'Needs action' })
    const rows = worklistRows()
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Acme Pte Ltd — Acme Official (SG)',
      'Nusantara PT — Nusantara Mall (ID)',
      'Batik House Sdn Bhd — Batik Mall (MY)'
    ])
    expect(screen.getByTestId('worklist-count')).toHaveTextContent('3 stores, what loses orders soonest first')
    // Each tier under its heading, with how many it holds.
    expect(screen.getAllByTestId('worklist-tier').map((h) => h.textContent)).toEqual([
      'Lapsing: act before the orders stop · 1 store',
      'Lapsed: most recent first · 1 store',
      'No deadline known · 1 store'
    ])
    expect(within(rows[0]!).getByTestId('worklist-urgency')).toHaveTextContent('lapses in 14 days')
    expect(rows[0]).toHaveTextContent('11 Dec, 00:00 (SG time)')
    expect(within(rows[0]!).getByTestId('next-action')).toHaveTextContent('Step 1 · Order “Authorization Only” for “Half a year” on Service Market')
    expect(rows[1]).toHaveTextContent('Expired')
    expect(rows[1]).toHaveTextContent('orders no longer sync')
    // Ended at midnight in Jakarta, in the store's time and in the KAM's (UTC here).
    expect(rows[1]).toHaveTextContent('25 Nov, 00:00 (ID time)')
    expect(rows[1]).toHaveTextContent('24 Nov, 17:00 your time')
    expect(within(rows[1]!).getByTestId('worklist-urgency')).toHaveTextContent('lapsed 2 days ago')
    expect(within(rows[2]!).getByTestId('next-action')).toHaveTextContent('Step 4 · Have the seller click “Use Service” and authorize')
    expect(within(rows[2]!).getByTestId('worklist-urgency')).toHaveTextContent('no deadline known')
  })

  it('opens a store from the worklist with a click or with Enter, and moves with the arrows', async () => {
    const bridge = installFakeBridge([makeStore({ id: 12, clientName: 'Batik House Sdn Bhd', country: 'MY' })])
    bridge.dashboard = dashboard()
    const { user } = renderApp('#/')

    await screen.findByRole('grid', { name: 'Needs action' })
    worklistRows()[0]!.focus()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(worklistRows()[2]).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/12\?in=\d+$/))
    expect(await screen.findByRole('heading', { name: 'Batik House Sdn Bhd' })).toBeInTheDocument()

    window.location.hash = '#/'
    await user.click(await screen.findByRole('row', { name: 'Acme Pte Ltd — Acme Official (SG)' }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/13\?in=\d+$/))
  })

  it('snoozes a store’s reminders for a day or until the next reminder, without opening it', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard()
    const { user } = renderApp('#/')
    await screen.findByRole('grid', { name: 'Needs action' })
    const loads = bridge.inputsTo('dashboard:get').length

    await user.click(screen.getByRole('button', { name: 'Snooze reminders for Acme Pte Ltd — Acme Official (SG)' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Snooze for 1 day' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:snooze')).toEqual({ storeId: 13, mode: 'day' }))
    expect(await screen.findByText('Reminders snoozed')).toBeInTheDocument()
    await waitFor(() => expect(bridge.inputsTo('dashboard:get').length).toBe(loads + 1))
    expect(window.location.hash).toBe('#/')

    await user.click(screen.getByRole('button', { name: 'Snooze reminders for Nusantara PT — Nusantara Mall (ID)' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Snooze until the next reminder' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:snooze')).toEqual({ storeId: 11, mode: 'next-rung' }))
    expect(window.location.hash).toBe('#/')
  })

  it('shows a snoozed store as such and can end the snooze', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard({ worklist: [makeWorklistItem({ storeId: 13, snoozedUntil: Date.now() + DAY })] })
    const { user } = renderApp('#/')

    const row = await screen.findByRole('row', { name: 'Acme Pte Ltd — Acme Official (SG)' })
    expect(row).toHaveTextContent('Snoozed until')
    await user.click(within(row).getByRole('button', { name: /^Snooze reminders for/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'End snooze' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:unsnooze')).toEqual({ storeId: 13 }))
  })

  it('selects worklist rows with their checkboxes and Shift, or every store that needs action', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard()
    const { user } = renderApp('#/')
    await screen.findByRole('grid', { name: 'Needs action' })

    await user.click(within(worklistRows()[0]!).getByRole('checkbox'))
    await user.keyboard('{Shift>}')
    await user.click(within(worklistRows()[1]!).getByRole('checkbox'))
    await user.keyboard('{/Shift}')
    expect(screen.getByTestId('worklist-selection')).toHaveTextContent('2 selected')
    expect(useDashboardStore.getState().selectionSpec()).toEqual({ ids: [13, 11] })
    expect(window.location.hash).toBe('#/')

    // Every store that needs action, as main will resolve them.
    await user.click(screen.getByRole('button', { name: 'Select all 3 needing action' }))
    expect(screen.getByTestId('worklist-selection')).toHaveTextContent('All 3 needing action selected')
    expect(useDashboardStore.getState().selectionSpec()).toEqual({ allMatching: WORKLIST_QUERY, except: [] })
    expect(WORKLIST_QUERY.statuses).toEqual(NEEDS_ACTION_STATUSES)
  })

  it('lists every store that needs action, however many: main sends the rows a window at a time', async () => {
    const bridge = installFakeBridge()
    const many = Array.from({ length: 730 }, (_, i) => makeWorklistItem({ storeId: i + 1, clientName: `Client ${i + 1}`, storeName: `Shop ${i + 1}` }))
    bridge.dashboard = dashboard({ worklist: many, needsAction: 730, tiers: { lapsing: 730, lapsed: 0, 'no-deadline': 0 } })
    renderApp('#/')
    const grid = await screen.findByRole('grid', { name: 'Needs action' })
    // The count above the list is the list's length: nothing is cut off.
    expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('730 need action')
    expect(screen.getByTestId('worklist-count')).toHaveTextContent('730 stores')
    expect(grid).toHaveAttribute('aria-rowcount', '731')
    expect(worklistRows().length).toBeLessThan(60)
    expect(bridge.inputsTo('dashboard:worklist')).toEqual([])

    // The list scrolled to its end: that window is asked for, and its rows are there.
    act(() => useDashboardStore.getState().showRows(715, 729))
    await waitFor(() => expect(worklistRowAt(useDashboardStore.getState().pages, 729)?.clientName).toBe('Client 730'))
    expect(bridge.inputsTo('dashboard:worklist')).toEqual([{ offset: 700, limit: 100 }])
    expect(worklistRowAt(useDashboardStore.getState().pages, 350)).toBeUndefined()

    // A Shift-range over rows not sent yet asks for them, and selects every one.
    await act(() => useDashboardStore.getState().selectRow(5, { range: false }))
    await act(() => useDashboardStore.getState().selectRow(450, { range: true }))
    expect(screen.getByTestId('worklist-selection')).toHaveTextContent('446 selected')
  })

  it('shows subscription ends by week and country, with totals', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard()
    renderApp('#/')

    const grid = await screen.findByRole('table', { name: 'Subscriptions ending by week and country' })
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers).toHaveLength(15)
    expect(headers[1]).toBe('This week')
    expect(headers[2]).toBe('30 Nov')
    expect(headers.at(-1)).toBe('Total')
    const rows = within(grid).getAllByRole('row')
    expect(rows.map((r) => within(r).queryByRole('rowheader')?.textContent).filter(Boolean)).toEqual(['SG', 'MY', 'ID', 'All'])
    expect(within(grid).getByRole('button', { name: 'Indonesia, week of 14 Dec 2026: 4 subscriptions. Open these stores' })).toHaveTextContent('4')
    expect(within(grid).getByTestId('expiry-total')).toHaveTextContent('7')
  })

  it('says all is fine when nothing needs action', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = dashboard({
      counts: { ...dashboard().counts, expired: 0, 'needs-subscription': 0, 'needs-authorization': 0, expiring: 0 },
      needsAction: 0,
      worklist: [],
      expiryWeeks: emptyExpiryWeeks()
    })
    renderApp('#/')

    expect(await screen.findByRole('heading', { name: 'All 42 stores are fine' })).toBeInTheDocument()
    expect(screen.queryByRole('grid', { name: 'Needs action' })).not.toBeInTheDocument()
    expect(screen.getByText('No subscription on record ends in the next 90 days.')).toBeInTheDocument()
  })

  it('offers Import CSV or Excel and Add store when the portfolio is empty', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/')

    expect(await screen.findByRole('heading', { name: 'Your portfolio is empty' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Import CSV or Excel' }))
    expect(await screen.findByRole('dialog', { name: 'Import CSV or Excel' })).toBeInTheDocument()
  })

  it('says what went wrong when the dashboard cannot load, and tries again', async () => {
    const bridge = installFakeBridge()
    bridge.handle('dashboard:get', () => ({ ok: false, error: { code: 'internal', message: 'Scheduled checks are not built yet' } }))
    renderApp('#/')

    expect(await screen.findByText('Scheduled checks are not built yet')).toBeInTheDocument()
    bridge.dashboard = dashboard()
    bridge.handle('dashboard:get', () => ({ ok: true, value: dashboard() }))
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('grid', { name: 'Needs action' })).toBeInTheDocument()
  })
})
