/**
 * The integrator's Lazada credentials: the app key and article code live in the integrator
 * profile (plain settings); the app secret goes only through the SecretStore port and the
 * `secrets` table keeps nothing but its ciphertext and the backend that made it.
 *
 * - The secret never leaves main: the renderer learns set / not set / unreadable / needs consent.
 * - Where the system offers no real protection (Linux `basic_text` / `unknown`), a save without
 *   the KAM's explicit consent (`allowUnprotected`) is refused with the reason (SECRET-02).
 * - A secret that cannot be decrypted any more (keyring changed, data copied to another computer)
 *   reads as "unreadable, enter it again": no crash, nothing deleted (SECRET-04).
 * - `shouldReEncrypt` from the system: the new ciphertext replaces the old one (SECRET-03).
 * - Nothing here logs a secret, a token or a ciphertext.
 */
import { eq } from 'drizzle-orm'
import { COVERED_COUNTRIES, countryInfo } from '../../shared/countries'
import type { CoveredCountry } from '../../shared/countries'
import { missingSetup } from '../../shared/integrator'
import type { IntegratorProfile } from '../../shared/integrator'
import type { ConnectionTestResult, LazadaCredentialsView, SaveSecretResult, SecretProtectionView } from '../../shared/lazada'
import type { DatabaseHandle } from '../db/open-database'
import { secrets } from '../db/schema'
import { AppError } from '../errors'
import { LazadaError } from '../lazada/lazada-api'
import type { LazadaApi } from '../lazada/lazada-api'
import { pickSubscription } from '../lazada-sync/subscription-answer'
import type { Clock, Logger, SealedSecret, SecretProtection, SecretStore } from '../ports'
import type { SettingsService } from '../settings/settings-service'
import { formatLocal, timeZoneOf } from '../status/calendar'
import { backendName, protectionView } from './protection'
import { writeTransaction } from '../db/write-transaction'

/** The row name of the Lazada app secret in `secrets`. */
export const APP_SECRET_NAME = 'lazada-app-secret'

/** What builds the Lazada client for the integrator's app (the real one in the app, fakes in tests). */
export type LazadaApiFactory = (config: { appKey: string; appSecret: string; profile: IntegratorProfile }) => LazadaApi

/** Where no SecretStore is wired (a headless host): nothing can be kept. */
export const NO_SECRET_STORE: SecretStore = {
  protection: async () => ({ available: false, backend: 'none', strong: false }),
  seal: async () => {
    throw new Error('No secret store on this system')
  },
  open: async () => {
    throw new Error('No secret store on this system')
  }
}

export interface CredentialsDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  settings: Pick<SettingsService, 'get'>
  secretStore?: SecretStore
  /** Absent: Storewatch cannot call Lazada here. */
  lazadaApi?: LazadaApiFactory
  /** Told after the secret was saved, cleared or found unreadable (the renderer refreshes its view). */
  onChange?: () => void
}

export type ApiAccess =
  | { ok: true; api: LazadaApi; profile: IntegratorProfile }
  | { ok: false; cause: 'not-configured' | 'unreadable'; message: string }

type SecretRead = { ok: true; value: string } | { ok: false; state: 'not-set' | 'unreadable'; message: string }

const SECRET_PATTERN = /^[\x21-\x7e]{8,128}$/

