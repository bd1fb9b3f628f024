import { describe, expect, it } from 'vitest'
import { redactText, redactValue, urlForLog } from '../../../electron/core/security/redact'

const TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg'
const AUTH_CODE = '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91'

describe('redactText', () => {
  it('cuts query strings and fragments off URLs', () => {
    expect(redactText(`redirected to https://oms.example/callback?code=${AUTH_CODE}&state=s1 then`)).toBe(
      'redirected to https://oms.example/callback?[redacted] then'
    )
    expect(redactText('app://storewatch/index.html#token=abc')).toBe('app://storewatch/index.html?[redacted]')
  })

  it('redacts secret-named key=value pairs, JSON pairs and bearer tokens', () => {
    expect(redactText('body access_token=abc&refresh_token=def&code=xyz&state=s')).toBe(
      'body access_token=[redacted]&refresh_token=[redacted]&code=[redacted]&state=[redacted]'
    )
    expect(redactText('{"access_token":"abc","expires_in":3600,"code":"0"}')).toBe('{"access_token":"[redacted]","expires_in":3600,"code":"0"}')
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: [redacted]')
    expect(redactText('sent Bearer abc.def-ghi')).toBe('sent Bearer [redacted]')
  })

  it('redacts long letter-and-digit runs such as tokens and codes', () => {
    expect(redactText(`token is ${TOKEN}.`)).toBe('token is [redacted].')
    expect(redactText(`got ${AUTH_CODE}`)).toBe('got [redacted]')
  })

  it('leaves ordinary log text readable', () => {
    const lines = [
      'database backed up before migration /home/kam/.config/Storewatch/backups/storewatch-2026-11-27T02-00-00-000Z-before-migration.db',
      'IPC handler failed stores:export-csv invalid-input',
      'navigation blocked will-frame-navigate',
      'Basic settings saved'
    ]
    for (const line of lines) expect(redactText(line)).toBe(line)
  })
})

describe('redactValue', () => {
  it('redacts secret-named properties at any depth without touching the input', () => {
    const input = { store: 5, tokens: { accessToken: 'a', refresh_token: 'b' }, list: [{ password: 'p' }], code: 'not-found' }
    const snapshot = structuredClone(input)
    expect(redactValue(input)).toEqual({
      store: 5,
      tokens: { accessToken: '[redacted]', refresh_token: '[redacted]' },
      list: [{ password: '[redacted]' }],
      code: 'not-found'
    })
    expect(input).toEqual(snapshot)
  })

  it('redacts errors by message and stack, keeping their name', () => {
    const error = new TypeError(`fetch https://api.lazada.sg/rest?access_token=${TOKEN} failed`)
    const copy = redactValue(error) as Error
    expect(copy).toBeInstanceOf(Error)
    expect(copy.name).toBe('TypeError')
    expect(copy.message).toBe('fetch https://api.lazada.sg/rest?[redacted] failed')
    expect(copy.stack).not.toContain(TOKEN)
  })

  it('passes numbers, booleans and null through', () => {
    expect(redactValue(3)).toBe(3)
    expect(redactValue(false)).toBe(false)
    expect(redactValue(null)).toBeNull()
  })
})

describe('urlForLog', () => {
  it('keeps origin and path only', () => {
    expect(urlForLog('https://evil.example/page?code=123#x')).toBe('https://evil.example/page')
    expect(urlForLog('app://storewatch/index.html?x=1')).toBe('app://storewatch/index.html')
    expect(urlForLog(undefined)).toBe('(none)')
    expect(urlForLog('::')).toBe('(unparsable url)')
  })
})
