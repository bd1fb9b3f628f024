import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportProblem } from '../../electron/shared/csv-import'
import { ok } from '../../electron/shared/result'
import { deferred, installFakeBridge, makePreview, makeStore } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

const CSV = 'client_name,store_name,country,seller_short_code\nAcme,Acme Official,SG,SG1A2B3C4D\n'

function csvFile(name = 'stores.csv', content = CSV): File {
  return new File([content], name, { type: 'text/csv' })
}

async function openImport(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Import CSV or Excel' }))
  return screen.findByRole('dialog', { name: 'Import CSV or Excel' })
}

function problem(row: number, severity: ImportProblem['severity'], message: string): ImportProblem {
  return { row, column: 'country', field: 'country', value: 'XX', message, severity, kind: severity === 'error' ? 'invalid-value' : 'out-of-scope' }
}

const PREVIEW_WITH_ERRORS: ImportPreview = makePreview({
  previewId: 'preview-errors',
  rowCount: 10,
  newCount: 6,
  conflictCount: 1,
  errorRowCount: 2,
  outOfScopeCount: 1,
  ignoredColumns: ['legacy_id'],
  problems: [
    problem(3, 'error', 'Unknown country "XX": use a two-letter code such as SG, MY, TH, PH, VN, ID'),
    problem(5, 'error', 'Client is required'),
    problem(9, 'warning', 'South Korea is outside the six Service Market countries: kept as out of scope')
  ],
  conflicts: [
    {
      row: 7,
      existingStoreId: 1,
      existingStoreLabel: 'Acme — Acme Official (SG)',
      existingArchived: false,
      matchedOn: 'seller short code',
      changes: [
        { field: 'ownerKam', label: 'Owner KAM', before: 'Ann', after: 'Ben' },
        { field: 'tags', label: 'Tags', before: null, after: 'vip' }
      ]
    }
  ],
  canImport: false
})

const PREVIEW_WITH_CONFLICTS: ImportPreview = makePreview({
  ...PREVIEW_WITH_ERRORS,
  previewId: 'preview-ok',
  problems: [],
  problemCount: undefined,
  errorCount: undefined,
  warningCount: undefined,
  errorRowCount: 0,
  canImport: true
})

function withPreview(bridge: FakeBridge, preview: ImportPreview): void {
  bridge.handle('import:preview', ({ fileName }) => ok({ ...preview, fileName }))
}

