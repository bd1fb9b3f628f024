/**
 * The progress a long task publishes: done of total, the rate so far and the time left at that
 * rate, on a fake clock; throttled between steps, at once at a phase, its last item and its end;
 * cancelling aborts its signal once, and only while it can be cancelled.
 */
import { describe, expect, it } from 'vitest'
import { createTaskRegistry, rateAndEta } from '../../../electron/core/tasks/task-registry'
import type { TaskProgress } from '../../../electron/shared/task-progress'
import { FakeClock } from '../../support/test-database'

function registry(intervalMs = 250) {
  const clock = new FakeClock(Date.parse('2026-12-02T03:00:00Z'))
  const published: TaskProgress[] = []
  // The late publish of a held-back step, run when the test says.
  const due: (() => void)[] = []
  const later = (run: () => void) => {
    due.push(run)
    return () => due.splice(due.indexOf(run), 1)
  }
  const tasks = createTaskRegistry({ clock, publish: (p) => published.push(p), minIntervalMs: intervalMs, later })
  const runLater = () => due.splice(0).forEach((run) => run())
  return { clock, published, tasks, due, runLater }
}

describe('task progress', () => {
  it('gives the rate so far and the time left at it', () => {
    expect(rateAndEta(0, 100, 5000)).toEqual({ ratePerSecond: null, etaMs: null })
    expect(rateAndEta(20, 100, 2000)).toEqual({ ratePerSecond: 10, etaMs: 8000 })
    expect(rateAndEta(20, null, 2000)).toEqual({ ratePerSecond: 10, etaMs: null })
    expect(rateAndEta(100, 100, 2000)).toEqual({ ratePerSecond: 50, etaMs: 0 })
  })

  it('publishes done of total, calls per second and time left as the clock moves', () => {
    const { clock, published, tasks } = registry()
    const task = tasks.start('check', { label: 'Asking Lazada about stores', total: 1000, cancellable: true })
    expect(published.at(-1)).toMatchObject({ id: task.id, kind: 'check', state: 'running', done: 0, total: 1000, ratePerSecond: null, etaMs: null, cancellable: true })
    // 9 calls per second for 10 s: 90 done, 910 left at 9/s.
    for (let second = 0; second < 10; second++) {
      clock.advance(1000)
      task.advance(9)
    }
    const last = published.at(-1)!
    expect(last.done).toBe(90)
    expect(last.ratePerSecond).toBeCloseTo(9, 6)
    expect(last.etaMs).toBe(Math.round((910 / 9) * 1000))
    expect(tasks.running()).toEqual([last])
  })

  it('throttles between steps, but shows the last item and the end at once', () => {
    const { clock, published, tasks } = registry(250)
    const task = tasks.start('import', { label: 'Writing rows', total: 10, cancellable: false })
    for (let i = 0; i < 9; i++) {
      clock.advance(10)
      task.advance()
    }
    // 90 ms of steps: nothing new published after the start.
    expect(published).toHaveLength(1)
    clock.advance(200)
    task.advance()
    expect(published.at(-1)).toMatchObject({ done: 10, total: 10 })
    task.end('done')
    expect(published.at(-1)).toMatchObject({ state: 'done', etaMs: 0, cancellable: false })
    expect(tasks.running()).toEqual([])
    task.advance()
    task.end('failed')
    expect(published.at(-1)!.state).toBe('done')
  })

  it('a step held back by the throttle is published a moment later when no other follows', () => {
    const { clock, published, tasks, due, runLater } = registry(250)
    const task = tasks.start('check', { label: 'Asking Lazada about stores', total: 100, cancellable: true })
    clock.advance(100)
    task.advance()
    clock.advance(10)
    task.advance()
    expect(published.at(-1)!.done).toBe(0)
    // One late publish is due, however many steps were held back.
    expect(due).toHaveLength(1)
    clock.advance(240)
    runLater()
    // Measured when published: the pause since the last step lowers the rate.
    expect(published.at(-1)!.done).toBe(2)
    expect(published.at(-1)!.ratePerSecond).toBeCloseTo(2 / 0.35, 9)
    // A publish in time calls off the late one; so does the end.
    task.advance()
    expect(due).toHaveLength(1)
    clock.advance(300)
    task.advance()
    expect(due).toHaveLength(0)
    task.advance()
    task.end('cancelled')
    expect(due).toHaveLength(0)
  })

  it('a new phase counts again from zero, its rate measured from its start', () => {
    const { clock, published, tasks } = registry()
    const task = tasks.start('check', { label: 'Checking the portfolio', total: null, cancellable: false })
    clock.advance(60_000)
    task.phase({ label: 'Asking Lazada about stores', total: 40, cancellable: true })
    clock.advance(2000)
    task.advance(10)
    expect(published.at(-1)).toMatchObject({ label: 'Asking Lazada about stores', done: 10, ratePerSecond: 5, etaMs: 6000 })
  })

  it('cancel aborts the signal of a cancellable task, says so, and refuses otherwise', () => {
    const { published, tasks } = registry()
    const fixed = tasks.start('bulk', { label: 'Archiving', total: 5, cancellable: false })
    expect(tasks.cancel(fixed.id)).toBeNull()
    expect(fixed.signal.aborted).toBe(false)
    expect(tasks.cancel('check-404')).toBeNull()

    const check = tasks.start('check', { label: 'Asking Lazada about stores', total: 5, cancellable: true })
    const answer = tasks.cancel(check.id)
    expect(check.signal.aborted).toBe(true)
    expect(answer).toMatchObject({ id: check.id, state: 'running', cancellable: false, label: 'Cancelling' })
    expect(published.at(-1)).toEqual(answer)
    expect(tasks.cancel(check.id)).toBeNull()
    check.end('cancelled')
    expect(published.at(-1)).toMatchObject({ state: 'cancelled', etaMs: null })
  })
})
