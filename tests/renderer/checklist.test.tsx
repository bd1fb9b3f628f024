import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ChecklistRun } from '../../electron/shared/checklists'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import type { StoreVerdict } from '../../electron/shared/portfolio'
import type { FakeBridge } from './support/fake-bridge'
import { installFakeBridge, makeStore, READY_INTEGRATOR, TEST_NOW } from './support/fake-bridge'
import { installFakeTimers } from './support/fake-timers'
import { renderApp } from './support/render-app'

const NEEDS_SUBSCRIPTION: StoreVerdict = {
  status: 'needs-subscription',
  reason: 'No Service Market subscription is on record.',
  deadline: null,
  deadlineKind: null,
  nextAction: { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 },
  daysLeft: null
}

function singapore(overrides = {}) {
  return makeStore({ id: 7, clientName: 'Acme Pte Ltd', storeName: 'Acme Official', country: 'SG', contactEmail: 'lee@acme.example', contactName: 'Lee', ...overrides })
}

function jakarta() {
  return makeStore({ id: 21, clientName: 'PT Nusantara', storeName: 'Nusantara Mall', country: 'ID' })
}

function setUp(store = singapore(), verdict: StoreVerdict = NEEDS_SUBSCRIPTION): FakeBridge {
  const bridge = installFakeBridge([store])
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
  bridge.verdicts.set(store.id, verdict)
  return bridge
}

function checklistCard(): HTMLElement {
  return screen.getByRole('region', { name: 'Checklist' })
}

function step(name: RegExp | string): HTMLElement {
  return within(checklistCard()).getByRole('listitem', { name })
}

async function startRenewal(user: ReturnType<typeof renderApp>['user']): Promise<void> {
  const card = await screen.findByRole('region', { name: 'Checklist' })
  await user.click(await within(card).findByRole('button', { name: 'Start checklist' }))
  await within(card).findByRole('list', { name: 'Steps' })
}

function runWith(bridge: FakeBridge, storeId: number, change: (run: ChecklistRun) => ChecklistRun): void {
  const runs = bridge.checklistRuns.get(storeId) ?? []
  bridge.checklistRuns.set(
    storeId,
    runs.map((r) => change(r))
  )
}

