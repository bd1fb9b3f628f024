/**
 * The portfolio grid's list mechanics: selecting rows (checkbox, Shift for a range, Ctrl/Cmd,
 * Space, select all matching), columns the KAM arranges and that are remembered, hints on hover
 * and focus, and the "ends within N days" filter.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { resetColumnPrefsStore } from '../../renderer/src/stores/useColumnPrefsStore'
import { usePortfolioStore } from '../../renderer/src/stores/usePortfolioStore'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import type { FakeBridge } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function stores(count: number) {
  return Array.from({ length: count }, (_, i) =>
    makeStore({ id: i + 1, clientName: `Client ${String(i + 1).padStart(5, '0')}`, storeName: `Shop ${i + 1}`, country: i % 2 ? 'MY' : 'SG', tags: ['vip'] })
  )
}

function grid(): HTMLElement {
  return screen.getByRole('grid', { name: 'Stores' })
}

function rows(): HTMLElement[] {
  return within(grid()).getAllByRole('row').slice(1)
}

function checkbox(row: HTMLElement): HTMLElement {
  return within(row).getByRole('checkbox')
}

function headers(): string[] {
  return within(grid())
    .getAllByRole('columnheader')
    .slice(1)
    .map((h) => h.textContent ?? '')
}

/** The portfolio, once it has its rows and the column layout main keeps. */
async function openPortfolio(bridge: FakeBridge) {
  const asked = bridge.inputsTo('views:columns').length
  const view = renderApp('#/portfolio')
  await screen.findByRole('grid', { name: 'Stores' })
  await waitFor(() => expect(bridge.inputsTo('views:columns')).toHaveLength(asked + 1))
  return view
}

describe('selecting rows', () => {
  it('ticks a row with its checkbox, a range with Shift, one more with Ctrl, without opening a store', async () => {
    const bridge = installFakeBridge(stores(20))
    const { user } = await openPortfolio(bridge)

    await user.click(checkbox(rows()[1]!))
    expect(rows()[1]).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('1 selected')

    await user.keyboard('{Shift>}')
    await user.click(checkbox(rows()[4]!))
    await user.keyboard('{/Shift}')
    await waitFor(() => expect(screen.getByTestId('selection-summary')).toHaveTextContent('4 selected'))
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(
      Array.from({ length: rows().length }, (_, i) => String(i >= 1 && i <= 4))
    )

    await user.keyboard('{Control>}')
    await user.click(within(rows()[7]!).getByText('Client 00008'))
    await user.keyboard('{/Control}')
    expect(rows()[7]).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('5 selected')
    expect(window.location.hash).toBe('#/portfolio')
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ ids: [2, 3, 4, 5, 8] })
  })

  it('selects with Space and Shift+arrows from the keyboard, and clears with Esc', async () => {
    const bridge = installFakeBridge(stores(20))
    const { user } = await openPortfolio(bridge)

    act(() => rows()[0]!.focus())
    await user.keyboard(' ')
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}')
    expect(rows()[2]).toHaveFocus()
    await waitFor(() => expect(screen.getByTestId('selection-summary')).toHaveTextContent('3 selected'))

    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('selection-summary')).not.toBeInTheDocument()
    expect(rows()[0]).toHaveAttribute('aria-selected', 'false')
  })

  it('selects all 10,000 matching though only a page is loaded, says how many, and keeps what is unticked out', async () => {
    const bridge = installFakeBridge(stores(10_000))
    const { user } = await openPortfolio(bridge)
    expect(bridge.inputsTo('stores:list').every((q) => q.limit <= 100)).toBe(true)

    await user.click(screen.getByRole('checkbox', { name: 'Select all 10,000 matching' }))
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('All 10,000 matching selected')
    expect(rows().every((r) => r.getAttribute('aria-selected') === 'true')).toBe(true)

    await user.click(checkbox(rows()[0]!))
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('9,999 selected')
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ allMatching: usePortfolioStore.getState().query, except: [1] })

    await user.click(screen.getByRole('button', { name: 'Select all 10,000 matching' }))
    expect(screen.getByTestId('selection-summary')).toHaveTextContent('All 10,000 matching selected')
    await user.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByTestId('selection-summary')).not.toBeInTheDocument()
  })

  it('still opens a store with a plain click', async () => {
    const bridge = installFakeBridge(stores(5))
    const { user } = await openPortfolio(bridge)
    await user.click(within(rows()[2]!).getByText('Shop 3'))
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/3\?in=\d+$/))
  })
})

