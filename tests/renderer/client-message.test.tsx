import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoreVerdict } from '../../electron/shared/portfolio'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { COPIED_MS } from '../../renderer/src/components/common/CopyTextButton'
import { installFakeBridge, makeStore, READY_INTEGRATOR } from './support/fake-bridge'
import { advanceTimers, installFakeTimers } from './support/fake-timers'
import { renderApp } from './support/render-app'

const EXPIRED: StoreVerdict = {
  status: 'expired',
  reason: 'The subscription ended.',
  deadline: null,
  deadlineKind: null,
  nextAction: { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 },
  daysLeft: null
}

function setUp(contactEmail: string | null) {
  const bridge = installFakeBridge([makeStore({ id: 7, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG', contactName: 'Lee', contactEmail })])
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
  bridge.verdicts.set(7, EXPIRED)
  return bridge
}

async function openMessage(user: ReturnType<typeof renderApp>['user']): Promise<HTMLElement> {
  const card = await screen.findByRole('region', { name: 'Checklist' })
  await user.click(await within(card).findByRole('button', { name: 'Message for the client' }))
  return screen.findByRole('dialog', { name: 'Message for the client' })
}

describe('message for the client', () => {
  it('shows the ready text with the country’s link, copies it, and writes the copy to the history', async () => {
    // “Copied” lasts COPIED_MS: on the fake clock, however long the test takes to look.
    installFakeTimers()
    const bridge = setUp('lee@acme.example')
    const { user } = renderApp('#/stores/7')
    const dialog = await openMessage(user)

    await waitFor(() => expect(bridge.lastInputTo('checklists:message')).toEqual({ storeId: 7, playbook: 'renew-and-reauthorize' }))
    expect(await within(dialog).findByTestId('message-subject')).toHaveTextContent('Acme Official: please renew Anchanto OM on Lazada Service Market')
    const body = within(dialog).getByTestId('message-body')
    expect(body).toHaveTextContent('Hello Lee,')
    expect(body).toHaveTextContent(READY_INTEGRATOR.serviceMarketLinks.SG)
    expect(body).toHaveTextContent('1. Log in to Lazada Seller Center')
    expect(dialog).toHaveTextContent('To: Lee <lee@acme.example>')
    expect(within(dialog).queryByTestId('message-warnings')).not.toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Copy text' }))
    const copied = await navigator.clipboard.readText()
    expect(copied.startsWith('Acme Official: please renew Anchanto OM')).toBe(true)
    expect(copied).toContain(READY_INTEGRATOR.serviceMarketLinks.SG)
    await waitFor(() => expect(bridge.lastInputTo('checklists:log-message')).toEqual({ storeId: 7, playbook: 'renew-and-reauthorize', action: 'copied' }))
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument()
    await advanceTimers(COPIED_MS)
    expect(within(dialog).getByRole('button', { name: 'Copy text' })).toBeInTheDocument()
  })

  it('offers the e-mail draft as a mailto: link and logs it', async () => {
    const bridge = setUp('lee@acme.example')
    const { user } = renderApp('#/stores/7')
    const dialog = await openMessage(user)

    const draft = await within(dialog).findByRole('link', { name: 'Open e-mail draft' })
    expect(draft.getAttribute('href')).toMatch(/^mailto:lee@acme\.example\?subject=Acme%20Official%3A%20please%20renew/)
    // jsdom cannot follow a mailto: link; the OS opens it in the app.
    draft.addEventListener('click', (e) => e.preventDefault())
    await user.click(draft)
    await waitFor(() => expect(bridge.lastInputTo('checklists:log-message')).toEqual({ storeId: 7, playbook: 'renew-and-reauthorize', action: 'emailed' }))
  })

  it('warns when the store has no contact e-mail, and offers no draft', async () => {
    setUp(null)
    const { user } = renderApp('#/stores/7')
    const dialog = await openMessage(user)

    expect(await within(dialog).findByTestId('message-warnings')).toHaveTextContent('This store has no contact e-mail')
    expect(dialog).toHaveTextContent('To: no contact e-mail on record')
    expect(within(dialog).queryByRole('link', { name: 'Open e-mail draft' })).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Copy text' })).toBeInTheDocument()
  })

  it('sends the message of the run’s playbook', async () => {
    const bridge = setUp('lee@acme.example')
    const { user } = renderApp('#/stores/7')
    const card = await screen.findByRole('region', { name: 'Checklist' })
    await user.click(await within(card).findByRole('radio', { name: /Connect a new store/ }))
    await user.click(within(card).getByRole('button', { name: 'Start checklist' }))
    await within(card).findByRole('list', { name: 'Steps' })
    const dialog = await openMessage(user)

    await waitFor(() => expect(bridge.lastInputTo('checklists:message')).toEqual({ storeId: 7, playbook: 'connect-new-store' }))
    expect(await within(dialog).findByTestId('message-subject')).toHaveTextContent('before we connect the store')
  })
})
