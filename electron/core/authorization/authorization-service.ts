/**
 * Authorization attempts. "Reauthorize" opens Lazada's authorization page in the AuthWindow port
 * with a fresh one-time state bound to the store; every top-level navigation and redirect goes
 * through `captureNavigation`; a valid callback records the authorization (method
 * 'embedded-window'), ticks the checklist's authorization step (through the records service's
 * evidence), tells the renderer, and lets the callback page load. Closing the window first
 * abandons the attempt and changes nothing else. "Send the link instead" gives the same URL with
 * its own state to copy; the KAM confirms the authorization later.
 *
 * With the integrator setting `exchangeCodeInApp` on, the capture instead cancels the callback
 * navigation and exchanges the code itself (`/auth/token/create`, once): an account that is the
 * store's records the authorization (method 'token-exchange', with the tokens' lapse instant) and
 * keeps the tokens sealed, in one transaction; any other account is refused with a warning naming
 * both accounts, and nothing is attached to the store. The window closes when the exchange ends.
 *
 * Never logged or stored: the code, the state (only its SHA-256 is kept), the full URLs, tokens.
 */
import { and, desc, eq, gte } from 'drizzle-orm'
import { ATTEMPT_LIFETIME_MS } from '../../shared/authorization'
import type { AttemptMode, AuthorizationAttempt, AuthorizationResult, LinkAttemptStart, WindowAttemptStart } from '../../shared/authorization'
import { countryInfo } from '../../shared/countries'
import { authorizeBlocker, authorizeEndpoint } from '../../shared/integrator'
import type { IntegratorProfile } from '../../shared/integrator'
import type { FieldChange } from '../../shared/portfolio'
import type { Authorization } from '../../shared/records'
import type { CodeExchange, ExchangeOutcome } from '../lazada-sync/code-exchange'
import { lapseOf } from '../lazada-sync/tokens'
import type { TokenKeeper } from '../lazada-sync/tokens'
import type { DatabaseHandle } from '../db/open-database'
import { authorizationAttempts, stores } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, AuthNavigationDecision, AuthWindow, AuthWindowHandle, AuthWindowNavigation, Broadcast, Clock, Logger } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History } from '../portfolio/store-history'
import type { RecordsService } from '../records/records-service'
import type { SettingsService } from '../settings/settings-service'
import { authWindowAllowList } from './allow-list'
import type { NavigationAllowList } from './allow-list'
import { buildAuthorizeUrl } from './authorize-url'
import { captureNavigation, navigationDecision } from './capture'
import type { CaptureResult, KnownAttempt } from './capture'
import { hashState, newState } from './state'

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

type AttemptRow = typeof authorizationAttempts.$inferSelect

interface LiveWindow {
  attemptId: number
  storeId: number
  callbackUrl: string
  allowList: NavigationAllowList
  omsName: string
  handle: AuthWindowHandle | null
  /** The callback URL already acted on and the answer given, so a second report of it (redirect, then navigation) does nothing more. */
  settled: { url: string; decision: AuthNavigationDecision } | null
  /** This window's capture exchanges the code in the app (the setting when it opened). */
  exchange: boolean
  /** The captured code is being exchanged: closing the window now does not abandon the attempt. */
  exchanging: boolean
}

/** Where a blocked navigation was going, for the log: the origin of a web URL, else its scheme only. */
export function destinationForLog(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : parsed.protocol
  } catch {
    return '(unparsable url)'
  }
}

/** How far back states are looked up: older ones are long expired and read as unknown. */
const KNOWN_ATTEMPTS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

function toAttempt(row: AttemptRow): AuthorizationAttempt {
  return {
    id: row.id,
    storeId: row.storeId,
    mode: row.mode,
    country: row.country,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    expiresAt: row.expiresAt,
    outcome: row.outcome,
    outcomeAt: row.outcomeAt,
    outcomeReason: row.outcomeReason,
    authorizationId: row.authorizationId,
    authorizedCountry: row.authorizedCountry
  }
}

