import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoreHistoryEntry, StoreVerdict } from '../../electron/shared/portfolio'
import type { Authorization, Subscription } from '../../electron/shared/records'
import { installFakeBridge, makeReminder, makeStore, TEST_NOW } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const DAY = 86_400_000

function jakartaStore() {
  return makeStore({ id: 21, clientName: 'PT Nusantara', storeName: 'Nusantara Mall', country: 'ID', loginEmail: 'seller@nusantara.example' })
}

const EXPIRING: StoreVerdict = {
  status: 'expiring',
  reason: 'The subscription ends 4 Dec 2026, 00:00 (ID time): renew it before then.',
  deadline: Date.parse('2026-12-03T17:00:00Z'),
  deadlineKind: 'subscription-end',
  nextAction: { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 },
  daysLeft: 7
}

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    storeId: 21,
    serviceVersion: 'authorization-only',
    period: 'half-year',
    startAt: Date.parse('2026-06-03T17:00:00Z'),
    endAt: Date.parse('2026-12-03T17:00:00Z'),
    source: 'kam',
    checkedAt: TEST_NOW - DAY,
    updatedAt: TEST_NOW - DAY,
    ...overrides
  }
}

function authorization(overrides: Partial<Authorization> = {}): Authorization {
  return {
    id: 501,
    storeId: 21,
    authorizedAt: Date.parse('2026-06-04T03:00:00Z'),
    method: 'seller-link',
    account: 'seller@nusantara.example',
    country: 'ID',
    refreshDeadlineAt: null,
    reconnectedAt: null,
    reconnectedBy: null,
    note: null,
    recordedAt: TEST_NOW - DAY,
    ...overrides
  }
}

function region(name: string): HTMLElement {
  return screen.getByRole('region', { name })
}

