/**
 * The part of a check that asks Lazada (issue #5, point 6). With the app key, app secret and
 * article code set, every check but the one after a settings save asks
 * `/service/market/subs/query` about each store that is not archived, in a covered and published
 * country, and has a seller short code; stores without one are counted as "cannot check with
 * Lazada". It also keeps exchanged tokens alive (refresh when due, `/seller/get` probe).
 *
 * The calls run outside any transaction (the client paces them: rate limit, concurrency cap,
 * retries); their answers are recorded while the check asks, in small batches of their own
 * (`answer-writer.ts`, issue #10), and the check run then judges the stores with them. Progress
 * (stores asked of N) goes to the check's task; cancelling it stops asking at the next call, keeps
 * the answers received and says how far it got. One store's failure never stops the others;
 * failures are summed up by cause.
 */
import { COVERED_COUNTRIES } from '../../shared/countries'
import type { CoveredCountry } from '../../shared/countries'
import type { RemoteCheckSummary, RemoteFailure } from '../../shared/lazada'
import type { CheckTrigger } from '../../shared/monitoring'
import type { StatusPolicy } from '../../shared/status'
import type { CredentialsService } from '../credentials/credentials-service'
import type { DatabaseHandle } from '../db/open-database'
import { LazadaError } from '../lazada/lazada-api'
import type { LazadaApi } from '../lazada/lazada-api'
import type { Clock, Logger } from '../ports'
import type { WriteHold } from '../import/write-hold'
import { storeLabel } from '../portfolio/store-display'
import type { History } from '../portfolio/store-history'
import type { SettingsService } from '../settings/settings-service'
import type { TaskHandle } from '../tasks/task-registry'
import { createAnswerWriter } from './answer-writer'
import { pickSubscription } from './subscription-answer'
import type { TokenKeeper } from './tokens'

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
}

/** What a check's Lazada step reports to: its progress, and the signal that cancels it. */
export type RemoteTask = Pick<TaskHandle, 'phase' | 'advance' | 'signal'>

export type RemoteCheck = (trigger: CheckTrigger, task?: RemoteTask) => Promise<RemoteResults | null>

export interface RemoteCheckDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  settings: Pick<SettingsService, 'get'>
  credentials: Pick<CredentialsService, 'access'>
  tokens: Pick<TokenKeeper, 'maintain'>
  history: History
  concurrency?: number
  /** Taken while an import writes: answers wait in memory until it lets go. */
  writeHold?: WriteHold
}

interface Target {
  id: number
  clientName: string
  storeName: string
  country: CoveredCountry
  shortCode: string
}

interface Failure {
  storeId: number
  error: unknown
}

/** Countries Lazada is asked about: covered by the policy and by Lazada's gateways, and published. */
export function askableCountries(policy: Pick<StatusPolicy, 'coveredCountries'>, published: readonly string[]): CoveredCountry[] {
  return COVERED_COUNTRIES.filter((c) => policy.coveredCountries.includes(c) && published.includes(c))
}

/** Runs `work` over `items` with at most `limit` at a time; once `signal` aborts, no item is started. */
export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!)
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

  /** Asks about each target (until cancelled), recording the outcomes in batches as they come. */
  async function askAll(api: LazadaApi, scope: Target[], articleCode: string, task: RemoteTask | undefined) {
    const writer = createAnswerWriter({ database: deps.database, logger: deps.logger, history: deps.history, articleCode, writeHold: deps.writeHold })
    const failures: Failure[] = []
    let answered = 0
    task?.phase({ label: 'Asking Lazada about stores', total: scope.length, cancellable: true })
    await forEachLimit(
      scope,
      concurrency,
      async (target) => {
        try {
          const rows = await api.subscriptions(target.country, { articleCode, shortCode: target.shortCode })
          writer.add({ kind: 'answer', target, picked: pickSubscription(rows), at: deps.clock.now() })
          answered++
        } catch (error) {
          failures.push({ storeId: target.id, error })
          writer.add({ kind: 'failure', target, ...causeOf(error), at: deps.clock.now() })
        }
        task?.advance()
      },
      task?.signal
    )
    await writer.finish()
    return { asked: answered + failures.length, answered, failures, disagreements: writer.disagreements() }
  }

  return async function remoteCheck(trigger, task) {
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
      inScope: 0,
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
      return { summary, errors: [summary.message] }
    }

    const articleCode = integrator.articleCode
    let failures: Failure[] = []
    if (articleCode) {
      summary.inScope = scope.targets.length
      const asked = await askAll(access.api, scope.targets, articleCode, task)
      Object.assign(summary, { asked: asked.asked, answered: asked.answered, disagreements: asked.disagreements })
      failures = asked.failures
    }
    const cancelled = task?.signal.aborted === true
    // A cancelled check stops asking Lazada: the tokens' upkeep waits for the next check.
    const upkeep = cancelled ? { refreshed: 0, needsAuthorization: 0, failures: [] } : await deps.tokens.maintain(access.api, { concurrency })
    summary.tokensRefreshed = upkeep.refreshed
    summary.tokensNeedingAuthorization = upkeep.needsAuthorization
    summary.failures = groupFailures([...failures, ...upkeep.failures])
    for (const { storeId } of upkeep.failures) if (!scope.labels.has(storeId)) scope.labels.set(storeId, `Store #${storeId}`)
    const errors = errorLines(summary.failures, scope.labels)
    if (failures.length) deps.logger.warn('Lazada could not answer for some stores', { failed: failures.length, causes: summary.failures.map((f) => f.cause).join(',') })

    const parts = [`asked Lazada about ${stores(summary.asked)}: ${summary.answered} answered`]
    if (summary.disagreements) parts.push(`${stores(summary.disagreements)} disagree with the End Time on record`)
    if (failures.length) parts.push(`${stores(failures.length)} failed`)
    if (summary.cannotCheck) parts.push(`${stores(summary.cannotCheck)} cannot be checked with Lazada (no seller short code)`)
    const text = articleCode ? parts.join('; ') : 'did not ask about subscriptions: set the Service Market article code in Settings → Integrator'
    summary.message = `Storewatch ${text}.`
    if (cancelled) {
      summary.state = 'cancelled'
      summary.message = `Cancelled after asking Lazada about ${summary.asked} of ${stores(summary.inScope ?? 0)}: ${summary.answered} answered and saved; the next check asks about all of them again.`
    }
    return { summary, errors }
  }
}
