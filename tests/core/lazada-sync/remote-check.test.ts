/**
 * Checks that ask Lazada: its answer is recorded beside the KAM's record (both kept), the status
 * follows Lazada's End Time, a disagreement is flagged on the store and in the lists, stores
 * without a short code are listed as "cannot check with Lazada", one store's failure never stops
 * the run and failures are summed up by cause. Real SQLite, a scripted Lazada.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { storeInput } from '../../support/store-input'
import { call, setIntegrator } from '../checklists/support'
import { DAY, HOUR, sgMidnight, subscribedStore } from '../monitoring/monitoring-support'
import { APP_SECRET, ARTICLE, RATE_LIMITED, TIMED_OUT, expired, lazadaWorld, valid } from './support'
import type { LazadaWorld } from './support'

let world: LazadaWorld
afterEach(() => {
  world.core.monitoring.stop()
  world.database.close()
})

// The KAM recorded an End Time 10 days ahead: the store is expiring by the KAM's date.
const NOW = sgMidnight('2026-12-05') + 10 * HOUR
const KAM_END = sgMidnight('2026-12-15')
const LAZADA_END = sgMidnight('2027-06-15')

function lazadaRow(storeId: number) {
  return world.database.sqlite.prepare('SELECT * FROM lazada_subscriptions WHERE store_id = ?').get(storeId) as Record<string, unknown> | undefined
}

describe('a check with Lazada credentials', () => {
  it('records Lazada’s answer beside the KAM’s record; the status follows Lazada; the disagreement is flagged', async () => {
    world = await lazadaWorld(NOW)
    const { core, api, clock } = world
    const id = subscribedStore(core, KAM_END)
    const code = core.stores.view(id).sellerShortCode!
    expect(core.detail(id).verdict.status).toBe('expiring')
    api.subs = () => [expired(sgMidnight('2026-06-15')), valid(LAZADA_END, { autoRenew: true })]
    clock.advance(HOUR)

    const run = await core.monitoring.runNow('manual')
    expect(api.calls).toEqual([{ api: '/service/market/subs/query', venture: 'SG', shortCode: code, articleCode: ARTICLE }])
    expect(run.remote).toMatchObject({ state: 'done', asked: 1, answered: 1, disagreements: 1, cannotCheck: 0, failures: [] })
    expect(run.remote!.message).toBe('Storewatch asked Lazada about 1 store: 1 answered; 1 store disagree with the End Time on record.')
    expect(run.errors).toEqual([])
    expect(run.statusChanges).toBe(1)

    // Lazada's view, with source and time; the KAM's record untouched.
    expect(lazadaRow(id)).toMatchObject({ state: 'valid', end_at: LAZADA_END, checked_at: clock.now(), country: 'SG', short_code: code, article_code: ARTICLE, auto_renew: 1 })
    const detail = core.detail(id)
    expect(detail.subscription).toMatchObject({ endAt: KAM_END, source: 'kam' })
    expect(detail.verdict).toMatchObject({ status: 'healthy', deadline: LAZADA_END, deadlineKind: 'subscription-end' })
    expect(detail.history.map((h) => h.summary)).toContain('Lazada: subscribed until 15 Jun 2027, 00:00 (SG time) — differs from the record on file')

    const view = await call(core, 'lazada:store', { storeId: id })
    expect(view).toMatchObject({
      storeId: id,
      cannotCheck: null,
      answer: { state: 'valid', endAt: LAZADA_END, autoRenew: true, country: 'SG', shortCode: code, checkedAt: clock.now(), itemName: 'Authorization Only' },
      kamEndAt: KAM_END,
      statusUses: 'lazada',
      disagreement: { kind: 'end-date', kamEndAt: KAM_END, lazadaEndAt: LAZADA_END },
      lastError: null,
      token: null
    })
    expect(view.disagreement!.message).toBe(
      'Lazada’s End Time is 15 Jun 2027, 00:00 (SG time); the one on record is 15 Dec 2026, 00:00 (SG time). The status follows Lazada.'
    )
    const overview = await call(core, 'lazada:overview', undefined)
    expect(overview).toEqual({
      remoteChecksOff: null,
      items: [{ storeId: id, lazadaEndAt: LAZADA_END, checkedAt: clock.now(), disagrees: true, cannotCheck: false, tokenNeedsAuthorization: false, message: view.disagreement!.message }]
    })

    // The KAM copies Lazada's date: both agree, the flag goes; the status is unchanged.
    core.records.saveSubscription(id, { serviceVersion: 'authorization-only', period: 'half-year', startAt: KAM_END - 182 * DAY, endAt: LAZADA_END, source: 'kam' })
    expect((await call(core, 'lazada:store', { storeId: id })).disagreement).toBeNull()
    expect((await call(core, 'lazada:overview', undefined)).items[0]!.disagrees).toBe(false)
  })

  it('does not flag the same day, nor write history again for the same answer', async () => {
    world = await lazadaWorld(NOW)
    const { core, api, clock } = world
    const id = subscribedStore(core, KAM_END)
    api.subs = () => [valid(KAM_END + 23 * HOUR)]
    const first = await core.monitoring.runNow('manual')
    expect(first.remote).toMatchObject({ answered: 1, disagreements: 0 })
    const entries = core.detail(id).history.length
    clock.advance(HOUR)
    await core.monitoring.runNow('manual')
    expect(core.detail(id).history).toHaveLength(entries)
    expect(lazadaRow(id)!.checked_at).toBe(clock.now())
    expect((await call(core, 'lazada:store', { storeId: id })).disagreement).toBeNull()
  })

  it('an expired answer ends the subscription now, whatever the KAM recorded', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const id = subscribedStore(core, sgMidnight('2027-02-01'))
    api.subs = () => [expired(sgMidnight('2026-12-01'))]
    await core.monitoring.runNow('manual')
    expect(core.detail(id).verdict.status).toBe('expired')
    const view = await call(core, 'lazada:store', { storeId: id })
    expect(view.disagreement).toMatchObject({ kind: 'expired', lazadaEndAt: sgMidnight('2026-12-01') })
    expect(view.disagreement!.message).toContain('Lazada says the subscription has expired (it ended 1 Dec 2026, 00:00 (SG time))')
  })

  it('no subscription at Lazada is flagged, and the KAM’s record still decides', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const id = subscribedStore(core, sgMidnight('2027-02-01'))
    api.subs = () => []
    const run = await core.monitoring.runNow('manual')
    expect(run.remote).toMatchObject({ answered: 1, disagreements: 1 })
    expect(core.detail(id).verdict.status).toBe('healthy')
    const view = await call(core, 'lazada:store', { storeId: id })
    expect(view).toMatchObject({ answer: { state: 'none', endAt: null }, statusUses: 'kam', disagreement: { kind: 'not-found' } })
    expect(view.disagreement!.message).toContain(`Lazada has no record of a subscription to ${ARTICLE}`)
  })

  it('Lazada’s answer alone (nothing on record) gives the End Time', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const id = core.stores.create(storeInput({ sellerShortCode: 'SG55500001' })).id
    expect(core.detail(id).verdict.status).toBe('needs-subscription')
    api.subs = () => [valid(LAZADA_END)]
    await core.monitoring.runNow('manual')
    expect(core.detail(id).verdict).toMatchObject({ status: 'needs-authorization', deadline: LAZADA_END })
    expect((await call(core, 'lazada:store', { storeId: id })).disagreement).toBeNull()
  })

  it('lists stores without a short code as “cannot check with Lazada”; skips archived, out-of-scope and unpublished ones', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const asked = subscribedStore(core, KAM_END)
    const noCode = core.stores.create(storeInput({ storeName: 'No code', sellerShortCode: null, loginEmail: 'nocode@acme.sg' })).id
    const archived = subscribedStore(core, KAM_END, { storeName: 'Old' })
    core.stores.archive(archived)
    core.stores.create(storeInput({ storeName: 'Seoul', country: 'KR', sellerShortCode: 'KR10000001' }))
    core.stores.create(storeInput({ storeName: 'Hanoi', country: 'VN', sellerShortCode: 'VN10000001' }))
    await setIntegrator(core, { publishedCountries: ['SG', 'MY', 'TH', 'PH', 'ID'] })
    api.subs = () => [valid(KAM_END)]

    const run = await core.monitoring.runNow('manual')
    expect(api.calls.map((c) => c.shortCode)).toEqual([core.stores.view(asked).sellerShortCode])
    expect(run.remote).toMatchObject({ asked: 1, answered: 1, cannotCheck: 1 })
    expect(run.remote!.message).toContain('1 store cannot be checked with Lazada (no seller short code)')
    const view = await call(core, 'lazada:store', { storeId: noCode })
    expect(view).toMatchObject({ answer: null, cannotCheck: 'No seller short code: Storewatch cannot check this store with Lazada. Add the short code to the store.' })
    const overview = await call(core, 'lazada:overview', undefined)
    expect(overview.items.filter((i) => i.cannotCheck).map((i) => i.storeId)).toEqual([noCode])
  })

  it('one store’s failure never stops the run; failures are summed up by cause', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const ids = Array.from({ length: 7 }, (_, i) => subscribedStore(core, KAM_END, { storeName: `Store ${i + 1}` }))
    const codes = ids.map((id) => core.stores.view(id).sellerShortCode!)
    const fate: Record<string, () => never> = {
      [codes[1]!]: () => {
        throw RATE_LIMITED()
      },
      [codes[3]!]: () => {
        throw RATE_LIMITED()
      },
      [codes[4]!]: () => {
        throw RATE_LIMITED()
      },
      [codes[5]!]: () => {
        throw TIMED_OUT()
      },
      [codes[6]!]: () => {
        throw new TypeError('boom')
      }
    }
    api.subs = (_venture, { shortCode }) => (fate[shortCode] ? fate[shortCode]!() : [valid(LAZADA_END)])

    const run = await core.monitoring.runNow('manual')
    expect(run.storesChecked).toBe(7)
    expect(run.remote).toMatchObject({ asked: 7, answered: 2 })
    expect(run.remote!.failures.map((f) => [f.cause, f.count, f.storeIds])).toEqual([
      ['api-call-limit', 3, [ids[1], ids[3], ids[4]]],
      ['timeout', 1, [ids[5]]],
      ['unexpected', 1, [ids[6]]]
    ])
    expect(run.errors).toEqual([
      '3 stores: Lazada’s rate limit was hit (ApiCallLimit): Storewatch waits and asks again at the next check (Acme Pte Ltd — Store 2 (SG); Acme Pte Ltd — Store 4 (SG); Acme Pte Ltd — Store 5 (SG)).',
      '1 store: Lazada did not answer within 30 seconds: check the internet connection; the next check asks again (Acme Pte Ltd — Store 6 (SG)).',
      '1 store: Storewatch could not ask Lazada: boom (Acme Pte Ltd — Store 7 (SG)).'
    ])
    // The others were recorded and judged by Lazada's date.
    expect(core.detail(ids[0]!).verdict.status).toBe('healthy')
    expect(core.detail(ids[2]!).verdict.status).toBe('healthy')
    expect(core.detail(ids[1]!).verdict.status).toBe('expiring')
    // A failed store keeps its earlier answer and shows the last error.
    const view = await call(core, 'lazada:store', { storeId: ids[1]! })
    expect(view).toMatchObject({ answer: null, lastError: { cause: 'api-call-limit', at: world.clock.now() } })
    // The runs list keeps the summary.
    expect((await call(core, 'checks:recent', { limit: 1 }))[0]!.remote).toEqual(run.remote)
  })

  it('keeps an earlier answer when the next query fails', async () => {
    world = await lazadaWorld(NOW)
    const { core, api, clock } = world
    const id = subscribedStore(core, KAM_END)
    api.subs = () => [valid(LAZADA_END)]
    await core.monitoring.runNow('manual')
    api.subs = () => {
      throw TIMED_OUT()
    }
    clock.advance(HOUR)
    await core.monitoring.runNow('manual')
    const view = await call(core, 'lazada:store', { storeId: id })
    expect(view).toMatchObject({ answer: { state: 'valid', endAt: LAZADA_END }, lastError: { cause: 'timeout', at: clock.now() } })
    expect(core.detail(id).verdict.status).toBe('healthy')
  })

  it('calls Lazada outside any database transaction and records the answers in batches of their own', async () => {
    world = await lazadaWorld(NOW)
    const { core, api, database } = world
    subscribedStore(core, KAM_END)
    subscribedStore(core, KAM_END)
    const seen: boolean[] = []
    api.subs = async () => {
      seen.push(database.sqlite.inTransaction)
      await new Promise((resolve) => setTimeout(resolve, 5))
      seen.push(database.sqlite.inTransaction)
      return [valid(LAZADA_END)]
    }
    await core.monitoring.runNow('manual')
    expect(seen).toEqual([false, false, false, false])
    expect(database.sqlite.prepare('SELECT count(*) FROM lazada_subscriptions WHERE state = ?').pluck().get('valid')).toBe(2)
  })

  it('stays single-flight: a second “Check now” joins the running one, Lazada is asked once', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    subscribedStore(core, KAM_END)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    api.subs = async () => {
      await gate
      return [valid(LAZADA_END)]
    }
    const first = core.monitoring.runNow('manual')
    const second = core.monitoring.runNow('manual')
    await new Promise((resolve) => setImmediate(resolve))
    release()
    const [a, b] = await Promise.all([first, second])
    expect(a.id).toBe(b.id)
    expect(api.count('/service/market/subs/query')).toBe(1)
  })

  it('does not ask Lazada after a settings save, nor without credentials', async () => {
    world = await lazadaWorld(NOW, { configure: false })
    const { core, api } = world
    subscribedStore(core, KAM_END)
    const none = await core.monitoring.runNow('manual')
    expect(none.remote ?? null).toBeNull()
    await setIntegrator(core, { appKey: '100132', articleCode: ARTICLE })
    await call(core, 'credentials:save-secret', { secret: APP_SECRET })
    const rerun = await core.monitoring.runNow('settings')
    expect(rerun.remote ?? null).toBeNull()
    expect(api.calls).toEqual([])
    expect((await core.monitoring.runNow('interval')).remote).toMatchObject({ asked: 1 })
  })

  it('without an article code, says so and asks nothing about subscriptions', async () => {
    world = await lazadaWorld(NOW, { profile: { articleCode: '' } })
    subscribedStore(world.core, KAM_END)
    const run = await world.core.monitoring.runNow('manual')
    expect(run.remote).toMatchObject({ state: 'done', asked: 0 })
    expect(run.remote!.message).toContain('set the Service Market article code')
    expect(world.api.count('/service/market/subs/query')).toBe(0)
  })

  it('an answer stops counting once the store’s short code changes', async () => {
    world = await lazadaWorld(NOW)
    const { core, api } = world
    const id = subscribedStore(core, KAM_END)
    api.subs = () => [valid(LAZADA_END)]
    await core.monitoring.runNow('manual')
    expect(core.detail(id).verdict.status).toBe('healthy')
    core.stores.update(id, storeInput({ sellerShortCode: 'SG77700007' }))
    expect(core.detail(id).verdict.status).toBe('expiring')
    expect((await call(core, 'lazada:store', { storeId: id })).answer).toBeNull()
    await core.monitoring.runNow('manual')
    expect(api.calls.at(-1)).toMatchObject({ shortCode: 'SG77700007' })
    expect(core.detail(id).verdict.status).toBe('healthy')
  })

  it('reports an unexpected failure of the Lazada step and still checks the portfolio', async () => {
    world = await lazadaWorld(NOW)
    const { core } = world
    subscribedStore(core, KAM_END)
    ;(core.credentials as { access: unknown }).access = async () => {
      throw new Error('keyring daemon crashed')
    }
    const run = await core.monitoring.runNow('manual')
    expect(run.storesChecked).toBe(1)
    expect(run.remote).toMatchObject({ state: 'failed', message: 'Lazada was not asked: keyring daemon crashed.' })
    expect(run.errors).toEqual(['Lazada was not asked: keyring daemon crashed.'])
  })
})