describe('store page: status, subscription, authorizations, reminders', () => {
  it('shows the status banner: reason, deadline in the store’s and the KAM’s time, days left, next step', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.verdicts.set(21, EXPIRING)
    renderApp('#/stores/21')

    const banner = await screen.findByRole('region', { name: 'Status' })
    expect(within(banner).getByText('Expiring')).toBeInTheDocument()
    expect(within(banner).getByTestId('status-reason')).toHaveTextContent('renew it before then')
    const deadline = within(banner).getByTestId('status-deadline')
    expect(deadline).toHaveTextContent('Subscription ends in 7 days')
    expect(deadline).toHaveTextContent('4 Dec 2026, 00:00 (ID time)')
    expect(deadline).toHaveTextContent('3 Dec, 17:00 your time')
    expect(within(banner).getByTestId('next-action')).toHaveTextContent('Step 1 · Order “Authorization Only” for “Half a year” on Service Market')
  })

  it('snoozes and unsnoozes the store’s reminders from the banner', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.verdicts.set(21, EXPIRING)
    const { user } = renderApp('#/stores/21')

    const banner = await screen.findByRole('region', { name: 'Status' })
    await user.click(within(banner).getByRole('button', { name: 'Snooze reminders for PT Nusantara — Nusantara Mall (ID)' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Snooze for 1 day' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:snooze')).toEqual({ storeId: 21, mode: 'day' }))
    expect(await within(banner).findByTestId('snoozed-until')).toHaveTextContent('Reminders held until')

    await user.click(within(banner).getByRole('button', { name: /^Snooze reminders for/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'End snooze' }))
    await waitFor(() => expect(bridge.lastInputTo('reminders:unsnooze')).toEqual({ storeId: 21 }))
    await waitFor(() => expect(within(banner).queryByTestId('snoozed-until')).not.toBeInTheDocument())
  })

  it('records a subscription typed in the store’s country time, as a UTC instant', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    const { user } = renderApp('#/stores/21')

    const card = await screen.findByRole('region', { name: 'Subscription' })
    expect(card).toHaveTextContent('No subscription on record')
    await user.click(within(card).getByRole('button', { name: 'Record subscription' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record subscription' })
    expect(within(dialog).getByRole('radio', { name: 'Authorization Only' })).toBeChecked()
    expect(within(dialog).getByRole('radio', { name: 'Half a year' })).toBeChecked()
    expect(within(dialog).getAllByText('Indonesia time').length).toBeGreaterThanOrEqual(2)

    fireEvent.change(within(dialog).getByLabelText('Start Time'), { target: { value: '2026-03-15T00:00' } })
    fireEvent.change(within(dialog).getByLabelText('End Time'), { target: { value: '2026-09-15T00:00' } })
    expect(within(dialog).getAllByTestId('time-echo')[0]).toHaveTextContent('15 Mar 2026, 00:00 (ID time) = 14 Mar, 17:00 your time')
    await user.click(within(dialog).getByRole('button', { name: 'Save subscription' }))

    await waitFor(() =>
      expect(bridge.lastInputTo('subscriptions:save')).toEqual({
        storeId: 21,
        subscription: {
          serviceVersion: 'authorization-only',
          period: 'half-year',
          startAt: Date.parse('2026-03-14T17:00:00Z'),
          endAt: Date.parse('2026-09-14T17:00:00Z'),
          source: 'kam'
        }
      })
    )
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record subscription' })).not.toBeInTheDocument())
    const saved = region('Subscription')
    expect(saved).toHaveTextContent('Authorization Only')
    expect(saved).toHaveTextContent('15 Mar 2026, 00:00 (ID time)')
    expect(saved).toHaveTextContent('14 Mar, 17:00 your time')
    expect(saved).toHaveTextContent('Entered by the KAM')
    expect(await screen.findByText('Subscription recorded')).toBeInTheDocument()
  })

  it('refuses an End Time before the Start Time, and says so next to the field', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    const { user } = renderApp('#/stores/21')

    await user.click(await screen.findByRole('button', { name: 'Record subscription' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record subscription' })
    fireEvent.change(within(dialog).getByLabelText('Start Time'), { target: { value: '2026-03-15T00:00' } })
    fireEvent.change(within(dialog).getByLabelText('End Time'), { target: { value: '2026-03-01T00:00' } })
    await user.click(within(dialog).getByRole('button', { name: 'Save subscription' }))

    expect(await within(dialog).findByText('The End Time must be after the Start Time')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('End Time')).toHaveAttribute('aria-invalid', 'true')
    expect(bridge.inputsTo('subscriptions:save')).toHaveLength(0)
  })

  it('changes a subscription with its values filled in, and warns about the paid version', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.subscriptions.set(21, subscription({ source: 'lazada' }))
    const { user } = renderApp('#/stores/21')

    const card = await screen.findByRole('region', { name: 'Subscription' })
    expect(card).toHaveTextContent('From Lazada')
    await user.click(within(card).getByRole('button', { name: 'Change subscription' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change subscription' })
    expect(within(dialog).getByLabelText('Start Time')).toHaveValue('4 Jun 2026 00:00')
    expect(within(dialog).getByLabelText('End Time')).toHaveValue('4 Dec 2026 00:00')

    await user.click(within(dialog).getByRole('radio', { name: 'Paid version' }))
    expect(within(dialog).getByText(/the paid version is not recommended/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() => expect(bridge.lastInputTo('subscriptions:save')?.subscription.serviceVersion).toBe('paid'))
  })

  it('removes the subscription only after confirmation', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.subscriptions.set(21, subscription())
    const { user } = renderApp('#/stores/21')

    await user.click(await screen.findByRole('button', { name: 'Remove subscription' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove the subscription record?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.inputsTo('subscriptions:remove')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Remove subscription' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Remove the subscription record?' })).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(bridge.lastInputTo('subscriptions:remove')).toEqual({ storeId: 21 }))
    expect(await within(region('Subscription')).findByText(/No subscription on record/)).toBeInTheDocument()
  })

  it('records an authorization with what is known, reconnected at once', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    const { user } = renderApp('#/stores/21')

    const card = await screen.findByRole('region', { name: 'Authorizations' })
    await user.click(within(card).getByRole('button', { name: 'Record authorization' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record authorization' })
    expect(within(dialog).getByLabelText('Seller account')).toHaveValue('seller@nusantara.example')
    expect(within(dialog).getByLabelText('Country picked')).toHaveValue('ID')

    fireEvent.change(within(dialog).getByLabelText(/Authorized at/), { target: { value: '2026-11-20T09:30' } })
    await user.selectOptions(within(dialog).getByLabelText('How'), 'embedded-window')
    fireEvent.change(within(dialog).getByLabelText('Lapses'), { target: { value: '2027-05-20T09:30' } })
    await user.click(within(dialog).getByRole('checkbox', { name: /Also reconnected in the OMS/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }))

    await waitFor(() =>
      expect(bridge.lastInputTo('authorizations:record')).toEqual({
        storeId: 21,
        authorization: {
          authorizedAt: Date.parse('2026-11-20T02:30:00Z'),
          method: 'embedded-window',
          account: 'seller@nusantara.example',
          country: 'ID',
          refreshDeadlineAt: Date.parse('2027-05-20T02:30:00Z'),
          note: null,
          reconnected: true
        }
      })
    )
    const rows = await within(region('Authorizations')).findAllByTestId('authorization-row')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toHaveTextContent('20 Nov, 09:30 (ID time)')
    expect(rows[0]).toHaveTextContent('In Storewatch’s Lazada window')
    expect(within(rows[0]!).getByLabelText(/^Reconnected/)).toBeInTheDocument()
    expect(within(region('Authorizations')).queryByRole('button', { name: 'Mark reconnected' })).not.toBeInTheDocument()
  })

  it('needs a time for an authorization, and a lapse after it', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    const { user } = renderApp('#/stores/21')

    await user.click(await screen.findByRole('button', { name: 'Record authorization' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record authorization' })
    fireEvent.change(within(dialog).getByLabelText(/Authorized at/), { target: { value: '' } })
    fireEvent.change(within(dialog).getByLabelText('Lapses'), { target: { value: '2020-01-01T00:00' } })
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }))
    expect(await within(dialog).findByText('Enter when the seller authorized')).toBeInTheDocument()

    fireEvent.change(within(dialog).getByLabelText(/Authorized at/), { target: { value: '2026-11-20T09:30' } })
    await user.click(within(dialog).getByRole('button', { name: 'Save authorization' }))
    expect(await within(dialog).findByText('It lapses after it was authorized')).toBeInTheDocument()
    expect(bridge.inputsTo('authorizations:record')).toHaveLength(0)
  })

  it('lists authorizations newest first, marks the latest reconnected, and removes one after confirmation', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.authorizations.set(21, [
      authorization({ id: 502, authorizedAt: Date.parse('2026-06-04T03:00:00Z') }),
      authorization({ id: 501, authorizedAt: Date.parse('2025-12-01T03:00:00Z'), method: 'recorded-by-kam', reconnectedAt: Date.parse('2025-12-01T05:00:00Z'), reconnectedBy: 'maria' })
    ])
    const { user } = renderApp('#/stores/21')

    const card = await screen.findByRole('region', { name: 'Authorizations' })
    const rows = within(card).getAllByTestId('authorization-row')
    expect(rows[0]).toHaveTextContent('4 Jun, 10:00 (ID time)')
    expect(within(rows[0]!).getByLabelText('Not reconnected')).toBeInTheDocument()
    expect(rows[1]).toHaveTextContent('1 Dec 2025, 10:00 (ID time)')
    expect(within(rows[1]!).getByLabelText(/^Reconnected/)).toBeInTheDocument()

    await user.click(within(card).getByRole('button', { name: 'Mark reconnected' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:mark-reconnected')).toEqual({ storeId: 21 }))
    await waitFor(() => expect(within(region('Authorizations')).queryByRole('button', { name: 'Mark reconnected' })).not.toBeInTheDocument())

    await user.click(within(region('Authorizations')).getByRole('button', { name: 'Remove the authorization of 1 Dec 2025' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove this authorization?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:remove')).toEqual({ storeId: 21, authorizationId: 501 }))
    await waitFor(() => expect(within(region('Authorizations')).getAllByTestId('authorization-row')).toHaveLength(1))
  })

  it('lists the store’s reminders, and opening one marks it read', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    bridge.reminders = [makeReminder({ id: 9, storeId: 21, title: 'Nusantara Mall (ID): subscription ends in 7 days' })]
    const { user } = renderApp('#/stores/21')

    const card = await screen.findByRole('region', { name: 'Reminders' })
    const entry = within(card).getByRole('button', { name: 'Unread: Nusantara Mall (ID): subscription ends in 7 days' })
    await user.click(entry)
    await waitFor(() => expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [9] }))
    await waitFor(() => expect(within(region('Reminders')).getByTestId('reminder-entry')).toHaveAttribute('data-unread', 'false'))
  })

  it('shows the new kinds of history entries', async () => {
    const bridge = installFakeBridge([jakartaStore()])
    const entry = (id: number, kind: StoreHistoryEntry['kind'], summary: string): StoreHistoryEntry => ({ id, storeId: 21, at: TEST_NOW - id * 1000, actor: 'maria', kind, summary, changes: [] })
    bridge.history.set(21, [
      entry(1, 'status-changed', 'Status: Needs reconnect → Healthy'),
      entry(2, 'reconnected', 'Reconnected in the OMS'),
      entry(3, 'authorized', 'Authorized'),
      entry(4, 'subscription-updated', 'Subscription recorded'),
      entry(5, 'subscription-removed', 'Subscription record removed'),
      entry(6, 'authorization-removed', 'Authorization record removed'),
      entry(7, 'snoozed', 'Reminders snoozed')
    ])
    renderApp('#/stores/21')

    const entries = await screen.findAllByTestId('history-entry')
    expect(entries.map((e) => e.querySelector('.mantine-Timeline-itemTitle')?.textContent)).toEqual([
      'Status: Needs reconnect → Healthy',
      'Reconnected in the OMS',
      'Authorized',
      'Subscription recorded',
      'Subscription record removed',
      'Authorization record removed',
      'Reminders snoozed'
    ])
    for (const e of entries) expect(e.querySelector('svg')).not.toBeNull()
  })
})
