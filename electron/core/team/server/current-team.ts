/** The team of the role a connection logged in as (issue #12); a role in no team is refused with why. */
import type { ClientBase } from 'pg'

export class NotATeamMember extends Error {
  override name = 'NotATeamMember'
}

export async function currentTeam(client: ClientBase): Promise<string> {
  const result = await client.query<{ team: string | null; who: string }>('SELECT storewatch_team.current_team() AS team, current_user AS who')
  const row = result.rows[0]
  if (!row?.team) throw new NotATeamMember(`The Postgres role ${row?.who ?? '?'} is not a member of any Storewatch team. Ask the team's admin to add it (docs/team-admin.sql).`)
  return row.team
}
