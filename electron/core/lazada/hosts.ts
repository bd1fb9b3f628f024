/** Where each API is served (lazada-open-platform.md §4, §8); every base URL can be overridden. */
import { COVERED_COUNTRIES, type CoveredCountry } from '../../shared/countries'
import { LAZADA_AUTH_HOST, LAZADA_GATEWAYS } from '../../shared/lazada-hosts'

/** The five APIs Storewatch calls, by path (signed as is, without `/rest`). */
export const LAZADA_API_PATHS = ['/auth/token/create', '/auth/token/refresh', '/service/market/subs/query', '/service/market/order/query', '/seller/get'] as const
export type LazadaApiPath = (typeof LAZADA_API_PATHS)[number]

/** Replacements for the published base URLs (a proxy, the tests' mock); each includes `/rest` if the server needs it. */
export interface LazadaHostOverrides {
  auth?: string
  gateways?: Partial<Record<CoveredCountry, string>>
}

export interface LazadaHosts {
  auth: string
  gateways: Record<CoveredCountry, string>
}

function baseUrl(value: string, what: string): string {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new Error(`The Lazada address for ${what} is not a valid URL: "${value}".`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The Lazada address for ${what} must start with https://.`)
  if (url.search !== '' || url.hash !== '') throw new Error(`The Lazada address for ${what} must not contain "?" or "#".`)
  return url.toString().replace(/\/+$/, '')
}

export function resolveHosts(overrides: LazadaHostOverrides = {}): LazadaHosts {
  const gateways = {} as Record<CoveredCountry, string>
  for (const country of COVERED_COUNTRIES) {
    gateways[country] = baseUrl(overrides.gateways?.[country] ?? LAZADA_GATEWAYS[country], `the ${country} gateway`)
  }
  return { auth: baseUrl(overrides.auth ?? LAZADA_AUTH_HOST, 'authorization'), gateways }
}
