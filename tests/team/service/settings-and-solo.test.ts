/**
 * The team service without a team (issue #12): Settings → Team's saved connection and its sealed
 * password, the loopback-only rule for a plain connection, solo staying solo (no team table
 * written, no connection attempted), and the local watch list widening "my stores" reminders.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TeamServer } from '../../../electron/core/team/service/team-server'
import { call, refusal } from '../../core/checklists/support'
import { databaseBytes } from '../../core/lazada-sync/support'
import { openWorld, sgMidnight, subscribedStore, titles } from '../../core/monitoring/monitoring-support'
import type { World } from '../../core/monitoring/monitoring-support'
import { storeInput } from '../../support/store-input'
import { FakeSecretStore } from '../../support/test-core'

const PASSWORD = 'kam-amy-pg-secret-7731'
const LOCAL = { host: '127.0.0.1', port: 5432, database: 'storewatch', user: 'kam_amy', tls: 'disable' as const }

/** A team server that records being asked and connects nowhere. */
function recordingServer(asked: string[]): TeamServer {
  return {
    prepare: () => {
      asked.push('prepare')
      return Promise.reject(new Error('no server in this test'))
    },
    connect: () => {
      asked.push('connect')
      return Promise.reject(new Error('no server in this test'))
    }
  }
}

let world: World | undefined
afterEach(async () => {
  world?.core.monitoring.stop()
  await world?.core.team.close()
  world?.database.close()
  world = undefined
})

function open(asked: string[] = []): World {
  world = openWorld('2026-11-27T02:00:00Z', { secretStore: new FakeSecretStore(), team: { server: recordingServer(asked), readFile: () => '' } })
  return world
}

describe('Settings → Team: the saved connection', () => {
  it('keeps the connection here and the password sealed: the password is nowhere in the database', async () => {
    const { core } = open()
    expect(await call(core, 'team:get', undefined)).toMatchObject({ connection: null, passwordSaved: false, joined: false, state: { kind: 'solo' }, lazadaChecks: 'this-laptop' })

    const saved = await call(core, 'team:save-connection', { connection: LOCAL, password: PASSWORD })
    expect(saved).toMatchObject({ connection: { ...LOCAL, caFile: null }, passwordSaved: true, joined: false })
    expect(databaseBytes(world!)).not.toContain(PASSWORD)

    // Saved again without a password: the sealed one stays.
    const renamed = await call(core, 'team:save-connection', { connection: { ...LOCAL, database: 'team' } })
    expect(renamed).toMatchObject({ connection: { database: 'team' }, passwordSaved: true })
    expect(await call(core, 'team:get', undefined)).toEqual(renamed)
  })

  it('allows a plain connection to this machine only; a remote host without TLS is refused on the TLS field', async () => {
    const { core } = open()
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      expect((await call(core, 'team:save-connection', { connection: { ...LOCAL, host } })).connection).toMatchObject({ host, tls: 'disable' })
    }
    const refused = await refusal(core, 'team:save-connection', { connection: { ...LOCAL, host: 'db.example.com' }, password: PASSWORD })
    expect(refused.code).toBe('invalid-input')
    expect(refused.fields).toEqual([{ field: 'tls', message: expect.stringContaining('Turn TLS on (verify-full) to connect to db.example.com') }])
    // Nothing of the refused save was kept.
    expect((await call(core, 'team:get', undefined)).connection).toMatchObject({ host: '::1' })
    expect((await call(core, 'team:get', undefined)).passwordSaved).toBe(false)

    const remote = await call(core, 'team:save-connection', { connection: { ...LOCAL, host: 'db.example.com', tls: 'verify-full', caFile: '/etc/team-ca.pem' } })
    expect(remote.connection).toMatchObject({ host: 'db.example.com', tls: 'verify-full', caFile: '/etc/team-ca.pem' })
  })
})

describe('solo', () => {
  it('connects to nothing and writes no team table, whatever the KAM does', async () => {
    const asked: string[] = []
    const { core, database } = open(asked)
    core.team.open()
    const store = await call(core, 'stores:create', { store: storeInput() })
    await call(core, 'stores:update', { id: store.id, store: storeInput({ notes: 'renewal in May' }) })
    await call(core, 'team:save-connection', { connection: LOCAL, password: PASSWORD })
    await core.monitoring.runNow('manual')
    expect(await call(core, 'team:get', undefined)).toMatchObject({ joined: false, state: { kind: 'solo' } })

    expect(asked).toEqual([])
    const count = (table: string) => database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    expect(['team_uids', 'team_outbox', 'team_state', 'team_merge_offers'].map(count)).toEqual([0, 0, 0, 0])
    expect(database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'team_%'").pluck().get()).toBe(0)
  })
})

describe('watching a store', () => {
  it('makes “my stores” reminders cover a store someone else owns; kept on this laptop only', async () => {
    const { core, database } = open()
    const watched = subscribedStore(core, sgMidnight('2026-11-30'), { clientName: 'Watched', ownerKam: 'Ben Tan' })
    const unwatched = subscribedStore(core, sgMidnight('2026-11-30'), { clientName: 'Unwatched', ownerKam: 'Ben Tan' })
    core.settings.save({ ...core.settings.get(), you: { name: 'Ana Lim', remindersFor: 'mine' } })

    expect(await call(core, 'team:watched', { storeId: watched })).toEqual({ storeId: watched, watched: false })
    expect(await call(core, 'team:watch', { storeId: watched, watched: true })).toEqual({ storeId: watched, watched: true })
    await core.monitoring.runNow('manual')

    expect(titles(core)).toHaveLength(1)
    expect(core.notifier.shown[0]!.target).toEqual({ kind: 'store', storeId: watched })
    const states = core.monitoring.reminders.list({ unreadOnly: false, limit: 50 }).reminders.map((r) => [r.storeId, r.state])
    expect(states.sort()).toEqual([[watched, 'delivered'], [unwatched, 'muted']].sort())
    // Not a shared table: nothing of it would travel.
    expect(database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0)

    expect(await call(core, 'team:watch', { storeId: watched, watched: false })).toEqual({ storeId: watched, watched: false })
    expect((await refusal(core, 'team:watch', { storeId: 9999, watched: true })).code).toBe('not-found')
  })
})
