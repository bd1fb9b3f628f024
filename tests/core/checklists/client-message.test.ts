/** The message for the client: templates filled per store, the country's steps and link, the mailto: draft, the history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mailDraftUrl } from '../../../electron/core/security/mail-draft'
import { CLIENT_MESSAGE_TEMPLATES } from '../../../electron/shared/checklists'
import { subscriptionInputSchema } from '../../../electron/shared/records'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { call, refusal, setIntegrator, sgt } from './support'

const SG_LINK = 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1000000281&itemCode=FW_GOODS-1000000281-1'

let database: TestDatabase
let core: TestCore
let storeId: number

beforeEach(async () => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-11-20T04:00:00Z')) })
  storeId = core.stores.create(
    storeInput({ clientName: 'Tan & Sons Pte Ltd', storeName: 'Tan & Sons Official', contactName: 'Mei Tan', contactEmail: 'mei.tan+ops@tansons.sg' })
  ).id
  await setIntegrator(core, { serviceMarketLinks: { SG: SG_LINK, MY: '', TH: '', PH: '', VN: '', ID: '' } })
})
afterEach(() => database.close())

function expiringSoon() {
  core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt('2026-06-01T00:00'), endAt: sgt('2026-12-01T00:00') }))
  core.records.recordAuthorization(storeId, { authorizedAt: sgt('2026-06-01T10:00'), method: 'recorded-by-kam', account: null, country: null, refreshDeadlineAt: null, note: null, reconnected: true })
}

describe('the message for the client', () => {
  it('has every step of the store’s checklist, the country’s link and note, the deadline and the support contact', async () => {
    expiringSoon()
    expect(core.detail(storeId).verdict.status).toBe('expiring')
    const message = await call(core, 'checklists:message', { storeId })
    expect(message.playbook).toBe('renew-and-reauthorize')
    // Ends at 00:00 on 1 December: 30 November is the last day it works.
    expect(message.subject).toBe('Tan & Sons Official: please renew Anchanto OM on Lazada Service Market by 30 Nov 2026')
    expect(message.body).toBe(
      [
        'Hello Mei Tan,',
        '',
        'To keep Tan & Sons Pte Ltd’s store Tan & Sons Official (Lazada Singapore) syncing orders with Anchanto OMS, please renew the free “Authorization Only” subscription of Anchanto OM on Lazada Service Market and authorize the app again by 30 Nov 2026. It takes about 3 minutes:',
        '',
        '1. Log in to Lazada Seller Center and open the Anchanto OM free subscription link for Singapore on Lazada Service Market. Select the service version “Authorization Only” and the period “Half a year”, then click “Authorized Use”.',
        `   ${SG_LINK}`,
        '   Note: Singapore’s Service Market also lists a paid version of Anchanto OM. It is not recommended — the app is used only for authorization: choose “Authorization Only”.',
        '2. On the Order Confirmation page, check the Start and End Time of the service, tick “Agreed and Signed” and click “Confirm”. Lazada shows “Successfully Ordered!”.',
        '3. On the “Successfully Ordered!” page, click “Authorized use of services”. Lazada opens the “Ordered Services” page.',
        '4. Go to “My Service”, search for “Anchanto OM” and click “Use Service”.',
        '5. In the confirmation popup, tick the checkbox and click “Agree”.',
        '6. On the Lazada Open Platform authorization page, select the seller account’s country (Singapore), enter the Seller Center e-mail and password of the account that ordered Anchanto OM, tick “I agree to the Authorization Terms & Agreement” and click “Submit”. The Anchanto OM login page opens: the order and the authorization went through.',
        '7. Reconnect the store in Anchanto OMS.',
        '',
        'If anything is unclear, reply to this e-mail or write to help@anchanto.com.',
        '',
        'Thank you'
      ].join('\n')
    )
    expect(message.text).toBe(`${message.subject}\n\n${message.body}`)
    expect(message).toMatchObject({ to: 'mei.tan+ops@tansons.sg', warnings: [] })
  })

  it('follows the playbook asked for, and the new-store template for a store never connected', async () => {
    const message = await call(core, 'checklists:message', { storeId })
    expect(message.playbook).toBe('connect-new-store')
    expect(message.subject).toBe('Tan & Sons Official: please order Anchanto OM on Lazada Service Market before we connect the store')
    expect(message.body).toContain('authorize the app as soon as possible.')
    expect(message.body).toContain('7. Connect the new store in Anchanto OMS.')
    const renew = await call(core, 'checklists:message', { storeId, playbook: 'renew-and-reauthorize' })
    expect(renew.subject).toBe('Tan & Sons Official: please renew Anchanto OM on Lazada Service Market as soon as possible')
  })

  it('encodes the e-mail draft: address kept, subject and body percent-encoded, CRLF line breaks', async () => {
    const message = await call(core, 'checklists:message', { storeId })
    const url = message.mailto!
    expect(url.startsWith('mailto:mei.tan%2Bops@tansons.sg?subject=')).toBe(true)
    expect(url).not.toMatch(/[\s<>"]/)
    const query = url.slice(url.indexOf('?') + 1)
    // "&" in the store name cannot split the query: exactly two parameters.
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual(['subject', 'body'])
    const [subject, body] = query.split('&').map((p) => decodeURIComponent(p.slice(p.indexOf('=') + 1)))
    expect(subject).toBe(message.subject)
    expect(body).toBe(message.body.replace(/\n/g, '\r\n'))
    expect(url).toContain('%0D%0A')
    expect(url).not.toContain('+')
  })

  it('encodes awkward text safely', () => {
    expect(mailDraftUrl({ to: ['a@b.sg'], subject: 'x?y&z=1 #2', body: 'line 1\nline 2 100% “ok”' })).toBe(
      'mailto:a@b.sg?subject=x%3Fy%26z%3D1%20%232&body=line%201%0D%0Aline%202%20100%25%20%E2%80%9Cok%E2%80%9D'
    )
  })

  it('says when there is no contact e-mail or no link, and still gives the text', async () => {
    const bare = core.stores.create(storeInput({ country: 'TH', sellerShortCode: 'TH10000001', clientName: 'Siam Co', storeName: 'Siam Store' })).id
    const message = await call(core, 'checklists:message', { storeId: bare })
    expect(message.mailto).toBeNull()
    expect(message.to).toBeNull()
    expect(message.body).toContain('Hello Siam Co,')
    expect(message.body).toContain('   (We will send you the Thailand link separately.)')
    expect(message.warnings).toEqual([
      'To send the client the Service Market link, set the free subscription link for Thailand in Settings → Integrator.',
      'This store has no contact e-mail: copy the text, or add the contact’s e-mail to the store for an e-mail draft.'
    ])
  })

  it('has nothing to send where the app is not published or the store is out of scope', async () => {
    await setIntegrator(core, { publishedCountries: ['MY'] })
    expect(await refusal(core, 'checklists:message', { storeId })).toMatchObject({ code: 'conflict', message: expect.stringContaining('There is nothing to send the client') })
    const korean = core.stores.create(storeInput({ country: 'KR', sellerShortCode: 'KR10000001' })).id
    expect(await refusal(core, 'checklists:message', { storeId: korean })).toMatchObject({ code: 'conflict' })
  })

  it('logs “copied” and “e-mailed” in the store’s history', async () => {
    await call(core, 'checklists:log-message', { storeId, playbook: 'connect-new-store', action: 'copied' })
    await call(core, 'checklists:log-message', { storeId, playbook: 'connect-new-store', action: 'emailed' })
    const [emailed, copied] = core.detail(storeId).history
    const subject = 'Tan & Sons Official: please order Anchanto OM on Lazada Service Market before we connect the store'
    expect(copied).toMatchObject({ summary: 'Message for the client copied', actor: 'aisha', changes: [{ field: 'subject', label: 'Subject', before: null, after: subject }] })
    expect(emailed).toMatchObject({
      summary: 'Message for the client e-mailed',
      changes: [
        { field: 'subject', label: 'Subject', before: null, after: subject },
        { field: 'to', label: 'To', before: null, after: 'mei.tan+ops@tansons.sg' }
      ]
    })
    expect(await refusal(core, 'checklists:log-message', { storeId, playbook: 'connect-new-store', action: 'printed' as never })).toMatchObject({ code: 'invalid-input' })
  })

  it('keeps the templates’ placeholders to the documented set', () => {
    const known = new Set(['store', 'client', 'contact', 'country', 'deadline', 'link', 'appName', 'omsName', 'support', 'steps', 'notes'])
    for (const template of Object.values(CLIENT_MESSAGE_TEMPLATES)) {
      for (const [, name] of `${template.subject}${template.body}`.matchAll(/\{([A-Za-z]+)\}/g)) expect(known).toContain(name)
    }
  })
})
