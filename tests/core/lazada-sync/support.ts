/** A scriptable LazadaApi and a core with Lazada credentials, for the credentials and sync tests. */
import fs from 'node:fs'
import type { LazadaApiFactory } from '../../../electron/core/credentials/credentials-service'
import { LazadaError } from '../../../electron/core/lazada/lazada-api'
import type { LazadaApi, LazadaErrorKind, MarketOrder, MarketSubscription, SellerProfile, TokenGrant } from '../../../electron/core/lazada/lazada-api'
import type { AppCoreDeps } from '../../../electron/core/app-core'
import type { CoveredCountry } from '../../../electron/shared/countries'
import type { IntegratorProfileInput } from '../../../electron/shared/integrator'
import { FakeSecretStore } from '../../support/test-core'
import { call, setIntegrator } from '../checklists/support'
import { openWorld } from '../monitoring/monitoring-support'
import type { World } from '../monitoring/monitoring-support'

export const APP_KEY = '100132'
export const APP_SECRET = 'sEcReT-9f8e7d6c5b4a39281706'
export const ARTICLE = 'FW_GOODS-1000000281'

export interface FakeCall {
  api: '/auth/token/create' | '/auth/token/refresh' | '/service/market/subs/query' | '/service/market/order/query' | '/seller/get'
  venture?: CoveredCountry
  shortCode?: string
  articleCode?: string
  token?: string
}

export function lazadaError(kind: LazadaErrorKind, message: string, code?: string): LazadaError {
  return new LazadaError(kind, message, code ? { code } : {})
}

export const RATE_LIMITED = () => lazadaError('api-call-limit', 'Lazada’s rate limit was hit (ApiCallLimit): Storewatch waits and asks again at the next check.', 'ApiCallLimit')
export const TIMED_OUT = () => lazadaError('timeout', 'Lazada did not answer within 30 seconds: check the internet connection; the next check asks again.')

/** Lazada as a script: each API answers through a function the test sets. */
export class FakeLazadaApi implements LazadaApi {
  calls: FakeCall[] = []
  subs: (venture: CoveredCountry, query: { articleCode: string; shortCode: string }) => MarketSubscription[] | Promise<MarketSubscription[]> = () => []
  create: (code: string) => TokenGrant | Promise<TokenGrant> = () => {
    throw lazadaError('invalid-code', 'Lazada refused the authorization code (InvalidCode): start again with Reauthorize.', 'InvalidCode')
  }
  refresh: (refreshToken: string) => TokenGrant | Promise<TokenGrant> = () => {
    throw lazadaError('illegal-refresh-token', 'Lazada refused the refresh token (IllegalRefreshToken): the seller must authorize again.', 'IllegalRefreshToken')
  }
  probe: (venture: CoveredCountry, accessToken: string) => SellerProfile | Promise<SellerProfile> = () => ({
    sellerId: '1001',
    shortCode: 'SG10000001',
    name: 'Acme',
    email: null,
    status: 'ACTIVE',
    crossBorder: false
  })

  count(api: FakeCall['api']): number {
    return this.calls.filter((c) => c.api === api).length
  }

  async createToken(code: string): Promise<TokenGrant> {
    this.calls.push({ api: '/auth/token/create' })
    return this.create(code)
  }
  async refreshToken(refreshToken: string): Promise<TokenGrant> {
    this.calls.push({ api: '/auth/token/refresh', token: refreshToken })
    return this.refresh(refreshToken)
  }
  async subscriptions(venture: CoveredCountry, query: { articleCode: string; shortCode: string }): Promise<MarketSubscription[]> {
    this.calls.push({ api: '/service/market/subs/query', venture, shortCode: query.shortCode, articleCode: query.articleCode })
    return this.subs(venture, query)
  }
  async orders(): Promise<MarketOrder[]> {
    this.calls.push({ api: '/service/market/order/query' })
    return []
  }
  async seller(venture: CoveredCountry, accessToken: string): Promise<SellerProfile> {
    this.calls.push({ api: '/seller/get', venture, token: accessToken })
    return this.probe(venture, accessToken)
  }
}

export function valid(endAt: number, extra: Partial<MarketSubscription> = {}): MarketSubscription {
  return { status: 'valid', endAt, autoRenew: false, itemCode: `${ARTICLE}-1`, itemName: 'Authorization Only', articleCode: ARTICLE, ...extra }
}

export function expired(endAt: number): MarketSubscription {
  return { ...valid(endAt), status: 'expired' }
}

export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

/** A grant as the client parses it, for a seller in `country`. */
export function grant(now: number, overrides: Partial<TokenGrant> = {}, n = 1): TokenGrant {
  return {
    accessToken: `access-token-${n}-50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg`,
    refreshToken: `refresh-token-${n}-500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi`,
    accessExpiresAt: now + 30 * DAY,
    refreshExpiresAt: now + 180 * DAY,
    country: 'SG',
    account: 'owner@acme.sg',
    accountPlatform: 'seller_center',
    sellers: [{ country: 'SG', sellerId: '1001', userId: '2001', shortCode: 'SG10000001' }],
    ...overrides
  }
}

export interface LazadaWorld extends World {
  api: FakeLazadaApi
  secrets: FakeSecretStore
  /** What the core asked the factory for (app key, secret, profile). */
  factoryCalls: Parameters<LazadaApiFactory>[0][]
}

/** A core with the fake Lazada and secret store; `configure` (default) saves the app key, article code and secret. */
export async function lazadaWorld(
  start: string | number,
  options: { configure?: boolean; profile?: Partial<IntegratorProfileInput>; deps?: Omit<Partial<AppCoreDeps>, 'clock'>; secrets?: FakeSecretStore } = {}
): Promise<LazadaWorld> {
  const api = new FakeLazadaApi()
  const secrets = options.secrets ?? new FakeSecretStore()
  const factoryCalls: Parameters<LazadaApiFactory>[0][] = []
  const world = openWorld(start, {
    secretStore: secrets,
    lazadaApi: (config) => {
      factoryCalls.push(config)
      return api
    },
    ...options.deps
  })
  if (options.configure ?? true) {
    await setIntegrator(world.core, { appKey: APP_KEY, articleCode: ARTICLE, ...options.profile })
    const saved = await call(world.core, 'credentials:save-secret', { secret: APP_SECRET })
    if (saved.status !== 'saved') throw new Error(`secret not saved: ${saved.status}`)
  } else if (options.profile) {
    await setIntegrator(world.core, options.profile)
  }
  return { ...world, api, secrets, factoryCalls }
}

/** Every byte of the database (main file and WAL) as text, to grep for what must not be there. */
export function databaseBytes(world: World): string {
  world.database.sqlite.pragma('wal_checkpoint(PASSIVE)')
  return [world.database.filePath, `${world.database.filePath}-wal`]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString('latin1'))
    .join('\n')
}
