/**
 * A grid of rows and columns on the shared VirtualList: sortable headers, columns the KAM can
 * resize (drag the edge, or focus it and press ← →; double-click for the default), columns that
 * give way when the window is narrow, and an optional first column of checkboxes for selecting
 * rows. Cells are plain elements in one memoized row component: a row re-renders only when its
 * data, the columns or its selection change, never because the list scrolled.
 */
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react'
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { CSSProperties, KeyboardEvent, PointerEvent, ReactNode, Ref } from 'react'
import { EMPTY_COLUMN_PREFS } from '../../../../electron/shared/view-prefs'
import type { ColumnPrefs } from '../../../../electron/shared/view-prefs'
import { clampWidth, layoutColumns } from './column-layout'
import type { ColumnLayout, ColumnSpec } from './column-layout'
import { VirtualList } from './VirtualList'
import type { SelectGesture, VirtualListHandle } from './VirtualList'

export interface GridColumn<T, X> extends ColumnSpec {
  /** The key main sorts by when this header is clicked. */
  sortKey?: string
  /** The header names the column for screen readers only (a column of icon buttons). */
  hideHeader?: boolean
  cell(row: T, extra: X): ReactNode
}

export type SortState = { column: string; direction: 'asc' | 'desc' }

export interface GridSelection {
  isSelected(id: number): boolean
  /** The header checkbox: nothing, some or every row of the view selected. */
  state: 'none' | 'some' | 'all'
  /** "Select all 10,000 matching". */
  allLabel: string
  onSelect(index: number, gesture: SelectGesture): void
  onSelectAll(): void
  onClear(): boolean
}

export interface DataGridProps<T, X> {
  label: string
  testId?: string
  columns: GridColumn<T, X>[]
  /** The KAM's layout; with `onPrefsChange` the columns can be resized. */
  prefs?: ColumnPrefs
  onPrefsChange?(prefs: ColumnPrefs): void
  /** Tells the page which columns show and which gave way. */
  onLayout?(layout: ColumnLayout<GridColumn<T, X>>): void
  count: number
  /** A row's height; a row under a section heading is `SECTION_HEADING_HEIGHT` taller. */
  rowHeight: number
  /**
   * A heading above the row that starts a section (the worklist's tiers), or null. The heading
   * belongs to the row, so indexes, selection and the keyboard stay those of the rows.
   */
  sectionHeading?(index: number): ReactNode | null
  /** The row at an index, or undefined while main has not sent it. */
  getRow(index: number): T | undefined
  rowId(row: T): number
  rowLabel(row: T): string
  extra: X
  sort?: SortState
  onSort?(column: string): void
  selection?: GridSelection
  activeIndex?: number
  /** See VirtualList: the active row takes focus when the KAM comes back to the grid. */
  focusActiveOnReturn?: boolean
  onActiveChange?(index: number): void
  onOpen?(index: number): void
  onRangeChange?(start: number, end: number): void
  busy?: boolean
  handleRef?: Ref<VirtualListHandle>
  /** Fills the space it is given (the portfolio) or holds at most this height (the worklist). */
  maxHeight?: number | string
}

const HEADER_HEIGHT = 36
export const SECTION_HEADING_HEIGHT = 30
const SELECT_WIDTH = 40
/** Room a vertical scrollbar takes from the width the columns can use. */
const SCROLLBAR_ALLOWANCE = 16
const RESIZE_STEP = 16

interface RowCellsProps<T, X> {
  row: T | undefined
  columns: GridColumn<T, X>[]
  extra: X
  selectable: boolean
  selected: boolean
  label: string | undefined
}

function RowCellsOf<T, X>({ row, columns, extra, selectable, selected, label }: RowCellsProps<T, X>) {
  return (
    <>
      {selectable && (
        <div role="gridcell" className="grid-cell grid-select" tabIndex={-1}>
          {row !== undefined && <span role="checkbox" className="row-check" data-row-select aria-checked={selected} aria-label={`Select ${label}`} />}
        </div>
      )}
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className="grid-cell" data-col={column.id} tabIndex={-1}>
          {row === undefined ? <span className="cell-placeholder" aria-hidden /> : column.cell(row, extra)}
        </div>
      ))}
    </>
  )
}

const RowCells = memo(RowCellsOf) as typeof RowCellsOf

function SortIcon({ active, direction }: { active: boolean; direction: 'asc' | 'desc' }) {
  const Icon = !active ? IconSelector : direction === 'asc' ? IconArrowUp : IconArrowDown
  return <Icon size={14} stroke={1.8} opacity={active ? 1 : 0.45} aria-hidden />
}

