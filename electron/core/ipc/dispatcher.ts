/**
 * Runs IPC calls against the contract: validates the payload with the channel's zod schema, calls
 * the handler, and answers with a `{ ok, value | error }` envelope whatever happens. Used by the
 * Electron main process and by the browser test host alike.
 */
import type { z } from 'zod'
import { ipcContract } from '../../shared/ipc-contract'
import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../shared/ipc-contract'
import { STORE_FIELD_BY_KEY } from '../../shared/store-fields'
import type { FieldError, Result } from '../../shared/result'
import { fail, ok } from '../../shared/result'
import { AppError } from '../errors'
import type { Logger } from '../ports'

export interface CallContext {
  /** Sends an event to the window that made the call. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>, context: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>
}

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

export function createDispatcher(handlers: Handlers, logger: Logger): Dispatcher {
  const channels = Object.keys(ipcContract) as Channel[]
  const missing = channels.filter((c) => typeof handlers[c] !== 'function')
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}`)

  return {
    channels,
    async dispatch(channel, input, context) {
      if (!isChannel(channel)) return fail('unknown-channel', `Unknown request "${channel}"`)
      const parsed = ipcContract[channel].input.safeParse(input)
      if (!parsed.success) {
        const first = parsed.error.issues[0]
        return fail('invalid-input', first ? describeIssue(first) : 'Invalid request', fieldErrors(parsed.error))
      }
      try {
        const handler = handlers[channel] as (input: unknown, context: CallContext) => unknown
        return ok(await handler(parsed.data, context))
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.fields)
        const message = error instanceof Error ? error.message : String(error)
        logger.error('IPC handler failed', { channel, message })
        return fail('internal', `Storewatch could not complete this: ${message}`)
      }
    }
  }
}
