/**
 * The Lazada Open Platform client behind `LazadaApi` (lazada-open-platform.md §4–§12): signed GET
 * requests with every parameter in the query, a timeout on every call, retries with backoff for
 * what may pass (never for the single-use code exchange), a token bucket and a concurrency cap per
 * API, and `timestamp` taken from Lazada's clock as measured from each answer's `Date` header.
 */
import type { CoveredCountry } from '../../shared/countries'
import { DEFAULT_API_CALLS_PER_SECOND } from '../../shared/integrator'
import { silentLogger, systemClock, type Clock, type Logger } from '../ports'
import { ClockOffset } from './clock-offset'
import { resolveHosts, type LazadaApiPath, type LazadaHostOverrides, type LazadaHosts } from './hosts'
import type { CallOptions, LazadaApi, LazadaError, MarketOrder, MarketSubscription, SellerProfile, TokenGrant } from './lazada-api'
import { httpError, lazadaCodeError, malformedError, networkError, timeoutError, type ErrorContext } from './lazada-errors'
import { MalformedAnswer, UnsuccessfulResult, type LazadaEnvelope, parseOrders, parseSeller, parseSubscriptions, parseTokenGrant, readEnvelope } from './parse'
import { Semaphore, TokenBucket } from './rate-limiter'
import {
  API_CALL_LIMIT_BAN_MS,
  DEFAULT_BACKOFF,
  DEFAULT_MAX_ATTEMPTS,
  MIN_RETRY_WAIT_MS,
  backoffDelay,
  isRetryable,
  realSleep,
  type BackoffPolicy,
  type Sleep
} from './retry'
import { signRequest } from './signing'

/** What the client needs of `fetch`; the global one fits. */
export interface HttpResponseLike {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}
export type FetchLike = (url: string, init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal }) => Promise<HttpResponseLike>

/** Per attempt, answer body included; the official Java SDK reads for 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_CONCURRENCY = 4
/** How long the one-off clock probe before a code exchange may take. */
export const CLOCK_PROBE_TIMEOUT_MS = 10_000
/** The gateway refuses a `timestamp` further than this from its clock. */
export const TIMESTAMP_TOLERANCE_MS = 7_200_000
/** A refused call whose `timestamp` was this far off is blamed on the clock and sent again, corrected. */
const CLOCK_SUSPECT_MS = TIMESTAMP_TOLERANCE_MS - 5 * 60_000

export interface LazadaClientOptions {
  appKey: string
  appSecret: string
  /** Replace the published hosts (a proxy, the tests' mock). */
  hosts?: LazadaHostOverrides
  /** Default: the global `fetch`. */
  fetch?: FetchLike
  /** Local time; Lazada's is derived from it and the measured offset. Default: the system clock. */
  clock?: Clock
  /** Waits between retries and for the rate limiter. Default: setTimeout. */
  sleep?: Sleep
  /** Jitter source in [0, 1). Default: Math.random. */
  random?: () => number
  logger?: Logger
  /** Per attempt, in ms. */
  timeoutMs?: number
  /** Attempts per call, the first included (the code exchange always makes one). */
  maxAttempts?: number
  backoff?: BackoffPolicy
  /** Lazada's per-API cap, for every API (default `DEFAULT_API_CALLS_PER_SECOND`); the limiter keeps 5 % below it. */
  callsPerSecond?: number
  /** Caps for particular APIs, over `callsPerSecond`. */
  callsPerSecondByApi?: Partial<Record<LazadaApiPath, number>>
  /** Calls in flight per API. */
  concurrency?: number
}

interface CallSpec<T> {
  api: LazadaApiPath
  base: string
  params: Record<string, string | undefined>
  accessToken?: string
  /** The code exchange: the code works once, so the request is never sent twice. */
  singleUse?: boolean
  /** No retries (a refused timestamp is still corrected and sent again). */
  once?: boolean
  read(body: unknown, answeredAt: number): T
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: LazadaError; clockRefused: boolean }

interface Lane {
  bucket: TokenBucket
  slots: Semaphore
}

const defaultFetch: FetchLike = (url, init) => fetch(url, init)

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined
  if (typeof cause?.message === 'string' && cause.message !== '') return cause.message
  if (typeof cause?.code === 'string') return cause.code
  return error instanceof Error ? error.message : String(error)
}

