/** Checklist runs on a real database: one open run per store and playbook, ticks, notes, step 2's dates, evidence, history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChecklistRun, StoreChecklists } from '../../../electron/shared/checklists'
import { authorizationInputSchema, subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { MINUTE, call, refusal, setIntegrator, sgt } from './support'

let database: TestDatabase
let core: TestCore
let storeId: number

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')) })
  storeId = core.stores.create(storeInput()).id
})
afterEach(() => database.close())

const openRun = (view: StoreChecklists): ChecklistRun => {
  const run = view.runs.find((r) => r.status === 'open')
  if (!run) throw new Error('no open run')
  return run
}
const step = (run: ChecklistRun, id: string) => run.steps.find((s) => s.stepId === id)!
const summaries = () => core.detail(storeId).history.map((h) => h.summary)

describe('starting a checklist', () => {
  it('starts a run with the playbook’s seven steps, none done, and writes it to the history', async () => {
    const view = await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' })
    const run = openRun(view)
    expect(run).toMatchObject({ playbook: 'connect-new-store', version: 1, country: 'SG', status: 'open', startedAt: core.clock.now(), startedBy: 'aisha', endedAt: null })
    expect(run.steps.map((s) => [s.number, s.stepId, s.done])).toEqual([
      [1, 'order', false],
      [2, 'confirm-order', false],
      [3, 'open-ordered-services', false],
      [4, 'use-service', false],
      [5, 'agree', false],
      [6, 'authorize', false],
      [7, 'connect', false]
    ])
    const [entry] = core.detail(storeId).history
    expect(entry).toMatchObject({ summary: 'Checklist started: Subscribe and connect a new store', actor: 'aisha' })
    expect(entry!.changes).toEqual([{ field: 'checklist', label: 'Checklist', before: null, after: 'Subscribe and connect a new store (version 1, Singapore)' }])
  })

  it('allows one open run per store and playbook, with a clear refusal', async () => {
    await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    const error = await refusal(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    expect(error).toEqual({
      code: 'conflict',
      message: 'A “Renew the subscription and reauthorize” checklist is already open for this store: finish or cancel it before starting another.'
    })
    // The other playbook, and another store, may have their own open runs.
    await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' })
    const other = core.stores.create(storeInput({ sellerShortCode: 'SG20000002' })).id
    await call(core, 'checklists:start', { storeId: other, playbook: 'renew-and-reauthorize' })
    expect(core.checklists.runs(storeId).filter((r) => r.status === 'open')).toHaveLength(2)
  })

  it('enforces one open run in the database itself (partial unique index)', async () => {
    await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    const insert = database.sqlite.prepare(
      `INSERT INTO checklist_runs (store_id, playbook, playbook_version, country, status, started_at, started_by) VALUES (?, 'renew-and-reauthorize', 1, 'SG', ?, 0, 'x')`
    )
    expect(() => insert.run(storeId, 'open')).toThrow(/UNIQUE constraint failed/)
    expect(() => insert.run(storeId, 'finished')).not.toThrow()
    expect(() => insert.run(storeId, 'cancelled')).not.toThrow()
  })

  it('refuses an unknown store and an unknown playbook', async () => {
    expect(await refusal(core, 'checklists:start', { storeId: 999, playbook: 'renew-and-reauthorize' })).toMatchObject({ code: 'not-found' })
    expect(await refusal(core, 'checklists:start', { storeId, playbook: 'nonsense' as never })).toMatchObject({ code: 'invalid-input' })
  })
})

describe('working through the steps', () => {
  it('ticks and unticks a step with who and when, each in the history', async () => {
    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    core.clock.advance(5 * MINUTE)
    let view = await call(core, 'checklists:tick', { runId: run.id, stepId: 'order' })
    expect(step(openRun(view), 'order')).toMatchObject({ done: true, doneAt: core.clock.now(), doneBy: 'aisha', doneVia: 'kam' })
    // Ticking a done step again changes nothing.
    await call(core, 'checklists:tick', { runId: run.id, stepId: 'order' })
    view = await call(core, 'checklists:untick', { runId: run.id, stepId: 'order' })
    expect(step(openRun(view), 'order')).toMatchObject({ done: false, doneAt: null, doneBy: null, doneVia: null })
    expect(summaries().slice(0, 3)).toEqual([
      'Checklist step 1 unticked: Order the free service on Service Market',
      'Checklist step 1 ticked: Order the free service on Service Market',
      'Checklist started: Renew the subscription and reauthorize'
    ])
    expect(core.detail(storeId).history[1]!.changes).toEqual([
      { field: 'step.order', label: 'Step 1: Order the free service on Service Market', before: 'Not done', after: 'Done' }
    ])
  })

  it('keeps a note per step, and removes it when blank', async () => {
    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    let view = await call(core, 'checklists:note', { runId: run.id, stepId: 'use-service', note: '  Seller could not find the app; sent a screenshot  ' })
    expect(step(openRun(view), 'use-service')).toMatchObject({ note: 'Seller could not find the app; sent a screenshot', noteBy: 'aisha', noteAt: core.clock.now(), done: false })
    view = await call(core, 'checklists:note', { runId: run.id, stepId: 'use-service', note: '   ' })
    expect(step(openRun(view), 'use-service')).toMatchObject({ note: null, noteBy: null })
    expect(summaries().slice(0, 2)).toEqual(['Checklist note removed from step 4', 'Checklist note on step 4: Use the service'])
  })

  it('turns step 2’s Start and End Time into the store’s subscription (from a checklist), ticks the step and moves the status', async () => {
    expect(core.detail(storeId).verdict.status).toBe('needs-subscription')
    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' }))
    core.broadcasts.length = 0
    const values = { startAt: sgt('2026-06-01T10:00'), endAt: sgt('2026-12-01T10:00') }
    const view = await call(core, 'checklists:capture-dates', { runId: run.id, stepId: 'confirm-order', values })

    expect(step(openRun(view), 'confirm-order')).toMatchObject({
      done: true,
      doneVia: 'kam',
      values: { ...values, serviceVersion: 'authorization-only', period: 'half-year' }
    })
    const detail = core.detail(storeId)
    expect(detail.subscription).toMatchObject({ ...values, source: 'checklist', serviceVersion: 'authorization-only', period: 'half-year' })
    expect(detail.verdict.status).toBe('needs-authorization')
    const recorded = detail.history.find((h) => h.summary === 'Subscription recorded')!
    expect(recorded.changes).toContainEqual({ field: 'source', label: 'Dates from', before: null, after: 'From a checklist' })
    expect(recorded.changes).toContainEqual({ field: 'endAt', label: 'End Time', before: null, after: '1 Dec 2026, 10:00 (SG time)' })
    expect(summaries().slice(0, 3)).toEqual([
      'Checklist step 2 ticked: Confirm the order',
      'Status: Needs subscription → Needs authorization',
      'Subscription recorded'
    ])
    expect(core.broadcasts).toContainEqual({ event: 'stores:changed', payload: { storeIds: [storeId] } })
  })

  it('refuses dates on another step, and dates that end before they start', async () => {
    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' }))
    const values = { startAt: sgt('2026-06-01T10:00'), endAt: sgt('2026-12-01T10:00') }
    expect(await refusal(core, 'checklists:capture-dates', { runId: run.id, stepId: 'order', values })).toMatchObject({ code: 'conflict' })
    expect(
      await refusal(core, 'checklists:capture-dates', { runId: run.id, stepId: 'confirm-order', values: { startAt: values.endAt, endAt: values.startAt } })
    ).toMatchObject({ code: 'invalid-input', fields: [{ field: 'values.endAt', message: 'The End Time must be after the Start Time' }] })
    expect(core.detail(storeId).subscription).toBeNull()
  })

  it('finishes a run, keeps it with its steps, refuses changes to it, and lets a new one start', async () => {
    const first = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    await call(core, 'checklists:tick', { runId: first.id, stepId: 'order' })
    await call(core, 'checklists:note', { runId: first.id, stepId: 'agree', note: 'Popup did not show at first' })
    core.clock.advance(10 * MINUTE)
    let view = await call(core, 'checklists:finish', { runId: first.id, note: 'Seller finished on the phone' })
    expect(view.runs).toHaveLength(1)
    expect(view.runs[0]).toMatchObject({ status: 'finished', endedAt: core.clock.now(), endedBy: 'aisha', endNote: 'Seller finished on the phone' })
    expect(core.detail(storeId).history[0]).toMatchObject({
      summary: 'Checklist finished: Renew the subscription and reauthorize',
      changes: [
        { field: 'stepsDone', label: 'Steps done', before: null, after: '1 of 7' },
        { field: 'endNote', label: 'Note', before: null, after: 'Seller finished on the phone' }
      ]
    })
    expect(await refusal(core, 'checklists:tick', { runId: first.id, stepId: 'agree' })).toMatchObject({
      code: 'conflict',
      message: 'This checklist was finished already: start a new one to go through the steps again.'
    })

    core.clock.advance(MINUTE)
    view = await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    const second = openRun(view)
    view = await call(core, 'checklists:cancel', { runId: second.id, reason: 'Client moved the store to another integrator' })
    expect(view.runs.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'cancelled'],
      [first.id, 'finished']
    ])
    // Earlier runs keep their steps as they were.
    expect(step(view.runs[1]!, 'order')).toMatchObject({ done: true, doneBy: 'aisha' })
    expect(step(view.runs[1]!, 'agree')).toMatchObject({ done: false, note: 'Popup did not show at first' })
    expect(summaries()[0]).toBe('Checklist cancelled: Renew the subscription and reauthorize')
  })

  it('lists open runs first, then earlier ones newest first', async () => {
    const a = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    await call(core, 'checklists:finish', { runId: a.id })
    core.clock.advance(MINUTE)
    const b = openRun(await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' }))
    core.clock.advance(MINUTE)
    const c = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    await call(core, 'checklists:cancel', { runId: c.id })
    const view = await call(core, 'checklists:get', { storeId })
    expect(view.runs.map((r) => r.id)).toEqual([b.id, c.id, a.id])
  })

  it('refuses a step that is not in the playbook', async () => {
    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' }))
    expect(await refusal(core, 'checklists:tick', { runId: run.id, stepId: 'connect' })).toMatchObject({ code: 'not-found' })
    expect(await refusal(core, 'checklists:tick', { runId: 999, stepId: 'order' })).toMatchObject({ code: 'not-found' })
  })
})

describe('where the status points', () => {
  it('points at the open run’s step that the status rules name', async () => {
    let view = await call(core, 'checklists:get', { storeId })
    expect(view.suggested).toBe('connect-new-store')
    expect(view.next).toMatchObject({ playbook: 'connect-new-store', stepId: 'order', number: 1, runId: null })

    const run = openRun(await call(core, 'checklists:start', { storeId, playbook: 'connect-new-store' }))
    view = await call(core, 'checklists:capture-dates', {
      runId: run.id,
      stepId: 'confirm-order',
      values: { startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') }
    })
    expect(view.next).toMatchObject({ playbook: 'connect-new-store', stepId: 'use-service', number: 4, runId: run.id })
  })

  it('points nowhere for a healthy store', async () => {
    core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') }))
    core.records.recordAuthorization(storeId, authorizationInputSchema.parse({ authorizedAt: core.clock.now(), reconnected: true }))
    const view = await call(core, 'checklists:get', { storeId })
    expect(view).toMatchObject({ suggested: null, next: null })
  })
})

describe('evidence ticks steps by itself', () => {
  async function subscribedWithRun(playbook: 'renew-and-reauthorize' | 'connect-new-store') {
    core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') }))
    return openRun(await call(core, 'checklists:start', { storeId, playbook }))
  }

  it('a recorded authorization completes the authorization step; “Mark reconnected” the last one, and the store is healthy', async () => {
    const run = await subscribedWithRun('connect-new-store')
    core.clock.advance(MINUTE)
    await call(core, 'authorizations:record', { storeId, authorization: { authorizedAt: core.clock.now(), method: 'seller-link' } })
    let view = await call(core, 'checklists:get', { storeId })
    expect(step(openRun(view), 'authorize')).toMatchObject({ done: true, doneVia: 'evidence', doneBy: 'Storewatch', doneAt: core.clock.now() })
    expect(step(openRun(view), 'connect').done).toBe(false)
    expect(core.detail(storeId).verdict.status).toBe('needs-reconnect')
    expect(view.next).toMatchObject({ stepId: 'connect', number: 7, runId: run.id })
    expect(core.detail(storeId).history.find((h) => h.summary.startsWith('Checklist step 6'))).toMatchObject({
      summary: 'Checklist step 6 ticked by evidence: Authorize on Lazada Open Platform',
      actor: 'Storewatch',
      changes: expect.arrayContaining([{ field: 'evidence', label: 'Evidence', before: null, after: 'Authorization recorded: Seller used the link in their browser' }])
    })

    core.clock.advance(MINUTE)
    const detail = await call(core, 'authorizations:mark-reconnected', { storeId })
    expect(detail.verdict.status).toBe('healthy')
    view = await call(core, 'checklists:get', { storeId })
    expect(step(openRun(view), 'connect')).toMatchObject({ done: true, doneVia: 'evidence', doneBy: 'Storewatch' })
    expect(summaries().slice(0, 3)).toEqual([
      'Checklist step 7 ticked by evidence: Connect the new store',
      'Status: Needs reconnect → Healthy',
      'Reconnected in the OMS'
    ])
  })

  it('an authorization recorded as already reconnected ticks both steps', async () => {
    await subscribedWithRun('renew-and-reauthorize')
    await call(core, 'authorizations:record', { storeId, authorization: { authorizedAt: core.clock.now(), reconnected: true } })
    const run = openRun(await call(core, 'checklists:get', { storeId }))
    expect([step(run, 'authorize').done, step(run, 'reconnect').done]).toEqual([true, true])
  })

  it('leaves finished runs and stores without an open run alone, and needs no run at all', async () => {
    const run = await subscribedWithRun('renew-and-reauthorize')
    await call(core, 'checklists:finish', { runId: run.id })
    await call(core, 'authorizations:record', { storeId, authorization: { authorizedAt: core.clock.now() } })
    const [finished] = (await call(core, 'checklists:get', { storeId })).runs
    expect(step(finished!, 'authorize').done).toBe(false)
    expect(core.detail(storeId).verdict.status).toBe('needs-reconnect')
  })

  it('does not tick anything when the record is refused', async () => {
    await subscribedWithRun('renew-and-reauthorize')
    expect(await refusal(core, 'authorizations:mark-reconnected', { storeId })).toMatchObject({ code: 'conflict' })
    const run = openRun(await call(core, 'checklists:get', { storeId }))
    expect(step(run, 'reconnect').done).toBe(false)
  })
})

describe('stores with no steps to follow', () => {
  it('a store whose country is unticked under Settings → Integrator → Published gets a checklist that says so, and no run', async () => {
    await setIntegrator(core, { publishedCountries: ['MY', 'TH', 'PH', 'VN', 'ID'] })
    const view = await call(core, 'checklists:get', { storeId })
    expect(view.checklists['renew-and-reauthorize']).toEqual({
      kind: 'not-published',
      playbook: 'renew-and-reauthorize',
      version: 1,
      title: 'Renew the subscription and reauthorize',
      country: 'SG',
      countryName: 'Singapore',
      message:
        'Anchanto OM is not published on Singapore’s Lazada Service Market, so Lazada refuses to authorize it there. Ask the integrator to publish it in Singapore; until then there are no steps the seller can follow.'
    })
    expect(view.authorize.ready).toBe(false)
    // The status says the same as the checklist and Reauthorize: one setting for all three.
    expect(core.status.refresh(storeId)).toMatchObject({ status: 'app-not-published', reason: expect.stringContaining('not published on Singapore’s Service Market') })
    expect(await refusal(core, 'checklists:start', { storeId, playbook: 'renew-and-reauthorize' })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('not published on Singapore’s Lazada Service Market')
    })
  })

  it('so does a country missing from the integrator’s published countries', async () => {
    await setIntegrator(core, { publishedCountries: ['MY', 'TH'] })
    const view = await call(core, 'checklists:get', { storeId })
    expect(view.checklists['connect-new-store'].kind).toBe('not-published')
  })

  it('an out-of-scope store gets none', async () => {
    const korean = core.stores.create(storeInput({ country: 'KR', sellerShortCode: 'KR10000001' })).id
    const view = await call(core, 'checklists:get', { storeId: korean })
    expect(view.checklists['renew-and-reauthorize']).toMatchObject({ kind: 'out-of-scope', message: expect.stringContaining('South Korea is outside Lazada’s Service Market rule') })
    expect(view).toMatchObject({ suggested: null, next: null, runs: [], authorize: { ready: false } })
    expect(await refusal(core, 'checklists:start', { storeId: korean, playbook: 'connect-new-store' })).toMatchObject({ code: 'conflict' })
  })
})
