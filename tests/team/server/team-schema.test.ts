import { execFileSync } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema, TeamSchemaTooNew, teamSchemaVersion } from '../../../electron/core/team/server/migrate-team-schema'
import { TEAM_MIGRATIONS } from '../../../electron/core/team/server/team-schema'
import { postgresBinDir, startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster'
import { withSuperuser } from '../../support/team-postgres'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
})
afterAll(async () => {
  await cluster?.stop()
})

const tables = (client: pg.Client): Promise<string[]> =>
  client
    .query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'storewatch_team' ORDER BY 1`)
    .then((result) => result.rows.map((row) => row.name))

describe('the team schema', () => {
  it('is created by the app, versioned, and a second run changes nothing', async () => {
    await withSuperuser(cluster, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(0)
      expect(await migrateTeamSchema(client)).toEqual({ from: 0, to: TEAM_MIGRATIONS.length })
      expect(await tables(client)).toEqual(['changes', 'current_rows', 'members', 'schema_version', 'shared_tables', 'teams'])
      expect(await migrateTeamSchema(client)).toEqual({ from: TEAM_MIGRATIONS.length, to: TEAM_MIGRATIONS.length })
      expect(await teamSchemaVersion(client)).toBe(TEAM_MIGRATIONS.length)
    })
  })

  it('applies only the steps the server lacks, in order', async () => {
    const next = { version: TEAM_MIGRATIONS.length + 1, name: 'a later step', sql: 'CREATE TABLE storewatch_team.later (id int)' }
    await withSuperuser(cluster, async (client) => {
      expect(await migrateTeamSchema(client, [...TEAM_MIGRATIONS, next])).toEqual({ from: next.version - 1, to: next.version })
      expect(await tables(client)).toContain('later')
    })
  })

  it('refuses a schema newer than the app, with a clear message, and changes nothing', async () => {
    await withSuperuser(cluster, async (client) => {
      const before = await tables(client)
      const serverVersion = await teamSchemaVersion(client)
      const olderApp = TEAM_MIGRATIONS.slice(0, serverVersion - 1)
      const refused = await migrateTeamSchema(client, olderApp).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(TeamSchemaTooNew)
      expect((refused as Error).message).toContain(`schema version ${serverVersion}, newer than this Storewatch knows (${serverVersion - 1}). Update Storewatch`)
      expect(await teamSchemaVersion(client)).toBe(serverVersion)
      expect(await tables(client)).toEqual(before)
    })
  })

  it('will not be owned by a role that row-level security would lock out of its own tables', async () => {
    await withSuperuser(cluster, async (client) => {
      await client.query(`CREATE DATABASE plain_owner_db`)
      await client.query(`CREATE ROLE plain_owner LOGIN PASSWORD 'pw'`)
      await client.query(`ALTER DATABASE plain_owner_db OWNER TO plain_owner`)
    })
    const owner = new pg.Client({ ...cluster.connection('plain_owner', 'pw'), database: 'plain_owner_db' })
    await owner.connect()
    try {
      await expect(migrateTeamSchema(owner)).rejects.toThrow(/must be a superuser or have BYPASSRLS; plain_owner has neither/)
      expect(await teamSchemaVersion(owner)).toBe(0)
    } finally {
      await owner.end()
    }
  })

  it('runs the admin SQL of docs/team-admin.sql as written', async () => {
    const { host, port, database, user, password } = cluster.connection()
    const output = execFileSync(
      path.join(postgresBinDir(), 'psql'),
      ['-X', '-v', 'ON_ERROR_STOP=1', '-At', '-h', host, '-p', String(port), '-U', user, '-d', database, '-f', path.resolve(__dirname, '../../../docs/team-admin.sql')],
      { env: { ...process.env, PGPASSWORD: password } }
    ).toString()
    expect(output.trim().split('\n').at(-1)).toBe('Acme KAMs|lead_lia|t')
  })
})
