/**
 * Migration 0004 keeps one published-countries setting, the integrator profile's: the status
 * policy's `notPublishedCountries` (written by the previous version, migrations 0000–0003) is merged
 * into it and removed. A country not published in either list stays not published.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { authorizeBlocker } from '../../electron/shared/integrator'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import { migrationsFolder } from '../support/migrations-fixture'
import { storeInput } from '../support/store-input'
import { createTestCore } from '../support/test-core'
import { makeTempDir, openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

const SIX = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID']

/** The status policy as the previous version saved it, with its own list of unpublished countries. */
function previousPolicy(notPublishedCountries: string[]) {
  return { coveredCountries: SIX, notPublishedCountries, releaseDate: '2024-02-15', graceDays: 20, reminderWindowDays: 10 }
}

/** An integrator profile as the previous version saved it. */
function previousProfile(publishedCountries: string[] | undefined) {
  return {
    appName: 'Acme OM',
    omsName: 'Acme OMS',
    supportContact: 'care@acme.example',
    appKey: '100132',
    callbackUrl: 'https://oms.acme.example/lazada/callback',
    articleCode: 'FW_GOODS-1000000281',
    serviceMarketLinks: { SG: 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1', MY: '', TH: '', PH: '', VN: '', ID: '' },
    ...(publishedCountries ? { publishedCountries } : {})
  }
}

/** A database made by the previous version (migrations 0000–0003), holding these settings rows. */
function previousVersionDatabase(rows: Record<string, unknown>): string {
  const dir = makeTempDir()
  const previous = openTestDatabase({ dir, migrationsFolder: migrationsFolder(4), appVersion: '0.1.0' })
  const insert = previous.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
  for (const [key, value] of Object.entries(rows)) insert.run(key, typeof value === 'string' ? value : JSON.stringify(value))
  previous.close()
  return dir
}

function upgrade(dir: string) {
  const current = openTestDatabase({ dir })
  opened.push(current)
  return { database: current, core: createTestCore(current) }
}

function storedSection(database: TestDatabase, key: string): unknown {
  const value = database.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
  return value === undefined ? undefined : JSON.parse(value)
}

describe('migration 0004: one published-countries setting', () => {
  it.each([
    ['both lists set, in conflict: PH unticked in the profile, VN and MY marked in the policy', ['SG', 'MY', 'TH', 'VN', 'ID'], ['VN', 'MY'], ['SG', 'TH', 'ID']],
    ['both lists agreeing', ['SG', 'MY', 'TH', 'PH', 'ID'], ['VN'], ['SG', 'MY', 'TH', 'PH', 'ID']],
    ['the policy’s list empty', ['SG', 'MY'], [], ['SG', 'MY']],
    ['the profile’s list empty (nothing published)', [], ['TH'], []],
    ['the profile saved before it had the list (every country published), the policy marking ID', undefined, ['ID'], ['SG', 'MY', 'TH', 'PH', 'VN']],
    ['the policy naming a country outside the six, which changes nothing', SIX, ['KR'], SIX]
  ])('%s', (_name, published, notPublished, expected) => {
    const dir = previousVersionDatabase({ policy: previousPolicy(notPublished), integrator: previousProfile(published) })
    const { database, core } = upgrade(dir)

    const settings = core.settings.get()
    expect(settings.integrator.publishedCountries).toEqual(expected)
    // Everything else in both sections is as it was.
    expect(settings.integrator).toMatchObject({ appName: 'Acme OM', appKey: '100132', articleCode: 'FW_GOODS-1000000281' })
    expect(settings.integrator.serviceMarketLinks.SG).toBe('https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1')
    expect(settings.policy).toEqual({ coveredCountries: SIX, releaseDate: '2024-02-15', graceDays: 20, reminderWindowDays: 10 })
    expect(storedSection(database, 'policy')).not.toHaveProperty('notPublishedCountries')
  })

  it('writes out the default profile when only the policy said where the app is not published', () => {
    const dir = previousVersionDatabase({ policy: previousPolicy(['VN', 'ID']) })
    const { database, core } = upgrade(dir)
    expect(core.settings.get().integrator).toEqual({ ...DEFAULT_SETTINGS.integrator, publishedCountries: ['SG', 'MY', 'TH', 'PH'] })
    expect(storedSection(database, 'integrator')).toMatchObject({ appName: 'Anchanto OM', publishedCountries: ['SG', 'MY', 'TH', 'PH'] })
  })

  it('leaves a database that never saved settings on the defaults, with no rows written', () => {
    const { database, core } = upgrade(previousVersionDatabase({}))
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(database.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0)
  })

  it('runs past a policy row that is not JSON, leaving it as it was, and keeps the profile’s list', () => {
    const dir = previousVersionDatabase({ policy: '{not json', integrator: previousProfile(['SG', 'MY']) })
    const { database } = upgrade(dir)
    expect(database.sqlite.prepare("SELECT value FROM settings WHERE key = 'policy'").pluck().get()).toBe('{not json')
    expect(storedSection(database, 'integrator')).toMatchObject({ appKey: '100132', publishedCountries: ['SG', 'MY'] })
  })

  it('judges the stores, their checklists and Reauthorize by the merged setting', () => {
    const dir = previousVersionDatabase({ policy: previousPolicy(['VN']), integrator: previousProfile(['SG', 'MY', 'TH', 'VN', 'ID']) })
    const { core } = upgrade(dir)
    const ids = Object.fromEntries(['SG', 'PH', 'VN'].map((country) => [country, core.stores.create(storeInput({ country, sellerShortCode: `${country}CODE0001` })).id]))
    const settings = core.settings.get()
    for (const country of ['PH', 'VN']) {
      expect(core.status.refresh(ids[country]!)?.status).toBe('app-not-published')
      expect(authorizeBlocker(settings.integrator, settings.policy, country)?.message).toContain('is not published on')
    }
    expect(core.status.refresh(ids.SG!)?.status).toBe('needs-subscription')
    expect(authorizeBlocker(settings.integrator, settings.policy, 'SG')).toBeNull()
  })
})
