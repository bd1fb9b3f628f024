/**
 * Capture (issue #12): solo, a KAM's changes write nothing for a team; joined, each change to a
 * shared row leaves one outbox row with the columns it set, in the same transaction as the change.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { nth, openLaptop, storeFields } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

interface OutboxRow {
  table_name: string
  local_id: number
  op: string
  fields: string | null
}

function outbox(laptop: ReturnType<typeof openLaptop>): { table: string; localId: number; op: string; fields: Record<string, unknown> | null }[] {
  const rows = laptop.database.sqlite.prepare('SELECT table_name, local_id, op, fields FROM team_outbox ORDER BY client_seq').all() as OutboxRow[]
  return rows.map((r) => ({ table: r.table_name, localId: r.local_id, op: r.op, fields: r.fields === null ? null : (JSON.parse(r.fields) as Record<string, unknown>) }))
}

function triggers(laptop: ReturnType<typeof openLaptop>): number {
  return laptop.database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_capture_%'").pluck().get() as number
}

describe('capture of local changes', () => {
  it('solo: no triggers and no outbox rows, whatever the KAM does', () => {
    const laptop = openLaptop(new MemoryTeamChannel(), 'solo', opened)
    const store = laptop.core.stores.create(storeInput())
    laptop.core.stores.update(store.id, { ...storeFields(laptop.core, store.id), notes: 'Call on Monday' })
    laptop.core.stores.delete(store.id)

    expect(laptop.replica.joined()).toBe(false)
    expect(triggers(laptop)).toBe(0)
    expect(outbox(laptop)).toEqual([])
    for (const table of ['team_uids', 'team_state', 'team_merge_offers']) {
      expect(laptop.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    }
  })

  it('joined: an insert records every column, an edit only what changed, a delete no fields (a store’s keeps its key here); never the search text', async () => {
    const team = new MemoryTeamChannel()
    const laptop = openLaptop(team, 'amy', opened)
    laptop.replica.join({ shareLocal: true })
    const store = laptop.core.stores.create(storeInput({ storeName: 'Bloom Official' }))
    const created = outbox(laptop)
    expect(created.map((c) => [c.table, c.op])).toEqual([
      ['stores', 'insert'],
      ['store_history', 'insert']
    ])
    expect(nth(created, 0)).toMatchObject({ localId: store.id, fields: { store_name: 'Bloom Official', country: 'SG', seller_short_code: 'SG10000001', tags: '[]', notes: null } })
    expect(nth(created, 0).fields).not.toHaveProperty('search_text')
    expect(nth(created, 0).fields).not.toHaveProperty('id')
    expect(nth(created, 1).fields).toMatchObject({ store_id: store.id, kind: 'created' })

    laptop.database.sqlite.prepare('DELETE FROM team_outbox').run()
    laptop.core.clock.advance(60_000)
    laptop.core.stores.update(store.id, { ...storeFields(laptop.core, store.id), notes: 'Call on Monday' })
    const edited = outbox(laptop).filter((c) => c.table === 'stores')
    expect(edited).toEqual([{ table: 'stores', localId: store.id, op: 'update', fields: { notes: 'Call on Monday', updated_at: store.updatedAt + 60_000 } }])

    laptop.database.sqlite.prepare('DELETE FROM team_outbox').run()
    laptop.core.stores.delete(store.id)
    // The key stays on this laptop until the team hands the delete back (apply.ts); it does not travel.
    expect(outbox(laptop)).toContainEqual({ table: 'stores', localId: store.id, op: 'delete', fields: { country: 'SG', seller_short_code: 'SG10000001', login_email: null } })
    await laptop.replica.push()
    expect(team.changes.filter((c) => c.table === 'stores').map((c) => c.fields)).toEqual([null])
  })

  it('an edit that changes nothing leaves nothing', () => {
    const laptop = openLaptop(new MemoryTeamChannel(), 'amy', opened)
    laptop.replica.join({ shareLocal: false })
    const store = laptop.core.stores.create(storeInput())
    laptop.database.sqlite.prepare('DELETE FROM team_outbox').run()
    laptop.database.sqlite.prepare('UPDATE stores SET notes = notes, search_text = ? WHERE id = ?').run('other words', store.id)
    expect(outbox(laptop)).toEqual([])
  })

  it('joining with the local portfolio queues what is already there; leaving drops the triggers and keeps the rows', () => {
    const laptop = openLaptop(new MemoryTeamChannel(), 'amy', opened)
    const store = laptop.core.stores.create(storeInput())
    laptop.replica.join({ shareLocal: true })
    expect(outbox(laptop).map((c) => [c.table, c.op, c.localId])).toEqual([
      ['stores', 'insert', store.id],
      ['store_history', 'insert', expect.any(Number)]
    ])

    laptop.replica.leave()
    expect(triggers(laptop)).toBe(0)
    laptop.core.stores.update(store.id, { ...storeFields(laptop.core, store.id), notes: 'After leaving' })
    expect(outbox(laptop)).toHaveLength(2)
    expect(laptop.core.stores.view(store.id).notes).toBe('After leaving')
  })
})
