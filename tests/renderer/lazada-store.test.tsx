/**
 * What Lazada says, where the KAM works: the store page's card (Lazada's answer beside the KAM's
 * End Time, a disagreement naming both dates, "can't check", the last error, exchanged tokens'
 * deadlines), the lists' badges from `lazada:overview` and when they reload, and a check's
 * remote summary in the header.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { LazadaOverviewItem, StoreLazadaView } from '../../electron/shared/lazada'
import type { Dashboard } from '../../electron/shared/monitoring'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { emptyExpiryWeeks, installFakeBridge, makeLazadaView, makeRun, makeStore, makeWorklistItem, READY_INTEGRATOR, TEST_NOW } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

/** 15 Dec 2026 and 30 Nov 2026, 00:00 in Singapore. */
const LAZADA_END = Date.parse('2026-12-14T16:00:00Z')
const KAM_END = Date.parse('2026-11-29T16:00:00Z')

function acme(overrides = {}) {
  return makeStore({ id: 7, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG', sellerShortCode: 'SG10001', status: 'expiring', ...overrides })
}

function withRecord(bridge: FakeBridge): void {
  bridge.subscriptions.set(7, {
    storeId: 7,
    serviceVersion: 'authorization-only',
    period: 'half-year',
    startAt: Date.parse('2026-05-29T16:00:00Z'),
    endAt: KAM_END,
    source: 'kam',
    checkedAt: TEST_NOW - 86_400_000,
    updatedAt: TEST_NOW - 86_400_000
  })
}

function disagreeing(overrides: Partial<StoreLazadaView> = {}): StoreLazadaView {
  return makeLazadaView(7, {
    answer: { state: 'valid', endAt: LAZADA_END, itemName: 'Authorization Only', autoRenew: false, country: 'SG', shortCode: 'SG10001', checkedAt: TEST_NOW - 10 * 60_000 },
    kamEndAt: KAM_END,
    disagreement: {
      kind: 'end-date',
      kamEndAt: KAM_END,
      lazadaEndAt: LAZADA_END,
      message: 'Lazada’s End Time is 15 Dec 2026, 00:00 (SG time); the one on record is 30 Nov 2026, 00:00 (SG time). The status follows Lazada.'
    },
    statusUses: 'lazada',
    ...overrides
  })
}

/** Secret saved and the profile complete: checks ask Lazada. */
function checksOn(bridge: FakeBridge): void {
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: { ...READY_INTEGRATOR, articleCode: 'FW_GOODS-1000000281' } }
  bridge.secretState = 'set'
}

function card(): HTMLElement {
  return screen.getByRole('region', { name: 'What Lazada says' })
}

describe('store page: what Lazada says', () => {
  it('shows Lazada’s End Time beside the KAM’s, and a disagreement naming both dates', async () => {
    const bridge = installFakeBridge([acme()])
    checksOn(bridge)
    withRecord(bridge)
    bridge.lazadaViews.set(7, disagreeing())
    const { user } = renderApp('#/stores/7')

    const region = await screen.findByRole('region', { name: 'What Lazada says' })
    expect(bridge.lastInputTo('lazada:store')).toEqual({ storeId: 7 })
    const lazada = within(region).getByTestId('lazada-answer')
    expect(lazada).toHaveTextContent('Lazada says')
    expect(lazada).toHaveTextContent('Valid')
    expect(lazada).toHaveTextContent('15 Dec 2026, 00:00 (SG time)')
    // The KAM's own time (UTC in these tests) under the store's.
    expect(lazada).toHaveTextContent('14 Dec, 16:00 your time')
    expect(lazada).toHaveTextContent('Does not renew automatically')
    expect(lazada).toHaveTextContent('Asked for SG10001 (Singapore)')
    expect(lazada).toHaveTextContent('The status uses this')
    const kam = within(region).getByTestId('lazada-kam')
    expect(kam).toHaveTextContent('You recorded')
    expect(kam).toHaveTextContent('30 Nov 2026, 00:00 (SG time)')
    expect(kam).toHaveTextContent('Entered by the KAM')
    expect(kam).not.toHaveTextContent('The status uses this')

    const warning = within(region).getByTestId('lazada-disagreement')
    expect(warning).toHaveTextContent('Lazada disagrees with your record')
    expect(within(region).getByTestId('lazada-disagreement-headline')).toHaveTextContent('Lazada says the subscription ends 15 Dec 2026; you recorded 30 Nov 2026.')
    expect(warning).toHaveTextContent('The status follows Lazada.')
    expect(within(region).queryByTestId('lazada-agrees')).not.toBeInTheDocument()

    await user.click(within(warning).getByRole('button', { name: 'Use Lazada’s End Time…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change subscription' })
    expect(within(dialog).getByLabelText(/^End Time/)).toHaveValue('15 Dec 2026 00:00')
    expect(within(dialog).getByRole('combobox', { name: 'Dates from' })).toHaveValue('lazada')
    await user.click(within(dialog).getByRole('button', { name: 'Save subscription' }))
    await waitFor(() => expect(bridge.lastInputTo('subscriptions:save')).toMatchObject({ storeId: 7, subscription: { endAt: Date.parse('2026-12-14T16:00:00Z'), source: 'lazada' } }))
  })

  it('names an expired subscription and a missing one in plain words', async () => {
    const bridge = installFakeBridge([acme()])
    checksOn(bridge)
    withRecord(bridge)
    bridge.lazadaViews.set(
      7,
      disagreeing({
        answer: { state: 'none', endAt: null, itemName: null, autoRenew: null, country: 'SG', shortCode: 'SG10001', checkedAt: TEST_NOW - 60_000 },
        disagreement: { kind: 'not-found', kamEndAt: KAM_END, lazadaEndAt: null, message: 'Lazada has no record of a subscription for SG10001.' },
        statusUses: 'kam'
      })
    )
    renderApp('#/stores/7')

    expect(await screen.findByTestId('lazada-disagreement-headline')).toHaveTextContent('Lazada has no subscription for SG10001; you recorded one ending 30 Nov 2026.')
    expect(within(card()).getByTestId('lazada-answer')).toHaveTextContent('No subscription found')
    expect(within(card()).getByTestId('lazada-kam')).toHaveTextContent('The status uses this')
  })

  it('says when Lazada agrees', async () => {
    const bridge = installFakeBridge([acme()])
    checksOn(bridge)
    withRecord(bridge)
    bridge.lazadaViews.set(7, disagreeing({ answer: { ...disagreeing().answer!, endAt: KAM_END }, disagreement: null }))
    renderApp('#/stores/7')

    expect(await screen.findByTestId('lazada-agrees')).toHaveTextContent('Lazada agrees with the End Time you recorded.')
    expect(within(card()).queryByTestId('lazada-disagreement')).not.toBeInTheDocument()
  })

  it('says a store without a short code cannot be checked, and leads to Edit', async () => {
    const bridge = installFakeBridge([acme({ sellerShortCode: null })])
    checksOn(bridge)
    bridge.lazadaViews.set(7, makeLazadaView(7, { cannotCheck: 'No seller short code: Storewatch cannot check this store with Lazada. Add the short code to the store.' }))
    const { user } = renderApp('#/stores/7')

    const note = await screen.findByTestId('lazada-cannot-check')
    expect(note).toHaveTextContent('Can’t check with Lazada')
    expect(note).toHaveTextContent('No seller short code: Storewatch cannot check this store with Lazada.')
    await user.click(within(note).getByRole('button', { name: 'Add the short code' }))
    expect(await screen.findByRole('dialog', { name: 'Edit store' })).toBeInTheDocument()
  })

  it('shows the last failed query, and the tokens Storewatch exchanged with their deadlines', async () => {
    const bridge = installFakeBridge([acme()])
    checksOn(bridge)
    bridge.lazadaViews.set(
      7,
      makeLazadaView(7, {
        lastError: { cause: 'timeout', message: 'Lazada did not answer within 15 seconds: the next check tries again.', at: TEST_NOW - 30 * 60_000 },
        token: {
          state: 'active',
          account: 'seller@acme.example (SG, short code SG10001, seller id 1001)',
          country: 'SG',
          shortCode: 'SG10001',
          sellerId: '1001',
          accessExpiresAt: Date.parse('2026-12-03T16:00:00Z'),
          refreshExpiresAt: null,
          marketBound: true,
          obtainedAt: TEST_NOW - 86_400_000,
          refreshedAt: null,
          probedAt: TEST_NOW - 3_600_000,
          message: 'The token lasts as long as the Service Market subscription.'
        }
      })
    )
    renderApp('#/stores/7')

    const error = await screen.findByTestId('lazada-error')
    expect(error).toHaveTextContent(/The last query failed .* \(timed out\)/)
    expect(error).toHaveTextContent('27 Nov 2026, 07:30')
    expect(error).toHaveTextContent('Lazada did not answer within 15 seconds')
    expect(within(card()).getByTestId('lazada-answer')).toHaveTextContent('No answer yet')
    const tokens = within(card()).getByTestId('lazada-tokens')
    expect(tokens).toHaveTextContent('seller@acme.example (SG, short code SG10001, seller id 1001)')
    expect(tokens).toHaveTextContent('Access token until4 Dec 2026, 00:00 (SG time)')
    expect(tokens).toHaveTextContent('Bound to the Service Market subscription')
    expect(tokens).toHaveTextContent('Active')
  })

  it('says how to turn Lazada checks on when they are off, and shows nothing for an out-of-scope store', async () => {
    const bridge = installFakeBridge([acme(), makeStore({ id: 8, country: 'KR', status: 'out-of-scope' })])
    renderApp('#/stores/7')

    const off = await screen.findByTestId('lazada-off')
    expect(off).toHaveTextContent('Storewatch does not ask Lazada about subscriptions yet. No app secret is saved')
    expect(within(off).getByRole('link', { name: 'Open Settings → Lazada connection' })).toHaveAttribute('href', '#/settings?section=lazada')

    window.location.hash = '#/stores/8'
    await screen.findByRole('heading', { name: 'Acme Pte Ltd' })
    await waitFor(() => expect(bridge.lastInputTo('lazada:store')).toEqual({ storeId: 8 }))
    expect(screen.queryByRole('region', { name: 'What Lazada says' })).not.toBeInTheDocument()
  })

  it('reloads with the store page after a check', async () => {
    const bridge = installFakeBridge([acme()])
    checksOn(bridge)
    withRecord(bridge)
    renderApp('#/stores/7')
    expect(await within(await screen.findByRole('region', { name: 'What Lazada says' })).findByText('Not asked yet: the next check asks Lazada.')).toBeInTheDocument()

    bridge.lazadaViews.set(7, disagreeing())
    act(() => bridge.emit('checks:completed', makeRun()))
    expect(await screen.findByTestId('lazada-disagreement-headline')).toHaveTextContent('Lazada says the subscription ends 15 Dec 2026; you recorded 30 Nov 2026.')
  })
})

function item(storeId: number, overrides: Partial<LazadaOverviewItem> = {}): LazadaOverviewItem {
  return { storeId, lazadaEndAt: null, checkedAt: null, disagrees: false, cannotCheck: false, tokenNeedsAuthorization: false, message: '', ...overrides }
}

const OVERVIEW_ITEMS = [
  item(1, { lazadaEndAt: LAZADA_END, checkedAt: TEST_NOW, disagrees: true, message: 'Lazada’s End Time is 15 Dec 2026, 00:00 (SG time); the one on record is 30 Nov 2026, 00:00 (SG time).' }),
  item(2, { cannotCheck: true, message: 'No seller short code: Storewatch cannot check this store with Lazada. Add the short code to the store.' }),
  item(3, { tokenNeedsAuthorization: true, message: 'Lazada refused the store’s tokens: the seller must authorize again.' }),
  item(4, { lazadaEndAt: LAZADA_END, checkedAt: TEST_NOW })
]

function fourStores() {
  return [
    makeStore({ id: 1, clientName: 'Alpha Pte Ltd', storeName: 'Alpha', status: 'expiring' }),
    makeStore({ id: 2, clientName: 'Beta Pte Ltd', storeName: 'Beta', sellerShortCode: null }),
    makeStore({ id: 3, clientName: 'Gamma Pte Ltd', storeName: 'Gamma', status: 'needs-authorization' }),
    makeStore({ id: 4, clientName: 'Delta Pte Ltd', storeName: 'Delta', status: 'healthy' })
  ]
}

function rowOf(name: string): HTMLElement {
  const cell = within(screen.getByRole('grid', { name: 'Stores' })).getByText(name)
  return cell.closest<HTMLElement>('[role="row"]')!
}

describe('lists: Lazada’s badges', () => {
  it('marks portfolio rows from the overview, each saying why on hover', async () => {
    const bridge = installFakeBridge(fourStores())
    bridge.lazadaOverview = { items: OVERVIEW_ITEMS, remoteChecksOff: null }
    const { user } = renderApp('#/portfolio')

    await waitFor(() => expect(within(rowOf('Alpha Pte Ltd')).getByText('Lazada disagrees')).toBeInTheDocument())
    expect(within(screen.getByRole('grid', { name: 'Stores' })).getByRole('columnheader', { name: 'Lazada' })).toBeInTheDocument()
    expect(within(rowOf('Beta Pte Ltd')).getByText('Can’t check with Lazada')).toBeInTheDocument()
    expect(within(rowOf('Gamma Pte Ltd')).getByText('Token refused')).toBeInTheDocument()
    expect(within(rowOf('Delta Pte Ltd')).queryAllByTestId('lazada-badge')).toHaveLength(0)
    expect(within(rowOf('Delta Pte Ltd')).getByRole('img', { name: 'Checked with Lazada' })).toBeInTheDocument()

    await user.hover(within(rowOf('Alpha Pte Ltd')).getByText('Lazada disagrees'))
    expect(await screen.findByText('Lazada’s End Time is 15 Dec 2026, 00:00 (SG time); the one on record is 30 Nov 2026, 00:00 (SG time).')).toBeInTheDocument()
  })

  it('has no Lazada column while Lazada has nothing to say, and no “can’t check” while checks do not ask Lazada', async () => {
    const bridge = installFakeBridge(fourStores())
    renderApp('#/portfolio')
    await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Stores' })).getAllByRole('row')).toHaveLength(5))
    await waitFor(() => expect(bridge.inputsTo('lazada:overview').length).toBeGreaterThan(0))
    expect(within(screen.getByRole('grid', { name: 'Stores' })).queryByRole('columnheader', { name: 'Lazada' })).not.toBeInTheDocument()

    bridge.lazadaOverview = { items: [OVERVIEW_ITEMS[1]!, OVERVIEW_ITEMS[0]!], remoteChecksOff: 'No app secret is saved: enter the App Secret from Lazada’s App Console.' }
    act(() => bridge.emit('credentials:changed', bridge.credentials()))
    await waitFor(() => expect(within(rowOf('Alpha Pte Ltd')).getByText('Lazada disagrees')).toBeInTheDocument())
    expect(within(rowOf('Beta Pte Ltd')).queryByText('Can’t check with Lazada')).not.toBeInTheDocument()
  })

  it('marks the dashboard’s worklist', async () => {
    const bridge = installFakeBridge(fourStores())
    bridge.lazadaOverview = { items: OVERVIEW_ITEMS, remoteChecksOff: null }
    const dashboard: Dashboard = {
      scope: 'all',
      kamName: '',
      myOwnerNames: [],
      tiers: { lapsing: 1, lapsed: 0, 'no-deadline': 1 },
      counts: { expired: 0, 'needs-subscription': 0, 'needs-authorization': 1, 'needs-reconnect': 0, expiring: 1, 'legacy-grace': 0, unknown: 0, 'app-not-published': 0, healthy: 2, 'out-of-scope': 0 },
      needsAction: 2,
      archived: 0,
      worklist: [
        makeWorklistItem({ storeId: 1, clientName: 'Alpha Pte Ltd', storeName: 'Alpha' }),
        makeWorklistItem({ storeId: 3, clientName: 'Gamma Pte Ltd', storeName: 'Gamma', status: 'needs-authorization', deadline: null, deadlineKind: null, daysLeft: null })
      ],
      expiryWeeks: emptyExpiryWeeks(),
      lastRun: null,
      nextCheckAt: null
    }
    bridge.dashboard = dashboard
    renderApp('#/')

    const table = await screen.findByRole('grid', { name: 'Needs action' })
    const alpha = within(table).getByRole('row', { name: 'Alpha Pte Ltd — Alpha (SG)' })
    await waitFor(() => expect(within(alpha).getByText('Lazada disagrees')).toBeInTheDocument())
    expect(within(within(table).getByRole('row', { name: 'Gamma Pte Ltd — Gamma (SG)' })).getByText('Token refused')).toBeInTheDocument()
  })

  it('sums up on the dashboard what Lazada said, each group leading to its stores', async () => {
    const bridge = installFakeBridge(fourStores())
    bridge.lazadaOverview = { items: OVERVIEW_ITEMS, remoteChecksOff: null }
    bridge.runs = [
      makeRun({
        remote: {
          state: 'done',
          message: '',
          asked: 3,
          answered: 2,
          disagreements: 1,
          cannotCheck: 1,
          failures: [{ cause: 'timeout', message: 'Lazada did not answer within 30 s. The next check tries again.', count: 1, storeIds: [4] }],
          tokensRefreshed: 0,
          tokensNeedingAuthorization: 1
        }
      })
    ]
    const { user } = renderApp('#/')

    const panel = await screen.findByRole('region', { name: 'What Lazada said' })
    expect(panel).toHaveTextContent(/asked about 3 stores .+, 2 answered/)
    expect(within(panel).getByTestId('lazada-group-disagrees')).toHaveTextContent('1 store: Lazada’s End Time differs from yours')
    expect(within(panel).getByTestId('lazada-group-refused')).toHaveTextContent('The seller must authorize again.')
    expect(within(panel).getByTestId('lazada-group-cannot-check')).toHaveTextContent('1 store: can’t be checked with Lazada')
    expect(within(panel).getByTestId('lazada-group-failed:timeout')).toHaveTextContent('1 store: not answered in the last check (timed out)')

    await user.click(within(panel).getByRole('link', { name: '1 store: can’t be checked with Lazada' }))
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio?ids=2'))
    await waitFor(() => expect(within(screen.getByRole('grid', { name: 'Stores' })).getAllByRole('row')).toHaveLength(2))
    expect(rowOf('Beta Pte Ltd')).toBeInTheDocument()
  })

  it('says Lazada agrees when it answered and nothing stands out, and says nothing while checks do not ask Lazada', async () => {
    const bridge = installFakeBridge(fourStores())
    bridge.lazadaOverview = { items: [OVERVIEW_ITEMS[3]!], remoteChecksOff: null }
    const remote = { state: 'done' as const, message: '', asked: 1, answered: 1, disagreements: 0, cannotCheck: 0, failures: [], tokensRefreshed: 0, tokensNeedingAuthorization: 0 }
    bridge.runs = [makeRun({ remote })]
    renderApp('#/')
    expect(await within(await screen.findByRole('region', { name: 'What Lazada said' })).findByText('Lazada agrees with every End Time on record.')).toBeInTheDocument()

    bridge.lazadaOverview = { items: OVERVIEW_ITEMS, remoteChecksOff: 'No app secret is saved: enter the App Secret from Lazada’s App Console.' }
    act(() => bridge.emit('credentials:changed', bridge.credentials()))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'What Lazada said' })).not.toBeInTheDocument())
  })

  it('reloads the badges after a check, when stores change and when the credentials change', async () => {
    const bridge = installFakeBridge(fourStores())
    renderApp('#/portfolio')
    await waitFor(() => expect(bridge.inputsTo('lazada:overview')).toHaveLength(1))

    bridge.lazadaOverview = { items: [OVERVIEW_ITEMS[0]!], remoteChecksOff: null }
    act(() => bridge.emit('checks:completed', makeRun()))
    await waitFor(() => expect(bridge.inputsTo('lazada:overview')).toHaveLength(2))
    await waitFor(() => expect(within(rowOf('Alpha Pte Ltd')).getByText('Lazada disagrees')).toBeInTheDocument())

    act(() => bridge.emit('stores:changed', { storeIds: [2] }))
    await waitFor(() => expect(bridge.inputsTo('lazada:overview')).toHaveLength(3))

    act(() => bridge.emit('credentials:changed', bridge.credentials()))
    await waitFor(() => expect(bridge.inputsTo('lazada:overview')).toHaveLength(4))
  })
})

