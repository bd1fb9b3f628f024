/**
 * The KAM's settings, kept per section in the settings table. A section missing from the
 * database, or no longer valid under this version's schema, reads as its default.
 */
import { DEFAULT_SETTINGS, completeSettingsSchema } from '../../shared/settings'
import type { AppSettings, CompleteSettings } from '../../shared/settings'
import type { AppDatabase } from '../db/open-database'
import { settings } from '../db/schema'
import type { Logger } from '../ports'

const SECTIONS = ['policy', 'schedule', 'reminders', 'integrator'] as const satisfies readonly (keyof CompleteSettings)[]

export function createSettingsService(db: AppDatabase, logger: Logger) {
  let cached: CompleteSettings | null = null
  const listeners = new Set<(next: CompleteSettings, previous: CompleteSettings) => void>()

  function read(): CompleteSettings {
    const stored = Object.fromEntries(db.select().from(settings).all().map((row) => [row.key, row.value]))
    const merged = Object.fromEntries(SECTIONS.map((section) => [section, stored[section] ?? DEFAULT_SETTINGS[section]]))
    const parsed = completeSettingsSchema.safeParse(merged)
    if (parsed.success) return parsed.data
    logger.warn('stored settings are invalid; using defaults for the bad sections', { issues: parsed.error.issues.length })
    const repaired = { ...DEFAULT_SETTINGS }
    for (const section of SECTIONS) {
      const one = completeSettingsSchema.shape[section].safeParse(merged[section])
      if (one.success) (repaired as Record<string, unknown>)[section] = one.data
    }
    return repaired
  }

  return {
    get(): CompleteSettings {
      cached ??= read()
      return cached
    },

    /**
     * Saves every section given; a save without `integrator` keeps the stored profile, and a
     * profile without `exchangeCodeInApp` or `apiHosts` keeps the stored ones (forms that do not
     * show them must not turn them off: send `false` or `{}` to).
     */
    save(next: AppSettings): CompleteSettings {
      const previous = this.get()
      const integrator = next.integrator && {
        ...next.integrator,
        exchangeCodeInApp: next.integrator.exchangeCodeInApp ?? previous.integrator.exchangeCodeInApp,
        apiHosts: next.integrator.apiHosts ?? previous.integrator.apiHosts
      }
      const valid = completeSettingsSchema.parse({ ...next, integrator: integrator ?? previous.integrator })
      db.transaction((tx) => {
        for (const section of SECTIONS) {
          tx.insert(settings)
            .values({ key: section, value: valid[section] })
            .onConflictDoUpdate({ target: settings.key, set: { value: valid[section] } })
            .run()
        }
      })
      cached = valid
      for (const listener of listeners) listener(valid, previous)
      return valid
    },

    /** Called after every save with the new and the previous settings. */
    onChange(listener: (next: CompleteSettings, previous: CompleteSettings) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
