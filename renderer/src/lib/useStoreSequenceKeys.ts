/**
 * "Next store" from the keyboard on a store page opened from a list: J or Alt+↓ for the next
 * store, K or Alt+↑ for the previous one (as in mail programs); the shell's ShortcutsList names them. Not while the KAM types in a field
 * (useHotkeys leaves inputs alone) or a dialog is open.
 */
import { useHotkeys } from '@mantine/hooks'

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null
}

export function useStoreSequenceKeys(step: (direction: 1 | -1) => void): void {
  const go = (direction: 1 | -1) => () => {
    if (!dialogOpen()) step(direction)
  }
  useHotkeys([
    ['j', go(1)],
    ['alt+ArrowDown', go(1)],
    ['k', go(-1)],
    ['alt+ArrowUp', go(-1)]
  ])
}
