/**
 * A running check in the header (issue #10, point 5): stores asked of N, calls per second and time
 * left as main reports them (`tasks:progress`), "Cancel check" while it can be cancelled, and the
 * usual "Check now" once it ended. A window opened meanwhile shows the check in progress.
 */
import { screen, waitFor } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { TaskProgress } from '../../electron/shared/task-progress'
import { installFakeBridge, makeRun, TEST_NOW } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function checkTask(overrides: Partial<TaskProgress> = {}): TaskProgress {
  return {
    id: 'check-7',
    kind: 'check',
    label: 'Asking Lazada about stores',
    state: 'running',
    done: 412,
    total: 2000,
    ratePerSecond: 9.8,
    etaMs: 162_000,
    cancellable: true,
    startedAt: TEST_NOW,
    ...overrides
  }
}

describe('a check in progress', () => {
  it('shows stores asked of N, calls per second and time left; Cancel check asks main to stop it', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/')
    await screen.findByRole('button', { name: 'Check now' })
    await waitFor(() => expect(bridge.listenerCount('tasks:progress')).toBe(1))

    bridge.tasks = [checkTask()]
    act(() => bridge.emit('tasks:progress', checkTask()))
    const progress = await screen.findByTestId('check-progress')
    expect(screen.getByTestId('task-progress-text')).toHaveTextContent('412 of 2,000 stores asked · 9.8 calls/s · about 3 min left')
    expect(progress).toHaveAccessibleName('Asking Lazada about stores: 412 of 2,000 stores asked · 9.8 calls/s · about 3 min left')
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull()

    bridge.tasks = [checkTask({ done: 1200, ratePerSecond: 10.2, etaMs: 38_000 })]
    act(() => bridge.emit('tasks:progress', bridge.tasks[0]!))
    expect(screen.getByTestId('task-progress-text')).toHaveTextContent('1,200 of 2,000 stores asked · 10.2 calls/s · 38 s left')

    await user.click(screen.getByRole('button', { name: 'Cancel check' }))
    expect(bridge.inputsTo('tasks:cancel')).toEqual([{ id: 'check-7' }])
    // Main stops at the next call: meanwhile the check says it is cancelling, with nothing more to press.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel check' })).toBeNull())
    expect(screen.getByTestId('check-progress')).toHaveAccessibleName(/^Cancelling: 1,200 of 2,000 stores asked/)

    act(() => {
      bridge.emit('tasks:progress', checkTask({ done: 1208, state: 'cancelled', cancellable: false, label: 'Cancelling' }))
      bridge.emit('checks:completed', makeRun({ cancelled: true, startedAt: Date.now(), finishedAt: Date.now() }))
    })
    await screen.findByRole('button', { name: 'Check now' })
    expect(screen.queryByTestId('check-progress')).toBeNull()
  })

  it('while the stores are judged (no count), says so and keeps Check now busy', async () => {
    const bridge = installFakeBridge()
    renderApp('#/')
    await waitFor(() => expect(bridge.listenerCount('tasks:progress')).toBe(1))
    act(() => bridge.emit('tasks:progress', checkTask({ label: 'Judging the stores', total: null, done: 0, ratePerSecond: null, etaMs: null, cancellable: false })))
    await screen.findByText('Judging the stores…')
    expect(screen.getByRole('button', { name: 'Check now' })).toHaveAttribute('data-loading', 'true')
    expect(screen.queryByRole('button', { name: 'Cancel check' })).toBeNull()
  })

  it('a window opened during a check shows it', async () => {
    const bridge = installFakeBridge()
    bridge.tasks = [checkTask({ done: 50, ratePerSecond: null, etaMs: null })]
    renderApp('#/')
    await screen.findByTestId('check-progress')
    expect(screen.getByTestId('task-progress-text')).toHaveTextContent(/^50 of 2,000 stores asked$/)
    expect(screen.getByRole('button', { name: 'Cancel check' })).toBeInTheDocument()
  })
})
