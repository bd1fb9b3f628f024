/**
 * What a captured callback leaves behind. Either the authorization is recorded at once (method
 * 'embedded-window', the callback page then loads so the integrator's backend completes the
 * connection), or — with "Exchange the code in Storewatch" — the code is exchanged in the
 * background (`/auth/token/create`, once): an account that is the store's records the
 * authorization (method 'token-exchange', with the tokens' lapse instant) and keeps the tokens
 * sealed, in one transaction; any other account is refused with a message naming both accounts,
 * and nothing is attached to the store.
 *
 * Every recorded authorization ticks the checklist's step (the records service's evidence), tells
 * every window that the store changed and sends the KAM the result.
 */
import type { AuthorizationResult } from '../../shared/authorization'
import { countryInfo } from '../../shared/countries'
import type { Authorization } from '../../shared/records'
import type { CodeExchange, ExchangeOutcome } from '../lazada-sync/code-exchange'
import { lapseOf } from '../lazada-sync/tokens'
import type { TokenKeeper } from '../lazada-sync/tokens'
import type { DatabaseHandle } from '../db/open-database'
import type { Broadcast, Clock, Logger } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { RecordsService } from '../records/records-service'
import type { AttemptStore } from './attempt-store'
import type { CaptureResult } from './capture'
import { writeTransaction } from '../db/write-transaction'

export type Captured = Extract<CaptureResult, { kind: 'captured' }>

/** The attempt a capture belongs to, as its window knows it. */
export interface CapturedAttempt {
  attemptId: number
  storeId: number
  /** The integrator's OMS, named in "now reconnect the store in …". */
  omsName: string
}

export interface CaptureRecorderDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  broadcast: Broadcast
  attempts: AttemptStore
  records: Pick<RecordsService, 'recordAuthorization'>
  /** The in-app code exchange; without it `exchangeCodeInApp` cannot be used here. */
  exchange?: CodeExchange
  /** Keeps an exchange's tokens (inside the transaction that records the authorization). */
  tokens?: Pick<TokenKeeper, 'attach'>
}

