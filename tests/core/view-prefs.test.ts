import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createViewPrefs } from '../../electron/core/view-prefs/view-prefs'
import { EMPTY_COLUMN_PREFS } from '../../electron/shared/view-prefs'
import { createTestCore } from '../support/test-core'
import { openTestDatabase } from '../support/test-database'
import type { TestDatabase } from '../support/test-database'

let database: TestDatabase
beforeEach(() => {
  database = openTestDatabase()
})
afterEach(() => database.close())

describe('a list’s column layout', () => {
  it('reads as the defaults until the KAM arranges it, then as they left it after a restart', async () => {
    const core = createTestCore(database)
    const context = { emit: () => undefined }
    expect(await core.dispatcher.dispatch('views:columns', { view: 'portfolio' }, context)).toEqual({ ok: true, value: EMPTY_COLUMN_PREFS })

    const prefs = { order: ['storeName', 'clientName'], widths: { storeName: 260 }, visible: { tags: false, lazada: true } }
    expect(await core.dispatcher.dispatch('views:save-columns', { view: 'portfolio', prefs }, context)).toEqual({ ok: true, value: prefs })

    // A new core on the same file: the app started again.
    expect(createViewPrefs(database.db).columns('portfolio')).toEqual(prefs)
  })

  it('refuses widths no one could use, and leaves the saved layout as it was', async () => {
    const core = createTestCore(database)
    const context = { emit: () => undefined }
    const prefs = { order: [], widths: { storeName: 200 }, visible: {} }
    await core.dispatcher.dispatch('views:save-columns', { view: 'portfolio', prefs }, context)
    const refused = await core.dispatcher.dispatch('views:save-columns', { view: 'portfolio', prefs: { ...prefs, widths: { storeName: 5 } } }, context)
    expect(refused.ok).toBe(false)
    expect(createViewPrefs(database.db).columns('portfolio').widths).toEqual({ storeName: 200 })
  })

  it('opens with the defaults when what is stored no longer reads', () => {
    database.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('view.portfolio.columns', '{\"order\":\"not a list\"}')").run()
    expect(createViewPrefs(database.db).columns('portfolio')).toEqual(EMPTY_COLUMN_PREFS)
  })

  it('keeps the layout apart from the settings', () => {
    const core = createTestCore(database)
    createViewPrefs(database.db).saveColumns('portfolio', { order: ['country'], widths: {}, visible: {} })
    expect(Object.keys(core.settings.get()).sort()).toEqual(['integrator', 'policy', 'reminders', 'schedule', 'you'])
  })
})

describe('the dashboard’s scope', () => {
  it('is every store until the KAM picks one, then their pick; an unreadable value counts as every store', () => {
    const prefs = createViewPrefs(database.db)
    expect(prefs.dashboardScope()).toBe('all')
    prefs.saveDashboardScope('mine')
    expect(createViewPrefs(database.db).dashboardScope()).toBe('mine')
    database.sqlite.prepare("UPDATE settings SET value = '\"some\"' WHERE key = 'view.dashboard.scope'").run()
    expect(prefs.dashboardScope()).toBe('all')
  })
})
