/** The pure rules around Lazada's answer: which row counts, which End Time the status uses, when they disagree, whose account it is. */
import { describe, expect, it } from 'vitest'
import { matchAccount } from '../../../electron/core/lazada-sync/code-exchange'
import { effectiveSubscription, findDisagreement, pickSubscription } from '../../../electron/core/lazada-sync/subscription-answer'
import { sgMidnight } from '../monitoring/monitoring-support'
import { DAY, HOUR, expired, grant, valid } from './support'

const NOW = sgMidnight('2026-12-05')
const store = { storeName: 'Acme Official', country: 'SG', sellerShortCode: 'SG10000001', sellerId: '1001' }

describe('pickSubscription', () => {
  it('prefers the valid row ending last, then the expired row ending last, then none', () => {
    expect(pickSubscription([expired(NOW + 9 * DAY), valid(NOW + DAY), valid(NOW + 5 * DAY)])).toMatchObject({ state: 'valid', endAt: NOW + 5 * DAY })
    expect(pickSubscription([expired(NOW - 9 * DAY), expired(NOW - DAY)])).toMatchObject({ state: 'expired', endAt: NOW - DAY })
    expect(pickSubscription([])).toEqual({ state: 'none', endAt: null, itemName: null, autoRenew: null })
    expect(pickSubscription([valid(NOW, { endAt: null }), valid(NOW + DAY)])).toMatchObject({ endAt: NOW + DAY })
  })
})

describe('effectiveSubscription (what the status rules judge)', () => {
  const kam = { startAt: NOW - 100 * DAY, endAt: NOW + 10 * DAY }
  it('uses Lazada’s End Time with the KAM’s Start Time', () => {
    expect(effectiveSubscription(kam, { state: 'valid', endAt: NOW + 90 * DAY, checkedAt: NOW })).toEqual({ startAt: kam.startAt, endAt: NOW + 90 * DAY })
    expect(effectiveSubscription(null, { state: 'valid', endAt: NOW + 90 * DAY, checkedAt: NOW })).toEqual({ startAt: null, endAt: NOW + 90 * DAY })
  })
  it('ends an expired subscription at the answer at the latest', () => {
    expect(effectiveSubscription(kam, { state: 'expired', endAt: NOW - DAY, checkedAt: NOW })).toEqual({ startAt: kam.startAt, endAt: NOW - DAY })
    expect(effectiveSubscription(kam, { state: 'expired', endAt: NOW + DAY, checkedAt: NOW })).toEqual({ startAt: kam.startAt, endAt: NOW })
    expect(effectiveSubscription(kam, { state: 'expired', endAt: null, checkedAt: NOW })).toEqual({ startAt: kam.startAt, endAt: NOW })
  })
  it('keeps the KAM’s record when Lazada has none, or gave no End Time', () => {
    expect(effectiveSubscription(kam, { state: 'none', endAt: null, checkedAt: NOW })).toBe(kam)
    expect(effectiveSubscription(kam, { state: 'valid', endAt: null, checkedAt: NOW })).toBe(kam)
    expect(effectiveSubscription(null, { state: 'none', endAt: null, checkedAt: NOW })).toBeNull()
    expect(effectiveSubscription(kam, null)).toBe(kam)
  })
})

describe('findDisagreement', () => {
  const kam = { startAt: NOW - 100 * DAY, endAt: sgMidnight('2026-12-15') }
  const answer = (state: 'valid' | 'expired' | 'none', endAt: number | null) => ({ state, endAt, checkedAt: NOW, shortCode: 'SG10000001' })
  it('compares calendar days in the store’s time, not instants', () => {
    expect(findDisagreement('SG', kam, answer('valid', sgMidnight('2026-12-15') + 23 * HOUR))).toBeNull()
    expect(findDisagreement('SG', kam, answer('valid', sgMidnight('2026-12-15') - 1))).toMatchObject({ kind: 'end-date' })
    expect(findDisagreement('SG', kam, answer('valid', sgMidnight('2027-06-15')))).toMatchObject({ kind: 'end-date', kamEndAt: kam.endAt, lazadaEndAt: sgMidnight('2027-06-15') })
  })
  it('flags an expiry the KAM does not know of, and a subscription Lazada does not know of', () => {
    expect(findDisagreement('SG', kam, answer('expired', NOW - DAY))).toMatchObject({ kind: 'expired' })
    expect(findDisagreement('SG', kam, answer('none', null), 'FW_GOODS-1')!.message).toContain('Lazada has no record of a subscription to FW_GOODS-1 for SG10000001')
  })
  it('says nothing when there is nothing to compare', () => {
    expect(findDisagreement('SG', null, answer('valid', NOW + DAY))).toBeNull()
    expect(findDisagreement('SG', null, answer('none', null))).toBeNull()
    expect(findDisagreement('SG', { startAt: null, endAt: null }, answer('valid', NOW + DAY))).toBeNull()
  })
})

describe('matchAccount', () => {
  it('matches the same country and short code, whatever the case', () => {
    expect(matchAccount(store, grant(NOW, { sellers: [{ country: 'sg', sellerId: '9', userId: null, shortCode: 'sg10000001' }] }))).toMatchObject({ ok: true })
  })
  it('falls back to the seller id when a short code is missing on either side', () => {
    expect(matchAccount({ ...store, sellerShortCode: null }, grant(NOW))).toMatchObject({ ok: true })
    expect(matchAccount(store, grant(NOW, { sellers: [{ country: 'SG', sellerId: '1001', userId: null, shortCode: null }] }))).toMatchObject({ ok: true })
    expect(matchAccount(store, grant(NOW, { sellers: [{ country: 'SG', sellerId: '1002', userId: null, shortCode: null }] }))).toMatchObject({ ok: false })
  })
  it('refuses another country, another short code, and what cannot be compared', () => {
    expect(matchAccount(store, grant(NOW, { country: 'MY' }))).toMatchObject({ ok: false })
    expect(matchAccount(store, grant(NOW, { sellers: [{ country: 'SG', sellerId: '1001', userId: null, shortCode: 'SG2' }] }))).toMatchObject({ ok: false })
    const blind = matchAccount({ ...store, sellerShortCode: null, sellerId: null }, grant(NOW))
    expect(blind.ok).toBe(false)
    expect(!blind.ok && blind.message).toContain('cannot tell whether that is Acme Official')
  })
  it('takes a cross-border token’s entry for the store’s venture', () => {
    const cb = (sellers: { country: string; shortCode: string }[]) =>
      grant(NOW, { country: 'CB', sellers: sellers.map((s, i) => ({ ...s, sellerId: String(500 + i), userId: null })) })
    const matched = matchAccount(store, cb([{ country: 'MY', shortCode: 'MY1' }, { country: 'SG', shortCode: 'SG10000001' }]))
    expect(matched).toMatchObject({ ok: true, seller: { country: 'SG', sellerId: '501' } })
    expect(matchAccount(store, cb([{ country: 'MY', shortCode: 'SG10000001' }]))).toMatchObject({ ok: false })
    expect(matchAccount(store, cb([{ country: 'SG', shortCode: 'SG2' }]))).toMatchObject({ ok: false })
  })
})
