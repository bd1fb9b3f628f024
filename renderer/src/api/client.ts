/**
 * The one module that touches the preload bridge. Everything else imports `api` from here, so the
 * renderer has a single seam to fake in tests and a single place that knows the global's name.
 */
import { BRIDGE_GLOBAL } from '../../../electron/shared/bridge'
import type { StorewatchApi } from '../../../electron/shared/bridge'
import type { Result } from '../../../electron/shared/result'

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: StorewatchApi
  }
}

function bridge(): StorewatchApi {
  const found = window[BRIDGE_GLOBAL]
  if (!found) throw new Error('Storewatch’s connection to its data is missing. Restart the app.')
  return found
}

type AnyCall = (input?: unknown) => Promise<Result<unknown>>

/**
 * The bridge read lazily (tests install a fake after this module loads) and with transport failures
 * (a crashed main process, a missing bridge) turned into the same `{ ok: false }` envelope as domain
 * errors, so callers handle one shape.
 */
export const api: StorewatchApi = new Proxy({} as StorewatchApi, {
  get(_target, domain: string) {
    if (domain === 'on') {
      return ((event, listener) => bridge().on(event, listener)) satisfies StorewatchApi['on']
    }
    return new Proxy(
      {},
      {
        get(_group, action: string): AnyCall {
          return async (input) => {
            try {
              const group = (bridge() as unknown as Record<string, Record<string, AnyCall>>)[domain]
              const call = group?.[action]
              if (!call) throw new Error(`Unknown request ${domain}.${action}`)
              return await call(input)
            } catch (error) {
              return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }
            }
          }
        }
      }
    )
  }
})
