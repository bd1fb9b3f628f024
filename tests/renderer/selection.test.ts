import { describe, expect, it } from 'vitest'
import { DEFAULT_PORTFOLIO_QUERY } from '../../electron/shared/portfolio'
import { NO_SELECTION, hasSelection, isSelected, rangeBetween, selectAll, selectedCount, selectionSpec, setSelected, toggleSelected } from '../../renderer/src/lib/selection'

describe('a selection of rows', () => {
  it('picks rows one by one and counts them', () => {
    const some = toggleSelected(toggleSelected(NO_SELECTION, 4), 9)
    expect([isSelected(some, 4), isSelected(some, 9), isSelected(some, 5)]).toEqual([true, true, false])
    expect(selectedCount(some, 10_000)).toBe(2)
    expect(selectionSpec(toggleSelected(some, 4), DEFAULT_PORTFOLIO_QUERY)).toEqual({ ids: [9] })
    expect(hasSelection(NO_SELECTION)).toBe(false)
  })

  it('takes every row of the view, less the ones unticked, without listing them', () => {
    const all = setSelected(toggleSelected(selectAll(), 3), [7, 8], false)
    expect(isSelected(all, 1)).toBe(true)
    expect(isSelected(all, 7)).toBe(false)
    expect(selectedCount(all, 10_000)).toBe(9_997)
    expect(selectionSpec(setSelected(all, [7], true), DEFAULT_PORTFOLIO_QUERY)).toEqual({ allMatching: DEFAULT_PORTFOLIO_QUERY, except: [3, 8] })
    expect(hasSelection(all)).toBe(true)
  })

  it('covers a Shift range in either direction, both ends included', () => {
    expect(rangeBetween(8, 3)).toEqual({ from: 3, to: 8 })
    expect(rangeBetween(3, 3)).toEqual({ from: 3, to: 3 })
  })
})
