/**
 * A check that asks Lazada shows itself (issue #10, point 5): `tasks:progress` carries stores
 * asked of N, calls per second and time left (on the test's clock); the answers are recorded while
 * the check still asks, in batches of their own; and "Cancel" stops asking at the next call,
 * keeps what was answered, and records the run as cancelled with how far it got.
 * Real SQLite, a scripted Lazada held at a gate the test opens.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ANSWER_BATCH } from '../../../electron/core/lazada-sync/answer-writer'
import { REMOTE_CONCURRENCY } from '../../../electron/core/lazada-sync/remote-check'
import type { TaskProgress } from '../../../electron/shared/task-progress'
import { call } from '../checklists/support'
import { HOUR, sgMidnight, subscribedStore } from '../monitoring/monitoring-support'
import { lazadaWorld, valid } from './support'
import type { LazadaWorld } from './support'

let world: LazadaWorld
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

const NOW = sgMidnight('2026-12-05') + 10 * HOUR
const KAM_END = sgMidnight('2026-12-15')
const LAZADA_END = sgMidnight('2027-06-15')
const STORES = 120
/** Calls answered before the gate: past one batch, short of two. */
const BEFORE_GATE = 60

/** Lazada answering `open` calls at once (each 100 ms on the test's clock), the rest when the test opens the gate. */
function gatedLazada(w: LazadaWorld, open: number) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const state = { answered: 0, waiting: 0 }
  w.api.subs = async () => {
    if (w.api.count('/service/market/subs/query') > open) {
      state.waiting++
      await gate
    }
    w.clock.advance(100)
    state.answered++
    return [valid(LAZADA_END)]
  }
  return { state, release }
}

function progressEvents(w: LazadaWorld): TaskProgress[] {
  return w.core.broadcasts.filter((b) => b.event === 'tasks:progress').map((b) => b.payload as TaskProgress)
}

const answeredRows = (w: LazadaWorld) => w.database.sqlite.prepare("SELECT count(*) FROM lazada_subscriptions WHERE state = 'valid'").pluck().get() as number

describe('a check’s progress', () => {
  it('shows stores asked of N, calls per second and time left, and records answers in batches while it asks', async () => {
    world = await lazadaWorld(NOW)
    for (let i = 0; i < STORES; i++) subscribedStore(world.core, KAM_END)
    const { state, release } = gatedLazada(world, BEFORE_GATE)
    const running = world.core.monitoring.runNow('manual')

    await expect.poll(() => state.waiting).toBe(REMOTE_CONCURRENCY)
    expect(state.answered).toBe(BEFORE_GATE)
    // One whole batch is recorded and committed: main is not inside a transaction while Lazada is asked.
    expect(answeredRows(world)).toBe(ANSWER_BATCH)
    expect(world.database.sqlite.inTransaction).toBe(false)
    const [task] = await call(world.core, 'tasks:running', undefined)
    expect(task).toMatchObject({ kind: 'check', state: 'running', label: 'Asking Lazada about stores', total: STORES, cancellable: true })
    // Each answer moves the test's clock 100 ms: about 10 a second (8 calls overlap, so a step may
    // be counted a little after its time), and the time left is the stores to go at that rate.
    const latest = progressEvents(world).at(-1)!
    expect(latest.done).toBeGreaterThanOrEqual(BEFORE_GATE - 3)
    expect(latest.ratePerSecond).toBeGreaterThan(8)
    expect(latest.ratePerSecond).toBeLessThanOrEqual(10)
    expect(latest.etaMs).toBe(Math.round(((STORES - latest.done) / latest.ratePerSecond!) * 1000))

    release()
    const run = await running
    expect(run.cancelled).toBe(false)
    expect(run.remote).toMatchObject({ state: 'done', asked: STORES, inScope: STORES, answered: STORES })
    expect(answeredRows(world)).toBe(STORES)
    const events = progressEvents(world)
    expect(events.some((e) => e.label === 'Asking Lazada about stores' && e.done === STORES && e.total === STORES)).toBe(true)
    expect(events.at(-1)).toMatchObject({ id: task!.id, state: 'done', cancellable: false })
    expect(await call(world.core, 'tasks:running', undefined)).toEqual([])
  })

  it('cancel stops asking at the next call, keeps what was answered, and records the run as cancelled with how far it got', async () => {
    world = await lazadaWorld(NOW)
    const ids = Array.from({ length: STORES }, () => subscribedStore(world.core, KAM_END))
    const { state, release } = gatedLazada(world, BEFORE_GATE)
    const running = world.core.monitoring.runNow('manual')
    await expect.poll(() => state.waiting).toBe(REMOTE_CONCURRENCY)

    const [task] = await call(world.core, 'tasks:running', undefined)
    const answer = await call(world.core, 'tasks:cancel', { id: task!.id })
    expect(answer).toMatchObject({ id: task!.id, cancellable: false, label: 'Cancelling' })
    release()
    const run = await running

    // The calls in flight finish; none is started after the cancel.
    const asked = BEFORE_GATE + REMOTE_CONCURRENCY
    expect(world.api.count('/service/market/subs/query')).toBe(asked)
    expect(run.cancelled).toBe(true)
    expect(run.remote).toMatchObject({ state: 'cancelled', asked, inScope: STORES, answered: asked, failures: [] })
    expect(run.remote!.message).toBe(
      `Cancelled after asking Lazada about ${asked} of ${STORES} stores: ${asked} answered and saved; the next check asks about all of them again.`
    )
    expect(answeredRows(world)).toBe(asked)
    // Stores judged with what was answered; the others keep the KAM's End Time.
    const statuses = ids.map((id) => world.core.detail(id).verdict.status)
    expect(statuses.filter((s) => s === 'healthy')).toHaveLength(asked)
    expect(statuses.filter((s) => s === 'expiring')).toHaveLength(STORES - asked)
    // The record says so too, for the header and the next start.
    const [recorded] = world.core.monitoring.recentRuns(1)
    expect(recorded).toMatchObject({ id: run.id, cancelled: true, remote: { state: 'cancelled', asked, inScope: STORES } })
    expect(progressEvents(world).at(-1)).toMatchObject({ id: task!.id, state: 'cancelled' })
    expect(await call(world.core, 'tasks:cancel', { id: task!.id })).toBeNull()

    // The next check asks about every store again.
    const next = await world.core.monitoring.runNow('manual')
    expect(next.remote).toMatchObject({ state: 'done', asked: STORES })
  })

  it('a check without Lazada cannot be cancelled and ends done', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    subscribedStore(world.core, KAM_END)
    await world.core.monitoring.runNow('manual')
    const events = progressEvents(world)
    expect(events[0]).toMatchObject({ kind: 'check', state: 'running', cancellable: false })
    expect(events.every((e) => !e.cancellable)).toBe(true)
    expect(events.at(-1)).toMatchObject({ state: 'done' })
  })
})
