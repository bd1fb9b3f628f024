/**
 * Team tests' access to a private cluster (issue #12): clients as the setup superuser or as a
 * person's own role, and people added to teams with the admin SQL of docs/team-admin.sql.
 */
import pg from 'pg'
import type { PostgresCluster } from './postgres-cluster'

export async function connectAs(cluster: PostgresCluster, user?: string, password?: string): Promise<pg.Client> {
  const client = new pg.Client(cluster.connection(user, password))
  await client.connect()
  return client
}

export async function withSuperuser<T>(cluster: PostgresCluster, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectAs(cluster)
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A login role `name` (password `name`-pw) in `team`, created if the team is new. */
export async function addPerson(cluster: PostgresCluster, name: string, team: string, admin = false): Promise<{ user: string; password: string }> {
  const password = `${name}-pw`
  await withSuperuser(cluster, async (client) => {
    await client.query(`CREATE ROLE ${pg.escapeIdentifier(name)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`)
    await client.query('SELECT storewatch_team.create_team(name) FROM (VALUES ($1::text)) AS t(name) WHERE NOT EXISTS (SELECT FROM storewatch_team.teams WHERE teams.name = t.name)', [team])
    await client.query('SELECT storewatch_team.add_member($1, $2, $3)', [name, team, admin])
  })
  return { user: name, password }
}
