/**
 * The one virtualized list the portfolio, the worklist and the notification centre share: only the
 * rows in view (plus a margin) are in the page, each at a fixed height and placed with a transform,
 * so scrolling 10,000 rows costs what scrolling 40 does. It owns the keyboard (↑ ↓ PageUp PageDown
 * Home End between rows, ← → between a row's cells, Enter to open, Space and Shift to select,
 * Ctrl/Cmd+A for all, Esc to clear) and the clicks (plain opens, Shift a range, Ctrl/Cmd one row),
 * and hands each to the list that uses it. Rows render through `renderRow`, keyed by index; keep
 * what it returns memoized, since the list re-renders on every scroll frame.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react'
import type { CSSProperties, FocusEvent, KeyboardEvent, MouseEvent, ReactNode, Ref } from 'react'

export interface VirtualListHandle {
  /** Puts keyboard focus on a row (the active one when none is given), scrolling it into view. */
  focusRow(index?: number): void
  scrollToIndex(index: number, align?: 'auto' | 'center' | 'start'): void
  scrollToTop(): void
}

export interface SelectGesture {
  /** Shift: from the anchor row to this one. */
  range: boolean
}

export interface VirtualListProps {
  label: string
  /** A grid of cells (rows of columns) or a list of entries. */
  kind: 'grid' | 'list'
  count: number
  /** Every row's height, or each row's (a heading row above its entries is taller or shorter). */
  rowHeight: number | ((index: number) => number)
  renderRow(index: number): ReactNode
  /** Names the row for assistive technology when its text would not. */
  rowLabel?(index: number): string | undefined
  isRowSelected?(index: number): boolean
  /** A class for a row (e.g. one that opens a section under its heading). */
  rowClassName?(index: number): string | undefined
  /** A sticky header above the rows (a grid's column headers). */
  header?: ReactNode
  headerHeight?: number
  /** The rows' least width: wider than the window, the list scrolls sideways inside itself. */
  minWidth?: number
  /** Extra style for the scroll box (e.g. the grid's column template as a CSS variable). */
  style?: CSSProperties
  className?: string
  testId?: string
  /** Main is answering: the rows shown may be about to change. */
  busy?: boolean
  overscan?: number
  /** The row the KAM is on (highlighted); keyboard focus starts there. */
  activeIndex?: number
  /**
   * The first active row known after the list appears takes focus when focus is nowhere (on the
   * page body): back from a store's page, ↓ goes on from the row the KAM left.
   */
  focusActiveOnReturn?: boolean
  onActiveChange?(index: number): void
  onOpen?(index: number): void
  onSelect?(index: number, gesture: SelectGesture): void
  onSelectAll?(): void
  /** Esc: answers whether there was something to clear (else Esc goes on to others). */
  onClearSelection?(): boolean
  /** The rows the list shows now, margin included: load what is missing. */
  onRangeChange?(start: number, end: number): void
  handleRef?: Ref<VirtualListHandle>
}

const PAGE_ROWS_FALLBACK = 10
/** Clicks on these inside a row are theirs, not the row's. */
const OWN_CLICKS = 'button, a, input, textarea, select, [role="menuitem"], [data-row-ignore]'
const FOCUSABLE = 'button, a[href], [tabindex]'

function rowIndexOf(target: EventTarget | null): number | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-row-index]') : null
  return row ? Number(row.dataset.rowIndex) : null
}

function cellsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(':scope > [role="gridcell"]')]
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, headerHeight = 0, kind, activeIndex } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const [focusIndex, setFocusIndex] = useState(activeIndex ?? 0)
  /** Row (and cell) that should take focus once the virtualizer has rendered it. */
  const focusWanted = useRef<{ index: number; cell: number | null } | null>(null)

  // The app does not run React Compiler, so the memoization this rule guards against never happens.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: typeof rowHeight === 'number' ? () => rowHeight : rowHeight,
    overscan: props.overscan ?? 8,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight
  })
  // A new height function means new heights: the virtualizer keeps the old ones until told.
  useLayoutEffect(() => {
    if (typeof rowHeight !== 'number') virtualizer.measure()
  }, [rowHeight, virtualizer])
  const items = virtualizer.getVirtualItems()
  const firstIndex = items[0]?.index ?? 0
  const lastIndex = items.at(-1)?.index ?? -1
  const tabIndexRow = Math.min(Math.max(activeIndex ?? focusIndex, 0), Math.max(count - 1, 0))

  const onRangeChange = props.onRangeChange
  useEffect(() => {
    if (lastIndex >= firstIndex) onRangeChange?.(firstIndex, lastIndex)
  }, [firstIndex, lastIndex, onRangeChange])

  function rowElement(index: number): HTMLElement | null {
    return scrollRef.current?.querySelector<HTMLElement>(`:scope > .vlist-body > [data-row-index="${index}"]`) ?? null
  }

  function focusAt(index: number, cell: number | null): boolean {
    const row = rowElement(index)
    if (!row) return false
    // A list's entries are their own buttons; a grid's rows and cells take focus themselves.
    const target = kind === 'list' ? row.querySelector<HTMLElement>(FOCUSABLE) : cell === null ? row : (cellsOf(row)[cell] ?? row)
    ;(target ?? row).focus({ preventScroll: true })
    return true
  }

  function moveTo(index: number, cell: number | null = null): void {
    if (count === 0) return
    const target = Math.min(Math.max(index, 0), count - 1)
    setFocusIndex(target)
    virtualizer.scrollToIndex(target, { align: 'auto' })
    if (!focusAt(target, cell)) focusWanted.current = { index: target, cell }
  }

  // A row scrolled into view by the keyboard takes focus once it has been rendered.
  useEffect(() => {
    const wanted = focusWanted.current
    if (wanted && focusAt(wanted.index, wanted.cell)) focusWanted.current = null
  })

  const returnedTo = useRef(false)
  const focusActiveOnReturn = props.focusActiveOnReturn
  useEffect(() => {
    if (!focusActiveOnReturn || returnedTo.current || activeIndex === undefined) return
    returnedTo.current = true
    const focused = document.activeElement
    if (focused === null || focused === document.body) moveTo(activeIndex)
    // moveTo is this render's; only the first known active row matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusActiveOnReturn, activeIndex])

  useImperativeHandle(props.handleRef, () => ({
    focusRow: (index) => moveTo(index ?? tabIndexRow),
    scrollToIndex: (index, align = 'auto') => virtualizer.scrollToIndex(index, { align }),
    // From the offset the last scroll event left, so a list already at its top reads no layout.
    scrollToTop: () => {
      if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0)
    }
  }))

  function onFocus(event: FocusEvent<HTMLDivElement>): void {
    const index = rowIndexOf(event.target)
    if (index === null) return
    if (index !== focusIndex) setFocusIndex(index)
    if (index !== activeIndex) props.onActiveChange?.(index)
  }

  function onMouseDown(event: MouseEvent<HTMLDivElement>): void {
    const index = rowIndexOf(event.target)
    if (index === null || !(event.target instanceof Element) || event.target.closest(OWN_CLICKS)) return
    // A click puts focus on its row, not on the cell under the pointer; and Shift-click selects
    // rows, not the text between two clicks.
    event.preventDefault()
    if (kind === 'grid') focusAt(index, null)
  }

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    const index = rowIndexOf(event.target)
    if (index === null || !(event.target instanceof Element)) return
    const checkbox = event.target.closest('[data-row-select]')
    if (!checkbox && event.target.closest(OWN_CLICKS)) return
    if (checkbox || event.shiftKey || event.ctrlKey || event.metaKey) {
      if (!props.onSelect) return
      props.onSelect(index, { range: event.shiftKey })
      setFocusIndex(index)
      return
    }
    props.onOpen?.(index)
  }

  function pageRows(): number {
    const height = scrollRef.current?.clientHeight ?? 0
    const typical = typeof rowHeight === 'number' ? rowHeight : rowHeight(0)
    return Math.max(Math.floor((height - headerHeight) / typical) - 1, 1) || PAGE_ROWS_FALLBACK
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = rowIndexOf(event.target)
    if (index === null) return
    const isGrid = kind === 'grid'
    const row = rowElement(index)
    const cells = row && isGrid ? cellsOf(row) : []
    const cellIndex = event.target instanceof HTMLElement ? cells.indexOf(event.target) : -1
    const cell = cellIndex < 0 ? null : cellIndex
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows(),
      PageUp: index - pageRows(),
      Home: 0,
      End: count - 1
    }
    const mod = event.ctrlKey || event.metaKey
    const target = moves[event.key]
    if (target !== undefined && !event.altKey) {
      event.preventDefault()
      moveTo(target, cell)
      if (event.shiftKey && props.onSelect && target >= 0 && target < count) props.onSelect(target, { range: true })
    } else if (event.key === 'ArrowRight' && cells.length) {
      event.preventDefault()
      cells[Math.min((cell ?? -1) + 1, cells.length - 1)]!.focus()
    } else if (event.key === 'ArrowLeft' && cell !== null) {
      event.preventDefault()
      if (cell === 0) row!.focus()
      else cells[cell - 1]!.focus()
    } else if (event.key === 'Enter' && isGrid && event.target === row) {
      event.preventDefault()
      props.onOpen?.(index)
    } else if (event.key === ' ' && props.onSelect && (event.target === row || cell !== null)) {
      event.preventDefault()
      props.onSelect(index, { range: event.shiftKey })
    } else if (mod && event.key.toLowerCase() === 'a' && props.onSelectAll) {
      event.preventDefault()
      props.onSelectAll()
    } else if (event.key === 'Escape' && props.onClearSelection?.()) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  const isGrid = kind === 'grid'
  const selectable = Boolean(props.onSelect)
  return (
    <div
      ref={scrollRef}
      className={`vlist ${props.className ?? ''}`}
      style={props.style}
      role={isGrid ? 'grid' : 'list'}
      aria-label={props.label}
      aria-rowcount={isGrid ? count + (props.header ? 1 : 0) : undefined}
      aria-multiselectable={isGrid && selectable ? true : undefined}
      aria-busy={props.busy ? true : undefined}
      data-testid={props.testId}
      onFocus={onFocus}
      onMouseDown={onMouseDown}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {props.header}
      <div className="vlist-body" style={{ height: virtualizer.getTotalSize() - headerHeight, minWidth: props.minWidth }}>
        {items.map((item) => {
          const index = item.index
          const selected = props.isRowSelected?.(index)
          return (
            <div
              key={item.key}
              role={isGrid ? 'row' : 'listitem'}
              className={`vlist-row ${props.rowClassName?.(index) ?? ''}`}
              data-row-index={index}
              aria-rowindex={isGrid ? index + (props.header ? 2 : 1) : undefined}
              aria-selected={isGrid && selectable ? Boolean(selected) : undefined}
              aria-label={props.rowLabel?.(index)}
              data-selected={selected || undefined}
              data-active={index === activeIndex || undefined}
              tabIndex={isGrid ? (index === tabIndexRow ? 0 : -1) : undefined}
              style={{ height: item.size, transform: `translateY(${item.start - headerHeight}px)` }}
            >
              {props.renderRow(index)}
            </div>
          )
        })}
      </div>
    </div>
  )
}
