/**
 * Gives the checker's core its Lazada access (issue #12, point 7): the app key, article code and
 * published countries go into its integrator profile (local settings, as on a laptop), and the app
 * secret through the core's own credentials service, sealed by the process's secret store
 * (`process-secret-store.ts`), so nothing of it is written in plaintext and no core code changes.
 */
import type { AppCore } from '../../app-core'
import { AppError } from '../../errors'
import type { CheckerConfig } from './checker-config'
import { CheckerConfigError } from './owner-only-file'

export async function configureLazada(core: AppCore, config: CheckerConfig): Promise<void> {
  const current = core.settings.get()
  const { appKey, articleCode, publishedCountries } = config.lazada
  try {
    core.settings.save({ ...current, integrator: { ...current.integrator, appKey, articleCode, publishedCountries: publishedCountries ?? current.integrator.publishedCountries } })
  } catch (error) {
    throw new CheckerConfigError(`The Lazada app key or article code is not usable: ${describe(error)}`)
  }
  let saved: Awaited<ReturnType<AppCore['credentials']['saveSecret']>>
  try {
    saved = await core.credentials.saveSecret({ secret: config.appSecret, allowUnprotected: false })
  } catch (error) {
    throw new CheckerConfigError(`The Lazada app secret is not usable: ${describe(error)}`)
  }
  if (saved.status !== 'saved') throw new CheckerConfigError(`The Lazada app secret could not be kept for this run: ${saved.message}`)
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues.map((issue: { path: PropertyKey[]; message: string }) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}
