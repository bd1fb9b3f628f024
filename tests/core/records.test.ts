/** Subscription, authorization and reconnect records: history entries and the status that follows. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import type { AuthorizationInput } from '../../electron/shared/records'
import { storeInput } from '../support/store-input'
import { thrown } from '../support/thrown'
import { createTestCore } from '../support/test-core'
import type { TestCore } from '../support/test-core'
import { FakeClock, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const DAY = 24 * 60 * 60 * 1000
let database: TestDatabase
let core: TestCore
let storeId: number

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')) })
  storeId = core.stores.create(storeInput()).id
})
afterEach(() => database.close())

const sgt = (iso: string) => Date.parse(`${iso}+08:00`)

function subscribe(startIso: string, endIso: string) {
  core.records.saveSubscription(storeId, subscriptionInputSchema.parse({ startAt: sgt(startIso), endAt: sgt(endIso) }))
}

function authorize(draft: Partial<Record<keyof AuthorizationInput, unknown>>) {
  return core.records.recordAuthorization(storeId, authorizationInputSchema.parse({ authorizedAt: core.clock.now(), ...draft }))
}


describe('store records', () => {
  it('takes a store from needing a subscription to healthy, one record at a time, with history', () => {
    expect(core.detail(storeId).verdict.status).toBe('needs-subscription')

    subscribe('2026-05-30T10:00', '2026-11-30T10:00')
    expect(core.detail(storeId).verdict).toMatchObject({ status: 'needs-authorization', nextAction: { step: 4 } })

    authorize({ method: 'embedded-window', account: 'seller@acme.com', country: 'sg' })
    expect(core.detail(storeId).verdict).toMatchObject({ status: 'needs-reconnect', nextAction: { step: 7 } })

    core.records.markReconnected(storeId)
    const detail = core.detail(storeId)
    expect(detail.verdict).toMatchObject({ status: 'healthy', deadline: sgt('2026-11-30T10:00'), deadlineKind: 'subscription-end', daysLeft: 182 })
    expect(detail.store.status).toBe('healthy')
    expect(detail.history.map((h) => h.summary)).toEqual([
      'Status: Needs reconnect → Healthy',
      'Reconnected in the OMS',
      'Status: Needs authorization → Needs reconnect',
      'Authorized',
      'Status: Needs subscription → Needs authorization',
      'Subscription recorded',
      'Added to the portfolio'
    ])
    expect(detail.history.find((h) => h.kind === 'status-changed')?.actor).toBe('Storewatch')
    expect(detail.history.find((h) => h.kind === 'authorized')?.changes).toEqual([
      { field: 'authorizedAt', label: 'Authorized', before: null, after: '1 Jun 2026, 12:00 (SG time)' },
      { field: 'method', label: 'How', before: null, after: 'In Storewatch’s Lazada window' },
      { field: 'account', label: 'Seller account', before: null, after: 'seller@acme.com' },
      { field: 'authorizedCountry', label: 'Country picked', before: null, after: 'SG' }
    ])
  })

  it('records the Start and End Time in the store’s country time, and what changed on renewal', () => {
    subscribe('2026-05-30T10:00', '2026-11-30T10:00')
    subscribe('2026-11-29T09:00', '2027-05-29T09:00')
    const [renewal] = core.detail(storeId).history
    expect(renewal).toMatchObject({ kind: 'subscription-updated', summary: 'Subscription changed' })
    expect(renewal!.changes).toEqual([
      { field: 'startAt', label: 'Start Time', before: '30 May 2026, 10:00 (SG time)', after: '29 Nov 2026, 09:00 (SG time)' },
      { field: 'endAt', label: 'End Time', before: '30 Nov 2026, 10:00 (SG time)', after: '29 May 2027, 09:00 (SG time)' }
    ])
    expect(core.detail(storeId).subscription).toMatchObject({ serviceVersion: 'authorization-only', period: 'half-year', source: 'kam', checkedAt: core.clock.now() })
  })

  it('asks for a new authorization when the subscription is renewed after the last one', () => {
    subscribe('2026-05-30T10:00', '2026-11-30T10:00')
    authorize({ reconnected: true })
    expect(core.detail(storeId).verdict.status).toBe('healthy')
    core.clock.advance(100 * DAY)
    subscribe('2026-09-08T10:00', '2027-03-08T10:00')
    expect(core.detail(storeId).verdict).toMatchObject({ status: 'needs-authorization' })
    expect(core.detail(storeId).verdict.reason).toContain('before the current subscription started')
  })

  it('records an authorization that was also reconnected in one go', () => {
    subscribe('2026-05-30T10:00', '2026-11-30T10:00')
    const auth = authorize({ reconnected: true })
    expect(auth).toMatchObject({ reconnectedAt: auth.authorizedAt, reconnectedBy: 'aisha', method: 'recorded-by-kam' })
    expect(core.detail(storeId).verdict.status).toBe('healthy')
  })

  it('refuses to mark a store reconnected before any authorization', () => {
    expect(thrown(() => core.records.markReconnected(storeId)).message).toBe(
      'Record the seller’s authorization first: a store is reconnected after it is authorized.'
    )
  })

  it('removes a subscription and an authorization, with history, and the status follows', () => {
    subscribe('2026-05-30T10:00', '2026-11-30T10:00')
    const auth = authorize({ reconnected: true })
    core.records.removeAuthorization(storeId, auth.id)
    expect(core.detail(storeId).verdict.status).toBe('needs-authorization')
    core.records.removeSubscription(storeId)
    const detail = core.detail(storeId)
    expect(detail.verdict.status).toBe('needs-subscription')
    expect(detail.subscription).toBeNull()
    expect(detail.history.filter((h) => h.kind === 'subscription-removed' || h.kind === 'authorization-removed')).toHaveLength(2)
    expect(thrown(() => core.records.removeAuthorization(storeId, auth.id)).code).toBe('not-found')
  })

  it('answers not-found for a store that does not exist, and writes nothing', () => {
    expect(thrown(() => core.records.saveSubscription(999, subscriptionInputSchema.parse({ startAt: null, endAt: null }))).code).toBe('not-found')
    expect(database.sqlite.prepare('SELECT count(*) AS n FROM subscriptions').get()).toEqual({ n: 0 })
  })

  it('refuses an End Time before the Start Time', () => {
    const parsed = subscriptionInputSchema.safeParse({ startAt: sgt('2026-11-30T10:00'), endAt: sgt('2026-05-30T10:00') })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['endAt'], message: 'The End Time must be after the Start Time' })
  })

  it('tells the windows and the tray that the store changed', async () => {
    const answer = await core.dispatcher.dispatch('authorizations:mark-reconnected', { storeId }, { emit: () => undefined })
    expect(answer.ok).toBe(false)
    expect(core.broadcasts.filter((b) => b.event === 'stores:changed')).toEqual([])
    await core.dispatcher.dispatch(
      'subscriptions:save',
      { storeId, subscription: { startAt: sgt('2026-05-30T10:00'), endAt: sgt('2026-11-30T10:00') } },
      { emit: () => undefined }
    )
    expect(core.broadcasts.filter((b) => b.event === 'stores:changed')).toEqual([{ event: 'stores:changed', payload: { storeIds: [storeId] } }])
  })

  it('re-evaluates the status when the store moves to another country', () => {
    core.stores.update(storeId, storeInput({ country: 'KR' }))
    expect(core.stores.view(storeId).status).toBe('out-of-scope')
    expect(core.detail(storeId).history[0]).toMatchObject({ summary: 'Status: Needs subscription → Out of scope' })
  })
})

describe('settings', () => {
  it('reads the guide’s defaults until saved, then what was saved, surviving a restart', () => {
    expect(core.settings.get().policy).toMatchObject({ releaseDate: '2024-03-01', graceDays: 30, reminderWindowDays: 14 })
    const changed = { ...core.settings.get(), schedule: { checkIntervalMinutes: 30 } }
    core.settings.save(changed)
    expect(createTestCore(database).settings.get().schedule).toEqual({ checkIntervalMinutes: 30 })
  })

  it('falls back to the default for a section stored in a shape this version no longer accepts', () => {
    database.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('schedule', '{\"checkIntervalMinutes\": 1}')").run()
    const settings = createTestCore(database).settings.get()
    expect(settings.schedule).toEqual({ checkIntervalMinutes: 60 })
    expect(settings.policy.coveredCountries).toEqual(['SG', 'MY', 'TH', 'PH', 'VN', 'ID'])
  })

  it('puts stores of a country unticked under Settings → Integrator → Published in “App not published”, and back when ticked again', () => {
    const next = core.settings.get()
    const before = core.status.refresh(storeId)?.status
    core.settings.save({ ...next, integrator: { ...next.integrator, publishedCountries: ['MY', 'TH', 'PH', 'VN', 'ID'] } })
    expect(core.status.refresh(storeId)?.status).toBe('app-not-published')
    core.settings.save({ ...next, integrator: { ...next.integrator, publishedCountries: ['SG', 'MY', 'TH', 'PH', 'VN', 'ID'] } })
    expect(core.status.refresh(storeId)?.status).toBe(before)
  })
})
