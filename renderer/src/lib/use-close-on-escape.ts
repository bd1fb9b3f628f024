import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Esc closes a popover wherever focus is (Mantine's closes only with focus inside it, and a
 * popover opened by a click leaves focus on its button). A dialog above it takes its Esc first.
 * The listener reads the state the screen shows (kept at commit), so an Esc pressed the moment the
 * popover appears is not missed.
 */
export function useCloseOnEscape(opened: boolean, close: () => void): void {
  const latest = useRef({ opened, close })
  useLayoutEffect(() => {
    latest.current = { opened, close }
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!latest.current.opened || event.key !== 'Escape') return
      if (document.querySelector('[aria-modal="true"]')) return
      latest.current.close()
    }
    // In the capture phase: with the popover open, Esc on its button did not reach a listener on
    // window (something on the way stops it), and the popover must close all the same.
    document.addEventListener('keydown', onKeyDown, true)
    return () => document.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
