/**
 * The preview creates the team schema when the role may (issue #12, point 2): on a server without
 * it, the schema's owner (here the setup superuser) creates it; a plain role cannot, and is told so
 * without anything written.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { teamSchemaVersion } from '../../../electron/core/team/server/migrate-team-schema'
import { refusal } from '../../core/checklists/support'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { withSuperuser } from '../../support/team-postgres'
import { closeLaptop, serviceLaptop } from './support'
import type { ServiceLaptop } from './support'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

const opened: ServiceLaptop[] = []
afterEach(async () => {
  for (const laptop of opened.splice(0)) await closeLaptop(laptop)
})

const version = () => withSuperuser(cluster, teamSchemaVersion)

describe('the team schema on preview', () => {
  it('a plain role is told it may not create it; the owner’s preview creates it', async () => {
    await withSuperuser(cluster, (client) => client.query("CREATE ROLE plain_pat LOGIN PASSWORD 'plain_pat-pw'"))
    const pat = await serviceLaptop(cluster, { user: 'plain_pat', password: 'plain_pat-pw' })
    opened.push(pat)
    const refused = await refusal(pat.core, 'team:preview-join', undefined)
    expect(refused.message).toContain('has no Storewatch team schema yet, and the role plain_pat may not create or migrate it')
    expect(await version()).toBe(0)

    const owner = await serviceLaptop(cluster, cluster.superuser)
    opened.push(owner)
    // Created; the owner itself is in no team, which the preview says next.
    expect((await refusal(owner.core, 'team:preview-join', undefined)).message).toContain(`The role ${cluster.superuser.user} is in no Storewatch team`)
    expect(await version()).toBe(1)
  }, 60_000)
})
