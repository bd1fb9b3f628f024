/**
 * While an import commit writes, the worker holds the database's write lock, possibly for a
 * minute. A write from main meanwhile would wait in SQLite's busy handler — blocking main's
 * thread — and then fail with "database is locked". Instead, main's writes wait for the import to
 * finish before they start, and say what they waited for; reads go ahead (WAL readers never wait
 * for the writer).
 */
import type { Channel } from '../../shared/ipc-contract'
import type { HandlersFor } from '../ipc/dispatcher'
import type { Logger } from '../ports'

export interface WriteHold {
  /** What holds the write lock now, in words for the log ("the import of stores.csv (…)"), or null. */
  holder(): string | null
  /** Settles when the current holder lets go (at once when nothing holds it). */
  released(): Promise<void>
}

/**
 * Channels that only read (or that are the import itself): they run at once during an import.
 * Any channel not named here waits, so a new channel that writes is safe by default.
 */
export const RUN_DURING_IMPORT: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'stores:list',
  'stores:ids',
  'stores:locate',
  'sequences:start',
  'sequences:around',
  'stores:facets',
  'stores:get',
  'stores:export-csv',
  'dashboard:get',
  'checks:recent',
  'dashboard:history',
  'tasks:running',
  'tasks:cancel',
  'reminders:list',
  'settings:get',
  'views:columns',
  'checklists:get',
  'checklists:message',
  'messages:for-clients',
  'authorizations:review',
  'import:save-template',
  'import:preview',
  'import:commit',
  'import:discard',
  'import:save-problems'
])

/** Waits until nothing holds the lock, however many imports follow one another. */
export async function untilReleased(hold: WriteHold): Promise<void> {
  while (hold.holder() !== null) await hold.released()
}

/** The handlers, each write waiting for a running import to finish (and only then). */
export function waitForImports<C extends Channel>(handlers: HandlersFor<C>, hold: WriteHold, logger: Logger): HandlersFor<C> {
  const gated = { ...handlers } as Record<C, (input: unknown, context: unknown) => unknown>
  for (const channel of Object.keys(handlers) as C[]) {
    if (RUN_DURING_IMPORT.has(channel)) continue
    const handler = handlers[channel] as (input: unknown, context: unknown) => unknown
    gated[channel] = (input, context) => {
      const holder = hold.holder()
      if (holder === null) return handler(input, context)
      logger.info('a write waits for the import to finish', { channel, holder })
      return untilReleased(hold).then(() => handler(input, context))
    }
  }
  return gated as unknown as HandlersFor<C>
}
