/**
 * One tooltip for every list row in the app, instead of a tooltip component per cell: text that
 * does not fit its cell shows in full, and an element with a hint (see hints.ts) shows it, on hover
 * (after a short pause) and at once on keyboard focus. Mounted once, it listens on the document,
 * so rows stay plain elements that cost nothing to render while scrolling.
 */
import { useEffect, useId, useState } from 'react'
import { createPortal } from 'react-dom'
import { HINTED, hintOf } from './hints'

/** Elements whose text may be cut off with an ellipsis. */
const TRUNCATING = '.truncates, .cell-wrap, .grid-cell'
const HOVER_DELAY_MS = 300
const GAP = 6
const MAX_WIDTH = 420

interface Tip {
  text: string
  left: number
  top: number
  above: boolean
}

/** The hint for the element under the pointer or focus, if it has one. */
export function tipFor(node: EventTarget | null): { element: HTMLElement; text: string } | null {
  if (!(node instanceof Element)) return null
  // A cell reached by keyboard shows its content's hint, as the pointer over it would.
  const inCell = node.getAttribute('role') === 'gridcell' ? node.querySelector<HTMLElement>(HINTED) : null
  const inCellText = inCell && hintOf(inCell)
  if (inCellText) return { element: node as HTMLElement, text: inCellText }
  const hinted = node.closest<HTMLElement>(HINTED)
  const hint = hinted && hintOf(hinted)
  if (hinted && hint) return { element: hinted, text: hint }
  const cell = node.closest<HTMLElement>(TRUNCATING)
  if (cell && (cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)) {
    const text = cell.textContent?.trim() ?? ''
    return text ? { element: cell, text } : null
  }
  return null
}

function place(element: HTMLElement, text: string): Tip {
  const rect = element.getBoundingClientRect()
  const above = rect.bottom + 48 > window.innerHeight
  return {
    text,
    left: Math.max(GAP, Math.min(rect.left, window.innerWidth - MAX_WIDTH - GAP)),
    top: above ? rect.top - GAP : rect.bottom + GAP,
    above
  }
}

export function HoverTip() {
  const id = useId()
  const [tip, setTip] = useState<Tip | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let owner: HTMLElement | null = null

    function hide(): void {
      clearTimeout(timer)
      if (owner?.getAttribute('aria-describedby') === id) owner.removeAttribute('aria-describedby')
      owner = null
      setTip(null)
    }
    function show(element: HTMLElement, text: string, describe: boolean): void {
      owner = element
      if (describe && !element.hasAttribute('aria-describedby')) element.setAttribute('aria-describedby', id)
      setTip(place(element, text))
    }
    function onOver(event: MouseEvent): void {
      const found = tipFor(event.target)
      if (found?.element === owner) return
      hide()
      if (found) timer = setTimeout(() => show(found.element, found.text, false), HOVER_DELAY_MS)
    }
    function onFocusIn(event: FocusEvent): void {
      hide()
      const found = tipFor(event.target)
      if (found) show(found.element, found.text, true)
    }
    function onKey(event: KeyboardEvent): void {
      if (event.key === 'Escape' && owner) hide()
    }
    document.addEventListener('mouseover', onOver)
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', hide)
    document.addEventListener('scroll', hide, true)
    document.addEventListener('keydown', onKey, true)
    return () => {
      hide()
      document.removeEventListener('mouseover', onOver)
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', hide)
      document.removeEventListener('scroll', hide, true)
      document.removeEventListener('keydown', onKey, true)
    }
  }, [id])

  if (!tip) return null
  return createPortal(
    <div
      id={id}
      role="tooltip"
      className="hover-tip"
      style={{ left: tip.left, top: tip.top, maxWidth: MAX_WIDTH, transform: tip.above ? 'translateY(-100%)' : undefined }}
    >
      {tip.text}
    </div>,
    document.body
  )
}
