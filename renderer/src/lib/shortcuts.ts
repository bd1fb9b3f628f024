/**
 * Every keyboard shortcut of the app, in one table: the hotkeys the screens register are read from
 * here (`hotkeysFor`), and the shortcut list ("?") is drawn from here, so the list cannot drift
 * from what the keys do. Keys are written as Mantine's `useHotkeys` reads them ('mod+1',
 * 'shift+?', 'alt+ArrowLeft'); keys the lists handle themselves (↑ ↓ Enter) are here for the list
 * only.
 */
import { useHotkeys } from '@mantine/hooks'
import type { HotkeyItem } from '@mantine/hooks'

export type ShortcutId =
  | 'go-dashboard'
  | 'go-portfolio'
  | 'go-notifications'
  | 'go-settings'
  | 'go-back'
  | 'next-store'
  | 'previous-store'
  | 'search'
  | 'add-store'
  | 'import'
  | 'move-rows'
  | 'first-last-row'
  | 'open-row'
  | 'close'
  | 'shortcuts'

export interface Shortcut {
  id: ShortcutId
  /** Where it works, the list's heading. */
  where: 'Everywhere' | 'Portfolio' | 'Lists' | 'Store page'
  what: string
  /** Alternatives, each in `useHotkeys` syntax. */
  keys: readonly string[]
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'go-dashboard', where: 'Everywhere', what: 'Go to the dashboard', keys: ['mod+1'] },
  { id: 'go-portfolio', where: 'Everywhere', what: 'Go to the portfolio', keys: ['mod+2'] },
  { id: 'go-notifications', where: 'Everywhere', what: 'Go to the notifications', keys: ['mod+3'] },
  { id: 'go-settings', where: 'Everywhere', what: 'Go to the settings', keys: ['mod+4'] },
  { id: 'close', where: 'Everywhere', what: 'Close a dialog or this list', keys: ['Escape'] },
  { id: 'shortcuts', where: 'Everywhere', what: 'Show this list', keys: ['shift+?'] },
  { id: 'search', where: 'Portfolio', what: 'Search the portfolio', keys: ['/', 'mod+F'] },
  { id: 'add-store', where: 'Portfolio', what: 'Add a store', keys: ['n'] },
  { id: 'import', where: 'Portfolio', what: 'Import a CSV or Excel file', keys: ['i'] },
  { id: 'move-rows', where: 'Lists', what: 'Move through the stores', keys: ['ArrowUp', 'ArrowDown'] },
  { id: 'first-last-row', where: 'Lists', what: 'First or last store', keys: ['Home', 'End'] },
  { id: 'open-row', where: 'Lists', what: 'Open the highlighted store', keys: ['Enter'] },
  { id: 'go-back', where: 'Store page', what: 'Back to the list, on the same store', keys: ['alt+ArrowLeft'] },
  { id: 'next-store', where: 'Store page', what: 'Next store of the list', keys: ['j', 'alt+ArrowDown'] },
  { id: 'previous-store', where: 'Store page', what: 'Previous store of the list', keys: ['k', 'alt+ArrowUp'] }
]

const KEY_NAMES: Record<string, string> = {
  arrowup: '↑',
  arrowdown: '↓',
  arrowleft: '←',
  arrowright: '→',
  escape: 'Esc',
  enter: 'Enter',
  home: 'Home',
  end: 'End',
  alt: 'Alt',
  shift: 'Shift',
  ctrl: 'Ctrl'
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)
}

/** 'mod+F' → ['Ctrl', 'F'] (['⌘', 'F'] on a Mac); 'shift+?' → ['?'] (the ? is the shifted key). */
export function keyLabels(hotkey: string): string[] {
  const parts = hotkey.split('+')
  const key = parts.at(-1)!
  const modifiers = parts.slice(0, -1).filter((part) => !(part === 'shift' && key === '?'))
  return [...modifiers, key].map((part) => {
    if (part === 'mod') return isMac() ? '⌘' : 'Ctrl'
    return KEY_NAMES[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part)
  })
}

export function shortcut(id: ShortcutId): Shortcut {
  return SHORTCUTS.find((entry) => entry.id === id)!
}

/** "Ctrl+2", for a tooltip or an aria-keyshortcuts. */
export function shortcutText(id: ShortcutId): string {
  return keyLabels(shortcut(id).keys[0]!).join('+')
}

/** `useHotkeys` items for the shortcuts a screen handles, every alternative of each. */
export function hotkeysFor(handlers: Partial<Record<ShortcutId, () => void>>): HotkeyItem[] {
  return SHORTCUTS.flatMap((entry) => {
    const handler = handlers[entry.id]
    return handler ? entry.keys.map((key): HotkeyItem => [key, handler]) : []
  })
}

/** Registers a screen's handlers for its shortcuts; `tagsToIgnore` as `useHotkeys` (text fields by default). */
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>, tagsToIgnore?: string[]): void {
  useHotkeys(hotkeysFor(handlers), tagsToIgnore)
}

/**
 * An overlay (a modal dialog, the shortcut list) has the KAM's attention: the screens' own
 * shortcuts wait until it closes.
 */
export function overlayOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}
