/**
 * Laptops (and the checker, tests/team/soak/soak-checker.ts) for the team's soak tests (issue #12,
 * point 9): each a real app core on its own SQLite file, its replica joined, and the real pg connection (`connectTeam`) to the team's Postgres
 * through a TCP proxy of its own that the test can cut or take offline. The test drives sync by
 * hand (push then pull over the current connection, reconnecting after a failure), so a seed does
 * the same every run.
 *
 * Every call through the core's handlers that resolves ok is an acknowledged change: the outbox
 * rows it wrote (its client seqs) are kept, so the test can look for each of them in the team's log.
 */
import type { AppCore } from '../../electron/core/app-core'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { connectTeam } from '../../electron/core/team/pg-team-connection'
import { teamReplicaPort } from '../../electron/core/team/replica-port'
import { createTeamReplica } from '../../electron/core/team/replica/replica'
import type { TeamReplica } from '../../electron/core/team/replica/replica'
import { TeamRefusal } from '../../electron/core/team/sync-loop'
import type { TeamConnection } from '../../electron/core/team/sync-loop'
import type { TeamChannel } from '../../electron/core/team/team-change'
import type { Result } from '../../electron/shared/result'
import type { PostgresCluster } from './postgres-cluster'
import { startTcpProxy } from './tcp-proxy'
import type { TcpProxy } from './tcp-proxy'
import { createTestCore } from './test-core'
import type { TestCore } from './test-core'
import { openTestDatabase } from './test-database'
import type { TestDatabase } from './test-database'

export interface Acknowledged {
  laptop: string
  channel: string
  /** The client seqs of the outbox rows the call wrote (none for a call that changed nothing shared). */
  clientSeqs: number[]
}

/** A core on the team with its own replica and proxy: a KAM's laptop, or the checker (soak-checker.ts). */
export interface SoakParticipant<Core extends AppCore = AppCore, Database extends DatabaseHandle = DatabaseHandle> {
  name: string
  database: Database
  core: Core
  replica: TeamReplica
  proxy: TcpProxy
  acknowledged: Acknowledged[]
  /** Calls a handler; an ok answer is recorded as acknowledged, and a refusal must leave the outbox as it was. */
  call(channel: string, input: unknown): Promise<Result<unknown>>
  /** Push then pull; false when the connection failed (offline, cut): what was not sent stays in the outbox. */
  sync(): Promise<boolean>
  close(): Promise<void>
}

export type SoakLaptop = SoakParticipant<TestCore, TestDatabase>

const noChannel: TeamChannel = {
  push: () => Promise.reject(new Error('not through the soak connection')),
  pull: () => Promise.reject(new Error('not through the soak connection'))
}

/** The highest client seq the outbox ever handed out (AUTOINCREMENT keeps it after deletes). */
export function lastClientSeq(database: DatabaseHandle): number {
  return (database.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'team_outbox'").pluck().get() as number | undefined) ?? 0
}

export async function openSoakLaptop(
  cluster: PostgresCluster,
  name: string,
  role: { user: string; password: string },
  options: { shareLocal?: boolean; database?: TestDatabase; core?: TestCore } = {}
): Promise<SoakLaptop> {
  const database = options.database ?? openTestDatabase()
  const core = options.core ?? createTestCore(database)
  return openSoakParticipant(cluster, name, role, { database, core, shareLocal: options.shareLocal ?? true })
}

/** `core` on `database`, its replica joined, syncing by hand through a proxy of its own. */
export async function openSoakParticipant<Core extends AppCore, Database extends DatabaseHandle>(
  cluster: PostgresCluster,
  name: string,
  role: { user: string; password: string },
  options: { shareLocal: boolean; database: Database; core: Core }
): Promise<SoakParticipant<Core, Database>> {
  const { database, core } = options
  const replica = createTeamReplica({ sqlite: database.sqlite, channel: noChannel })
  replica.join({ shareLocal: options.shareLocal })
  const port = teamReplicaPort({ sqlite: database.sqlite })
  const proxy = await startTcpProxy({ host: cluster.host, port: cluster.port })
  const settings = { host: proxy.host, port: proxy.port, database: 'postgres', user: role.user, tls: 'disable' as const }
  let connection: TeamConnection | null = null
  const acknowledged: Acknowledged[] = []

  const drop = async (): Promise<void> => {
    const closing = connection
    connection = null
    await closing?.close().catch(() => undefined)
  }

  return {
    name,
    database,
    core,
    replica,
    proxy,
    acknowledged,
    async call(channel, input) {
      const before = lastClientSeq(database)
      const result = await core.dispatcher.dispatch(channel, input, { emit: () => undefined })
      const after = lastClientSeq(database)
      if (!result.ok && after !== before) throw new Error(`${channel} was refused (${result.error.message}) but queued changes ${before + 1}..${after}`)
      const clientSeqs = Array.from({ length: after - before }, (_, i) => before + 1 + i)
      if (result.ok) acknowledged.push({ laptop: name, channel, clientSeqs })
      return result
    },
    async sync() {
      try {
        connection ??= await connectTeam({ settings, password: role.password, readFile: () => '' })
        await port.push(connection.channel)
        await port.pull(connection.channel)
        return true
      } catch (error) {
        if (error instanceof TeamRefusal) throw error
        await drop()
        return false
      }
    },
    async close() {
      await drop()
      await proxy.close()
      database.close()
    }
  }
}
