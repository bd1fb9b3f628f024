/**
 * The settings form's values and their conversion to `AppSettings`, checked with the shared
 * `appSettingsSchema` (what main will accept), with messages a KAM can act on.
 */
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import type { CoveredCountry } from '../../../../electron/shared/countries'
import { DEFAULT_API_CALLS_PER_SECOND, DEFAULT_INTEGRATOR_PROFILE } from '../../../../electron/shared/integrator'
import type { IntegratorProfile } from '../../../../electron/shared/integrator'
import { appSettingsSchema } from '../../../../electron/shared/settings'
import type { AppSettings } from '../../../../electron/shared/settings'

/** The integrator profile's fields as the form holds them (one text per Service Market link). */
export interface IntegratorValues {
  appName: string
  omsName: string
  supportContact: string
  appKey: string
  callbackUrl: string
  articleCode: string
  link_SG: string
  link_MY: string
  link_TH: string
  link_PH: string
  link_VN: string
  link_ID: string
  publishedCountries: string[]
  /** The authorization window exchanges Lazada's code itself (Settings → Lazada connection). */
  exchangeCodeInApp: boolean
  /** Calls per second allowed on each Lazada API. */
  apiCallsPerSecond: number | string
}

export type LinkField = `link_${CoveredCountry}`

export function linkField(country: CoveredCountry): LinkField {
  return `link_${country}`
}

export interface SettingsValues extends IntegratorValues {
  /** Settings → You: "Your name as owner" and which stores remind. */
  kamName: string
  remindMineOnly: boolean
  coveredCountries: string[]
  releaseDate: string
  graceDays: number | string
  reminderWindowDays: number | string
  checkIntervalMinutes: number | string
  ladderDays: string[]
  quietEnabled: boolean
  quietStart: string
  quietEnd: string
}

export type SettingsField = keyof SettingsValues
export type SettingsErrors = Partial<Record<SettingsField, string>>

function integratorValues(profile: IntegratorProfile): IntegratorValues {
  return {
    appName: profile.appName,
    omsName: profile.omsName,
    supportContact: profile.supportContact,
    appKey: profile.appKey,
    callbackUrl: profile.callbackUrl,
    articleCode: profile.articleCode,
    link_SG: profile.serviceMarketLinks.SG,
    link_MY: profile.serviceMarketLinks.MY,
    link_TH: profile.serviceMarketLinks.TH,
    link_PH: profile.serviceMarketLinks.PH,
    link_VN: profile.serviceMarketLinks.VN,
    link_ID: profile.serviceMarketLinks.ID,
    publishedCountries: [...profile.publishedCountries],
    exchangeCodeInApp: profile.exchangeCodeInApp ?? false,
    apiCallsPerSecond: profile.apiCallsPerSecond ?? DEFAULT_API_CALLS_PER_SECOND
  }
}

export function valuesFromSettings(settings: AppSettings): SettingsValues {
  return {
    ...integratorValues(settings.integrator ?? DEFAULT_INTEGRATOR_PROFILE),
    kamName: settings.you?.name ?? '',
    remindMineOnly: settings.you?.remindersFor === 'mine',
    coveredCountries: [...settings.policy.coveredCountries],
    releaseDate: settings.policy.releaseDate,
    graceDays: settings.policy.graceDays,
    reminderWindowDays: settings.policy.reminderWindowDays,
    checkIntervalMinutes: settings.schedule.checkIntervalMinutes,
    ladderDays: settings.reminders.ladderDays.map(String),
    quietEnabled: settings.reminders.quietHours.enabled,
    quietStart: settings.reminders.quietHours.start,
    quietEnd: settings.reminders.quietHours.end
  }
}

/** Where each schema path lands in the form. */
const FIELD_OF_PATH: Record<string, SettingsField> = {
  'you.name': 'kamName',
  'you.remindersFor': 'remindMineOnly',
  'policy.coveredCountries': 'coveredCountries',
  'policy.releaseDate': 'releaseDate',
  'policy.graceDays': 'graceDays',
  'policy.reminderWindowDays': 'reminderWindowDays',
  'schedule.checkIntervalMinutes': 'checkIntervalMinutes',
  'reminders.ladderDays': 'ladderDays',
  'reminders.quietHours.enabled': 'quietEnabled',
  'reminders.quietHours.start': 'quietStart',
  'reminders.quietHours.end': 'quietEnd',
  'integrator.appName': 'appName',
  'integrator.omsName': 'omsName',
  'integrator.supportContact': 'supportContact',
  'integrator.appKey': 'appKey',
  'integrator.callbackUrl': 'callbackUrl',
  'integrator.articleCode': 'articleCode',
  'integrator.publishedCountries': 'publishedCountries',
  'integrator.exchangeCodeInApp': 'exchangeCodeInApp',
  ...Object.fromEntries(COVERED_COUNTRIES.map((c) => [`integrator.serviceMarketLinks.${c}`, linkField(c)])),
  'integrator.apiCallsPerSecond': 'apiCallsPerSecond'
}

