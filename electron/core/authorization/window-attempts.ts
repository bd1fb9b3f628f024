/**
 * The authorization windows open now, one per store. Every top-level navigation and redirect of a
 * window goes through `captureNavigation`; a valid callback is handed to the capture recorder, a
 * refused one ends the attempt with its reason (and the KAM is told). Closing the window first
 * abandons the attempt and changes nothing else. A window whose attempt expires — its 30 minutes
 * are up, or its record says expired, whatever the clock says now — is closed by the ticker.
 *
 * Never logged or stored: the code, the state, the full URLs.
 */
import type { AuthorizationResult, WindowAttemptStart } from '../../shared/authorization'
import type { IntegratorProfile } from '../../shared/integrator'
import { LAZADA_AUTHORIZE_URL } from '../../shared/lazada-hosts'
import { AppError } from '../errors'
import type { AuthNavigationDecision, AuthWindow, AuthWindowHandle, AuthWindowNavigation, Broadcast, Clock, Logger, Ticker } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import { authWindowAllowList } from './allow-list'
import type { NavigationAllowList } from './allow-list'
import type { AttemptStore } from './attempt-store'
import { EXPIRED_REASON, toAttempt } from './attempt-store'
import { captureNavigation, navigationDecision } from './capture'
import type { CaptureResult } from './capture'
import type { CaptureRecorder, CapturedAttempt } from './capture-recorder'
import { destinationForLog } from './log-destination'

/** How often open windows are checked for an expired attempt. */
export const EXPIRY_CHECK_INTERVAL_MS = 10_000

export const EXPIRED_WINDOW_MESSAGE = 'The authorization page was open for 30 minutes without the seller finishing, so Storewatch closed it. Start again with Reauthorize.'

interface LiveWindow extends CapturedAttempt {
  callbackUrl: string
  allowList: NavigationAllowList
  handle: AuthWindowHandle | null
  /** The callback URL already acted on and the answer given, so a second report of it (redirect, then navigation) does nothing more. */
  settled: { url: string; decision: AuthNavigationDecision } | null
  /** The callback was captured: the integrator's pages on its origin may load now. */
  captured: boolean
  /** This window's capture exchanges the code in the app (the setting when it opened). */
  exchange: boolean
  /** The captured code is being exchanged: closing the window now does not abandon the attempt, nor does it expire. */
  exchanging: boolean
}

export interface WindowAttemptsDeps {
  clock: Clock
  logger: Logger
  broadcast: Broadcast
  attempts: AttemptStore
  recorder: CaptureRecorder
  transaction: <T>(work: () => T) => T
  authWindow?: AuthWindow
  /** Checks open windows for expiry; without it a window outlives its attempt (its callback is still refused). */
  ticker?: Ticker
  /** Where the window opens: Lazada's authorization page unless the start-up option replaced it. */
  authorizeEndpoint: string
  /** Overrides whether the callback page loads after a capture (default: unless the window exchanges the code). */
  callbackLoads?: boolean
}

export interface OpenRequest {
  store: { id: number; storeName: string; country: string }
  integrator: IntegratorProfile
  exchange: boolean
}

/** How a refused callback ends the window's attempt, and the words the KAM and the history get. */
export function refusalOutcome(refused: Extract<CaptureResult, { kind: 'refused' }>, attemptId: number) {
  // Lazada's `access_denied` is the seller pressing Cancel: the attempt is abandoned, not refused.
  if (refused.reason === 'lazada-error' && refused.lazadaError === 'access_denied') {
    return { outcome: 'abandoned', cause: 'seller-declined', message: 'The seller cancelled on Lazada’s page. Nothing changed.', summary: 'Authorization cancelled by the seller' } as const
  }
  if (refused.reason === 'lazada-error') return { outcome: 'refused', cause: 'seller-declined', message: refused.message, summary: 'Authorization refused on Lazada’s page' } as const
  if (refused.reason === 'expired-state' && refused.attemptId === attemptId) {
    return { outcome: 'expired', cause: 'expired', message: refused.message, summary: 'Authorization came back too late' } as const
  }
  return { outcome: 'refused', cause: 'refused', message: refused.message, summary: 'Authorization refused' } as const
}

