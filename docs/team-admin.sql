-- Storewatch team administration (issue #12). Run with psql as the team schema's owner: a
-- superuser or a role with BYPASSRLS (Storewatch creates the schema `storewatch_team` itself the
-- first time such a role connects; see README "Team on PostgreSQL").
--
--   psql "host=db.example.com dbname=storewatch user=storewatch_owner sslmode=verify-full" -f this-file
--
-- Each person connects as their own login role; a role belongs to one team.

-- A team.
SELECT storewatch_team.create_team('Acme KAMs');

-- A person: their own login role, then a seat in the team (this also grants storewatch_team_member).
CREATE ROLE kam_ana LOGIN PASSWORD 'choose-a-strong-password';
SELECT storewatch_team.add_member('kam_ana', 'Acme KAMs');

-- An admin of the team (added as one, or made one later).
CREATE ROLE lead_lia LOGIN PASSWORD 'choose-a-strong-password';
SELECT storewatch_team.add_member('lead_lia', 'Acme KAMs', admin => true);
SELECT storewatch_team.set_admin('kam_ana', true);
SELECT storewatch_team.set_admin('kam_ana', false);

-- Removing a person: they lose the team's rows at once; their past changes keep their name.
SELECT storewatch_team.remove_member('kam_ana');
-- Optionally end the login too.
ALTER ROLE kam_ana NOLOGIN;

-- Who is in which team.
SELECT t.name AS team, m.role_name, m.is_admin
  FROM storewatch_team.members m JOIN storewatch_team.teams t ON t.id = m.team_id
 ORDER BY t.name, m.role_name;
