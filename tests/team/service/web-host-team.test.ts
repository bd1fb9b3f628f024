/**
 * The browser-test host builds the real core with team sync (issue #12): two hosts, each its own
 * data folder, on one Postgres, join one team through their dispatchers and share an edit, as the
 * browser test of two app instances will through their pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/shared/ipc-contract'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { testWorkerSpawn } from '../../support/import-workers'
import { storeInput } from '../../support/store-input'
import { makeTempDir } from '../../support/test-database'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { startWebHost } from '../../support/web-host'
import type { WebHost } from '../../support/web-host'
import { TIMING, WAIT } from './support'

let cluster: PostgresCluster
const hosts: WebHost[] = []
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  for (const host of hosts) await host.close()
  await cluster?.stop()
})

async function dispatch<C extends Channel>(host: WebHost, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await host.session.dispatcher.dispatch(channel, input, { emit: () => undefined })
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

async function joinedHost(name: string): Promise<WebHost> {
  const role = await addPerson(cluster, name, 'Team W')
  const host = await startWebHost({ dataDir: makeTempDir(), startChecks: false, teamTiming: TIMING, importWorker: testWorkerSpawn() })
  hosts.push(host)
  await dispatch(host, 'team:save-connection', { connection: { host: cluster.host, port: cluster.port, database: 'postgres', user: role.user, tls: 'disable' }, password: role.password })
  expect((await dispatch(host, 'team:join', undefined)).joined).toBe(true)
  return host
}

describe('two browser hosts on one team', () => {
  it('an edit in one reaches the other', async () => {
    const amy = await joinedHost('web_amy_w')
    const ben = await joinedHost('web_ben_w')
    await dispatch(amy, 'stores:create', { store: storeInput({ storeName: 'Seen by Ben', sellerShortCode: 'SGW0001' }) })
    const names = () => ben.database.sqlite.prepare('SELECT store_name FROM stores').pluck().all()
    await expect.poll(names, WAIT).toEqual(['Seen by Ben'])
    await expect.poll(async () => (await dispatch(ben, 'team:get', undefined)).state.kind, WAIT).toBe('in-sync')
  }, 60_000)
})
