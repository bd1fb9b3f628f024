/**
 * The KAM's settings, kept per section in the settings table. A section missing from the
 * database, or no longer valid under this version's schema, reads as its default. Lazada hosts an
 * earlier version kept in the integrator profile are left out (and reported), never read.
 */
import { DEFAULT_SETTINGS, completeSettingsSchema } from '../../shared/settings'
import type { AppSettings, CompleteSettings } from '../../shared/settings'
import type { DatabaseHandle } from '../db/open-database'
import { settings } from '../db/schema'
import { withoutSavedHosts } from '../lazada-hosts/saved-hosts'
import { writeTransaction } from '../db/write-transaction'
import type { Logger } from '../ports'

const SECTIONS = ['policy', 'schedule', 'reminders', 'integrator', 'you'] as const satisfies readonly (keyof CompleteSettings)[]

export function createSettingsService({ db, sqlite }: Pick<DatabaseHandle, 'db' | 'sqlite'>, logger: Logger) {
  let cached: CompleteSettings | null = null
  /** Hosts the stored profile named that are not Lazada's own, as last read. */
  let ignoredHosts: string[] = []
  const listeners = new Set<(next: CompleteSettings, previous: CompleteSettings) => void>()

  function read(): CompleteSettings {
    const stored: Record<string, unknown> = Object.fromEntries(db.select().from(settings).all().map((row) => [row.key, row.value]))
    const saved = withoutSavedHosts(stored.integrator)
    stored.integrator = saved.profile
    ignoredHosts = saved.ignored
    if (saved.ignored.length) logger.warn('the saved settings name Lazada hosts of their own; they are ignored', { hosts: saved.ignored.length })
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
     * profile without `exchangeCodeInApp` keeps the stored one (a form that does not show it must
     * not turn it off: send `false` to); a save without `you` keeps the KAM's name. Writing the profile drops any hosts an earlier version kept.
     */
    save(next: AppSettings): CompleteSettings {
      const previous = this.get()
      const integrator = next.integrator && {
        ...next.integrator,
        exchangeCodeInApp: next.integrator.exchangeCodeInApp ?? previous.integrator.exchangeCodeInApp
      }
      const valid = completeSettingsSchema.parse({ ...next, integrator: integrator ?? previous.integrator, you: next.you ?? previous.you })
      writeTransaction(sqlite, () => {
        for (const section of SECTIONS) {
          db.insert(settings)
            .values({ key: section, value: valid[section] })
            .onConflictDoUpdate({ target: settings.key, set: { value: valid[section] } })
            .run()
        }
      })
      cached = valid
      ignoredHosts = []
      for (const listener of listeners) listener(valid, previous)
      return valid
    },

    /** Hosts of their own that the stored settings named (an earlier version's), ignored; empty once the settings are saved. */
    ignoredHosts(): readonly string[] {
      this.get()
      return ignoredHosts
    },

    /** Called after every save with the new and the previous settings. */
    onChange(listener: (next: CompleteSettings, previous: CompleteSettings) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
