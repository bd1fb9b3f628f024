/**
 * The integrator profile: everything that belongs to the integrator rather than to Storewatch —
 * its Service Market app, its OMS, its registered callback, its links. The defaults are the ones in
 * the integrator's guide (Anchanto, app "Anchanto OM"); the guide prints no URLs, so the links,
 * the app key and the callback start empty and the KAM team fills them in under
 * Settings → Integrator.
 */
import { z } from 'zod'
import { COVERED_COUNTRIES, countryInfo } from './countries'
import type { CoveredCountry } from './countries'
import { safeText } from './text-rules'

/**
 * Each covered country's Lazada domain. Seller Center is `sellercenter.<domain>` and Service
 * Market `marketplace.<domain>` (Lazada's seller-authorization guide lists the Service Market URLs
 * https://marketplace.lazada.sg, .com.my, .co.th, .com.ph, .vn and .co.id).
 */
export const LAZADA_COUNTRY_DOMAINS: Record<CoveredCountry, string> = {
  SG: 'lazada.sg',
  MY: 'lazada.com.my',
  TH: 'lazada.co.th',
  PH: 'lazada.com.ph',
  VN: 'lazada.vn',
  ID: 'lazada.co.id'
}

/** Hosts a web server on this machine answers as: plain http is accepted there only (test servers). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export type UrlProblem = 'unparsable' | 'scheme' | 'credentials' | 'fragment' | 'trailing-dot'

/**
 * Why `value` is not a URL the app may send a seller or a window to: https only (http only on the
 * loopback address, for local test servers), no user name or password, no fragment, and no
 * trailing dot on the host (`example.com.` is a different origin to a browser). Null when fine.
 */
export function urlProblem(value: string): UrlProblem | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'unparsable'
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  if (url.protocol !== 'https:' && !loopbackHttp) return 'scheme'
  if (url.username || url.password) return 'credentials'
  if (url.hash) return 'fragment'
  if (url.hostname.endsWith('.')) return 'trailing-dot'
  return null
}

const URL_MESSAGES: Record<UrlProblem, string> = {
  unparsable: 'Not a web address: paste the whole link, starting with https://',
  scheme: 'Use an https:// address (plain http:// only for a test server on 127.0.0.1)',
  credentials: 'Leave the user name and password out of the address',
  fragment: 'Leave the #… part out of the address',
  'trailing-dot': 'Remove the dot at the end of the host name'
}

function optionalUrl(extra?: (url: URL) => string | null) {
  return z
    .string()
    .trim()
    .max(2000, { error: 'The address is too long' })
    .superRefine((value, ctx) => {
      if (value === '') return
      const problem = urlProblem(value)
      if (problem) {
        ctx.addIssue({ code: 'custom', message: URL_MESSAGES[problem] })
        return
      }
      const more = extra?.(new URL(value))
      if (more) ctx.addIssue({ code: 'custom', message: more })
    })
}

/** True when `host` is `domain` or one of its subdomains (compared label by label, never by prefix). */
export function isHostWithin(host: string, domain: string): boolean {
  const h = host.toLowerCase()
  return h === domain || h.endsWith(`.${domain}`)
}

function serviceMarketLink(country: CoveredCountry) {
  const domain = LAZADA_COUNTRY_DOMAINS[country]
  return optionalUrl((url) =>
    url.protocol === 'https:' && isHostWithin(url.hostname, domain)
      ? null
      : `Use the https link of the app on Lazada’s ${countryInfo(country).name} Service Market (marketplace.${domain})`
  ).default('')
}

