/**
 * A list's column layout as the KAM left it, one row per list in the settings table under its
 * own key (`view.<list>.columns`), beside but apart from the settings sections. A value that no
 * longer reads under this version's schema counts as no layout: the list opens with its defaults.
 * The dashboard's "All stores / My stores" choice is kept the same way (`view.dashboard.scope`).
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { STORE_SCOPES } from '../../shared/my-stores'
import type { StoreScope } from '../../shared/my-stores'
import { EMPTY_COLUMN_PREFS, columnPrefsSchema } from '../../shared/view-prefs'
import type { ColumnPrefs, ListView } from '../../shared/view-prefs'
import type { AppDatabase } from '../db/open-database'
import { settings } from '../db/schema'

const keyOf = (view: ListView) => `view.${view}.columns`
/** The dashboard's "All stores / My stores" switch. */
const DASHBOARD_SCOPE_KEY = 'view.dashboard.scope'
const scopeSchema = z.enum(STORE_SCOPES)

export function createViewPrefs(db: AppDatabase) {
  return {
    columns(view: ListView): ColumnPrefs {
      const row = db.select().from(settings).where(eq(settings.key, keyOf(view))).get()
      const parsed = columnPrefsSchema.safeParse(row?.value)
      return parsed.success ? parsed.data : EMPTY_COLUMN_PREFS
    },

    saveColumns(view: ListView, prefs: ColumnPrefs): ColumnPrefs {
      const valid = columnPrefsSchema.parse(prefs)
      db.insert(settings)
        .values({ key: keyOf(view), value: valid })
        .onConflictDoUpdate({ target: settings.key, set: { value: valid } })
        .run()
      return valid
    },

    /** The dashboard's remembered scope; "all" until the KAM picks one. */
    dashboardScope(): StoreScope {
      const row = db.select().from(settings).where(eq(settings.key, DASHBOARD_SCOPE_KEY)).get()
      const parsed = scopeSchema.safeParse(row?.value)
      return parsed.success ? parsed.data : 'all'
    },

    saveDashboardScope(scope: StoreScope): void {
      const valid = scopeSchema.parse(scope)
      db.insert(settings)
        .values({ key: DASHBOARD_SCOPE_KEY, value: valid })
        .onConflictDoUpdate({ target: settings.key, set: { value: valid } })
        .run()
    }
  }
}

export type ViewPrefs = ReturnType<typeof createViewPrefs>
