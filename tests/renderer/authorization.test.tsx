import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StoreVerdict } from '../../electron/shared/portfolio'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import type { FakeBridge } from './support/fake-bridge'
import { installFakeBridge, makeStore, READY_INTEGRATOR } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const NEEDS_AUTHORIZATION: StoreVerdict = {
  status: 'needs-authorization',
  reason: 'The subscription is on record, but the seller has not authorized the app for it.',
  deadline: null,
  deadlineKind: null,
  nextAction: { label: 'Have the seller authorize the app', playbook: 'renew-and-reauthorize', step: 6 },
  daysLeft: null
}

function setUp(options: { ready?: boolean } = {}): FakeBridge {
  const bridge = installFakeBridge([makeStore({ id: 7, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG' })])
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: options.ready === false ? DEFAULT_SETTINGS.integrator : READY_INTEGRATOR }
  bridge.verdicts.set(7, NEEDS_AUTHORIZATION)
  // The fake's attempts run on the real clock, so the page counts them as live.
  bridge.now = Date.now()
  return bridge
}

function authorizationsCard(): HTMLElement {
  return screen.getByRole('region', { name: 'Authorizations' })
}

async function reauthorize(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  const card = await screen.findByRole('region', { name: 'Authorizations' })
  await user.click(await within(card).findByRole('button', { name: 'Reauthorize' }))
}

describe('reauthorize', () => {
  it('waits for the seller, shows the result banner, and marks the store reconnected from it', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await reauthorize(user)

    await waitFor(() => expect(bridge.lastInputTo('authorizations:open-window')).toEqual({ storeId: 7 }))
    const waiting = await screen.findByRole('region', { name: 'Lazada authorization' })
    expect(waiting).toHaveTextContent('Waiting for the seller to authorize in the Lazada window…')
    expect(within(authorizationsCard()).getByRole('button', { name: 'Reauthorize' })).toBeDisabled()
    expect(within(authorizationsCard()).getByRole('table', { name: 'Authorization attempts' })).toHaveTextContent('Waiting for the seller')

    // The seller authorizes; main captures the callback and says so.
    const attemptId = bridge.allAttempts()[0]!.id
    bridge.captureWindow(attemptId)

    const banner = await within(await screen.findByRole('region', { name: 'Lazada authorization' })).findByText(
      'Authorized — now reconnect the store in Anchanto OMS'
    )
    const region = banner.closest('section')!
    expect(region).toHaveTextContent('The seller authorized in Storewatch’s Lazada window')
    // One "Mark reconnected" on the page: the banner's.
    expect(screen.getAllByRole('button', { name: 'Mark reconnected' })).toHaveLength(1)
    expect(within(authorizationsCard()).getByRole('table', { name: 'Authorization attempts' })).toHaveTextContent('Authorized')
    expect(within(authorizationsCard()).getByRole('table', { name: 'Authorizations' })).toHaveTextContent('In Storewatch’s Lazada window')

    await user.click(within(region).getByRole('button', { name: 'Mark reconnected' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:mark-reconnected')).toEqual({ storeId: 7 }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lazada authorization' })).not.toBeInTheDocument())
    expect(await screen.findByText('Marked reconnected')).toBeInTheDocument()
  })

  it('ticks the checklist’s authorization step when the window captures it', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    const card = await screen.findByRole('region', { name: 'Checklist' })
    await user.click(await within(card).findByRole('button', { name: 'Start checklist' }))
    const authorizeStep = await within(card).findByRole('listitem', { name: 'Step 6: Authorize on Lazada Open Platform' })
    expect(authorizeStep).toHaveAttribute('aria-current', 'step')

    await user.click(within(authorizeStep).getByRole('button', { name: 'Reauthorize' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:open-window')).toEqual({ storeId: 7 }))
    bridge.captureWindow(bridge.allAttempts()[0]!.id)

    const ticked = await within(within(card).getByRole('listitem', { name: /^Step 6/ })).findByTestId('step-ticked')
    expect(ticked).toHaveTextContent('Ticked by Storewatch: authorization captured')
    expect(within(card).getByRole('listitem', { name: /^Step 7/ })).toHaveTextContent('Mark the store reconnected')
  })

  it('says so when the seller closes the window, and can be dismissed', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await reauthorize(user)
    await screen.findByText('Waiting for the seller to authorize in the Lazada window…')

    bridge.abandonWindow(bridge.allAttempts()[0]!.id)
    const region = await screen.findByRole('region', { name: 'Lazada authorization' })
    expect(await within(region).findByText('The Lazada window was closed before the seller authorized')).toBeInTheDocument()
    expect(region).toHaveTextContent('Nothing changed.')
    expect(bridge.authorizations.get(7)).toBeUndefined()

    await user.click(within(region).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('region', { name: 'Lazada authorization' })).not.toBeInTheDocument()
  })

  it('closes the window when the KAM cancels, without a failure banner', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await reauthorize(user)
    const region = await screen.findByRole('region', { name: 'Lazada authorization' })
    const attemptId = bridge.allAttempts()[0]!.id

    await user.click(await within(region).findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:cancel-attempt')).toEqual({ attemptId }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lazada authorization' })).not.toBeInTheDocument())
    expect(within(authorizationsCard()).getByRole('table', { name: 'Authorization attempts' })).toHaveTextContent('Closed before the seller finished')
  })

  it('says what to set up instead of offering Reauthorize when the profile lacks the app key and callback', async () => {
    setUp({ ready: false })
    renderApp('#/stores/7')

    const blocked = await within(await screen.findByRole('region', { name: 'Authorizations' })).findByTestId('authorize-blocked')
    expect(blocked).toHaveTextContent('To open Lazada’s authorization page, set the app key and the registered callback URL in Settings → Integrator.')
    expect(within(blocked).getByRole('link', { name: 'Open Settings → Integrator' })).toHaveAttribute('href', '#/settings?section=integrator')
    expect(screen.queryByRole('button', { name: 'Reauthorize' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Send the link instead' })).not.toBeInTheDocument()
  })

  it('passes on main’s answer when no window can open here', async () => {
    const bridge = setUp()
    bridge.authWindowAvailable = false
    const { user } = renderApp('#/stores/7')
    await reauthorize(user)

    expect(await within(authorizationsCard()).findByText('Storewatch cannot open the authorization window here: use “Send the link instead”.')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Lazada authorization' })).not.toBeInTheDocument()
  })

  it('tells the KAM on another page, with the way to the store', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await reauthorize(user)
    await screen.findByText('Waiting for the seller to authorize in the Lazada window…')
    window.location.hash = '#/notifications'
    await screen.findByRole('heading', { name: 'Notifications' })

    bridge.captureWindow(bridge.allAttempts()[0]!.id)
    expect(await screen.findByText('Authorized — now reconnect the store in Anchanto OMS')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Open the store' }))
    expect(await screen.findByRole('region', { name: 'Lazada authorization' })).toHaveTextContent('Authorized — now reconnect the store in Anchanto OMS')
    expect(window.location.hash).toBe('#/stores/7')
  })
})

describe('send the link instead', () => {
  it('shows the link to copy, explains the store waits for a confirmation, and records it when the KAM confirms', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await user.click(await within(await screen.findByRole('region', { name: 'Authorizations' })).findByRole('button', { name: 'Send the link instead' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:create-link')).toEqual({ storeId: 7 }))

    const dialog = await screen.findByRole('dialog', { name: 'Authorization link for the seller' })
    const url = within(dialog).getByTestId('authorization-link').textContent!
    expect(url).toMatch(/^https:\/\/auth\.lazada\.com\/oauth\/authorize\?/)
    expect(dialog).toHaveTextContent('the store stays “Needs authorization” until you confirm here')
    expect(dialog).toHaveTextContent('It works once')
    await user.click(within(dialog).getByRole('button', { name: 'Copy the authorization link' }))
    expect(await navigator.clipboard.readText()).toBe(url)

    const attemptId = bridge.allAttempts()[0]!.id
    await user.click(within(dialog).getByRole('button', { name: 'The seller has authorized' }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:confirm-link')).toEqual({ storeId: 7, attemptId }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Authorization link for the seller' })).not.toBeInTheDocument())
    const region = await screen.findByRole('region', { name: 'Lazada authorization' })
    expect(region).toHaveTextContent('Authorized — now reconnect the store in Anchanto OMS')
    expect(region).toHaveTextContent('You confirmed that the seller authorized with the link')
  })

  it('lets the KAM confirm or withdraw a pending link later from the attempts', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await user.click(await within(await screen.findByRole('region', { name: 'Authorizations' })).findByRole('button', { name: 'Send the link instead' }))
    const dialog = await screen.findByRole('dialog', { name: 'Authorization link for the seller' })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    const attempt = bridge.allAttempts()[0]!

    const attempts = within(authorizationsCard()).getByRole('table', { name: 'Authorization attempts' })
    expect(attempts).toHaveTextContent('Link for the seller')
    await user.click(within(attempts).getByRole('button', { name: /^Withdraw the link of/ }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:cancel-attempt')).toEqual({ attemptId: attempt.id }))
    expect(await within(attempts).findByText('Withdrawn by the KAM')).toBeInTheDocument()
    expect(within(attempts).queryByRole('button', { name: /^Confirm the link/ })).not.toBeInTheDocument()

    // A second link, confirmed from its row once the seller says it worked.
    await user.click(within(authorizationsCard()).getByRole('button', { name: 'Send the link instead' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Authorization link for the seller' })).getByRole('button', { name: 'Close' }))
    const second = bridge.allAttempts().find((a) => a.outcome === 'pending')!
    await user.click(await within(attempts).findByRole('button', { name: /^Confirm the link of .*: the seller authorized$/ }))
    await waitFor(() => expect(bridge.lastInputTo('authorizations:confirm-link')).toEqual({ storeId: 7, attemptId: second.id }))
    expect(await screen.findByRole('region', { name: 'Lazada authorization' })).toHaveTextContent('Authorized — now reconnect the store in Anchanto OMS')
  })
})
