/** What the preview may show back of the file: a value or a header, never more than a glance. */
import { MAX_ECHOED_CHARS } from '../../shared/csv-import'

const ELLIPSIS = '…'

/** `text` cut to `max` characters (an ellipsis included), never splitting a surrogate pair. */
export function echo(text: string, max = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text
  let end = max - ELLIPSIS.length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return text.slice(0, end) + ELLIPSIS
}

export function echoOrNull(text: string | null): string | null {
  return text === null ? null : echo(text)
}
