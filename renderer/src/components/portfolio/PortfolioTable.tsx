/**
 * The portfolio as a grid that stays smooth at 10,000 stores: the shared DataGrid on the pages of
 * rows main sends (rows not sent yet show as placeholders until they arrive). Cells are plain
 * elements; their hints (a country's name, a deadline in both clocks, the tags that did not fit)
 * show through the one HoverTip. Columns follow the KAM's layout and give way, least important
 * first, when the window is narrow.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import type { Ref } from 'react'
import type { PortfolioQuery, SortableColumn, Store } from '../../../../electron/shared/portfolio'
import type { ColumnPrefs } from '../../../../electron/shared/view-prefs'
import { deadlineHint } from '../list/deadline-hint'
import { deadlineSummary } from '../../lib/deadline-cells'
import { countryName, EMPTY_VALUE, storeLabel } from '../../lib/format'
import { isSelected } from '../../lib/selection'
import type { Selection } from '../../lib/selection'
import { useNow } from '../../lib/use-now'
import { LazadaBadges } from '../lazada/LazadaBadges'
import type { ColumnLayout } from '../list/column-layout'
import { DataGrid } from '../list/DataGrid'
import type { GridColumn, GridSelection } from '../list/DataGrid'
import type { VirtualListHandle } from '../list/VirtualList'
import { StatusBadge } from './StatusBadge'

export const ROW_HEIGHT = 36
const MAX_TAG_BADGES = 2

export interface PortfolioTableHandle {
  /** Puts keyboard focus on the highlighted row (the first one if none is). */
  focusRows(): void
}

export type PortfolioColumn = GridColumn<Store, { now: number }>

interface PortfolioTableProps {
  count: number
  getRow(index: number): Store | undefined
  sort: PortfolioQuery['sort']
  viewSeq: number
  busy: boolean
  highlightedId: number | null
  /** Where the highlighted store stands in the view, when known. */
  highlightedIndex: number | null
  onHighlight(id: number): void
  onOpen(id: number): void
  onSort(column: SortableColumn): void
  onShowRows(start: number, end: number): void
  selection: Selection
  selectedCount: number
  onSelectRow(index: number, gesture: { range: boolean }): void
  onSelectAll(): void
  onClearSelection(): boolean
  columns: PortfolioColumn[]
  prefs: ColumnPrefs
  onPrefsChange(prefs: ColumnPrefs): void
  onLayout(layout: ColumnLayout<PortfolioColumn>): void
  handleRef?: Ref<PortfolioTableHandle>
}

function Dimmed({ children }: { children: string }) {
  return <span className="text-dimmed">{children}</span>
}

function orDash(value: string | null) {
  return value ? value : <Dimmed>{EMPTY_VALUE}</Dimmed>
}

