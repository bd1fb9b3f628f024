import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { fill, renderApp } from './support/render-app'

async function openAddForm(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Add store' }))
  return screen.findByRole('dialog', { name: 'Add store' })
}

async function pickCountry(user: UserEvent, dialog: HTMLElement, typed: string, option: string): Promise<void> {
  await user.type(within(dialog).getByRole('combobox', { name: 'Country' }), typed)
  await user.click(await screen.findByRole('option', { name: option }))
}

describe('add and edit store form', () => {
  it('focuses the first field when it opens', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)
    await waitFor(() => expect(within(dialog).getByLabelText(/^Client/)).toHaveFocus())
  })

  it('shows what is missing on submit and sends nothing', async () => {
    const bridge = installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)

    await user.click(within(dialog).getByRole('button', { name: 'Save store' }))

    expect(await within(dialog).findByText('Client is required')).toBeInTheDocument()
    expect(within(dialog).getByText('Store name is required')).toBeInTheDocument()
    expect(within(dialog).getByText('Country is required')).toBeInTheDocument()
    expect(within(dialog).getByText(/Give the seller short code or the Seller Center login e-mail/)).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Seller short code')).toHaveAttribute('aria-invalid', 'true')
    expect(bridge.inputsTo('stores:create')).toHaveLength(0)
  })

  it('checks a field when the KAM leaves it', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)

    await user.type(within(dialog).getByLabelText('Seller Center login e-mail'), 'not-an-email')
    expect(within(dialog).queryByText('Not a valid e-mail address')).not.toBeInTheDocument()
    await user.tab()
    expect(await within(dialog).findByText('Not a valid e-mail address')).toBeInTheDocument()
  })

  it('notes that a country outside the six is out of scope', async () => {
    installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)

    await pickCountry(user, dialog, 'Korea', 'South Korea (KR)')
    expect(await within(dialog).findByTestId('out-of-scope-note')).toHaveTextContent('South Korea is outside the six Service Market countries')
  })

  it('adds a store, normalized as main expects, and offers to open it', async () => {
    const bridge = installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)

    await fill(user, within(dialog).getByLabelText(/^Client/), 'Acme Pte Ltd')
    await fill(user, within(dialog).getByLabelText(/^Store name/), 'Acme Official')
    await pickCountry(user, dialog, 'Sing', 'Singapore (SG)')
    await fill(user, within(dialog).getByLabelText('Seller short code'), 'sg1a2b3c4d')
    await user.type(within(dialog).getByRole('combobox', { name: /^Tags/ }), 'vip,')
    await user.click(within(dialog).getByRole('button', { name: 'Save store' }))

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add store' })).not.toBeInTheDocument())
    expect(bridge.lastInputTo('stores:create')?.store).toMatchObject({
      clientName: 'Acme Pte Ltd',
      storeName: 'Acme Official',
      country: 'SG',
      sellerShortCode: 'SG1A2B3C4D',
      loginEmail: null,
      tags: ['vip']
    })
    expect(await screen.findByText('Store added')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/\d+$/))
    expect(await screen.findByRole('heading', { name: 'Acme Pte Ltd' })).toBeInTheDocument()
  })

  it('shows main’s duplicate message on the form and on the field', async () => {
    installFakeBridge([makeStore({ id: 1, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG', sellerShortCode: 'SG1A2B3C4D' })])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)

    await fill(user, within(dialog).getByLabelText(/^Client/), 'Acme Again')
    await fill(user, within(dialog).getByLabelText(/^Store name/), 'Second')
    await pickCountry(user, dialog, 'Sing', 'Singapore (SG)')
    await fill(user, within(dialog).getByLabelText('Seller short code'), 'SG1A2B3C4D')
    await user.keyboard('{Enter}')

    expect(await within(dialog).findByText('This store is already in the portfolio')).toBeInTheDocument()
    expect(
      within(dialog).getByText('Singapore already has a store with seller short code SG1A2B3C4D: Acme Pte Ltd — Acme Official (SG)')
    ).toBeInTheDocument()
    expect(within(dialog).getByText('Already used by another store')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Seller short code')).toHaveAttribute('aria-invalid', 'true')
  })

  it('edits a store from its page with the current values filled in', async () => {
    const bridge = installFakeBridge([makeStore({ id: 5, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', ownerKam: 'Ann' })])
    const { user } = renderApp('#/stores/5')

    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit store' })
    const owner = within(dialog).getByRole('combobox', { name: 'Owner KAM' })
    expect(owner).toHaveValue('Ann')
    await user.clear(owner)
    await user.type(owner, 'Ben')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(bridge.lastInputTo('stores:update')).toMatchObject({ id: 5, store: { ownerKam: 'Ben', clientName: 'Acme Pte Ltd' } }))
    expect(await screen.findByText('Changes saved')).toBeInTheDocument()
  })

  it('closes with Escape without saving, once the KAM agrees to discard the typing', async () => {
    const bridge = installFakeBridge([])
    const { user } = renderApp('#/portfolio')
    const dialog = await openAddForm(user)
    await user.type(within(dialog).getByLabelText(/^Client/), 'Acme')
    await user.keyboard('{Escape}')
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add store' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('stores:create')).toHaveLength(0)
  })
})
