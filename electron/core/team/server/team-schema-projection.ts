/**
 * Team schema step 2 (issue #12): the team's current rows, as every laptop holds them once it has
 * applied the whole order of changes. `storewatch_team.current_rows` is kept by a trigger on
 * `changes`, in the push's own transaction and under its per-team lock, by the laptops' rules
 * (electron/core/team/replica/apply.ts, store-rows.ts, run-rows.ts):
 *
 * - per field, the later seq wins (changes are applied in seq order, fields merged);
 * - a deleted row stays as a tombstone and a later change to it is ignored, except in a table keyed
 *   by its store (subscriptions, Lazada's answers), where a later insert recreates it;
 * - a store's delete removes its children (history, records, runs and their steps) too;
 * - a change whose reference names a row the team does not have (deleted) is dropped;
 * - a change to a row the team does not have is applied only if it carries every required column;
 * - two stores with one key (country and short code, or country and login e-mail): the store
 *   earlier in the order keeps it, the later one has its key set aside (both columns null);
 * - two open runs of one checklist for one store: the later one is cancelled with the note;
 * - a history row's actor is the change's author (`current_user` of the pusher), whatever the laptop wrote.
 *
 * The claims are checked at each change's seq against the rows as they are then, as every laptop does.
 * Members may only read it; the trigger writes it as the schema's owner. A landed step never changes:
 * the cancelled run's note is written out here, and a test keeps it equal to run-rows.ts's.
 */
/** The laptop's facts about each shared table (tables.ts reads them from SQLite; a test keeps both equal). */
const sharedTables = `
CREATE TABLE storewatch_team.shared_tables (
  table_name text PRIMARY KEY,
  key_column text NOT NULL,
  keyed_by_parent boolean NOT NULL,
  required text[] NOT NULL,
  refs jsonb NOT NULL
);
INSERT INTO storewatch_team.shared_tables VALUES
  ('stores', 'id', false, ARRAY['client_name', 'store_name', 'country', 'created_at', 'updated_at'], '{}'),
  ('store_history', 'id', false, ARRAY['store_id', 'at', 'actor', 'kind', 'summary'], '{"store_id": "stores"}'),
  ('subscriptions', 'store_id', true, ARRAY['store_id', 'service_version', 'period', 'source', 'updated_at'], '{"store_id": "stores"}'),
  ('authorizations', 'id', false, ARRAY['store_id', 'authorized_at', 'method', 'recorded_at'], '{"store_id": "stores"}'),
  ('checklist_runs', 'id', false, ARRAY['store_id', 'playbook', 'playbook_version', 'country', 'status', 'started_at', 'started_by'], '{"store_id": "stores"}'),
  ('checklist_run_steps', 'id', false, ARRAY['run_id', 'step_id', 'position', 'title'], '{"run_id": "checklist_runs"}'),
  ('lazada_subscriptions', 'store_id', true, ARRAY['store_id', 'country', 'short_code', 'article_code'], '{"store_id": "stores"}');
`

const currentRows = `
CREATE TABLE storewatch_team.current_rows (
  team_id uuid NOT NULL REFERENCES storewatch_team.teams (id) ON DELETE CASCADE,
  table_name text NOT NULL,
  uid text NOT NULL,
  fields jsonb NOT NULL,
  -- A tombstone: the row was deleted (its last fields kept for the record).
  deleted boolean NOT NULL DEFAULT false,
  -- The last change that wrote the row, and its author.
  seq bigint NOT NULL,
  author text NOT NULL,
  PRIMARY KEY (team_id, table_name, uid)
);
CREATE INDEX current_rows_by_store ON storewatch_team.current_rows (team_id, table_name, (fields ->> 'store_id')) WHERE NOT deleted;
CREATE INDEX current_rows_by_run ON storewatch_team.current_rows (team_id, (fields ->> 'run_id')) WHERE NOT deleted AND table_name = 'checklist_run_steps';
CREATE INDEX current_rows_store_code ON storewatch_team.current_rows (team_id, (fields ->> 'country'), (fields ->> 'seller_short_code'))
  WHERE NOT deleted AND table_name = 'stores';
CREATE INDEX current_rows_store_email ON storewatch_team.current_rows (team_id, (fields ->> 'country'), (fields ->> 'login_email'))
  WHERE NOT deleted AND table_name = 'stores' AND (fields ->> 'seller_short_code') IS NULL;

ALTER TABLE storewatch_team.current_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE storewatch_team.current_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY own_team_reads ON storewatch_team.current_rows FOR SELECT USING (team_id = storewatch_team.current_team());
GRANT SELECT ON storewatch_team.current_rows TO storewatch_team_member;
`