function TagBadges({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <Dimmed>{EMPTY_VALUE}</Dimmed>
  const rest = tags.slice(MAX_TAG_BADGES)
  return (
    <span className="tag-cell" data-tip={tags.length > 1 || tags[0]!.length > 14 ? tags.join(', ') : undefined}>
      {tags.slice(0, MAX_TAG_BADGES).map((tag) => (
        <span key={tag} className="tag-pill">
          {tag}
        </span>
      ))}
      {rest.length > 0 && (
        <span className="tag-pill" data-more>
          +{rest.length}
        </span>
      )}
    </span>
  )
}

/** "15 Mar 2026 · in 7 days", with the exact store and KAM times on hover and focus. */
function DeadlineCell({ store, now }: { store: Store; now: number }) {
  if (store.deadlineAt === null) return <Dimmed>{EMPTY_VALUE}</Dimmed>
  const { date, distance, near, urgency } = deadlineSummary(store.deadlineAt, store.country, now)
  return (
    <span {...deadlineHint(store.deadlineAt, store.country)}>
      {date}
      {near && (
        <span className="urgency" data-urgency={urgency}>
          {' '}
          · {distance}
        </span>
      )}
    </span>
  )
}

/**
 * Every column the portfolio can show, most important first in `priority`. Lazada's shows by
 * default only once Lazada has something to say about some store.
 */
export function portfolioColumns(lazadaHasMarks: boolean): PortfolioColumn[] {
  return [
    { id: 'clientName', header: 'Client', width: 160, grow: 2, priority: 100, hideable: false, sortKey: 'clientName', cell: (s) => <span className="cell-strong">{s.clientName}</span> },
    { id: 'storeName', header: 'Store', width: 140, grow: 2, priority: 95, sortKey: 'storeName', cell: (s) => s.storeName },
    { id: 'country', header: 'Country', width: 108, priority: 70, sortKey: 'country', cell: (s) => <span data-tip={countryName(s.country)}>{s.country}</span> },
    { id: 'sellerShortCode', header: 'Seller short code', width: 128, grow: 0.5, priority: 50, sortKey: 'sellerShortCode', cell: (s) => orDash(s.sellerShortCode) },
    { id: 'loginEmail', header: 'Login e-mail', width: 180, grow: 1, priority: 30, sortKey: 'loginEmail', cell: (s) => orDash(s.loginEmail) },
    { id: 'ownerKam', header: 'Owner', width: 124, grow: 0.5, priority: 60, sortKey: 'ownerKam', cell: (s) => s.ownerKam ?? <Dimmed>Unassigned</Dimmed> },
    { id: 'tags', header: 'Tags', width: 120, grow: 0.6, priority: 40, cell: (s) => <TagBadges tags={s.tags} /> },
    { id: 'status', header: 'Status', width: 180, priority: 90, sortKey: 'status', cell: (s) => <StatusBadge status={s.status} /> },
    { id: 'deadlineAt', header: 'Deadline', width: 220, grow: 0.4, priority: 85, sortKey: 'deadlineAt', cell: (s, { now }) => <DeadlineCell store={s} now={now} /> },
    {
      id: 'lazada',
      header: 'Lazada',
      width: 170,
      grow: 0.5,
      // Shown by default only when Lazada has news, and then it matters more than most.
      priority: 75,
      defaultVisible: lazadaHasMarks,
      cell: (s) => <LazadaBadges storeId={s.id} country={s.country} confirmed />
    }
  ]
}

export function PortfolioTable(props: PortfolioTableProps) {
  const { getRow, selection, selectedCount, count, onOpen, onHighlight, onShowRows } = props
  const gridRef = useRef<VirtualListHandle>(null)
  const now = useNow()
  const extra = useMemo(() => ({ now }), [now])

  useImperativeHandle(props.handleRef, () => ({ focusRows: () => gridRef.current?.focusRow() }))

  // A new view starts at its top.
  const { viewSeq } = props
  useEffect(() => {
    if (viewSeq > 0) gridRef.current?.scrollToTop()
  }, [viewSeq])

  // A newly highlighted store (back from its page, or just added) is scrolled into view once;
  // later reloads that move it do not pull the KAM away from where they are reading.
  const revealed = useRef<number | null>(null)
  const { highlightedId, highlightedIndex } = props
  useEffect(() => {
    if (highlightedId === null || highlightedIndex === null || revealed.current === highlightedId) return
    revealed.current = highlightedId
    gridRef.current?.scrollToIndex(highlightedIndex, 'auto')
  }, [highlightedId, highlightedIndex])

  const state: GridSelection['state'] = selectedCount === 0 ? 'none' : selectedCount >= count ? 'all' : 'some'
  const gridSelection: GridSelection = {
    isSelected: (id) => isSelected(selection, id),
    state,
    allLabel: `Select all ${count.toLocaleString()} matching`,
    onSelect: props.onSelectRow,
    onSelectAll: props.onSelectAll,
    onClear: props.onClearSelection
  }

  const openAt = useCallback(
    (index: number) => {
      const store = getRow(index)
      if (!store) return
      onHighlight(store.id)
      onOpen(store.id)
    },
    [getRow, onOpen, onHighlight]
  )
  const highlightAt = useCallback(
    (index: number) => {
      const store = getRow(index)
      if (store) onHighlight(store.id)
    },
    [getRow, onHighlight]
  )

  return (
    <DataGrid<Store, { now: number }>
      label="Stores"
      testId="portfolio-grid"
      columns={props.columns}
      prefs={props.prefs}
      onPrefsChange={props.onPrefsChange}
      onLayout={props.onLayout}
      count={count}
      rowHeight={ROW_HEIGHT}
      getRow={getRow}
      rowId={(store) => store.id}
      rowLabel={storeLabel}
      extra={extra}
      sort={props.sort}
      onSort={(column) => props.onSort(column as SortableColumn)}
      selection={gridSelection}
      activeIndex={highlightedIndex ?? undefined}
      focusActiveOnReturn
      onActiveChange={highlightAt}
      onOpen={openAt}
      onRangeChange={onShowRows}
      busy={props.busy}
      handleRef={gridRef}
    />
  )
}
