/**
 * The portfolio as a table that stays smooth at 10,000 rows: TanStack Table describes the columns
 * and the (main-side) sort, TanStack Virtual keeps only the rows in view in the DOM. Rows have one
 * fixed height, so spacer rows above and below stand in for the rest.
 */
import { Badge, Table, Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react'
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useImperativeHandle, useRef } from 'react'
import type { KeyboardEvent, Ref } from 'react'
import type { PortfolioQuery, SortableColumn, Store } from '../../../../electron/shared/portfolio'
import { SORTABLE_COLUMNS } from '../../../../electron/shared/portfolio'
import { useNow } from '../../lib/use-now'
import { daysLeft, formatDaysLeft, formatKamTime, formatStoreDate, formatStoreTime, sameTimeAsKam, urgencyOf } from '../../lib/dates'
import { countryName, EMPTY_VALUE } from '../../lib/format'
import { LazadaBadges } from '../lazada/LazadaBadges'
import { StatusBadge } from './StatusBadge'

export const ROW_HEIGHT = 36
const HEADER_HEIGHT = 36
/** Rows a PageUp/PageDown moves: about one screen. */
const PAGE_ROWS = 15
const MAX_TAG_BADGES = 2

export interface PortfolioTableHandle {
  /** Puts keyboard focus on the highlighted row (the first one if none is). */
  focusRows(): void
}

interface PortfolioTableProps {
  stores: Store[]
  sort: PortfolioQuery['sort']
  selectedId: number | null
  onSort(column: SortableColumn): void
  onSelect(id: number): void
  onOpen(id: number): void
  handleRef?: Ref<PortfolioTableHandle>
  /** Show the Lazada column (once Lazada has something to say about some store). */
  showLazada?: boolean
}

const column = createColumnHelper<Store>()

/** Fixed widths in px; Client and Store have none and share what is left. */
const COLUMN_WIDTHS: Partial<Record<string, number>> = {
  country: 90,
  sellerShortCode: 132,
  loginEmail: 136,
  ownerKam: 112,
  tags: 104,
  status: 178,
  deadlineAt: 196,
  lazada: 192
}
/** The table's narrowest width, without and with the Lazada column. */
const MIN_TABLE_WIDTH = 1240

function Dimmed({ children }: { children: string }) {
  return (
    <Text span c="dimmed" size="sm">
      {children}
    </Text>
  )
}

function TagBadges({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <Dimmed>{EMPTY_VALUE}</Dimmed>
  const shown = tags.slice(0, MAX_TAG_BADGES)
  const rest = tags.slice(MAX_TAG_BADGES)
  return (
    <span className="tag-cell">
      {shown.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" size="sm" radius="sm" tt="none" style={{ flexShrink: 0, maxWidth: 110 }}>
          {tag}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.join(', ')} openDelay={300}>
          <Badge variant="light" color="gray" size="sm" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </span>
  )
}

const URGENCY_COLORS = { passed: 'red.8', soon: 'orange.8', near: 'yellow.9', later: 'dimmed' } as const

/** "15 Mar 2026 · in 7 days", with the exact store and KAM times on hover. */
function DeadlineCell({ store, now }: { store: Store; now: number }) {
  const deadline = store.deadlineAt
  if (deadline === null) return <Dimmed>{EMPTY_VALUE}</Dimmed>
  const days = daysLeft(deadline, now, store.country)
  const exact = formatStoreTime(deadline, store.country)
  const label = sameTimeAsKam(deadline, store.country) ? exact : `${exact} · ${formatKamTime(deadline, now)}`
  return (
    <Tooltip label={label} openDelay={300}>
      <span>
        {formatStoreDate(deadline, store.country)}
        {/* Months away, the date says enough; the column stays narrow. */}
        {days < 60 && (
          <Text span size="sm" c={URGENCY_COLORS[urgencyOf(days, deadline, now)]}>
            {' '}
            · {formatDaysLeft(days)}
          </Text>
        )}
      </span>
    </Tooltip>
  )
}

function orDash(value: string | null) {
  return value ? value : <Dimmed>{EMPTY_VALUE}</Dimmed>
}

const COLUMNS = [
  column.accessor('clientName', { header: 'Client', cell: (c) => <Text span fw={500} size="sm">{c.getValue()}</Text> }),
  column.accessor('storeName', { header: 'Store' }),
  column.accessor('country', {
    header: 'Country',
    cell: (c) => (
      <Tooltip label={countryName(c.getValue())} openDelay={300}>
        <span>{c.getValue()}</span>
      </Tooltip>
    )
  }),
  column.accessor('sellerShortCode', { header: 'Seller short code', cell: (c) => orDash(c.getValue()) }),
  column.accessor('loginEmail', { header: 'Login e-mail', cell: (c) => orDash(c.getValue()) }),
  column.accessor('ownerKam', { header: 'Owner', cell: (c) => c.getValue() ?? <Dimmed>Unassigned</Dimmed> }),
  column.accessor('tags', { header: 'Tags', enableSorting: false, cell: (c) => <TagBadges tags={c.getValue()} /> }),
  column.accessor('status', { header: 'Status', cell: (c) => <StatusBadge status={c.getValue()} /> }),
  column.accessor('deadlineAt', {
    header: 'Deadline',
    cell: (c) => <DeadlineCell store={c.row.original} now={(c.table.options.meta as TableMeta).now} />
  }),
  column.display({
    id: 'lazada',
    header: 'Lazada',
    cell: (c) => <LazadaBadges storeId={c.row.original.id} country={c.row.original.country} confirmed />
  })
]

interface TableMeta {
  now: number
}

function isSortable(id: string): id is SortableColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(id)
}

