/**
 * A laptop's team sync for the two-laptop tests and the team bench (issue #12): its replica joined,
 * and the app's sync loop on real timers over a real pg connection as the laptop's own role.
 */
import type Database from 'better-sqlite3'
import { silentLogger, systemClock } from '../../electron/core/ports'
import { connectTeam } from '../../electron/core/team/pg-team-connection'
import { teamReplicaPort } from '../../electron/core/team/replica-port'
import { createTeamReplica } from '../../electron/core/team/replica/replica'
import type { TeamReplica } from '../../electron/core/team/replica/replica'
import type { TeamConnectionSettings } from '../../electron/core/team/server/connection-options'
import { createSyncLoop } from '../../electron/core/team/sync-loop'
import type { SyncLoop } from '../../electron/core/team/sync-loop'
import type { TeamChannel } from '../../electron/core/team/team-change'
import type { TeamState } from '../../electron/shared/team-state'
import type { PostgresCluster } from './postgres-cluster'

export interface LaptopSync {
  replica: TeamReplica
  settings: TeamConnectionSettings
  /** Read at each connect, so a test can change it. */
  password: string
  loop: SyncLoop
  /** What the loop last published: what the header shows. */
  state: TeamState
  /** Stops the loop and starts a new one against `settings` (the laptop's own unless given). */
  restart(settings?: TeamConnectionSettings): Promise<void>
}

export interface LoopTiming {
  pullIntervalMs?: number
  nudgeDebounceMs?: number
}

/** Join needs no channel; push and pull go through the loop's connection. */
const noChannel: TeamChannel = {
  push: () => Promise.reject(new Error('not through the loop')),
  pull: () => Promise.reject(new Error('not through the loop'))
}

/** The laptop joined (its local rows shared), its loop made but not started. */
export function laptopSync(sqlite: Database.Database, cluster: PostgresCluster, role: { user: string; password: string }, timing: LoopTiming = {}): LaptopSync {
  const replica = createTeamReplica({ sqlite, channel: noChannel })
  replica.join({ shareLocal: true })
  const settings: TeamConnectionSettings = { host: cluster.host, port: cluster.port, database: 'postgres', user: role.user, tls: 'disable' }
  const sync = { replica, settings, password: role.password, state: { kind: 'solo' } } as LaptopSync
  const loopOn = (target: TeamConnectionSettings): SyncLoop =>
    createSyncLoop({
      replica: teamReplicaPort({ sqlite }),
      connect: () => connectTeam({ settings: target, password: sync.password, readFile: () => '' }),
      clock: systemClock,
      logger: silentLogger,
      publish: (state) => {
        sync.state = state
      },
      ...timing
    })
  sync.loop = loopOn(settings)
  sync.restart = async (target = settings) => {
    await sync.loop.stop()
    sync.loop = loopOn(target)
    await sync.loop.start()
  }
  return sync
}