/** For zod's generic messages ("Too big: expected number to be <=365"), something plainer. */
const PLAIN_MESSAGES: Partial<Record<SettingsField, string>> = {
  graceDays: 'Use a whole number of days from 0 to 365',
  reminderWindowDays: 'Use a whole number of days from 1 to 365',
  checkIntervalMinutes: 'Use whole minutes from 5 to 1440 (once a day)',
  ladderDays: 'Use up to 10 reminders, each a whole number of days from 0 to 90',
  releaseDate: 'Use a date like 2024-03-01',
  apiCallsPerSecond: 'Use a whole number of calls per second from 1 to 100'
}

/** A schema path ("reminders.ladderDays.2") as a form field, or null if the form has none. */
export function fieldOfPath(path: readonly PropertyKey[] | string): SettingsField | null {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => !/^\d+$/.test(p))
  for (let n = parts.length; n > 0; n--) {
    const field = FIELD_OF_PATH[parts.slice(0, n).join('.')]
    if (field) return field
  }
  return null
}

function toNumber(value: number | string): number {
  if (typeof value === 'number') return value
  return value.trim() === '' ? Number.NaN : Number(value)
}

/**
 * The form's values as settings, checked with the shared schema. The exchange setting is sent when
 * the KAM changed it or the profile already had one: a profile that never had it stays without it
 * (off).
 */
export function settingsFromValues(
  values: SettingsValues,
  previous?: Pick<IntegratorProfile, 'exchangeCodeInApp' | 'apiCallsPerSecond'>
): { ok: true; value: AppSettings } | { ok: false; errors: SettingsErrors } {
  const exchangeChanged = values.exchangeCodeInApp !== (previous?.exchangeCodeInApp ?? false)
  // The default rate is a profile without `apiCallsPerSecond`.
  const callsPerSecond = toNumber(values.apiCallsPerSecond)
  const rateSet = callsPerSecond !== DEFAULT_API_CALLS_PER_SECOND || previous?.apiCallsPerSecond !== undefined
  const errors: SettingsErrors = {}
  const ladder = values.ladderDays.map((d) => Number(d.trim()))
  if (values.ladderDays.some((d) => !/^\s*\d+\s*$/.test(d))) errors.ladderDays = 'Reminders are whole numbers of days, such as 14, 7, 3, 1 and 0'

  const candidate = {
    policy: {
      coveredCountries: values.coveredCountries,
      releaseDate: values.releaseDate,
      graceDays: toNumber(values.graceDays),
      reminderWindowDays: toNumber(values.reminderWindowDays)
    },
    schedule: { checkIntervalMinutes: toNumber(values.checkIntervalMinutes) },
    you: { name: values.kamName, remindersFor: values.remindMineOnly ? 'mine' : 'all' },
    reminders: {
      ladderDays: ladder,
      quietHours: { enabled: values.quietEnabled, start: values.quietStart, end: values.quietEnd }
    },
    integrator: {
      appName: values.appName,
      omsName: values.omsName,
      supportContact: values.supportContact,
      appKey: values.appKey,
      callbackUrl: values.callbackUrl,
      articleCode: values.articleCode,
      serviceMarketLinks: Object.fromEntries(COVERED_COUNTRIES.map((c) => [c, values[linkField(c)]])),
      publishedCountries: values.publishedCountries,
      ...(exchangeChanged || previous?.exchangeCodeInApp !== undefined ? { exchangeCodeInApp: values.exchangeCodeInApp } : {}),
      ...(rateSet ? { apiCallsPerSecond: callsPerSecond } : {})
    }
  }
  const parsed = appSettingsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path)
      if (!field || errors[field]) continue
      const generic = /^(Too (big|small)|Invalid)/.test(issue.message)
      errors[field] = generic ? (PLAIN_MESSAGES[field] ?? issue.message) : issue.message
    }
  }
  // Quiet hours that start and end at the same minute hold everything, or nothing: neither is meant.
  if (values.quietEnabled && !errors.quietEnd && values.quietStart === values.quietEnd) errors.quietEnd = 'Quiet hours must end at another time than they start'
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors }
  return { ok: true, value: parsed.data }
}
