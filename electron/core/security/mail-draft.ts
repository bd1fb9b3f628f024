/**
 * E-mail drafts (`mailto:`, RFC 6068): the client message builds one, and main hands one to the
 * OS mail client only after reading it back here. A draft carries recipients (`to`, `cc`), a
 * subject and a body — nothing else reaches the OS: `attach=`, `bcc=`, `from=` and any other
 * header field is dropped, so a link can never make the mail client attach a file or send
 * somewhere unseen. Header names are compared case-insensitively (RFC 6068 §2), `+` is a plus,
 * never a space.
 */
import { normalizeLineEnds, textProblem } from '../../shared/text-rules'

export interface MailDraft {
  to: readonly string[]
  cc?: readonly string[]
  subject: string
  body: string
}

/** Longer than any draft the app writes, short enough for every OS mail handler. */
export const MAX_MAIL_DRAFT_URL = 32_000

/** A plain address: something@host, no spaces, brackets, quotes, separators or control characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const ADDRESS = /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/

function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@')
}

/** RFC 6068: addresses keep their "@"; subject and body are percent-encoded, line breaks as CRLF. */
export function mailDraftUrl(draft: MailDraft): string {
  const params = [`subject=${encodeURIComponent(draft.subject)}`, `body=${encodeURIComponent(draft.body.replace(/\r?\n/g, '\r\n'))}`]
  if (draft.cc?.length) params.push(`cc=${draft.cc.map(encodeAddress).join(',')}`)
  return `mailto:${draft.to.map(encodeAddress).join(',')}?${params.join('&')}`
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function addresses(text: string): string[] | null {
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  return list.every((a) => ADDRESS.test(a)) ? list : null
}

export type MailDraftReading = { ok: true; url: string; dropped: string[] } | { ok: false; reason: string }

/**
 * A `mailto:` URL read as a draft and written again with `to`, `cc`, `subject` and `body` only
 * (`dropped` names the other fields it had), or why it is no draft to open.
 */
export function readMailDraft(url: string): MailDraftReading {
  if (url.length > MAX_MAIL_DRAFT_URL) return { ok: false, reason: 'too long' }
  const match = /^mailto:([^?#]*)(?:\?([^#]*))?$/i.exec(url)
  if (!match) return { ok: false, reason: 'not a mailto: draft' }
  const path = decode(match[1]!)
  const to = path === null ? null : addresses(path)
  if (to === null) return { ok: false, reason: 'an address that is not plain' }
  const cc: string[] = []
  const text: Partial<Record<'subject' | 'body', string>> = {}
  const dropped: string[] = []
  for (const pair of (match[2] ?? '').split('&').filter(Boolean)) {
    const cut = pair.indexOf('=')
    const name = (decode(cut < 0 ? pair : pair.slice(0, cut)) ?? '').toLowerCase()
    const value = decode(cut < 0 ? '' : pair.slice(cut + 1))
    if (value === null) return { ok: false, reason: 'a field that is not percent-encoded text' }
    if (name === 'to' || name === 'cc') {
      const list = addresses(value)
      if (list === null) return { ok: false, reason: `a ${name} address that is not plain` }
      ;(name === 'to' ? to : cc).push(...list)
    } else if (name === 'subject' || name === 'body') {
      if (text[name] !== undefined) return { ok: false, reason: `${name} given twice` }
      const problem = textProblem(normalizeLineEnds(value), { label: name, multiline: name === 'body' })
      if (problem) return { ok: false, reason: problem }
      text[name] = value
    } else {
      dropped.push(name || '(unnamed)')
    }
  }
  if (to.length === 0) return { ok: false, reason: 'no recipient' }
  return { ok: true, url: mailDraftUrl({ to, cc, subject: text.subject ?? '', body: text.body ?? '' }), dropped }
}
