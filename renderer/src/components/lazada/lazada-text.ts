/** How the Lazada connection and Lazada's answers read: state labels, failure causes, a check's summary. */
import type { LazadaDisagreement, LazadaSubscriptionState, RemoteCheckSummary, SecretState } from '../../../../electron/shared/lazada'
import { formatStoreDate } from '../../lib/dates'
import { formatCount, plural } from '../../lib/format'

export const SECRET_STATE_LABELS: Record<SecretState, string> = {
  set: 'Set',
  'not-set': 'Not set',
  unreadable: 'Unreadable — enter it again',
  'needs-consent': 'Waiting for your consent'
}

export const SECRET_STATE_COLORS: Record<SecretState, string> = {
  set: 'green',
  'not-set': 'gray',
  unreadable: 'red',
  'needs-consent': 'orange'
}

export const LAZADA_STATE_LABELS: Record<LazadaSubscriptionState, string> = {
  valid: 'Valid',
  expired: 'Expired',
  none: 'No subscription found'
}

export const LAZADA_STATE_COLORS: Record<LazadaSubscriptionState, string> = { valid: 'green', expired: 'red', none: 'orange' }

/** Short names of why Lazada could not answer (the client's error kinds, and the check's own). */
const CAUSE_LABELS: Record<string, string> = {
  'illegal-access-token': 'token refused',
  'illegal-refresh-token': 'refresh token refused',
  'auth-type-unsupported': 'token bound to the subscription',
  'invalid-code': 'code refused',
  'incomplete-signature': 'signature refused (check the app secret)',
  'api-call-limit': 'Lazada’s rate limit',
  'lazada-error': 'Lazada error',
  'http-error': 'HTTP error',
  timeout: 'timed out',
  network: 'network error',
  malformed: 'unreadable answer',
  'not-configured': 'not set up',
  unreadable: 'app secret unreadable',
  'secret-store': 'keyring refused',
  unexpected: 'unexpected error'
}

/** "timed out", "Lazada error ServiceUnavailable". */
export function causeLabel(cause: string): string {
  const [kind, code] = cause.split(/:(.*)/s) as [string, string | undefined]
  if (kind === 'lazada-error' && code) return `Lazada error ${code}`
  return CAUSE_LABELS[cause] ?? cause
}

/** "2 timed out, 1 Lazada’s rate limit". */
export function failuresByCause(remote: Pick<RemoteCheckSummary, 'failures'>): string {
  return remote.failures.map((f) => `${formatCount(f.count)} ${causeLabel(f.cause)}`).join(', ')
}

/**
 * One line for the header and the "Check now" toast: "Lazada: asked 120 · 117 answered · 3 failed
 * (2 timed out, 1 Lazada’s rate limit) · 2 disagree · 4 can’t be checked". Null when the run did
 * not ask Lazada and had nothing to say about it.
 */
export function remoteSummaryLine(remote: RemoteCheckSummary | null | undefined): string | null {
  if (!remote) return null
  if (remote.state !== 'done') return remote.message || null
  const failed = remote.failures.reduce((sum, f) => sum + f.count, 0)
  const parts = [`Lazada: asked ${formatCount(remote.asked)}`, `${formatCount(remote.answered)} answered`]
  if (failed) parts.push(`${formatCount(failed)} failed (${failuresByCause(remote)})`)
  if (remote.disagreements) parts.push(`${formatCount(remote.disagreements)} ${remote.disagreements === 1 ? 'disagrees' : 'disagree'} with your End Time`)
  if (remote.cannotCheck) parts.push(`${plural(remote.cannotCheck, 'store')} can’t be checked`)
  if (remote.tokensRefreshed) parts.push(`${plural(remote.tokensRefreshed, 'token')} refreshed`)
  if (remote.tokensNeedingAuthorization) parts.push(`${plural(remote.tokensNeedingAuthorization, 'token')} refused`)
  return parts.join(' · ')
}

/**
 * The disagreement in one plain sentence with both dates, in the store's country:
 * "Lazada says the subscription ends 15 Dec 2026; you recorded 30 Nov 2026."
 */
export function disagreementHeadline(disagreement: LazadaDisagreement, country: string, shortCode: string | null): string {
  const date = (instant: number) => formatStoreDate(instant, country)
  const yours = disagreement.kamEndAt === null ? 'you recorded a subscription' : `you recorded ${date(disagreement.kamEndAt)}`
  switch (disagreement.kind) {
    case 'end-date':
      return `Lazada says the subscription ends ${disagreement.lazadaEndAt === null ? 'on another day' : date(disagreement.lazadaEndAt)}; ${yours}.`
    case 'expired':
      return `Lazada says the subscription has expired${disagreement.lazadaEndAt === null ? '' : ` (it ended ${date(disagreement.lazadaEndAt)})`}; ${yours}.`
    case 'not-found':
      return `Lazada has no subscription for ${shortCode ?? 'this store'}; ${disagreement.kamEndAt === null ? 'you recorded one' : `you recorded one ending ${date(disagreement.kamEndAt)}`}.`
  }
}
