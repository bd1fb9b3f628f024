/**
 * One truth per screen (issue #11, point 8): the status banner's "Next: Step N" and the
 * checklist's NEXT come from one function, so they name the same step — after the KAM ticks the
 * step the status points at, and on a run that started on a playbook version numbered otherwise
 * (the "banner says Step 4 while the checklist marks Step 3").
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ChecklistRun } from '../../electron/shared/checklists'
import type { StoreVerdict } from '../../electron/shared/portfolio'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { installFakeBridge, makeStore, READY_INTEGRATOR } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const NEEDS_AUTHORIZATION: StoreVerdict = {
  status: 'needs-authorization',
  reason: 'The subscription is on record; the seller has not authorized since.',
  deadline: null,
  deadlineKind: null,
  nextAction: { label: 'Have the seller click “Use Service” and authorize', playbook: 'renew-and-reauthorize', step: 4 },
  daysLeft: null
}

function setUp(): FakeBridge {
  const bridge = installFakeBridge([makeStore({ id: 7, clientName: 'Acme Pte Ltd', country: 'SG' })])
  bridge.settings = { ...DEFAULT_SETTINGS, integrator: READY_INTEGRATOR }
  bridge.verdicts.set(7, NEEDS_AUTHORIZATION)
  return bridge
}

function bannerNext(): string {
  return within(screen.getByRole('region', { name: 'Status' })).getByTestId('next-action').textContent ?? ''
}

function markedNext(): string {
  const card = screen.getByRole('region', { name: 'Checklist' })
  const marked = within(card).getAllByTestId('checklist-step').filter((s) => s.getAttribute('aria-current') === 'step')
  expect(marked).toHaveLength(1)
  return marked[0]!.getAttribute('aria-label') ?? ''
}

async function startChecklist(user: ReturnType<typeof renderApp>['user']): Promise<HTMLElement> {
  const card = await screen.findByRole('region', { name: 'Checklist' })
  await user.click(await within(card).findByRole('button', { name: 'Start checklist' }))
  await within(card).findByRole('list', { name: 'Steps' })
  return card
}

describe('the banner’s next step and the checklist’s NEXT', () => {
  it('name the same step, and move on together when the KAM ticks it', async () => {
    setUp()
    const { user } = renderApp('#/stores/7')
    const card = await startChecklist(user)
    expect(bannerNext()).toMatch(/^Step 4 · /)
    expect(markedNext()).toMatch(/^Step 4: /)

    await user.click(within(within(card).getByRole('listitem', { name: /^Step 4/ })).getByRole('checkbox'))
    await waitFor(() => expect(markedNext()).toMatch(/^Step 5: Agree in the popup/))
    expect(bannerNext()).toBe('Step 5 · Agree in the popup')
  })

  it('agree on a run whose playbook version numbers the step 3 where today’s says 4', async () => {
    const bridge = setUp()
    const { user } = renderApp('#/stores/7')
    await startChecklist(user)

    // An older version of the playbook, without today's step 3: "Use the service" is its step 3.
    const runs = bridge.checklistRuns.get(7)!
    const older = (run: ChecklistRun): ChecklistRun => {
      const steps = run.steps.filter((s) => s.number !== 3).map((s, i) => ({ ...s, number: i + 1 }))
      return { ...run, version: run.version - 1, steps }
    }
    bridge.checklistRuns.set(7, runs.map(older))
    act(() => {
      window.location.hash = '#/portfolio'
    })
    await screen.findByRole('grid', { name: 'Stores' })
    act(() => {
      window.location.hash = '#/stores/7'
    })
    await waitFor(() => expect(markedNext()).toBe('Step 3: Use the service'))
    expect(bannerNext()).toMatch(/^Step 3 · Have the seller click “Use Service” and authorize/)
  })
})