describe('checklist on the store page', () => {
  it('leads the page when the store needs action, and starts the checklist the status names', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')

    const card = await screen.findByRole('region', { name: 'Checklist' })
    // Above the records: the first card after the status.
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label') ?? r.getAttribute('aria-labelledby'))
    expect(regions.indexOf('checklist-title')).toBeLessThan(regions.indexOf('subscription-title'))
    expect(await within(card).findByRole('radio', { name: /Renew or subscribe, then reauthorize/ })).toBeChecked()
    expect(within(card).getByRole('radio', { name: /Connect a new store/ })).not.toBeChecked()
    expect(card).toHaveTextContent('The status points at step 1')

    await user.click(within(card).getByRole('button', { name: 'Start checklist' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:start')).toEqual({ storeId: 7, playbook: 'renew-and-reauthorize' }))

    const steps = within(await within(card).findByRole('list', { name: 'Steps' })).getAllByTestId('checklist-step')
    expect(steps).toHaveLength(7)
    expect(steps.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Step 1: Order the free service on Service Market',
      'Step 2: Confirm the order',
      'Step 3: Open the ordered services',
      'Step 4: Use the service',
      'Step 5: Agree in the popup',
      'Step 6: Authorize on Lazada Open Platform',
      'Step 7: Reconnect the store'
    ])
    // The guide's labels stand out in the text.
    const emphasised = [...steps[0]!.querySelectorAll('strong')].map((e) => e.textContent)
    // The step's text, then Singapore's note (“choose “Authorization Only””).
    expect(emphasised).toEqual(['Authorization Only', 'Half a year', 'Authorized Use', 'Authorization Only'])
    expect([...steps[5]!.querySelectorAll('strong')].map((e) => e.textContent)).toContain('I agree to the Authorization Terms & Agreement')
    // The country's link, to copy (never opened by the app), and Singapore's note on the paid version.
    expect(within(steps[0]!).getByTestId('service-market-link')).toHaveTextContent(READY_INTEGRATOR.serviceMarketLinks.SG)
    expect(within(steps[0]!).getByRole('button', { name: 'Copy the Singapore Service Market link' })).toBeInTheDocument()
    expect(steps[0]).toHaveTextContent('also lists a paid version of Anchanto OM. It is not recommended')
    // The step the status points at.
    expect(steps[0]).toHaveAttribute('aria-current', 'step')
    expect(within(steps[0]!).getByText('Next')).toBeInTheDocument()
    expect(steps[1]).not.toHaveAttribute('aria-current')
  })

  it('copies the country’s Service Market link', async () => {
    // “Copied” lasts 2 s: on the fake clock, however long the test takes to look.
    installFakeTimers()
    setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)

    await user.click(within(step(/^Step 1/)).getByRole('button', { name: 'Copy the Singapore Service Market link' }))
    expect(await navigator.clipboard.readText()).toBe(READY_INTEGRATOR.serviceMarketLinks.SG)
    expect(within(step(/^Step 1/)).getByRole('button', { name: 'Copy the Singapore Service Market link' })).toHaveTextContent('Copied')
  })

  it('starts the other playbook when the status names it', async () => {
    const bridge = setUp(singapore(), { ...NEEDS_SUBSCRIPTION, nextAction: { label: 'Order before connecting', playbook: 'connect-new-store', step: 1 } })
    const { user } = renderApp('#/stores/7')

    const card = await screen.findByRole('region', { name: 'Checklist' })
    expect(await within(card).findByRole('radio', { name: /Connect a new store/ })).toBeChecked()
    await user.click(within(card).getByRole('button', { name: 'Start checklist' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:start')).toEqual({ storeId: 7, playbook: 'connect-new-store' }))
    expect(await within(card).findByRole('listitem', { name: 'Step 7: Connect the new store' })).toBeInTheDocument()
  })

  it('ticks and unticks a step, showing who ticked it and when', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    const runId = bridge.checklistRuns.get(7)![0]!.id

    await user.click(within(step(/^Step 1/)).getByRole('checkbox', { name: 'Step 1: Order the free service on Service Market' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:tick')).toEqual({ runId, stepId: 'order' }))
    expect(await within(step(/^Step 1/)).findByTestId('step-ticked')).toHaveTextContent('Ticked by maria · 27 Nov 2026, 08:00')
    expect(within(step(/^Step 1/)).getByRole('checkbox')).toBeChecked()
    expect(checklistCard()).toHaveTextContent('1 of 7 steps done')
    // The store page reloads: the history has the tick.
    await waitFor(() => expect(bridge.inputsTo('stores:get').length).toBeGreaterThan(1))

    await user.click(within(step(/^Step 1/)).getByRole('checkbox'))
    await waitFor(() => expect(bridge.lastInputTo('checklists:untick')).toEqual({ runId, stepId: 'order' }))
    await waitFor(() => expect(within(step(/^Step 1/)).queryByTestId('step-ticked')).not.toBeInTheDocument())
    expect(within(step(/^Step 1/)).getByRole('checkbox')).not.toBeChecked()
  })

  it('is usable from the keyboard: Space ticks the focused step', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)

    within(step(/^Step 3/)).getByRole('checkbox').focus()
    await user.keyboard(' ')
    await waitFor(() => expect(bridge.lastInputTo('checklists:tick')).toMatchObject({ stepId: 'open-ordered-services' }))
    expect(await within(step(/^Step 3/)).findByTestId('step-ticked')).toBeInTheDocument()
  })

  it('keeps a note per step, with who wrote it', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    const runId = bridge.checklistRuns.get(7)![0]!.id

    await user.click(within(step(/^Step 4/)).getByRole('button', { name: 'Add a note to step 4' }))
    const note = within(step(/^Step 4/)).getByLabelText(/Note on step 4/)
    expect(note).toHaveFocus()
    await user.paste('Seller could not find the app under My Service')
    await user.click(within(step(/^Step 4/)).getByRole('button', { name: 'Save note' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:note')).toEqual({ runId, stepId: 'use-service', note: 'Seller could not find the app under My Service' }))
    expect(await within(step(/^Step 4/)).findByTestId('step-note')).toHaveTextContent('Note · maria, 27 Nov 2026, 08:00: Seller could not find the app under My Service')

    await user.click(within(step(/^Step 4/)).getByRole('button', { name: 'Change the note on step 4' }))
    await user.click(within(step(/^Step 4/)).getByRole('button', { name: 'Remove the note' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:note')).toEqual({ runId, stepId: 'use-service', note: null }))
    await waitFor(() => expect(within(step(/^Step 4/)).queryByTestId('step-note')).not.toBeInTheDocument())
  })

  it('records step 2’s Start and End Time, typed in the store’s country time, as UTC instants and as the subscription', async () => {
    const bridge = setUp(jakarta())
    const { user } = renderApp('#/stores/21')
    await startRenewal(user)
    const runId = bridge.checklistRuns.get(21)![0]!.id
    const confirm = step(/^Step 2/)
    expect(within(confirm).getAllByText('Indonesia time')).toHaveLength(2)

    // Nothing is sent without both times.
    fireEvent.change(within(confirm).getByLabelText('Start Time'), { target: { value: '2026-11-27T10:30' } })
    await user.click(within(confirm).getByRole('button', { name: 'Save Start and End Time' }))
    expect(await within(confirm).findByText('Enter the End Time shown on Order Confirmation')).toBeInTheDocument()
    fireEvent.change(within(confirm).getByLabelText('End Time'), { target: { value: '2026-11-01T10:30' } })
    await user.click(within(confirm).getByRole('button', { name: 'Save Start and End Time' }))
    expect(await within(confirm).findByText('The End Time must be after the Start Time')).toBeInTheDocument()
    expect(bridge.inputsTo('checklists:capture-dates')).toHaveLength(0)

    fireEvent.change(within(confirm).getByLabelText('End Time'), { target: { value: '2027-05-27T10:30' } })
    expect(within(confirm).getAllByTestId('time-echo')[0]).toHaveTextContent('27 Nov 2026, 10:30 (ID time) = 27 Nov, 03:30 your time')
    await user.click(within(confirm).getByRole('button', { name: 'Save Start and End Time' }))
    await waitFor(() =>
      expect(bridge.lastInputTo('checklists:capture-dates')).toEqual({
        runId,
        stepId: 'confirm-order',
        values: {
          startAt: Date.parse('2026-11-27T03:30:00Z'),
          endAt: Date.parse('2027-05-27T03:30:00Z'),
          serviceVersion: 'authorization-only',
          period: 'half-year'
        }
      })
    )
    const captured = await within(step(/^Step 2/)).findByTestId('captured-dates')
    expect(captured).toHaveTextContent('Start Time 27 Nov 2026, 10:30 (ID time)')
    expect(captured).toHaveTextContent('End Time 27 May 2027, 10:30 (ID time)')
    expect(within(step(/^Step 2/)).getByRole('checkbox')).toBeChecked()
    // The store's subscription now has the dates, from the checklist.
    const subscription = screen.getByRole('region', { name: 'Subscription' })
    await waitFor(() => expect(subscription).toHaveTextContent('From a checklist'))
    expect(subscription).toHaveTextContent('27 May 2027, 10:30 (ID time)')
  })

  it('shows a step ticked by evidence as Storewatch’s', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    bridge.applyEvidence(7, 'authorization')
    // A check or a record elsewhere: main says the store changed.
    bridge.emit('stores:changed', { storeIds: [7] })

    expect(await within(step(/^Step 6/)).findByTestId('step-ticked')).toHaveTextContent('Ticked by Storewatch: authorization captured · 27 Nov 2026, 08:00')
  })

  it('finishes a run after confirming the steps not done, and lists it folded below', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    const runId = bridge.checklistRuns.get(7)![0]!.id

    await user.click(within(checklistCard()).getByRole('button', { name: 'Finish' }))
    const dialog = await screen.findByRole('dialog', { name: 'Finish with 0 of 7 steps done?' })
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Seller renewed by phone')
    await user.click(within(dialog).getByRole('button', { name: 'Finish' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:finish')).toEqual({ runId, note: 'Seller renewed by phone' }))

    const earlier = await within(checklistCard()).findByTestId('earlier-run')
    expect(earlier).toHaveTextContent('Completed 27 Nov 2026 by maria')
    expect(earlier).toHaveTextContent('0 of 7 steps')
    // Needs action still: the start form is back.
    expect(within(checklistCard()).getByRole('button', { name: 'Start checklist' })).toBeInTheDocument()
    await user.click(within(earlier).getByRole('button', { name: /Completed 27 Nov 2026 by maria/ }))
    expect(await within(earlier).findByText('Seller renewed by phone')).toBeInTheDocument()
  })

  it('cancels a run only after confirmation, with a reason', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    const runId = bridge.checklistRuns.get(7)![0]!.id

    await user.click(within(checklistCard()).getByRole('button', { name: 'Cancel checklist' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this checklist?' })
    await user.click(within(dialog).getByRole('button', { name: 'Keep it open' }))
    expect(bridge.inputsTo('checklists:cancel')).toHaveLength(0)

    await user.click(within(checklistCard()).getByRole('button', { name: 'Cancel checklist' }))
    const again = await screen.findByRole('dialog', { name: 'Cancel this checklist?' })
    await user.type(within(again).getByLabelText('Reason (optional)'), 'Store closed')
    await user.click(within(again).getByRole('button', { name: 'Cancel checklist' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:cancel')).toEqual({ runId, reason: 'Store closed' }))
    expect(await within(checklistCard()).findByTestId('earlier-run')).toHaveTextContent('Cancelled 27 Nov 2026 by maria')
  })

  it('asks before Esc or "Keep it open" throws away a half-typed note, and keeps it on "Keep editing"', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)

    await user.click(within(checklistCard()).getByRole('button', { name: 'Finish' }))
    const dialog = await screen.findByRole('dialog', { name: 'Finish with 0 of 7 steps done?' })
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Seller renewed by')
    await user.keyboard('{Escape}')
    const ask = await screen.findByRole('dialog', { name: 'Discard changes?' })
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard changes?' })).not.toBeInTheDocument())
    expect(within(dialog).getByLabelText('Note (optional)')).toHaveValue('Seller renewed by')

    await user.click(within(dialog).getByRole('button', { name: 'Keep it open' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Finish with 0 of 7 steps done?' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('checklists:finish')).toHaveLength(0)

    await user.click(within(checklistCard()).getByRole('button', { name: 'Finish' }))
    const again = await screen.findByRole('dialog', { name: 'Finish with 0 of 7 steps done?' })
    expect(within(again).getByLabelText('Note (optional)')).toHaveValue('')
  })

  it('says what to set in Settings when the country’s link is missing', async () => {
    const bridge = setUp()
    bridge.settings = DEFAULT_SETTINGS
    const { user } = renderApp('#/stores/7')

    const missing = await within(await screen.findByRole('region', { name: 'Checklist' })).findByTestId('missing-link')
    expect(missing).toHaveTextContent('To give the seller the Service Market link, set the free subscription link for Singapore in Settings → Integrator.')
    expect(within(missing).getByRole('link', { name: 'Open Settings → Integrator' })).toHaveAttribute('href', '#/settings?section=integrator')

    await startRenewal(user)
    expect(step(/^Step 1/)).toHaveTextContent('No Singapore link yet: set the free subscription link for Singapore in Settings → Integrator.')
    expect(within(step(/^Step 1/)).queryByTestId('service-market-link')).not.toBeInTheDocument()
    await user.click(within(step(/^Step 1/)).getByRole('link', { name: 'Open Settings' }))
    expect(await screen.findByRole('region', { name: 'Integrator' })).toBeInTheDocument()
  })

  it('shows why there are no steps where the app is not published', async () => {
    const store = makeStore({ id: 9, clientName: 'Saigon Co', storeName: 'Saigon Shop', country: 'VN' })
    const bridge = setUp(store, { ...NEEDS_SUBSCRIPTION, status: 'app-not-published', reason: 'The app is not published in Vietnam.', nextAction: null })
    bridge.settings = { ...DEFAULT_SETTINGS, integrator: { ...READY_INTEGRATOR, publishedCountries: ['SG', 'MY', 'TH', 'PH', 'ID'] } }
    renderApp('#/stores/9')

    const unavailable = await within(await screen.findByRole('region', { name: 'Checklist' })).findByTestId('checklist-unavailable')
    expect(unavailable).toHaveTextContent('No checklist: the app is not published in Vietnam')
    expect(unavailable).toHaveTextContent('Anchanto OM is not published on Vietnam’s Lazada Service Market, so Lazada refuses to authorize it there.')
    expect(within(checklistCard()).queryByRole('button', { name: 'Start checklist' })).not.toBeInTheDocument()
    expect(within(checklistCard()).queryByRole('listitem')).not.toBeInTheDocument()
  })

  it('shows why an out-of-scope store has no checklist, and offers no Reauthorize', async () => {
    const store = makeStore({ id: 11, clientName: 'Seoul Beauty', storeName: 'Seoul Beauty', country: 'KR' })
    setUp(store, { ...NEEDS_SUBSCRIPTION, status: 'out-of-scope', reason: 'South Korea is out of scope.', nextAction: null })
    renderApp('#/stores/11')

    const card = await screen.findByRole('region', { name: 'Checklist' })
    expect(await within(card).findByTestId('checklist-unavailable')).toHaveTextContent('is outside Lazada’s Service Market rule')
    expect(screen.queryByRole('button', { name: 'Reauthorize' })).not.toBeInTheDocument()
  })

  it('stays small on a healthy store until the KAM chooses a checklist', async () => {
    const bridge = setUp(singapore({ status: 'healthy' }), { ...NEEDS_SUBSCRIPTION, status: 'healthy', reason: 'All good.', nextAction: null })
    const { user } = renderApp('#/stores/7')

    const card = await screen.findByRole('region', { name: 'Checklist' })
    expect(await within(card).findByText('Nothing to walk the seller through right now.')).toBeInTheDocument()
    expect(within(card).queryByRole('button', { name: 'Start checklist' })).not.toBeInTheDocument()
    await user.click(within(card).getByRole('button', { name: 'Choose a checklist' }))
    await user.click(within(card).getByRole('radio', { name: /Connect a new store/ }))
    await user.click(within(card).getByRole('button', { name: 'Start checklist' }))
    await waitFor(() => expect(bridge.lastInputTo('checklists:start')).toEqual({ storeId: 7, playbook: 'connect-new-store' }))
  })

  it('shows runs started earlier with their ticks', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    runWith(bridge, 7, (run) => ({
      ...run,
      steps: run.steps.map((s, i) => (i < 2 ? { ...s, done: true, doneAt: TEST_NOW - 3_600_000, doneBy: 'aisha', doneVia: 'kam' } : s))
    }))
    bridge.emit('stores:changed', { storeIds: [7] })
    expect(await within(step(/^Step 2/)).findByTestId('step-ticked')).toHaveTextContent('Ticked by aisha · 27 Nov 2026, 07:00')
    expect(checklistCard()).toHaveTextContent('2 of 7 steps done')
  })

  it('highlights the step the status points at, or the next one to do once the KAM ticked it', async () => {
    setUp(singapore(), { ...NEEDS_SUBSCRIPTION, status: 'needs-authorization', nextAction: { label: 'Have the seller click “Use Service” and authorize', playbook: 'renew-and-reauthorize', step: 4 } })
    const { user } = renderApp('#/stores/7')
    await startRenewal(user)
    expect(step(/^Step 4/)).toHaveAttribute('aria-current', 'step')

    await user.click(within(step(/^Step 4/)).getByRole('checkbox'))
    await waitFor(() => expect(step(/^Step 5/)).toHaveAttribute('aria-current', 'step'))
    expect(step(/^Step 4/)).not.toHaveAttribute('aria-current')
  })
})