describe('columns the KAM arranges', () => {
  it('resizes a column from the keyboard and remembers it the next time the portfolio opens', async () => {
    const bridge = installFakeBridge(stores(5))
    const { user, unmount } = await openPortfolio(bridge)
    const handle = screen.getByRole('separator', { name: 'Resize Client' })
    expect(handle).toHaveAttribute('aria-valuenow', '160')

    act(() => handle.focus())
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(screen.getByRole('separator', { name: 'Resize Client' })).toHaveAttribute('aria-valuenow', '192')
    await waitFor(() => expect(bridge.lastInputTo('views:save-columns')).toEqual({ view: 'portfolio', prefs: { order: [], visible: {}, widths: { clientName: 192 } } }))

    // Storewatch started again: the layout comes back from main.
    unmount()
    resetColumnPrefsStore()
    await openPortfolio(bridge)
    await waitFor(() => expect(screen.getByRole('separator', { name: 'Resize Client' })).toHaveAttribute('aria-valuenow', '192'))
    expect(grid().style.getPropertyValue('--grid-template')).toMatch(/^40px 192px /)
  })

  it('hides and reorders columns from the Columns menu, remembered, and can reset them', async () => {
    const bridge = installFakeBridge(stores(5))
    const { user, unmount } = await openPortfolio(bridge)
    expect(headers().slice(0, 3)).toEqual(['Client', 'Store', 'Country'])
    expect(headers()).toContain('Tags')

    await user.click(screen.getByRole('button', { name: /^Columns/ }))
    const menu = await screen.findByRole('group', { name: 'Columns' })
    await user.click(within(menu).getByRole('checkbox', { name: 'Tags' }))
    await user.click(within(menu).getByRole('button', { name: 'Move Store earlier' }))
    expect(headers()).not.toContain('Tags')
    expect(headers().slice(0, 2)).toEqual(['Store', 'Client'])
    expect(within(menu).getByRole('checkbox', { name: 'Client' })).toBeDisabled()
    await waitFor(() => expect(bridge.lastInputTo('views:save-columns')?.prefs).toMatchObject({ visible: { tags: false }, order: expect.arrayContaining(['storeName']) }))

    unmount()
    resetColumnPrefsStore()
    const again = await openPortfolio(bridge)
    await waitFor(() => expect(headers().slice(0, 2)).toEqual(['Store', 'Client']))
    expect(headers()).not.toContain('Tags')

    await again.user.click(screen.getByRole('button', { name: /^Columns/ }))
    await again.user.click(await screen.findByRole('button', { name: 'Reset columns' }))
    expect(headers().slice(0, 2)).toEqual(['Client', 'Store'])
    expect(headers()).toContain('Tags')
  })

  it('leaves the Lazada column out while Lazada has nothing to say, and shows it when the KAM asks', async () => {
    const bridge = installFakeBridge(stores(5))
    const { user } = await openPortfolio(bridge)
    expect(headers()).not.toContain('Lazada')

    await user.click(screen.getByRole('button', { name: /^Columns/ }))
    const lazada = within(await screen.findByRole('group', { name: 'Columns' })).getByRole('checkbox', { name: 'Lazada' })
    expect(lazada).not.toBeChecked()
    await user.click(lazada)
    expect(headers()).toContain('Lazada')
    await waitFor(() => expect(bridge.lastInputTo('views:save-columns')?.prefs.visible).toEqual({ lazada: true }))
  })
})

describe('hints on hover and on keyboard focus', () => {
  it('shows a cut-off name in full when the pointer rests on it or the keyboard reaches its cell', async () => {
    const bridge = installFakeBridge(stores(5))
    const { user } = await openPortfolio(bridge)
    const cell = within(rows()[0]!).getByText('Client 00001').closest<HTMLElement>('[role="gridcell"]')!
    // jsdom lays nothing out: make this cell's text wider than the cell, as a long name is.
    Object.defineProperty(cell, 'scrollWidth', { configurable: true, value: 400 })
    Object.defineProperty(cell, 'clientWidth', { configurable: true, value: 120 })

    await user.hover(cell)
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Client 00001')
    await user.unhover(cell)
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument())

    act(() => rows()[0]!.focus())
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(cell).toHaveFocus()
    expect(screen.getByRole('tooltip')).toHaveTextContent('Client 00001')
    expect(cell).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id)

    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(screen.getByRole('tooltip')).toHaveTextContent('Singapore')
  })
})

describe('the "ends within N days" filter', () => {
  it('asks main for the stores whose deadline is at most that many days away', async () => {
    const bridge = installFakeBridge(stores(5))
    await openPortfolio(bridge)
    fireEvent.change(screen.getByRole('textbox', { name: 'Ends within (days)' }), { target: { value: '7' } })
    await waitFor(() => expect(bridge.lastInputTo('stores:list')?.endsWithinDays).toBe(7))
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument()
  })
})
