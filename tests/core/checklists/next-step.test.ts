/** The one next step of a store's page, which the status banner and the checklist's NEXT both show. */
import { describe, expect, it } from 'vitest'
import { PLAYBOOK_DEFINITIONS } from '../../../electron/shared/checklists'
import type { ChecklistRun, StoreChecklists } from '../../../electron/shared/checklists'
import { nextStepOnPage } from '../../../electron/shared/next-step'
import type { NextAction } from '../../../electron/shared/status'

const AUTHORIZE: NextAction = { label: 'Have the seller click “Use Service” and authorize', playbook: 'renew-and-reauthorize', step: 4 }
const steps = PLAYBOOK_DEFINITIONS['renew-and-reauthorize'].steps

function run(done: number[], renumber = (n: number) => n, without: number[] = []): ChecklistRun {
  return {
    id: 9,
    storeId: 1,
    playbook: 'renew-and-reauthorize',
    version: 1,
    country: 'SG',
    status: 'open',
    startedAt: 0,
    startedBy: 'kam',
    endedAt: null,
    endedBy: null,
    endNote: null,
    steps: steps
      .filter((s) => !without.includes(s.number))
      .map((s, i) => ({
        stepId: s.id,
        number: renumber(i + 1),
        title: `Title ${s.id}`,
        done: done.includes(s.number),
        doneAt: null,
        doneBy: null,
        doneVia: null,
        note: null,
        noteAt: null,
        noteBy: null,
        values: null
      }))
  }
}

function checklists(runs: ChecklistRun[], runId: number | null): StoreChecklists {
  const step4 = steps.find((s) => s.number === 4)!
  return {
    storeId: 1,
    suggested: 'renew-and-reauthorize',
    checklists: {} as StoreChecklists['checklists'],
    runs,
    next: { playbook: 'renew-and-reauthorize', stepId: step4.id, number: 4, label: AUTHORIZE.label, runId },
    authorize: { ready: true, message: null }
  }
}

describe('nextStepOnPage', () => {
  it('is the status’s action when there is no checklist, or the action names no step', () => {
    expect(nextStepOnPage(AUTHORIZE, null)).toEqual({ ...AUTHORIZE, stepId: null, runId: null })
    const call = { label: 'Call the client', playbook: 'renew-and-reauthorize' as const, step: null }
    expect(nextStepOnPage(call, checklists([run([])], 9))?.step).toBeNull()
    expect(nextStepOnPage(null, checklists([run([])], 9))).toBeNull()
  })

  it('is the step the status points at in the open run', () => {
    expect(nextStepOnPage(AUTHORIZE, checklists([run([1, 2, 3])], 9))).toMatchObject({ step: 4, label: AUTHORIZE.label, runId: 9 })
  })

  it('moves on to the first step still to do when the KAM ticked it already', () => {
    const next = nextStepOnPage(AUTHORIZE, checklists([run([1, 2, 3, 4, 5])], 9))
    expect(next).toMatchObject({ step: 6, label: `Title ${steps[5]!.id}`, runId: 9 })
  })

  it('uses the run’s own numbering: on an older version without step 3, the authorize step is its step 3', () => {
    const next = nextStepOnPage(AUTHORIZE, checklists([run([], (n) => n, [3])], 9))
    expect(next).toMatchObject({ step: 3, stepId: steps[3]!.id, runId: 9 })
  })

  it('names no step when every step from there on is ticked', () => {
    expect(nextStepOnPage(AUTHORIZE, checklists([run([4, 5, 6, 7])], 9))).toEqual({ ...AUTHORIZE, step: null, stepId: null, runId: null })
  })
})
