/**
 * The part of a check that asks Lazada (issue #5, point 6). With the app key, app secret and
 * article code set, every check but the one after a settings save asks
 * `/service/market/subs/query` about each store that is not archived, in a covered and published
 * country, and has a seller short code; stores without one are counted as "cannot check with
 * Lazada". It also keeps exchanged tokens alive (refresh when due, `/seller/get` probe).
 *
 * The calls run first, outside any transaction (the client paces them: rate limit, concurrency
 * cap, retries); their answers are written afterwards by `write()`, which the check run calls
 * inside its own transaction, so Lazada's answers and the statuses judged from them land together.
 * One store's failure never stops the others; failures are summed up by cause.
 */
import { COVERED_COUNTRIES } from '../../shared/countries'
import type { CoveredCountry } from '../../shared/countries'
import type { RemoteCheckSummary, RemoteFailure } from '../../shared/lazada'
import type { CheckTrigger } from '../../shared/monitoring'
import type { FieldChange } from '../../shared/portfolio'
import type { StatusPolicy } from '../../shared/status'
import type { CredentialsService } from '../credentials/credentials-service'
import type { DatabaseHandle } from '../db/open-database'
import { LazadaError } from '../lazada/lazada-api'
import type { Clock, Logger } from '../ports'
import { storeLabel } from '../portfolio/store-display'
import { SYSTEM_ACTOR } from '../portfolio/store-history'
import type { History } from '../portfolio/store-history'
import type { SettingsService } from '../settings/settings-service'
import { formatLocal, timeZoneOf } from '../status/calendar'
import { findDisagreement, pickSubscription } from './subscription-answer'
import type { PickedSubscription } from './subscription-answer'
import type { TokenKeeper } from './tokens'
import { writeTransaction } from '../db/write-transaction'

/** Calls in flight at once; the client's own limiter paces them further. */
export const REMOTE_CONCURRENCY = 8
/** Stores named per cause in a run's error line. */
const NAMED_PER_CAUSE = 3
/** Store ids kept per cause in the summary. */
const IDS_PER_CAUSE = 50

export interface RemoteResults {
  summary: RemoteCheckSummary
  /** Lines for the run's `errors`: failures by cause, or why Lazada was not asked. */
  errors: string[]
  /** Writes Lazada's answers (inside the run's transaction, before stores are judged); returns the final summary. */
  write(): RemoteCheckSummary
}

export type RemoteCheck = (trigger: CheckTrigger) => Promise<RemoteResults | null>

export interface RemoteCheckDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  settings: Pick<SettingsService, 'get'>
  credentials: Pick<CredentialsService, 'access'>
  tokens: Pick<TokenKeeper, 'maintain'>
  history: History
  concurrency?: number
}

interface Target {
  id: number
  clientName: string
  storeName: string
  country: CoveredCountry
  shortCode: string
}

interface Answer {
  target: Target
  picked: PickedSubscription
  at: number
}

interface Failure {
  storeId: number
  error: unknown
}

/** Countries Lazada is asked about: covered by the policy and by Lazada's gateways, and published. */
export function askableCountries(policy: Pick<StatusPolicy, 'coveredCountries'>, published: readonly string[]): CoveredCountry[] {
  return COVERED_COUNTRIES.filter((c) => policy.coveredCountries.includes(c) && published.includes(c))
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}

function causeOf(error: unknown): { cause: string; message: string } {
  if (error instanceof LazadaError) {
    const cause = error.kind === 'lazada-error' && error.detail.code ? `lazada-error:${error.detail.code}` : error.kind
    return { cause, message: error.message }
  }
  return { cause: 'unexpected', message: `Storewatch could not ask Lazada: ${error instanceof Error ? error.message : String(error)}` }
}