function useWidth(): [Ref<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    setWidth(element.clientWidth)
    const observer = new ResizeObserver(() => setWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

export function DataGrid<T, X>(props: DataGridProps<T, X>) {
  const { columns, selection, sort, onPrefsChange, count, getRow, rowId, sectionHeading, rowHeight } = props
  const prefs = props.prefs ?? EMPTY_COLUMN_PREFS
  const [wrapperRef, width] = useWidth()
  /** The width being dragged, before it is saved. */
  const [dragging, setDragging] = useState<{ id: string; width: number } | null>(null)
  const leading = selection ? SELECT_WIDTH : 0

  const layout = useMemo(() => {
    const live = dragging ? { ...prefs, widths: { ...prefs.widths, [dragging.id]: dragging.width } } : prefs
    return layoutColumns(columns, live, Math.max(width - SCROLLBAR_ALLOWANCE, 0), leading)
  }, [columns, prefs, dragging, width, leading])
  const onLayout = props.onLayout
  useLayoutEffect(() => {
    if (width > 0) onLayout?.(layout)
  }, [layout, width, onLayout])
  // One array per layout, so memoized rows see the same columns until the layout changes.
  const visible = layout.visible

  function saveWidth(id: string, next: number | null): void {
    const widths = { ...prefs.widths }
    if (next === null) delete widths[id]
    else widths[id] = clampWidth(next)
    onPrefsChange?.({ ...prefs, widths })
  }

  function startResize(event: PointerEvent<HTMLDivElement>, id: string, from: number): void {
    event.preventDefault()
    const handle = event.currentTarget
    handle.setPointerCapture(event.pointerId)
    const startX = event.clientX
    let latest = from
    const move = (e: globalThis.PointerEvent) => {
      latest = clampWidth(from + e.clientX - startX)
      setDragging({ id, width: latest })
    }
    const end = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', end)
      handle.removeEventListener('pointercancel', end)
      setDragging(null)
      if (latest !== from) saveWidth(id, latest)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', end)
    handle.addEventListener('pointercancel', end)
  }

  function onResizeKey(event: KeyboardEvent<HTMLDivElement>, id: string, from: number): void {
    const step = event.key === 'ArrowRight' ? RESIZE_STEP : event.key === 'ArrowLeft' ? -RESIZE_STEP : 0
    if (step === 0) return
    event.preventDefault()
    event.stopPropagation()
    saveWidth(id, from + step)
  }

  const header = (
    <div role="row" className="grid-header" aria-rowindex={1} style={{ height: HEADER_HEIGHT, minWidth: layout.minWidth }}>
      {selection && (
        <div role="columnheader" className="grid-head grid-select">
          <input
            type="checkbox"
            aria-label={selection.state === 'all' ? 'Clear the selection' : selection.allLabel}
            checked={selection.state === 'all'}
            ref={(element) => {
              if (element) element.indeterminate = selection.state === 'some'
            }}
            onChange={() => (selection.state === 'none' ? selection.onSelectAll() : selection.onClear())}
          />
        </div>
      )}
      {visible.map((column) => {
        const active = sort?.column === column.sortKey
        const ariaSort = !column.sortKey ? undefined : active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : 'none'
        return (
          // Named by its label alone, not by the resize handle inside it.
          <div key={column.id} role="columnheader" className="grid-head" aria-sort={ariaSort} aria-label={column.header} data-col={column.id}>
            {column.sortKey && props.onSort ? (
              <button type="button" className="sort-button" onClick={() => props.onSort!(column.sortKey!)}>
                <span className="grid-head-label">{column.header}</span>
                <SortIcon active={active} direction={sort?.direction ?? 'asc'} />
              </button>
            ) : (
              <span className={column.hideHeader ? 'visually-hidden' : 'grid-head-label'}>{column.header}</span>
            )}
            {onPrefsChange && (
              <div
                role="separator"
                aria-orientation="vertical"
                aria-label={`Resize ${column.header}`}
                aria-valuenow={column.px}
                aria-valuemin={48}
                aria-valuemax={1200}
                tabIndex={0}
                className="col-resize"
                data-dragging={dragging?.id === column.id || undefined}
                onPointerDown={(event) => startResize(event, column.id, column.px)}
                onKeyDown={(event) => onResizeKey(event, column.id, column.px)}
                onDoubleClick={() => saveWidth(column.id, null)}
                onClick={(event) => event.stopPropagation()}
              />
            )}
          </div>
        )
      })}
    </div>
  )

  const heightOf = useMemo(
    () => (sectionHeading ? (index: number) => rowHeight + (sectionHeading(index) === null ? 0 : SECTION_HEADING_HEIGHT) : rowHeight),
    [sectionHeading, rowHeight]
  )

  const gridStyle = {
    '--grid-template': `${leading ? `${leading}px ` : ''}${layout.template}`,
    '--section-height': `${SECTION_HEADING_HEIGHT}px`,
    maxHeight: props.maxHeight
  } as CSSProperties

  return (
    <div ref={wrapperRef} className="data-grid" data-testid={props.testId ? `${props.testId}-wrapper` : undefined}>
      {width > 0 && (
        <VirtualList
          kind="grid"
          label={props.label}
          testId={props.testId}
          className="grid-scroll"
          style={gridStyle}
          count={count}
          rowHeight={heightOf}
          rowClassName={sectionHeading ? (index) => (sectionHeading(index) === null ? undefined : 'grid-row-sectioned') : undefined}
          header={header}
          headerHeight={HEADER_HEIGHT}
          minWidth={layout.minWidth}
          busy={props.busy}
          activeIndex={props.activeIndex}
          focusActiveOnReturn={props.focusActiveOnReturn}
          onActiveChange={props.onActiveChange}
          onOpen={props.onOpen}
          onRangeChange={props.onRangeChange}
          onSelect={selection?.onSelect}
          onSelectAll={selection?.onSelectAll}
          onClearSelection={selection?.onClear}
          handleRef={props.handleRef}
          rowLabel={(index) => {
            const row = getRow(index)
            return row === undefined ? undefined : props.rowLabel(row)
          }}
          isRowSelected={(index) => {
            const row = getRow(index)
            return row !== undefined && Boolean(selection?.isSelected(rowId(row)))
          }}
          renderRow={(index) => {
            const row = getRow(index)
            const heading = sectionHeading?.(index) ?? null
            return (
              <>
                {heading !== null && <div className="grid-section">{heading}</div>}
                <RowCells
                row={row}
                columns={visible}
                extra={props.extra}
                selectable={Boolean(selection)}
                selected={row !== undefined && Boolean(selection?.isSelected(rowId(row)))}
                  label={row === undefined ? undefined : props.rowLabel(row)}
                />
              </>
            )
          }}
        />
      )}
    </div>
  )
}
