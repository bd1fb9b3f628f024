import { useWindowEvent } from '@mantine/hooks'

/**
 * Esc closes a popover wherever focus is (Mantine's closes only with focus inside it, and a
 * popover opened by a click leaves focus on its button). A dialog above it takes its Esc first.
 */
export function useCloseOnEscape(opened: boolean, close: () => void): void {
  useWindowEvent('keydown', (event) => {
    if (!opened || event.key !== 'Escape' || event.defaultPrevented) return
    if (document.querySelector('[aria-modal="true"]')) return
    close()
  })
}
