/** The integrator profile: the guide's defaults, validation with clear messages, "what is missing", and how settings keep it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { settings as settingsTable } from '../../../electron/core/db/schema'
import { DEFAULT_INTEGRATOR_PROFILE, authorizeBlocker, integratorProfileSchema, missingSetup } from '../../../electron/shared/integrator'
import type { IntegratorProfileInput } from '../../../electron/shared/integrator'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import { DEFAULT_STATUS_POLICY } from '../../../electron/shared/status'
import { createTestCore } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { call, refusal } from './support'

const messageOf = (profile: Partial<IntegratorProfileInput>) => {
  const parsed = integratorProfileSchema.safeParse({ ...DEFAULT_INTEGRATOR_PROFILE, ...profile })
  return parsed.success ? null : parsed.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('the integrator profile', () => {
  it('defaults to the guide: Anchanto OM, Anchanto OMS, help@anchanto.com, the six countries, nothing the guide does not print', () => {
    expect(DEFAULT_INTEGRATOR_PROFILE).toEqual({
      appName: 'Anchanto OM',
      omsName: 'Anchanto OMS',
      supportContact: 'help@anchanto.com',
      appKey: '',
      callbackUrl: '',
      articleCode: '',
      serviceMarketLinks: { SG: '', MY: '', TH: '', PH: '', VN: '', ID: '' },
      publishedCountries: ['SG', 'MY', 'TH', 'PH', 'VN', 'ID']
    })
    expect(DEFAULT_SETTINGS.integrator).toBe(DEFAULT_INTEGRATOR_PROFILE)
    expect(integratorProfileSchema.parse(DEFAULT_INTEGRATOR_PROFILE)).toEqual(DEFAULT_INTEGRATOR_PROFILE)
  })

  it('accepts a filled-in profile, trimmed, with published countries in the usual order', () => {
    const parsed = integratorProfileSchema.parse({
      ...DEFAULT_INTEGRATOR_PROFILE,
      appKey: ' 100132 ',
      callbackUrl: 'https://oms.example.com/lazada/callback',
      articleCode: 'FW_GOODS-1000000281',
      serviceMarketLinks: { SG: 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1000000281&itemCode=FW_GOODS-1000000281-1' },
      publishedCountries: ['VN', 'SG', 'VN']
    })
    expect(parsed).toMatchObject({ appKey: '100132', publishedCountries: ['SG', 'VN'], serviceMarketLinks: { MY: '' } })
  })

  it.each<[string, Partial<IntegratorProfileInput>, [string, string][]]>([
    ['a blank app name', { appName: '  ' }, [['appName', 'App name is required']]],
    ['a blank OMS name', { omsName: '' }, [['omsName', 'OMS name is required']]],
    ['a blank support contact', { supportContact: '' }, [['supportContact', 'Support contact is required']]],
    ['an app key with symbols', { appKey: '100 132' }, [['appKey', 'The app key is letters and digits only, as the App Console shows it']]],
    ['an http callback', { callbackUrl: 'http://oms.example.com/cb' }, [['callbackUrl', 'Use an https:// address (plain http:// only for a test server on 127.0.0.1)']]],
    ['a callback that is not a URL', { callbackUrl: 'oms.example.com/cb' }, [['callbackUrl', 'Not a web address: paste the whole link, starting with https://']]],
    ['a callback with credentials', { callbackUrl: 'https://user:pw@oms.example.com/cb' }, [['callbackUrl', 'Leave the user name and password out of the address']]],
    ['a callback with a fragment', { callbackUrl: 'https://oms.example.com/cb#x' }, [['callbackUrl', 'Leave the #… part out of the address']]],
    ['a callback host with a trailing dot', { callbackUrl: 'https://oms.example.com./cb' }, [['callbackUrl', 'Remove the dot at the end of the host name']]],
    ['a javascript: callback', { callbackUrl: 'javascript:alert(1)' }, [['callbackUrl', 'Use an https:// address (plain http:// only for a test server on 127.0.0.1)']]],
    [
      'a Service Market link on another country’s site',
      { serviceMarketLinks: { ...DEFAULT_INTEGRATOR_PROFILE.serviceMarketLinks, SG: 'https://marketplace.lazada.com.my/web/detail.html' } },
      [['serviceMarketLinks.SG', 'Use the https link of the app on Lazada’s Singapore Service Market (marketplace.lazada.sg)']]
    ],
    [
      'a look-alike Service Market host',
      { serviceMarketLinks: { ...DEFAULT_INTEGRATOR_PROFILE.serviceMarketLinks, VN: 'https://marketplace.lazada.vn.evil.test/x' } },
      [['serviceMarketLinks.VN', 'Use the https link of the app on Lazada’s Vietnam Service Market (marketplace.lazada.vn)']]
    ],
    [
      'an http Service Market link',
      { serviceMarketLinks: { ...DEFAULT_INTEGRATOR_PROFILE.serviceMarketLinks, TH: 'http://marketplace.lazada.co.th/x' } },
      [['serviceMarketLinks.TH', 'Use an https:// address (plain http:// only for a test server on 127.0.0.1)']]
    ],
    ['South Korea as a published country', { publishedCountries: ['SG', 'KR'] as never }, [['publishedCountries.1', 'Use the covered countries: SG, MY, TH, PH, VN, ID']]]
  ])('refuses %s with a clear message', (_, profile, issues) => {
    expect(messageOf(profile)).toEqual(issues)
  })

  it('accepts a plain http callback on the loopback address, for the mock integrator page', () => {
    expect(messageOf({ callbackUrl: 'http://127.0.0.1:4100/callback' })).toBeNull()
  })

  const HOSTS_MESSAGE = 'Lazada’s hosts are not a setting: Storewatch uses Lazada’s own. For a proxy or a test server, start Storewatch with --lazada-hosts=… (see the README)'
  it.each<[string, Record<string, unknown>]>([
    ['a look-alike authorization page', { authorizeBaseUrl: 'https://auth.lazada.com.evil.test/oauth/authorize' }],
    ['a test server’s authorization page', { authorizeBaseUrl: 'http://127.0.0.1:4100/oauth/authorize' }],
    ['even Lazada’s own authorization page', { authorizeBaseUrl: 'https://auth.lazada.com/oauth/authorize' }],
    ['another token host', { apiHosts: { auth: 'https://lazada-proxy.example.com/rest' } }],
    ['another gateway', { apiHosts: { gateways: { SG: 'https://api.lazada.sg.evil.test/rest' } } }],
    ['an empty host list', { apiHosts: {} }]
  ])('refuses %s: hosts are a start-up option, never a setting', (_, hosts) => {
    expect(messageOf(hosts as Partial<IntegratorProfileInput>)).toEqual([['', HOSTS_MESSAGE]])
  })
})

describe('what is missing for a use', () => {
  const ready = { ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132', callbackUrl: 'https://oms.example.com/cb', articleCode: 'FW_GOODS-1' }

  it('names the app key and the registered callback for the authorization page', () => {
    expect(missingSetup(DEFAULT_INTEGRATOR_PROFILE, 'authorize')).toEqual({
      use: 'authorize',
      fields: ['appKey', 'callbackUrl'],
      message: 'To open Lazada’s authorization page, set the app key and the registered callback URL in Settings → Integrator.'
    })
    expect(missingSetup({ ...DEFAULT_INTEGRATOR_PROFILE, appKey: '1' }, 'authorize')?.message).toBe(
      'To open Lazada’s authorization page, set the registered callback URL in Settings → Integrator.'
    )
    expect(missingSetup(ready, 'authorize')).toBeNull()
  })

  it('names the country’s link for checklists and client messages, and the key and article code for subscription queries', () => {
    expect(missingSetup(ready, 'checklist', 'PH')?.message).toBe('To give the seller the Service Market link, set the free subscription link for Philippines in Settings → Integrator.')
    expect(missingSetup(ready, 'client-message', 'ID')?.message).toBe('To send the client the Service Market link, set the free subscription link for Indonesia in Settings → Integrator.')
    expect(missingSetup(ready, 'checklist', 'KR')).toBeNull()
    expect(missingSetup(DEFAULT_INTEGRATOR_PROFILE, 'subscription-query')?.message).toBe(
      'To ask Lazada for subscriptions, set the app key and the Service Market article code in Settings → Integrator.'
    )
  })

  it('says why a store cannot be authorized at all', () => {
    expect(authorizeBlocker(ready, DEFAULT_STATUS_POLICY, 'SG')).toBeNull()
    expect(authorizeBlocker(ready, DEFAULT_STATUS_POLICY, 'KR')?.message).toBe('South Korea is outside Lazada’s Service Market rule: there is nothing to authorize through Anchanto OM.')
    expect(authorizeBlocker({ ...ready, publishedCountries: ['SG'] }, DEFAULT_STATUS_POLICY, 'MY')?.message).toContain('not published on Malaysia’s')
    expect(authorizeBlocker(DEFAULT_INTEGRATOR_PROFILE, DEFAULT_STATUS_POLICY, 'SG')).toMatchObject({ missing: { fields: ['appKey', 'callbackUrl'] } })
  })
})

describe('the integrator section of the settings', () => {
  let database: TestDatabase
  beforeEach(() => {
    database = openTestDatabase()
  })
  afterEach(() => database.close())

  it('reads as the default, saves, and survives a save that leaves it out', async () => {
    const core = createTestCore(database)
    expect((await call(core, 'settings:get', undefined)).integrator).toEqual(DEFAULT_INTEGRATOR_PROFILE)
    const integrator = { ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132', callbackUrl: 'https://oms.example.com/cb' }
    const saved = await call(core, 'settings:save', { ...DEFAULT_SETTINGS, integrator })
    expect(saved.integrator).toMatchObject({ appKey: '100132' })

    const { policy, schedule, reminders } = DEFAULT_SETTINGS
    const again = await call(core, 'settings:save', { policy, schedule: { ...schedule, checkIntervalMinutes: 30 }, reminders })
    expect(again).toMatchObject({ schedule: { checkIntervalMinutes: 30 }, integrator: { appKey: '100132', callbackUrl: 'https://oms.example.com/cb' } })
    // A fresh core reads it back from the database.
    expect(createTestCore(database).settings.get().integrator).toMatchObject({ appKey: '100132' })
  })

  it('answers a bad profile with the field and its message, and saves nothing', async () => {
    const core = createTestCore(database)
    const error = await refusal(core, 'settings:save', { ...DEFAULT_SETTINGS, integrator: { ...DEFAULT_INTEGRATOR_PROFILE, callbackUrl: 'http://oms.example.com/cb' } })
    expect(error).toMatchObject({
      code: 'invalid-input',
      fields: [{ field: 'integrator.callbackUrl', message: 'Use an https:// address (plain http:// only for a test server on 127.0.0.1)' }]
    })
    expect(core.settings.get().integrator.callbackUrl).toBe('')
  })

  it('reads a stored profile this version cannot accept as the default, keeping the other sections', () => {
    database.db.insert(settingsTable).values({ key: 'integrator', value: { appName: '' } }).run()
    database.db.insert(settingsTable).values({ key: 'schedule', value: { checkIntervalMinutes: 15 } }).run()
    const core = createTestCore(database)
    expect(core.settings.get()).toMatchObject({ integrator: DEFAULT_INTEGRATOR_PROFILE, schedule: { checkIntervalMinutes: 15 } })
  })
})
