/**
 * A store's checklist runs: start one per playbook (one open at a time), tick and untick steps
 * with who and when, a note per step, step 2's Start and End Time (which become the store's
 * subscription), finish or cancel. Every action goes into the store's history; finished and
 * cancelled runs stay. Evidence — a recorded authorization, a reconnect — ticks steps by itself.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { PLAYBOOKS, PLAYBOOK_DEFINITIONS, evidenceStep, resolveChecklist } from '../../shared/checklists'
import type {
  ChecklistRun,
  ChecklistRunStep,
  NextChecklistStep,
  Playbook,
  StepEvidence,
  StepId,
  StoreChecklist,
  StoreChecklists,
  SubscriptionDates
} from '../../shared/checklists'
import { countryInfo } from '../../shared/countries'
import { authorizeBlocker } from '../../shared/integrator'
import type { FieldChange } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { checklistRunSteps, checklistRuns, stores } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History } from '../portfolio/store-history'
import type { RecordsService } from '../records/records-service'
import type { SettingsService } from '../settings/settings-service'
import type { StatusService } from '../status/status-service'
import { writeTransaction } from '../db/write-transaction'

export interface ChecklistServiceDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  settings: Pick<SettingsService, 'get'>
  status: Pick<StatusService, 'evaluate'>
  records: Pick<RecordsService, 'saveSubscription'>
}

type RunRow = typeof checklistRuns.$inferSelect
type StepRow = typeof checklistRunSteps.$inferSelect

const DONE = 'Done'
const NOT_DONE = 'Not done'

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
}

export function createChecklistService({ database, clock, actor, history, settings, status, records }: ChecklistServiceDeps) {
  const { db, sqlite } = database

  function storeOf(storeId: number): { id: number; country: string } {
    const store = db.select({ id: stores.id, country: stores.country }).from(stores).where(eq(stores.id, storeId)).get()
    if (!store) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
    return store
  }

  function contentFor(playbook: Playbook, country: string): StoreChecklist {
    const { policy, integrator } = settings.get()
    return resolveChecklist(playbook, { country, profile: integrator, policy })
  }

  function toRun(row: RunRow, steps: StepRow[]): ChecklistRun {
    return {
      id: row.id,
      storeId: row.storeId,
      playbook: row.playbook,
      version: row.playbookVersion,
      country: row.country,
      status: row.status,
      startedAt: row.startedAt,
      startedBy: row.startedBy,
      endedAt: row.endedAt,
      endedBy: row.endedBy,
      endNote: row.endNote,
      steps: steps
        .sort((a, b) => a.position - b.position)
        .map(
          (s): ChecklistRunStep => ({
            stepId: s.stepId,
            number: s.position,
            title: s.title,
            done: s.doneAt !== null,
            doneAt: s.doneAt,
            doneBy: s.doneBy,
            doneVia: s.doneVia,
            note: s.note,
            noteAt: s.noteAt,
            noteBy: s.noteBy,
            values: s.values
          })
        )
    }
  }

  function runsOf(storeId: number): ChecklistRun[] {
    const rows = db
      .select()
      .from(checklistRuns)
      .where(eq(checklistRuns.storeId, storeId))
      .orderBy(sql`${checklistRuns.status} = 'open' DESC`, desc(checklistRuns.startedAt), desc(checklistRuns.id))
      .all()
    if (rows.length === 0) return []
    const steps = db
      .select()
      .from(checklistRunSteps)
      .where(
        inArray(
          checklistRunSteps.runId,
          rows.map((r) => r.id)
        )
      )
      .all()
    return rows.map((row) => toRun(row, steps.filter((s) => s.runId === row.id)))
  }

  function runRow(runId: number): RunRow {
    const row = db.select().from(checklistRuns).where(eq(checklistRuns.id, runId)).get()
    if (!row) throw new AppError('not-found', `Checklist run #${runId} does not exist; the store may have been deleted`)
    return row
  }

  function openRunRow(runId: number): RunRow {
    const row = runRow(runId)
    if (row.status !== 'open') {
      throw new AppError('conflict', `This checklist was ${row.status === 'finished' ? 'finished' : 'cancelled'} already: start a new one to go through the steps again.`)
    }
    return row
  }

  function stepRow(runId: number, stepId: StepId): StepRow {
    const row = db
      .select()
      .from(checklistRunSteps)
      .where(and(eq(checklistRunSteps.runId, runId), eq(checklistRunSteps.stepId, stepId)))
      .get()
    if (!row) throw new AppError('not-found', `This checklist has no step “${stepId}”.`)
    return row
  }

  function titleOf(run: RunRow): string {
    return PLAYBOOK_DEFINITIONS[run.playbook].title
  }

  function log(storeId: number, summary: string, changes: FieldChange[], at: number, who: string): void {
    history.add(storeId, { kind: 'checklist', summary }, changes, at, who)
  }

  function setDone(run: RunRow, step: StepRow, done: boolean, via: 'kam' | 'evidence', who: string, why?: string): boolean {
    if ((step.doneAt !== null) === done) return false
    const at = clock.now()
    db.update(checklistRunSteps)
      .set(done ? { doneAt: at, doneBy: who, doneVia: via } : { doneAt: null, doneBy: null, doneVia: null })
      .where(eq(checklistRunSteps.id, step.id))
      .run()
    const verb = done ? (via === 'evidence' ? 'ticked by evidence' : 'ticked') : 'unticked'
    const changes: FieldChange[] = [{ field: `step.${step.stepId}`, label: `Step ${step.position}: ${step.title}`, before: done ? NOT_DONE : DONE, after: done ? DONE : NOT_DONE }]
    if (why) changes.push({ field: 'evidence', label: 'Evidence', before: null, after: why })
    log(run.storeId, `Checklist step ${step.position} ${verb}: ${step.title}`, changes, at, who)
    return true
  }

  function nextStep(storeId: number, runs: ChecklistRun[]): NextChecklistStep | null {
    const action = status.evaluate(storeId)?.nextAction
    if (!action || action.step === null) return null
    const open = runs.filter((r) => r.status === 'open')
    const run = open.find((r) => r.playbook === action.playbook) ?? open[0] ?? null
    const playbook = run?.playbook ?? action.playbook
    const step = PLAYBOOK_DEFINITIONS[playbook].steps.find((s) => s.number === action.step)
    if (!step) return null
    return { playbook, stepId: step.id, number: step.number, label: action.label, runId: run?.id ?? null }
  }

  function view(storeId: number): StoreChecklists {
    const store = storeOf(storeId)
    const { policy, integrator } = settings.get()
    const runs = runsOf(storeId)
    const checklists = Object.fromEntries(PLAYBOOKS.map((p) => [p, contentFor(p, store.country)])) as Record<Playbook, StoreChecklist>
    const verdict = status.evaluate(storeId)
    const blocker = authorizeBlocker(integrator, policy, store.country)
    return {
      storeId,
      suggested: verdict?.nextAction?.step != null ? verdict.nextAction.playbook : null,
      checklists,
      runs,
      next: nextStep(storeId, runs),
      authorize: { ready: blocker === null, message: blocker?.message ?? null }
    }
  }

  return {
    view,
    runs: runsOf,

    /** The store a run belongs to (for broadcasting and answering with the store's checklists). */
    storeOfRun(runId: number): number {
      return runRow(runId).storeId
    },

    /** Starts a run of a playbook; refuses a second open run, and stores with no steps to follow. */
    start(storeId: number, playbook: Playbook): ChecklistRun {
      return writeTransaction(sqlite, () => {
        const store = storeOf(storeId)
        const content = contentFor(playbook, store.country)
        if (content.kind !== 'steps') throw new AppError('conflict', content.message)
        const open = db
          .select({ id: checklistRuns.id })
          .from(checklistRuns)
          .where(and(eq(checklistRuns.storeId, storeId), eq(checklistRuns.playbook, playbook), eq(checklistRuns.status, 'open')))
          .get()
        const already = `A “${content.title}” checklist is already open for this store: finish or cancel it before starting another.`
        if (open) throw new AppError('conflict', already)
        const at = clock.now()
        const who = actor.name()
        let run: RunRow
        try {
          run = db
            .insert(checklistRuns)
            .values({ storeId, playbook, playbookVersion: content.version, country: store.country, status: 'open', startedAt: at, startedBy: who })
            .returning()
            .get()
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('conflict', already)
          throw error
        }
        db.insert(checklistRunSteps)
          .values(content.steps.map((s) => ({ runId: run.id, stepId: s.id, position: s.number, title: s.title })))
          .run()
        log(
          storeId,
          `Checklist started: ${content.title}`,
          [{ field: 'checklist', label: 'Checklist', before: null, after: `${content.title} (version ${content.version}, ${countryInfo(store.country).name})` }],
          at,
          who
        )
        return runsOf(storeId).find((r) => r.id === run.id)!
      })
    },

    tick(runId: number, stepId: StepId): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        setDone(run, stepRow(runId, stepId), true, 'kam', actor.name())
      })
    },

    untick(runId: number, stepId: StepId): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        setDone(run, stepRow(runId, stepId), false, 'kam', actor.name())
      })
    },

    /** Sets or clears (null or blank) a step's note. */
    note(runId: number, stepId: StepId, note: string | null): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        const step = stepRow(runId, stepId)
        const next = note?.trim() || null
        if (next === step.note) return
        const at = clock.now()
        const who = actor.name()
        db.update(checklistRunSteps)
          .set({ note: next, noteAt: next === null ? null : at, noteBy: next === null ? null : who })
          .where(eq(checklistRunSteps.id, step.id))
          .run()
        log(
          run.storeId,
          next === null ? `Checklist note removed from step ${step.position}` : `Checklist note on step ${step.position}: ${step.title}`,
          [{ field: `note.${step.stepId}`, label: `Step ${step.position} note`, before: step.note, after: next }],
          at,
          who
        )
      })
    },

    /**
     * Step 2's Start and End Time: kept on the step, recorded as the store's subscription (dates
     * from a checklist), and the step ticked.
     */
    captureSubscriptionDates(runId: number, stepId: StepId, values: SubscriptionDates): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        const step = stepRow(runId, stepId)
        const definition = PLAYBOOK_DEFINITIONS[run.playbook].steps.find((s) => s.id === stepId)
        if (definition?.captures !== 'subscription-dates') {
          throw new AppError('conflict', `Step ${step.position} records no dates: the Start and End Time belong to the Order Confirmation step.`)
        }
        db.update(checklistRunSteps).set({ values }).where(eq(checklistRunSteps.id, step.id)).run()
        records.saveSubscription(run.storeId, { ...values, source: 'checklist' })
        setDone(run, step, true, 'kam', actor.name())
      })
    },

    finish(runId: number, note?: string | null): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        const at = clock.now()
        const who = actor.name()
        const endNote = note?.trim() || null
        db.update(checklistRuns).set({ status: 'finished', endedAt: at, endedBy: who, endNote }).where(eq(checklistRuns.id, runId)).run()
        const steps = db.select().from(checklistRunSteps).where(eq(checklistRunSteps.runId, runId)).all()
        const done = steps.filter((s) => s.doneAt !== null).length
        const changes: FieldChange[] = [{ field: 'stepsDone', label: 'Steps done', before: null, after: `${done} of ${steps.length}` }]
        if (endNote) changes.push({ field: 'endNote', label: 'Note', before: null, after: endNote })
        log(run.storeId, `Checklist finished: ${titleOf(run)}`, changes, at, who)
      })
    },

    cancel(runId: number, reason?: string | null): void {
      writeTransaction(sqlite, () => {
        const run = openRunRow(runId)
        const at = clock.now()
        const who = actor.name()
        const endNote = reason?.trim() || null
        db.update(checklistRuns).set({ status: 'cancelled', endedAt: at, endedBy: who, endNote }).where(eq(checklistRuns.id, runId)).run()
        log(run.storeId, `Checklist cancelled: ${titleOf(run)}`, endNote ? [{ field: 'endNote', label: 'Reason', before: null, after: endNote }] : [], at, who)
      })
    },

    /**
     * Ticks the step that a piece of evidence completes in each of the store's open runs. Returns
     * how many steps it ticked. Callers hold the transaction of the record that is the evidence.
     */
    applyEvidence(storeId: number, evidence: StepEvidence, why: string): number {
      const open = db
        .select()
        .from(checklistRuns)
        .where(and(eq(checklistRuns.storeId, storeId), eq(checklistRuns.status, 'open')))
        .orderBy(asc(checklistRuns.id))
        .all()
      let ticked = 0
      for (const run of open) {
        const step = evidenceStep(run.playbook, evidence)
        if (!step) continue
        const row = db
          .select()
          .from(checklistRunSteps)
          .where(and(eq(checklistRunSteps.runId, run.id), eq(checklistRunSteps.stepId, step.id)))
          .get()
        if (row && setDone(run, row, true, 'evidence', SYSTEM_ACTOR, why)) ticked++
      }
      return ticked
    }
  }
}

export type ChecklistService = ReturnType<typeof createChecklistService>
