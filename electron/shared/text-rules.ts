/**
 * What free text may hold, wherever it enters (the IPC contract's schemas, and the CSV import,
 * which validates rows with the same store schema): no C0 control characters (U+0000–U+001F, with
 * tab and line feed only in text that spans lines, such as notes), no DEL or C1 controls
 * (U+007F–U+009F), no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069: they
 * can make a name read as something else, security-reliability.md), and no lone UTF-16
 * surrogates (they cannot be written as UTF-8, in the database or an export). Each refusal names
 * the field and the character, so the KAM can find it.
 */
import { z } from 'zod'

export interface TextRule {
  /** The field's name as the KAM knows it: "Client", "Notes", "Step note". */
  label: string
  /** Text that spans lines: tab and line feed are allowed (a CR LF or lone CR reads as a line feed). */
  multiline?: boolean
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g

/** Why `value` cannot be kept in the field, or null when it can. */
export function textProblem(value: string, rule: TextRule): string | null {
  const surrogate = LONE_SURROGATE.exec(value)
  if (surrogate) return `${rule.label} contains a broken character (a lone ${codePoint(surrogate[0])} surrogate): type that part again`
  const bidi = BIDI_CONTROL.exec(value)
  if (bidi) return `${rule.label} contains an invisible text-direction control (${codePoint(bidi[0])}) that can disguise what it says: remove it`
  for (const match of value.matchAll(CONTROL)) {
    const char = match[0]
    if (rule.multiline && (char === '\n' || char === '\t')) continue
    if (char === '\n' || char === '\r') return `${rule.label} must be one line: remove the line break`
    if (char === '\t') return `${rule.label} must not contain a tab: use spaces`
    return `${rule.label} contains an invisible control character (${codePoint(char)}): remove it`
  }
  return null
}

/** Line ends as one kind (LF), so a note typed on Windows or pasted from a CSV is not refused for its CR. */
export function normalizeLineEnds(value: string): string {
  return value.replace(/\r\n?/g, '\n')
}

/** A string schema that refuses what `textProblem` refuses (multiline text has its line ends normalized first). */
export function safeText(rule: TextRule) {
  return z
    .string()
    .transform((value) => (rule.multiline ? normalizeLineEnds(value) : value))
    .superRefine((value, ctx) => {
      const problem = textProblem(value, rule)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}
