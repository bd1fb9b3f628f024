/**
 * Lazada's authorization URL for one attempt (lazada-open-platform.md §1): `response_type=code`,
 * `force_auth=true` (a fresh Lazada login, so another store's session is never reused),
 * `redirect_uri` = the registered callback, `client_id` = the app key, `country` = the store's
 * venture in lower case (pre-selects it; a third-party parameter Lazada tolerates) and the
 * one-time `state`.
 */
export interface AuthorizeUrlParts {
  /** The authorization endpoint: Lazada's, or a test server's. */
  endpoint: string
  clientId: string
  redirectUri: string
  country: string
  state: string
}

export function buildAuthorizeUrl({ endpoint, clientId, redirectUri, country, state }: AuthorizeUrlParts): string {
  const url = new URL(endpoint)
  url.search = ''
  url.hash = ''
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('force_auth', 'true')
  url.searchParams.set('redirect_uri', redirectUri)
  url.searchParams.set('client_id', clientId)
  url.searchParams.set('country', country.toLowerCase())
  url.searchParams.set('state', state)
  return url.toString()
}
