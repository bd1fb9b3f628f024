/**
 * Imports and bulk actions in the header (issue #10, point 5), as main reports them
 * (`tasks:progress`): the label, rows or stores done of all, and Cancel where main says it can be
 * cancelled. An import being written offers Cancel in its dialog too, and says what a cancel left.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { ImportCommitResult } from '../../electron/shared/csv-import'
import type { Result } from '../../electron/shared/result'
import type { TaskProgress } from '../../electron/shared/task-progress'
import { deferred, installFakeBridge, makeStore, TEST_NOW } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function task(overrides: Partial<TaskProgress>): TaskProgress {
  return {
    id: 'import-3',
    kind: 'import',
    label: 'Importing stores from stores.xlsx',
    state: 'running',
    done: 500,
    total: 2000,
    ratePerSecond: 1250,
    etaMs: 1200,
    cancellable: true,
    startedAt: TEST_NOW,
    ...overrides
  }
}

describe('long work in the header', () => {
  it('shows an import’s rows written of all and its rate; Cancel import asks main to stop it', async () => {
    const bridge = installFakeBridge()
    const { user } = renderApp('#/')
    await waitFor(() => expect(bridge.listenerCount('tasks:progress')).toBe(1))

    bridge.tasks = [task({})]
    act(() => bridge.emit('tasks:progress', bridge.tasks[0]!))
    const progress = await screen.findByTestId('import-progress')
    expect(progress).toHaveAccessibleName('Importing stores from stores.xlsx: 500 of 2,000 rows · 1,250 rows/s · 2 s left')
    expect(within(progress).getByTestId('task-progress-text')).toHaveTextContent('500 of 2,000 rows · 1,250 rows/s · 2 s left')
    // The check's own place is untouched.
    expect(screen.getByRole('button', { name: 'Check now' })).toBeInTheDocument()

    await user.click(within(progress).getByRole('button', { name: 'Cancel import' }))
    expect(bridge.inputsTo('tasks:cancel')).toEqual([{ id: 'import-3' }])
    await waitFor(() => expect(within(progress).queryByRole('button', { name: 'Cancel import' })).toBeNull())
    expect(progress).toHaveAccessibleName(/^Cancelling: 500 of 2,000 rows/)

    act(() => bridge.emit('tasks:progress', task({ state: 'cancelled', cancellable: false, label: 'Cancelling' })))
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull())
  })

  it('shows a bulk action’s phases, without Cancel', async () => {
    const bridge = installFakeBridge()
    renderApp('#/')
    await waitFor(() => expect(bridge.listenerCount('tasks:progress')).toBe(1))
    const bulk = { id: 'bulk-4', kind: 'bulk' as const, cancellable: false, ratePerSecond: null, etaMs: null }

    act(() => bridge.emit('tasks:progress', task({ ...bulk, label: 'Backing up', total: null, done: 0 })))
    const progress = await screen.findByTestId('bulk-progress')
    expect(progress).toHaveTextContent('Backing up…')
    act(() => bridge.emit('tasks:progress', task({ ...bulk, label: 'Applying to 1,500 stores', total: 1500, done: 0 })))
    expect(within(progress).getByTestId('task-progress-text')).toHaveTextContent(/^0 of 1,500 stores$/)
    expect(progress).toHaveAccessibleName('Applying to 1,500 stores: 0 of 1,500 stores')
    expect(within(progress).queryByRole('button')).toBeNull()

    act(() => bridge.emit('tasks:progress', task({ ...bulk, label: 'Applying to 1,500 stores', total: 1500, done: 1500, state: 'done' })))
    await waitFor(() => expect(screen.queryByTestId('bulk-progress')).toBeNull())
  })

  it('an import being written offers Cancel in its dialog, and says nothing was imported once cancelled', async () => {
    const bridge = installFakeBridge([makeStore()])
    const answer = deferred<Result<ImportCommitResult>>()
    bridge.handle('import:commit', () => answer.promise)
    const { user } = renderApp('#/portfolio')
    await user.click(await screen.findByRole('button', { name: 'Import CSV or Excel' }))
    const dialog = await screen.findByRole('dialog', { name: 'Import CSV or Excel' })
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), new File(['x'], 'stores.csv', { type: 'text/csv' }))
    await user.click(await within(dialog).findByRole('button', { name: 'Import' }))

    bridge.tasks = [task({ label: 'Importing stores from stores.csv' })]
    act(() => bridge.emit('tasks:progress', bridge.tasks[0]!))
    await user.click(await within(dialog).findByRole('button', { name: 'Cancel import' }))
    expect(bridge.inputsTo('tasks:cancel')).toEqual([{ id: 'import-3' }])
    expect(await within(dialog).findByRole('button', { name: 'Cancelling…' })).toBeDisabled()

    const message = 'You cancelled the import of stores.csv. Nothing was imported: your portfolio is as it was.'
    act(() => {
      bridge.emit('tasks:progress', task({ state: 'cancelled', cancellable: false, label: 'Cancelling' }))
      answer.resolve({ ok: false, error: { code: 'import-cancelled', message } })
    })
    expect(await within(dialog).findByText(message)).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeEnabled()
  })
})
