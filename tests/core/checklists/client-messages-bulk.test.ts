/** Client messages in bulk: one message per client over its selected stores, each store's country link, logged on every store in one transaction. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { groupByClient } from '../../../electron/core/checklists/client-messages-bulk'
import { readMailDraft } from '../../../electron/core/security/mail-draft'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { call, refusal, setIntegrator } from './support'

const LINKS = {
  SG: 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1000000281',
  MY: 'https://marketplace.lazada.com.my/web/detail.html?articleCode=FW_GOODS-1000000282',
  TH: 'https://marketplace.lazada.co.th/web/detail.html?articleCode=FW_GOODS-1000000283',
  PH: '',
  VN: '',
  ID: ''
}

let database: TestDatabase
let core: TestCore
const id: Record<string, number> = {}

function add(key: string, draft: Parameters<typeof storeInput>[0]) {
  id[key] = core.stores.create(storeInput({ sellerShortCode: `${draft?.country ?? 'SG'}${key.toUpperCase()}01`, ...draft })).id
}

beforeEach(async () => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-11-20T04:00:00Z')) })
  await setIntegrator(core, { serviceMarketLinks: LINKS })
  add('tanSg', { clientName: 'Tan & Sons', storeName: 'Tan SG', country: 'SG', contactName: 'Mei Tan', contactEmail: 'mei@tansons.sg' })
  add('tanMy', { clientName: 'tan & sons ', storeName: 'Tan MY', country: 'MY', contactEmail: 'ops@tansons.my' })
  add('tanTh', { clientName: 'Tan & Sons', storeName: 'Tan TH', country: 'TH' })
  add('bloom', { clientName: 'Bloom', storeName: 'Bloom SG', country: 'SG', contactEmail: 'hi@bloom.sg' })
  add('seoul', { clientName: 'Seoul Style', storeName: 'Seoul KR', country: 'KR', contactEmail: 'kim@seoul.kr' })
})
afterEach(() => database.close())

describe('grouping the selected stores by client', () => {
  it('groups by the Client field without case or spaces, clients by name, stores in the order given', () => {
    const groups = groupByClient([{ clientName: 'b' }, { clientName: 'A ' }, { clientName: 'B' }, { clientName: 'a' }])
    expect(groups).toEqual([[{ clientName: 'A ' }, { clientName: 'a' }], [{ clientName: 'b' }, { clientName: 'B' }]])
  })
})

describe('one message per client', () => {
  it('covers each client’s selected stores with each store’s country link, to every contact e-mail', async () => {
    const answer = await call(core, 'messages:for-clients', { selection: { ids: [id.tanSg!, id.bloom!, id.tanMy!, id.tanTh!] } })
    expect(answer.clients.map((c) => c.client)).toEqual(['Bloom', 'Tan & Sons'])
    expect(answer.storeCount).toBe(4)

    const tan = answer.clients[1]!
    expect(tan.stores.map((s) => s.storeName)).toEqual(['Tan SG', 'Tan MY', 'Tan TH'])
    expect(tan.to).toEqual(['mei@tansons.sg', 'ops@tansons.my'])
    expect(tan.subject).toBe('Tan & Sons: 3 stores on Lazada need Anchanto OM renewed or authorized')
    expect(tan.body).toMatch(/^Hello Mei Tan,/)
    for (const [store, country, link] of [
      ['Tan SG', 'Singapore', LINKS.SG],
      ['Tan MY', 'Malaysia', LINKS.MY],
      ['Tan TH', 'Thailand', LINKS.TH]
    ]) {
      const section = tan.body.slice(tan.body.indexOf(`■ ${store} (Lazada ${country})`))
      expect(section).not.toBe(tan.body)
      // The store's own link comes in its section, before the next store's heading.
      expect(section.split('■ ')[1]).toContain(link)
    }
    expect(tan.text).toBe(`${tan.subject}\n\n${tan.body}`)
    const draft = readMailDraft(tan.mailto!)
    expect(draft).toMatchObject({ ok: true, dropped: [] })
    expect(tan.mailto).toMatch(/^mailto:mei@tansons\.sg,ops@tansons\.my\?subject=/)

    // A client with one store gets the one-store message itself.
    const bloom = answer.clients[0]!
    const single = await call(core, 'checklists:message', { storeId: id.bloom! })
    expect(bloom).toMatchObject({ subject: single.subject, body: single.body, to: ['hi@bloom.sg'], mailto: single.mailto })
  })

  it('names the stores without a contact e-mail and those no message can cover', async () => {
    const answer = await call(core, 'messages:for-clients', { selection: { ids: [id.tanTh!, id.seoul!, id.bloom!] } })
    expect(answer.withoutEmail).toEqual([{ id: id.tanTh, label: 'Tan & Sons — Tan TH (TH)', reason: 'no contact e-mail' }])
    expect(answer.skipped).toEqual([{ id: id.seoul, label: 'Seoul Style — Seoul KR (KR)', reason: expect.stringContaining('South Korea') }])
    expect(answer.clients.map((c) => c.client)).toEqual(['Bloom', 'Tan & Sons'])
    expect(answer.clients[1]).toMatchObject({ to: [], mailto: null })
  })

  it('takes "all matching" selections of a view', async () => {
    const answer = await call(core, 'messages:for-clients', { selection: { allMatching: { countries: ['SG'] }, except: [id.bloom!] } })
    expect(answer.clients).toHaveLength(1)
    expect(answer.clients[0]!.stores.map((s) => s.storeName)).toEqual(['Tan SG'])
  })
})

describe('logging the messages as sent', () => {
  it('writes its client’s message to every store’s history in one go', async () => {
    const logged = await call(core, 'messages:log-sent', { storeIds: [id.tanSg!, id.tanMy!, id.bloom!] })
    expect(logged).toEqual({ stores: 3, clients: 2 })
    const entry = (key: string) => core.history.of(id[key]!).find((h) => h.kind === 'client-message')
    expect(entry('tanSg')).toMatchObject({ summary: 'Message for the client sent (one message to Tan & Sons for 2 stores)' })
    expect(entry('tanMy')?.changes).toEqual([
      { field: 'subject', label: 'Subject', before: null, after: 'Tan & Sons: 2 stores on Lazada need Anchanto OM renewed or authorized' },
      { field: 'to', label: 'To', before: null, after: 'mei@tansons.sg, ops@tansons.my' }
    ])
    expect(entry('bloom')?.summary).toBe('Message for the client sent')
    expect(entry('tanTh')).toBeUndefined()
  })

  it('writes nothing when one store fails mid-way', async () => {
    const before = database.sqlite.prepare("SELECT count(*) AS n FROM store_history WHERE kind = 'client-message'").get() as { n: number }
    database.sqlite.exec(`CREATE TRIGGER refuse_bloom BEFORE INSERT ON store_history WHEN NEW.store_id = ${id.bloom} AND NEW.kind = 'client-message' BEGIN SELECT RAISE(ABORT, 'refused'); END`)
    await refusal(core, 'messages:log-sent', { storeIds: [id.tanSg!, id.bloom!] })
    const after = database.sqlite.prepare("SELECT count(*) AS n FROM store_history WHERE kind = 'client-message'").get() as { n: number }
    expect(after.n).toBe(before.n)
  })
})
