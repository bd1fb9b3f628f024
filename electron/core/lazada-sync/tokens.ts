/**
 * Tokens from an in-app code exchange: kept sealed by the SecretStore (the access and refresh
 * token as one ciphertext, so a refresh swaps both in one write), refreshed before the access
 * token expires, probed with `/seller/get`.
 *
 * - Refresh runs single-flight per store; the new pair is sealed and saved (with the new
 *   deadlines and the authorization's lapse instant) in one transaction before the new access
 *   token is handed to anyone (OAUTH-09, OAUTH-10).
 * - `AUTH_TYPE_UNSUPPORTED`: the token is bound to the Service Market order. Not an error: the
 *   authorization then lapses with the subscription (its own deadline is cleared), and it is not
 *   refreshed again.
 * - `IllegalRefreshToken` (or a token that cannot be decrypted, or a probe refused while no
 *   refresh can help): the store needs authorization — its authorization lapses now (the status
 *   rules and the reminder ladder take it from there: one history entry, one notification) and
 *   the token is never tried again.
 * - Nothing here logs a token.
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { CoveredCountry } from '../../shared/countries'
import { COVERED_COUNTRIES } from '../../shared/countries'
import type { StoreTokenView } from '../../shared/lazada'
import type { DatabaseHandle } from '../db/open-database'
import { lazadaTokens, stores } from '../db/schema'
import { LazadaError } from '../lazada/lazada-api'
import type { LazadaApi, SellerAccountInfo, TokenGrant } from '../lazada/lazada-api'
import type { Clock, Logger, SealedSecret, SecretStore } from '../ports'
import type { RecordsService } from '../records/records-service'
import { formatLocal, timeZoneOf } from '../status/calendar'
import { writeTransaction } from '../db/write-transaction'

/** Refresh when the access token has less than this left (DOC-121098 says 48 hours ahead). */
export const REFRESH_AHEAD_MS = 48 * 60 * 60 * 1000

type TokenRow = typeof lazadaTokens.$inferSelect

export type RefreshOutcome =
  | { kind: 'refreshed'; accessToken: string }
  /** Nothing to do: no token, not active, or no refresh possible. */
  | { kind: 'skipped' }
  | { kind: 'market-bound' }
  | { kind: 'needs-authorization' }

export interface TokenFailure {
  storeId: number
  error: unknown
}

export interface MaintenanceResult {
  refreshed: number
  needsAuthorization: number
  probed: number
  failures: TokenFailure[]
}

export interface TokenKeeperDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  secretStore: SecretStore
  records: Pick<RecordsService, 'setAuthorizationDeadline'>
  /** Stores whose status may have moved outside a check run. */
  changed?: (storeIds: number[]) => void
}

interface Pair {
  access: string
  refresh: string
}

/** When an authorization backed by these tokens stops working unless the seller authorizes again. */
export function lapseOf(grant: Pick<TokenGrant, 'accessExpiresAt' | 'refreshExpiresAt'>): number {
  return grant.refreshExpiresAt ?? grant.accessExpiresAt
}

/** "seller@acme.sg (SG, short code SG10001, seller id 1001)" */
export function describeAccount(account: string | null, country: string, seller?: Pick<SellerAccountInfo, 'shortCode' | 'sellerId'> | null): string {
  const ids = [country]
  if (seller?.shortCode) ids.push(`short code ${seller.shortCode}`)
  if (seller?.sellerId) ids.push(`seller id ${seller.sellerId}`)
  return `${account ?? 'a seller account'} (${ids.join(', ')})`
}

