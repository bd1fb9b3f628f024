/**
 * The one "next step" of a store's page. The status banner's "Next: Step N" and the checklist's
 * NEXT mark both come from here, so they cannot disagree: the step the status rules point at, as
 * the open run reads it — its number in that run (a run keeps the playbook version it started
 * with, whose numbering may differ from today's) and, when the KAM has ticked it already (the
 * status knows only the records), the first step after it still to do.
 */
import type { StepId, StoreChecklists } from './checklists'
import type { NextAction } from './status'

export interface PageNextStep extends NextAction {
  /** The checklist step, when the action is one. */
  stepId: StepId | null
  /** The open run that marks it NEXT, or null (no run open: the KAM can start one). */
  runId: number | null
}

export function nextStepOnPage(action: NextAction | null, checklists: StoreChecklists | null): PageNextStep | null {
  if (!action) return null
  const asIs: PageNextStep = { ...action, stepId: null, runId: null }
  const next = checklists?.next ?? null
  if (action.step === null || !next) return asIs
  const located: PageNextStep = { label: next.label, playbook: next.playbook, step: next.number, stepId: next.stepId, runId: null }
  const run = checklists!.runs.find((r) => r.id === next.runId && r.status === 'open')
  const at = run ? run.steps.findIndex((s) => s.stepId === next.stepId) : -1
  if (!run || at < 0) return located
  const step = run.steps.slice(at).find((s) => !s.done)
  // Every step from there on is ticked: the records have not caught up, and no step is next.
  if (!step) return { ...action, step: null, stepId: null, runId: null }
  const label = step.stepId === next.stepId ? next.label : step.title
  return { label, playbook: run.playbook, step: step.number, stepId: step.stepId, runId: run.id }
}
