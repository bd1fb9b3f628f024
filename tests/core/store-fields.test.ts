import { describe, expect, it } from 'vitest'
import { normalizeCountry } from '../../electron/shared/countries'
import { validateStoreInput } from '../../electron/shared/store-fields'

const valid = { clientName: 'Acme', storeName: 'Acme Official', country: 'SG', sellerShortCode: 'SG1A2B3C' }

describe('store fields', () => {
  it.each([
    ['sg', 'SG'],
    [' Singapore ', 'SG'],
    ['viet nam', 'VN'],
    ['South Korea', 'KR'],
    ['kr', 'KR'],
    ['US', 'US'],
    ['XX', null],
    ['Singapur', null],
    ['', null]
  ])('reads the country %j as %j', (text, code) => {
    expect(normalizeCountry(text)).toBe(code)
  })

  it('accepts a minimal store and fills optional fields with null', () => {
    const result = validateStoreInput(valid)
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ country: 'SG', loginEmail: null, tags: [], contactChannel: null, notes: null })
    })
  })

  it('names each field that is wrong, in form order', () => {
    const result = validateStoreInput({
      clientName: ' ',
      storeName: 'x',
      country: 'Singapur',
      sellerShortCode: 'SG-12',
      contactEmail: 'not-an-email',
      contactPhone: 'call me',
      contactChannel: 'pigeon',
      sellerId: 'abc'
    })
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'clientName', message: 'Client is required' },
        { field: 'country', message: 'Unknown country "Singapur": use a two-letter code such as SG, MY, TH, PH, VN, ID' },
        { field: 'sellerShortCode', message: 'Letters and digits only, e.g. SG1A2B3C4D' },
        { field: 'sellerId', message: 'Digits only' },
        { field: 'contactEmail', message: 'Not a valid e-mail address' },
        { field: 'contactPhone', message: 'Digits, spaces and + ( ) - only, e.g. +65 6123 4567' },
        { field: 'contactChannel', message: 'Use one of: email, phone, whatsapp, line, zalo, viber, telegram, wechat, other' }
      ]
    })
  })

  it('needs a short code or a login e-mail to tell the store apart', () => {
    expect(validateStoreInput({ ...valid, sellerShortCode: '' })).toEqual({
      ok: false,
      problems: [{ field: 'sellerShortCode', message: 'Give the seller short code or the Seller Center login e-mail, so the store can be told apart' }]
    })
    expect(validateStoreInput({ ...valid, sellerShortCode: null, loginEmail: 'a@b.co' }).ok).toBe(true)
  })

  it('reads tags from a list or from text separated by | or commas', () => {
    const fromText = validateStoreInput({ ...valid, tags: 'VIP| Fashion ,vip' })
    expect(fromText.ok && fromText.value.tags).toEqual(['VIP', 'Fashion'])
  })

  it('refuses unknown fields and prototype keys', () => {
    const result = validateStoreInput(JSON.parse('{"clientName":"A","storeName":"B","country":"SG","sellerShortCode":"SG1234","__proto__":{"x":1}}'))
    expect(result).toEqual({ ok: false, problems: [{ field: null, message: 'Unknown fields: __proto__' }] })
  })
})
