/**
 * Records Lazada's answers while a check still asks (issue #10): in batches of `ANSWER_BATCH`,
 * each batch its own write transaction, so main is never held for long and a cancelled check keeps
 * every answer it received. An answer is its store's upserted row, plus a history entry when the
 * answer changed; a failure notes its cause on the store's row and keeps the earlier answer.
 *
 * While an import holds the write lock (`writeHold`), batches wait (queued, not written) rather than
 * block main in SQLite's busy handler; `finish()` waits for the lock and writes what is left.
 */
import type { CoveredCountry } from '../../shared/countries'
import type { FieldChange } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import type { WriteHold } from '../import/write-hold'
import { untilReleased } from '../import/write-hold'
import type { Logger } from '../ports'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History } from '../portfolio/store-history'
import { formatLocal, timeZoneOf } from '../status/calendar'
import { findDisagreement } from './subscription-answer'
import type { PickedSubscription } from './subscription-answer'

/** Answers written per transaction: a few ms of main's time each. */
export const ANSWER_BATCH = 50

export interface AskedStore {
  id: number
  country: CoveredCountry
  shortCode: string
}

export type Outcome =
  | { kind: 'answer'; target: AskedStore; picked: PickedSubscription; at: number }
  | { kind: 'failure'; target: AskedStore; cause: string; message: string; at: number }

export interface AnswerWriterDeps {
  database: DatabaseHandle
  logger: Logger
  history: History
  articleCode: string
  writeHold?: WriteHold
  batchSize?: number
}

interface Previous {
  state: string | null
  end_at: number | null
  country: string
  short_code: string
}

const stateText = (state: string | null | undefined) => (state === 'valid' ? 'Valid' : state === 'expired' ? 'Expired' : state === 'none' ? 'None found' : null)

