/**
 * A team laptop in a process of its own, for the kill -9 tests (issue #12, point 9): the app's core
 * on the SQLite file in `dataDir`, its replica joined, the app's pg connection to Postgres at
 * `host:port` as `user`.
 *
 * - `push`: pushes the whole outbox and pulls, says `pushed <unpushed left>` and ends.
 * - `burst`: runs the app's sync loop and creates stores one after another through the core's
 *   handlers, saying `ack <store name> <client seqs>` after each one the handler answered ok, until
 *   it is killed.
 */
import { silentLogger, systemClock } from '../../../electron/core/ports'
import { connectTeam } from '../../../electron/core/team/pg-team-connection'
import { teamReplicaPort } from '../../../electron/core/team/replica-port'
import { createTeamReplica } from '../../../electron/core/team/replica/replica'
import { createSyncLoop } from '../../../electron/core/team/sync-loop'
import type { TeamChannel } from '../../../electron/core/team/team-change'
import { storeInput } from '../store-input'
import { lastClientSeq } from '../team-soak'
import { createTestCore } from '../test-core'
import { openTestDatabase } from '../test-database'

const [dataDir, mode, host, port, user, password] = process.argv.slice(2)
const database = openTestDatabase({ dir: dataDir })
const sqlite = database.sqlite
const noChannel: TeamChannel = {
  push: () => Promise.reject(new Error('not through the connection')),
  pull: () => Promise.reject(new Error('not through the connection'))
}
const replica = createTeamReplica({ sqlite, channel: noChannel })
replica.join({ shareLocal: true })
const connect = () => connectTeam({ settings: { host: host!, port: Number(port), database: 'postgres', user: user!, tls: 'disable' }, password: password!, readFile: () => '' })

async function push(): Promise<void> {
  const connection = await connect()
  const replicaPort = teamReplicaPort({ sqlite })
  await replicaPort.push(connection.channel)
  await replicaPort.pull(connection.channel)
  await connection.close()
  console.log(`pushed ${replica.unpushed()}`)
}

async function burst(): Promise<void> {
  const core = createTestCore(database)
  const loop = createSyncLoop({ replica: teamReplicaPort({ sqlite }), connect, clock: systemClock, logger: silentLogger, publish: () => undefined, nudgeDebounceMs: 5 })
  await loop.start()
  for (let n = 1; ; n++) {
    const before = lastClientSeq(database)
    const name = `Burst ${n}`
    const result = await core.dispatcher.dispatch('stores:create', { store: storeInput({ storeName: name, sellerShortCode: `SGBURST${n}` }) }, { emit: () => undefined })
    if (!result.ok) throw new Error(result.error.message)
    console.log(`ack ${name} ${before + 1}-${lastClientSeq(database)}`)
    loop.nudge()
    // A KAM's pace is far below this; a short breath lets the loop's pushes interleave with the writes.
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

;(mode === 'push' ? push() : burst())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
