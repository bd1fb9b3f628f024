/** Reading Lazada's answers: numbers as strings, both seller-list names, any case of country, absolute lifetimes, malformed answers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MalformedAnswer, UnsuccessfulResult, parseOrders, parseSeller, parseSubscriptions, parseTokenGrant, readEnvelope } from '../../../electron/core/lazada/parse'
import { startMockGateway, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor, rejection } from './support'

const DAY_S = 86_400
const AT = Date.parse('2026-11-27T00:00:00Z')

function tokenBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    access_token: 'access',
    refresh_token: 'refresh',
    expires_in: '2592000',
    refresh_expires_in: '15552000',
    country: 'sg',
    account: 'seller@acme.sg',
    account_platform: 'seller_center',
    country_user_info: [{ country: 'SG', seller_id: '1001', user_id: 2001, short_code: 'SG1001' }],
    code: '0',
    ...overrides
  }
}

describe('token answers', () => {
  it('turns relative lifetimes (strings or numbers) into instants from the time of the answer', () => {
    for (const body of [tokenBody(), tokenBody({ expires_in: 2_592_000, refresh_expires_in: 15_552_000 })]) {
      const grant = parseTokenGrant(body, AT)
      expect(grant).toEqual({
        accessToken: 'access',
        refreshToken: 'refresh',
        accessExpiresAt: AT + 30 * DAY_S * 1000,
        refreshExpiresAt: AT + 180 * DAY_S * 1000,
        country: 'SG',
        account: 'seller@acme.sg',
        accountPlatform: 'seller_center',
        sellers: [{ country: 'SG', sellerId: '1001', userId: '2001', shortCode: 'SG1001' }]
      })
    }
  })

  it('reads country_user_info_list (refresh) and any case of country codes, cb included', () => {
    const grant = parseTokenGrant(
      tokenBody({
        country: 'cb',
        country_user_info: undefined,
        country_user_info_list: [
          { country: 'sg', seller_id: 1, user_id: '11', short_code: 'SG1' },
          { country: 'My', seller_id: 2, user_id: '12', short_code: 'MY1' }
        ]
      }),
      AT
    )
    expect(grant.country).toBe('CB')
    expect(grant.sellers.map((s) => [s.country, s.sellerId])).toEqual([
      ['SG', '1'],
      ['MY', '2']
    ])
  })

  it('reads refresh_expires_in 0 as "cannot be refreshed"', () => {
    expect(parseTokenGrant(tokenBody({ refresh_expires_in: '0' }), AT).refreshExpiresAt).toBeNull()
  })

  it('takes the venture from the only seller when country is missing, and nulls unusable optional fields', () => {
    const grant = parseTokenGrant(tokenBody({ country: undefined, account: { odd: true }, account_platform: null }), AT)
    expect(grant.country).toBe('SG')
    expect(grant.account).toBeNull()
    expect(grant.accountPlatform).toBeNull()
  })

  it.each([
    ['no access_token', { access_token: undefined }, '"access_token"'],
    ['an empty refresh_token', { refresh_token: '' }, '"refresh_token"'],
    ['a non-numeric expires_in', { expires_in: 'soon' }, '"expires_in"'],
    ['a negative expires_in', { expires_in: '-5' }, '"expires_in"'],
    ['no refresh_expires_in', { refresh_expires_in: undefined }, '"refresh_expires_in"'],
    ['an unknown country', { country: 'kr' }, '"country"'],
    ['no country and several sellers', { country: undefined, country_user_info: [{ country: 'SG' }, { country: 'MY' }] }, '"country"']
  ])('finds %s malformed', (_, overrides, field) => {
    expect(() => parseTokenGrant(tokenBody(overrides), AT)).toThrow(MalformedAnswer)
    expect(() => parseTokenGrant(tokenBody(overrides), AT)).toThrow(field)
  })
})

describe('Service Market and seller answers', () => {
  it('reads subscriptions with numbers and booleans as strings or not', () => {
    const rows = parseSubscriptions({
      code: '0',
      result: {
        success: 'true',
        data: [
          { status: '1', end_time: '1669197617401', autosub: 'false', item_code: 'FW-1', item_name: 'Half year', article_code: 'FW' },
          { status: 2, end_time: 1669197617401, autosub: true }
        ]
      }
    })
    expect(rows).toEqual([
      { status: 'valid', endAt: 1669197617401, autoRenew: false, itemCode: 'FW-1', itemName: 'Half year', articleCode: 'FW' },
      { status: 'expired', endAt: 1669197617401, autoRenew: true, itemCode: null, itemName: null, articleCode: null }
    ])
  })

  it('reads no data as no subscription', () => {
    expect(parseSubscriptions({ result: { success: true } })).toEqual([])
    expect(parseSubscriptions({ result: { success: 'true', data: null } })).toEqual([])
  })

  it.each([
    ['an unknown status', { status: '3', end_time: '1' }],
    ['a non-numeric end_time', { status: '1', end_time: 'tomorrow' }]
  ])('finds a subscription with %s malformed', (_, row) => {
    expect(() => parseSubscriptions({ result: { success: 'true', data: [row] } })).toThrow(MalformedAnswer)
  })

  it('reports result.success false as Lazada’s refusal', () => {
    expect(() => parseSubscriptions({ result: { success: 'false' } })).toThrow(UnsuccessfulResult)
    const refusal = (() => {
      try {
        parseOrders({ result: { success: false, resultCode: 'ARTICLE_NOT_FOUND', remark: 'article not found' } })
      } catch (error) {
        return error as UnsuccessfulResult
      }
    })()
    expect(refusal).toMatchObject({ code: 'ARTICLE_NOT_FOUND', lazadaMessage: 'article not found' })
  })

  it('reads orders', () => {
    const orders = parseOrders({
      result: {
        success: 'true',
        data: { totalItem: '1', articleBizOrders: [{ orderId: 77, itemCode: 'FW-1', itemName: 'Half year', orderCycleStart: '1000', orderCycleEnd: 2000, create: '900' }] }
      }
    })
    expect(orders).toEqual([{ orderId: '77', itemCode: 'FW-1', itemName: 'Half year', cycleStartAt: 1000, cycleEndAt: 2000, createdAt: 900 }])
  })

  it('reads the seller, cb as a string or a boolean', () => {
    expect(parseSeller({ data: { seller_id: 1001, short_code: 'SG1001', name: 'Acme', email: 'a@acme.sg', status: 'ACTIVE', cb: 'true' } })).toEqual({
      sellerId: '1001',
      shortCode: 'SG1001',
      name: 'Acme',
      email: 'a@acme.sg',
      status: 'ACTIVE',
      crossBorder: true
    })
    expect(parseSeller({ data: { cb: false } }).crossBorder).toBe(false)
    expect(() => parseSeller({ code: '0' })).toThrow(MalformedAnswer)
  })
})

describe('the envelope', () => {
  it('succeeds only on code "0", a string', () => {
    expect(readEnvelope('{"code":"0","request_id":"r1"}')).toMatchObject({ code: '0', requestId: 'r1' })
    expect(readEnvelope('{"code":"IllegalAccessToken","message":"m"}')).toMatchObject({ code: 'IllegalAccessToken', message: 'm' })
    expect(() => readEnvelope('{"code":0}')).toThrow('no "code"')
    expect(() => readEnvelope('{"data":{}}')).toThrow('no "code"')
    expect(() => readEnvelope('[1]')).toThrow('not a JSON object')
    expect(() => readEnvelope('<html>')).toThrow('not JSON')
  })
})

describe('parsing over HTTP', () => {
  let mock: MockGateway
  beforeEach(async () => {
    mock = await startMockGateway()
    mock.addSeller({ country: 'SG', shortCode: 'SG1001', sellerId: '1001' })
    mock.addSeller({ country: 'MY', shortCode: 'MY1001', crossBorder: true })
    mock.addSeller({ country: 'TH', shortCode: 'TH1001', crossBorder: true })
  })
  afterEach(() => mock.close())

  it.each([true, false])('reads the mock’s token answers (numbers as strings: %s), create and refresh', async (numbersAsStrings) => {
    await mock.close()
    mock = await startMockGateway({ numbersAsStrings })
    mock.addSeller({ country: 'SG', shortCode: 'SG1001', sellerId: '1001' })
    const client = clientFor(mock)
    const before = mock.now()
    const grant = await client.createToken(mock.issueCode('SG1001'))
    const after = mock.now()
    expect(grant).toMatchObject({ country: 'SG', accountPlatform: 'seller_center', sellers: [{ country: 'SG', sellerId: '1001', shortCode: 'SG1001' }] })
    expect(grant.accessExpiresAt).toBeGreaterThanOrEqual(before + 30 * DAY_S * 1000 - 1000)
    expect(grant.accessExpiresAt).toBeLessThanOrEqual(after + 30 * DAY_S * 1000 + 1000)
    const refreshed = await client.refreshToken(grant.refreshToken)
    expect(refreshed.sellers).toEqual(grant.sellers)
    expect(refreshed.accessToken).not.toBe(grant.accessToken)
    // The refresh token's deadline stays where the authorization put it.
    expect(Math.abs(refreshed.refreshExpiresAt! - grant.refreshExpiresAt!)).toBeLessThanOrEqual(1000)
  })

  it('reads a cross-border grant as CB with one seller per venture', async () => {
    const grant = await clientFor(mock).createToken(mock.issueCode(['MY1001', 'TH1001']))
    expect(grant.country).toBe('CB')
    expect(grant.sellers.map((s) => s.country)).toEqual(['MY', 'TH'])
  })

  it('reads refresh_expires_in 0 from the mock as null', async () => {
    const grant = await clientFor(mock).createToken(mock.issueCode('SG1001', { refreshTtlS: 0 }))
    expect(grant.refreshExpiresAt).toBeNull()
  })

  it('reads the seller and subscriptions', async () => {
    const { accessToken } = mock.grantTokens('SG1001')
    mock.setSubscriptions('SG', 'SG1001', [{ status: 2, endTime: 1_700_000_000_000, autoRenew: true }])
    const client = clientFor(mock)
    expect(await client.seller('SG', accessToken)).toMatchObject({ sellerId: '1001', shortCode: 'SG1001', status: 'ACTIVE', crossBorder: false })
    expect(await client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })).toEqual([
      { status: 'expired', endAt: 1_700_000_000_000, autoRenew: true, itemCode: `${mock.articleCode}-1`, itemName: 'Half year', articleCode: mock.articleCode }
    ])
    expect(await client.subscriptions('SG', { articleCode: 'FW_GOODS-OTHER', shortCode: 'SG1001' })).toEqual([])
  })

  it('reads orders, page by page', async () => {
    for (let i = 1; i <= 3; i++) mock.addOrder('SG', { shortCode: 'SG1001', orderId: `O${i}`, cycleStart: i * 1000, cycleEnd: i * 2000, created: i * 900 })
    const client = clientFor(mock)
    const page2 = await client.orders('SG', { articleCode: mock.articleCode, shortCode: 'SG1001', pageNo: 2, pageSize: 2 })
    expect(page2).toEqual([{ orderId: 'O3', itemCode: `${mock.articleCode}-1`, itemName: 'Half year', cycleStartAt: 3000, cycleEndAt: 6000, createdAt: 2700 }])
  })

  it('calls an answer without tokens or with a negative lifetime malformed, naming the field and not the value', async () => {
    const client = clientFor(mock)
    mock.inject('/auth/token/refresh', { kind: 'answer', body: tokenBody({ access_token: undefined }) })
    const missing = await rejection(client.refreshToken('r'))
    expect(missing.kind).toBe('malformed')
    expect(missing.message).toContain('missing or invalid "access_token"')
    mock.inject('/auth/token/refresh', { kind: 'answer', body: tokenBody({ expires_in: '-60' }) })
    const negative = await rejection(client.refreshToken('r'))
    expect(negative.kind).toBe('malformed')
    expect(negative.message).toContain('"expires_in"')
    expect(negative.message).not.toContain('-60')
  })
})
