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

  it("moves a version 1 schema that holds changes to version 2, its current rows made from the log in its order", async () => {
    await withSuperuser(cluster, (client) => client.query('CREATE DATABASE v1_team_db'))
    const owner = new pg.Client({ ...cluster.connection(), database: 'v1_team_db' })
    await owner.connect()
    try {
      expect(await migrateTeamSchema(owner, TEAM_MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 })
      const team = (await owner.query<{ id: string }>(`SELECT storewatch_team.create_team('Before v2') AS id`)).rows[0]?.id
      const store = { client_name: 'Acme', store_name: 'Acme One', country: 'SG', seller_short_code: 'SGV1', created_at: 1, updated_at: 1 }
      const log = [
        ['s1', store],
        ['s2', { ...store, store_name: 'Acme Two' }],
        ['s1', { notes: 'later wins' }],
        ['s3', { ...store, seller_short_code: 'SGV3' }],
        ['s3', null]
      ] as const
      for (const [index, [uid, fields]] of log.entries()) {
        await owner.query(
          `INSERT INTO storewatch_team.changes (team_id, client_id, client_seq, table_name, uid, fields) VALUES ($1, 'old-laptop', $2, 'stores', $3, $4)`,
          [team, index + 1, uid, fields === null ? null : JSON.stringify(fields)]
        )
      }
      expect(await migrateTeamSchema(owner)).toEqual({ from: 1, to: TEAM_MIGRATIONS.length })
      const rows = await owner.query(
        `SELECT uid, deleted, fields ->> 'store_name' AS name, fields ->> 'seller_short_code' AS code, fields ->> 'notes' AS notes
           FROM storewatch_team.current_rows ORDER BY uid`
      )
      expect(rows.rows).toEqual([
        { uid: 's1', deleted: false, name: 'Acme One', code: 'SGV1', notes: 'later wins' },
        { uid: 's2', deleted: false, name: 'Acme Two', code: null, notes: null },
        { uid: 's3', deleted: true, name: 'Acme One', code: 'SGV3', notes: null }
      ])
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
