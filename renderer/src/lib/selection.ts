/**
 * Rows a KAM picked in a list, for actions on many stores at once: some stores by id, or every
 * store of the view but some. "All" never lists the ids, so "select all 10,000 matching" costs
 * nothing until an action asks main to resolve it (`StoreSelection`).
 */
import type { PortfolioQuery, StoreSelectionInput } from '../../../electron/shared/portfolio'

export type Selection =
  | { mode: 'some'; ids: ReadonlySet<number> }
  /** Every row of the view the selection was made in, but `except`. */
  | { mode: 'all'; except: ReadonlySet<number> }

export const NO_SELECTION: Selection = { mode: 'some', ids: new Set() }

export function isSelected(selection: Selection, id: number): boolean {
  return selection.mode === 'some' ? selection.ids.has(id) : !selection.except.has(id)
}

/** How many rows are selected, of a view holding `total`. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.mode === 'some' ? selection.ids.size : Math.max(total - selection.except.size, 0)
}

/** Whether there is anything to clear: rows picked, or "all" however many were unticked since. */
export function hasSelection(selection: Selection): boolean {
  return selection.mode === 'all' || selection.ids.size > 0
}

/** Sets each of `ids` selected or not, keeping the rest as they were. */
export function setSelected(selection: Selection, ids: readonly number[], selected: boolean): Selection {
  if (selection.mode === 'some') {
    const next = new Set(selection.ids)
    for (const id of ids) {
      if (selected) next.add(id)
      else next.delete(id)
    }
    return { mode: 'some', ids: next }
  }
  const except = new Set(selection.except)
  for (const id of ids) {
    if (selected) except.delete(id)
    else except.add(id)
  }
  return { mode: 'all', except }
}

export function toggleSelected(selection: Selection, id: number): Selection {
  return setSelected(selection, [id], !isSelected(selection, id))
}

export function selectAll(): Selection {
  return { mode: 'all', except: new Set() }
}

/** What main resolves to store ids: the named ones, or the view's (its query) but the excepted. */
export function selectionSpec(selection: Selection, query: PortfolioQuery): StoreSelectionInput {
  return selection.mode === 'some' ? { ids: [...selection.ids] } : { allMatching: query, except: [...selection.except] }
}

/** The rows a shift-click covers: from the anchor to the clicked row, both included. */
export function rangeBetween(anchor: number, index: number): { from: number; to: number } {
  return { from: Math.min(anchor, index), to: Math.max(anchor, index) }
}
