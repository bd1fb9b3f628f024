/** Signing exactly as lazada-open-platform.md §7: both published vectors, byte order, raw values, no `sign` in the signed text. */
import { describe, expect, it } from 'vitest'
import { byteOrder, signRequest, signingBase } from '../../../electron/core/lazada/signing'
import { gatewaySign } from '../../support/mock-lazada/gateway'

const VECTOR_1 = {
  path: '/order/get',
  params: { access_token: 'test', app_key: '123456', order_id: '1234', sign_method: 'sha256', timestamp: '1517820392000' },
  secret: 'helloworld',
  base: '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
  sign: '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A'
}
const VECTOR_2 = {
  path: '/test/api',
  params: { foo: '1', bar: '2', foo_bar: '3', foobar: '4' },
  secret: '1234',
  base: '/test/apibar2foo1foo_bar3foobar4',
  sign: '988085883BF9D32D251478D23122C7ECC91518CDF63BA22F792000A378F52409'
}

describe('request signing', () => {
  it.each([
    ['vector 1 (DOC-108069)', VECTOR_1],
    ['vector 2 (branch8 snapshot)', VECTOR_2]
  ])('reproduces published %s', (_, vector) => {
    expect(signingBase(vector.path, vector.params)).toBe(vector.base)
    expect(signRequest(vector.path, vector.params, vector.secret)).toBe(vector.sign)
  })

  it('the mock gateway’s own implementation reproduces both vectors too', () => {
    expect(gatewaySign(VECTOR_1.path, VECTOR_1.params, VECTOR_1.secret)).toBe(VECTOR_1.sign)
    expect(gatewaySign(VECTOR_2.path, VECTOR_2.params, VECTOR_2.secret)).toBe(VECTOR_2.sign)
  })

  it('sorts keys by byte order: endCreated before end_time, where localeCompare says the reverse', () => {
    const keys = ['end_time', 'endCreated', 'articleCode', 'app_key']
    expect([...keys].sort(byteOrder)).toEqual(['app_key', 'articleCode', 'endCreated', 'end_time'])
    expect([...keys].sort((a, b) => a.localeCompare(b))).toEqual(['app_key', 'articleCode', 'end_time', 'endCreated'])
    expect(signingBase('/x', { end_time: '2', endCreated: '1' })).toBe('/xendCreated1end_time2')
  })

  it('signs raw values (no URL encoding, no number coercion) and leaves `sign` out', () => {
    const params = { shortCode: 'A B&c=d/é+', pageNo: '01', sign: 'ANYTHING' }
    expect(signingBase('/service/market/order/query', params)).toBe('/service/market/order/querypageNo01shortCodeA B&c=d/é+')
    expect(signRequest('/p', params, 's')).toBe(signRequest('/p', { shortCode: 'A B&c=d/é+', pageNo: '01' }, 's'))
  })

  it('gives 64 uppercase hex characters and depends on the secret and the path', () => {
    const sign = signRequest('/seller/get', { a: '1' }, 'secret')
    expect(sign).toMatch(/^[0-9A-F]{64}$/)
    expect(signRequest('/seller/get', { a: '1' }, 'other')).not.toBe(sign)
    expect(signRequest('/rest/seller/get', { a: '1' }, 'secret')).not.toBe(sign)
  })
})