const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required` })
    .pipe(safeText({ label }))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `${label} is required` })
        .max(max, { error: `${label} must be under ${max} characters` })
    )

/** Keys earlier versions kept in the profile: Lazada's hosts are a start-up option now, never a setting. */
const HOST_KEYS = new Set(['apiHosts', 'authorizeBaseUrl'])

function hostKeysRefused(issue: { code?: string; keys?: readonly PropertyKey[] }): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys?.some((key) => HOST_KEYS.has(String(key)))) return undefined
  return 'Lazada’s hosts are not a setting: Storewatch uses Lazada’s own. For a proxy or a test server, start Storewatch with --lazada-hosts=… (see the README)'
}

export const integratorProfileSchema = z.strictObject({
  /** The integrator's app on Lazada Service Market, as sellers search for it under My Service. */
  appName: requiredText('App name', 100),
  /** The integrator's order-management system, where the store is (re)connected. */
  omsName: requiredText('OMS name', 100),
  /** Where sellers send questions (the guide: their KAM, the care team, or this address). */
  supportContact: requiredText('Support contact'),
  /** The App Key from Lazada's App Console: the OAuth `client_id`. */
  appKey: z
    .string()
    .trim()
    .max(64, { error: 'The app key is at most 64 characters' })
    .regex(/^[A-Za-z0-9]*$/, { error: 'The app key is letters and digits only, as the App Console shows it' })
    .default(''),
  /** The callback URL registered for the app; Lazada sends the seller there with `code` and `state`. */
  callbackUrl: optionalUrl().default(''),
  /** The app's Service Market article code (e.g. FW_GOODS-1000000281), for subscription queries. */
  articleCode: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'Use the article code as Lazada shows it, e.g. FW_GOODS-1000000281' })
    .default(''),
  /** The free ("Authorization Only") subscription link of the app on each country's Service Market. */
  serviceMarketLinks: z
    .strictObject({
      SG: serviceMarketLink('SG'),
      MY: serviceMarketLink('MY'),
      TH: serviceMarketLink('TH'),
      PH: serviceMarketLink('PH'),
      VN: serviceMarketLink('VN'),
      ID: serviceMarketLink('ID')
    })
    .default({ SG: '', MY: '', TH: '', PH: '', VN: '', ID: '' }),
  /** Countries whose Service Market lists the app; elsewhere Lazada refuses to authorize it. */
  publishedCountries: z
    .array(z.enum(COVERED_COUNTRIES, { error: `Use the covered countries: ${COVERED_COUNTRIES.join(', ')}` }))
    .max(COVERED_COUNTRIES.length)
    .transform((codes) => COVERED_COUNTRIES.filter((c) => codes.includes(c)))
    .default([...COVERED_COUNTRIES]),
  /**
   * The authorization window exchanges Lazada's code itself (`/auth/token/create`) instead of
   * letting the callback page load: the integrator's backend then never sees the code. Only for
   * integrators that allow it; needs the app secret (Settings → Lazada connection).
   * Absent means off (the default).
   */
  exchangeCodeInApp: z.boolean().optional(),
  /**
   * Calls per second Storewatch allows itself on each Lazada API. Lazada publishes no rate for the
   * token, seller and Service Market APIs (lazada-open-platform.md §12) and bans an API for 1 s
   * when its cap is passed; the integrator sets what their app's cap allows. Absent means
   * `DEFAULT_API_CALLS_PER_SECOND`.
   */
  apiCallsPerSecond: z
    .number({ error: 'Use a whole number of calls per second from 1 to 100' })
    .int({ error: 'Use a whole number of calls per second from 1 to 100' })
    .min(1, { error: 'Use a whole number of calls per second from 1 to 100' })
    .max(100, { error: 'Use a whole number of calls per second from 1 to 100' })
    .optional()
}, { error: hostKeysRefused })
export type IntegratorProfile = z.output<typeof integratorProfileSchema>
export type IntegratorProfileInput = z.input<typeof integratorProfileSchema>

/** Well clear of the per-API caps Lazada publishes for other APIs (30 and 50 calls per second). */
export const DEFAULT_API_CALLS_PER_SECOND = 10

export const DEFAULT_INTEGRATOR_PROFILE: IntegratorProfile = {
  appName: 'Anchanto OM',
  omsName: 'Anchanto OMS',
  supportContact: 'help@anchanto.com',
  appKey: '',
  callbackUrl: '',
  articleCode: '',
  serviceMarketLinks: { SG: '', MY: '', TH: '', PH: '', VN: '', ID: '' },
  publishedCountries: [...COVERED_COUNTRIES]
}

/** The Service Market link for a country, or null when none is set (or the country is not covered). */
export function serviceMarketLinkFor(profile: IntegratorProfile, country: string): string | null {
  return (profile.serviceMarketLinks as Record<string, string>)[country] || null
}

/** What a piece of the app needs from the profile before it can work. */
export type IntegratorUse = 'authorize' | 'checklist' | 'client-message' | 'subscription-query'

export type IntegratorField = 'appKey' | 'callbackUrl' | 'articleCode' | `serviceMarketLinks.${CoveredCountry}`

export interface MissingSetup {
  use: IntegratorUse
  /** Profile paths that are empty, e.g. `appKey`, `serviceMarketLinks.SG`. */
  fields: IntegratorField[]
  /** One sentence that says what to set and where. */
  message: string
}

const PURPOSE: Record<IntegratorUse, string> = {
  authorize: 'To open Lazada’s authorization page',
  checklist: 'To give the seller the Service Market link',
  'client-message': 'To send the client the Service Market link',
  'subscription-query': 'To ask Lazada for subscriptions'
}

function fieldLabel(field: IntegratorField): string {
  switch (field) {
    case 'appKey':
      return 'the app key'
    case 'callbackUrl':
      return 'the registered callback URL'
    case 'articleCode':
      return 'the Service Market article code'
    default:
      return `the free subscription link for ${countryInfo(field.slice('serviceMarketLinks.'.length)).name}`
  }
}

function joinLabels(labels: string[]): string {
  if (labels.length <= 1) return labels.join('')
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`
}

