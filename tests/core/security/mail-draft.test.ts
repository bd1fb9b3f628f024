/**
 * E-mail drafts: what the client message writes, and what main hands to the OS mail client — to,
 * cc, subject and body only, whatever the link carried.
 */
import { describe, expect, it } from 'vitest'
import { mailDraftUrl, readMailDraft } from '../../../electron/core/security/mail-draft'

const DRAFT = 'mailto:jane@acme.sg?subject=Renew%20Anchanto%20OM&body=Step%201%0D%0AStep%202'

describe('writing a draft', () => {
  it('keeps the “@”, percent-encodes the rest, CRLF line breaks, cc after the body', () => {
    expect(mailDraftUrl({ to: ['mei.tan+ops@tansons.sg'], cc: ['kam@anchanto.example'], subject: 'a&b=c?', body: 'x\ny' })).toBe(
      'mailto:mei.tan%2Bops@tansons.sg?subject=a%26b%3Dc%3F&body=x%0D%0Ay&cc=kam@anchanto.example'
    )
  })

  it('reads back as itself', () => {
    const url = mailDraftUrl({ to: ['mei.tan+ops@tansons.sg'], subject: 'Tan & Sons: “renew”', body: 'Line 1\n\tLine 2 100%' })
    expect(readMailDraft(url)).toEqual({ ok: true, url, dropped: [] })
    expect(readMailDraft(DRAFT)).toEqual({ ok: true, url: DRAFT, dropped: [] })
  })
})

describe('reading a draft before it reaches the OS', () => {
  it.each([
    ['attach=', `${DRAFT}&attach=/etc/passwd`, ['attach']],
    ['an upper-case ATTACH=', `${DRAFT}&ATTACH=C:%5CUsers%5Ckam%5Cid_rsa`, ['attach']],
    ['an encoded header name', `${DRAFT}&%61ttach=/etc/passwd`, ['attach']],
    ['attachment=', `${DRAFT}&attachment=file:///etc/passwd`, ['attachment']],
    ['bcc=', `${DRAFT}&bcc=spy@evil.test`, ['bcc']],
    ['from=', `${DRAFT}&from=ceo@acme.sg`, ['from']],
    ['in-reply-to= and x-headers', `${DRAFT}&In-Reply-To=%3C1@x%3E&X-Mailer=evil`, ['in-reply-to', 'x-mailer']],
    ['a nameless field', `${DRAFT}&=x`, ['(unnamed)']]
  ])('drops %s and keeps the rest', (_, url, dropped) => {
    expect(readMailDraft(url)).toEqual({ ok: true, url: DRAFT, dropped })
  })

  it('keeps to= and cc= recipients, in any case', () => {
    expect(readMailDraft('mailto:?TO=jane@acme.sg&Cc=lee@acme.sg,kam@anchanto.example&subject=Hi')).toEqual({
      ok: true,
      url: 'mailto:jane@acme.sg?subject=Hi&body=&cc=lee@acme.sg,kam@anchanto.example',
      dropped: []
    })
    expect(readMailDraft('mailto:jane@acme.sg?to=lee@acme.sg')).toMatchObject({ ok: true, url: 'mailto:jane@acme.sg,lee@acme.sg?subject=&body=' })
  })

  it('reads “+” as a plus, never a space', () => {
    expect(readMailDraft('mailto:a+b@acme.sg?subject=1+1')).toMatchObject({ ok: true, url: 'mailto:a%2Bb@acme.sg?subject=1%2B1&body=' })
  })

  it.each([
    ['another scheme', 'https://evil.test/?mailto:x@y.z', 'not a mailto: draft'],
    ['a host form', 'mailto://evil.example/x', 'an address that is not plain'],
    ['no recipient at all', 'mailto:?subject=Hi', 'no recipient'],
    ['an address with a display name', 'mailto:Jane%20%3Cjane@acme.sg%3E', 'an address that is not plain'],
    ['an address with a newline (header injection)', 'mailto:jane@acme.sg%0D%0ABcc:spy@evil.test', 'an address that is not plain'],
    ['a cc with a control character', 'mailto:jane@acme.sg?cc=lee%00@acme.sg', 'a cc address that is not plain'],
    ['a subject with a line break (header injection)', 'mailto:jane@acme.sg?subject=Hi%0D%0ABcc:%20spy@evil.test', 'subject must be one line: remove the line break'],
    ['a body with a control character', 'mailto:jane@acme.sg?body=x%1B[2J', 'body contains an invisible control character (U+001B): remove it'],
    ['a subject with a text-direction override', 'mailto:jane@acme.sg?subject=%E2%80%AEfdp.exe', expect.stringContaining('text-direction control (U+202E)')],
    ['the subject twice', 'mailto:jane@acme.sg?subject=a&subject=b', 'subject given twice'],
    ['broken percent-encoding', 'mailto:jane@acme.sg?subject=%E0%A4%A', 'a field that is not percent-encoded text'],
    ['a fragment', 'mailto:jane@acme.sg#x', 'not a mailto: draft'],
    ['something far too long', `mailto:jane@acme.sg?body=${'a'.repeat(40_000)}`, 'too long']
  ])('refuses %s', (_, url, reason) => {
    expect(readMailDraft(url)).toEqual({ ok: false, reason })
  })
})