export class LazadaClient implements LazadaApi {
  private readonly hosts: LazadaHosts
  private readonly time: ClockOffset
  private readonly lanes = new Map<LazadaApiPath, Lane>()
  private readonly fetch: FetchLike
  private readonly clock: Clock
  private readonly sleep: Sleep
  private readonly random: () => number
  private readonly logger: Logger
  private readonly timeoutMs: number
  private readonly maxAttempts: number
  private readonly backoff: BackoffPolicy

  constructor(private readonly options: LazadaClientOptions) {
    if (options.appKey.trim() === '' || options.appSecret === '') throw new Error('The Lazada App Key and App Secret are both needed.')
    this.hosts = resolveHosts(options.hosts)
    this.fetch = options.fetch ?? defaultFetch
    this.clock = options.clock ?? systemClock
    this.time = new ClockOffset(this.clock)
    this.sleep = options.sleep ?? realSleep
    this.random = options.random ?? Math.random
    this.logger = options.logger ?? silentLogger
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
  }

  /** Lazada's clock minus the local one, in ms, as last measured. */
  get clockOffsetMs(): number {
    return this.time.offsetMs
  }

  createToken(code: string): Promise<TokenGrant> {
    return this.call({ api: '/auth/token/create', base: this.hosts.auth, params: { code }, singleUse: true, read: parseTokenGrant })
  }

  refreshToken(refreshToken: string): Promise<TokenGrant> {
    return this.call({ api: '/auth/token/refresh', base: this.hosts.auth, params: { refresh_token: refreshToken }, read: parseTokenGrant })
  }

  subscriptions(venture: CoveredCountry, query: { articleCode: string; shortCode: string }, options: CallOptions = {}): Promise<MarketSubscription[]> {
    return this.call({
      api: '/service/market/subs/query',
      base: this.gateway(venture),
      params: { articleCode: query.articleCode, shortCode: query.shortCode },
      once: options.once,
      read: parseSubscriptions
    })
  }

  orders(venture: CoveredCountry, query: { articleCode: string; shortCode?: string; pageNo: number; pageSize: number }): Promise<MarketOrder[]> {
    return this.call({
      api: '/service/market/order/query',
      base: this.gateway(venture),
      params: { articleCode: query.articleCode, shortCode: query.shortCode, pageNo: String(query.pageNo), pageSize: String(query.pageSize) },
      read: parseOrders
    })
  }

  seller(venture: CoveredCountry, accessToken: string): Promise<SellerProfile> {
    return this.call({ api: '/seller/get', base: this.gateway(venture), params: {}, accessToken, read: parseSeller })
  }

  private gateway(venture: CoveredCountry): string {
    const base = this.hosts.gateways[venture]
    if (base === undefined) throw new Error(`Lazada has no gateway for "${String(venture)}".`)
    return base
  }

  private lane(api: LazadaApiPath): Lane {
    let lane = this.lanes.get(api)
    if (!lane) {
      const rate = this.options.callsPerSecondByApi?.[api] ?? this.options.callsPerSecond ?? DEFAULT_API_CALLS_PER_SECOND
      lane = { bucket: new TokenBucket(rate, 1, this.clock, this.sleep), slots: new Semaphore(this.options.concurrency ?? DEFAULT_CONCURRENCY) }
      this.lanes.set(api, lane)
    }
    return lane
  }

  private async call<T>(spec: CallSpec<T>): Promise<T> {
    // The code cannot be sent a second time, so a skewed clock must be known before it goes.
    if (spec.singleUse && !this.time.measured) await this.probeClock(spec.base)
    let retries = 0
    let resentForClock = false
    for (;;) {
      const outcome = await this.attempt(spec)
      if (outcome.ok) return outcome.value
      const { error } = outcome
      if (error.kind === 'api-call-limit') this.lane(spec.api).bucket.pause(API_CALL_LIMIT_BAN_MS)
      if (!spec.singleUse && outcome.clockRefused && !resentForClock) {
        resentForClock = true
        this.logger.warn('Lazada refused a timestamp; sending again with its clock', { api: spec.api, clockOffsetMs: this.time.offsetMs })
        continue
      }
      if (!spec.singleUse && !spec.once && isRetryable(error) && retries + 1 < this.maxAttempts) {
        retries++
        const delayMs = backoffDelay(retries, this.backoff, MIN_RETRY_WAIT_MS, this.random)
        this.logger.info('Lazada call will be retried', { api: spec.api, kind: error.kind, code: error.detail.code, httpStatus: error.detail.httpStatus, retry: retries, delayMs })
        await this.sleep(delayMs)
        continue
      }
      this.logger.warn('Lazada call failed', {
        api: spec.api,
        kind: error.kind,
        code: error.detail.code,
        httpStatus: error.detail.httpStatus,
        requestId: error.detail.requestId,
        attempts: retries + 1 + (resentForClock ? 1 : 0)
      })
      throw error
    }
  }

