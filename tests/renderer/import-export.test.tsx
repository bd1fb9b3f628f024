import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ImportPreview, ImportProblem } from '../../electron/shared/csv-import'
import { ok } from '../../electron/shared/result'
import { installFakeBridge, makePreview, makeStore } from './support/fake-bridge'
import { renderApp } from './support/render-app'

async function openImport(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Import CSV or Excel' }))
  return screen.findByRole('dialog', { name: 'Import CSV or Excel' })
}

const AMBIGUOUS: ImportProblem = {
  row: 4,
  column: 'end_time',
  field: 'endAt',
  value: '03/04/2026',
  message: 'End Time "03/04/2026" reads two ways: 3 Apr 2026 (day first) or 4 Mar 2026 (month first). Write it with the month’s name (3 Apr 2026) or as year-month-day so it cannot be misread.',
  severity: 'error',
  kind: 'ambiguous-date'
}

const KR_WARNING = "KR (South Korea) is outside Lazada's Service Market rule: imported as out of scope"

const PREVIEW: ImportPreview = makePreview({
  previewId: 'p-day',
  fileName: 'stores.xlsx',
  rowCount: 200,
  newCount: 199,
  errorRowCount: 1,
  outOfScopeCount: 58,
  problems: [AMBIGUOUS],
  warningGroups: [{ message: KR_WARNING, count: 58, rows: [10, 11, 12] }],
  canImport: false,
  canSkipErrorRows: true
})

describe('a working day’s import', () => {
  it('shows the ambiguous date with its row, column and both readings, the grouped warnings, and skips the bad row on request', async () => {
    const bridge = installFakeBridge([makeStore()])
    bridge.handle('import:preview', () => ok(PREVIEW))
    bridge.handle('import:commit', () => ok({ created: 199, updated: 0, skipped: 0, outOfScope: 58, skippedWithErrors: 1 }))
    bridge.handle('import:save-problems', ({ list }) => ok({ saved: true, path: `/home/kam/stores-${list}.csv` }))
    const { user } = renderApp('#/portfolio')
    const dialog = await openImport(user)
    await user.upload(within(dialog).getByLabelText('CSV or Excel file'), new File(['PK'], 'stores.xlsx'))

    const problems = await within(dialog).findByRole('table', { name: 'Problems' })
    const ambiguous = within(problems).getByText(/reads two ways: 3 Apr 2026 \(day first\) or 4 Mar 2026 \(month first\)/)
    const row = ambiguous.closest('tr')!
    expect(within(row).getByText('4')).toBeInTheDocument()
    expect(within(row).getByText('end_time')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled()

    // 58 identical warnings are one line; it opens to list the rows.
    const group = within(dialog).getByRole('button', { name: `58 rows: ${KR_WARNING}` })
    await user.click(group)
    // The list opens with a transition: wait for it to end rather than for the text to exist.
    await waitFor(() => expect(within(dialog).getByText('Rows 10, 11, 12 and 55 more')).toBeVisible())

    await user.click(within(dialog).getByRole('button', { name: 'Download the 1 row with errors' }))
    expect(await screen.findByText('/home/kam/stores-skipped-rows.csv')).toBeInTheDocument()
    expect(bridge.lastInputTo('import:save-problems')).toEqual({ previewId: 'p-day', list: 'skipped-rows' })

    await user.click(within(dialog).getByRole('button', { name: 'Skip 1 row and import the rest' }))
    expect(await within(dialog).findByText('1 row with errors left out.')).toBeInTheDocument()
    expect(bridge.lastInputTo('import:commit')).toMatchObject({ previewId: 'p-day', skipErrorRows: true })
  })
})

describe('the portfolio’s Export menu', () => {
  it('exports the view as an Excel workbook, and the deadlines of the range picked as a calendar', async () => {
    const bridge = installFakeBridge([makeStore(), makeStore({ id: 8, sellerShortCode: 'SG20000002' })])
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Excel (.xlsx)' }))
    expect(await screen.findByText('Exported 2 stores')).toBeInTheDocument()
    expect(bridge.lastInputTo('stores:export-xlsx')?.query.statuses).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Calendar (.ics)…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export deadlines to a calendar' })
    await user.click(within(dialog).getByText('60 days'))
    await user.click(within(dialog).getByRole('button', { name: 'Export .ics' }))
    expect(await screen.findByText('Exported 2 deadlines')).toBeInTheDocument()
    expect(bridge.lastInputTo('stores:export-ics')).toMatchObject({ days: 60 })
  })
})
