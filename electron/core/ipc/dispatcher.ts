/**
 * Runs IPC calls against the contract: validates the payload with the channel's zod schema, calls
 * the handler, and answers with a `{ ok, value | error }` envelope whatever happens. Used by the
 * Electron main process and by the browser test host alike.
 */
import type { z } from 'zod'
import { CHANNELS, ipcContract } from '../../shared/ipc-contract'
import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../shared/ipc-contract'
import { STORE_FIELD_BY_KEY } from '../../shared/store-fields'
import type { FieldError, Result } from '../../shared/result'
import { fail, ok } from '../../shared/result'
import { storageFailure } from '../db/sqlite-errors'
import { AppError } from '../errors'
import type { Logger } from '../ports'

export interface CallContext {
  /** Sends an event to the window that made the call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, context: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>

export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> }

export type Handlers = HandlersFor<Channel>

export interface Dispatcher {
  readonly channels: readonly Channel[]
  dispatch(channel: string, input: unknown, context: CallContext): Promise<Result<unknown>>
}

function isChannel(channel: string): channel is Channel {
  return Object.prototype.hasOwnProperty.call(ipcContract, channel)
}

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(payload)', message: issue.message }))
}

/** "Store name: Store name is required" reads badly; name the field only when the message does not. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path[issue.path.length - 1]
  const label = typeof key === 'string' && key in STORE_FIELD_BY_KEY ? STORE_FIELD_BY_KEY[key as keyof typeof STORE_FIELD_BY_KEY].label : issue.path.join('.')
  return label && !issue.message.startsWith(label) ? `${label}: ${issue.message}` : issue.message
}

/**
 * Refuses to start without a handler for each of `channels` (every contract channel unless a part
 * of them is named, as the core does for its own).
 */
export function createDispatcher<C extends Channel = Channel>(handlers: HandlersFor<C>, logger: Logger, channels: readonly C[] = CHANNELS as C[]): Dispatcher {
  const missing = channels.filter((c) => typeof handlers[c] !== 'function')
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`)
  const served = new Set<string>(channels)

  return {
    channels,
    async dispatch(channel, input, context) {
      if (!isChannel(channel) || !served.has(channel)) return fail('unknown-channel', `Unknown request "${channel}"`)
      const parsed = ipcContract[channel].input.safeParse(input)
      if (!parsed.success) {
        const first = parsed.error.issues[0]
        return fail('invalid-input', first ? describeIssue(first) : 'Invalid request', fieldErrors(parsed.error))
      }
      try {
        const handler = handlers[channel as C] as (input: unknown, context: CallContext) => unknown
        return ok(await handler(parsed.data, context))
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.fields)
        const storage = storageFailure(error)
        if (storage) {
          logger.warn('IPC call failed on the data file', { channel, code: storage.code, message: (error as Error).message })
          return fail(storage.code, storage.message)
        }
        const message = error instanceof Error ? error.message : String(error)
        logger.error('IPC handler failed', { channel, message })
        return fail('internal', `Storewatch could not complete this: ${message}`)
      }
    }
  }
}
