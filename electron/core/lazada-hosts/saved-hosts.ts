/**
 * Hosts that earlier versions kept in the integrator profile (`authorizeBaseUrl`, `apiHosts`).
 * They are no longer read: the profile loads without them (it would otherwise fail its schema and
 * read as the defaults, losing the app key and callback), the ones that were not Lazada's own are
 * reported so the app can say they are ignored, and the next save of the settings drops them.
 */
import { LAZADA_AUTHORIZE_URL, LAZADA_AUTH_HOST, LAZADA_GATEWAYS } from '../../shared/lazada-hosts'

const LEGACY_KEYS = ['authorizeBaseUrl', 'apiHosts'] as const

const LAZADAS_OWN = new Set([LAZADA_AUTHORIZE_URL, LAZADA_AUTH_HOST, ...Object.values(LAZADA_GATEWAYS)].map((u) => u.replace(/\/+$/, '')))

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** The stored profile without the old host keys, and the hosts they named that are not Lazada's own. */
export function withoutSavedHosts(stored: unknown): { profile: unknown; ignored: string[] } {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return { profile: stored, ignored: [] }
  const record = stored as Record<string, unknown>
  if (!LEGACY_KEYS.some((key) => key in record)) return { profile: stored, ignored: [] }
  const { authorizeBaseUrl, apiHosts, ...profile } = record
  const named = [...strings(authorizeBaseUrl), ...strings(apiHosts)]
  const ignored = named.map((u) => u.trim()).filter((u) => u !== '' && !LAZADAS_OWN.has(u.replace(/\/+$/, '')))
  return { profile, ignored: [...new Set(ignored)] }
}
