/**
 * How the portfolio moved over the last 90 days (issue #10): stores by status per day, stacked,
 * from the counts each recorded check left. A day without a check carries the last known counts,
 * and the caption says how many days that is. For screen readers (and anyone who wants the
 * numbers) a one-line summary and a table with every day. Its data is one call, `dashboard:history`.
 */
import { AreaChart } from '@mantine/charts'
import { Card, EmptyState, Group, ScrollArea, SegmentedControl, Table, Text, Title } from '@mantine/core'
import { IconChartAreaLine } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { StatusHistory, StatusHistoryDay } from '../../../../electron/shared/monitoring'
import { STATUS_LABELS, STORE_STATUSES } from '../../../../electron/shared/status'
import type { StoreStatus } from '../../../../electron/shared/status'
import { formatCalendarDate } from '../../lib/dates'
import { formatCount, plural } from '../../lib/format'
import { useStatusHistoryStore } from '../../stores/useStatusHistoryStore'

/** A shade per status: the status colours (lib/status-style), told apart where two share a hue. */
const CHART_COLORS: Record<StoreStatus, string> = {
  expired: 'red.8',
  'needs-subscription': 'red.5',
  'needs-authorization': 'orange.7',
  'needs-reconnect': 'orange.4',
  expiring: 'yellow.5',
  'legacy-grace': 'yellow.8',
  unknown: 'gray.5',
  'app-not-published': 'grape.5',
  healthy: 'green.6',
  'out-of-scope': 'gray.3'
}

/** Statuses some day of the window counts (the others would be flat lines at zero). */
export function shownStatuses(days: readonly StatusHistoryDay[]): StoreStatus[] {
  return STORE_STATUSES.filter((status) => days.some((day) => day.counts[status] > 0))
}

function signed(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '±0'
}

/** "Since 3 Sep: Healthy 1,204 (+120), Expired 97 (−30)…": the latest counts and their change. */
export function historySummary(history: StatusHistory): string {
  const first = history.days[0]!
  const last = history.days.at(-1)!
  const parts = shownStatuses(history.days).map((status) => `${STATUS_LABELS[status]} ${formatCount(last.counts[status])} (${signed(last.counts[status] - first.counts[status])})`)
  return `Since ${formatCalendarDate(first.date)}: ${parts.join(', ')}.`
}

function HistoryTable({ days, statuses }: { days: StatusHistoryDay[]; statuses: StoreStatus[] }) {
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table striped highlightOnHover stickyHeader fz="xs" aria-label="Stores by status per day">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            {statuses.map((status) => (
              <Table.Th key={status} scope="col" ta="right">
                {STATUS_LABELS[status]}
              </Table.Th>
            ))}
            <Table.Th scope="col">Counts from</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...days].reverse().map((day) => (
            <Table.Tr key={day.date}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {formatCalendarDate(day.date, true)}
              </Table.Th>
              {statuses.map((status) => (
                <Table.Td key={status} ta="right">
                  {formatCount(day.counts[status])}
                </Table.Td>
              ))}
              <Table.Td c={day.recorded ? undefined : 'dimmed'}>{day.recorded ? 'a check that day' : 'last known (no check that day)'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  )
}

function NotEnoughHistory({ recordedDays }: { recordedDays: number }) {
  return (
    <EmptyState size="sm" py="md" data-testid="status-history-empty">
      <EmptyState.Indicator>
        <IconChartAreaLine />
      </EmptyState.Indicator>
      <EmptyState.Title order={4}>Not enough history yet</EmptyState.Title>
      <EmptyState.Description>
        The chart starts once checks were recorded on two days ({recordedDays === 0 ? 'none so far' : 'one so far'}). Storewatch checks on its schedule and keeps each day’s counts.
      </EmptyState.Description>
    </EmptyState>
  )
}

export function StatusHistoryChart() {
  const history = useStatusHistoryStore((s) => s.history)
  const error = useStatusHistoryStore((s) => s.error)
  const load = useStatusHistoryStore((s) => s.load)
  const [view, setView] = useState<'chart' | 'table'>('chart')

  useEffect(() => {
    void load()
  }, [load])

  const enough = history !== null && history.recordedDays >= 2
  const statuses = history ? shownStatuses(history.days) : []
  const carried = history ? history.days.filter((d) => !d.recorded).length : 0
  const data = history?.days.map((day) => ({ day: formatCalendarDate(day.date), ...day.counts })) ?? []

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="status-history-title" data-testid="status-history">
      <Group gap="xs" mb="sm" align="baseline" justify="space-between" wrap="wrap">
        <Group gap="xs" align="baseline">
          <Title order={3} size="h5" id="status-history-title">
            How the portfolio moved
          </Title>
          <Text size="sm" c="dimmed">
            stores by status per day, last {history?.windowDays ?? 90} days, from the recorded checks
          </Text>
        </Group>
        {enough && (
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' }
            ]}
            aria-label="Show the history as"
          />
        )}
      </Group>
      {error && !history && (
        <Text size="sm" c="red" role="alert">
          The history could not be loaded: {error}
        </Text>
      )}
      {history && !enough && <NotEnoughHistory recordedDays={history.recordedDays} />}
      {history && enough && (
        <>
          <Text size="sm" mb="xs" data-testid="status-history-summary">
            {historySummary(history)}
          </Text>
          {view === 'chart' ? (
            <div aria-hidden data-testid="status-history-chart">
              <AreaChart
                h={220}
                data={data}
                dataKey="day"
                type="stacked"
                curveType="linear"
                withDots={false}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                fillOpacity={0.55}
                strokeWidth={1}
                tickLine="y"
                gridAxis="y"
                valueFormatter={formatCount}
                xAxisProps={{ minTickGap: 28 }}
                series={statuses.map((status) => ({ name: status, label: STATUS_LABELS[status], color: CHART_COLORS[status] }))}
              />
            </div>
          ) : (
            <HistoryTable days={history.days} statuses={statuses} />
          )}
          <Text size="xs" c="dimmed" mt="xs" data-testid="status-history-note">
            {plural(history.recordedDays, 'day')} with a recorded check
            {carried > 0 ? `; ${plural(carried, 'day')} without one carry the last known counts` : ''}. Days are in your time zone ({history.timeZone}).
          </Text>
        </>
      )}
    </Card>
  )
}