describe('CSV import', () => {
  it('reads the file, sends its bytes, and shows main’s progress while it checks', async () => {
    const bridge = installFakeBridge([makeStore()])
    const answer = deferred<ReturnType<typeof ok<ImportPreview>>>()
    bridge.handle('import:preview', () => answer.promise)
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)

    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())

    await waitFor(() => expect(bridge.inputsTo('import:preview')).toHaveLength(1))
    const request = bridge.lastInputTo('import:preview')!
    expect(request.fileName).toBe('stores.csv')
    expect(new TextDecoder().decode(request.bytes)).toBe(CSV)

    bridge.emit('import:progress', { requestId: 'someone-else', phase: 'checking', rows: 1, totalRows: null, fraction: 0.5 })
    bridge.emit('import:progress', { requestId: request.requestId, phase: 'checking', rows: 4000, totalRows: null, fraction: 0.4 })
    expect(await within(dialog).findByText('Checking row 4,000…')).toBeInTheDocument()
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40')

    answer.resolve(ok(makePreview()))
    expect(await within(dialog).findByText('New 3')).toBeInTheDocument()
    expect(bridge.listenerCount('import:progress')).toBe(0)
  })

  it('lists problems and conflicts, and keeps Import off while the file has errors', async () => {
    const bridge = installFakeBridge([makeStore()])
    withPreview(bridge, PREVIEW_WITH_ERRORS)
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())

    expect(await within(dialog).findByText('Rows with errors 2')).toBeInTheDocument()
    expect(within(dialog).getByText('To update 0')).toBeInTheDocument()
    expect(within(dialog).getByText('Skipped 1')).toBeInTheDocument()
    expect(within(dialog).getByText('Out of scope 1')).toBeInTheDocument()
    expect(within(dialog).getByText('Ignored columns 1')).toBeInTheDocument()

    const problems = within(dialog).getByRole('table', { name: 'Problems' })
    const rows = within(problems).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toHaveTextContent('Unknown country "XX"')
    expect(rows[0]).toHaveAttribute('data-severity', 'error')
    expect(rows[2]).toHaveAttribute('data-severity', 'warning')

    const importButton = within(dialog).getByRole('button', { name: 'Import' })
    expect(importButton).toBeDisabled()
    expect(within(dialog).getByText('Fix the 2 errors in the file and choose it again')).toBeInTheDocument()

    await user.click(within(dialog).getByRole('tab', { name: /Matches existing stores/ }))
    expect(await within(dialog).findByText(/Row 7 matches Acme — Acme Official \(SG\) by seller short code/)).toHaveTextContent('2 changes')
  })

  it('pages through the first 1,000 problems, counts them all by kind, and saves every one', async () => {
    const bridge = installFakeBridge([makeStore()])
    const listed = Array.from({ length: 1000 }, (_, i) => problem(i + 2, 'error', `Problem on row ${i + 2}`))
    withPreview(
      bridge,
      makePreview({
        ...PREVIEW_WITH_ERRORS,
        problems: listed,
        problemCount: 2_000_000,
        errorCount: 2_000_000,
        warningCount: 0,
        problemGroups: [
          { kind: 'invalid-value', field: 'country', severity: 'error', label: 'Country: missing or not valid', count: 1_000_000 },
          { kind: 'invalid-value', field: 'clientName', severity: 'error', label: 'Client: missing or not valid', count: 1_000_000 }
        ],
        conflicts: []
      })
    )
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())

    expect(await within(dialog).findByRole('tab', { name: 'Problems (2,000,000)' })).toBeInTheDocument()
    const kinds = within(dialog).getByRole('table', { name: 'Problems by kind' })
    expect(within(kinds).getAllByRole('row').map((row) => row.textContent)).toEqual([
      '1,000,000Country: missing or not valid',
      '1,000,000Client: missing or not valid'
    ])
    expect(within(dialog).getByRole('note')).toHaveTextContent('The first 1,000 of 2,000,000 problems are listed here')
    const table = within(dialog).getByRole('table', { name: 'Problems' })
    expect(within(table).getAllByRole('row').length).toBeLessThanOrEqual(51)
    await user.click(within(dialog).getByRole('button', { name: '20' }))
    expect(within(table).getByText('Problem on row 1001')).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Download all 2,000,000 problems' }))
    await waitFor(() => expect(bridge.inputsTo('import:save-problems')).toEqual([{ previewId: 'preview-errors', list: 'problems' }]))
    expect(await screen.findByText('/home/kam/stores-problems.csv')).toBeInTheDocument()
  })

  it('imports with the KAM’s choice per conflict and sums up what was written', async () => {
    const bridge = installFakeBridge([makeStore()])
    withPreview(bridge, PREVIEW_WITH_CONFLICTS)
    bridge.handle('import:commit', () => ok({ created: 120, updated: 3, skipped: 2, outOfScope: 1, skippedWithErrors: 0 }))
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())

    const conflict = await within(dialog).findByTestId('import-conflict')
    await user.click(within(conflict).getByRole('button', { name: /Row 7 matches/ }))
    expect(await within(conflict).findByText(/Ann → Ben/)).toBeInTheDocument()
    const choice = within(conflict).getByRole('radiogroup', { name: 'Row 7' })
    expect(within(choice).getByRole('radio', { name: 'Skip' })).toBeChecked()
    await user.click(within(choice).getByText('Update'))

    await user.click(within(dialog).getByRole('button', { name: 'Import' }))

    expect(await within(dialog).findByText('Imported 120 new stores, updated 3, skipped 2')).toBeInTheDocument()
    expect(bridge.lastInputTo('import:commit')).toEqual({
      previewId: 'preview-ok',
      defaultConflictAction: 'skip',
      conflictActions: { '7': 'update' },
      skipErrorRows: false
    })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import CSV or Excel' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('import:discard')).toHaveLength(0)
  })

  it('says so when the preview expired, and checks the same file again', async () => {
    const bridge = installFakeBridge([makeStore()])
    withPreview(bridge, PREVIEW_WITH_CONFLICTS)
    bridge.handle('import:commit', () => ({ ok: false, error: { code: 'import-expired', message: 'This preview has expired. Check the file again.' } }))
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())
    await user.click(await within(dialog).findByRole('button', { name: 'Import' }))

    expect(await within(dialog).findByText('This preview has expired. Check the file again.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Check the file again' }))
    await waitFor(() => expect(bridge.inputsTo('import:preview')).toHaveLength(2))
  })

  it('forgets the preview when the KAM closes the dialog or picks another file', async () => {
    const bridge = installFakeBridge([makeStore()])
    const { user } = renderApp('#/portfolio')
    let dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())
    await user.click(await within(dialog).findByRole('button', { name: 'Choose another file' }))
    expect(bridge.lastInputTo('import:discard')).toEqual({ previewId: 'preview-1' })
    expect(within(dialog).getByRole('button', { name: 'Choose file' })).toBeInTheDocument()

    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())
    await within(dialog).findByText('New 3')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import CSV or Excel' })).not.toBeInTheDocument())
    expect(bridge.inputsTo('import:discard')).toHaveLength(2)

    dialog = await openImport(user)
    expect(within(dialog).getByRole('button', { name: 'Choose file' })).toBeInTheDocument()
  })

  it('turns away a spreadsheet file with what to do instead', async () => {
    const bridge = installFakeBridge([makeStore()])
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    const input = within(dialog).getByLabelText('CSV or Excel file')
    input.removeAttribute('accept')
    await user.upload(input, new File(['PK'], 'stores.ods'))

    expect(await within(dialog).findByText(/stores\.ods is a kind of spreadsheet Storewatch does not read/)).toBeInTheDocument()
    expect(bridge.inputsTo('import:preview')).toHaveLength(0)
  })

  it('counts a re-import the same in its badges and its footer, and both follow Update all (issue #11: "Updates 30" vs "0 to update, 30 skipped")', async () => {
    const bridge = installFakeBridge([makeStore()])
    const conflicts = Array.from({ length: 30 }, (_, i) => ({
      ...PREVIEW_WITH_CONFLICTS.conflicts[0]!,
      row: i + 2,
      existingStoreId: i + 1
    }))
    withPreview(bridge, makePreview({ ...PREVIEW_WITH_CONFLICTS, rowCount: 30, newCount: 0, errorRowCount: 0, outOfScopeCount: 0, conflictCount: 30, changingConflictCount: 30, conflicts }))
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), csvFile())

    const badges = await within(dialog).findByRole('group', { name: 'Summary' })
    const plan = within(dialog).getByTestId('import-plan')
    expect(badges).toHaveTextContent('To update 0')
    expect(badges).toHaveTextContent('Skipped 30')
    expect(plan).toHaveTextContent('0 new stores, 0 to update, 30 skipped')

    await user.click(within(dialog).getByRole('button', { name: 'Update all' }))
    await waitFor(() => expect(badges).toHaveTextContent('To update 30'))
    expect(badges).not.toHaveTextContent('Skipped')
    expect(plan).toHaveTextContent('0 new stores, 30 to update')
    expect(plan).not.toHaveTextContent('skipped')
  })
})