export function createAuthorizationService(deps: AuthorizationServiceDeps) {
  const { database, clock, actor, logger, history, settings, records, broadcast } = deps
  const { db, sqlite } = database
  const makeState = deps.newState ?? (() => newState())
  const live = new Map<number, LiveWindow>()
  /** Exchanges under way, so the app (and tests) can wait for them. */
  const exchanges = new Set<Promise<void>>()

  function storeOf(storeId: number) {
    const store = db
      .select({ id: stores.id, storeName: stores.storeName, country: stores.country, sellerShortCode: stores.sellerShortCode, sellerId: stores.sellerId })
      .from(stores)
      .where(eq(stores.id, storeId))
      .get()
    if (!store) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
    return store
  }

  function attemptRow(attemptId: number): AttemptRow | undefined {
    return db.select().from(authorizationAttempts).where(eq(authorizationAttempts.id, attemptId)).get()
  }

  function note(storeId: number, summary: string, changes: FieldChange[], who = actor.name()): void {
    history.add(storeId, { kind: 'authorization-attempt', summary }, changes, clock.now(), who)
  }

  /** Marks pending attempts past their 30 minutes as expired (an open window stays open; its callback is refused). */
  function expireStale(storeId?: number): void {
    const now = clock.now()
    const stale = db
      .select()
      .from(authorizationAttempts)
      .where(storeId === undefined ? eq(authorizationAttempts.outcome, 'pending') : and(eq(authorizationAttempts.outcome, 'pending'), eq(authorizationAttempts.storeId, storeId)))
      .all()
      .filter((row) => now >= row.expiresAt)
    for (const row of stale) {
      db.update(authorizationAttempts)
        .set({ outcome: 'expired', outcomeAt: now, outcomeReason: 'Not used within 30 minutes' })
        .where(and(eq(authorizationAttempts.id, row.id), eq(authorizationAttempts.outcome, 'pending')))
        .run()
    }
  }

  function createAttempt(storeId: number, mode: AttemptMode, profile: IntegratorProfile): { row: AttemptRow; url: string } {
    const store = storeOf(storeId)
    const state = makeState()
    const now = clock.now()
    const row = db
      .insert(authorizationAttempts)
      .values({
        storeId,
        mode,
        stateHash: hashState(state),
        country: store.country,
        createdAt: now,
        createdBy: actor.name(),
        expiresAt: now + ATTEMPT_LIFETIME_MS,
        outcome: 'pending'
      })
      .returning()
      .get()
    const url = buildAuthorizeUrl({
      endpoint: authorizeEndpoint(profile),
      clientId: profile.appKey,
      redirectUri: profile.callbackUrl,
      country: store.country,
      state
    })
    return { row, url }
  }

  function blocker(storeId: number) {
    const store = storeOf(storeId)
    const { policy, integrator } = settings.get()
    return { store, integrator, blocked: authorizeBlocker(integrator, policy, store.country) }
  }

  /** Why an exchange window cannot open for the store, or null. */
  function exchangeBlocker(store: ReturnType<typeof storeOf>): string | null {
    if (!deps.exchange) return 'This Storewatch cannot exchange the code itself: turn off “Exchange the code in Storewatch” in Settings → Integrator.'
    if (!(deps.hasSecret?.() ?? false)) return 'To exchange the code in Storewatch, save the app secret in Settings → Lazada connection first.'
    if (!store.sellerShortCode && !store.sellerId) {
      return 'Add the store’s seller short code (or seller id) first: the account the seller authorizes is checked against it before anything is attached to the store.'
    }
    return null
  }

  function knownAttempts(): KnownAttempt[] {
    return db
      .select()
      .from(authorizationAttempts)
      .where(gte(authorizationAttempts.createdAt, clock.now() - KNOWN_ATTEMPTS_WINDOW_MS))
      .all()
      .map((row) => ({ id: row.id, storeId: row.storeId, stateHash: row.stateHash, expiresAt: row.expiresAt, used: row.usedAt !== null }))
  }

  function settle(window: LiveWindow, outcome: 'refused' | 'expired' | 'abandoned', reason: string): boolean {
    const now = clock.now()
    const changed = db
      .update(authorizationAttempts)
      .set({ outcome, outcomeAt: now, outcomeReason: reason, usedAt: now })
      .where(and(eq(authorizationAttempts.id, window.attemptId), eq(authorizationAttempts.outcome, 'pending')))
      .run().changes
    return changed > 0
  }

  function result(payload: AuthorizationResult): void {
    broadcast('authorizations:result', payload)
  }

  /** An authorization is on record: every window hears the store changed, the KAM gets the result. */
  function announceCaptured(window: LiveWindow, authorizationId: number, message: string, logEvent: string): void {
    logger.info(logEvent, { storeId: window.storeId, attemptId: window.attemptId })
    broadcast('stores:changed', { storeIds: [window.storeId] })
    result({ storeId: window.storeId, attemptId: window.attemptId, outcome: 'captured', message, authorizationId })
  }

  function onCaptured(window: LiveWindow, captured: Extract<CaptureResult, { kind: 'captured' }>): void {
    const store = storeOf(window.storeId)
    const now = clock.now()
    const country = captured.country ?? store.country
    const authorization: Authorization = sqlite.transaction(() => {
      const created = records.recordAuthorization(window.storeId, {
        authorizedAt: now,
        method: 'embedded-window',
        account: null,
        country,
        refreshDeadlineAt: null,
        note: `Captured in Storewatch’s Lazada window (attempt #${window.attemptId})`,
        reconnected: false
      })
      db.update(authorizationAttempts)
        .set({ outcome: 'captured', outcomeAt: now, usedAt: now, authorizationId: created.id, authorizedCountry: captured.country })
        .where(eq(authorizationAttempts.id, window.attemptId))
        .run()
      note(
        window.storeId,
        'Authorization captured in Storewatch’s Lazada window',
        [
          { field: 'attempt', label: 'Attempt', before: null, after: `#${window.attemptId}` },
          { field: 'authorizedCountry', label: 'Country', before: null, after: `${countryInfo(country).name}${captured.country ? ' (picked by the seller)' : ''}` }
        ],
        SYSTEM_ACTOR
      )
      return created
    })()
    announceCaptured(window, authorization.id, `Authorized — now reconnect the store in ${window.omsName}`, 'authorization captured')
  }

  /** The callback was blocked with a valid state: spend the state now, then exchange the code in the background. */
  function startExchange(window: LiveWindow, captured: Extract<CaptureResult, { kind: 'captured' }>): void {
    const store = storeOf(window.storeId)
    window.exchanging = true
    const now = clock.now()
    db.update(authorizationAttempts).set({ usedAt: now, authorizedCountry: captured.country }).where(eq(authorizationAttempts.id, window.attemptId)).run()
    logger.info('authorization captured; exchanging the code', { storeId: window.storeId, attemptId: window.attemptId })
    const running: Promise<void> = (async () => {
      let outcome: ExchangeOutcome
      try {
        outcome = await deps.exchange!(store, captured.code)
      } catch (error) {
        logger.error('the code exchange failed unexpectedly', { attemptId: window.attemptId, message: (error as Error).message })
        outcome = { kind: 'failed', cause: 'unexpected', message: 'Storewatch could not exchange the code. Start again with Reauthorize.' }
      }
      try {
        finishExchange(window, outcome)
      } catch (error) {
        logger.error('the code exchange could not be recorded', { attemptId: window.attemptId, message: (error as Error).message })
      } finally {
        window.exchanging = false
        window.handle?.close()
      }
    })().finally(() => exchanges.delete(running))
    exchanges.add(running)
  }

  function finishExchange(window: LiveWindow, outcome: ExchangeOutcome): void {
    const now = clock.now()
    if (outcome.kind === 'matched') {
      const { grant, seller, sealed, account } = outcome
      const store = storeOf(window.storeId)
      const authorization = sqlite.transaction(() => {
        const created = records.recordAuthorization(window.storeId, {
          authorizedAt: now,
          method: 'token-exchange',
          account,
          country: grant.country === 'CB' ? 'CB' : store.country,
          refreshDeadlineAt: lapseOf(grant),
          note: `Code exchanged in Storewatch’s Lazada window (attempt #${window.attemptId})`,
          reconnected: false
        })
        deps.tokens?.attach(window.storeId, created.id, grant, seller, sealed)
        db.update(authorizationAttempts)
          .set({ outcome: 'captured', outcomeAt: now, usedAt: now, authorizationId: created.id })
          .where(eq(authorizationAttempts.id, window.attemptId))
          .run()
        note(
          window.storeId,
          'Authorization confirmed by a token exchange',
          [
            { field: 'attempt', label: 'Attempt', before: null, after: `#${window.attemptId}` },
            { field: 'account', label: 'Seller account', before: null, after: account }
          ],
          SYSTEM_ACTOR
        )
        return created
      })()
      announceCaptured(
        window,
        authorization.id,
        `Authorized as ${account}; the tokens are kept encrypted — now reconnect the store in ${window.omsName}`,
        'authorization exchanged and recorded'
      )
      return
    }
    const summary = outcome.kind === 'mismatch' ? 'Authorization refused: another seller account' : 'Authorization code could not be exchanged'
    sqlite.transaction(() => {
      db.update(authorizationAttempts)
        .set({ outcome: 'refused', outcomeAt: now, usedAt: now, outcomeReason: outcome.message })
        .where(eq(authorizationAttempts.id, window.attemptId))
        .run()
      note(window.storeId, summary, [{ field: 'reason', label: 'Why', before: null, after: outcome.message }], SYSTEM_ACTOR)
    })()
    result({ storeId: window.storeId, attemptId: window.attemptId, outcome: 'refused', message: outcome.message, authorizationId: null })
  }

  function onRefused(window: LiveWindow, refused: Extract<CaptureResult, { kind: 'refused' }>): void {
    logger.warn('authorization callback refused', { storeId: window.storeId, attemptId: window.attemptId, reason: refused.reason, lazadaError: refused.lazadaError })
    // Lazada's `access_denied` is the seller pressing Cancel: the attempt is abandoned, not refused.
    const cancelled = refused.reason === 'lazada-error' && refused.lazadaError === 'access_denied'
    const outcome = cancelled ? 'abandoned' : refused.reason === 'expired-state' && refused.attemptId === window.attemptId ? 'expired' : 'refused'
    const message = cancelled ? 'The seller cancelled on Lazada’s page. Nothing changed.' : refused.message
    const summary = cancelled ? 'Authorization cancelled by the seller' : outcome === 'expired' ? 'Authorization came back too late' : 'Authorization refused'
    const settledNow = sqlite.transaction(() => {
      const changed = settle(window, outcome, message)
      if (changed) note(window.storeId, summary, [{ field: 'reason', label: 'Why', before: null, after: message }], SYSTEM_ACTOR)
      return changed
    })()
    if (settledNow) result({ storeId: window.storeId, attemptId: window.attemptId, outcome, message, authorizationId: null })
  }

  function onNavigate(window: LiveWindow, navigation: AuthWindowNavigation): AuthNavigationDecision {
    if (window.settled && window.settled.url === navigation.url) return window.settled.decision
    const capture = captureNavigation({
      url: navigation.url,
      callbackUrl: window.callbackUrl,
      attempts: knownAttempts(),
      now: clock.now(),
      allowList: window.allowList,
      expect: { attemptId: window.attemptId, storeId: window.storeId }
    })
    const decision = navigationDecision(capture, { callbackLoads: deps.callbackLoads ?? !window.exchange })
    if (capture.kind === 'navigation') {
      if (!capture.allowed) logger.warn('authorization window: navigation blocked', { attemptId: window.attemptId, kind: navigation.kind, to: destinationForLog(navigation.url) })
      return decision
    }
    window.settled = { url: navigation.url, decision }
    if (capture.kind === 'captured' && window.exchange) startExchange(window, capture)
    else if (capture.kind === 'captured') onCaptured(window, capture)
    else onRefused(window, capture)
    return decision
  }

  function onClosed(window: LiveWindow): void {
    if (live.get(window.attemptId) !== window) return
    live.delete(window.attemptId)
    // The code is being exchanged: the exchange settles the attempt, whatever the window does.
    if (window.exchanging) return
    const abandoned = sqlite.transaction(() => {
      const changed = settle(window, 'abandoned', 'The window was closed before the seller authorized')
      if (changed) note(window.storeId, 'Authorization window closed before the seller authorized', [])
      return changed
    })()
    if (abandoned) {
      logger.info('authorization window closed before the callback', { storeId: window.storeId, attemptId: window.attemptId })
      result({ storeId: window.storeId, attemptId: window.attemptId, outcome: 'abandoned', message: 'The authorization window was closed before the seller authorized. Nothing changed.', authorizationId: null })
    }
  }

  return {
    /** A store's attempts, newest first (pending ones past 30 minutes read as expired). */
    attempts(storeId: number): AuthorizationAttempt[] {
      storeOf(storeId)
      expireStale(storeId)
      return db
        .select()
        .from(authorizationAttempts)
        .where(eq(authorizationAttempts.storeId, storeId))
        .orderBy(desc(authorizationAttempts.createdAt), desc(authorizationAttempts.id))
        .all()
        .map(toAttempt)
    },

    /** "Reauthorize": opens Lazada's authorization page for the store in the authorization window. */
    openWindow(storeId: number): WindowAttemptStart {
      const { store, integrator, blocked } = blocker(storeId)
      if (blocked) return { status: 'not-ready', message: blocked.message, missing: blocked.missing }
      const exchange = integrator.exchangeCodeInApp ?? false
      if (exchange) {
        const notReady = exchangeBlocker(store)
        if (notReady) return { status: 'not-ready', message: notReady, missing: null }
      }
      const authWindow = deps.authWindow
      if (!authWindow) {
        return { status: 'not-ready', message: 'Storewatch cannot open the authorization window here: use “Send the link instead”.', missing: null }
      }
      const already = [...live.values()].find((w) => w.storeId === storeId)
      if (already) {
        already.handle?.focus()
        throw new AppError('conflict', 'The authorization window for this store is already open: finish there, or close it to start again.')
      }

      const { row, url } = sqlite.transaction(() => {
        const created = createAttempt(storeId, 'window', integrator)
        note(storeId, 'Authorization window opened', [{ field: 'attempt', label: 'Attempt', before: null, after: `#${created.row.id}` }])
        return created
      })()
      const window: LiveWindow = {
        attemptId: row.id,
        storeId,
        callbackUrl: integrator.callbackUrl,
        allowList: authWindowAllowList({ callbackUrl: integrator.callbackUrl, authorizeEndpoint: authorizeEndpoint(integrator) }),
        omsName: integrator.omsName,
        handle: null,
        settled: null,
        exchange,
        exchanging: false
      }
      live.set(row.id, window)
      try {
        window.handle = authWindow.open({
          url,
          title: `Authorize ${integrator.appName} — ${store.storeName} (${store.country})`,
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
        live.delete(row.id)
        settle(window, 'abandoned', 'The window could not open')
        logger.error('authorization window failed to open', { attemptId: row.id, message: (error as Error).message })
        throw new AppError('internal', 'The authorization window could not open. Try again, or use “Send the link instead”.')
      }
      logger.info('authorization window opened', { storeId, attemptId: row.id })
      return { status: 'opened', attempt: toAttempt(attemptRow(row.id)!) }
    },

    /** "Send the link instead": the authorization URL with a fresh state, for the seller's own browser. */
    createLink(storeId: number): LinkAttemptStart {
      const { integrator, blocked } = blocker(storeId)
      if (blocked) return { status: 'not-ready', message: blocked.message, missing: blocked.missing }
      const { row, url } = sqlite.transaction(() => {
        const created = createAttempt(storeId, 'link', integrator)
        note(storeId, 'Authorization link created for the seller', [{ field: 'attempt', label: 'Attempt', before: null, after: `#${created.row.id}` }])
        return created
      })()
      return { status: 'created', attempt: toAttempt(row), url }
    },

    /** The KAM confirms the seller authorized through a link: records it (method 'seller-link'). */
    confirmLink(storeId: number, attemptId: number): Authorization {
      return sqlite.transaction(() => {
        const row = attemptRow(attemptId)
        if (!row || row.storeId !== storeId) throw new AppError('not-found', 'That authorization link is not on record for this store.')
        if (row.mode !== 'link') throw new AppError('conflict', 'Only a link sent to the seller can be confirmed; the window records its authorization by itself.')
        if (row.outcome === 'captured') throw new AppError('conflict', 'This link’s authorization is already recorded.')
        if (row.outcome === 'abandoned' || row.outcome === 'refused') throw new AppError('conflict', 'This link was withdrawn: create a new one if the seller still has to authorize.')
        const now = clock.now()
        const created = records.recordAuthorization(storeId, {
          authorizedAt: now,
          method: 'seller-link',
          account: null,
          country: row.country,
          refreshDeadlineAt: null,
          note: `Confirmed by the KAM (link attempt #${attemptId})`,
          reconnected: false
        })
        db.update(authorizationAttempts)
          .set({ outcome: 'captured', outcomeAt: now, usedAt: now, authorizationId: created.id })
          .where(eq(authorizationAttempts.id, attemptId))
          .run()
        return created
      })()
    },

    /** Closes an attempt's window (it then reads as abandoned), or withdraws a pending link. */
    cancel(attemptId: number): AuthorizationAttempt {
      const window = live.get(attemptId)
      if (window) {
        window.handle?.close()
        // An adapter that reports the close later (or never) still leaves the attempt abandoned.
        onClosed(window)
      } else {
        const row = attemptRow(attemptId)
        if (!row) throw new AppError('not-found', 'That authorization attempt is not on record.')
        if (row.outcome === 'pending') {
          const now = clock.now()
          sqlite.transaction(() => {
            db.update(authorizationAttempts)
              .set({ outcome: 'abandoned', outcomeAt: now, usedAt: now, outcomeReason: 'Withdrawn by the KAM' })
              .where(eq(authorizationAttempts.id, attemptId))
              .run()
            note(row.storeId, row.mode === 'link' ? 'Authorization link withdrawn' : 'Authorization attempt withdrawn', [
              { field: 'attempt', label: 'Attempt', before: null, after: `#${attemptId}` }
            ])
          })()
        }
      }
      return toAttempt(attemptRow(attemptId)!)
    },

    /** Resolves once every code exchange under way has been recorded. */
    async exchangesSettled(): Promise<void> {
      while (exchanges.size) await Promise.all([...exchanges])
    },

    /** Closes every open authorization window (the app is quitting). */
    closeAll(): void {
      for (const window of [...live.values()]) {
        window.handle?.close()
        onClosed(window)
      }
    }
  }
}

export type AuthorizationService = ReturnType<typeof createAuthorizationService>
