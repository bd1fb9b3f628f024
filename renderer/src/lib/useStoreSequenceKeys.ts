/**
 * "Next store" from the keyboard on a store page opened from a list: J or Alt+↓ for the next
 * store, K or Alt+↑ for the previous one (as in mail programs); the keys are in the one shortcut table (lib/shortcuts.ts). Not while the KAM types in a field
 * (useHotkeys leaves inputs alone) or a dialog is open.
 */
import { useHotkeys } from '@mantine/hooks'
import { hotkeysFor } from './shortcuts'

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null
}

export function useStoreSequenceKeys(step: (direction: 1 | -1) => void): void {
  const go = (direction: 1 | -1) => () => {
    if (!dialogOpen()) step(direction)
  }
  useHotkeys(hotkeysFor({ 'next-store': go(1), 'previous-store': go(-1) }))
}
