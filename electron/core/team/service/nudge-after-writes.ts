/**
 * The hook that sends local writes to the team soon (issue #12): after every IPC call has answered,
 * the team service looks whether the capture triggers queued a change, and nudges the loop if so.
 * Every write the KAM makes goes through a handler (ticks and notes included, which broadcast no
 * `stores:changed`), so none waits for the fallback pull.
 */
import type { Channel } from '../../../shared/ipc-contract'
import type { HandlersFor } from '../../ipc/dispatcher'

export function nudgeAfterWrites<C extends Channel>(handlers: HandlersFor<C>, nudge: () => void): HandlersFor<C> {
  const wrapped = { ...handlers } as Record<C, (input: unknown, context: unknown) => unknown>
  for (const channel of Object.keys(handlers) as C[]) {
    const handler = handlers[channel] as (input: unknown, context: unknown) => unknown
    wrapped[channel] = (input, context) => {
      const answer = handler(input, context)
      if (answer instanceof Promise) return answer.finally(nudge)
      nudge()
      return answer
    }
  }
  return wrapped as unknown as HandlersFor<C>
}
