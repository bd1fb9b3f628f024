/**
 * Which of a grid's columns show, in what order and how wide: the KAM's choices (order, widths,
 * shown or hidden) over the columns' defaults, then the window's width. When the chosen columns do
 * not fit, the least important give way first (a column the KAM turned on counts as important),
 * so the grid never scrolls sideways; the columns that gave way are named, and come back when the
 * window widens.
 */
import type { ColumnPrefs } from '../../../../electron/shared/view-prefs'
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../../../../electron/shared/view-prefs'

export interface ColumnSpec {
  id: string
  header: string
  /** Width in px; for a column that grows, the least it takes before the others give way. */
  width: number
  /** Shares the room left over (by this weight) unless the KAM gave it a width. */
  grow?: number
  /** Higher stays longer when room runs out. */
  priority: number
  /** Some columns (the client) always show. */
  hideable?: boolean
  /** Shown until the KAM says otherwise (default true). */
  defaultVisible?: boolean
}

export interface ColumnLayout<C extends ColumnSpec> {
  /** The columns that show, in order, each with the width it starts from. */
  visible: (C & { px: number })[]
  /** Chosen columns the window has no room for. */
  gaveWay: C[]
  /** Every column in the KAM's order, for the columns menu. */
  ordered: C[]
  /** CSS grid-template-columns for the visible columns (after `leading`). */
  template: string
  /** The visible columns' least total width. */
  minWidth: number
}

/** How far a column the KAM turned on moves up the order of columns that stay. */
const ASKED_FOR = 1000

export function clampWidth(width: number): number {
  return Math.round(Math.min(Math.max(width, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
}

/** The columns in the KAM's order; ones the saved order does not name keep their own places after. */
export function orderColumns<C extends ColumnSpec>(columns: readonly C[], order: readonly string[]): C[] {
  const byId = new Map(columns.map((c) => [c.id, c]))
  const named = order.flatMap((id) => byId.get(id) ?? [])
  const rest = columns.filter((c) => !order.includes(c.id))
  return [...named, ...rest]
}

export function isColumnChosen(column: ColumnSpec, prefs: ColumnPrefs): boolean {
  if (column.hideable === false) return true
  return prefs.visible[column.id] ?? column.defaultVisible ?? true
}

/**
 * `available` is the grid's inner width; `leading` the fixed columns before these (the selection
 * checkboxes). A column the KAM sized keeps that width; growing ones share what is left.
 */
export function layoutColumns<C extends ColumnSpec>(columns: readonly C[], prefs: ColumnPrefs, available: number, leading = 0): ColumnLayout<C> {
  const ordered = orderColumns(columns, prefs.order)
  const widthOf = (c: C) => (prefs.widths[c.id] !== undefined ? clampWidth(prefs.widths[c.id]!) : c.width)
  const chosen = ordered.filter((c) => isColumnChosen(c, prefs))
  const shown = new Set(chosen)
  const total = () => leading + [...shown].reduce((sum, c) => sum + widthOf(c), 0)
  // A column the KAM turned on outranks the ones shown by default.
  const rank = (c: C) => c.priority + (prefs.visible[c.id] === true ? ASKED_FOR : 0)
  const byPriority = [...chosen].filter((c) => c.hideable !== false).sort((a, b) => rank(a) - rank(b))
  for (const column of byPriority) {
    if (total() <= available) break
    shown.delete(column)
  }
  const visible = chosen.filter((c) => shown.has(c)).map((c) => ({ ...c, px: widthOf(c) }))
  const grows = (c: C) => Boolean(c.grow) && prefs.widths[c.id] === undefined
  // The room beyond the columns' least widths goes to the growing ones by weight: as fr factors
  // of the width each should reach, so a narrow column that grows little still gets its share
  // instead of the widest ones taking it all.
  const extra = Math.max(available - total(), 0)
  const weights = visible.reduce((sum, c) => sum + (grows(c) ? c.grow! : 0), 0)
  const template = visible
    .map((c) => (grows(c) ? `minmax(${c.px}px, ${Math.round(c.px + (extra * c.grow!) / weights)}fr)` : `${c.px}px`))
    .join(' ')
  return {
    visible,
    gaveWay: chosen.filter((c) => !shown.has(c)),
    ordered,
    template,
    minWidth: leading + visible.reduce((sum, c) => sum + c.px, 0)
  }
}

/** Moves a column one place earlier (-1) or later (+1) in the order, answering the new order. */
export function moveColumn(ordered: readonly ColumnSpec[], id: string, by: -1 | 1): string[] {
  const ids = ordered.map((c) => c.id)
  const from = ids.indexOf(id)
  const to = from + by
  if (from < 0 || to < 0 || to >= ids.length) return ids
  ids.splice(from, 1)
  ids.splice(to, 0, id)
  return ids
}
