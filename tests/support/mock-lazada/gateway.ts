/**
 * A mock of Lazada Open Platform's REST API over real HTTP on 127.0.0.1, for the core tests, the
 * bench and the browser harness. One server stands in for every host:
 *
 * - `<origin>/rest/…` — the authorization host (`https://auth.lazada.com/rest`):
 *   `/auth/token/create` and `/auth/token/refresh`;
 * - `<origin>/<cc>/rest/…`, cc = sg my th ph vn id — the country gateways:
 *   `/service/market/subs/query`, `/service/market/order/query` and `/seller/get`.
 *
 * `mock.hosts` has the shape of the client's `hosts` option. Only GET is served, the way the
 * client calls; any other path answers 404 `InvalidApi` (with a `Date` header, like any answer).
 *
 * Like the gateway it checks, in this order: the per-API rate limit (`ApiCallLimit`, then a ban
 * of `banMs` during which every call of that API is refused), `app_key` (`InvalidAppKey`),
 * `sign_method=sha256`, `timestamp` within 7200 s of the mock's clock (refused with
 * `skewErrorCode`: Lazada does not document the code, IncompleteSignature by default), `sign`
 * (its own implementation of lazada-open-platform.md §7, not the client's; uppercase hex), then
 * the API's own parameters (`MissingParameter`). The mock's clock is the local one plus
 * `clockOffsetMs`, and every answer's `Date` header shows it.
 *
 * Answers look like Lazada's samples: numbers and booleans as strings (`numbersAsStrings: false`
 * sends numbers), `country_user_info` with upper-case countries from create and
 * `country_user_info_list` with lower-case ones from refresh, `refresh_expires_in` counting down
 * to a fixed deadline. Mock choices where Lazada documents nothing: a refresh retires the old
 * refresh token; an access token works only on the gateways of its sellers' countries; an unknown
 * `articleCode` has no subscriptions or orders.
 */