export function createCredentialsService(deps: CredentialsDeps) {
  const { database, clock, logger, settings } = deps
  const { db, sqlite } = database
  const store = deps.secretStore ?? NO_SECRET_STORE
  /** The decrypted secret (or why it cannot be), for the ciphertext it came from. */
  let cache: { ciphertext: string; read: SecretRead } | null = null
  let client: { key: string; api: LazadaApi } | null = null
  let lastTest: ConnectionTestResult | null = null

  function row() {
    return db.select().from(secrets).where(eq(secrets.name, APP_SECRET_NAME)).get() ?? null
  }

  async function protection(): Promise<SecretProtection> {
    try {
      return await store.protection()
    } catch (error) {
      logger.warn('the secret store could not tell its protection', { error: (error as Error).message })
      return { available: false, backend: 'unknown', strong: false }
    }
  }

  function unreadableMessage(savedWith: string, now: SecretProtection): string {
    const changed = now.backend !== savedWith
    return changed
      ? `The saved app secret was encrypted with ${backendName(savedWith)}, and this computer now uses ${backendName(now.backend)}, so it cannot be read: enter the app secret again.`
      : 'The saved app secret can no longer be decrypted on this computer (the keyring refused or changed): enter the app secret again.'
  }

  /** Decrypts the saved secret once per ciphertext; a refusal is remembered until a new save. */
  async function readSecret(): Promise<SecretRead> {
    const saved = row()
    if (!saved) return { ok: false, state: 'not-set', message: 'No app secret is saved.' }
    if (cache && cache.ciphertext === saved.ciphertext) return cache.read
    let read: SecretRead
    let key = saved.ciphertext
    try {
      const opened = await store.open({ ciphertext: saved.ciphertext, backend: saved.backend })
      read = { ok: true, value: opened.value }
      if (opened.resealed && reseal(saved.ciphertext, opened.resealed)) key = opened.resealed.ciphertext
    } catch {
      const now = await protection()
      read = { ok: false, state: 'unreadable', message: unreadableMessage(saved.backend, now) }
      logger.warn('the saved Lazada app secret cannot be decrypted; asking for it again', { savedWith: saved.backend, now: now.backend })
    }
    cache = { ciphertext: key, read }
    if (!read.ok) deps.onChange?.()
    return read
  }

  /** Replaces the ciphertext by the re-encrypted one, unless the secret changed meanwhile. */
  function reseal(previous: string, sealed: SealedSecret): boolean {
    const changed = writeTransaction(sqlite, () => {
      const current = row()
      if (!current || current.ciphertext !== previous) return false
      db.update(secrets).set({ ciphertext: sealed.ciphertext, backend: sealed.backend }).where(eq(secrets.name, APP_SECRET_NAME)).run()
      return true
    })
    if (changed) logger.info('the Lazada app secret was re-encrypted with the system’s current key', { backend: sealed.backend })
    return changed
  }

  function secretSummary(read: SecretRead | null, saved: ReturnType<typeof row>, view: SecretProtectionView): Pick<LazadaCredentialsView, 'secret' | 'message'> {
    if (saved && read?.ok) {
      return saved.unprotectedConsentAt === null
        ? { secret: 'set', message: `The app secret is saved, encrypted with ${backendName(saved.backend)}.` }
        : {
            secret: 'set',
            message: `The app secret is saved WITHOUT protection (${saved.backend}), as you agreed on ${new Date(saved.unprotectedConsentAt).toISOString().slice(0, 10)}: anyone who can read your files could read it.`
          }
    }
    if (saved && read && !read.ok) return { secret: 'unreadable', message: read.message }
    if (view.available && !view.protected) {
      return { secret: 'needs-consent', message: 'No app secret is saved. This computer would keep it without protection, so saving it needs your explicit consent.' }
    }
    return { secret: 'not-set', message: 'No app secret is saved: enter the App Secret from Lazada’s App Console.' }
  }

  async function view(): Promise<LazadaCredentialsView> {
    const view = protectionView(await protection())
    const saved = row()
    const read = saved ? await readSecret() : null
    const profile = settings.get().integrator
    const missing = missingSetup(profile, 'subscription-query')
    const summary = secretSummary(read, row(), view)
    return {
      ...summary,
      protection: view,
      unprotectedSince: summary.secret === 'set' ? (row()?.unprotectedConsentAt ?? null) : null,
      missing,
      remoteChecks: summary.secret === 'set' && missing === null && deps.lazadaApi !== undefined,
      exchangeCodeInApp: profile.exchangeCodeInApp ?? false,
      lastTest
    }
  }

  /** The first store (by id) Lazada can be asked about: not archived, in a covered country, with a short code. */
  function firstStoreWithShortCode(): { country: CoveredCountry; shortCode: string } | null {
    const found = sqlite
      .prepare(
        `SELECT country, seller_short_code FROM stores WHERE archived_at IS NULL AND seller_short_code IS NOT NULL
         AND country IN (${COVERED_COUNTRIES.map((c) => `'${c}'`).join(', ')}) ORDER BY id LIMIT 1`
      )
      .raw()
      .get() as [CoveredCountry, string] | undefined
    return found ? { country: found[0], shortCode: found[1] } : null
  }

  async function access(): Promise<ApiAccess> {
    const profile = settings.get().integrator
    if (!profile.appKey) {
      return { ok: false, cause: 'not-configured', message: 'To ask Lazada, set the app key in Settings → Integrator.' }
    }
    if (!deps.lazadaApi) return { ok: false, cause: 'not-configured', message: 'This build of Storewatch cannot call Lazada.' }
    const secret = await readSecret()
    if (!secret.ok) {
      return secret.state === 'not-set'
        ? { ok: false, cause: 'not-configured', message: 'To ask Lazada, save the app secret in Settings → Lazada connection.' }
        : { ok: false, cause: 'unreadable', message: secret.message }
    }
    const key = JSON.stringify([secret.value, profile])
    if (!client || client.key !== key) client = { key, api: deps.lazadaApi({ appKey: profile.appKey, appSecret: secret.value, profile }) }
    return { ok: true, api: client.api, profile }
  }

  return {
    view,
    /** The Lazada client for the saved credentials (app key and secret), or why there is none. */
    access,

    /** Whether an app secret is saved (readable or not): checked before opening an exchange window. */
    hasSecret(): boolean {
      return row() !== null
    },

    async saveSecret(input: { secret: string; allowUnprotected: boolean }): Promise<SaveSecretResult> {
      const secret = input.secret.trim()
      if (!SECRET_PATTERN.test(secret)) {
        throw new AppError('invalid-input', 'The app secret is 8 to 128 letters, digits or symbols, without spaces, as Lazada’s App Console shows it.', [
          { field: 'secret', message: 'Paste the App Secret from Lazada’s App Console' }
        ])
      }
      const now = await protection()
      if (!now.available) {
        return { status: 'unavailable', message: protectionView(now).message, credentials: await view() }
      }
      if (!now.strong && !input.allowUnprotected) {
        return { status: 'needs-consent', message: protectionView(now).message, credentials: await view() }
      }
      let sealed: SealedSecret
      try {
        sealed = await store.seal(secret)
        // Read it back before keeping it: a ciphertext this computer cannot open is worth nothing.
        const check = await store.open(sealed)
        if (check.value !== secret) throw new Error('the encrypted secret did not read back')
      } catch (error) {
        logger.warn('the Lazada app secret could not be encrypted', { backend: now.backend, error: (error as Error).message })
        return {
          status: 'unavailable',
          message: 'The system refused to encrypt the app secret (is the keyring locked?). Unlock it and try again.',
          credentials: await view()
        }
      }
      const at = clock.now()
      const values = { ciphertext: sealed.ciphertext, backend: sealed.backend, unprotectedConsentAt: now.strong ? null : at, updatedAt: at }
      db.insert(secrets)
        .values({ name: APP_SECRET_NAME, ...values })
        .onConflictDoUpdate({ target: secrets.name, set: values })
        .run()
      cache = { ciphertext: sealed.ciphertext, read: { ok: true, value: secret } }
      lastTest = null
      logger.info('Lazada app secret saved', { backend: sealed.backend, protected: now.strong })
      deps.onChange?.()
      return { status: 'saved', credentials: await view() }
    },

    async clearSecret(): Promise<LazadaCredentialsView> {
      const removed = db.delete(secrets).where(eq(secrets.name, APP_SECRET_NAME)).run().changes
      cache = null
      client = null
      lastTest = null
      if (removed) {
        logger.info('Lazada app secret removed')
        deps.onChange?.()
      }
      return view()
    },

    /**
     * "Test connection": one signed, token-free call — Lazada's subscription query for a seller
     * short code (the given one, else the first store's that has one) — and what it says.
     */
    async testConnection(input: { country?: CoveredCountry; shortCode?: string }): Promise<ConnectionTestResult> {
      const at = clock.now()
      const done = (ok: boolean, message: string, cause: string | null) => (lastTest = { ok, at, message, cause })
      const profile = settings.get().integrator
      const missing = missingSetup(profile, 'subscription-query')
      if (missing) return done(false, missing.message, 'not-configured')
      const api = await access()
      if (!api.ok) return done(false, api.message, api.cause)
      const target = input.shortCode ? { country: input.country ?? 'SG', shortCode: input.shortCode.trim().toUpperCase() } : firstStoreWithShortCode()
      if (!target) {
        return done(false, 'Type a seller short code to test with (no store in the portfolio has one yet).', 'not-configured')
      }
      if (!(COVERED_COUNTRIES as readonly string[]).includes(target.country)) return done(false, `Lazada has no gateway for ${target.country}.`, 'not-configured')
      const name = countryInfo(target.country).name
      try {
        const rows = await api.api.subscriptions(target.country, { articleCode: profile.articleCode, shortCode: target.shortCode }, { once: true })
        const picked = pickSubscription(rows)
        const zone = timeZoneOf(target.country)
        const when = (instant: number | null) => (instant === null ? '' : ` ${formatLocal(instant, zone)} (${target.country} time)`)
        let answer: string
        if (picked.state === 'valid') answer = `its subscription is valid${picked.endAt === null ? '' : ` until${when(picked.endAt)}`}`
        else if (picked.state === 'expired') answer = `its subscription expired${picked.endAt === null ? '' : ` on${when(picked.endAt)}`}`
        else answer = `it has no subscription to ${profile.articleCode}`
        logger.info('Lazada connection test passed', { country: target.country })
        return done(true, `Connected: Lazada accepted the app key and secret and answered for ${target.shortCode} (${name}): ${answer}.`, null)
      } catch (error) {
        const lazada = error instanceof LazadaError
        const message = lazada ? error.message : 'Storewatch could not complete the call.'
        logger.warn('Lazada connection test failed', { kind: lazada ? error.kind : 'unexpected', code: lazada ? (error.detail.code ?? null) : null })
        return done(false, `Not connected: ${message}`, lazada ? error.kind : 'unexpected')
      }
    }
  }
}

export type CredentialsService = ReturnType<typeof createCredentialsService>