/** Failures grouped by cause, most frequent first. */
export function groupFailures(failures: readonly Failure[]): RemoteFailure[] {
  const groups = new Map<string, RemoteFailure>()
  for (const { storeId, error } of failures) {
    const { cause, message } = causeOf(error)
    const group = groups.get(cause) ?? { cause, message, count: 0, storeIds: [] }
    group.count++
    if (group.storeIds.length < IDS_PER_CAUSE) group.storeIds.push(storeId)
    groups.set(cause, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
}

const stores = (n: number) => `${n} store${n === 1 ? '' : 's'}`

export function createRemoteCheck(deps: RemoteCheckDeps): RemoteCheck {
  const { sqlite } = deps.database
  const concurrency = deps.concurrency ?? REMOTE_CONCURRENCY
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

  function targets(countries: readonly CoveredCountry[]): { targets: Target[]; cannotCheck: number; labels: Map<number, string> } {
    if (countries.length === 0) return { targets: [], cannotCheck: 0, labels: new Map() }
    const list = countries.map((c) => `'${c}'`).join(', ')
    const rows = sqlite
      .prepare(`SELECT id, client_name, store_name, country, seller_short_code FROM stores WHERE archived_at IS NULL AND country IN (${list}) ORDER BY id`)
      .raw()
      .all() as [number, string, string, CoveredCountry, string | null][]
    const found: Target[] = []
    const labels = new Map<number, string>()
    let cannotCheck = 0
    for (const [id, clientName, storeName, country, shortCode] of rows) {
      if (shortCode === null || shortCode === '') {
        cannotCheck++
        continue
      }
      found.push({ id, clientName, storeName, country, shortCode })
      labels.set(id, storeLabel({ clientName, storeName, country }))
    }
    return { targets: found, cannotCheck, labels }
  }

  function errorLines(failures: readonly RemoteFailure[], labels: Map<number, string>): string[] {
    return failures.map((f) => {
      const named = f.storeIds.slice(0, NAMED_PER_CAUSE).map((id) => labels.get(id) ?? `Store #${id}`)
      const more = f.count > named.length ? ` and ${f.count - named.length} more` : ''
      return `${stores(f.count)}: ${f.message.replace(/\.$/, '')} (${named.join('; ')}${more}).`
    })
  }

  function historyOf(answer: Answer, previous: { state: string | null; end_at: number | null } | undefined, articleCode: string, disagrees: string | null): void {
    const { target, picked, at } = answer
    const zone = timeZoneOf(target.country)
    const when = (instant: number | null) => (instant === null ? null : `${formatLocal(instant, zone)} (${target.country} time)`)
    const stateText = (state: string | null | undefined) => (state === 'valid' ? 'Valid' : state === 'expired' ? 'Expired' : state === 'none' ? 'None found' : null)
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

  return async function remoteCheck(trigger) {
    // A settings save re-judges statuses with the new policy; it does not ask Lazada again.
    if (trigger === 'settings') return null
    const access = await deps.credentials.access()
    if (!access.ok && access.cause === 'not-configured') return null
    const { policy, integrator } = deps.settings.get()
    const scope = targets(askableCountries(policy, integrator.publishedCountries))
    const summary: RemoteCheckSummary = {
      state: 'done',
      message: '',
      asked: 0,
      answered: 0,
      disagreements: 0,
      cannotCheck: scope.cannotCheck,
      failures: [],
      tokensRefreshed: 0,
      tokensNeedingAuthorization: 0
    }
    if (!access.ok) {
      summary.state = 'failed'
      summary.message = `Lazada was not asked: ${access.message}`
      return { summary, errors: [summary.message], write: () => summary }
    }

    const articleCode = integrator.articleCode
    const answers: Answer[] = []
    const failures: Failure[] = []
    if (articleCode) {
      summary.asked = scope.targets.length
      await forEachLimit(scope.targets, concurrency, async (target) => {
        try {
          const rows = await access.api.subscriptions(target.country, { articleCode, shortCode: target.shortCode })
          answers.push({ target, picked: pickSubscription(rows), at: deps.clock.now() })
        } catch (error) {
          failures.push({ storeId: target.id, error })
        }
      })
    }
    const upkeep = await deps.tokens.maintain(access.api, { concurrency })
    summary.tokensRefreshed = upkeep.refreshed
    summary.tokensNeedingAuthorization = upkeep.needsAuthorization
    summary.answered = answers.length
    summary.failures = groupFailures([...failures, ...upkeep.failures])
    for (const { storeId } of upkeep.failures) if (!scope.labels.has(storeId)) scope.labels.set(storeId, `Store #${storeId}`)
    const errors = errorLines(summary.failures, scope.labels)
    const failedBy = new Map(failures.map((f) => [f.storeId, causeOf(f.error)]))
    const byId = new Map(scope.targets.map((t) => [t.id, t]))
    if (failures.length) deps.logger.warn('Lazada could not answer for some stores', { failed: failures.length, causes: summary.failures.map((f) => f.cause).join(',') })

    const describe = () => {
      const parts = [`asked Lazada about ${stores(summary.asked)}: ${summary.answered} answered`]
      if (summary.disagreements) parts.push(`${stores(summary.disagreements)} disagree with the End Time on record`)
      const failed = failures.length
      if (failed) parts.push(`${stores(failed)} failed`)
      if (summary.cannotCheck) parts.push(`${stores(summary.cannotCheck)} cannot be checked with Lazada (no seller short code)`)
      const text = articleCode ? parts.join('; ') : 'did not ask about subscriptions: set the Service Market article code in Settings → Integrator'
      return `Storewatch ${text}.`
    }
    summary.message = describe()

    return {
      summary,
      errors,
      write() {
        let disagreements = 0
        for (const answer of answers) {
          const { target, picked, at } = answer
          try {
            writeTransaction(sqlite, () => {
              if (!statements.exists.get(target.id)) return
              const previous = statements.previous.get(target.id) as { state: string | null; end_at: number | null; country: string; short_code: string } | undefined
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
              if (!samePlace || previous.state !== picked.state || previous.end_at !== picked.endAt) {
                historyOf(answer, samePlace ? previous : undefined, articleCode, disagreement?.message ?? null)
              }
            })
          } catch (error) {
            deps.logger.warn('Lazada’s answer for a store could not be saved', { storeId: target.id, error: (error as Error).message })
          }
        }
        const at = deps.clock.now()
        for (const [storeId, { cause, message }] of failedBy) {
          const target = byId.get(storeId)!
          try {
            if (!statements.exists.get(storeId)) continue
            statements.failure.run({ storeId, country: target.country, shortCode: target.shortCode, articleCode, cause, message, at })
          } catch (error) {
            deps.logger.warn('a failed Lazada query could not be noted', { storeId, error: (error as Error).message })
          }
        }
        summary.disagreements = disagreements
        summary.message = describe()
        return summary
      }
    }
  }
}
