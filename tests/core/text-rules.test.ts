/**
 * Free text refuses control characters (tab and line feed only where text spans lines), text-
 * direction overrides and isolates, and lone surrogates, with a message naming the field: over IPC
 * (stores, records, checklist notes, the integrator profile) and on import (rows go through the
 * same store schema).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { normalizeLineEnds, textProblem } from '../../electron/shared/text-rules'
import { validateStoreInput } from '../../electron/shared/store-fields'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'
import { call, refusal } from './checklists/support'

/** Every kind of character the rules refuse, with the words the message uses for it. */
const HOSTILE: [string, string, RegExp][] = [
  ['NUL', 'Acme\u0000 Ltd', /invisible control character \(U\+0000\)/],
  ['ESC', 'Acme\u001b[31m Ltd', /invisible control character \(U\+001B\)/],
  ['BEL', 'Acme\u0007', /invisible control character \(U\+0007\)/],
  ['a vertical tab', 'Acme\u000b', /invisible control character \(U\+000B\)/],
  ['a form feed', 'Acme\u000c', /invisible control character \(U\+000C\)/],
  ['DEL', 'Acme\u007f', /invisible control character \(U\+007F\)/],
  ['a C1 control (CSI)', 'Acme\u009b', /invisible control character \(U\+009B\)/],
  ['a right-to-left override', 'Acme \u202Etxt.exe', /text-direction control \(U\+202E\)/],
  ['a left-to-right override', 'Acme \u202D', /text-direction control \(U\+202D\)/],
  ['a left-to-right embedding', 'Acme \u202A', /text-direction control \(U\+202A\)/],
  ['a right-to-left embedding', 'Acme \u202B', /text-direction control \(U\+202B\)/],
  ['a pop directional formatting', 'Acme \u202C', /text-direction control \(U\+202C\)/],
  ['a left-to-right isolate', 'Acme \u2066x', /text-direction control \(U\+2066\)/],
  ['a right-to-left isolate', 'Acme \u2067x', /text-direction control \(U\+2067\)/],
  ['a first-strong isolate', 'Acme \u2068x', /text-direction control \(U\+2068\)/],
  ['a pop directional isolate', 'Acme \u2069', /text-direction control \(U\+2069\)/],
  ['a lone high surrogate', 'Acme \uD83D', /broken character \(a lone U\+D83D surrogate\)/],
  ['a lone low surrogate', 'Acme \uDE00 x', /broken character \(a lone U\+DE00 surrogate\)/],
  ['surrogates the wrong way round', 'Acme \uDE00\uD83D', /broken character/]
]

describe('the rules', () => {
  it.each(HOSTILE)('refuse %s, naming the field', (_, value, words) => {
    const problem = textProblem(value, { label: 'Client' })
    expect(problem).toMatch(/^Client /)
    expect(problem).toMatch(words)
    expect(textProblem(value, { label: 'Notes', multiline: true })).toMatch(words)
  })

  it.each([
    ['a line break', 'Acme\nLtd', 'Client must be one line: remove the line break'],
    ['a carriage return', 'Acme\rLtd', 'Client must be one line: remove the line break'],
    ['a tab', 'Acme\tLtd', 'Client must not contain a tab: use spaces']
  ])('refuse %s on one line, and allow it where text spans lines', (_, value, message) => {
    expect(textProblem(value, { label: 'Client' })).toBe(message)
    expect(textProblem(normalizeLineEnds(value), { label: 'Notes', multiline: true })).toBeNull()
  })

  it.each([
    ['Thai', 'ร้านค้าทางการ'],
    ['Vietnamese', 'Cửa hàng chính hãng'],
    ['Arabic, which is right-to-left without any override', 'متجر رسمي'],
    ['an emoji (a proper surrogate pair)', 'Acme 😀 Store'],
    ['a zero-width joiner in an emoji', '👩‍💻 Dev shop'],
    ['left-to-right and right-to-left marks', 'Acme\u200E \u200F'],
    ['a non-breaking space', 'Acme\u00A0Ltd']
  ])('accept %s', (_, value) => {
    expect(textProblem(value, { label: 'Client' })).toBeNull()
  })

  it('read CR LF and a lone CR as a line feed in text that spans lines', () => {
    expect(normalizeLineEnds('a\r\nb\rc\nd')).toBe('a\nb\nc\nd')
  })
})

