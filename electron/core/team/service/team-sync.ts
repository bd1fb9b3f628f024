/**
 * The sync loop's life in the app (issue #12): made when a joined laptop's core opens or a laptop
 * joins, ended on leave and when the core closes. Each pull's touched stores go to `pulled`; once the
 * database is closed, the loop's work in flight leaves it alone.
 */
import type Database from 'better-sqlite3'
import type { TeamState } from '../../../shared/team-state'
import type { Clock, Logger } from '../../ports'
import { teamReplicaPort } from '../replica-port'
import { createSyncLoop } from '../sync-loop'
import type { ReplicaPort, SyncLoop, TeamConnection } from '../sync-loop'

export interface LoopTiming {
  pullIntervalMs?: number
  nudgeDebounceMs?: number
}

export interface TeamSyncDeps {
  sqlite: Database.Database
  clock: Clock
  logger: Logger
  connect: () => Promise<TeamConnection>
  publish: (state: TeamState) => void
  /** Local ids of the stores a pull touched. */
  pulled: (storeIds: number[]) => void
  timing?: LoopTiming
}

export function createTeamSync(deps: TeamSyncDeps) {
  let loop: SyncLoop | null = null
  let closed = false
  const replica = teamReplicaPort({ sqlite: deps.sqlite }, (result) => {
    if (!closed && result.storeIds.length > 0) deps.pulled(result.storeIds)
  })
  const guarded: ReplicaPort = {
    pendingCount: () => (closed ? 0 : replica.pendingCount()),
    push: (channel) => (closed ? Promise.reject(new Error('the database is closed')) : replica.push(channel)),
    pull: (channel) => (closed ? Promise.reject(new Error('the database is closed')) : replica.pull(channel))
  }

  async function stop(): Promise<void> {
    const running = loop
    loop = null
    await running?.stop()
  }

  return {
    /** Starts the loop (one cycle awaited); a second start runs a cycle now. */
    start(): Promise<void> {
      if (closed) return Promise.resolve()
      loop ??= createSyncLoop({ replica: guarded, connect: deps.connect, clock: deps.clock, logger: deps.logger, publish: deps.publish, ...deps.timing })
      return loop.start()
    },
    stop,
    /** The database is closing: no more work touches it. */
    close(): Promise<void> {
      closed = true
      return stop()
    },
    nudge: () => loop?.nudge(),
    running: () => loop !== null,
    state: (): TeamState => loop?.state() ?? { kind: 'solo' }
  }
}

export type TeamSync = ReturnType<typeof createTeamSync>