const liveRow = `
CREATE FUNCTION storewatch_team.live_row(team uuid, target text, row_uid text) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT FROM storewatch_team.current_rows
                  WHERE team_id = team AND table_name = target AND uid = row_uid AND NOT deleted) $$;

-- Another live store holding the key the merged row would have (store-rows.ts keyHolder).
CREATE FUNCTION storewatch_team.key_held(team uuid, self text, merged jsonb) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
    WHEN merged ->> 'seller_short_code' IS NOT NULL THEN EXISTS (
      SELECT FROM storewatch_team.current_rows
       WHERE team_id = team AND table_name = 'stores' AND NOT deleted AND uid <> self
         AND fields ->> 'country' = merged ->> 'country' AND fields ->> 'seller_short_code' = merged ->> 'seller_short_code')
    WHEN merged ->> 'login_email' IS NOT NULL THEN EXISTS (
      SELECT FROM storewatch_team.current_rows
       WHERE team_id = team AND table_name = 'stores' AND NOT deleted AND uid <> self AND fields ->> 'seller_short_code' IS NULL
         AND fields ->> 'country' = merged ->> 'country' AND fields ->> 'login_email' = merged ->> 'login_email')
    ELSE false END $$;

-- Another open run of the same checklist for the same store (run-rows.ts openRunHolder).
CREATE FUNCTION storewatch_team.run_held(team uuid, self text, merged jsonb) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT merged ->> 'status' = 'open' AND EXISTS (
    SELECT FROM storewatch_team.current_rows
     WHERE team_id = team AND table_name = 'checklist_runs' AND NOT deleted AND uid <> self
       AND fields ->> 'store_id' = merged ->> 'store_id' AND fields ->> 'playbook' = merged ->> 'playbook'
       AND fields ->> 'status' = 'open') $$;

-- A deleted row's children are deleted with it (SQLite's ON DELETE CASCADE on every laptop).
CREATE FUNCTION storewatch_team.project_cascade(team uuid, parent text, parent_uid text, at_seq bigint, by_role text) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  child record;
  gone text;
BEGIN
  FOR child IN SELECT t.table_name, r.key AS ref FROM storewatch_team.shared_tables t, jsonb_each_text(t.refs) r WHERE r.value = parent LOOP
    FOR gone IN EXECUTE format(
      'UPDATE storewatch_team.current_rows SET deleted = true, seq = $3, author = $4
        WHERE team_id = $1 AND table_name = %L AND NOT deleted AND fields ->> %L = $2 RETURNING uid', child.table_name, child.ref)
      USING team, parent_uid, at_seq, by_role
    LOOP
      PERFORM storewatch_team.project_cascade(team, child.table_name, gone, at_seq, by_role);
    END LOOP;
  END LOOP;
END $$;
`

