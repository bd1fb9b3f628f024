/**
 * Authorization attempts. "Reauthorize" opens Lazada's authorization page in the AuthWindow port
 * with a fresh one-time state bound to the store (`window-attempts.ts` watches it, and
 * `capture-recorder.ts` records what a valid callback brings). "Send the link instead" gives the
 * same URL with its own state to copy; the KAM confirms the authorization later. The page is
 * Lazada's own unless the start-up option (`--lazada-hosts`) replaced it; never a setting.
 *
 * Never logged or stored: the code, the state (only its SHA-256 is kept), the full URLs, tokens.
 */
import type { AuthorizationAttempt, LinkAttemptStart, WindowAttemptStart } from '../../shared/authorization'
import { authorizeBlocker } from '../../shared/integrator'
import { LAZADA_AUTHORIZE_URL } from '../../shared/lazada-hosts'
import type { Authorization } from '../../shared/records'
import type { CodeExchange } from '../lazada-sync/code-exchange'
import type { TokenKeeper } from '../lazada-sync/tokens'
import type { DatabaseHandle } from '../db/open-database'
import { AppError } from '../errors'
import type { Actor, AuthWindow, Broadcast, Clock, Logger, Ticker } from '../ports'
import type { History } from '../portfolio/store-history'
import type { RecordsService } from '../records/records-service'
import type { SettingsService } from '../settings/settings-service'
import { createAttemptStore, toAttempt } from './attempt-store'
import type { AttemptStore } from './attempt-store'
import { createCaptureRecorder } from './capture-recorder'
import { createWindowAttempts } from './window-attempts'
import { writeTransaction } from '../db/write-transaction'

export interface AuthorizationServiceDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  logger: Logger
  history: History
  settings: Pick<SettingsService, 'get'>
  /** The records service with checklist evidence (a recorded authorization ticks the step). */
  records: Pick<RecordsService, 'recordAuthorization'>
  broadcast: Broadcast
  /** Absent where no window can open (e.g. a headless host): "Reauthorize" then says so. */
  authWindow?: AuthWindow
  /** Closes a window when its attempt expires; without it the window stays (its callback is refused). */
  ticker?: Ticker
  /** The authorization page: Lazada's (default), or the start-up option's test server or proxy. */
  authorizeEndpoint?: string
  /** Where states come from; tests may fix them. Default: 16 bytes from the OS CSPRNG. */
  newState?: () => string
  /**
   * After a capture, let the callback page load (default) so the integrator's backend completes
   * the connection and the seller sees its login page. False stops the navigation instead, for
   * integrators that let Storewatch exchange the code itself. Default: loads unless the profile's
   * `exchangeCodeInApp` is on.
   */
  callbackLoads?: boolean
  /** The in-app code exchange; without it `exchangeCodeInApp` cannot be used here. */
  exchange?: CodeExchange
  /** Keeps an exchange's tokens (inside the transaction that records the authorization). */
  tokens?: Pick<TokenKeeper, 'attach'>
  /** Whether an app secret is saved: an exchange window does not open without one. */
  hasSecret?: () => boolean
}

type StoreRow = ReturnType<AttemptStore['storeOf']>

