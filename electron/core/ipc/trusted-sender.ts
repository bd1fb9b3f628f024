/**
 * Only the app's own top-level page may call main. Compared by parsed origin, never by prefix
 * (a prefix admits `app://storewatch.evil`).
 */
export interface SenderInfo {
  url: string | null | undefined
  isTopFrame: boolean
}

export function isTrustedSender(sender: SenderInfo, trustedOrigins: readonly string[]): boolean {
  if (!sender.isTopFrame || !sender.url) return false
  let origin: string
  try {
    const url = new URL(sender.url)
    // Custom standard schemes report "null" as origin in Node's URL; rebuild it from the parts.
    origin = url.origin !== 'null' ? url.origin : `${url.protocol}//${url.host}`
  } catch {
    return false
  }
  return trustedOrigins.includes(origin)
}
