import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { installFakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

describe('settings', () => {
  it('shows the current settings', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, schedule: { checkIntervalMinutes: 30 } }
    renderApp('#/settings')

    expect(await screen.findByLabelText('Check every (minutes)')).toHaveValue('30')
    expect(screen.getByLabelText('Release date')).toHaveValue('2024-03-01')
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

  it('needs at least one covered country, and not-published countries among them', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, policy: { ...DEFAULT_SETTINGS.policy, coveredCountries: ['SG'], notPublishedCountries: ['VN'] } }
    const { user } = renderApp('#/settings')

    await user.click(await screen.findByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText(/Only covered countries can be “not published”: VN/)).toBeInTheDocument()
    expect(bridge.inputsTo('settings:save')).toHaveLength(0)
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
        reminders: { ladderDays: [30, 14, 7, 3, 1, 0], quietHours: { enabled: true, start: '20:00', end: '08:00' } }
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

  it('resets to the defaults after confirmation', async () => {
    const bridge = installFakeBridge()
    bridge.settings = { ...DEFAULT_SETTINGS, schedule: { checkIntervalMinutes: 15 }, reminders: { ...DEFAULT_SETTINGS.reminders, ladderDays: [3] } }
    const { user } = renderApp('#/settings')

    await user.click(await screen.findByRole('button', { name: 'Reset to defaults' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reset every setting to its default?' })
    await user.click(within(dialog).getByRole('button', { name: 'Reset to defaults' }))
    await waitFor(() => expect(bridge.lastInputTo('settings:save')).toEqual(DEFAULT_SETTINGS))
    await waitFor(() => expect(screen.getByLabelText('Check every (minutes)')).toHaveValue('60'))
  })
})
