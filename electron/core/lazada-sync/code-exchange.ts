/**
 * The in-app code exchange (integrator setting `exchangeCodeInApp`): `/auth/token/create` with
 * the captured code — once, never retried (the code is single-use) — then a check that the
 * account Lazada authorized is the store's: the same country and the same short code or seller id.
 * A cross-border token (`CB`) covers several ventures: the store's country must be one of them,
 * and its entry is the one compared. Anything else is a mismatch naming both accounts; the tokens
 * are then dropped and nothing is attached to the store.
 */
import { countryInfo } from '../../shared/countries'
import type { CredentialsService } from '../credentials/credentials-service'
import { LazadaError } from '../lazada/lazada-api'
import type { SellerAccountInfo, TokenGrant } from '../lazada/lazada-api'
import type { Logger, SealedSecret } from '../ports'
import { describeAccount } from './tokens'
import type { TokenKeeper } from './tokens'

export interface ExchangeStore {
  storeName: string
  country: string
  sellerShortCode: string | null
  sellerId: string | null
}

export type AccountMatch = { ok: true; seller: SellerAccountInfo } | { ok: false; message: string }

export type ExchangeOutcome =
  | { kind: 'matched'; grant: TokenGrant; seller: SellerAccountInfo; sealed: SealedSecret; account: string }
  | { kind: 'mismatch'; message: string }
  | { kind: 'failed'; cause: string; message: string }

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toUpperCase() === b.trim().toUpperCase()

/** "Acme Official (SG, short code SG10001, seller id 1001)" */
function storeAccount(store: ExchangeStore): string {
  return describeAccount(store.storeName, store.country, { shortCode: store.sellerShortCode, sellerId: store.sellerId })
}

/** Whether the account a token was granted for is the store's seller account. */
export function matchAccount(store: ExchangeStore, grant: TokenGrant): AccountMatch {
  const country = store.country.toUpperCase()
  const venture = grant.country.toUpperCase()
  const entry = (c: string) => grant.sellers.find((s) => s.country.toUpperCase() === c)
  const theirs = (seller?: SellerAccountInfo | null) => describeAccount(grant.account, venture, seller)
  const refuse = (why: string) => ({
    ok: false as const,
    message: `${why} Nothing was attached to ${store.storeName}: ask the seller to log in with the store’s own Seller Center account and authorize again.`
  })

  let seller: SellerAccountInfo | undefined
  if (venture === 'CB') {
    seller = entry(country)
    if (!seller) {
      const ventures = grant.sellers.map((s) => s.country.toUpperCase()).join(', ') || 'none'
      const who = grant.account ? `${grant.account} ` : ''
      return refuse(
        `Lazada authorized the cross-border account ${who}(ventures ${ventures}), which has no ${countryInfo(country).name} entry, so it is not the account of ${storeAccount(store)}.`
      )
    }
  } else {
    if (venture !== country) return refuse(`Lazada authorized ${theirs(entry(venture) ?? grant.sellers[0])}, not the account of ${storeAccount(store)}: another country.`)
    seller = entry(country) ?? (grant.sellers.length === 1 ? grant.sellers[0] : undefined)
  }

  if (store.sellerShortCode && seller?.shortCode) {
    return same(store.sellerShortCode, seller.shortCode) ? { ok: true, seller } : refuse(`Lazada authorized ${theirs(seller)}, not the account of ${storeAccount(store)}.`)
  }
  if (store.sellerId && seller?.sellerId) {
    return same(store.sellerId, seller.sellerId) ? { ok: true, seller } : refuse(`Lazada authorized ${theirs(seller)}, not the account of ${storeAccount(store)}.`)
  }
  return refuse(
    `Lazada authorized ${theirs(seller)}, and Storewatch cannot tell whether that is ${storeAccount(store)}: they share no short code or seller id to compare. If it is the store’s account, add its short code to the store first.`
  )
}

export interface CodeExchangeDeps {
  credentials: Pick<CredentialsService, 'access'>
  tokens: Pick<TokenKeeper, 'seal'>
  logger: Logger
}

export type CodeExchange = (store: ExchangeStore, code: string) => Promise<ExchangeOutcome>

export function createCodeExchange(deps: CodeExchangeDeps): CodeExchange {
  return async (store, code) => {
    const access = await deps.credentials.access()
    if (!access.ok) return { kind: 'failed', cause: access.cause, message: `Storewatch could not exchange the code: ${access.message}` }
    let grant: TokenGrant
    try {
      // Once: a code is single-use, so a failed exchange means authorizing again.
      grant = await access.api.createToken(code)
    } catch (error) {
      const lazada = error instanceof LazadaError
      deps.logger.warn('the authorization code exchange failed', { kind: lazada ? error.kind : 'unexpected', code: lazada ? (error.detail.code ?? null) : null })
      const message = lazada ? error.message : 'Storewatch could not exchange the authorization code with Lazada.'
      // The code is spent either way: the KAM starts again, which the client's sentence may already say.
      const again = /reauthori[sz]e/i.test(message) ? '' : ' The code works only once: start again with Reauthorize.'
      return { kind: 'failed', cause: lazada ? error.kind : 'unexpected', message: `${message}${again}` }
    }
    const match = matchAccount(store, grant)
    if (!match.ok) {
      deps.logger.warn('the authorized account is not the store’s; the tokens were dropped', { venture: grant.country })
      return { kind: 'mismatch', message: match.message }
    }
    let sealed: SealedSecret
    try {
      sealed = await deps.tokens.seal({ access: grant.accessToken, refresh: grant.refreshToken })
    } catch {
      return {
        kind: 'failed',
        cause: 'secret-store',
        message: 'The seller authorized the right account, but the system refused to encrypt the tokens, so they were not kept. Unlock the keyring and authorize again.'
      }
    }
    return { kind: 'matched', grant, seller: match.seller, sealed, account: describeAccount(grant.account, grant.country.toUpperCase(), match.seller) }
  }
}