const projectChange = `
CREATE FUNCTION storewatch_team.project_change(c storewatch_team.changes) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  meta storewatch_team.shared_tables;
  existing storewatch_team.current_rows;
  found_row boolean;
  live boolean;
  incoming jsonb := c.fields;
  merged jsonb;
  ref record;
BEGIN
  SELECT * INTO meta FROM storewatch_team.shared_tables WHERE table_name = c.table_name;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT * INTO existing FROM storewatch_team.current_rows
   WHERE team_id = c.team_id AND table_name = c.table_name AND uid = c.uid FOR UPDATE;
  found_row := FOUND;
  live := found_row AND NOT existing.deleted;

  IF incoming IS NULL THEN
    IF live THEN
      UPDATE storewatch_team.current_rows SET deleted = true, seq = c.seq, author = c.author
       WHERE team_id = c.team_id AND table_name = c.table_name AND uid = c.uid;
      PERFORM storewatch_team.project_cascade(c.team_id, c.table_name, c.uid, c.seq, c.author);
    END IF;
    RETURN;
  END IF;

  FOR ref IN SELECT key AS col, value AS target FROM jsonb_each_text(meta.refs) LOOP
    IF jsonb_typeof(incoming -> ref.col) = 'string' AND NOT storewatch_team.live_row(c.team_id, ref.target, incoming ->> ref.col) THEN
      RETURN;
    END IF;
  END LOOP;
  IF found_row AND existing.deleted AND NOT meta.keyed_by_parent THEN RETURN; END IF;
  IF NOT live AND NOT (incoming ?& meta.required) THEN RETURN; END IF;
  IF live THEN incoming := incoming - meta.key_column; END IF;
  IF c.table_name = 'store_history' AND incoming ? 'actor' THEN
    incoming := jsonb_set(incoming, '{actor}', to_jsonb(c.author));
  END IF;

  merged := CASE WHEN live THEN existing.fields ELSE '{}'::jsonb END || incoming;
  IF c.table_name = 'stores' AND storewatch_team.key_held(c.team_id, c.uid, merged) THEN
    incoming := incoming || '{"seller_short_code": null, "login_email": null}'::jsonb;
  ELSIF c.table_name = 'checklist_runs' AND storewatch_team.run_held(c.team_id, c.uid, merged) THEN
    incoming := incoming || jsonb_build_object('status', 'cancelled', 'end_note',
      'Cancelled by team sync: the same checklist was already open for this store on another laptop.'::text);
  END IF;

  IF live THEN
    UPDATE storewatch_team.current_rows SET fields = fields || incoming, seq = c.seq, author = c.author
     WHERE team_id = c.team_id AND table_name = c.table_name AND uid = c.uid;
  ELSE
    INSERT INTO storewatch_team.current_rows (team_id, table_name, uid, fields, seq, author)
    VALUES (c.team_id, c.table_name, c.uid, incoming, c.seq, c.author)
    ON CONFLICT (team_id, table_name, uid) DO UPDATE SET fields = EXCLUDED.fields, deleted = false, seq = EXCLUDED.seq, author = EXCLUDED.author;
  END IF;
END $$;

-- Runs as the schema's owner, so members need no write grant on current_rows.
CREATE FUNCTION storewatch_team.project_pushed_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM storewatch_team.project_change(NEW);
  RETURN NULL;
END $$;
CREATE TRIGGER changes_project AFTER INSERT ON storewatch_team.changes
  FOR EACH ROW EXECUTE FUNCTION storewatch_team.project_pushed_change();

REVOKE ALL ON FUNCTION storewatch_team.live_row(uuid, text, text), storewatch_team.key_held(uuid, text, jsonb),
  storewatch_team.run_held(uuid, text, jsonb), storewatch_team.project_cascade(uuid, text, text, bigint, text),
  storewatch_team.project_change(storewatch_team.changes), storewatch_team.project_pushed_change() FROM PUBLIC;

-- A team that pushed before this step: its log, projected in its order.
DO $$
DECLARE
  c storewatch_team.changes;
BEGIN
  FOR c IN SELECT * FROM storewatch_team.changes ORDER BY seq LOOP
    PERFORM storewatch_team.project_change(c);
  END LOOP;
END $$;
`

export const currentRowsStep = sharedTables + currentRows + liveRow + projectChange
