/** How checklists read in the UI: playbook names for the KAM, who ticked a step, how a run ended. */
import type { ChecklistRun, ChecklistRunStep, ChecklistStep, Playbook } from '../../../../electron/shared/checklists'
import { formatDate, formatDateTime } from '../../lib/format'

/** The KAM's choice of checklist (the playbook titles are the seller-facing ones). */
export const PLAYBOOK_CHOICES: Record<Playbook, string> = {
  'renew-and-reauthorize': 'Renew or subscribe, then reauthorize',
  'connect-new-store': 'Connect a new store'
}

const EVIDENCE_TEXT = {
  authorization: 'authorization captured',
  reconnected: 'store marked reconnected'
} as const

/** "Ticked by aisha · 27 Nov 2026, 14:05", or "Ticked by Storewatch: authorization captured · …". */
export function tickedText(step: ChecklistRunStep, content: ChecklistStep | undefined): string | null {
  if (!step.done || step.doneAt === null) return null
  const when = formatDateTime(step.doneAt)
  if (step.doneVia === 'evidence') {
    const what = content?.evidence ? EVIDENCE_TEXT[content.evidence] : 'evidence recorded'
    return `Ticked by Storewatch: ${what} · ${when}`
  }
  return `Ticked by ${step.doneBy ?? 'someone'} · ${when}`
}

/** "Completed 3 Nov 2026 by aisha", "Cancelled 3 Nov 2026 by aisha". */
export function runEndedText(run: ChecklistRun): string {
  if (run.status === 'open' || run.endedAt === null) return `Started ${formatDate(run.startedAt)} by ${run.startedBy}`
  const verb = run.status === 'finished' ? 'Completed' : 'Cancelled'
  return `${verb} ${formatDate(run.endedAt)} by ${run.endedBy ?? run.startedBy}`
}

export function stepsDone(run: ChecklistRun): number {
  return run.steps.filter((s) => s.done).length
}