describe('the store schema (the forms, stores:create/update, and every imported row)', () => {
  const valid = { clientName: 'Acme', storeName: 'Acme Official', country: 'SG', sellerShortCode: 'SG1A2B3C' }

  it.each<[string, string, string]>([
    ['clientName', 'Client', 'Acme\u202E Ltd'],
    ['storeName', 'Store name', 'Acme\u0000'],
    ['contactName', 'Contact name', 'Mei\u001bLin'],
    ['omsStoreRef', 'OMS store reference', 'REF\uD800'],
    ['ownerKam', 'Owner KAM', 'Aisha\u2066'],
    ['loginEmail', 'Seller Center login e-mail', 'seller\u202E@acme.sg'],
    ['contactEmail', 'Contact e-mail', 'mei\u0000@acme.sg'],
    ['notes', 'Notes', 'Call after 5\u0000pm'],
    ['notes', 'Notes', 'Reversed: \u202Eevil']
  ])('%s refuses hostile text with a message naming %s', (field, label, value) => {
    const result = validateStoreInput({ ...valid, [field]: value })
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.problems).toEqual([{ field, message: expect.stringMatching(new RegExp(`^${label} `)) }])
  })

  it('a single-line field refuses a line break or a tab; the notes keep them (CR LF read as LF)', () => {
    expect(validateStoreInput({ ...valid, storeName: 'Acme\nOfficial' })).toMatchObject({ ok: false, problems: [{ field: 'storeName', message: 'Store name must be one line: remove the line break' }] })
    expect(validateStoreInput({ ...valid, contactName: 'Mei\tLin' })).toMatchObject({ ok: false, problems: [{ field: 'contactName', message: 'Contact name must not contain a tab: use spaces' }] })
    expect(validateStoreInput({ ...valid, notes: 'Line one\r\n\tLine two' })).toMatchObject({ ok: true, value: { notes: 'Line one\n\tLine two' } })
  })

  it('each tag refuses hostile text, named', () => {
    expect(validateStoreInput({ ...valid, tags: ['vip', 'late\u202Epayer'] })).toMatchObject({
      ok: false,
      problems: [{ field: 'tags', message: expect.stringMatching(/^The tag “latepayer” contains an invisible text-direction control \(U\+202E\)/) }]
    })
    expect(validateStoreInput({ ...valid, tags: 'vip|a\u0000b' })).toMatchObject({ ok: false, problems: [{ field: 'tags' }] })
    expect(validateStoreInput({ ...valid, tags: ['two\u00A0 words'] })).toMatchObject({ ok: true, value: { tags: ['two words'] } })
  })
})

