/**
 * The straight path's driver (issue #12, point 5): after a local write (debounced), on a
 * teammate's NOTIFY, and every `pullIntervalMs` as the fallback, it pushes the outbox and then
 * pulls. One cycle runs at a time; a nudge during a cycle runs one more after it.
 *
 * A failure to reach the team is "offline": the work stays in the outbox and the loop retries with
 * backoff (1 s doubling to 30 s). A `TeamRefusal` (schema newer than the app, TLS refused, role
 * not a member…) stops the loop with its reason: retrying cannot help, local work goes on.
 */
import type { TeamState } from '../../shared/team-state'
import type { Clock, Logger } from '../ports'
import type { TeamChannel } from './team-change'

/** A reason the team will not sync with this app that retrying cannot remove. */
export class TeamRefusal extends Error {
  override name = 'TeamRefusal'
}

/** The laptop's side, as the loop needs it. */
export interface ReplicaPort {
  pendingCount(): number
  /** Sends the outbox; what was sent leaves it only after the team has it. */
  push(channel: TeamChannel): Promise<void>
  /** Brings in and applies the team's changes after the last one applied. */
  pull(channel: TeamChannel): Promise<void>
}

export interface TeamConnection {
  channel: TeamChannel
  /** Calls `onNotify` when a teammate pushes; resolves to how to stop listening. */
  listen(onNotify: () => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export type Later = (run: () => void, ms: number) => () => void

export interface SyncLoopDeps {
  replica: ReplicaPort
  connect: () => Promise<TeamConnection>
  clock: Clock
  logger: Logger
  publish: (state: TeamState) => void
  later?: Later
  pullIntervalMs?: number
  nudgeDebounceMs?: number
}

export const PULL_INTERVAL_MS = 5_000
export const NUDGE_DEBOUNCE_MS = 200
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 30_000

/** `Later` on the real clock: what runs when no test gives its own. */
export const realLater: Later = (run, ms) => {
  const timer = setTimeout(run, ms)
  return () => clearTimeout(timer)
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function createSyncLoop(deps: SyncLoopDeps) {
  const later = deps.later ?? realLater
  const pullIntervalMs = deps.pullIntervalMs ?? PULL_INTERVAL_MS
  let connection: TeamConnection | null = null
  let stopListening: (() => Promise<void>) | null = null
  let running = false
  let again = false
  let stopped = true
  let offlineSince: number | null = null
  let retryMs = FIRST_RETRY_MS
  let cancelNext: (() => void) | null = null
  let cancelNudge: (() => void) | null = null
  let state: TeamState = { kind: 'solo' }

  function publish(next: TeamState): void {
    state = next
    deps.publish(next)
  }

  function schedule(ms: number): void {
    cancelNext?.()
    cancelNext = later(() => void cycle(), ms)
  }

  async function ensureConnected(): Promise<TeamConnection> {
    if (connection) return connection
    const opened = await deps.connect()
    connection = opened
    stopListening = await opened.listen(() => void cycle())
    return opened
  }

  async function dropConnection(): Promise<void> {
    const [closing, unlisten] = [connection, stopListening]
    connection = null
    stopListening = null
    await unlisten?.().catch(() => {})
    await closing?.close().catch(() => {})
  }

  async function failed(error: unknown): Promise<void> {
    await dropConnection()
    if (error instanceof TeamRefusal) {
      stopped = true
      cancelNext?.()
      publish({ kind: 'refused', reason: error.message })
      deps.logger.warn('team sync refused', { reason: error.message })
      return
    }
    offlineSince ??= deps.clock.now()
    publish({ kind: 'offline', since: offlineSince, reason: reasonOf(error), pending: deps.replica.pendingCount() })
    schedule(retryMs)
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
  }

  async function syncOnce(): Promise<void> {
    const pending = deps.replica.pendingCount()
    if (pending > 0) publish({ kind: 'syncing', pending })
    const { channel } = await ensureConnected()
    await deps.replica.push(channel)
    await deps.replica.pull(channel)
    offlineSince = null
    retryMs = FIRST_RETRY_MS
    const written = deps.replica.pendingCount()
    if (written > 0) {
      // Written while this cycle ran: not in sync until those are out too.
      again = true
      publish({ kind: 'syncing', pending: written })
      return
    }
    publish({ kind: 'in-sync', at: deps.clock.now() })
    schedule(pullIntervalMs)
  }

  /** One push-then-pull; a call while one runs asks for one more after it. */
  async function cycle(): Promise<void> {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        await syncOnce()
      } while (again && !stopped)
    } catch (error) {
      await failed(error)
    } finally {
      running = false
    }
  }

  return {
    start(): Promise<void> {
      stopped = false
      return cycle()
    },
    /** After a local write: sync soon, once for a burst of writes. */
    nudge(): void {
      if (stopped) return
      if (state.kind === 'in-sync' || state.kind === 'syncing') publish({ kind: 'syncing', pending: deps.replica.pendingCount() })
      cancelNudge?.()
      cancelNudge = later(() => void cycle(), deps.nudgeDebounceMs ?? NUDGE_DEBOUNCE_MS)
    },
    async stop(): Promise<void> {
      stopped = true
      cancelNext?.()
      cancelNudge?.()
      await dropConnection()
      publish({ kind: 'solo' })
    },
    state: (): TeamState => state
  }
}

export type SyncLoop = ReturnType<typeof createSyncLoop>