export function PortfolioTable({ stores, sort, selectedId, onSort, onSelect, onOpen, handleRef, showLazada = false }: PortfolioTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowElements = useRef(new Map<number, HTMLTableRowElement>())
  /** The row index that should take focus once it has been rendered. */
  const focusWanted = useRef<number | null>(null)
  const now = useNow()

  // The app does not run React Compiler, so the memoization this rule guards against never happens.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: stores,
    columns: COLUMNS,
    state: { sorting: [{ id: sort.column, desc: sort.direction === 'desc' }], columnVisibility: { lazada: showLazada } },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (store) => String(store.id),
    meta: { now } satisfies TableMeta
  })
  const rows = table.getRowModel().rows

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items[items.length - 1]
  const spaceAbove = first ? first.start - HEADER_HEIGHT : 0
  const spaceBelow = last ? virtualizer.getTotalSize() - last.end : 0

  const selectedIndex = selectedId === null ? -1 : stores.findIndex((s) => s.id === selectedId)
  const tabIndexRow = Math.max(selectedIndex, 0)

  function moveTo(index: number): void {
    const store = stores[index]
    if (!store) return
    onSelect(store.id)
    focusWanted.current = index
    virtualizer.scrollToIndex(index, { align: 'auto' })
    rowElements.current.get(index)?.focus({ preventScroll: true })
  }

  useImperativeHandle(handleRef, () => ({ focusRows: () => moveTo(tabIndexRow) }))

  // A row scrolled into view by the keyboard takes focus once the virtualizer renders it.
  useEffect(() => {
    const wanted = focusWanted.current
    if (wanted === null) return
    const element = rowElements.current.get(wanted)
    if (element) {
      element.focus({ preventScroll: true })
      focusWanted.current = null
    }
  })

  // A newly highlighted store (back from its page, or just added) is scrolled into view once;
  // later reloads that move it do not pull the KAM away from where they are reading.
  const revealed = useRef<number | null>(null)
  useEffect(() => {
    if (selectedId === null || selectedIndex < 0 || revealed.current === selectedId) return
    revealed.current = selectedId
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedId, selectedIndex, virtualizer])

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void {
    const current = selectedIndex < 0 ? -1 : selectedIndex
    const lastIndex = stores.length - 1
    const moves: Record<string, number> = {
      ArrowDown: Math.min(current + 1, lastIndex),
      ArrowUp: Math.max(current - 1, 0),
      PageDown: Math.min(current + PAGE_ROWS, lastIndex),
      PageUp: Math.max(current - PAGE_ROWS, 0),
      Home: 0,
      End: lastIndex
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      moveTo(target)
    } else if (event.key === 'Enter' && selectedId !== null) {
      event.preventDefault()
      onOpen(selectedId)
    }
  }

  const columnCount = table.getVisibleLeafColumns().length

  return (
    <div ref={scrollRef} className="portfolio-scroll" data-testid="portfolio-scroll">
      <Table
        className="portfolio-table"
        style={{ minWidth: MIN_TABLE_WIDTH + (showLazada ? (COLUMN_WIDTHS.lazada ?? 0) : 0) }}
        aria-label="Stores"
        aria-rowcount={stores.length + 1}
        horizontalSpacing="sm"
        verticalSpacing={0}
        fz="sm"
        withRowBorders
      >
        <colgroup>
          {table.getVisibleLeafColumns().map((col) => {
            const width = COLUMN_WIDTHS[col.id]
            return <col key={col.id} style={width ? { width } : undefined} />
          })}
        </colgroup>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id} aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {group.headers.map((header) => {
                const id = header.column.id
                const label = flexRender(header.column.columnDef.header, header.getContext())
                if (!header.column.getCanSort() || !isSortable(id)) return <Table.Th key={header.id}>{label}</Table.Th>
                const active = sort.column === id
                const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconArrowUp : IconArrowDown
                return (
                  <Table.Th key={header.id} aria-sort={ariaSort}>
                    <UnstyledButton className="sort-button" onClick={() => onSort(id)}>
                      {label}
                      <Icon size={14} stroke={1.8} opacity={active ? 1 : 0.45} aria-hidden />
                    </UnstyledButton>
                  </Table.Th>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody onKeyDown={onKeyDown}>
          {spaceAbove > 0 && (
            <tr aria-hidden style={{ height: spaceAbove }}>
              <td colSpan={columnCount} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            const store = row.original
            return (
              <Table.Tr
                key={row.id}
                ref={(element: HTMLTableRowElement | null) => {
                  if (element) rowElements.current.set(item.index, element)
                  else rowElements.current.delete(item.index)
                }}
                className="portfolio-row"
                data-selected={store.id === selectedId}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === tabIndexRow ? 0 : -1}
                style={{ height: ROW_HEIGHT }}
                onClick={() => {
                  onSelect(store.id)
                  onOpen(store.id)
                }}
                onFocus={() => {
                  if (store.id !== selectedId) onSelect(store.id)
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            )
          })}
          {spaceBelow > 0 && (
            <tr aria-hidden style={{ height: spaceBelow }}>
              <td colSpan={columnCount} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  )
}