export function createAnswerWriter(deps: AnswerWriterDeps) {
  const { sqlite } = deps.database
  const { articleCode } = deps
  const batchSize = deps.batchSize ?? ANSWER_BATCH
  const statements = {
    previous: sqlite.prepare('SELECT state, end_at, country, short_code FROM lazada_subscriptions WHERE store_id = ?'),
    kam: sqlite.prepare('SELECT start_at, end_at FROM subscriptions WHERE store_id = ?'),
    exists: sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').pluck(),
    answer: sqlite.prepare(
      `INSERT INTO lazada_subscriptions (store_id, country, short_code, article_code, state, end_at, item_name, auto_renew, checked_at, error_cause, error_message, error_at)
       VALUES (@storeId, @country, @shortCode, @articleCode, @state, @endAt, @itemName, @autoRenew, @checkedAt, NULL, NULL, NULL)
       ON CONFLICT (store_id) DO UPDATE SET country = excluded.country, short_code = excluded.short_code, article_code = excluded.article_code,
         state = excluded.state, end_at = excluded.end_at, item_name = excluded.item_name, auto_renew = excluded.auto_renew,
         checked_at = excluded.checked_at, error_cause = NULL, error_message = NULL, error_at = NULL`
    ),
    failure: sqlite.prepare(
      `INSERT INTO lazada_subscriptions (store_id, country, short_code, article_code, error_cause, error_message, error_at)
       VALUES (@storeId, @country, @shortCode, @articleCode, @cause, @message, @at)
       ON CONFLICT (store_id) DO UPDATE SET error_cause = excluded.error_cause, error_message = excluded.error_message, error_at = excluded.error_at`
    )
  }
  let queue: Outcome[] = []
  let disagreements = 0
  let batches = 0
  let lost = 0

  function historyOf(outcome: Extract<Outcome, { kind: 'answer' }>, previous: Previous | undefined, disagrees: boolean): void {
    const { target, picked, at } = outcome
    const zone = timeZoneOf(target.country)
    const when = (instant: number | null) => (instant === null ? null : `${formatLocal(instant, zone)} (${target.country} time)`)
    const changes: FieldChange[] = [
      { field: 'lazadaState', label: 'Subscription (Lazada)', before: stateText(previous?.state), after: stateText(picked.state) },
      { field: 'lazadaEndAt', label: 'End Time (Lazada)', before: when(previous?.end_at ?? null), after: when(picked.endAt) }
    ].filter((c) => c.before !== c.after)
    let summary: string
    if (picked.state === 'valid') summary = `Lazada: subscribed${picked.endAt === null ? '' : ` until ${when(picked.endAt)}`}`
    else if (picked.state === 'expired') summary = `Lazada: subscription expired${picked.endAt === null ? '' : ` ${when(picked.endAt)}`}`
    else summary = `Lazada: no subscription to ${articleCode} for ${target.shortCode}`
    if (disagrees) summary += ' — differs from the record on file'
    deps.history.add(target.id, { kind: 'subscription-updated', summary }, changes, at, SYSTEM_ACTOR)
  }

  function writeAnswer(outcome: Extract<Outcome, { kind: 'answer' }>): void {
    const { target, picked, at } = outcome
    const previous = statements.previous.get(target.id) as Previous | undefined
    statements.answer.run({
      storeId: target.id,
      country: target.country,
      shortCode: target.shortCode,
      articleCode,
      state: picked.state,
      endAt: picked.endAt,
      itemName: picked.itemName,
      autoRenew: picked.autoRenew === null ? null : picked.autoRenew ? 1 : 0,
      checkedAt: at
    })
    const kam = statements.kam.get(target.id) as { start_at: number | null; end_at: number | null } | undefined
    const disagreement = findDisagreement(
      target.country,
      kam ? { startAt: kam.start_at, endAt: kam.end_at } : null,
      { state: picked.state, endAt: picked.endAt, checkedAt: at, shortCode: target.shortCode },
      articleCode
    )
    if (disagreement) disagreements++
    const samePlace = previous && previous.country === target.country && previous.short_code === target.shortCode
    if (!samePlace || previous.state !== picked.state || previous.end_at !== picked.endAt) historyOf(outcome, samePlace ? previous : undefined, disagreement !== null)
  }

  /** One outcome in its own savepoint: a store that cannot be written leaves the rest of the batch. */
  function writeOne(outcome: Outcome): void {
    const { target } = outcome
    try {
      writeTransaction(sqlite, () => {
        if (!statements.exists.get(target.id)) return
        if (outcome.kind === 'answer') writeAnswer(outcome)
        else statements.failure.run({ storeId: target.id, country: target.country, shortCode: target.shortCode, articleCode, cause: outcome.cause, message: outcome.message, at: outcome.at })
      })
    } catch (error) {
      const what = outcome.kind === 'answer' ? 'Lazada’s answer for a store could not be saved' : 'a failed Lazada query could not be noted'
      deps.logger.warn(what, { storeId: target.id, error: (error as Error).message })
    }
  }

  function writeQueued(): void {
    const batch = queue
    queue = []
    if (batch.length === 0) return
    batches++
    try {
      writeTransaction(sqlite, () => {
        for (const outcome of batch) writeOne(outcome)
      })
    } catch (error) {
      // The lock could not be had (or the file is damaged): the next check asks again.
      lost += batch.length
      deps.logger.error('a batch of Lazada’s answers could not be saved', { outcomes: batch.length, error: (error as Error).message })
    }
  }

  return {
    /** Queues an outcome; writes a batch once enough are queued and nothing else holds the lock. */
    add(outcome: Outcome): void {
      queue.push(outcome)
      if (queue.length >= batchSize && !deps.writeHold?.holder()) writeQueued()
    },
    /** Writes what is still queued (after any import lets go of the lock). */
    async finish(): Promise<void> {
      if (deps.writeHold) await untilReleased(deps.writeHold)
      writeQueued()
    },
    /** Answers whose End Time disagrees with the KAM's, among those written. */
    disagreements: () => disagreements,
    /** Transactions written so far. */
    batches: () => batches,
    /** Outcomes whose batch could not be written. */
    lost: () => lost
  }
}
