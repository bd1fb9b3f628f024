/**
 * Lazada's own hosts (lazada-open-platform.md §1, §4, §8): the authorization page, the token host
 * and the country gateways. They are not a setting: only a start-up option (`--lazada-hosts=…` or
 * `STOREWATCH_LAZADA_HOSTS`, for a proxy or a test server) replaces them, and the app then says so
 * in a banner (`LazadaHostsView`).
 */
import type { CoveredCountry } from './countries'

/** Lazada's authorization endpoint (reference: lazada-open-platform.md §1). */
export const LAZADA_AUTHORIZE_URL = 'https://auth.lazada.com/oauth/authorize'

/** Token create and refresh, for every country. */
export const LAZADA_AUTH_HOST = 'https://auth.lazada.com/rest'

export const LAZADA_GATEWAYS: Readonly<Record<CoveredCountry, string>> = {
  SG: 'https://api.lazada.sg/rest',
  MY: 'https://api.lazada.com.my/rest',
  TH: 'https://api.lazada.co.th/rest',
  PH: 'https://api.lazada.com.ph/rest',
  VN: 'https://api.lazada.vn/rest',
  ID: 'https://api.lazada.co.id/rest'
}

/** The command-line flag and the environment variable that replace Lazada's hosts at start-up. */
export const LAZADA_HOSTS_FLAG = '--lazada-hosts'
export const LAZADA_HOSTS_ENV = 'STOREWATCH_LAZADA_HOSTS'

/** Where Storewatch sends the seller and its calls in this run. */
export interface LazadaHostsInUse {
  /** The authorization page the window opens (and the link the seller gets). */
  authorize: string
  /** Token create and refresh. */
  auth: string
  gateways: Record<CoveredCountry, string>
}

/** What the renderer shows about the hosts: Settings → Lazada connection and the shell's banner. */
export interface LazadaHostsView {
  inUse: LazadaHostsInUse
  /** The start-up option in force, with the distinct origins it puts in Lazada's place; null when Lazada's own hosts are used. */
  override: { source: 'flag' | 'environment'; origins: string[] } | null
  /** The start-up option was given but could not be used, so Lazada's own hosts are used: why. */
  overrideProblem: string | null
  /** Hosts an earlier Storewatch kept in the settings; ignored now (a save of the settings drops them). */
  ignoredSaved: string[]
}
