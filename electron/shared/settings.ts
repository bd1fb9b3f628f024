/** The KAM's settings: status policy, check schedule, reminders and the integrator profile. Defaults follow the guide. */
import { z } from 'zod'
import { DEFAULT_INTEGRATOR_PROFILE, integratorProfileSchema } from './integrator'
import type { IntegratorProfile } from './integrator'
import { STORE_SCOPES } from './my-stores'
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

/** The KAM as Storewatch knows them: the name they go by as a store's owner. */
export const youSettingsSchema = z.strictObject({
  /** "Your name as owner": the default owner of new stores, and who "My stores" means. */
  name: z.string().trim().max(200, { error: 'Keep your name under 200 characters' }).default(''),
  /** Native reminders for every store, or only for the KAM's own (see my-stores.ts). */
  remindersFor: z.enum(STORE_SCOPES).default('all')
})
export type YouSettings = z.output<typeof youSettingsSchema>

/**
 * What `settings:save` takes. The integrator section may be left out: the stored profile is then
 * kept as it is (a form that edits the other sections need not carry it).
 */
export const appSettingsSchema = z.strictObject({
  policy: statusPolicySchema,
  schedule: scheduleSettingsSchema,
  reminders: reminderSettingsSchema,
  integrator: integratorProfileSchema.optional(),
  you: youSettingsSchema.optional()
})
export type AppSettings = z.output<typeof appSettingsSchema>
export type ReminderSettings = AppSettings['reminders']

/** The settings in force, every section present: what `settings:get` and `settings:save` answer. */
export type CompleteSettings = AppSettings & { integrator: IntegratorProfile; you: YouSettings }

export const completeSettingsSchema = appSettingsSchema.extend({ integrator: integratorProfileSchema, you: youSettingsSchema })

export const DEFAULT_SETTINGS: CompleteSettings = {
  policy: DEFAULT_STATUS_POLICY,
  schedule: { checkIntervalMinutes: 60 },
  reminders: { ladderDays: [14, 7, 3, 1, 0], quietHours: { enabled: false, start: '20:00', end: '08:00' } },
  integrator: DEFAULT_INTEGRATOR_PROFILE,
  you: { name: '', remindersFor: 'all' }
}

/** The policy the status rules judge by: the status policy and the integrator's published countries. */
export function rulesPolicyOf(settings: Pick<CompleteSettings, 'policy' | 'integrator'>): RulesPolicy {
  return { ...settings.policy, publishedCountries: settings.integrator.publishedCountries }
}
