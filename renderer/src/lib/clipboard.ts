/**
 * Copying text for the KAM: the one place the renderer touches the clipboard. Components call
 * `copyText` and never reach for `navigator` themselves.
 *
 * The Clipboard API comes first. In the app it needs Chromium's `clipboard-sanitized-write`
 * permission, which a session that denies every permission refuses (writeText rejects with
 * NotAllowedError); the fallback then copies through a hidden text area and the "copy" editing
 * command, which needs no permission inside a click. Only when both fail does the KAM hear that
 * they must select and copy by hand.
 */

export type CopyOutcome = { ok: true } | { ok: false; message: string }

const MANUAL = 'Storewatch could not reach the clipboard: select the text and press Ctrl+C (⌘C on a Mac).'

function copyWithCommand(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  area.style.position = 'fixed'
  area.style.top = '0'
  area.style.left = '0'
  area.style.opacity = '0'
  area.style.pointerEvents = 'none'
  document.body.appendChild(area)
  try {
    area.select()
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
    previous?.focus()
  }
}

/** Puts `text` on the clipboard. Call it from a click: browsers allow copying only then. */
export async function copyText(text: string): Promise<CopyOutcome> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text)
      return { ok: true }
    } catch {
      // Permission refused: try the editing command below.
    }
  }
  return copyWithCommand(text) ? { ok: true } : { ok: false, message: MANUAL }
}
