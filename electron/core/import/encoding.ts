/**
 * The file's bytes as text: refuses what is not UTF-8 CSV (UTF-16, a workbook, older encodings,
 * NUL bytes) before any row is read, then decodes it a slice at a time, so a large file is never
 * one string.
 */
import { isUtf8 } from 'node:buffer'

export const SAVE_AS_UTF8 =
  'Save it again as "CSV UTF-8": in Excel, File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"; ' +
  'in Google Sheets, File → Download → "Comma-separated values" (already UTF-8).'

/** Bytes decoded per slice: small next to the file, large next to a row. */
export const DECODE_SLICE_BYTES = 1 << 20

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else {
      return i
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

const BOM = [0xef, 0xbb, 0xbf] as const

/** Where the text starts: after every UTF-8 byte order mark (TextDecoder drops one, Excel has written two). */
export function textStart(bytes: Uint8Array): number {
  let start = 0
  while (bytes[start] === BOM[0] && bytes[start + 1] === BOM[1] && bytes[start + 2] === BOM[2]) start += 3
  return start
}

/** Why the bytes cannot be read as a UTF-8 CSV file, or null when they can. */
export function encodingProblem(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return `The file is saved as UTF-16 ("Unicode Text"), not UTF-8. ${SAVE_AS_UTF8}`
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return `This is a workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}`
  }
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8Offset(bytes)
  if (invalid >= 0) {
    return (
      `The file is not UTF-8 text (first unreadable byte on line ${lineAt(bytes, invalid)}, byte ${invalid + 1}): ` +
      'it was probably saved in an older encoding such as Windows-1252 or Thai TIS-620, and its accented or Thai ' +
      `letters would be garbled. ${SAVE_AS_UTF8}`
    )
  }
  if (bytes.indexOf(0) >= 0) {
    return `The file contains NUL bytes: it is not a CSV text file (UTF-16 or a binary file?). ${SAVE_AS_UTF8}`
  }
  return null
}

/** True when the file holds nothing but byte order marks and ASCII white space. */
export function isBlankText(bytes: Uint8Array): boolean {
  for (let i = textStart(bytes); i < bytes.length; i++) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false
  }
  return true
}

/**
 * The text of valid UTF-8 bytes (see `encodingProblem`), a slice at a time; `onSlice` hears how
 * many bytes were decoded so far. A character cut by a slice's end is completed by the next one.
 */
export function* decodeSlices(bytes: Uint8Array, onSlice?: (decodedBytes: number) => void): Generator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  for (let at = textStart(bytes); at < bytes.length; at += DECODE_SLICE_BYTES) {
    const end = Math.min(bytes.length, at + DECODE_SLICE_BYTES)
    const text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length })
    onSlice?.(end)
    if (text) yield text
  }
}
