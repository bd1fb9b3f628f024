/**
 * The team's current rows in Postgres (issue #12, team schema step 2), each rule on a real server:
 * what a laptop holds after applying the same changes (electron/core/team/replica/apply.ts).
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SUPERSEDED_NOTE } from '../../../electron/core/team/replica/run-rows'
import { readSharedTables } from '../../../electron/core/team/replica/tables'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { pgTeamChannel } from '../../../electron/core/team/server/pg-team-channel'
import type { PgTeamChannel } from '../../../electron/core/team/server/pg-team-channel'
import type { SharedTable } from '../../../electron/core/team/team-change'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, connectAs, withSuperuser } from '../../support/team-postgres'
import { openTestDatabase } from '../../support/test-database'

type Fields = Record<string, unknown>

let cluster: PostgresCluster
const pools: pg.Pool[] = []
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
  for (const name of ['rows_ana', 'rows_ben']) await addPerson(cluster, name, 'Rows')
  await addPerson(cluster, 'rows_zed', 'Other')
}, 60_000)
afterAll(async () => {
  await Promise.allSettled(pools.map((pool) => pool.end()))
  await cluster?.stop()
})

function channelAs(user: string): PgTeamChannel {
  const pool = new pg.Pool({ ...cluster.connection(user, `${user}-pw`), max: 1 })
  pools.push(pool)
  return pgTeamChannel({ pool, connectListener: () => connectAs(cluster, user, `${user}-pw`) })
}

let clientSeq = 0
let uidCount = 0
const fresh = (prefix: string): string => `${prefix}-${++uidCount}`

async function push(channel: PgTeamChannel, table: SharedTable, uid: string, fields: Fields | null): Promise<void> {
  await channel.push([{ clientId: 'rules', clientSeq: ++clientSeq, table, uid, fields }])
}

interface CurrentRow {
  fields: Fields
  deleted: boolean
  author: string
}

async function current(table: SharedTable, uid: string): Promise<CurrentRow | undefined> {
  return withSuperuser(cluster, async (client) => {
    const result = await client.query<CurrentRow>('SELECT fields, deleted, author FROM storewatch_team.current_rows WHERE table_name = $1 AND uid = $2', [table, uid])
    return result.rows[0]
  })
}

function store(shortCode: string | null, extra: Fields = {}): Fields {
  return { client_name: 'Acme', store_name: 'Acme Official', country: 'SG', seller_short_code: shortCode, login_email: null, notes: null, created_at: 1, updated_at: 1, ...extra }
}
const history = (storeUid: string): Fields => ({ store_id: storeUid, at: 1, actor: 'claimed by the laptop', kind: 'edited', summary: 'Edited', changes: '[]' })
const subscription = (storeUid: string, endAt: number): Fields => ({ store_id: storeUid, service_version: 'standard', period: 'year', start_at: 0, end_at: endAt, source: 'manual', checked_at: null, updated_at: 1 })
const run = (storeUid: string): Fields => ({ store_id: storeUid, playbook: 'renew-and-reauthorize', playbook_version: 1, country: 'SG', status: 'open', started_at: 1, started_by: 'Ana' })
const step = (runUid: string): Fields => ({ run_id: runUid, step_id: 'confirm', position: 0, title: 'Confirm' })

let codes = 0
const code = (): string => `SGROW${String(++codes).padStart(4, '0')}`

describe("the team's current rows", () => {
  const ana = () => channelAs('rows_ana')
  const ben = () => channelAs('rows_ben')

  it('per field, the later change wins; other fields stay', async () => {
    const uid = fresh('store')
    await push(ana(), 'stores', uid, store(code()))
    await push(ana(), 'stores', uid, { notes: 'Ana' })
    await push(ben(), 'stores', uid, { notes: 'Ben', owner_kam: 'Ben' })
    await push(ana(), 'stores', uid, { owner_kam: 'Ana' })
    expect((await current('stores', uid))?.fields).toMatchObject({ store_name: 'Acme Official', notes: 'Ben', owner_kam: 'Ana' })
  })

  it('keeps a delete: a later edit or insert of the row does not bring it back', async () => {
    const uid = fresh('store')
    await push(ana(), 'stores', uid, store(code(), { notes: 'before' }))
    await push(ben(), 'stores', uid, null)
    await push(ana(), 'stores', uid, { notes: 'after the delete' })
    await push(ana(), 'stores', uid, store(code()))
    expect(await current('stores', uid)).toMatchObject({ deleted: true, author: 'rows_ben', fields: { notes: 'before' } })
  })

  it('lets a row keyed by its store be recorded again after its delete, whole', async () => {
    const storeUid = fresh('store')
    await push(ana(), 'stores', storeUid, store(code()))
    await push(ana(), 'subscriptions', storeUid, subscription(storeUid, 100))
    await push(ana(), 'subscriptions', storeUid, null)
    await push(ana(), 'subscriptions', storeUid, { end_at: 150 })
    expect(await current('subscriptions', storeUid)).toMatchObject({ deleted: true })
    await push(ben(), 'subscriptions', storeUid, subscription(storeUid, 200))
    expect(await current('subscriptions', storeUid)).toMatchObject({ deleted: false, fields: subscription(storeUid, 200) })
  })

  it("deletes a store's history, records, runs and run steps with it", async () => {
    const storeUid = fresh('store')
    const [historyUid, runUid, stepUid] = [fresh('history'), fresh('run'), fresh('step')]
    await push(ana(), 'stores', storeUid, store(code()))
    await push(ana(), 'store_history', historyUid, history(storeUid))
    await push(ana(), 'subscriptions', storeUid, subscription(storeUid, 100))
    await push(ana(), 'checklist_runs', runUid, run(storeUid))
    await push(ana(), 'checklist_run_steps', stepUid, step(runUid))
    await push(ben(), 'stores', storeUid, null)
    for (const [table, uid] of [['store_history', historyUid], ['subscriptions', storeUid], ['checklist_runs', runUid], ['checklist_run_steps', stepUid]] as const) {
      expect(await current(table, uid)).toMatchObject({ deleted: true })
    }
    await push(ana(), 'subscriptions', storeUid, subscription(storeUid, 300))
    expect(await current('subscriptions', storeUid)).toMatchObject({ deleted: true })
  })

  it('drops a change whose reference names a deleted row, and an edit of a row it does not have', async () => {
    const storeUid = fresh('store')
    await push(ana(), 'stores', storeUid, store(code()))
    await push(ben(), 'stores', storeUid, null)
    const orphan = fresh('history')
    await push(ana(), 'store_history', orphan, history(storeUid))
    await push(ana(), 'store_history', fresh('history'), history('never-seen'))
    const unknown = fresh('store')
    await push(ana(), 'stores', unknown, { notes: 'an edit of nothing' })
    expect([await current('store_history', orphan), await current('stores', unknown)]).toEqual([undefined, undefined])
  })

  it('gives two stores with one short code to the earlier; the later keeps every other field, its key set aside', async () => {
    const key = code()
    const [first, second] = [fresh('store'), fresh('store')]
    await push(ana(), 'stores', first, store(key))
    await push(ben(), 'stores', second, store(key, { store_name: 'Acme Two', login_email: 'two@acme.sg' }))
    expect((await current('stores', first))?.fields).toMatchObject({ seller_short_code: key })
    expect((await current('stores', second))?.fields).toMatchObject({ store_name: 'Acme Two', seller_short_code: null, login_email: null })
  })

  it('gives two stores with one login e-mail (and no short code) to the earlier', async () => {
    const [first, second] = [fresh('store'), fresh('store')]
    await push(ana(), 'stores', first, store(null, { login_email: 'shared@acme.sg' }))
    await push(ben(), 'stores', second, store(null, { login_email: 'shared@acme.sg' }))
    await push(ben(), 'stores', fresh('store'), store(code(), { login_email: 'shared@acme.sg' }))
    expect((await current('stores', first))?.fields).toMatchObject({ login_email: 'shared@acme.sg' })
    expect((await current('stores', second))?.fields).toMatchObject({ login_email: null })
  })

  it('checks a claim at the later row’s seq: a store whose holder was deleted first keeps the key', async () => {
    const key = code()
    const [first, second] = [fresh('store'), fresh('store')]
    await push(ana(), 'stores', first, store(key))
    await push(ana(), 'stores', first, null)
    await push(ben(), 'stores', second, store(key))
    expect((await current('stores', second))?.fields).toMatchObject({ seller_short_code: key })
    const third = fresh('store')
    await push(ana(), 'stores', third, store(null))
    await push(ana(), 'stores', third, { seller_short_code: key })
    expect((await current('stores', third))?.fields).toMatchObject({ seller_short_code: null })
  })

  it('cancels the later of two open runs of one checklist for one store, with the note; one opened after the first ended stays open', async () => {
    const storeUid = fresh('store')
    const [first, second, third] = [fresh('run'), fresh('run'), fresh('run')]
    await push(ana(), 'stores', storeUid, store(code()))
    await push(ana(), 'checklist_runs', first, run(storeUid))
    await push(ben(), 'checklist_runs', second, { ...run(storeUid), started_by: 'Ben' })
    expect((await current('checklist_runs', first))?.fields).toMatchObject({ status: 'open' })
    expect((await current('checklist_runs', second))?.fields).toMatchObject({ status: 'cancelled', end_note: SUPERSEDED_NOTE, started_by: 'Ben' })
    await push(ana(), 'checklist_runs', first, { status: 'done', ended_at: 2 })
    await push(ben(), 'checklist_runs', third, run(storeUid))
    expect((await current('checklist_runs', third))?.fields).toMatchObject({ status: 'open' })
  })

  it("takes a history row's actor from Postgres: the pusher's role, whatever the laptop wrote", async () => {
    const storeUid = fresh('store')
    const [byAna, byBen] = [fresh('history'), fresh('history')]
    await push(ana(), 'stores', storeUid, store(code()))
    await push(ana(), 'store_history', byAna, history(storeUid))
    await push(ben(), 'store_history', byBen, { ...history(storeUid), actor: 'rows_ana' })
    expect((await current('store_history', byAna))?.fields.actor).toBe('rows_ana')
    expect((await current('store_history', byBen))?.fields.actor).toBe('rows_ben')
  })

  it('members may read their own team’s rows only, and write them only by pushing', async () => {
    const uid = fresh('store')
    await push(ana(), 'stores', uid, store(code()))
    const zed = await connectAs(cluster, 'rows_zed', 'rows_zed-pw')
    const member = await connectAs(cluster, 'rows_ben', 'rows_ben-pw')
    try {
      expect((await zed.query('SELECT * FROM storewatch_team.current_rows')).rows).toEqual([])
      expect((await member.query('SELECT uid FROM storewatch_team.current_rows WHERE uid = $1', [uid])).rows).toEqual([{ uid }])
      await expect(member.query(`UPDATE storewatch_team.current_rows SET fields = '{}'`)).rejects.toThrow(/permission denied/)
      await expect(member.query(`DELETE FROM storewatch_team.current_rows`)).rejects.toThrow(/permission denied/)
      await expect(
        member.query(`INSERT INTO storewatch_team.current_rows (team_id, table_name, uid, fields, seq, author) VALUES (storewatch_team.current_team(), 'stores', 'x', '{}', 1, 'x')`)
      ).rejects.toThrow(/permission denied/)
      await expect(member.query(`SELECT storewatch_team.project_change(c) FROM storewatch_team.changes c LIMIT 1`)).rejects.toThrow(/permission denied/)
    } finally {
      await Promise.all([zed.end(), member.end()])
    }
  })

  it('knows each shared table as the laptop’s SQLite does: key, required columns, references', async () => {
    const database = openTestDatabase()
    try {
      const laptop = [...readSharedTables(database.sqlite).values()].map((info) => ({
        table_name: info.name,
        key_column: info.key,
        keyed_by_parent: info.keyedByParent,
        required: info.required,
        refs: Object.fromEntries(info.references)
      }))
      const server = await withSuperuser(cluster, async (client) => (await client.query('SELECT * FROM storewatch_team.shared_tables')).rows)
      expect(server.sort((a, b) => String(a.table_name).localeCompare(String(b.table_name)))).toEqual(laptop.sort((a, b) => a.table_name.localeCompare(b.table_name)))
      const note = await withSuperuser(cluster, async (client) => (await client.query(`SELECT prosrc FROM pg_proc WHERE proname = 'project_change'`)).rows[0]?.prosrc as string)
      expect(note).toContain(SUPERSEDED_NOTE)
    } finally {
      database.close()
    }
  })
})
