import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '../../electron/shared/monitoring'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { emptyExpiryWeeks, installFakeBridge, makeStore, makeWorklistItem, tiersOf } from './support/fake-bridge'
import { fill, renderApp } from './support/render-app'
import { urgencyPhrase } from '../../renderer/src/components/dashboard/Worklist'

const DAY = 86_400_000
const NOW = Date.parse('2026-11-27T02:00:00Z')

function counts(expiring: number, healthy: number): Dashboard['counts'] {
  return { expired: 0, 'needs-subscription': 0, 'needs-authorization': 0, 'needs-reconnect': 0, expiring, 'legacy-grace': 0, unknown: 0, 'app-not-published': 0, healthy, 'out-of-scope': 0 }
}

function board(overrides: Partial<Dashboard>): Dashboard {
  const worklist = overrides.worklist ?? []
  return {
    scope: 'all',
    kamName: 'Ana Lim',
    myOwnerNames: ['Ana Lim', 'ana lim'],
    counts: counts(worklist.length, 5),
    needsAction: worklist.length,
    archived: 0,
    tiers: tiersOf(worklist),
    worklist,
    expiryWeeks: emptyExpiryWeeks(),
    lastRun: null,
    nextCheckAt: null,
    ...overrides
  }
}

const ana = makeWorklistItem({ storeId: 1, clientName: 'Ana Client', ownerKam: 'Ana Lim', deadline: NOW + DAY, daysLeft: 1 })
const ben = makeWorklistItem({ storeId: 2, clientName: 'Ben Client', ownerKam: 'Ben Tan', deadline: NOW + 3 * DAY, daysLeft: 3 })

function rowNames(): (string | null)[] {
  return within(screen.getByRole('grid', { name: 'Needs action' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label'))
}

describe('All stores / My stores', () => {
  it('narrows the dashboard to the KAM’s own stores and back, remembered in main', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = board({ worklist: [ana, ben] })
    bridge.myDashboard = board({ worklist: [ana], counts: counts(1, 2) })
    const { user } = renderApp('#/')

    await screen.findByRole('grid', { name: 'Needs action' })
    expect(rowNames()).toEqual(['Ana Client — Acme Official (SG)', 'Ben Client — Acme Official (SG)'])
    expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('7 stores · 2 need action')

    await user.click(screen.getByRole('radio', { name: 'My stores' }))
    await waitFor(() => expect(screen.getByTestId('dashboard-summary')).toHaveTextContent('Your 3 stores · 1 need action'))
    expect(bridge.inputsTo('dashboard:set-scope')).toEqual([{ scope: 'mine' }])
    expect(rowNames()).toEqual(['Ana Client — Acme Official (SG)'])
    expect(screen.getByRole('radio', { name: 'My stores' })).toBeChecked()
    // A count card opens the portfolio on the stores it counted: that status, the KAM's owner names.
    expect(screen.getByRole('link', { name: '1 Expiring' })).toHaveAttribute('href', '#/portfolio?status=expiring&owner=Ana+Lim&owner=ana+lim')

    await user.click(screen.getByRole('radio', { name: 'All stores' }))
    await waitFor(() => expect(rowNames()).toHaveLength(2))
    expect(bridge.inputsTo('dashboard:set-scope')).toEqual([{ scope: 'mine' }, { scope: 'all' }])
  })

  it('opens on the scope main remembered', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = board({ worklist: [ana, ben] })
    bridge.myDashboard = board({ worklist: [ana] })
    bridge.dashboardScope = 'mine'
    renderApp('#/')
    await screen.findByRole('grid', { name: 'Needs action' })
    expect(screen.getByRole('radio', { name: 'My stores' })).toBeChecked()
    expect(rowNames()).toEqual(['Ana Client — Acme Official (SG)'])
  })

  it('cannot narrow before the KAM gives a name, and says where to give it', async () => {
    const bridge = installFakeBridge()
    bridge.dashboard = board({ worklist: [ana, ben], kamName: '', myOwnerNames: [] })
    const { user } = renderApp('#/')
    await screen.findByRole('grid', { name: 'Needs action' })
    expect(screen.getByRole('radio', { name: 'My stores' })).toBeDisabled()
    await user.click(screen.getByRole('link', { name: 'Give your name as owner' }))
    await waitFor(() => expect(window.location.hash).toBe('#/settings?section=you'))
    expect(await screen.findByLabelText('Your name as owner')).toBeInTheDocument()
  })
})

describe('the 90-day grid’s counts', () => {
  it('open the portfolio on exactly the stores a cell counted, the filter shown and clearable', async () => {
    const bridge = installFakeBridge([makeStore({ id: 4, clientName: 'Four', country: 'ID' }), makeStore({ id: 9, clientName: 'Nine', country: 'ID' }), makeStore({ id: 5, clientName: 'Other' })])
    const weeks = emptyExpiryWeeks()
    weeks[3] = { ...weeks[3]!, byCountry: { ID: 2 }, total: 2 }
    bridge.dashboard = board({ worklist: [ana], expiryWeeks: weeks })
    bridge.expiryStoreIds = [9, 4]
    const { user } = renderApp('#/')

    const cell = await screen.findByRole('button', { name: 'Indonesia, week of 14 Dec 2026: 2 subscriptions. Open these stores' })
    cell.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/portfolio\?ids=9%2C4&about=/))
    expect(bridge.lastInputTo('dashboard:expiry-stores')).toEqual({ from: weeks[3]!.from, to: weeks[3]!.to, country: 'ID' })
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([9, 4]))
    const chip = await screen.findByTestId('reminder-chip')
    expect(chip).toHaveTextContent('Showing the 2 stores: subscriptions ending the week of 14 Dec 2026 in Indonesia')
    await waitFor(() => expect(screen.getByTestId('portfolio-count')).toHaveTextContent('Showing 2 of 3 stores'))

    await user.click(within(chip).getByRole('button', { name: 'Show all stores' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([]))
  })

  it('open a week’s stores across countries from the totals row', async () => {
    const bridge = installFakeBridge([makeStore({ id: 4 })])
    const weeks = emptyExpiryWeeks()
    weeks[1] = { ...weeks[1]!, byCountry: { SG: 1, MY: 2 }, total: 3 }
    bridge.dashboard = board({ worklist: [ana], expiryWeeks: weeks })
    bridge.expiryStoreIds = [4]
    const { user } = renderApp('#/')
    await user.click(await screen.findByRole('button', { name: 'Week of 30 Nov 2026, every country: 3 subscriptions. Open these stores' }))
    await waitFor(() => expect(bridge.lastInputTo('dashboard:expiry-stores')).toEqual({ from: weeks[1]!.from, to: weeks[1]!.to, country: null }))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/portfolio\?ids=4&/))
  })
})

