/** What the store page says about authorization right now, derived from the records, the attempts and main's last word. */
import type { AuthorizationAttempt, AuthorizationResult } from '../../../../electron/shared/authorization'
import type { Authorization } from '../../../../electron/shared/records'

/**
 * The authorization that an attempt of this app captured (in the window, or a link the KAM
 * confirmed) and that still waits for the reconnect in the OMS, or null. Only the store's latest
 * authorization counts: an older one was superseded.
 */
export function awaitingReconnect(
  authorizations: readonly Authorization[],
  attempts: readonly AuthorizationAttempt[],
  result: AuthorizationResult | undefined
): { authorization: Authorization; attempt: AuthorizationAttempt | null } | null {
  const latest = authorizations[0]
  if (!latest || latest.reconnectedAt !== null) return null
  const attempt = attempts.find((a) => a.outcome === 'captured' && a.authorizationId === latest.id) ?? null
  const fromEvent = result?.outcome === 'captured' && result.authorizationId === latest.id
  return attempt || fromEvent ? { authorization: latest, attempt } : null
}
