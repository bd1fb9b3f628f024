/**
 * Settings → Lazada connection: the app secret (saved, never shown again; consent on a computer
 * without a keyring; cleared; unreadable), Test connection, what else is missing, the in-app
 * exchange setting and the call rate, saved in the integrator profile, and Lazada's hosts, shown
 * read-only (lazada-hosts.test.tsx has the start-up option's).
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { installFakeBridge, READY_INTEGRATOR, TEST_NOW } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const SECRET = 'Zk3x9Qw2Lm8Rt5Yv'

function section(): HTMLElement {
  return screen.getByRole('region', { name: 'Lazada connection' })
}

async function openSettings(bridge: FakeBridge) {
  const view = renderApp('#/settings')
  await screen.findByRole('region', { name: 'Lazada connection' })
  await waitFor(() => expect(within(section()).getByTestId('secret-state')).toBeInTheDocument())
  expect(bridge.inputsTo('credentials:get').length).toBeGreaterThan(0)
  return view
}

/** A profile Lazada checks can use: app key and article code set. */
function readyForChecks(bridge: FakeBridge): void {
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: { ...READY_INTEGRATOR, articleCode: 'FW_GOODS-1000000281' } }
}

describe('Settings → Lazada connection: the app secret', () => {
  it('saves the secret once, never shows it again, and says it is set', async () => {
    const bridge = installFakeBridge()
    readyForChecks(bridge)
    const { user } = await openSettings(bridge)

    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Not set')
    expect(within(section()).getByTestId('remote-checks')).toHaveTextContent('Checks don’t ask Lazada')
    const field = within(section()).getByLabelText('App secret')
    expect(field).toHaveAttribute('type', 'password')
    expect(field).toHaveValue('')

    await user.type(field, SECRET)
    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))

    await waitFor(() => expect(bridge.inputsTo('credentials:save-secret')).toEqual([{ secret: SECRET, allowUnprotected: false }]))
    expect(await screen.findByText('App secret saved')).toBeInTheDocument()
    await waitFor(() => expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Set'))
    expect(within(section()).getByLabelText('App secret')).toHaveValue('')
    expect(within(section()).getByTestId('secret-message')).toHaveTextContent('The app secret is saved, encrypted with the desktop keyring (libsecret).')
    expect(within(section()).getByTestId('remote-checks')).toHaveTextContent('Checks ask Lazada')
    // The secret is nowhere on the page, nor in anything main was asked for besides the save.
    expect(document.body.innerHTML).not.toContain(SECRET)
    // Not the settings form's business.
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)
  })

  it('saves with Enter in the secret field, without submitting the settings form', async () => {
    const bridge = installFakeBridge()
    const { user } = await openSettings(bridge)

    await user.type(within(section()).getByLabelText('App secret'), `${SECRET}{Enter}`)
    await waitFor(() => expect(bridge.savedSecrets).toEqual([SECRET]))
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)
  })

  it('shows main’s refusal of a malformed secret on the field', async () => {
    const bridge = installFakeBridge()
    const { user } = await openSettings(bridge)

    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))
    expect(await within(section()).findByText('Paste the App Secret from Lazada’s App Console')).toBeInTheDocument()
    expect(bridge.inputsTo('credentials:save-secret')).toHaveLength(0)

    await user.type(within(section()).getByLabelText('App secret'), 'short')
    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))
    expect(await within(section()).findByText(/8 to 128 letters, digits or symbols/)).toBeInTheDocument()
    expect(within(section()).getByLabelText('App secret')).toHaveAttribute('aria-invalid', 'true')
    expect(bridge.savedSecrets).toEqual([])
  })

  it('on a computer without a keyring, keeps the secret only after the KAM’s explicit consent', async () => {
    const bridge = installFakeBridge()
    bridge.protection = 'basic_text'
    const { user } = await openSettings(bridge)

    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Waiting for your consent')
    expect(within(section()).getByTestId('secret-protection')).toHaveTextContent('would NOT be protected')

    await user.type(within(section()).getByLabelText('App secret'), SECRET)
    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))

    const dialog = await screen.findByRole('dialog', { name: 'Keep the app secret without protection?' })
    expect(bridge.inputsTo('credentials:save-secret')).toEqual([{ secret: SECRET, allowUnprotected: false }])
    expect(bridge.savedSecrets).toEqual([])
    expect(dialog).toHaveTextContent('The secret will NOT be protected on this computer.')
    const save = within(dialog).getByRole('button', { name: 'Save without protection' })
    expect(save).toBeDisabled()

    await user.click(within(dialog).getByRole('checkbox', { name: 'I understand: the app secret will NOT be protected on this computer' }))
    expect(save).toBeEnabled()
    await user.click(save)

    await waitFor(() => expect(bridge.lastInputTo('credentials:save-secret')).toEqual({ secret: SECRET, allowUnprotected: true }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keep the app secret without protection?' })).not.toBeInTheDocument())
    expect(bridge.savedSecrets).toEqual([SECRET])
    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Set')
    expect(within(section()).getByTestId('secret-message')).toHaveTextContent('saved WITHOUT protection (basic_text), as you agreed on 2026-11-27')
  })

  it('saves nothing when the KAM declines to keep the secret unprotected', async () => {
    const bridge = installFakeBridge()
    bridge.protection = 'basic_text'
    const { user } = await openSettings(bridge)

    await user.type(within(section()).getByLabelText('App secret'), SECRET)
    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))
    const dialog = await screen.findByRole('dialog', { name: 'Keep the app secret without protection?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keep the app secret without protection?' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('credentials:save-secret')).toHaveLength(1)
    expect(bridge.savedSecrets).toEqual([])
    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Waiting for your consent')
  })

  it('cannot keep a secret where the system offers no encryption', async () => {
    const bridge = installFakeBridge()
    bridge.protection = 'none'
    await openSettings(bridge)

    expect(within(section()).getByLabelText('App secret')).toBeDisabled()
    expect(within(section()).getByRole('button', { name: 'Save secret' })).toBeDisabled()
    expect(within(section()).getByTestId('secret-protection')).toHaveTextContent('This computer offers no encryption Storewatch can use')
  })

  it('clears the secret after confirmation, and not when the KAM cancels', async () => {
    const bridge = installFakeBridge()
    readyForChecks(bridge)
    bridge.secretState = 'set'
    const { user } = await openSettings(bridge)
    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Set')
    expect(within(section()).getByLabelText('App secret')).toHaveValue('')

    await user.click(within(section()).getByRole('button', { name: 'Clear secret' }))
    let dialog = await screen.findByRole('dialog', { name: 'Clear the app secret?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Clear the app secret?' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('credentials:clear-secret')).toHaveLength(0)

    await user.click(within(section()).getByRole('button', { name: 'Clear secret' }))
    dialog = await screen.findByRole('dialog', { name: 'Clear the app secret?' })
    expect(dialog).toHaveTextContent('Scheduled checks stop asking Lazada')
    await user.click(within(dialog).getByRole('button', { name: 'Clear secret' }))

    await waitFor(() => expect(bridge.inputsTo('credentials:clear-secret')).toHaveLength(1))
    await waitFor(() => expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Not set'))
    expect(within(section()).queryByRole('button', { name: 'Clear secret' })).not.toBeInTheDocument()
    expect(within(section()).getByTestId('remote-checks')).toHaveTextContent('Checks don’t ask Lazada')
  })

  it('asks for the secret again when it can no longer be decrypted', async () => {
    const bridge = installFakeBridge()
    bridge.secretState = 'unreadable'
    const { user } = await openSettings(bridge)

    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Unreadable — enter it again')
    expect(within(section()).getByTestId('secret-message')).toHaveTextContent('can no longer be decrypted on this computer')
    const field = within(section()).getByLabelText('App secret')
    expect(field).toHaveAttribute('placeholder', 'Enter the app secret again')
    expect(within(section()).getByRole('button', { name: 'Test connection' })).toBeDisabled()

    await user.type(field, SECRET)
    await user.click(within(section()).getByRole('button', { name: 'Save secret' }))
    await waitFor(() => expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Set'))
  })

  it('follows main when the secret changes elsewhere', async () => {
    const bridge = installFakeBridge()
    await openSettings(bridge)
    expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Not set')

    bridge.secretState = 'unreadable'
    act(() => bridge.emit('credentials:changed', bridge.credentials()))
    await waitFor(() => expect(within(section()).getByTestId('secret-state')).toHaveTextContent('Unreadable — enter it again'))
  })
})

describe('Settings → Lazada connection: test, what is missing, the exchange', () => {
  it('tests the connection for a typed short code and shows the sentence and time', async () => {
    const bridge = installFakeBridge()
    readyForChecks(bridge)
    bridge.secretState = 'set'
    const { user } = await openSettings(bridge)

    await user.type(within(section()).getByLabelText('Seller short code'), 'SG10001')
    await user.click(within(section()).getByRole('button', { name: 'Test connection' }))
    expect(await within(section()).findByText('Pick the country of this short code')).toBeInTheDocument()
    expect(bridge.inputsTo('credentials:test')).toHaveLength(0)

    await user.click(within(section()).getByRole('combobox', { name: 'Country' }))
    await user.click(await screen.findByRole('option', { name: 'Singapore (SG)' }))
    await user.click(within(section()).getByRole('button', { name: 'Test connection' }))

    await waitFor(() => expect(bridge.inputsTo('credentials:test')).toEqual([{ country: 'SG', shortCode: 'SG10001' }]))
    const result = await within(section()).findByTestId('connection-test')
    expect(result).toHaveTextContent('Connected: Lazada accepted the app key and secret and answered for SG10001')
    expect(result).toHaveTextContent('Tested 27 Nov 2026, 08:00')
  })

  it('tests with the first store’s short code when none is typed, and says what failed', async () => {
    const bridge = installFakeBridge()
    readyForChecks(bridge)
    bridge.secretState = 'set'
    bridge.testAnswer = { ok: false, message: 'Not connected: Lazada refused the signature: check the app secret.', cause: 'incomplete-signature' }
    const { user } = await openSettings(bridge)

    await user.click(within(section()).getByRole('button', { name: 'Test connection' }))
    await waitFor(() => expect(bridge.inputsTo('credentials:test')).toEqual([{}]))
    expect(await within(section()).findByTestId('connection-test')).toHaveTextContent('Not connected: Lazada refused the signature: check the app secret.')
  })

  it('refuses a short code Lazada would not know, before asking', async () => {
    const bridge = installFakeBridge()
    bridge.secretState = 'set'
    const { user } = await openSettings(bridge)

    await user.type(within(section()).getByLabelText('Seller short code'), 'SG 10001')
    await user.click(within(section()).getByRole('button', { name: 'Test connection' }))
    expect(await within(section()).findByText('Use the seller short code as Seller Center shows it, e.g. SG10001')).toBeInTheDocument()
    expect(bridge.inputsTo('credentials:test')).toHaveLength(0)
  })

  it('shows the last test main remembers', async () => {
    const bridge = installFakeBridge()
    bridge.secretState = 'set'
    bridge.lastTest = { ok: true, at: TEST_NOW - 3_600_000, message: 'Connected: Lazada answered for SG10001.', cause: null }
    await openSettings(bridge)
    expect(within(section()).getByTestId('connection-test')).toHaveTextContent('Connected: Lazada answered for SG10001.')
    expect(within(section()).getByTestId('connection-test')).toHaveTextContent('Tested 27 Nov 2026, 07:00')
  })

  it('names what else Lazada checks need and leads to each field', async () => {
    const bridge = installFakeBridge()
    const { user } = await openSettings(bridge)

    const missing = within(section()).getByTestId('lazada-missing')
    expect(missing).toHaveTextContent('the app key (client_id)')
    expect(missing).toHaveTextContent('the Service Market article code')
    await user.click(within(missing).getByRole('button', { name: 'Set the article code' }))
    expect(screen.getByLabelText('Service Market article code')).toHaveFocus()

    // Pasted into the focused field: the value is the point here, not a whole-page render per keystroke.
    await user.paste('FW_GOODS-1000000281')
    await user.click(within(missing).getByRole('button', { name: 'Set the app key' }))
    expect(screen.getByLabelText('App key (client_id)')).toHaveFocus()
    expect(missing).not.toHaveTextContent('the Service Market article code')

    await user.paste('100234')
    expect(screen.getByLabelText('App key (client_id)')).toHaveValue('100234')
    expect(within(section()).getByTestId('lazada-missing')).toHaveTextContent('Save the settings')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(within(section()).queryByTestId('lazada-missing')).not.toBeInTheDocument())
    // After a save, main's view of what is missing is asked again.
    expect(bridge.inputsTo('credentials:get').length).toBeGreaterThanOrEqual(2)
  })

  it('saves “Exchange the code in Storewatch” in the integrator profile, off by default', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
    const { user } = await openSettings(bridge)

    const toggle = within(section()).getByRole('switch', { name: 'Exchange the code in Storewatch' })
    expect(toggle).not.toBeChecked()
    await user.click(toggle)
    expect(within(section()).getByText('Needs the app secret: without it, “Reauthorize” cannot exchange the code.')).toBeInTheDocument()
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    await waitFor(() => expect(bridge.lastInputTo('settings:save')?.integrator).toEqual({ ...READY_INTEGRATOR, exchangeCodeInApp: true }))
    await waitFor(() => expect(within(section()).getByRole('switch', { name: 'Exchange the code in Storewatch' })).toBeChecked())

    await user.click(within(section()).getByRole('switch', { name: 'Exchange the code in Storewatch' }))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(bridge.lastInputTo('settings:save')?.integrator?.exchangeCodeInApp).toBe(false))
  })

  it('keeps Lazada’s own API hosts folded away, and shows them read-only: no field edits them', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
    const { user } = await openSettings(bridge)

    const toggle = within(section()).getByRole('button', { name: 'API hosts and call rate' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(within(section()).getByTestId('api-hosts-summary')).toHaveTextContent('Lazada’s own hosts · 10 calls/s per API')
    await user.click(toggle)
    const hosts = await within(section()).findByRole('table', { name: 'Lazada hosts in use' })
    expect(within(hosts).getByRole('row', { name: /Authorization page/ })).toHaveTextContent('https://auth.lazada.com/oauth/authorize')
    expect(within(hosts).getByRole('row', { name: /Tokens \(every country\)/ })).toHaveTextContent('https://auth.lazada.com/rest')
    expect(within(hosts).getByRole('row', { name: /Singapore gateway/ })).toHaveTextContent('https://api.lazada.sg/rest')
    expect(within(hosts).queryByText('replaced')).not.toBeInTheDocument()
    expect(within(section()).queryByRole('textbox', { name: /gateway|Tokens/ })).not.toBeInTheDocument()
    expect(section()).toHaveTextContent('starts Storewatch with --lazada-hosts=… (see the README)')
  })

  it('saves the calls per second the integrator’s app may make, and refuses one Lazada would ban', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
    const { user } = await openSettings(bridge)

    await user.click(within(section()).getByRole('button', { name: 'API hosts and call rate' }))
    const rate = await within(section()).findByRole('textbox', { name: 'Calls per second, per API' })
    expect(rate).toHaveValue('10')
    await user.clear(rate)
    await user.type(rate, '500')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await within(section()).findByText('Use a whole number of calls per second from 1 to 100')).toBeInTheDocument()
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)

    await user.clear(rate)
    await user.type(rate, '20')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(bridge.lastInputTo('settings:save')?.integrator?.apiCallsPerSecond).toBe(20))
    await waitFor(() => expect(within(section()).getByTestId('api-hosts-summary')).toHaveTextContent('Lazada’s own hosts · 20 calls/s per API'))
  })

  it('opens on the Lazada connection from a link', async () => {
    installFakeBridge()
    renderApp('#/settings?section=lazada')
    expect(await screen.findByRole('region', { name: 'Lazada connection' })).toBeInTheDocument()
  })
})
