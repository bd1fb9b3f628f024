/**
 * The authorization attempts table: one row per "Reauthorize" or "Send the link instead", holding
 * the SHA-256 of its one-time state (never the state), its 30-minute end and its outcome. Every
 * write that ends an attempt goes through `settle`, which changes a pending attempt only, so an
 * outcome once recorded (captured, refused, abandoned, expired) is never overwritten.
 */
import { and, desc, eq, gte } from 'drizzle-orm'
import { ATTEMPT_LIFETIME_MS } from '../../shared/authorization'
import type { AttemptMode, AttemptOutcome, AuthorizationAttempt } from '../../shared/authorization'
import type { FieldChange } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { authorizationAttempts, stores } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import type { History } from '../portfolio/store-history'
import { buildAuthorizeUrl } from './authorize-url'
import type { KnownAttempt } from './capture'
import { hashState, newState } from './state'

export type AttemptRow = typeof authorizationAttempts.$inferSelect

/** How far back states are looked up: older ones are long expired and read as unknown. */
const KNOWN_ATTEMPTS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

export const EXPIRED_REASON = 'Not used within 30 minutes'

export interface AttemptStoreDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  /** Where states come from; tests may fix them. Default: 16 bytes from the OS CSPRNG. */
  newState?: () => string
}

/** What the authorization URL needs besides the state: where it opens, the app key and the callback. */
export interface AuthorizeTarget {
  endpoint: string
  clientId: string
  redirectUri: string
}

export function toAttempt(row: AttemptRow): AuthorizationAttempt {
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

export function createAttemptStore(deps: AttemptStoreDeps) {
  const { database, clock, actor, history } = deps
  const { db } = database
  const makeState = deps.newState ?? (() => newState())

  function storeOf(storeId: number) {
    const store = db
      .select({ id: stores.id, storeName: stores.storeName, country: stores.country, sellerShortCode: stores.sellerShortCode, sellerId: stores.sellerId })
      .from(stores)
      .where(eq(stores.id, storeId))
      .get()
    if (!store) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
    return store
  }

  function row(attemptId: number): AttemptRow | undefined {
    return db.select().from(authorizationAttempts).where(eq(authorizationAttempts.id, attemptId)).get()
  }

  return {
    storeOf,
    row,

    /** One line in the store's history about an attempt. */
    note(storeId: number, summary: string, changes: FieldChange[], who = actor.name()): void {
      history.add(storeId, { kind: 'authorization-attempt', summary }, changes, clock.now(), who)
    },

    /** A new pending attempt with a fresh state, and the authorization URL that carries it. */
    create(storeId: number, mode: AttemptMode, target: AuthorizeTarget): { row: AttemptRow; url: string } {
      const store = storeOf(storeId)
      const state = makeState()
      const now = clock.now()
      const created = db
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
      const url = buildAuthorizeUrl({ endpoint: target.endpoint, clientId: target.clientId, redirectUri: target.redirectUri, country: store.country, state })
      return { row: created, url }
    },

    /** Marks pending attempts past their 30 minutes as expired. */
    expireStale(storeId?: number): void {
      const now = clock.now()
      const pending = eq(authorizationAttempts.outcome, 'pending')
      const stale = db
        .select()
        .from(authorizationAttempts)
        .where(storeId === undefined ? pending : and(pending, eq(authorizationAttempts.storeId, storeId)))
        .all()
        .filter((r) => now >= r.expiresAt)
      for (const r of stale) {
        db.update(authorizationAttempts)
          .set({ outcome: 'expired', outcomeAt: now, outcomeReason: EXPIRED_REASON })
          .where(and(eq(authorizationAttempts.id, r.id), pending))
          .run()
      }
    },

    /** Attempts of the last week, as capture needs them. */
    known(): KnownAttempt[] {
      return db
        .select()
        .from(authorizationAttempts)
        .where(gte(authorizationAttempts.createdAt, clock.now() - KNOWN_ATTEMPTS_WINDOW_MS))
        .all()
        .map((r) => ({ id: r.id, storeId: r.storeId, stateHash: r.stateHash, expiresAt: r.expiresAt, used: r.usedAt !== null, outcome: r.outcome }))
    },

    /** Ends a pending attempt (spending its state); false when it had already ended. */
    settle(attemptId: number, outcome: Exclude<AttemptOutcome, 'pending' | 'captured'>, reason: string): boolean {
      const now = clock.now()
      return (
        db
          .update(authorizationAttempts)
          .set({ outcome, outcomeAt: now, outcomeReason: reason, usedAt: now })
          .where(and(eq(authorizationAttempts.id, attemptId), eq(authorizationAttempts.outcome, 'pending')))
          .run().changes > 0
      )
    },

    /** Records the authorization an attempt produced. */
    markCaptured(attemptId: number, authorizationId: number, authorizedCountry?: string | null): void {
      const now = clock.now()
      db.update(authorizationAttempts)
        .set({ outcome: 'captured', outcomeAt: now, usedAt: now, authorizationId, ...(authorizedCountry === undefined ? {} : { authorizedCountry }) })
        .where(eq(authorizationAttempts.id, attemptId))
        .run()
    },

    /** Spends the state while the attempt stays pending (a code exchange under way). */
    markUsed(attemptId: number, authorizedCountry: string | null): void {
      db.update(authorizationAttempts).set({ usedAt: clock.now(), authorizedCountry }).where(eq(authorizationAttempts.id, attemptId)).run()
    },

    /** A store's attempts, newest first. */
    ofStore(storeId: number): AuthorizationAttempt[] {
      return db
        .select()
        .from(authorizationAttempts)
        .where(eq(authorizationAttempts.storeId, storeId))
        .orderBy(desc(authorizationAttempts.createdAt), desc(authorizationAttempts.id))
        .all()
        .map(toAttempt)
    }
  }
}

export type AttemptStore = ReturnType<typeof createAttemptStore>
