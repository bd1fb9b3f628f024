/**
 * Forms (issue #11, point 7): a dirty form asks "Discard changes?" before it closes, with Keep
 * editing focused; a clean one closes at once. Dates read and are typed as the app writes them
 * ("15 Mar 2026 00:00"), and still mean the same instant in the store's country time.
 */
import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function dialog(name: string): HTMLElement | null {
  return screen.queryByRole('dialog', { name })
}

async function openAddStore(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Add store' }))
  return screen.findByRole('dialog', { name: 'Add store' })
}

describe('a dirty form asks before it closes', () => {
  it('closes a clean Add store form at once on Esc', async () => {
    installFakeBridge([makeStore({ id: 1 })])
    const { user } = renderApp('#/portfolio')
    await openAddStore(user)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Add store')).not.toBeInTheDocument())
    expect(dialog('Discard changes?')).not.toBeInTheDocument()
  })

  it('asks on Esc with Keep editing focused; Enter keeps the typing; Cancel asks again and Discard closes', async () => {
    const bridge = installFakeBridge([makeStore({ id: 1 })])
    const { user } = renderApp('#/portfolio')
    const form = await openAddStore(user)
    await user.type(within(form).getByLabelText(/^Client/), 'Half-typed Co')

    await user.keyboard('{Escape}')
    const ask = await screen.findByRole('dialog', { name: 'Discard changes?' })
    await waitFor(() => expect(within(ask).getByRole('button', { name: 'Keep editing' })).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(dialog('Discard changes?')).not.toBeInTheDocument())
    expect(within(form).getByLabelText(/^Client/)).toHaveValue('Half-typed Co')

    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(dialog('Add store')).not.toBeInTheDocument())
    expect(bridge.inputsTo('stores:create')).toHaveLength(0)

    // The next form starts clean, and closes at once.
    const next = await openAddStore(user)
    expect(within(next).getByLabelText(/^Client/)).toHaveValue('')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Add store')).not.toBeInTheDocument())
  })

  it('asks before closing a subscription form with a date typed, and Esc on the question keeps editing', async () => {
    installFakeBridge([makeStore({ id: 21, clientName: 'PT Nusantara', country: 'ID' })])
    const { user } = renderApp('#/stores/21')
    await user.click(await screen.findByRole('button', { name: 'Record subscription' }))
    const form = await screen.findByRole('dialog', { name: 'Record subscription' })
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Record subscription')).not.toBeInTheDocument())

    await user.click(screen.getByRole('button', { name: 'Record subscription' }))
    const again = await screen.findByRole('dialog', { name: 'Record subscription' })
    expect(form).not.toBeInTheDocument()
    await user.click(within(again).getByLabelText('End Time'))
    await user.paste('15 Sep 2026 00:00')
    await user.click(within(again).getByRole('button', { name: 'Cancel' }))
    const ask = await screen.findByRole('dialog', { name: 'Discard changes?' })
    await user.keyboard('{Escape}')
    await waitFor(() => expect(ask).not.toBeInTheDocument())
    expect(within(again).getByLabelText('End Time')).toHaveValue('15 Sep 2026 00:00')
  })

  it('asks before closing a dirty Record authorization form', async () => {
    installFakeBridge([makeStore({ id: 5, country: 'SG' })])
    const { user } = renderApp('#/stores/5')
    await user.click(await screen.findByRole('button', { name: /Record authorization/ }))
    const form = await screen.findByRole('dialog', { name: 'Record authorization' })
    await user.type(within(form).getByLabelText('Note'), 'Seller called')
    await user.keyboard('{Escape}')
    expect(await screen.findByRole('dialog', { name: 'Discard changes?' })).toBeInTheDocument()
  })
})

describe('dates in the app’s own format', () => {
  it('takes a subscription typed as "15 Mar 2026 00:00" in the store’s country time, as the same UTC instant as before', async () => {
    const bridge = installFakeBridge([makeStore({ id: 21, clientName: 'PT Nusantara', country: 'ID' })])
    const { user } = renderApp('#/stores/21')
    await user.click(await screen.findByRole('button', { name: 'Record subscription' }))
    const form = await screen.findByRole('dialog', { name: 'Record subscription' })

    const start = within(form).getByLabelText('Start Time')
    expect(start).toHaveAttribute('placeholder', '3 Dec 2026 23:59')
    await user.click(start)
    await user.paste('15 Mar 2026 00:00')
    await user.click(within(form).getByLabelText('End Time'))
    await user.paste('15 Sep 2026 00:00')
    await user.tab()
    expect(start).toHaveValue('15 Mar 2026 00:00')
    expect(within(form).getAllByTestId('time-echo')[0]).toHaveTextContent('15 Mar 2026, 00:00 (ID time) = 14 Mar, 17:00 your time')

    await user.click(within(form).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() =>
      expect(bridge.lastInputTo('subscriptions:save')?.subscription).toMatchObject({
        startAt: Date.parse('2026-03-14T17:00:00Z'),
        endAt: Date.parse('2026-09-14T17:00:00Z')
      })
    )
  })

  it('shows the release date as "1 Mar 2024" and has no native date input anywhere', async () => {
    installFakeBridge()
    renderApp('#/settings')
    expect(await screen.findByLabelText('Release date')).toHaveValue('1 Mar 2024')
    expect(document.querySelector('input[type="date"], input[type="datetime-local"]')).toBeNull()
  })
})

describe('Esc in a date field', () => {
  it('closes its calendar first, then the form', async () => {
    installFakeBridge([makeStore({ id: 21, clientName: 'PT Nusantara', country: 'ID' })])
    const { user } = renderApp('#/stores/21')
    await user.click(await screen.findByRole('button', { name: 'Record subscription' }))
    const form = await screen.findByRole('dialog', { name: 'Record subscription' })
    await user.click(within(form).getByLabelText('Start Time'))
    await user.keyboard('{Escape}')
    expect(dialog('Record subscription')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Record subscription')).not.toBeInTheDocument())
  })
})
