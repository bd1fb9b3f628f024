/**
 * The team's schema in PostgreSQL, as ordered migration steps (issue #12). The app applies them
 * itself (migrate-team-schema.ts); a landed step is never edited, a change is a new step.
 *
 * Who may see what is Postgres's job: every person logs in as their own role, `members` maps the
 * role to one team, and row-level security (forced, so it holds for the tables' owner too) shows and
 * accepts only rows of the caller's team. The schema's owner — who runs the migrations and the
 * admin functions (docs/team-admin.sql) — must be a superuser or have BYPASSRLS.
 */
import { currentRowsStep } from './team-schema-projection'

export const TEAM_SCHEMA = 'storewatch_team'
/** The group role every member is granted; it carries the members' privileges. */
export const TEAM_MEMBER_ROLE = 'storewatch_team_member'

export interface TeamMigration {
  version: number
  name: string
  sql: string
}

const teamsMembersChanges = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'The team schema''s owner must be a superuser or have BYPASSRLS; % has neither.', current_user;
  END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS storewatch_team;

CREATE TABLE storewatch_team.schema_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version integer NOT NULL
);

CREATE TABLE storewatch_team.teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE storewatch_team.members (
  role_name name PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES storewatch_team.teams (id) ON DELETE CASCADE,
  is_admin boolean NOT NULL DEFAULT false
);

CREATE TABLE storewatch_team.changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES storewatch_team.teams (id),
  client_id text NOT NULL,
  client_seq bigint NOT NULL,
  table_name text NOT NULL,
  uid text NOT NULL,
  fields jsonb,
  author text NOT NULL DEFAULT current_user,
  committed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, client_id, client_seq)
);
CREATE INDEX changes_team_seq ON storewatch_team.changes (team_id, seq);

-- The caller's team, read as the owner (who bypasses row-level security, so no policy recursion).
-- The team follows the login role: SET ROLE does not move a session into another team.
CREATE FUNCTION storewatch_team.current_team() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT team_id FROM storewatch_team.members WHERE role_name = session_user $$;

-- Authorship is what Postgres says, whatever the client sent.
CREATE FUNCTION storewatch_team.stamp_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
  AS $$ BEGIN NEW.author := current_user; NEW.committed_at := now(); RETURN NEW; END $$;
CREATE TRIGGER changes_stamp BEFORE INSERT OR UPDATE ON storewatch_team.changes
  FOR EACH ROW EXECUTE FUNCTION storewatch_team.stamp_change();

ALTER TABLE storewatch_team.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.teams FORCE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.members FORCE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.changes FORCE ROW LEVEL SECURITY;
CREATE POLICY own_team ON storewatch_team.teams FOR SELECT USING (id = storewatch_team.current_team());
CREATE POLICY own_team ON storewatch_team.members FOR SELECT USING (team_id = storewatch_team.current_team());
CREATE POLICY own_team_reads ON storewatch_team.changes FOR SELECT USING (team_id = storewatch_team.current_team());
CREATE POLICY own_team_writes ON storewatch_team.changes FOR INSERT WITH CHECK (team_id = storewatch_team.current_team());

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'storewatch_team_member') THEN
    CREATE ROLE storewatch_team_member NOLOGIN;
  END IF;
END $$;
REVOKE ALL ON SCHEMA storewatch_team FROM PUBLIC;
REVOKE ALL ON FUNCTION storewatch_team.current_team() FROM PUBLIC;
GRANT USAGE ON SCHEMA storewatch_team TO storewatch_team_member;
GRANT EXECUTE ON FUNCTION storewatch_team.current_team() TO storewatch_team_member;
GRANT SELECT ON storewatch_team.schema_version, storewatch_team.teams, storewatch_team.members TO storewatch_team_member;
-- The team's order is append-only: no UPDATE or DELETE for members.
GRANT SELECT, INSERT ON storewatch_team.changes TO storewatch_team_member;

-- Administration, for the owner only (see docs/team-admin.sql).
CREATE FUNCTION storewatch_team.create_team(team_name text) RETURNS uuid
  LANGUAGE sql AS $$ INSERT INTO storewatch_team.teams (name) VALUES (team_name) RETURNING id $$;

CREATE FUNCTION storewatch_team.add_member(member name, team_name text, admin boolean DEFAULT false) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO storewatch_team.members (role_name, team_id, is_admin)
    SELECT member, id, admin FROM storewatch_team.teams WHERE name = team_name;
  IF NOT FOUND THEN RAISE EXCEPTION 'No team named %', team_name; END IF;
  EXECUTE format('GRANT storewatch_team_member TO %I', member);
END $$;

CREATE FUNCTION storewatch_team.remove_member(member name) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  DELETE FROM storewatch_team.members WHERE role_name = member;
  EXECUTE format('REVOKE storewatch_team_member FROM %I', member);
END $$;

CREATE FUNCTION storewatch_team.set_admin(member name, admin boolean) RETURNS void
  LANGUAGE sql AS $$ UPDATE storewatch_team.members SET is_admin = admin WHERE role_name = member $$;

REVOKE ALL ON FUNCTION storewatch_team.create_team(text), storewatch_team.add_member(name, text, boolean),
  storewatch_team.remove_member(name), storewatch_team.set_admin(name, boolean) FROM PUBLIC;
`

export const TEAM_MIGRATIONS: readonly TeamMigration[] = [
  { version: 1, name: 'teams, members and the order of changes', sql: teamsMembersChanges },
  { version: 2, name: "the team's current rows, kept with each push", sql: currentRowsStep }
]