  private async attempt<T>(spec: CallSpec<T>): Promise<Outcome<T>> {
    const lane = this.lane(spec.api)
    const release = await lane.slots.acquire()
    try {
      await lane.bucket.take()
      const timestamp = Math.round(this.time.now())
      const url = this.signedUrl(spec, timestamp)
      const context: ErrorContext = { api: spec.api, clockOffsetMs: this.time.offsetMs }
      const controller = new AbortController()
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, this.timeoutMs)
      const sentAt = this.clock.now()
      let status: number
      let text: string
      try {
        const response = await this.fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal })
        this.time.observe(response.headers.get('date'), sentAt, this.clock.now())
        status = response.status
        text = await response.text()
      } catch (error) {
        const failure = timedOut ? timeoutError(this.timeoutMs, context) : networkError(new URL(spec.base).host, networkReason(error), context)
        return { ok: false, error: failure, clockRefused: false }
      } finally {
        clearTimeout(timer)
      }
      return this.interpret(spec, status, text, timestamp)
    } finally {
      release()
    }
  }

  private signedUrl(spec: CallSpec<unknown>, timestamp: number): string {
    const params: Record<string, string> = {}
    const all = { ...spec.params, app_key: this.options.appKey, timestamp: String(timestamp), sign_method: 'sha256', access_token: spec.accessToken }
    // Empty parameters are neither sent nor signed (the official SDKs drop them).
    for (const [key, value] of Object.entries(all)) if (value !== undefined && value !== '') params[key] = value
    params.sign = signRequest(spec.api, params, this.options.appSecret)
    const query = Object.entries(params)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&')
    return `${spec.base}${spec.api}?${query}`
  }

  private interpret<T>(spec: CallSpec<T>, status: number, text: string, sentTimestamp: number): Outcome<T> {
    const httpOk = status >= 200 && status < 300
    const context: ErrorContext = { api: spec.api, clockOffsetMs: this.time.offsetMs }
    let envelope: LazadaEnvelope
    try {
      envelope = readEnvelope(text)
    } catch (error) {
      const failure = httpOk ? malformedError((error as Error).message, context) : httpError(status, context)
      return { ok: false, error: failure, clockRefused: false }
    }
    context.requestId = envelope.requestId
    if (envelope.code !== '0') {
      const error = lazadaCodeError(envelope.code, envelope.message, context, httpOk ? undefined : status)
      const clockRefused =
        (error.kind === 'incomplete-signature' || error.kind === 'lazada-error') && this.time.measured && Math.abs(this.time.now() - sentTimestamp) > CLOCK_SUSPECT_MS
      return { ok: false, error, clockRefused }
    }
    if (!httpOk) return { ok: false, error: httpError(status, context), clockRefused: false }
    try {
      return { ok: true, value: spec.read(envelope.body, this.time.now()) }
    } catch (error) {
      if (error instanceof MalformedAnswer) return { ok: false, error: malformedError(error.message, context), clockRefused: false }
      if (error instanceof UnsuccessfulResult) return { ok: false, error: lazadaCodeError(error.code, error.lazadaMessage, context), clockRefused: false }
      throw error
    }
  }

  /** Reads Lazada's `Date` from any answer of the host; failures are left to the call that follows. */
  private async probeClock(base: string): Promise<void> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), CLOCK_PROBE_TIMEOUT_MS)
    const sentAt = this.clock.now()
    try {
      const response = await this.fetch(base, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal })
      this.time.observe(response.headers.get('date'), sentAt, this.clock.now())
      await response.text()
    } catch (error) {
      this.logger.info('Lazada clock probe failed', { reason: networkReason(error) })
    } finally {
      clearTimeout(timer)
    }
  }
}

/** The client for the integrator's app; see `LazadaClientOptions` for what tests and proxies replace. */
export function createLazadaClient(options: LazadaClientOptions): LazadaClient {
  return new LazadaClient(options)
}
