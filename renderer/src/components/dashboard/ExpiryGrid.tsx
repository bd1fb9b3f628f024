/**
 * Subscriptions ending in the next 90 days: 13 weeks across, one row per country, a count in each
 * cell shaded by how many end that week, with totals. Shows when the renewals will bunch up. Each
 * count (a cell, a week's or a country's total) is a button: it opens the portfolio on exactly the
 * stores it counted (`?ids=`, with what they are in the chip there, clearable).
 */
import { Table, Text, Tooltip } from '@mantine/core'
import { useState } from 'react'
import type { ReactNode } from 'react'
import { useLocation } from 'wouter'
import { api } from '../../api/client'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import type { ExpiryWeek } from '../../../../electron/shared/monitoring'
import { MAX_ADDRESS_STORE_IDS } from '../../../../electron/shared/portfolio'
import { formatCalendarDate } from '../../lib/dates'
import { countryName, formatCount, plural } from '../../lib/format'
import { toastError } from '../../lib/toast'

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

/** Which stores a count stands for: subscriptions ending in [from, to), in one country or all. */
interface CellScope {
  from: number
  to: number
  country: string | null
  /** What the portfolio's chip says they are. */
  about: string
}

/** The portfolio on the stores of one count. */
export function expiryStoresHref(ids: readonly number[], about: string): string {
  return `/portfolio?${new URLSearchParams({ ids: ids.join(','), about }).toString()}`
}

function useOpenCell() {
  const [, navigate] = useLocation()
  const [opening, setOpening] = useState<string | null>(null)
  async function open(key: string, cell: CellScope): Promise<void> {
    setOpening(key)
    const result = await api.dashboard.expiryStores({ from: cell.from, to: cell.to, country: cell.country })
    setOpening(null)
    if (!result.ok) {
      toastError('Could not open these stores', result.error.message)
      return
    }
    if (result.value.length > MAX_ADDRESS_STORE_IDS) {
      toastError('Too many stores to open at once', `${formatCount(result.value.length)} stores: open a single week and country (at most ${formatCount(MAX_ADDRESS_STORE_IDS)}).`)
      return
    }
    navigate(expiryStoresHref(result.value, cell.about))
  }
  return { opening, open }
}

function CountButton({ count, label, busy, onOpen, children }: { count: number; label: string; busy: boolean; onOpen(): void; children: ReactNode }) {
  if (count === 0) return null
  return (
    <button type="button" className="expiry-open" aria-label={label} aria-busy={busy || undefined} onClick={onOpen}>
      {children}
    </button>
  )
}

export function ExpiryGrid({ weeks, mine = false }: { weeks: ExpiryWeek[]; mine?: boolean }) {
  const { opening, open } = useOpenCell()
  const whose = mine ? 'your subscriptions' : 'subscriptions'
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
                  const key = `${week.weekStart}|${country}`
                  const about = `${whose} ending the week of ${formatCalendarDate(week.weekStart, true)} in ${countryName(country)}`
                  return (
                    <Table.Td key={week.weekStart} className="expiry-cell" style={shade(count, max)} data-testid={`expiry-cell-${country}-${week.weekStart}`}>
                      <CountButton
                        count={count}
                        busy={opening === key}
                        label={`${countryName(country)}, week of ${formatCalendarDate(week.weekStart, true)}: ${plural(count, 'subscription')}. Open these stores`}
                        onOpen={() => void open(key, { from: week.from, to: week.to, country, about })}
                      >
                        {formatCount(count)}
                      </CountButton>
                    </Table.Td>
                  )
                })}
                <Table.Td className="expiry-total">
                  <CountButton
                    count={rowTotal}
                    busy={opening === country}
                    label={`${countryName(country)}, next 90 days: ${plural(rowTotal, 'subscription')}. Open these stores`}
                    onOpen={() => void open(country, { from: weeks[0]!.from, to: weeks.at(-1)!.to, country, about: `${whose} ending in the next 90 days in ${countryName(country)}` })}
                  >
                    {formatCount(rowTotal)}
                  </CountButton>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">All</Table.Th>
            {weeks.map((week) => (
              <Table.Td key={week.weekStart} className="expiry-cell expiry-total">
                <CountButton
                  count={week.total}
                  busy={opening === week.weekStart}
                  label={`Week of ${formatCalendarDate(week.weekStart, true)}, every country: ${plural(week.total, 'subscription')}. Open these stores`}
                  onOpen={() => void open(week.weekStart, { from: week.from, to: week.to, country: null, about: `${whose} ending the week of ${formatCalendarDate(week.weekStart, true)}` })}
                >
                  {formatCount(week.total)}
                </CountButton>
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