describe('over IPC', () => {
  let database: TestDatabase
  let core: TestCore
  beforeEach(() => {
    database = openTestDatabase()
    core = createTestCore(database)
  })
  afterEach(() => database.close())

  it.each(HOSTILE)('stores:create refuses %s in a store name and saves nothing', async (_, value) => {
    const error = await refusal(core, 'stores:create', { store: { ...storeInput(), storeName: value } })
    expect(error).toMatchObject({ code: 'invalid-input', fields: [{ field: 'store.storeName', message: expect.stringMatching(/^Store name /) }] })
    expect(core.stores.count()).toBe(0)
  })

  it('stores:update refuses it too, and the store stays as it was', async () => {
    const store = await call(core, 'stores:create', { store: storeInput({ notes: 'First\nSecond' }) })
    expect(store.notes).toBe('First\nSecond')
    const error = await refusal(core, 'stores:update', { id: store.id, store: { ...storeInput(), notes: 'x\u202Ey' } })
    expect(error).toMatchObject({ fields: [{ field: 'store.notes', message: expect.stringMatching(/^Notes contains an invisible text-direction control/) }] })
    expect(core.stores.view(store.id).notes).toBe('First\nSecond')
  })

  it('an authorization’s account and note', async () => {
    const { id } = await call(core, 'stores:create', { store: storeInput() })
    const base = { authorizedAt: Date.parse('2026-11-01T00:00:00Z') }
    expect(await refusal(core, 'authorizations:record', { storeId: id, authorization: { ...base, account: 'seller\u0000@acme.sg' } })).toMatchObject({
      fields: [{ field: 'authorization.account', message: expect.stringMatching(/^Seller account contains an invisible control character \(U\+0000\)/) }]
    })
    expect(await refusal(core, 'authorizations:record', { storeId: id, authorization: { ...base, note: 'ok\u2067' } })).toMatchObject({
      fields: [{ field: 'authorization.note', message: expect.stringMatching(/^Note contains an invisible text-direction control/) }]
    })
    const detail = await call(core, 'authorizations:record', { storeId: id, authorization: { ...base, note: 'Seller called\r\nback' } })
    expect(detail.authorizations[0]!.note).toBe('Seller called\nback')
  })

  it('a checklist step’s note, a closing note and a reason', async () => {
    const { id } = await call(core, 'stores:create', { store: storeInput() })
    const run = (await call(core, 'checklists:start', { storeId: id, playbook: 'renew-and-reauthorize' })).runs[0]!
    expect(await refusal(core, 'checklists:note', { runId: run.id, stepId: 'order', note: 'sent\u001b' })).toMatchObject({
      fields: [{ field: 'note', message: expect.stringMatching(/^The step’s note contains an invisible control character \(U\+001B\)/) }]
    })
    expect(await refusal(core, 'checklists:finish', { runId: run.id, note: '\uD800' })).toMatchObject({ fields: [{ field: 'note', message: expect.stringMatching(/^The closing note contains a broken character/) }] })
    expect(await refusal(core, 'checklists:cancel', { runId: run.id, reason: '\u202E' })).toMatchObject({ fields: [{ field: 'reason', message: expect.stringMatching(/^The reason contains/) }] })
    const view = await call(core, 'checklists:note', { runId: run.id, stepId: 'order', note: 'Line one\n\tLine two' })
    expect(view.runs[0]!.steps.find((s) => s.stepId === 'order')!.note).toBe('Line one\n\tLine two')
  })

  it('the integrator profile’s names', async () => {
    const error = await refusal(core, 'settings:save', { ...DEFAULT_SETTINGS, integrator: { ...DEFAULT_SETTINGS.integrator, appName: 'Anchanto\u202E OM' } })
    expect(error).toMatchObject({ fields: [{ field: 'integrator.appName', message: expect.stringMatching(/^App name contains an invisible text-direction control/) }] })
    expect(core.settings.get().integrator.appName).toBe('Anchanto OM')
  })
})

describe('on import', () => {
  let database: TestDatabase
  let core: TestCore
  beforeEach(() => {
    database = openTestDatabase()
    core = createTestCore(database)
  })
  afterEach(() => database.close())

  it('names the row, the column and what is wrong, and the file imports nothing until fixed', async () => {
    const csv = [
      'client_name,store_name,country,seller_short_code,notes',
      'Acme,Acme Official,SG,SG10000001,"Two\r\nlines"',
      'Beta\u202E,Beta Store,SG,SG10000002,',
      'Gamma,Gamma\u0007Store,SG,SG10000003,',
      'Delta,Delta Store,SG,SG10000004,"esc \u001b[2J"'
    ].join('\r\n')
    const preview = await core.imports.preview({ requestId: 'r', fileName: 'stores.csv', bytes: new TextEncoder().encode(csv) }, () => undefined)
    const errors = preview.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.message])
    expect(errors).toEqual([
      [3, 'client_name', expect.stringMatching(/^Client contains an invisible text-direction control \(U\+202E\)/)],
      [4, 'store_name', expect.stringMatching(/^Store name contains an invisible control character \(U\+0007\)/)],
      [5, 'notes', expect.stringMatching(/^Notes contains an invisible control character \(U\+001B\)/)]
    ])
    expect(core.stores.count()).toBe(0)
  })

  it('a NUL anywhere refuses the whole file: it is not CSV text', async () => {
    const csv = 'client_name,store_name,country,seller_short_code\r\nAcme,Acme\u0000,SG,SG10000001\r\n'
    const preview = await core.imports.preview({ requestId: 'r', fileName: 'stores.csv', bytes: new TextEncoder().encode(csv) }, () => undefined)
    expect(preview.fileProblems).toEqual([expect.stringContaining('NUL bytes')])
  })
})
