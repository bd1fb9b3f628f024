/**
 * Lazada's hosts: only the `--lazada-hosts` start-up option (or STOREWATCH_LAZADA_HOSTS) replaces
 * them — never the settings. The option's value and file, hostile and awkward; what the core then
 * uses and tells the renderer; profiles an earlier version saved with hosts of their own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { settings as settingsTable } from '../../../electron/core/db/schema'
import { LAZADA_OWN_HOSTS, hostsInUse, lazadaHostsView } from '../../../electron/core/lazada-hosts/hosts-in-use'
import { withoutSavedHosts } from '../../../electron/core/lazada-hosts/saved-hosts'
import { readLazadaHostsOption } from '../../../electron/core/lazada-hosts/start-up-option'
import type { StartUpOptionSource } from '../../../electron/core/lazada-hosts/start-up-option'
import { DEFAULT_INTEGRATOR_PROFILE } from '../../../electron/shared/integrator'
import { LAZADA_AUTHORIZE_URL, LAZADA_AUTH_HOST, LAZADA_GATEWAYS } from '../../../electron/shared/lazada-hosts'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import { storeInput } from '../../support/store-input'
import { createTestCore, lazadaHostsFlag } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { call, refusal, setIntegrator } from '../checklists/support'

const CWD = '/home/kam'
const source = (argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}): StartUpOptionSource => ({
  argv: ['electron', '.', ...argv],
  env,
  cwd: CWD,
  readFile: (file) => {
    if (file in files) return files[file]!
    throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' })
  }
})

const PROXY = { authorize: 'https://lazada-proxy.example.com/oauth/authorize', auth: 'https://lazada-proxy.example.com/auth/rest', gateways: { SG: 'https://lazada-proxy.example.com/sg/rest' } }

describe('the start-up option', () => {
  it('is absent unless given: Lazada’s own hosts', () => {
    expect(readLazadaHostsOption(source([]))).toEqual({ kind: 'none' })
    expect(readLazadaHostsOption(source(['--data-dir=/tmp/x'], { STOREWATCH_DATA_DIR: '/tmp/y' }))).toEqual({ kind: 'none' })
    expect(hostsInUse({ kind: 'none' })).toEqual({ authorize: LAZADA_AUTHORIZE_URL, auth: LAZADA_AUTH_HOST, gateways: LAZADA_GATEWAYS })
  })

  it('takes JSON on the command line, the last flag winning over the environment', () => {
    const option = readLazadaHostsOption(source([`--lazada-hosts={"auth":"https://a.example/rest"}`, `--lazada-hosts=${JSON.stringify(PROXY)}`], { STOREWATCH_LAZADA_HOSTS: '{"auth":"https://env.example/rest"}' }))
    expect(option).toEqual({ kind: 'override', source: 'flag', hosts: PROXY })
    expect(hostsInUse(option)).toEqual({
      authorize: PROXY.authorize,
      auth: PROXY.auth,
      gateways: { ...LAZADA_GATEWAYS, SG: PROXY.gateways.SG }
    })
  })

  it('takes the environment variable, and a file named by either (relative to the working folder)', () => {
    const files = { [path.resolve(CWD, 'hosts.json')]: JSON.stringify({ gateways: { TH: 'http://127.0.0.1:4200/th/rest' } }) }
    expect(readLazadaHostsOption(source([], { STOREWATCH_LAZADA_HOSTS: 'hosts.json' }, files))).toEqual({
      kind: 'override',
      source: 'environment',
      hosts: { gateways: { TH: 'http://127.0.0.1:4200/th/rest' } }
    })
    expect(readLazadaHostsOption(source(['--lazada-hosts=./hosts.json'], {}, files))).toMatchObject({ kind: 'override', source: 'flag' })
  })

  it.each<[string, string, string]>([
    ['an empty value', '', '--lazada-hosts is empty: give a JSON object or the path of a file holding one.'],
    ['a missing file', 'nowhere.json', `--lazada-hosts (the file ${path.resolve(CWD, 'nowhere.json')}) could not be read: ENOENT.`],
    ['broken JSON', '{"auth": ', '--lazada-hosts is not valid JSON.'],
    ['an array', '[]', '--lazada-hosts must be an object.'],
    ['no host at all', '{}', '--lazada-hosts names no host: give "authorize", "auth" or "gateways".'],
    ['only an empty gateway list', '{"gateways":{}}', '--lazada-hosts names no host: give "authorize", "auth" or "gateways".'],
    ['an unknown key', '{"apiHosts":{"auth":"https://a.example/rest"}}', '--lazada-hosts has an unknown key "apiHosts" (use "authorize", "auth" and "gateways" with SG, MY, TH, PH, VN, ID).'],
    ['a country outside the rule', '{"gateways":{"KR":"https://a.example/rest"}}', '--lazada-hosts has an unknown key "KR" (use "authorize", "auth" and "gateways" with SG, MY, TH, PH, VN, ID).'],
    ['a number for a host', '{"auth":42}', '--lazada-hosts "auth" must be a string.'],
    ['not a URL', '{"auth":"lazada-proxy"}', '--lazada-hosts "auth" is not a web address.'],
    ['plain http off the loopback', '{"authorize":"http://lazada-proxy.example.com/oauth/authorize"}', '--lazada-hosts "authorize" must be https:// (plain http:// only on 127.0.0.1 or localhost).'],
    ['a javascript: page', '{"authorize":"javascript:alert(1)"}', '--lazada-hosts "authorize" must be https:// (plain http:// only on 127.0.0.1 or localhost).'],
    ['a user name in the host', '{"auth":"https://user:pw@proxy.example/rest"}', '--lazada-hosts "auth" must not carry a user name or password.'],
    ['a query', '{"gateways":{"SG":"https://proxy.example/rest?x=1"}}', '--lazada-hosts "gateways.SG" must not carry a ?… part.'],
    ['a fragment', '{"auth":"https://proxy.example/rest#x"}', '--lazada-hosts "auth" must not carry a #… part.'],
    ['a trailing dot', '{"auth":"https://auth.lazada.com./rest"}', '--lazada-hosts "auth" must not end its host name with a dot.']
  ])('refuses %s, saying why (Lazada’s own hosts are used)', (_, value, problem) => {
    const option = readLazadaHostsOption(source([`--lazada-hosts=${value}`]))
    expect(option).toEqual({ kind: 'invalid', source: 'flag', problem })
    expect(hostsInUse(option)).toEqual(LAZADA_OWN_HOSTS)
  })

  it('names the environment variable when the problem came from there', () => {
    expect(readLazadaHostsOption(source([], { STOREWATCH_LAZADA_HOSTS: '{}' }))).toMatchObject({ kind: 'invalid', source: 'environment', problem: expect.stringMatching(/^STOREWATCH_LAZADA_HOSTS names no host/) })
  })

  it('reads a real file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-hosts-'))
    try {
      fs.writeFileSync(path.join(dir, 'hosts.json'), JSON.stringify(PROXY))
      const option = readLazadaHostsOption({ argv: [`--lazada-hosts=${path.join(dir, 'hosts.json')}`], env: {}, cwd: '/', readFile: (file) => fs.readFileSync(file, 'utf8') })
      expect(option).toMatchObject({ kind: 'override', hosts: PROXY })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('what the renderer is told', () => {
  it('the hosts in use and the distinct origins that replace Lazada’s', () => {
    const view = lazadaHostsView(lazadaHostsFlag({ authorize: 'http://127.0.0.1:4100/oauth/authorize', auth: 'http://127.0.0.1:4200/rest', gateways: { SG: 'http://127.0.0.1:4200/sg/rest' } }), [])
    expect(view).toEqual({
      inUse: { authorize: 'http://127.0.0.1:4100/oauth/authorize', auth: 'http://127.0.0.1:4200/rest', gateways: { ...LAZADA_GATEWAYS, SG: 'http://127.0.0.1:4200/sg/rest' } },
      override: { source: 'flag', origins: ['http://127.0.0.1:4100', 'http://127.0.0.1:4200'] },
      overrideProblem: null,
      ignoredSaved: []
    })
  })

  it('why an option was ignored, and saved hosts that are ignored', () => {
    expect(lazadaHostsView({ kind: 'invalid', source: 'flag', problem: '--lazada-hosts is not valid JSON.' }, ['https://evil.test/rest'])).toEqual({
      inUse: LAZADA_OWN_HOSTS,
      override: null,
      overrideProblem: '--lazada-hosts is not valid JSON.',
      ignoredSaved: ['https://evil.test/rest']
    })
  })
})

describe('hosts saved by an earlier version', () => {
  it.each<[string, unknown, string[]]>([
    ['a look-alike authorization page and a proxy gateway', { authorizeBaseUrl: 'https://auth.lazada.com.evil.test/oauth/authorize', apiHosts: { gateways: { SG: 'https://proxy.example/sg/rest' } } }, ['https://auth.lazada.com.evil.test/oauth/authorize', 'https://proxy.example/sg/rest']],
    ['Lazada’s own hosts, written out', { authorizeBaseUrl: LAZADA_AUTHORIZE_URL, apiHosts: { auth: `${LAZADA_AUTH_HOST}/`, gateways: { MY: LAZADA_GATEWAYS.MY } } }, []],
    ['one host twice', { apiHosts: { auth: 'https://p.example/rest', gateways: { SG: 'https://p.example/rest' } } }, ['https://p.example/rest']],
    ['junk where hosts were', { apiHosts: 'x', authorizeBaseUrl: 42 }, ['x']],
    ['empty values', { apiHosts: {}, authorizeBaseUrl: '' }, []]
  ])('are left out of the profile: %s', (_, hosts, ignored) => {
    const stored = { ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132', ...(hosts as object) }
    expect(withoutSavedHosts(stored)).toEqual({ profile: { ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132' }, ignored })
  })

  it('leave anything else as it was', () => {
    expect(withoutSavedHosts(null)).toEqual({ profile: null, ignored: [] })
    expect(withoutSavedHosts(['x'])).toEqual({ profile: ['x'], ignored: [] })
    expect(withoutSavedHosts(DEFAULT_INTEGRATOR_PROFILE)).toEqual({ profile: DEFAULT_INTEGRATOR_PROFILE, ignored: [] })
  })
})

describe('in the app core', () => {
  let database: TestDatabase
  beforeEach(() => {
    database = openTestDatabase()
  })
  afterEach(() => database.close())

  const SAVED = { ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132', callbackUrl: 'https://oms.example.com/lazada/callback', articleCode: 'FW_GOODS-1' }

  it('settings:save refuses hosts of any kind, and saves nothing', async () => {
    const core = createTestCore(database)
    await setIntegrator(core, { appKey: '100132' })
    for (const hosts of [{ authorizeBaseUrl: 'https://auth.lazada.com.evil.test/oauth/authorize' }, { apiHosts: { auth: 'https://evil.test/rest' } }]) {
      const error = await refusal(core, 'settings:save', { ...DEFAULT_SETTINGS, integrator: { ...SAVED, ...hosts } } as never)
      expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Lazada’s hosts are not a setting') })
    }
    expect(core.settings.get().integrator).toEqual({ ...DEFAULT_INTEGRATOR_PROFILE, appKey: '100132' })
  })

  it('a stored profile with hosts of its own keeps its app key and callback, ignores the hosts with a notice, and a save drops them', async () => {
    database.db
      .insert(settingsTable)
      .values({ key: 'integrator', value: { ...SAVED, authorizeBaseUrl: 'https://auth.lazada.com.evil.test/oauth/authorize', apiHosts: { auth: 'https://evil.test/rest' } } })
      .run()
    const core = createTestCore(database)
    expect(core.settings.get().integrator).toEqual(SAVED)
    expect(await call(core, 'lazada:hosts', undefined)).toMatchObject({
      inUse: LAZADA_OWN_HOSTS,
      override: null,
      ignoredSaved: ['https://auth.lazada.com.evil.test/oauth/authorize', 'https://evil.test/rest']
    })
    // The link for the seller goes to Lazada's page, not the saved one.
    const store = core.stores.create(storeInput({ sellerShortCode: 'SG10000001' })).id
    const link = await call(core, 'authorizations:create-link', { storeId: store })
    expect(link.status === 'created' && new URL(link.url).origin).toBe('https://auth.lazada.com')

    await call(core, 'settings:save', { ...core.settings.get() })
    expect((await call(core, 'lazada:hosts', undefined)).ignoredSaved).toEqual([])
    const row = database.sqlite.prepare("SELECT value FROM settings WHERE key = 'integrator'").get() as { value: string }
    expect(JSON.parse(row.value)).not.toHaveProperty('apiHosts')
    expect(JSON.parse(row.value)).not.toHaveProperty('authorizeBaseUrl')
    expect(createTestCore(database).settings.ignoredHosts()).toEqual([])
  })

  it('the start-up option’s authorization page is where the link goes, and the view says so', async () => {
    const core = createTestCore(database, { lazadaHosts: lazadaHostsFlag({ authorize: 'http://127.0.0.1:4100/oauth/authorize' }) })
    await setIntegrator(core, SAVED)
    const store = core.stores.create(storeInput({ sellerShortCode: 'SG10000001' })).id
    const link = await call(core, 'authorizations:create-link', { storeId: store })
    expect(link.status === 'created' && `${new URL(link.url).origin}${new URL(link.url).pathname}`).toBe('http://127.0.0.1:4100/oauth/authorize')
    expect(await call(core, 'lazada:hosts', undefined)).toMatchObject({ override: { source: 'flag', origins: ['http://127.0.0.1:4100'] }, ignoredSaved: [] })
  })
})