export function createAuthorizationService(deps: AuthorizationServiceDeps) {
  const { database, clock, settings, records } = deps
  const transaction = <T>(work: () => T): T => writeTransaction(database.sqlite, work)
  const endpoint = deps.authorizeEndpoint ?? LAZADA_AUTHORIZE_URL
  const attempts = createAttemptStore(deps)
  const recorder = createCaptureRecorder({ ...deps, attempts })
  const windows = createWindowAttempts({ ...deps, attempts, recorder, transaction, authorizeEndpoint: endpoint })

  function blocker(storeId: number) {
    const store = attempts.storeOf(storeId)
    const { policy, integrator } = settings.get()
    return { store, integrator, blocked: authorizeBlocker(integrator, policy, store.country) }
  }

  /** Why an exchange window cannot open for the store, or null. */
  function exchangeBlocker(store: StoreRow): string | null {
    if (!recorder.canExchange) return 'This Storewatch cannot exchange the code itself: turn off “Exchange the code in Storewatch” in Settings → Integrator.'
    if (!(deps.hasSecret?.() ?? false)) return 'To exchange the code in Storewatch, save the app secret in Settings → Lazada connection first.'
    if (!store.sellerShortCode && !store.sellerId) {
      return 'Add the store’s seller short code (or seller id) first: the account the seller authorizes is checked against it before anything is attached to the store.'
    }
    return null
  }

  return {
    /** A store's attempts, newest first (pending ones past 30 minutes read as expired). */
    attempts(storeId: number): AuthorizationAttempt[] {
      attempts.storeOf(storeId)
      attempts.expireStale(storeId)
      return attempts.ofStore(storeId)
    },

    /** "Reauthorize": opens Lazada's authorization page for the store in the authorization window. */
    openWindow(storeId: number): WindowAttemptStart {
      const { store, integrator, blocked } = blocker(storeId)
      if (blocked) return { status: 'not-ready', message: blocked.message, missing: blocked.missing }
      const exchange = integrator.exchangeCodeInApp ?? false
      const notReady = exchange ? exchangeBlocker(store) : null
      if (notReady) return { status: 'not-ready', message: notReady, missing: null }
      return windows.open({ store, integrator, exchange })
    },

    /** "Send the link instead": the authorization URL with a fresh state, for the seller's own browser. */
    createLink(storeId: number): LinkAttemptStart {
      const { integrator, blocked } = blocker(storeId)
      if (blocked) return { status: 'not-ready', message: blocked.message, missing: blocked.missing }
      const { row, url } = transaction(() => {
        const created = attempts.create(storeId, 'link', { endpoint, clientId: integrator.appKey, redirectUri: integrator.callbackUrl })
        attempts.note(storeId, 'Authorization link created for the seller', [{ field: 'attempt', label: 'Attempt', before: null, after: `#${created.row.id}` }])
        return created
      })
      return { status: 'created', attempt: toAttempt(row), url }
    },

    /** The KAM confirms the seller authorized through a link: records it (method 'seller-link'). */
    confirmLink(storeId: number, attemptId: number): Authorization {
      return transaction(() => {
        const row = attempts.row(attemptId)
        if (!row || row.storeId !== storeId) throw new AppError('not-found', 'That authorization link is not on record for this store.')
        if (row.mode !== 'link') throw new AppError('conflict', 'Only a link sent to the seller can be confirmed; the window records its authorization by itself.')
        if (row.outcome === 'captured') throw new AppError('conflict', 'This link’s authorization is already recorded.')
        if (row.outcome === 'abandoned' || row.outcome === 'refused') throw new AppError('conflict', 'This link was withdrawn: create a new one if the seller still has to authorize.')
        const created = records.recordAuthorization(storeId, {
          authorizedAt: clock.now(),
          method: 'seller-link',
          account: null,
          country: row.country,
          refreshDeadlineAt: null,
          note: `Confirmed by the KAM (link attempt #${attemptId})`,
          reconnected: false
        })
        attempts.markCaptured(attemptId, created.id)
        return created
      })
    },

    /** Closes an attempt's window (it then reads as abandoned), or withdraws a pending link. */
    cancel(attemptId: number): AuthorizationAttempt {
      if (!windows.close(attemptId)) {
        const row = attempts.row(attemptId)
        if (!row) throw new AppError('not-found', 'That authorization attempt is not on record.')
        transaction(() => {
          if (!attempts.settle(attemptId, 'abandoned', 'Withdrawn by the KAM')) return
          attempts.note(row.storeId, row.mode === 'link' ? 'Authorization link withdrawn' : 'Authorization attempt withdrawn', [
            { field: 'attempt', label: 'Attempt', before: null, after: `#${attemptId}` }
          ])
        })
      }
      return toAttempt(attempts.row(attemptId)!)
    },

    /** Resolves once every code exchange under way has been recorded. */
    exchangesSettled: (): Promise<void> => recorder.settled(),

    /** Closes every open authorization window (the app is quitting). */
    closeAll: (): void => windows.closeAll()
  }
}

export type AuthorizationService = ReturnType<typeof createAuthorizationService>
