/**
 * Builds the renderer-facing API from the contract. The preload runs it over ipcRenderer; the
 * browser test host runs it over HTTP. Both get the same shape, so they cannot drift.
 */
import { CHANNELS, EVENT_NAMES } from './ipc-contract'
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './ipc-contract'
import type { Result } from './result'

export interface BridgeTransport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never

type CallFor<C extends Channel> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>

export type StorewatchApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer A}` ? CamelCase<A> : never]: CallFor<C>
  }
} & {
  /** Listens to a main-process event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The name under which the bridge appears on `window`. */
export const BRIDGE_GLOBAL = 'storewatch'

export function camelCase(action: string): string {
  return action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** `stores:export-csv` → `['stores', 'exportCsv']`. */
export function bridgePath(channel: Channel): [string, string] {
  const [domain, action] = channel.split(':') as [string, string]
  return [domain, camelCase(action)]
}

export function createBridge(transport: BridgeTransport): StorewatchApi {
  const api: Record<string, unknown> = {}
  for (const channel of CHANNELS) {
    const [domain, action] = bridgePath(channel)
    const group = (api[domain] ??= {}) as Record<string, unknown>
    group[action] = (input?: unknown) => transport.invoke(channel, input)
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    return transport.subscribe(event, listener)
  }
  return api as StorewatchApi
}
