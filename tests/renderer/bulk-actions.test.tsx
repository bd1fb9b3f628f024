/**
 * The bulk action bar (issue #10): shown once rows are selected, each action opens a form stating
 * how many stores it changes, main's refusal shows in the form, "Applying to N stores…" while main
 * works, then a toast with what was left and why and "Undo". Reachable from the keyboard.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { BulkResult } from '../../electron/shared/bulk'
import { usePortfolioStore } from '../../renderer/src/stores/usePortfolioStore'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function stores(count: number) {
  return Array.from({ length: count }, (_, i) => makeStore({ id: i + 1, clientName: `Client ${String(i + 1).padStart(3, '0')}`, storeName: `Shop ${i + 1}` }))
}

const rows = () => within(screen.getByRole('grid', { name: 'Stores' })).getAllByRole('row').slice(1)

function result(overrides: Partial<BulkResult> = {}): BulkResult {
  return { batchId: 7, label: 'Owner set to “Dana Lee”', selected: 2, changed: 2, unchanged: [], ...overrides }
}

async function portfolioWithTwoSelected(_bridge: FakeBridge) {
  const view = renderApp('#/portfolio')
  await screen.findByRole('grid', { name: 'Stores' })
  await view.user.click(within(rows()[0]!).getByRole('checkbox'))
  await view.user.click(within(rows()[1]!).getByRole('checkbox'))
  return view
}

describe('bulk action bar', () => {
  it('is not there until rows are selected', async () => {
    installFakeBridge(stores(3))
    renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    expect(screen.queryByRole('button', { name: /^Act on/ })).not.toBeInTheDocument()
  })

  it('assigns an owner to the selected stores, says how many in the form, and undoes as one step', async () => {
    const bridge = installFakeBridge(stores(5))
    bridge.handle('bulk:run', () => ({ ok: true, value: result({ unchanged: [{ reason: 'already owned by Dana Lee', count: 1, examples: ['Client 003 — Shop 3 (SG)'] }] }) }))
    bridge.handle('bulk:undo', ({ batchId }) => ({ ok: true, value: { batchId, label: 'Owner set to “Dana Lee”', restored: 2 } }))
    const { user } = await portfolioWithTwoSelected(bridge)

    await user.click(screen.getByRole('button', { name: 'Act on 2 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Assign owner…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Assign owner to 2 stores' })
    await user.type(within(dialog).getByRole('combobox', { name: /Owner KAM/ }), 'Dana Lee')
    await user.click(within(dialog).getByRole('button', { name: 'Assign owner' }))

    await waitFor(() => expect(bridge.lastInputTo('bulk:run')).toEqual({ selection: { ids: [1, 2] }, action: { kind: 'assign-owner', owner: 'Dana Lee' } }))
    const toast = await screen.findByTestId('bulk-result')
    expect(toast).toHaveTextContent('2 stores changed; 1 left as they were: 1 already owned by Dana Lee')
    expect(toast).toHaveTextContent('For example: Client 003 — Shop 3 (SG)')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Assign owner to 2 stores' })).not.toBeInTheDocument())

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(bridge.lastInputTo('bulk:undo')).toEqual({ batchId: 7 }))
    expect(await screen.findByText('Undone: Owner set to “Dana Lee”')).toBeInTheDocument()
  })

  it('keeps the form open with the problem, checked by the contract’s rules before anything is sent', async () => {
    const bridge = installFakeBridge(stores(3))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Act on 2 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Add tag…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a tag to 2 stores' })
    await user.type(within(dialog).getByRole('combobox', { name: /Tag/ }), 'vip|gold')
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Nothing was changed')
    expect(alert).toHaveTextContent('A tag cannot contain | or , (they separate tags in a CSV file)')
    expect(bridge.inputsTo('bulk:run')).toHaveLength(0)
  })

  it('records “authorized and reconnected as of” a date in the KAM’s time, and asks for the date when it is cleared', async () => {
    const bridge = installFakeBridge(stores(3))
    bridge.handle('bulk:run', () => ({ ok: true, value: result({ label: 'Authorized and reconnected as of 1 Dec 2026, 09:30' }) }))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Act on 2 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Record authorization…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Record “authorized and reconnected” for 2 stores' })
    const when = within(dialog).getByLabelText(/Authorized and reconnected as of/)
    // The app's own format ("1 Dec 2026 09:30"), not the native input's mm/dd/yyyy.
    expect((when as HTMLInputElement).value).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$/)
    await user.clear(when)
    await user.click(within(dialog).getByRole('button', { name: 'Record authorization' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Pick the date and time, e.g. today’s')
    fireEvent.change(when, { target: { value: '2026-12-01T09:30' } })
    await user.type(within(dialog).getByRole('textbox', { name: /Seller account/ }), 'ops@acme.example')
    await user.click(within(dialog).getByRole('button', { name: 'Record authorization' }))
    await waitFor(() =>
      expect(bridge.lastInputTo('bulk:run')).toEqual({
        selection: { ids: [1, 2] },
        action: { kind: 'record-authorization', authorizedAt: DateTime.fromISO('2026-12-01T09:30').toMillis(), account: 'ops@acme.example' }
      })
    )
  })

  it('shows main’s refusal in the form', async () => {
    const bridge = installFakeBridge(stores(3))
    const refusal = 'No stores are selected (they may have been deleted or no longer match): select some and try again.'
    bridge.handle('bulk:run', () => ({ ok: false, error: { code: 'invalid-input', message: refusal } }))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Act on 2 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Restore from the archive…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Restore 2 stores from the archive' })
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(refusal)
    expect(screen.queryByTestId('bulk-result')).not.toBeInTheDocument()
  })

  it('shows “Applying to N stores…” while main works, for “all matching”, and clears the selection of archived stores', async () => {
    const bridge = installFakeBridge(stores(4))
    let answer: (value: BulkResult) => void = () => undefined
    bridge.handle('bulk:run', () => new Promise((resolve) => (answer = (value) => resolve({ ok: true, value }))))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Select all 4 matching' }))
    await user.click(screen.getByRole('button', { name: 'Act on 4 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Archive…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Archive 4 stores' })
    await user.click(within(dialog).getByRole('button', { name: 'Archive' }))
    expect(await within(dialog).findByText('Applying to 4 stores…')).toBeInTheDocument()
    expect(bridge.lastInputTo('bulk:run')).toMatchObject({ selection: { allMatching: { statuses: [] }, except: [] }, action: { kind: 'archive' } })
    answer(result({ label: 'Archived', changed: 4, selected: 4 }))
    expect(await screen.findByTestId('bulk-result')).toHaveTextContent('4 stores changed')
    await waitFor(() => expect(usePortfolioStore.getState().selection).toEqual({ mode: 'some', ids: new Set() }))
  })

  it('tells why an undo is refused', async () => {
    const bridge = installFakeBridge(stores(3))
    bridge.handle('bulk:run', () => ({ ok: true, value: result({ label: 'Tag “vip” added' }) }))
    const refusal = 'Cannot undo “Tag “vip” added”: 1 store was changed since (Client 001 — Shop 1 (SG)). Undo would overwrite those changes; change them back one by one instead.'
    bridge.handle('bulk:undo', () => ({ ok: false, error: { code: 'conflict', message: refusal } }))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Act on 2 stores' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Add tag…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a tag to 2 stores' })
    await user.type(within(dialog).getByRole('combobox', { name: /Tag/ }), 'vip')
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }))
    await user.click(within(await screen.findByTestId('bulk-result')).getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText(refusal)).toBeInTheDocument()
  })

  it('works from the keyboard: the menu, the form, Enter to apply', async () => {
    const bridge = installFakeBridge(stores(3))
    bridge.handle('bulk:run', () => ({ ok: true, value: result({ label: 'Reminders snoozed until 4 Dec 2026, 16:00' }) }))
    const { user } = await portfolioWithTwoSelected(bridge)
    screen.getByRole('button', { name: 'Act on 2 stores' }).focus()
    await user.keyboard('{Enter}')
    const item = await screen.findByRole('menuitem', { name: 'Snooze reminders…' })
    item.focus()
    await user.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog', { name: 'Snooze the reminders of 2 stores' })
    const days = within(dialog).getByRole('textbox', { name: /Snooze for \(days\)/ })
    await waitFor(() => expect(days).toHaveFocus())
    await user.clear(days)
    await user.type(days, '3{Enter}')
    await waitFor(() => expect(bridge.lastInputTo('bulk:run')).toEqual({ selection: { ids: [1, 2] }, action: { kind: 'snooze', days: 3 } }))
  })

  it('exports only the selection', async () => {
    const bridge = installFakeBridge(stores(3))
    bridge.handle('bulk:export-csv', () => ({ ok: true, value: { file: { saved: true, path: '/home/kam/storewatch-stores.csv' }, rowCount: 2 } }))
    const { user } = await portfolioWithTwoSelected(bridge)
    await user.click(screen.getByRole('button', { name: 'Export selection' }))
    expect(await screen.findByText('Exported 2 stores')).toBeInTheDocument()
    expect(bridge.lastInputTo('bulk:export-csv')).toEqual({ selection: { ids: [1, 2] } })
  })
})
