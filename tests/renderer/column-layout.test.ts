import { describe, expect, it } from 'vitest'
import { layoutColumns, moveColumn, orderColumns } from '../../renderer/src/components/list/column-layout'
import type { ColumnSpec } from '../../renderer/src/components/list/column-layout'
import { EMPTY_COLUMN_PREFS } from '../../electron/shared/view-prefs'

const COLUMNS: ColumnSpec[] = [
  { id: 'client', header: 'Client', width: 160, grow: 2, priority: 100, hideable: false },
  { id: 'store', header: 'Store', width: 140, grow: 1, priority: 95 },
  { id: 'email', header: 'Login e-mail', width: 180, priority: 30 },
  { id: 'status', header: 'Status', width: 180, priority: 90 },
  { id: 'lazada', header: 'Lazada', width: 170, priority: 45, defaultVisible: false }
]

const ids = (columns: { id: string }[]) => columns.map((c) => c.id)

describe('laying out a grid’s columns', () => {
  it('shows the chosen columns in order, growing ones sharing the room beyond their least widths by weight', () => {
    const layout = layoutColumns(COLUMNS, EMPTY_COLUMN_PREFS, 1000, 40)
    expect(ids(layout.visible)).toEqual(['client', 'store', 'email', 'status'])
    expect(layout.gaveWay).toEqual([])
    // 1000 px less 40 + 660 leaves 300: 200 for the client (weight 2), 100 for the store (1).
    expect(layout.template).toBe('minmax(160px, 360fr) minmax(140px, 240fr) 180px 180px')
    expect(layout.minWidth).toBe(40 + 160 + 140 + 180 + 180)
  })

  it('lets the least important columns give way when the window is narrow, never the client', () => {
    expect(ids(layoutColumns(COLUMNS, EMPTY_COLUMN_PREFS, 600, 40).gaveWay)).toEqual(['email'])
    const tiny = layoutColumns(COLUMNS, EMPTY_COLUMN_PREFS, 100, 40)
    expect(ids(tiny.visible)).toEqual(['client'])
    expect(ids(tiny.gaveWay)).toEqual(['store', 'email', 'status'])
  })

  it('follows the KAM’s widths, order and choices, and ranks a column they turned on above the defaults', () => {
    const prefs = { order: ['status', 'client'], widths: { client: 220 }, visible: { email: false, lazada: true } }
    const layout = layoutColumns(COLUMNS, prefs, 720, 40)
    expect(ids(layout.ordered)).toEqual(['status', 'client', 'store', 'email', 'lazada'])
    expect(ids(layout.visible)).toEqual(['client', 'store', 'lazada'])
    expect(ids(layout.gaveWay)).toEqual(['status'])
    // The client's own width holds; the store, the one column that grows, takes the 150 px left.
    expect(layout.template).toBe('220px minmax(140px, 290fr) 170px')
  })

  it('keeps columns a saved order does not know in their own place after the named ones', () => {
    expect(ids(orderColumns(COLUMNS, ['lazada', 'gone']))).toEqual(['lazada', 'client', 'store', 'email', 'status'])
  })

  it('moves a column one place, and not past either end', () => {
    expect(moveColumn(COLUMNS, 'store', -1)).toEqual(['store', 'client', 'email', 'status', 'lazada'])
    expect(moveColumn(COLUMNS, 'client', -1)).toEqual(['client', 'store', 'email', 'status', 'lazada'])
    expect(moveColumn(COLUMNS, 'lazada', 1)).toEqual(['client', 'store', 'email', 'status', 'lazada'])
  })
})
