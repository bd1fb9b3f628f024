/** The review on the dashboard's Lazada panel: confirm authorization for many stores subscribed on Lazada at once. */
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const review = (id: number, client: string) => ({ id, clientName: client, storeName: `${client} SG`, country: 'SG', lazadaEndAt: null, checkedAt: null, reason: 'Subscribed, but the seller has not authorized the app yet.' })

describe('authorization review', () => {
  it('confirms the picked stores as of a date in one request and says how many', async () => {
    const bridge = installFakeBridge([makeStore({ id: 1 }), makeStore({ id: 2 }), makeStore({ id: 3 })])
    bridge.reviewStores = [review(1, 'Alpha'), review(2, 'Bravo'), review(3, 'Charlie')]
    const { user } = renderApp('#/')
    const row = await screen.findByTestId('authorization-review-row')
    expect(row).toHaveTextContent('3 stores subscribed on Lazada need your authorization confirmed')
    await user.click(within(row).getByRole('button', { name: 'Review' }))

    const dialog = await screen.findByRole('dialog', { name: 'Confirm authorization of stores subscribed on Lazada' })
    await user.click(within(dialog).getByRole('checkbox', { name: 'Bravo — Bravo SG (SG)' }))
    const date = within(dialog).getByLabelText('Authorized as of')
    // The app's own date format, not the native input's mm/dd/yyyy.
    expect(date).toHaveValue(new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).replace('Sept', 'Sep'))
    await user.clear(date)
    await user.type(date, '2026-11-25')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm 2 stores' }))

    await waitFor(() => expect(bridge.inputsTo('authorizations:confirm-many')).toHaveLength(1))
    const sent = bridge.lastInputTo('authorizations:confirm-many') as { storeIds: number[]; authorizedAt: number; reconnected: boolean }
    expect(sent.storeIds).toEqual([1, 3])
    expect(new Date(sent.authorizedAt).getDate()).toBe(25)
    expect(sent.reconnected).toBe(false)
    expect(await within(dialog).findByRole('checkbox', { name: 'Select all 1' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByTestId('authorization-review-row')).toHaveTextContent('1 store subscribed on Lazada needs your authorization confirmed'))
  })
})
