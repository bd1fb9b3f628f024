import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { installFakeBridge, READY_INTEGRATOR } from './support/fake-bridge'
import { fill, renderApp } from './support/render-app'

describe('settings', () => {
  it('shows the current settings', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, schedule: { checkIntervalMinutes: 30 } }
    renderApp('#/settings')

    expect(await screen.findByLabelText('Check every (minutes)')).toHaveValue('30')
    expect(screen.getByLabelText('Release date')).toHaveValue('1 Mar 2024')
    expect(screen.getByLabelText('Legacy grace (days)')).toHaveValue('30')
    expect(screen.getByLabelText('Reminder window (days)')).toHaveValue('14')
    const covered = screen.getByRole('region', { name: 'Status policy' })
    for (const name of ['Singapore (SG)', 'Malaysia (MY)', 'Thailand (TH)', 'Philippines (PH)', 'Vietnam (VN)', 'Indonesia (ID)']) {
      expect(within(covered).getAllByText(name).length).toBeGreaterThan(0)
    }
    const reminders = screen.getByRole('region', { name: 'Reminders' })
    const pills = within(reminders).getAllByText(/^\d+$/).map((p) => p.textContent)
    expect(pills).toEqual(['14', '7', '3', '1', '0'])
    expect(screen.getByRole('switch', { name: /Quiet hours/ })).not.toBeChecked()
    expect(screen.getByLabelText('Quiet from')).toBeDisabled()
  })

  it('says what is wrong and saves nothing', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/settings')

    const interval = await screen.findByLabelText('Check every (minutes)')
    await user.clear(interval)
    await user.type(interval, '2')
    const grace = screen.getByLabelText('Legacy grace (days)')
    await user.clear(grace)
    await user.type(grace, '400')
    const ladder = screen.getByRole('combobox', { name: 'Reminder days' })
    await user.type(ladder, 'soon{Enter}')
    await user.click(screen.getByRole('switch', { name: /Quiet hours/ }))
    await user.clear(screen.getByLabelText('Quiet until'))
    await user.type(screen.getByLabelText('Quiet until'), '20:00')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    expect(await screen.findByText('Check at most every 5 minutes')).toBeInTheDocument()
    expect(screen.getByText('Use a whole number of days from 0 to 365')).toBeInTheDocument()
    expect(screen.getByText('Reminders are whole numbers of days, such as 14, 7, 3, 1 and 0')).toBeInTheDocument()
    expect(screen.getByText('Quiet hours must end at another time than they start')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('4 settings need fixing')
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)
  })

  it('needs at least one covered country', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, policy: { ...DEFAULT_SETTINGS.policy, coveredCountries: [] } }
    const { user } = renderApp('#/settings')

    await user.click(await screen.findByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('At least one country is covered by the rule')).toBeInTheDocument()
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)
  })

  it('has one control for where the app is published, under Integrator, and saves it in the profile', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/settings')

    const policy = await screen.findByRole('region', { name: 'Status policy' })
    expect(within(policy).queryByText(/not published/i)).not.toBeInTheDocument()
    expect(screen.getAllByRole('group', { name: 'Published on Service Market in' })).toHaveLength(1)
    const published = within(screen.getByRole('region', { name: 'Integrator' })).getByRole('group', { name: 'Published on Service Market in' })
    expect(published).toHaveAccessibleDescription(/their stores read “App not published”, with no checklist, no Reauthorize and no reminders/)

    await user.click(within(published).getByRole('checkbox', { name: 'Thailand (TH)' }))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(bridge.lastInputTo('settings:save')?.integrator?.publishedCountries).toEqual(['SG', 'MY', 'PH', 'VN', 'ID']))
    expect(bridge.lastInputTo('settings:save')?.policy).toEqual(DEFAULT_SETTINGS.policy)
  })

  it('saves, and says the portfolio is being checked with the new settings', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/settings')

    const interval = await screen.findByLabelText('Check every (minutes)')
    await user.clear(interval)
    await user.type(interval, '30')
    const ladder = screen.getByRole('combobox', { name: 'Reminder days' })
    await user.type(ladder, '30{Enter}')
    await user.click(screen.getByRole('switch', { name: /Quiet hours/ }))
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    await waitFor(() =>
      expect(bridge.lastInputTo('settings:save')).toEqual({
        policy: DEFAULT_SETTINGS.policy,
        schedule: { checkIntervalMinutes: 30 },
        reminders: { ladderDays: [30, 14, 7, 3, 1, 0], quietHours: { enabled: true, start: '20:00', end: '08:00' } },
        // Saved with the rest: the integrator profile and You as they were.
        integrator: DEFAULT_SETTINGS.integrator,
        you: DEFAULT_SETTINGS.you
      })
    )
    expect(await screen.findByText('Saved — checking the portfolio with the new settings')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('Unsaved changes')).not.toBeInTheDocument())
  })

  it('shows main’s refusal on the field it names', async () => {
    const bridge = installFakeBridge()
    bridge.handle('settings:save', () => ({
      ok: false,
      error: { code: 'invalid-input', message: 'The settings were not saved', fields: [{ field: 'policy.releaseDate', message: 'That day does not exist' }] }
    }))
    const { user } = renderApp('#/settings')

    await user.click(await screen.findByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText('That day does not exist')).toBeInTheDocument()
    expect(screen.getByLabelText('Release date')).toHaveAttribute('aria-invalid', 'true')
  })

  it('resets to the defaults after confirmation, keeping the integrator profile', async () => {
    const bridge = installFakeBridge()
    bridge.settings = {
      ...DEFAULT_SETTINGS,
      schedule: { checkIntervalMinutes: 15 },
      reminders: { ...DEFAULT_SETTINGS.reminders, ladderDays: [3] },
      integrator: READY_INTEGRATOR
    }
    const { user } = renderApp('#/settings')

    await user.click(await screen.findByRole('button', { name: 'Reset to defaults' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reset every setting to its default?' })
    expect(dialog).toHaveTextContent('The integrator profile is kept.')
    await user.click(within(dialog).getByRole('button', { name: 'Reset to defaults' }))
    await waitFor(() =>
      expect(bridge.lastInputTo('settings:save')).toEqual({ policy: DEFAULT_SETTINGS.policy, schedule: DEFAULT_SETTINGS.schedule, reminders: DEFAULT_SETTINGS.reminders })
    )
    await waitFor(() => expect(screen.getByLabelText('Check every (minutes)')).toHaveValue('60'))
    expect(screen.getByLabelText('App key (client_id)')).toHaveValue(READY_INTEGRATOR.appKey)
  })
})

describe('settings → integrator', () => {
  function integrator(): HTMLElement {
    return screen.getByRole('region', { name: 'Integrator' })
  }

  it('shows the guide’s defaults and says what the features still need', async () => {
    installFakeBridge()
    renderApp('#/settings')

    const section = await screen.findByRole('region', { name: 'Integrator' })
    expect(within(section).getByLabelText(/^App name/)).toHaveValue('Anchanto OM')
    expect(within(section).getByLabelText(/^OMS name/)).toHaveValue('Anchanto OMS')
    expect(within(section).getByLabelText(/^Support contact/)).toHaveValue('help@anchanto.com')
    expect(within(section).getByLabelText('App key (client_id)')).toHaveValue('')
    const links = within(section).getByRole('group', { name: 'Free subscription links on Service Market' })
    for (const country of ['Singapore', 'Malaysia', 'Thailand', 'Philippines', 'Vietnam', 'Indonesia']) expect(within(links).getByLabelText(country)).toHaveValue('')
    const published = within(section).getByRole('group', { name: 'Published on Service Market in' })
    expect(within(published).getAllByRole('checkbox').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(6)
    const gaps = within(section).getByTestId('integrator-gaps')
    expect(gaps).toHaveTextContent('“Reauthorize” and authorization links need the app key and the registered callback URL.')
    expect(gaps).toHaveTextContent('no Service Market link for Singapore, Malaysia, Thailand, Philippines, Vietnam, Indonesia')
  })

  it('checks the profile with the shared schema and says what is wrong next to each field', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/settings')

    const section = await screen.findByRole('region', { name: 'Integrator' })
    await user.clear(within(section).getByLabelText(/^App name/))
    await user.type(within(section).getByLabelText('App key (client_id)'), 'abc-123')
    await fill(user, within(section).getByLabelText('Registered callback URL'), 'http://oms.example.com/callback')
    await fill(user, within(section).getByLabelText('Singapore'), 'https://marketplace.lazada.com.my/app')
    await fill(user, within(section).getByLabelText('Malaysia'), 'marketplace.lazada.com.my')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    expect(await within(section).findByText('App name is required')).toBeInTheDocument()
    expect(within(section).getByText('The app key is letters and digits only, as the App Console shows it')).toBeInTheDocument()
    expect(within(section).getByText('Use an https:// address (plain http:// only for a test server on 127.0.0.1)')).toBeInTheDocument()
    expect(within(section).getByText('Use the https link of the app on Lazada’s Singapore Service Market (marketplace.lazada.sg)')).toBeInTheDocument()
    expect(within(section).getByText('Not a web address: paste the whole link, starting with https://')).toBeInTheDocument()
    expect(within(section).getByLabelText('Singapore')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent('5 settings need fixing')
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)

    // Fixing a field clears its message.
    await fill(user, within(section).getByLabelText(/^App name/), 'Anchanto OM')
    expect(within(section).queryByText('App name is required')).not.toBeInTheDocument()
  })

  it('saves the profile with the rest of the settings', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS }
    const { user } = renderApp('#/settings')

    const section = await screen.findByRole('region', { name: 'Integrator' })
    await user.type(within(section).getByLabelText('App key (client_id)'), '100234')
    await fill(user, within(section).getByLabelText('Registered callback URL'), ' https://oms.anchanto.example/lazada/callback ')
    await fill(user, within(section).getByLabelText('Singapore'), READY_INTEGRATOR.serviceMarketLinks.SG)
    await user.click(within(section).getByRole('checkbox', { name: 'Vietnam (VN)' }))
    await user.click(screen.getByRole('button', { name: 'Save settings' }))

    await waitFor(() =>
      expect(bridge.lastInputTo('settings:save')?.integrator).toEqual({
        ...DEFAULT_SETTINGS.integrator,
        appKey: '100234',
        callbackUrl: 'https://oms.anchanto.example/lazada/callback',
        serviceMarketLinks: { ...DEFAULT_SETTINGS.integrator!.serviceMarketLinks, SG: READY_INTEGRATOR.serviceMarketLinks.SG },
        publishedCountries: ['SG', 'MY', 'TH', 'PH', 'ID']
      })
    )
    expect(await screen.findByText('Saved — checking the portfolio with the new settings')).toBeInTheDocument()
    expect(within(integrator()).getByTestId('integrator-gaps')).not.toHaveTextContent('app key')
    expect(within(integrator()).getByTestId('integrator-gaps')).not.toHaveTextContent('Vietnam')
  })

  it('opens on the integrator section from a “set it in Settings” link', async () => {
    installFakeBridge()
    const scrolled: Element[] = []
    const original = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
      scrolled.push(this)
    }
    try {
      renderApp('#/settings?section=integrator')
      const section = await screen.findByRole('region', { name: 'Integrator' })
      await waitFor(() => expect(scrolled).toContain(section))
    } finally {
      Element.prototype.scrollIntoView = original
    }
  })
})