import { createHmac, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { COVERED_COUNTRIES, type CoveredCountry } from '../../../electron/shared/countries'

export const GATEWAY_APIS = ['/auth/token/create', '/auth/token/refresh', '/service/market/subs/query', '/service/market/order/query', '/seller/get'] as const
export type GatewayApi = (typeof GATEWAY_APIS)[number]

const AUTH_APIS: readonly GatewayApi[] = ['/auth/token/create', '/auth/token/refresh']
const TIMESTAMP_TOLERANCE_MS = 7_200_000
const CODE_LIFETIME_MS = 30 * 60_000
const WINDOW_MS = 1000

/** Lazada's wording where it publishes one (lazada-open-platform.md §9). */
const MESSAGES: Record<string, string> = {
  IllegalAccessToken: 'The specified access token is invalid or expired',
  IllegalRefreshToken: 'The specified refresh token is invalid or expired',
  AUTH_TYPE_UNSUPPORTED: 'appkey can only be authorized by market, not support refresh',
  InvalidCode: 'Invalid authorization code',
  IncompleteSignature: 'The request signature does not conform to lazop standards',
  ApiCallLimit: 'Api access frequency exceeds the limit. this ban will last 1 seconds',
  InvalidAppKey: 'The specified app key is invalid',
  InvalidApi: 'Specified api is not found, please check your url and method'
}
const ISV_CODES = new Set(['IncompleteSignature', 'ApiCallLimit', 'InvalidAppKey', 'InvalidApi', 'MissingParameter'])

export interface MockGatewayOptions {
  appKey?: string
  appSecret?: string
  /** The Service Market article code of the app. */
  articleCode?: string
  /** Added before every answer, in ms. */
  latencyMs?: number
  /** The mock's clock minus the local clock, in ms. */
  clockOffsetMs?: number
  /** Calls per second allowed per API (sliding one-second window); null: no limit. */
  rateLimitPerSecond?: number | null
  /** How long `ApiCallLimit` bans an API, in ms. */
  banMs?: number
  /**
   * What the per-API limit counts: when each call arrives (as Lazada does), or the `timestamp` it
   * was signed with — the client's send time, which a busy test machine's late handling of the
   * request cannot bunch up. Tests of the client's pacing use the latter.
   */
  limitBy?: 'arrival' | 'timestamp'
  /** The mock's clock before `clockOffsetMs` (default: the system clock); tests move it by hand. */
  clock?: () => number
  /** The code answering a `timestamp` more than 7200 s off. */
  skewErrorCode?: string
  /** Default lifetimes of granted tokens, in seconds: Online app values (30 and 180 days). */
  accessTtlS?: number
  refreshTtlS?: number
  numbersAsStrings?: boolean
}

export interface MockSellerInput {
  country: CoveredCountry
  shortCode: string
  sellerId?: string
  userId?: string
  name?: string
  email?: string
  status?: 'ACTIVE' | 'INACTIVE' | 'DELETED'
  /** A cross-border seller: tokens covering it have country `cb`. */
  crossBorder?: boolean
}
export type MockSeller = Required<MockSellerInput>

export interface GrantOptions {
  accessTtlS?: number
  /** 0: the refresh token cannot be used (`refresh_expires_in` 0). */
  refreshTtlS?: number
  /** The app's tokens are bound to the Service Market order: refresh answers AUTH_TYPE_UNSUPPORTED. */
  marketBound?: boolean
}

export interface MockSubscriptionRow {
  /** 1 valid, 2 expired. */
  status: 1 | 2
  /** Epoch ms. */
  endTime: number
  autoRenew?: boolean
  itemCode?: string
  itemName?: string
}

export interface MockOrderRow {
  shortCode: string
  orderId: string
  itemCode?: string
  itemName?: string
  /** Epoch ms. */
  cycleStart: number
  cycleEnd: number
  created: number
}

export type MockFault =
  /** A Lazada error answer (HTTP 200 unless `httpStatus`); the message defaults to Lazada's wording. */
  | { kind: 'lazada'; code: string; message?: string; type?: 'ISV' | 'ISP' | 'SYSTEM'; httpStatus?: number }
  /** A bare HTTP error, e.g. 502 from a proxy; `body` defaults to a small HTML page. */
  | { kind: 'http'; status: number; body?: string }
  /** HTTP 200 with a body that is not JSON (by default a truncated one). */
  | { kind: 'malformed'; body?: string }
  /** HTTP 200 with this JSON instead of the real answer (payload variations). */
  | { kind: 'answer'; body: unknown }
  /** Waits this long, then handles the call as usual. */
  | { kind: 'slow'; delayMs: number }
  /** Closes the connection without answering: a network error. */
  | { kind: 'drop' }

export interface MockRequest {
  api: GatewayApi
  /** The gateway's country; null on the authorization host. */
  country: CoveredCountry | null
  /** As received, decoded. Holds tokens and codes: tests only. */
  params: Record<string, string>
  /** The mock's clock. */
  receivedAt: number
  /** `code` of the answer, or `HTTP <status>`, `malformed`, `dropped`. */
  answer: string
  /** The delay the mock added before answering (latency and a slow fault), in ms. */
  delayedMs: number
}

export interface MockGatewayStats {
  /** API calls received, refused ones included. */
  calls: number
  byApi: Record<GatewayApi, number>
  /** `ApiCallLimit` answers, from the rate limit or injected. */
  apiCallLimit: number
  /** Answers by `MockRequest.answer`. */
  byAnswer: Record<string, number>
  /** The most calls of one API in progress at once (the client's concurrency cap). */
  maxInFlight: Record<GatewayApi, number>
}

export interface MockGateway {
  origin: string
  /** Pass as the client's `hosts` option. */
  hosts: { auth: string; gateways: Record<CoveredCountry, string> }
  appKey: string
  appSecret: string
  articleCode: string
  latencyMs: number
  clockOffsetMs: number
  skewErrorCode: string
  /** The mock's clock, epoch ms. */
  now(): number
  addSeller(seller: MockSellerInput): MockSeller
  /** A fresh authorization code for the sellers with these short codes (added first), valid 30 minutes. */
  issueCode(shortCodes: string | string[], options?: GrantOptions): string
  /** Tokens as if a code had been exchanged. */
  grantTokens(shortCodes: string | string[], options?: GrantOptions): { accessToken: string; refreshToken: string }
  setSubscriptions(country: CoveredCountry, shortCode: string, rows: MockSubscriptionRow[]): void
  addOrder(country: CoveredCountry, order: MockOrderRow): void
  /** Calls per second for one API or all; null lifts the limit. */
  setRateLimit(api: GatewayApi | 'all', perSecond: number | null): void
  /** The next `times` calls of `api` (or of any API) meet `fault`, in the order injected. */
  inject(api: GatewayApi | 'any', fault: MockFault, times?: number): void
  /**
   * Lets the next `passing` calls of `api` through, then holds every later one until `release()`:
   * a Lazada slow at a point the test chooses, without a sleep.
   */
  holdAfter(api: GatewayApi, passing: number): GatewayGate
  stats(): MockGatewayStats
  resetStats(): void
  /** Every API call received, oldest first. */
  requests: MockRequest[]
  close(): Promise<void>
}

export interface GatewayGate {
  /** Calls being held now. */
  held(): number
  /** Lets the held calls (and every later one) through. */
  release(): void
}

interface Authorization {
  sellers: MockSeller[]
  accessTtlS: number
  refreshTtlS: number
  marketBound: boolean
}

class Refusal {
  constructor(
    readonly code: string,
    readonly message: string = MESSAGES[code] ?? code
  ) {}
}

function random(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** The signature as §7 defines it: path, then key+value for every parameter but `sign`, keys in byte order. */
export function gatewaySign(apiPath: string, params: Record<string, string>, secret: string): string {
  const keys = Object.keys(params).filter((key) => key !== 'sign')
  keys.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
  let text = apiPath
  for (const key of keys) text += `${key}${params[key]}`
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(text, 'utf8')).digest('hex').toUpperCase()
}

function route(pathname: string): { api: GatewayApi; country: CoveredCountry | null } | null {
  const match = /^(?:\/([a-z]{2}))?\/rest(\/.+)$/.exec(pathname)
  if (!match) return null
  const api = GATEWAY_APIS.find((name) => name === match[2])
  if (!api) return null
  if (match[1] === undefined) return AUTH_APIS.includes(api) ? { api, country: null } : null
  const country = match[1].toUpperCase() as CoveredCountry
  return COVERED_COUNTRIES.includes(country) && !AUTH_APIS.includes(api) ? { api, country } : null
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function emptyCounts(): Record<GatewayApi, number> {
  return Object.fromEntries(GATEWAY_APIS.map((api) => [api, 0])) as Record<GatewayApi, number>
}

export async function startMockGateway(options: MockGatewayOptions = {}): Promise<MockGateway> {
  const sellers = new Map<string, MockSeller>()
  const codes = new Map<string, { authorization: Authorization; issuedAt: number; used: boolean }>()
  const accessTokens = new Map<string, { authorization: Authorization; expiresAt: number }>()
  const refreshTokens = new Map<string, { authorization: Authorization; deadline: number | null }>()
  const subscriptions = new Map<string, MockSubscriptionRow[]>()
  const orders = new Map<CoveredCountry, MockOrderRow[]>()
  const faults: { api: GatewayApi | 'any'; fault: MockFault }[] = []
  const gates = new Map<GatewayApi, { passing: number; held: number; opened: Promise<void> }>()
  const limits = new Map<GatewayApi, number | null>(GATEWAY_APIS.map((api) => [api, options.rateLimitPerSecond ?? null]))
  const arrivals = new Map<GatewayApi, number[]>(GATEWAY_APIS.map((api) => [api, []]))
  const bannedUntil = new Map<GatewayApi, number>()
  const inFlight = emptyCounts()
  const banMs = options.banMs ?? 1000
  const asStrings = options.numbersAsStrings ?? true
  let stats: MockGatewayStats

  const num = (value: number): string | number => (asStrings ? String(value) : value)
  const bool = (value: boolean): string | boolean => (asStrings ? String(value) : value)

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const mock: MockGateway = {
    origin,
    hosts: {
      auth: `${origin}/rest`,
      gateways: Object.fromEntries(COVERED_COUNTRIES.map((c) => [c, `${origin}/${c.toLowerCase()}/rest`])) as Record<CoveredCountry, string>
    },
    appKey: options.appKey ?? '100132',
    appSecret: options.appSecret ?? 'mock-app-secret',
    articleCode: options.articleCode ?? 'FW_GOODS-1000000281',
    latencyMs: options.latencyMs ?? 0,
    clockOffsetMs: options.clockOffsetMs ?? 0,
    skewErrorCode: options.skewErrorCode ?? 'IncompleteSignature',
    now: () => (options.clock ?? Date.now)() + mock.clockOffsetMs,
    addSeller(input) {
      const seller: MockSeller = {
        sellerId: String(1000 + sellers.size + 1),
        userId: String(2000 + sellers.size + 1),
        name: `Store ${input.shortCode}`,
        email: `${input.shortCode.toLowerCase()}@sellers.example`,
        status: 'ACTIVE',
        crossBorder: false,
        ...input
      }
      sellers.set(seller.shortCode, seller)
      return seller
    },
    issueCode(shortCodes, grant) {
      const code = `0_${mock.appKey}_${random(12)}`
      codes.set(code, { authorization: authorization(shortCodes, grant), issuedAt: mock.now(), used: false })
      return code
    },
    grantTokens: (shortCodes, grant) => issueTokens(authorization(shortCodes, grant), null),
    setSubscriptions(country, shortCode, rows) {
      subscriptions.set(`${country}:${shortCode}`, rows)
    },
    addOrder(country, order) {
      orders.set(country, [...(orders.get(country) ?? []), order])
    },
    setRateLimit(api, perSecond) {
      for (const name of api === 'all' ? GATEWAY_APIS : [api]) limits.set(name, perSecond)
    },
    inject(api, fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ api, fault })
    },
    holdAfter(api, passing) {
      let open!: () => void
      const gate = { passing, held: 0, opened: new Promise<void>((resolve) => (open = resolve)) }
      gates.set(api, gate)
      return {
        held: () => gate.held,
        release() {
          if (gates.get(api) === gate) gates.delete(api)
          gate.held = 0
          open()
        }
      }
    },
    stats: () => structuredClone(stats),
    resetStats() {
      stats = { calls: 0, byApi: emptyCounts(), apiCallLimit: 0, byAnswer: {}, maxInFlight: emptyCounts() }
      mock.requests = []
    },
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
  mock.resetStats()

  function authorization(shortCodes: string | string[], grant: GrantOptions = {}): Authorization {
    const list = (Array.isArray(shortCodes) ? shortCodes : [shortCodes]).map((shortCode) => {
      const seller = sellers.get(shortCode)
      if (!seller) throw new Error(`The mock gateway has no seller ${shortCode}: addSeller first.`)
      return seller
    })
    return {
      sellers: list,
      accessTtlS: grant.accessTtlS ?? options.accessTtlS ?? 2_592_000,
      refreshTtlS: grant.refreshTtlS ?? options.refreshTtlS ?? 15_552_000,
      marketBound: grant.marketBound ?? false
    }
  }

  /** A new token pair; a refresh keeps the refresh token's original deadline. */
  function issueTokens(auth: Authorization, refreshDeadline: number | null): { accessToken: string; refreshToken: string } {
    const now = mock.now()
    const accessToken = `50000${random(20)}`
    const refreshToken = `50001${random(20)}`
    accessTokens.set(accessToken, { authorization: auth, expiresAt: now + auth.accessTtlS * 1000 })
    const deadline = refreshDeadline ?? (auth.refreshTtlS === 0 ? null : now + auth.refreshTtlS * 1000)
    refreshTokens.set(refreshToken, { authorization: auth, deadline })
    return { accessToken, refreshToken }
  }

  function tokenAnswer(auth: Authorization, pair: { accessToken: string; refreshToken: string }, api: GatewayApi): Record<string, unknown> {
    const now = mock.now()
    const access = accessTokens.get(pair.accessToken)!
    const refresh = refreshTokens.get(pair.refreshToken)!
    const fromRefresh = api === '/auth/token/refresh'
    const infos = auth.sellers.map((seller) => ({
      country: fromRefresh ? seller.country.toLowerCase() : seller.country,
      seller_id: seller.sellerId,
      user_id: seller.userId,
      short_code: seller.shortCode
    }))
    const crossBorder = auth.sellers.some((seller) => seller.crossBorder)
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      country: crossBorder ? 'cb' : auth.sellers[0]!.country.toLowerCase(),
      expires_in: num(Math.round((access.expiresAt - now) / 1000)),
      refresh_expires_in: num(refresh.deadline === null ? 0 : Math.max(0, Math.round((refresh.deadline - now) / 1000))),
      account: auth.sellers[0]!.email,
      account_platform: 'seller_center',
      account_id: null,
      [fromRefresh ? 'country_user_info_list' : 'country_user_info']: infos
    }
  }

  function required(params: Record<string, string>, names: string[]): void {
    for (const name of names) if (!params[name]) throw new Refusal('MissingParameter', `Missing required parameter: ${name}`)
  }

  /** The API itself, once the call passed the gateway's checks; returns the answer's fields besides `code`. */
  function answer(api: GatewayApi, country: CoveredCountry | null, params: Record<string, string>): Record<string, unknown> {
    const now = mock.now()
    switch (api) {
      case '/auth/token/create': {
        required(params, ['code'])
        const issued = codes.get(params.code!)
        if (!issued || issued.used || now - issued.issuedAt > CODE_LIFETIME_MS) throw new Refusal('InvalidCode')
        issued.used = true
        return tokenAnswer(issued.authorization, issueTokens(issued.authorization, null), api)
      }
      case '/auth/token/refresh': {
        required(params, ['refresh_token'])
        const entry = refreshTokens.get(params.refresh_token!)
        if (!entry || entry.deadline === null || entry.deadline <= now) throw new Refusal('IllegalRefreshToken')
        if (entry.authorization.marketBound) throw new Refusal('AUTH_TYPE_UNSUPPORTED', `${mock.appKey} can only be authorized by market, not support refresh`)
        refreshTokens.delete(params.refresh_token!)
        return tokenAnswer(entry.authorization, issueTokens(entry.authorization, entry.deadline), api)
      }
      case '/service/market/subs/query': {
        required(params, ['articleCode', 'shortCode'])
        const rows = params.articleCode === mock.articleCode ? (subscriptions.get(`${country}:${params.shortCode}`) ?? []) : []
        const nick = sellers.get(params.shortCode!)?.name ?? params.shortCode
        return {
          result: {
            data: rows.map((row) => ({
              nick,
              item_code: row.itemCode ?? `${mock.articleCode}-1`,
              expire_notice: bool(true),
              end_time: num(row.endTime),
              article_name: 'Storewatch mock app',
              item_name: row.itemName ?? 'Half year',
              autosub: bool(row.autoRenew ?? false),
              article_code: mock.articleCode,
              status: num(row.status)
            })),
            success: bool(true)
          }
        }
      }
      case '/service/market/order/query': {
        required(params, ['articleCode', 'pageNo', 'pageSize'])
        const pageNo = Math.max(1, Number(params.pageNo) || 1)
        const pageSize = Math.max(1, Number(params.pageSize) || 1)
        const matching =
          params.articleCode === mock.articleCode ? (orders.get(country!) ?? []).filter((order) => !params.shortCode || order.shortCode === params.shortCode) : []
        return {
          result: {
            success: bool(true),
            resultCode: null,
            remark: null,
            data: {
              totalItem: num(matching.length),
              articleBizOrders: matching.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((order) => ({
                orderId: order.orderId,
                bizOrderId: order.orderId,
                itemCode: order.itemCode ?? `${mock.articleCode}-1`,
                itemName: order.itemName ?? 'Half year',
                articleCode: mock.articleCode,
                articleName: 'Storewatch mock app',
                nick: sellers.get(order.shortCode)?.name ?? order.shortCode,
                orderCycleStart: num(order.cycleStart),
                orderCycleEnd: num(order.cycleEnd),
                create: num(order.created),
                orderCycle: '6个月',
                fee: num(0),
                totalPayFee: num(0)
              }))
            }
          }
        }
      }
      case '/seller/get': {
        const entry = accessTokens.get(params.access_token ?? '')
        const seller = entry?.authorization.sellers.find((candidate) => candidate.country === country)
        if (!entry || entry.expiresAt <= now || !seller) throw new Refusal('IllegalAccessToken')
        return {
          data: {
            seller_id: asStrings ? seller.sellerId : Number(seller.sellerId),
            short_code: seller.shortCode,
            name: seller.name,
            name_company: `${seller.name} Pte Ltd`,
            email: seller.email,
            logo_url: '',
            cb: bool(seller.crossBorder),
            location: seller.country,
            status: seller.status,
            verified: bool(true),
            marketplaceEaseMode: bool(false)
          }
        }
      }
    }
  }

  /** The gateway's own checks, before the API sees the call. */
  function checkCall(api: GatewayApi, params: Record<string, string>, now: number): void {
    if (params.app_key !== mock.appKey) throw new Refusal(params.app_key ? 'InvalidAppKey' : 'MissingParameter', params.app_key ? undefined : 'Missing required parameter: app_key')
    if (params.sign_method !== 'sha256') throw new Refusal('IncompleteSignature', 'Unsupported sign_method: use sha256')
    if (!params.timestamp) throw new Refusal('MissingParameter', 'Missing required parameter: timestamp')
    // DOC-108067 allows epoch milliseconds or an ISO 8601 instant.
    const sentAt = /^\d+$/.test(params.timestamp) ? Number(params.timestamp) : Date.parse(params.timestamp)
    if (Number.isNaN(sentAt) || Math.abs(now - sentAt) > TIMESTAMP_TOLERANCE_MS) {
      throw new Refusal(mock.skewErrorCode, 'The timestamp is more than 7200 seconds away from the server time')
    }
    if (!params.sign) throw new Refusal('MissingParameter', 'Missing required parameter: sign')
    if (params.sign !== gatewaySign(api, params, mock.appSecret)) throw new Refusal('IncompleteSignature')
  }

  /** Counts the arrival; true when it breaks the API's limit or falls in its ban. */
  function overLimit(api: GatewayApi, now: number): boolean {
    if (now < (bannedUntil.get(api) ?? 0)) return true
    const limit = limits.get(api)
    if (limit === null || limit === undefined) return false
    const recent = arrivals.get(api)!.filter((at) => at > now - WINDOW_MS)
    recent.push(now)
    arrivals.set(api, recent)
    if (recent.length <= limit) return false
    bannedUntil.set(api, now + banMs)
    return true
  }

  function takeFault(api: GatewayApi): MockFault | null {
    const index = faults.findIndex((entry) => entry.api === api || entry.api === 'any')
    return index === -1 ? null : faults.splice(index, 1)[0]!.fault
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    const found = request.method === 'GET' ? route(url.pathname) : null
    const send = (status: number, body: string, contentType = 'application/json;charset=UTF-8') => {
      if (response.destroyed) return
      response.writeHead(status, { 'content-type': contentType, date: new Date(mock.now()).toUTCString(), 'cache-control': 'no-store' }).end(body)
    }
    const lazada = (code: string, fields: Record<string, unknown>, status = 200) => send(status, JSON.stringify({ ...fields, code, request_id: random(12) }))
    if (!found) {
      await delay(mock.latencyMs)
      lazada('InvalidApi', { type: 'ISV', message: MESSAGES.InvalidApi }, 404)
      return
    }
    const { api, country } = found
    const receivedAt = mock.now()
    const record: MockRequest = { api, country, params: Object.fromEntries(url.searchParams), receivedAt, answer: '', delayedMs: 0 }
    mock.requests.push(record)
    stats.calls++
    stats.byApi[api]++
    inFlight[api]++
    stats.maxInFlight[api] = Math.max(stats.maxInFlight[api], inFlight[api])
    response.on('close', () => inFlight[api]--)
    const settle = (answer: string) => {
      record.answer = answer
      stats.byAnswer[answer] = (stats.byAnswer[answer] ?? 0) + 1
      if (answer === 'ApiCallLimit') stats.apiCallLimit++
    }

    const gate = gates.get(api)
    if (gate && gate.passing-- <= 0) {
      gate.held++
      await gate.opened
    }
    let fault = takeFault(api)
    if (fault?.kind === 'slow') {
      record.delayedMs += fault.delayMs
      await delay(fault.delayMs)
      fault = null
    }
    // The limit counts arrivals (or signed send times), before any latency.
    const signedAt = Number(record.params.timestamp)
    const limited = overLimit(api, options.limitBy === 'timestamp' && Number.isFinite(signedAt) ? signedAt : receivedAt)
    record.delayedMs += mock.latencyMs
    await delay(mock.latencyMs)
    if (fault?.kind === 'drop') {
      settle('dropped')
      request.socket.destroy()
      return
    }
    if (fault?.kind === 'http') {
      settle(`HTTP ${fault.status}`)
      send(fault.status, fault.body ?? `<html><body><h1>${fault.status}</h1></body></html>`, 'text/html; charset=utf-8')
      return
    }
    if (fault?.kind === 'malformed') {
      settle('malformed')
      send(200, fault.body ?? '{"code":"0","data":{"seller_id":')
      return
    }
    if (fault?.kind === 'answer') {
      settle('answer')
      send(200, JSON.stringify(fault.body))
      return
    }
    try {
      if (fault?.kind === 'lazada') throw new Refusal(fault.code, fault.message)
      if (limited) throw new Refusal('ApiCallLimit')
      checkCall(api, record.params, receivedAt)
      const fields = answer(api, country, record.params)
      settle('0')
      lazada('0', fields)
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      settle(error.code)
      const type = fault?.kind === 'lazada' && fault.type ? fault.type : ISV_CODES.has(error.code) ? 'ISV' : 'ISP'
      lazada(error.code, { type, message: error.message }, fault?.kind === 'lazada' ? (fault.httpStatus ?? 200) : 200)
    }
  }

  return mock
}