export function createTokenKeeper(deps: TokenKeeperDeps) {
  const { database, clock, logger, secretStore, records } = deps
  const { db, sqlite } = database
  const inFlight = new Map<number, Promise<RefreshOutcome>>()

  function rowOf(storeId: number): TokenRow | undefined {
    return db.select().from(lazadaTokens).where(eq(lazadaTokens.storeId, storeId)).get()
  }

  async function seal(pair: Pair): Promise<SealedSecret> {
    return secretStore.seal(JSON.stringify({ a: pair.access, r: pair.refresh }))
  }

  /** The pair, or null when it cannot be decrypted (re-encrypted in place when the system asks). */
  async function open(row: TokenRow): Promise<Pair | null> {
    try {
      const opened = await secretStore.open({ ciphertext: row.ciphertext, backend: row.backend })
      const parsed = JSON.parse(opened.value) as { a?: unknown; r?: unknown }
      if (typeof parsed.a !== 'string' || typeof parsed.r !== 'string') return null
      if (opened.resealed) {
        const { ciphertext, backend } = opened.resealed
        db.update(lazadaTokens)
          .set({ ciphertext, backend })
          .where(and(eq(lazadaTokens.storeId, row.storeId), eq(lazadaTokens.ciphertext, row.ciphertext)))
          .run()
      }
      return { access: parsed.a, refresh: parsed.r }
    } catch {
      return null
    }
  }

  function countryOfStore(storeId: number): string | null {
    return db.select({ country: stores.country }).from(stores).where(eq(stores.id, storeId)).get()?.country ?? null
  }

  /** The store needs the seller to authorize again: the token is kept but never used again. */
  function needsAuthorization(row: TokenRow, reason: string, summary: string): void {
    const now = clock.now()
    const moved = writeTransaction(sqlite, () => {
      const changed = db
        .update(lazadaTokens)
        .set({ state: 'needs-authorization', stateReason: reason, updatedAt: now })
        .where(and(eq(lazadaTokens.storeId, row.storeId), eq(lazadaTokens.state, 'active'), eq(lazadaTokens.ciphertext, row.ciphertext)))
        .run().changes
      if (changed === 0) return false
      if (row.authorizationId !== null) records.setAuthorizationDeadline(row.storeId, row.authorizationId, now, summary)
      return true
    })
    if (moved) {
      logger.warn('a Lazada token was refused; the store needs authorization', { storeId: row.storeId })
      deps.changed?.([row.storeId])
    }
  }

  function marketBound(row: TokenRow): void {
    const now = clock.now()
    const moved = writeTransaction(sqlite, () => {
      const changed = db
        .update(lazadaTokens)
        .set({ marketBound: true, updatedAt: now })
        .where(and(eq(lazadaTokens.storeId, row.storeId), eq(lazadaTokens.marketBound, false)))
        .run().changes
      if (changed === 0) return false
      if (row.authorizationId !== null) {
        records.setAuthorizationDeadline(
          row.storeId,
          row.authorizationId,
          null,
          'Lazada binds this authorization to the Service Market subscription: it lasts until the subscription ends'
        )
      }
      return true
    })
    if (moved) {
      logger.info('a Lazada token is bound to the Service Market subscription', { storeId: row.storeId })
      deps.changed?.([row.storeId])
    }
  }

  async function refreshWith(row: TokenRow, pair: Pair, api: LazadaApi): Promise<RefreshOutcome> {
    let grant: TokenGrant
    try {
      grant = await api.refreshToken(pair.refresh)
    } catch (error) {
      if (error instanceof LazadaError && error.kind === 'auth-type-unsupported') {
        marketBound(row)
        return { kind: 'market-bound' }
      }
      if (error instanceof LazadaError && error.kind === 'illegal-refresh-token') {
        needsAuthorization(row, error.message, 'Lazada refused the stored refresh token: the seller must authorize again')
        return { kind: 'needs-authorization' }
      }
      throw error
    }
    const sealed = await seal({ access: grant.accessToken, refresh: grant.refreshToken })
    const now = clock.now()
    const saved = writeTransaction(sqlite, () => {
      // Only over the pair this refresh started from: a new authorization meanwhile wins.
      const changed = db
        .update(lazadaTokens)
        .set({
          ciphertext: sealed.ciphertext,
          backend: sealed.backend,
          accessExpiresAt: grant.accessExpiresAt,
          refreshExpiresAt: grant.refreshExpiresAt,
          refreshedAt: now,
          updatedAt: now
        })
        .where(and(eq(lazadaTokens.storeId, row.storeId), eq(lazadaTokens.ciphertext, row.ciphertext), eq(lazadaTokens.state, 'active')))
        .run().changes
      if (changed === 0) return false
      if (row.authorizationId !== null) records.setAuthorizationDeadline(row.storeId, row.authorizationId, lapseOf(grant), 'Lazada token refreshed')
      return true
    })
    if (!saved) return { kind: 'skipped' }
    logger.info('Lazada token refreshed', { storeId: row.storeId })
    return { kind: 'refreshed', accessToken: grant.accessToken }
  }

  /** Refreshes a store's token now, joining a refresh already running for it. */
  function refresh(storeId: number, api: LazadaApi): Promise<RefreshOutcome> {
    const running = inFlight.get(storeId)
    if (running) return running
    const started = (async (): Promise<RefreshOutcome> => {
      const row = rowOf(storeId)
      if (!row || row.state !== 'active' || row.marketBound) return { kind: 'skipped' }
      if (row.refreshExpiresAt === null || row.refreshExpiresAt <= clock.now()) return { kind: 'skipped' }
      const pair = await open(row)
      if (!pair) {
        needsAuthorization(row, 'The stored token can no longer be decrypted on this computer.', 'The stored Lazada token can no longer be read: the seller must authorize again')
        return { kind: 'needs-authorization' }
      }
      return refreshWith(row, pair, api)
    })().finally(() => inFlight.delete(storeId))
    inFlight.set(storeId, started)
    return started
  }

  function refreshDue(row: TokenRow, now: number): boolean {
    return (
      row.state === 'active' &&
      !row.marketBound &&
      row.refreshExpiresAt !== null &&
      row.refreshExpiresAt > now &&
      row.accessExpiresAt - now <= REFRESH_AHEAD_MS
    )
  }

  /** A usable access token and the row it came from: refreshed first when due. Null when the store has none that works. */
  async function usable(storeId: number, api: LazadaApi): Promise<{ token: string; row: TokenRow } | null> {
    const row = rowOf(storeId)
    if (!row || row.state !== 'active') return null
    if (refreshDue(row, clock.now())) {
      const outcome = await refresh(storeId, api)
      if (outcome.kind === 'needs-authorization') return null
    }
    const current = rowOf(storeId)
    if (!current || current.state !== 'active') return null
    const pair = await open(current)
    if (!pair) {
      needsAuthorization(current, 'The stored token can no longer be decrypted on this computer.', 'The stored Lazada token can no longer be read: the seller must authorize again')
      return null
    }
    return { token: pair.access, row: current }
  }

  /** Probes one store's token with `/seller/get`; a refused token is refreshed once, else the store needs authorization. */
  async function probe(storeId: number, api: LazadaApi, venture: CoveredCountry): Promise<'ok' | 'needs-authorization' | 'skipped'> {
    const found = await usable(storeId, api)
    if (found === null) return rowOf(storeId)?.state === 'needs-authorization' ? 'needs-authorization' : 'skipped'
    try {
      await api.seller(venture, found.token)
    } catch (error) {
      if (!(error instanceof LazadaError && error.kind === 'illegal-access-token')) throw error
      const outcome = found.row.marketBound ? ({ kind: 'market-bound' } as RefreshOutcome) : await refresh(storeId, api)
      if (outcome.kind === 'refreshed') {
        await api.seller(venture, outcome.accessToken)
      } else if (outcome.kind === 'needs-authorization') {
        return 'needs-authorization'
      } else {
        // Bound to the subscription (or past its refresh deadline) and refused: revoked or run out.
        needsAuthorization(found.row, error.message, 'Lazada no longer accepts the store’s access token: the seller must authorize again')
        return rowOf(storeId)?.state === 'needs-authorization' ? 'needs-authorization' : 'skipped'
      }
    }
    db.update(lazadaTokens).set({ probedAt: clock.now() }).where(eq(lazadaTokens.storeId, storeId)).run()
    return 'ok'
  }

  return {
    seal,

    /**
     * Keeps an exchange's tokens for a store, replacing any earlier pair. Synchronous, for the
     * caller's transaction (the one that records the authorization).
     */
    attach(storeId: number, authorizationId: number, grant: TokenGrant, seller: SellerAccountInfo | null, sealed: SealedSecret): void {
      const now = clock.now()
      const values = {
        authorizationId,
        ciphertext: sealed.ciphertext,
        backend: sealed.backend,
        country: grant.country,
        account: grant.account,
        sellerId: seller?.sellerId ?? null,
        shortCode: seller?.shortCode ?? null,
        accessExpiresAt: grant.accessExpiresAt,
        refreshExpiresAt: grant.refreshExpiresAt,
        marketBound: false,
        state: 'active' as const,
        stateReason: null,
        obtainedAt: now,
        refreshedAt: null,
        probedAt: null,
        updatedAt: now
      }
      db.insert(lazadaTokens)
        .values({ storeId, ...values })
        .onConflictDoUpdate({ target: lazadaTokens.storeId, set: values })
        .run()
    },

    refresh,
    /** A usable access token for the store (refreshed first when due), or null. */
    accessToken: async (storeId: number, api: LazadaApi) => (await usable(storeId, api))?.token ?? null,
    probe,
    /** Whether a store's refresh is running (tests). */
    refreshing: (storeId: number) => inFlight.has(storeId),

    /**
     * The scheduled upkeep of every active token of a store not archived: refresh when due, then
     * the health probe on the store's own gateway. One store's failure never stops the others.
     */
    async maintain(api: LazadaApi, options: { concurrency: number }): Promise<MaintenanceResult> {
      const rows = db
        .select({ storeId: lazadaTokens.storeId, country: stores.country })
        .from(lazadaTokens)
        .innerJoin(stores, eq(stores.id, lazadaTokens.storeId))
        .where(and(eq(lazadaTokens.state, 'active'), isNull(stores.archivedAt)))
        .all()
      const result: MaintenanceResult = { refreshed: 0, needsAuthorization: 0, probed: 0, failures: [] }
      const queue = rows.filter((r) => (COVERED_COUNTRIES as readonly string[]).includes(r.country))
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { storeId, country } = next
          try {
            const before = rowOf(storeId)
            const outcome = await probe(storeId, api, country as CoveredCountry)
            const after = rowOf(storeId)
            if (before && after && after.refreshedAt !== before.refreshedAt) result.refreshed++
            if (outcome === 'needs-authorization') result.needsAuthorization++
            if (outcome === 'ok') result.probed++
          } catch (error) {
            result.failures.push({ storeId, error })
          }
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker))
      return result
    },

    view(storeId: number): StoreTokenView | null {
      const row = rowOf(storeId)
      if (!row) return null
      const country = countryOfStore(storeId) ?? row.country
      const zone = timeZoneOf(country)
      const at = (instant: number) => `${formatLocal(instant, zone)} (${country} time)`
      let message: string
      if (row.state === 'needs-authorization') message = `Lazada no longer accepts the store’s tokens: the seller must authorize again. ${row.stateReason ?? ''}`.trim()
      else if (row.marketBound) message = 'Bound to the Service Market subscription: the authorization lasts until the subscription ends.'
      else if (row.refreshExpiresAt === null) message = `Lazada gave no refresh token lifetime: the authorization lapses ${at(row.accessExpiresAt)}.`
      else message = `Refreshed automatically before ${at(row.accessExpiresAt)}; the seller must authorize again by ${at(row.refreshExpiresAt)}.`
      return {
        state: row.state,
        account: row.account,
        country: row.country,
        shortCode: row.shortCode,
        sellerId: row.sellerId,
        accessExpiresAt: row.accessExpiresAt,
        refreshExpiresAt: row.refreshExpiresAt,
        marketBound: row.marketBound,
        obtainedAt: row.obtainedAt,
        refreshedAt: row.refreshedAt,
        probedAt: row.probedAt,
        message
      }
    }
  }
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>
