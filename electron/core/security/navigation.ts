/**
 * Where a window may go and which links may leave the app. Origins are compared after parsing,
 * never by prefix: `startsWith('app://storewatch')` would admit `app://storewatch.evil`.
 */

/**
 * The origin of a URL, or null when it has none a window could be trusted with (`file:`, `data:`,
 * `javascript:`, unparsable text). Node reports custom standard schemes such as `app://storewatch`
 * with the opaque origin "null", so their origin is rebuilt from scheme and host.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.origin !== 'null') return parsed.origin
  if (parsed.protocol === 'file:' || !parsed.host) return null
  return `${parsed.protocol}//${parsed.host}`
}

/** True only when `url` parses and its origin is one of `allowedOrigins`. */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && allowedOrigins.includes(origin)
}

/**
 * Hosts whose https links may be handed to the OS browser. None yet: every link the app shows
 * today is copied, not opened. Add a host here only with a reason next to it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = []

/**
 * Whether `url` may reach `shell.openExternal`: https, no credentials, no custom port, and an
 * exact host from the list. Anything else (`file:`, `smb:`, `ms-msdt:`, `javascript:`) could
 * make the OS run something.
 */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false
  return allowedHosts.includes(parsed.hostname)
}

/** The one permission the app's own page gets: writing to the clipboard ("Copy text"). */
export function isGrantedPermission(permission: string, requestingUrl: string | undefined, allowedOrigins: readonly string[]): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAllowedNavigation(requestingUrl, allowedOrigins)
}