/** "Authorize Anchanto OM — Acme (SG)"; a replaced endpoint is named, so a test or proxy page never passes for Lazada's. */
export function windowTitle(request: Pick<OpenRequest, 'store' | 'integrator'>, authorizeEndpoint: string): string {
  const base = `Authorize ${request.integrator.appName} — ${request.store.storeName} (${request.store.country})`
  return authorizeEndpoint === LAZADA_AUTHORIZE_URL ? base : `${base} · via ${new URL(authorizeEndpoint).origin}, not Lazada’s own page`
}

export function createWindowAttempts(deps: WindowAttemptsDeps) {
  const { clock, logger, attempts, recorder, transaction } = deps
  const live = new Map<number, LiveWindow>()
  let stopTicking: (() => void) | null = null

  function result(payload: AuthorizationResult): void {
    deps.broadcast('authorizations:result', payload)
  }

  function watchExpiry(): void {
    if (live.size > 0 && !stopTicking && deps.ticker) stopTicking = deps.ticker.every(EXPIRY_CHECK_INTERVAL_MS, closeExpired)
    if (live.size === 0 && stopTicking) {
      stopTicking()
      stopTicking = null
    }
  }

  function forget(window: LiveWindow): boolean {
    if (live.get(window.attemptId) !== window) return false
    live.delete(window.attemptId)
    watchExpiry()
    return true
  }

  /** Closes every window whose attempt expired: its 30 minutes are up, or its record says so. */
  function closeExpired(): void {
    const now = clock.now()
    for (const window of [...live.values()]) {
      if (window.exchanging || window.captured) continue
      const row = attempts.row(window.attemptId)
      const expired = row?.outcome === 'expired' || (row?.outcome === 'pending' && now >= row.expiresAt)
      if (!expired) continue
      forget(window)
      transaction(() => {
        attempts.settle(window.attemptId, 'expired', EXPIRED_REASON)
        attempts.note(window.storeId, 'Authorization window closed: 30 minutes passed', [], SYSTEM_ACTOR)
      })
      logger.info('authorization window closed: the attempt expired', { storeId: window.storeId, attemptId: window.attemptId })
      window.handle?.close()
      result({ storeId: window.storeId, attemptId: window.attemptId, outcome: 'expired', cause: 'expired', message: EXPIRED_WINDOW_MESSAGE, authorizationId: null })
    }
  }

  function onRefused(window: LiveWindow, refused: Extract<CaptureResult, { kind: 'refused' }>): void {
    logger.warn('authorization callback refused', { storeId: window.storeId, attemptId: window.attemptId, reason: refused.reason, lazadaError: refused.lazadaError })
    const { outcome, cause, message, summary } = refusalOutcome(refused, window.attemptId)
    const settledNow = transaction(() => {
      const changed = attempts.settle(window.attemptId, outcome, message)
      if (changed) attempts.note(window.storeId, summary, [{ field: 'reason', label: 'Why', before: null, after: message }], SYSTEM_ACTOR)
      return changed
    })
    if (settledNow) result({ storeId: window.storeId, attemptId: window.attemptId, outcome, cause, message, authorizationId: null })
  }

  function onCaptured(window: LiveWindow, captured: Extract<CaptureResult, { kind: 'captured' }>): void {
    if (!window.exchange) {
      window.captured = true
      recorder.record(window, captured)
      return
    }
    window.exchanging = true
    recorder.exchange(window, captured, () => {
      window.exchanging = false
      window.handle?.close()
    })
  }

  function onNavigate(window: LiveWindow, navigation: AuthWindowNavigation): AuthNavigationDecision {
    if (window.settled && window.settled.url === navigation.url) return window.settled.decision
    const capture = captureNavigation({
      url: navigation.url,
      callbackUrl: window.callbackUrl,
      attempts: attempts.known(),
      now: clock.now(),
      allowList: window.allowList,
      expect: { attemptId: window.attemptId, storeId: window.storeId },
      captured: window.captured
    })
    const decision = navigationDecision(capture, { callbackLoads: deps.callbackLoads ?? !window.exchange })
    if (capture.kind === 'navigation') {
      if (!capture.allowed) logger.warn('authorization window: navigation blocked', { attemptId: window.attemptId, kind: navigation.kind, to: destinationForLog(navigation.url) })
      return decision
    }
    window.settled = { url: navigation.url, decision }
    if (capture.kind === 'captured') onCaptured(window, capture)
    else onRefused(window, capture)
    return decision
  }

  function onClosed(window: LiveWindow): void {
    if (!forget(window)) return
    // The code is being exchanged: the exchange settles the attempt, whatever the window does.
    if (window.exchanging) return
    const abandoned = transaction(() => {
      const changed = attempts.settle(window.attemptId, 'abandoned', 'The window was closed before the seller authorized')
      if (changed) attempts.note(window.storeId, 'Authorization window closed before the seller authorized', [])
      return changed
    })
    if (abandoned) {
      logger.info('authorization window closed before the callback', { storeId: window.storeId, attemptId: window.attemptId })
      result({
        storeId: window.storeId,
        attemptId: window.attemptId,
        outcome: 'abandoned',
        cause: 'window-closed',
        message: 'The authorization window was closed before the seller authorized. Nothing changed.',
        authorizationId: null
      })
    }
  }

  function open(request: OpenRequest): WindowAttemptStart {
    const authWindow = deps.authWindow
    if (!authWindow) {
      return { status: 'not-ready', message: 'Storewatch cannot open the authorization window here: use “Send the link instead”.', missing: null }
    }
    const { store, integrator } = request
    const already = [...live.values()].find((w) => w.storeId === store.id)
    // A window whose attempt ended (refused, cancelled on Lazada's page, expired) has nothing left
    // to capture: starting again replaces it. One still waiting for the seller is brought forward.
    if (already && (already.captured || already.exchanging || attempts.row(already.attemptId)?.outcome === 'pending')) {
      already.handle?.focus()
      throw new AppError('conflict', 'The authorization window for this store is already open: finish there, or close it to start again.')
    }
    if (already) close(already)

    const { row, url } = transaction(() => {
      const created = attempts.create(store.id, 'window', { endpoint: deps.authorizeEndpoint, clientId: integrator.appKey, redirectUri: integrator.callbackUrl })
      attempts.note(store.id, 'Authorization window opened', [{ field: 'attempt', label: 'Attempt', before: null, after: `#${created.row.id}` }])
      return created
    })
    const window: LiveWindow = {
      attemptId: row.id,
      storeId: store.id,
      omsName: integrator.omsName,
      callbackUrl: integrator.callbackUrl,
      allowList: authWindowAllowList({ authorizeEndpoint: deps.authorizeEndpoint }),
      handle: null,
      settled: null,
      captured: false,
      exchange: request.exchange,
      exchanging: false
    }
    live.set(row.id, window)
    try {
      window.handle = authWindow.open({
        url,
        title: windowTitle(request, deps.authorizeEndpoint),
        onNavigate: (navigation) => {
          try {
            return onNavigate(window, navigation)
          } catch (error) {
            logger.error('authorization window: navigation check failed', { attemptId: window.attemptId, message: (error as Error).message })
            return 'block'
          }
        },
        onClosed: () => onClosed(window)
      })
    } catch (error) {
      forget(window)
      attempts.settle(row.id, 'abandoned', 'The window could not open')
      logger.error('authorization window failed to open', { attemptId: row.id, message: (error as Error).message })
      throw new AppError('internal', 'The authorization window could not open. Try again, or use “Send the link instead”.')
    }
    watchExpiry()
    logger.info('authorization window opened', { storeId: store.id, attemptId: row.id })
    return { status: 'opened', attempt: toAttempt(attempts.row(row.id)!) }
  }

  function close(window: LiveWindow): void {
    window.handle?.close()
    // An adapter that reports the close later (or never) still leaves the attempt abandoned.
    onClosed(window)
  }

  return {
    open,

    /** Closes the attempt's window, if it has one open (the attempt then reads as abandoned). */
    close(attemptId: number): boolean {
      const window = live.get(attemptId)
      if (!window) return false
      close(window)
      return true
    },

    /** Closes every open window (the app is quitting). */
    closeAll(): void {
      for (const window of [...live.values()]) close(window)
    }
  }
}

export type WindowAttempts = ReturnType<typeof createWindowAttempts>
