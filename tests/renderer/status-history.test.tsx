/**
 * The dashboard's 90-day chart (issue #10): an empty state until checks were recorded on two days;
 * then the chart with a summary of where each status stands and how it moved, a table of every
 * day for screen readers (days without a check say their counts are carried), and the note of how
 * many days had a check.
 */
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { StatusHistory, StatusHistoryDay } from '../../electron/shared/monitoring'
import { STORE_STATUSES } from '../../electron/shared/status'
import type { StoreStatus } from '../../electron/shared/status'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function day(date: string, recorded: boolean, counts: Partial<Record<StoreStatus, number>>): StatusHistoryDay {
  return { date, recorded, counts: { ...(Object.fromEntries(STORE_STATUSES.map((s) => [s, 0])) as Record<StoreStatus, number>), ...counts } }
}

function history(days: StatusHistoryDay[]): StatusHistory {
  return { days, recordedDays: days.filter((d) => d.recorded).length, windowDays: 90, timeZone: 'Asia/Singapore' }
}

async function dashboardWith(statusHistory: StatusHistory) {
  const bridge = installFakeBridge([makeStore({ id: 1 })])
  bridge.statusHistory = statusHistory
  const view = renderApp('#/')
  const section = await screen.findByRole('region', { name: 'How the portfolio moved' })
  return { bridge, section, ...view }
}

describe('the 90-day status chart', () => {
  it('says there is not enough history before two days with a recorded check', async () => {
    const { section } = await dashboardWith(history([day('2026-11-26', true, { healthy: 3 }), day('2026-11-27', false, { healthy: 3 })]))
    expect(await within(section).findByText('Not enough history yet')).toBeInTheDocument()
    expect(within(section).getByText(/checks were recorded on two days \(one so far\)/)).toBeInTheDocument()
    expect(within(section).queryByTestId('status-history-chart')).toBeNull()
    expect(within(section).queryByRole('radiogroup')).toBeNull()
  })

  it('with no run recorded yet, says none so far', async () => {
    const { section } = await dashboardWith(history([]))
    expect(await within(section).findByText(/\(none so far\)/)).toBeInTheDocument()
  })

  it('shows the series with a summary, and every day as a table, carried days marked', async () => {
    const { section, user, bridge } = await dashboardWith(
      history([
        day('2026-11-25', true, { healthy: 41, expired: 1, expiring: 2 }),
        day('2026-11-26', false, { healthy: 41, expired: 1, expiring: 2 }),
        day('2026-11-27', true, { healthy: 40, expired: 2, expiring: 2 })
      ])
    )
    const summary = await within(section).findByTestId('status-history-summary')
    // Only the statuses some day counts, in the dashboard's order.
    expect(summary).toHaveTextContent('Since 25 Nov: Expired 2 (+1), Expiring 2 (±0), Healthy 40 (−1).')
    expect(within(section).getByTestId('status-history-chart')).toBeInTheDocument()
    expect(within(section).getByTestId('status-history-note')).toHaveTextContent(
      '2 days with a recorded check; 1 day without one carry the last known counts. Days are in your time zone (Asia/Singapore).'
    )
    expect(bridge.inputsTo('dashboard:history')).toHaveLength(1)

    await user.click(within(section).getByRole('radio', { name: 'Table' }))
    const table = within(section).getByRole('table', { name: 'Stores by status per day' })
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Day', 'Expired', 'Expiring', 'Healthy', 'Counts from'])
    const rows = within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent))
    expect(rows).toEqual([
      ['27 Nov 2026', '2', '2', '40', 'a check that day'],
      ['26 Nov 2026', '1', '2', '41', 'last known (no check that day)'],
      ['25 Nov 2026', '1', '2', '41', 'a check that day']
    ])
  })
})