describe('header: what a check asked Lazada', () => {
  it('sums up the remote part of “Check now”: asked, answered, failures by cause', async () => {
    const bridge = installFakeBridge(fourStores())
    bridge.handle('checks:run-now', () => ({
      ok: true,
      value: makeRun({
        startedAt: Date.now() - 500,
        finishedAt: Date.now(),
        storesChecked: 4,
        errors: ['2 stores: Lazada did not answer within 15 seconds (Alpha Pte Ltd — Alpha (SG); Gamma Pte Ltd — Gamma (SG)).'],
        remote: {
          state: 'done',
          message: 'Storewatch asked Lazada about 3 stores: 1 answered.',
          asked: 3,
          answered: 1,
          disagreements: 1,
          cannotCheck: 1,
          failures: [
            { cause: 'timeout', message: 'Lazada did not answer within 15 seconds.', count: 1, storeIds: [1] },
            { cause: 'api-call-limit', message: 'Lazada’s rate limit.', count: 1, storeIds: [3] }
          ],
          tokensRefreshed: 0,
          tokensNeedingAuthorization: 0
        }
      })
    }))
    const { user } = renderApp('#/')
    await user.click(await screen.findByRole('button', { name: 'Check now' }))

    // In the toast; the last run's tooltip may open too while the pointer rests near it.
    const toast = (await screen.findByText('Checked 4 stores · 3 changed · 2 reminders')).closest<HTMLElement>('[role="alert"]')!
    const line = 'Lazada: asked 3 · 1 answered · 2 failed (1 timed out, 1 Lazada’s rate limit) · 1 disagrees with your End Time · 1 store can’t be checked'
    expect(within(toast).getByText(line)).toBeInTheDocument()
    expect(within(toast).getByText(/1 problem: 2 stores: Lazada did not answer/)).toBeInTheDocument()

    // The last run's details keep it.
    // The pointer resting near it may have opened the tooltip already: one shows the line, however many are open.
    fireEvent.mouseEnter(screen.getByTestId('last-checked'))
    await waitFor(() => expect(screen.getAllByRole('tooltip').map((tip) => tip.textContent)).toContainEqual(expect.stringContaining(line)))
  })

  it('says when a check could not ask Lazada', async () => {
    const bridge = installFakeBridge()
    bridge.handle('checks:run-now', () => ({
      ok: true,
      value: makeRun({
        startedAt: Date.now() - 500,
        finishedAt: Date.now(),
        storesChecked: 0,
        errors: ['Lazada was not asked: the saved app secret can no longer be decrypted on this computer.'],
        remote: {
          state: 'failed',
          message: 'Lazada was not asked: the saved app secret can no longer be decrypted on this computer.',
          asked: 0,
          answered: 0,
          disagreements: 0,
          cannotCheck: 0,
          failures: [],
          tokensRefreshed: 0,
          tokensNeedingAuthorization: 0
        }
      })
    }))
    const { user } = renderApp('#/')
    await user.click(await screen.findByRole('button', { name: 'Check now' }))
    // In the toast; the last run's tooltip, which says it too, may open while the pointer rests near it.
    const toast = (await screen.findByText('Checked 0 stores · 3 changed · 2 reminders')).closest<HTMLElement>('[role="alert"]')!
    expect(within(toast).getByTestId('remote-summary')).toHaveTextContent('Lazada was not asked: the saved app secret can no longer be decrypted on this computer.')
  })
})