export function createCaptureRecorder(deps: CaptureRecorderDeps) {
  const { clock, logger, broadcast, attempts, records } = deps
  const { sqlite } = deps.database
  /** Exchanges under way, so the app (and tests) can wait for them. */
  const exchanges = new Set<Promise<void>>()

  function result(payload: AuthorizationResult): void {
    broadcast('authorizations:result', payload)
  }

  /** An authorization is on record: every window hears the store changed, the KAM gets the result. */
  function announceCaptured(attempt: CapturedAttempt, authorizationId: number, message: string, logEvent: string): void {
    logger.info(logEvent, { storeId: attempt.storeId, attemptId: attempt.attemptId })
    broadcast('stores:changed', { storeIds: [attempt.storeId] })
    result({ storeId: attempt.storeId, attemptId: attempt.attemptId, outcome: 'captured', cause: null, message, authorizationId })
  }

  function record(attempt: CapturedAttempt, captured: Captured): void {
    const store = attempts.storeOf(attempt.storeId)
    const now = clock.now()
    const country = captured.country ?? store.country
    const authorization: Authorization = writeTransaction(sqlite, () => {
      const created = records.recordAuthorization(attempt.storeId, {
        authorizedAt: now,
        method: 'embedded-window',
        account: null,
        country,
        refreshDeadlineAt: null,
        note: `Captured in Storewatch’s Lazada window (attempt #${attempt.attemptId})`,
        reconnected: false
      })
      attempts.markCaptured(attempt.attemptId, created.id, captured.country)
      attempts.note(
        attempt.storeId,
        'Authorization captured in Storewatch’s Lazada window',
        [
          { field: 'attempt', label: 'Attempt', before: null, after: `#${attempt.attemptId}` },
          { field: 'authorizedCountry', label: 'Country', before: null, after: `${countryInfo(country).name}${captured.country ? ' (picked by the seller)' : ''}` }
        ],
        SYSTEM_ACTOR
      )
      return created
    })
    announceCaptured(attempt, authorization.id, `Authorized — now reconnect the store in ${attempt.omsName}`, 'authorization captured')
  }

  function recordMatched(attempt: CapturedAttempt, outcome: Extract<ExchangeOutcome, { kind: 'matched' }>): void {
    const { grant, seller, sealed, account } = outcome
    const store = attempts.storeOf(attempt.storeId)
    const now = clock.now()
    const authorization = writeTransaction(sqlite, () => {
      const created = records.recordAuthorization(attempt.storeId, {
        authorizedAt: now,
        method: 'token-exchange',
        account,
        country: grant.country === 'CB' ? 'CB' : store.country,
        refreshDeadlineAt: lapseOf(grant),
        note: `Code exchanged in Storewatch’s Lazada window (attempt #${attempt.attemptId})`,
        reconnected: false
      })
      deps.tokens?.attach(attempt.storeId, created.id, grant, seller, sealed)
      attempts.markCaptured(attempt.attemptId, created.id)
      attempts.note(
        attempt.storeId,
        'Authorization confirmed by a token exchange',
        [
          { field: 'attempt', label: 'Attempt', before: null, after: `#${attempt.attemptId}` },
          { field: 'account', label: 'Seller account', before: null, after: account }
        ],
        SYSTEM_ACTOR
      )
      return created
    })
    announceCaptured(
      attempt,
      authorization.id,
      `Authorized as ${account}; the tokens are kept encrypted — now reconnect the store in ${attempt.omsName}`,
      'authorization exchanged and recorded'
    )
  }

  function recordUnmatched(attempt: CapturedAttempt, outcome: Exclude<ExchangeOutcome, { kind: 'matched' }>): void {
    const summary = outcome.kind === 'mismatch' ? 'Authorization refused: another seller account' : 'Authorization code could not be exchanged'
    writeTransaction(sqlite, () => {
      attempts.settle(attempt.attemptId, 'refused', outcome.message)
      attempts.note(attempt.storeId, summary, [{ field: 'reason', label: 'Why', before: null, after: outcome.message }], SYSTEM_ACTOR)
    })
    result({ storeId: attempt.storeId, attemptId: attempt.attemptId, outcome: 'refused', cause: 'refused', message: outcome.message, authorizationId: null })
  }

  async function exchangeCode(attempt: CapturedAttempt, code: string): Promise<ExchangeOutcome> {
    try {
      return await deps.exchange!(attempts.storeOf(attempt.storeId), code)
    } catch (error) {
      logger.error('the code exchange failed unexpectedly', { attemptId: attempt.attemptId, message: (error as Error).message })
      return { kind: 'failed', cause: 'unexpected', message: 'Storewatch could not exchange the code. Start again with Reauthorize.' }
    }
  }

  return {
    /** Records a captured callback as the store's authorization. */
    record,

    /** Whether this Storewatch can exchange a code itself. */
    get canExchange(): boolean {
      return deps.exchange !== undefined
    },

    /**
     * The callback was blocked with a valid state: spends the state now, then exchanges the code
     * in the background; `done` runs once the outcome is recorded (or could not be).
     */
    exchange(attempt: CapturedAttempt, captured: Captured, done: () => void): void {
      attempts.markUsed(attempt.attemptId, captured.country)
      logger.info('authorization captured; exchanging the code', { storeId: attempt.storeId, attemptId: attempt.attemptId })
      const running: Promise<void> = (async () => {
        const outcome = await exchangeCode(attempt, captured.code)
        try {
          if (outcome.kind === 'matched') recordMatched(attempt, outcome)
          else recordUnmatched(attempt, outcome)
        } catch (error) {
          logger.error('the code exchange could not be recorded', { attemptId: attempt.attemptId, message: (error as Error).message })
        } finally {
          done()
        }
      })().finally(() => exchanges.delete(running))
      exchanges.add(running)
    },

    /** Resolves once every code exchange under way has been recorded. */
    async settled(): Promise<void> {
      while (exchanges.size) await Promise.all([...exchanges])
    }
  }
}

export type CaptureRecorder = ReturnType<typeof createCaptureRecorder>
