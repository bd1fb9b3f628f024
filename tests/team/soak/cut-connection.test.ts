/**
 * Connections cut at the awkward moments of connecting (issue #12, point 5), through a TCP proxy to
 * a real PostgreSQL: the laptop is offline and retries; nothing escapes as an uncaught error (in the
 * app, an uncaught error in main is a crash). Found by the long soak: a cut while the team schema's
 * version was read crashed the process ("Connection terminated unexpectedly").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTeam } from '../../../electron/core/team/pg-team-connection'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { startTcpProxy } from '../../support/tcp-proxy'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

/** Errors nobody handled while `work` ran (vitest would report them only after the test). */
async function uncaughtDuring(work: () => Promise<void>): Promise<unknown[]> {
  const caught: unknown[] = []
  const listener = (error: unknown): void => {
    caught.push(error)
  }
  process.on('uncaughtException', listener)
  try {
    await work()
    // A socket's 'end' comes a turn or two after the query's rejection.
    await new Promise((resolve) => setTimeout(resolve, 200))
  } finally {
    process.off('uncaughtException', listener)
  }
  return caught
}

describe('a connection cut while connecting', () => {
  it('cut while the team schema is checked: the connect fails as offline, nothing uncaught, and the next one works', async () => {
    const role = await addPerson(cluster, 'cut_amy', 'Cut')
    const proxy = await startTcpProxy({ host: cluster.host, port: cluster.port })
    const settings = { host: proxy.host, port: proxy.port, database: 'postgres', user: role.user, tls: 'disable' as const }
    try {
      const uncaught = await uncaughtDuring(async () => {
        proxy.cutWhenClientSends('storewatch_team.schema_version')
        const failed = await connectTeam({ settings, password: role.password, readFile: () => '' }).catch((error: unknown) => error)
        expect(failed).toBeInstanceOf(Error)
        expect((failed as Error).name).not.toBe('TeamRefusal')
      })
      expect(uncaught).toEqual([])
      const connection = await connectTeam({ settings, password: role.password, readFile: () => '' })
      expect(await connection.channel.pull(0, 10)).toEqual([])
      await connection.close()
    } finally {
      await proxy.close()
    }
  }, 60_000)
})