/**
 * What is missing from the profile for a use (and, for links, the store's country), or null when
 * nothing is. Callers show the message instead of failing.
 */
export function missingSetup(profile: IntegratorProfile, use: IntegratorUse, country?: string): MissingSetup | null {
  const fields: IntegratorField[] = []
  if (use === 'authorize' || use === 'subscription-query') {
    if (!profile.appKey) fields.push('appKey')
  }
  if (use === 'authorize' && !profile.callbackUrl) fields.push('callbackUrl')
  if (use === 'subscription-query' && !profile.articleCode) fields.push('articleCode')
  if ((use === 'checklist' || use === 'client-message') && country && (COVERED_COUNTRIES as readonly string[]).includes(country)) {
    if (!serviceMarketLinkFor(profile, country)) fields.push(`serviceMarketLinks.${country as CoveredCountry}`)
  }
  if (fields.length === 0) return null
  return { use, fields, message: `${PURPOSE[use]}, set ${joinLabels(fields.map(fieldLabel))} in Settings → Integrator.` }
}

/** Why the app cannot be used in a country, or null when it can: not in the integrator's published countries. */
export function notPublishedReason(profile: Pick<IntegratorProfile, 'publishedCountries' | 'appName'>, country: string): string | null {
  if ((profile.publishedCountries as readonly string[]).includes(country)) return null
  const name = countryInfo(country).name
  return `${profile.appName} is not published on ${name}’s Lazada Service Market, so Lazada refuses to authorize it there. Ask the integrator to publish it in ${name}; until then there are no steps the seller can follow.`
}

/**
 * Why "Reauthorize" (or "Send the link instead") cannot go ahead for a store in `country`, or null
 * when it can: the country is out of scope, the app is not published there, or the profile lacks
 * the app key or the callback.
 */
export function authorizeBlocker(
  profile: IntegratorProfile,
  policy: { coveredCountries: readonly string[] },
  country: string
): { message: string; missing: MissingSetup | null } | null {
  const name = countryInfo(country).name
  if (!policy.coveredCountries.includes(country) || !(COVERED_COUNTRIES as readonly string[]).includes(country)) {
    return { message: `${name} is outside Lazada’s Service Market rule: there is nothing to authorize through ${profile.appName}.`, missing: null }
  }
  const notPublished = notPublishedReason(profile, country)
  if (notPublished) return { message: notPublished, missing: null }
  const missing = missingSetup(profile, 'authorize')
  return missing ? { message: missing.message, missing } : null
}
