/** The KAM's settings: status policy, check schedule, reminders and the integrator profile. Defaults follow the guide. */
import { z } from 'zod'
import { DEFAULT_INTEGRATOR_PROFILE, integratorProfileSchema } from './integrator'
import type { IntegratorProfile } from './integrator'
import { DEFAULT_STATUS_POLICY, statusPolicySchema } from './status'
import type { RulesPolicy } from './status'

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Use a 24-hour time like 20:00' })

export const scheduleSettingsSchema = z.strictObject({
  checkIntervalMinutes: z.number().int().min(5, { error: 'Check at most every 5 minutes' }).max(24 * 60)
})

export const reminderSettingsSchema = z.strictObject({
  /** Days before a deadline when a reminder fires; 0 is the deadline day itself. */
  ladderDays: z
    .array(z.number().int().min(0).max(90))
    .min(1, { error: 'Keep at least one reminder' })
    .max(10)
    .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
  quietHours: z.strictObject({
    enabled: z.boolean(),
    /** In the KAM's own time; a window may cross midnight (20:00–08:00). */
    start: clockTime,
    end: clockTime
  })
})

/**
 * What `settings:save` takes. The integrator section may be left out: the stored profile is then
 * kept as it is (a form that edits the other sections need not carry it).
 */
export const appSettingsSchema = z.strictObject({
  policy: statusPolicySchema,
  schedule: scheduleSettingsSchema,
  reminders: reminderSettingsSchema,
  integrator: integratorProfileSchema.optional()
})
export type AppSettings = z.output<typeof appSettingsSchema>
export type ReminderSettings = AppSettings['reminders']

/** The settings in force, every section present: what `settings:get` and `settings:save` answer. */
export type CompleteSettings = AppSettings & { integrator: IntegratorProfile }

export const completeSettingsSchema = appSettingsSchema.extend({ integrator: integratorProfileSchema })

export const DEFAULT_SETTINGS: CompleteSettings = {
  policy: DEFAULT_STATUS_POLICY,
  schedule: { checkIntervalMinutes: 60 },
  reminders: { ladderDays: [14, 7, 3, 1, 0], quietHours: { enabled: false, start: '20:00', end: '08:00' } },
  integrator: DEFAULT_INTEGRATOR_PROFILE
}

/** The policy the status rules judge by: the status policy and the integrator's published countries. */
export function rulesPolicyOf(settings: Pick<CompleteSettings, 'policy' | 'integrator'>): RulesPolicy {
  return { ...settings.policy, publishedCountries: settings.integrator.publishedCountries }
}
