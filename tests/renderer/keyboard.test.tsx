/**
 * Keyboard-complete (issue #11, point 6): Esc closes every overlay, the shortcut list included; a
 * shortcut for each main screen, all of them in the list; back from a store's page with Alt+← or
 * the Back link, with focus on the row the KAM left.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SHORTCUTS, keyLabels } from '../../renderer/src/lib/shortcuts'
import { installFakeBridge, makeStore } from './support/fake-bridge'
import { renderApp } from './support/render-app'

function stores(count: number) {
  return Array.from({ length: count }, (_, i) => makeStore({ id: i + 1, clientName: `Client ${i + 1}`, storeName: `Shop ${i + 1}`, country: 'SG' }))
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('grid', { name: 'Stores' })).getAllByRole('row').slice(1)
}

function dialog(name: string): HTMLElement | null {
  return screen.queryByRole('dialog', { name })
}

describe('the shortcut list', () => {
  it('opens with ?, lists every shortcut of the one table (each main screen among them), and closes with Esc', async () => {
    installFakeBridge(stores(3))
    const { user } = renderApp('#/')
    await screen.findByRole('navigation', { name: 'Main' })

    await user.keyboard('{Shift>}?{/Shift}')
    const list = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const entry of SHORTCUTS) {
      const line = within(list).getByTestId(`shortcut-${entry.id}`)
      expect(line).toHaveTextContent(entry.what)
      for (const label of entry.keys.flatMap(keyLabels)) expect(line).toHaveTextContent(label)
    }
    for (const [place, key] of [['dashboard', '1'], ['portfolio', '2'], ['notifications', '3'], ['settings', '4']]) {
      expect(within(list).getByTestId(`shortcut-go-${place}`)).toHaveTextContent(`Go to the ${place}Ctrl+${key}`)
    }

    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Keyboard shortcuts')).not.toBeInTheDocument())
  })

  it('does not let N open Add store under it, and does not open over Add store', async () => {
    installFakeBridge(stores(3))
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })

    await user.keyboard('{Shift>}?{/Shift}')
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    await user.keyboard('n')
    expect(dialog('Add store')).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Keyboard shortcuts')).not.toBeInTheDocument())

    act(() => (document.activeElement as HTMLElement | null)?.blur())
    await user.keyboard('n')
    await screen.findByRole('dialog', { name: 'Add store' })
    act(() => (document.activeElement as HTMLElement | null)?.blur())
    await user.keyboard('{Shift>}?{/Shift}')
    expect(dialog('Keyboard shortcuts')).not.toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog('Add store')).not.toBeInTheDocument())
  })

  it('closes the About popover with Esc, though focus stayed on its button', async () => {
    installFakeBridge(stores(1))
    const { user } = renderApp('#/')
    await user.click(await screen.findByRole('button', { name: 'About Storewatch' }))
    expect(await screen.findByTestId('data-folder')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByTestId('data-folder')).not.toBeInTheDocument())
  })
})

describe('a shortcut for each main screen', () => {
  it('goes to the dashboard, portfolio, notifications and settings with Ctrl+1…4, even from the search field', async () => {
    installFakeBridge(stores(2))
    const { user } = renderApp('#/')
    await screen.findByRole('navigation', { name: 'Main' })

    await user.keyboard('{Control>}2{/Control}')
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await user.click(await screen.findByRole('textbox', { name: /search/i }))
    await user.keyboard('{Control>}3{/Control}')
    await waitFor(() => expect(window.location.hash).toBe('#/notifications'))
    await user.keyboard('{Control>}4{/Control}')
    await waitFor(() => expect(window.location.hash).toBe('#/settings'))
    await user.keyboard('{Control>}1{/Control}')
    await waitFor(() => expect(window.location.hash).toBe('#/'))
  })

  it('stays put while a dialog is open', async () => {
    installFakeBridge(stores(2))
    const { user } = renderApp('#/portfolio')
    await user.click(await screen.findByRole('button', { name: 'Add store' }))
    await screen.findByRole('dialog', { name: 'Add store' })
    await user.keyboard('{Control>}4{/Control}')
    expect(window.location.hash).toBe('#/portfolio')
  })
})

describe('back from a store page', () => {
  it('Alt+← returns to the portfolio with focus on the row the KAM left, so ↓ goes on from it', async () => {
    installFakeBridge(stores(6))
    const { user } = renderApp('#/portfolio')
    await screen.findByRole('grid', { name: 'Stores' })
    await waitFor(() => expect(rows()).toHaveLength(6))

    act(() => rows()[0]!.focus())
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/stores\/3(\?in=\d+)?$/))
    await screen.findByRole('heading', { name: 'Client 3' })

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}')
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'))
    await waitFor(() => expect(rows()[2]).toHaveFocus())
    expect(rows()[2]).toHaveAttribute('data-active', 'true')
    await user.keyboard('{ArrowDown}')
    expect(rows()[3]).toHaveFocus()
  })

  it('the visible Back link does the same', async () => {
    installFakeBridge(stores(4))
    const { user } = renderApp('#/portfolio')
    await waitFor(() => expect(rows()).toHaveLength(4))
    await user.click(within(rows()[1]!).getByText('Shop 2'))
    const back = await screen.findByRole('link', { name: 'Back to portfolio' })
    expect(back).toHaveTextContent('Back to portfolio')
    await user.click(back)
    await waitFor(() => expect(rows()[1]).toHaveFocus())
  })
})
