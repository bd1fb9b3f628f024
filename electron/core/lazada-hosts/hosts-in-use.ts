/**
 * The Lazada hosts of this run: Lazada's own, or those of the start-up option (a proxy, the tests'
 * mock servers). Settled once at start; the authorization window, the link for the seller and the
 * Lazada client all read them from here, and the renderer shows them (with a banner while the
 * option is in force).
 */
import { COVERED_COUNTRIES } from '../../shared/countries'
import { LAZADA_AUTHORIZE_URL } from '../../shared/lazada-hosts'
import type { LazadaHostsInUse, LazadaHostsView } from '../../shared/lazada-hosts'
import { resolveHosts } from '../lazada/hosts'
import type { LazadaHostsOption } from './start-up-option'

export const LAZADA_OWN_HOSTS: LazadaHostsInUse = hostsInUse({ kind: 'none' })

export function hostsInUse(option: LazadaHostsOption): LazadaHostsInUse {
  const override = option.kind === 'override' ? option.hosts : {}
  const api = resolveHosts({ auth: override.auth, gateways: override.gateways })
  return { authorize: override.authorize ?? LAZADA_AUTHORIZE_URL, ...api }
}

function origin(url: string): string {
  return new URL(url).origin
}

/** What the renderer is told: the hosts in use, and where they come from. */
export function lazadaHostsView(option: LazadaHostsOption, ignoredSaved: readonly string[]): LazadaHostsView {
  const inUse = hostsInUse(option)
  if (option.kind !== 'override') {
    return { inUse, override: null, overrideProblem: option.kind === 'invalid' ? option.problem : null, ignoredSaved: [...ignoredSaved] }
  }
  const { authorize, auth, gateways = {} } = option.hosts
  const replaced = [authorize, auth, ...COVERED_COUNTRIES.map((c) => gateways[c])].filter((u): u is string => u !== undefined)
  return {
    inUse,
    override: { source: option.source, origins: [...new Set(replaced.map(origin))] },
    overrideProblem: null,
    ignoredSaved: [...ignoredSaved]
  }
}
