import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { pgTeamChannel } from '../../../electron/core/team/server/pg-team-channel'
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, connectAs, withSuperuser } from '../../support/team-postgres'

let cluster: PostgresCluster
let ana: pg.Client // team Alpha
let bo: pg.Client // team Beta
let betaId: string

beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
  await addPerson(cluster, 'ana', 'Alpha')
  await addPerson(cluster, 'alf', 'Alpha')
  await addPerson(cluster, 'bo', 'Beta')
  ana = await connectAs(cluster, 'ana', 'ana-pw')
  bo = await connectAs(cluster, 'bo', 'bo-pw')
  betaId = (await bo.query<{ id: string }>('SELECT storewatch_team.current_team() AS id')).rows[0]!.id
  await insertAs(ana, 'alpha-laptop', 'alpha-store')
  await insertAs(bo, 'beta-laptop', 'beta-store')
})
afterAll(async () => {
  await Promise.all([ana?.end(), bo?.end()])
  await cluster?.stop()
})

function insertAs(client: pg.Client, clientId: string, uid: string, extra = ''): Promise<pg.QueryResult> {
  return client.query(
    `INSERT INTO storewatch_team.changes (team_id, client_id, client_seq, table_name, uid, fields${extra ? ', author, committed_at' : ''})
     VALUES (storewatch_team.current_team(), $1, 1, 'stores', $2, '{"name":"x"}'${extra})`,
    [clientId, uid]
  )
}

const column = async (client: pg.Client, sql: string): Promise<unknown[]> => (await client.query(sql)).rows.map((row: Record<string, unknown>) => Object.values(row)[0])

describe("a team's rows, with plain SQL as a person's own role", () => {
  it('shows each role only its own team', async () => {
    expect(await column(ana, 'SELECT uid FROM storewatch_team.changes')).toEqual(['alpha-store'])
    expect(await column(bo, 'SELECT uid FROM storewatch_team.changes')).toEqual(['beta-store'])
    expect(await column(ana, 'SELECT name FROM storewatch_team.teams')).toEqual(['Alpha'])
    expect(await column(ana, 'SELECT role_name FROM storewatch_team.members ORDER BY 1')).toEqual(['alf', 'ana'])
    expect(await column(bo, 'SELECT role_name FROM storewatch_team.members')).toEqual(['bo'])
    expect(await column(ana, `SELECT count(*)::int FROM storewatch_team.changes WHERE team_id = '${betaId}'`)).toEqual([0])
  })

  it("refuses a row written into another team's order", async () => {
    await expect(
      ana.query(`INSERT INTO storewatch_team.changes (team_id, client_id, client_seq, table_name, uid) VALUES ($1, 'alpha-laptop', 2, 'stores', 'planted')`, [betaId])
    ).rejects.toThrow(/row-level security/)
    expect(await column(bo, 'SELECT uid FROM storewatch_team.changes')).toEqual(['beta-store'])
  })

  it('lets nobody change or delete the order, their own team or another', async () => {
    for (const sql of [
      `UPDATE storewatch_team.changes SET fields = '{"name":"hijacked"}'`,
      `UPDATE storewatch_team.changes SET fields = NULL WHERE team_id = '${betaId}'`,
      'DELETE FROM storewatch_team.changes',
      `INSERT INTO storewatch_team.members (role_name, team_id) VALUES ('ana', '${betaId}')`,
      `UPDATE storewatch_team.members SET team_id = '${betaId}'`,
      `SELECT storewatch_team.add_member('ana', 'Beta')`
    ])
      await expect(ana.query(sql), sql).rejects.toThrow(/permission denied/)
    expect(await column(bo, 'SELECT fields FROM storewatch_team.changes')).toEqual([{ name: 'x' }])
    expect(await column(ana, 'SELECT fields FROM storewatch_team.changes')).toEqual([{ name: 'x' }])
  })

  it('keeps each team apart through the app too', async () => {
    const pool = new pg.Pool(cluster.connection('bo', 'bo-pw'))
    try {
      const channel = pgTeamChannel({ pool, connectListener: () => connectAs(cluster, 'bo', 'bo-pw') })
      expect((await channel.pull(0, 100)).map((change) => change.uid)).toEqual(['beta-store'])
    } finally {
      await pool.end()
    }
  })

  it('records the author Postgres knows, whatever the client sends', async () => {
    await insertAs(ana, 'alpha-laptop-2', 'forged', `, 'bo', '2001-01-01T00:00:00Z'`)
    const row = (await ana.query<{ author: string; committed_at: Date }>(`SELECT author, committed_at FROM storewatch_team.changes WHERE uid = 'forged'`)).rows[0]!
    expect(row.author).toBe('ana')
    expect(row.committed_at.getUTCFullYear()).toBeGreaterThan(2001)
  })

  it('makes an admin, and shuts out a person who is removed', async () => {
    await withSuperuser(cluster, (client) => client.query(`SELECT storewatch_team.set_admin('alf', true)`))
    expect(await column(ana, `SELECT is_admin FROM storewatch_team.members WHERE role_name = 'alf'`)).toEqual([true])

    await withSuperuser(cluster, (client) => client.query(`SELECT storewatch_team.remove_member('alf')`))
    const alf = await connectAs(cluster, 'alf', 'alf-pw')
    try {
      await expect(alf.query('SELECT uid FROM storewatch_team.changes')).rejects.toThrow(/permission denied/)
    } finally {
      await alf.end()
    }
    expect(await column(ana, 'SELECT role_name FROM storewatch_team.members')).toEqual(['ana'])
  })
})