describe('Settings → You', () => {
  it('keeps the KAM’s name as owner and whether only their stores remind', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/settings?section=you')
    const name = await screen.findByLabelText('Your name as owner')
    const remind = screen.getByLabelText(/^Remind me only about my stores/)
    expect(remind).toBeDisabled()
    await fill(user, name, '  Ana Lim ')
    expect(remind).toBeEnabled()
    await user.click(remind)
    await user.click(screen.getByText('Save settings').closest('button')!)
    await waitFor(() => expect(bridge.lastInputTo('settings:save')?.you).toEqual({ name: 'Ana Lim', remindersFor: 'mine' }))
  })
})

describe('the Add store form', () => {
  it('makes the KAM the owner of a new store', async () => {
    const bridge = installFakeBridge([makeStore({ id: 3, ownerKam: 'Ben Tan' })])
    bridge.settings = { ...structuredClone(DEFAULT_SETTINGS), you: { name: 'Ana Lim', remindersFor: 'all' } }
    const { user } = renderApp('#/portfolio')
    await user.click(await screen.findByRole('button', { name: 'Add store' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add store' })
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Owner KAM' })).toHaveValue('Ana Lim'))
  })

  it('leaves a new store’s owner empty while the KAM has no name', async () => {
    const bridge = installFakeBridge([makeStore({ id: 3, clientName: 'Acme Pte Ltd', ownerKam: 'Ben Tan' })])
    bridge.settings = { ...structuredClone(DEFAULT_SETTINGS), you: { name: '', remindersFor: 'all' } }
    const { user } = renderApp('#/portfolio')
    await user.click(await screen.findByRole('button', { name: 'Add store' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add store' })
    expect(within(dialog).getByRole('combobox', { name: 'Owner KAM' })).toHaveValue('')
  })
})

describe('why a worklist row stands where it does', () => {
  it('says when the store lapses or lapsed, in days and past two months in months', () => {
    expect(urgencyPhrase({ tier: 'lapsing', daysLeft: 1 })).toBe('lapses in 1 day')
    expect(urgencyPhrase({ tier: 'lapsing', daysLeft: 0 })).toBe('lapses today')
    expect(urgencyPhrase({ tier: 'lapsing', daysLeft: 165 })).toBe('lapses in 5 months')
    expect(urgencyPhrase({ tier: 'lapsed', daysLeft: -3 })).toBe('lapsed 3 days ago')
    expect(urgencyPhrase({ tier: 'lapsed', daysLeft: 0 })).toBe('lapsed today')
    expect(urgencyPhrase({ tier: 'no-deadline', daysLeft: null })).toBe('no deadline known')
  })
})
