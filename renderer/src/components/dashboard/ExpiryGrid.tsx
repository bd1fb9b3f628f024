/**
 * Subscriptions ending in the next 90 days: 13 weeks across, one row per country, a count in each
 * cell shaded by how many end that week, with totals. Shows when the renewals will bunch up.
 */
import { Table, Text, Tooltip } from '@mantine/core'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import type { ExpiryWeek } from '../../../../electron/shared/monitoring'
import { formatCalendarDate } from '../../lib/dates'
import { countryName, formatCount, plural } from '../../lib/format'

/** Indigo shades for 1…max stores in a cell: black text on the light ones, white from shade 7 (5:1 and up). */
const SHADES = [1, 2, 3, 7, 8, 9] as const

function shade(count: number, max: number): { background?: string; color?: string } {
  if (count === 0) return {}
  const index = max <= 1 ? 1 : Math.min(SHADES.length - 1, Math.floor(((count - 1) / (max - 1)) * (SHADES.length - 1)))
  const level = SHADES[index] ?? 1
  return { background: `var(--mantine-color-indigo-${level})`, color: level >= 7 ? 'var(--mantine-color-white)' : 'var(--mantine-color-black)' }
}

function countryOrder(a: string, b: string): number {
  const covered = COVERED_COUNTRIES as readonly string[]
  const ia = covered.indexOf(a)
  const ib = covered.indexOf(b)
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib)
  return a.localeCompare(b)
}

export function ExpiryGrid({ weeks }: { weeks: ExpiryWeek[] }) {
  const countries = [...new Set(weeks.flatMap((w) => Object.keys(w.byCountry)))].sort(countryOrder)
  const total = weeks.reduce((sum, w) => sum + w.total, 0)
  const max = Math.max(0, ...weeks.flatMap((w) => Object.values(w.byCountry)))

  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No subscription on record ends in the next 90 days.
      </Text>
    )
  }

  return (
    <div className="expiry-scroll">
      <Table className="expiry-grid" aria-label="Subscriptions ending by week and country" withColumnBorders withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Country</Table.Th>
            {weeks.map((week, i) => (
              <Table.Th key={week.weekStart} scope="col" className="expiry-week">
                <Tooltip label={`Week of Monday ${formatCalendarDate(week.weekStart, true)}`} openDelay={300}>
                  <span>{i === 0 ? 'This week' : formatCalendarDate(week.weekStart)}</span>
                </Tooltip>
              </Table.Th>
            ))}
            <Table.Th scope="col" className="expiry-total">
              Total
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {countries.map((country) => {
            const rowTotal = weeks.reduce((sum, w) => sum + (w.byCountry[country] ?? 0), 0)
            return (
              <Table.Tr key={country}>
                <Table.Th scope="row">
                  <Tooltip label={countryName(country)} openDelay={300}>
                    <span>{country}</span>
                  </Tooltip>
                </Table.Th>
                {weeks.map((week) => {
                  const count = week.byCountry[country] ?? 0
                  return (
                    <Table.Td
                      key={week.weekStart}
                      className="expiry-cell"
                      style={shade(count, max)}
                      aria-label={count ? `${countryName(country)}, week of ${formatCalendarDate(week.weekStart, true)}: ${plural(count, 'subscription')}` : undefined}
                    >
                      {count ? formatCount(count) : ''}
                    </Table.Td>
                  )
                })}
                <Table.Td className="expiry-total">{formatCount(rowTotal)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">All</Table.Th>
            {weeks.map((week) => (
              <Table.Td key={week.weekStart} className="expiry-cell expiry-total">
                {week.total ? formatCount(week.total) : ''}
              </Table.Td>
            ))}
            <Table.Td className="expiry-total" data-testid="expiry-total">
              {formatCount(total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </div>
  )
}
