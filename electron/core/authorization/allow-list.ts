/**
 * Where the authorization window may navigate (top level): Lazada's authorization host, the six
 * countries' Seller Center and Service Market hosts, and the origin of the authorization endpoint
 * in use (Lazada's, or the start-up option's test server or proxy). Everything else is blocked —
 * including `javascript:`, `data:`, `file:`, look-alike hosts and URLs that carry a user name or
 * password. The registered callback is not on this list: capture (`capture.ts`) lets the exact
 * callback path through, and the rest of its origin only once the attempt is captured.
 *
 * Sources: `auth.lazada.com` is the authorization endpoint (lazada-open-platform.md §1, DOC-108260).
 * Seller Center is `sellercenter.<country domain>` (the guide's Step #1 starts there; the seller
 * logs in to it). The Service Market hosts are the ones Lazada's seller-authorization guide lists
 * under "Service Market URL": marketplace.lazada.sg, .com.my, .co.th, .com.ph, .vn, .co.id — a
 * seller who has not ordered is sent there from the authorization page (guide FAQ 1a, DOC-121772).
 * A host missing from this list shows up as a "navigation blocked" log line with its origin only.
 */
import { COVERED_COUNTRIES } from '../../shared/countries'
import { LAZADA_COUNTRY_DOMAINS } from '../../shared/integrator'

export const LAZADA_AUTH_HOSTS: readonly string[] = ['auth.lazada.com']
export const SELLER_CENTER_HOSTS: readonly string[] = COVERED_COUNTRIES.map((c) => `sellercenter.${LAZADA_COUNTRY_DOMAINS[c]}`)
export const SERVICE_MARKET_HOSTS: readonly string[] = COVERED_COUNTRIES.map((c) => `marketplace.${LAZADA_COUNTRY_DOMAINS[c]}`)

export interface NavigationAllowList {
  /** Hosts reachable over https on the default port. */
  httpsHosts: readonly string[]
  /** Exact origins (scheme, host, port) reachable as well: the authorization endpoint's. */
  origins: readonly string[]
}

function originOrNull(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.origin === 'null' ? null : parsed.origin
  } catch {
    return null
  }
}

export function authWindowAllowList(options: { authorizeEndpoint: string }): NavigationAllowList {
  const endpoint = originOrNull(options.authorizeEndpoint)
  return { httpsHosts: [...LAZADA_AUTH_HOSTS, ...SELLER_CENTER_HOSTS, ...SERVICE_MARKET_HOSTS], origins: endpoint ? [endpoint] : [] }
}

/** True only for a parsable http(s) URL without credentials whose host or origin is on the list. */
export function isAllowedAuthNavigation(url: string, allowList: NavigationAllowList): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false
  if (parsed.username || parsed.password) return false
  if (allowList.origins.includes(parsed.origin)) return true
  return parsed.protocol === 'https:' && parsed.port === '' && allowList.httpsHosts.includes(parsed.hostname)
}
