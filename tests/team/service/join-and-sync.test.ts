/**
 * Joining a team through the app's team service, on a real Postgres (issue #12, points 2, 5 and 7):
 * the preview lists every match (short code, login e-mail) and what is new; joining links matched
 * stores so both laptops have one store; an edit reaches the teammate with its status refreshed and
 * `stores:changed` broadcast; leaving keeps every row and stops sync; a schema newer than the app is
 * refused with its reason; a joined laptop's check leaves Lazada to the team's checker.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { pgTeamServer } from '../../../electron/core/team/service/pg-team-server'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { call, refusal } from '../../core/checklists/support'
import { lazadaWorld } from '../../core/lazada-sync/support'
import type { LazadaWorld } from '../../core/lazada-sync/support'
import { DAY, sgMidnight, subscribedStore } from '../../core/monitoring/monitoring-support'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { storeInput } from '../../support/store-input'
import { createTestCore, FakeSecretStore } from '../../support/test-core'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { closeLaptop, laptopOf, serviceLaptop, storeCount, storeOfUid, TIMING, uidOf, WAIT } from './support'
import type { ServiceLaptop } from './support'

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

const opened: ServiceLaptop[] = []
afterEach(async () => {
  for (const laptop of opened.splice(0)) await closeLaptop(laptop)
})

async function laptop(name: string, team: string): Promise<ServiceLaptop> {
  const made = await serviceLaptop(cluster, await addPerson(cluster, name, team))
  opened.push(made)
  return made
}

function create(laptop: ServiceLaptop, draft: Parameters<typeof storeInput>[0]) {
  return laptop.core.stores.create(storeInput(draft)).id
}

async function joined(...laptops: ServiceLaptop[]): Promise<void> {
  for (const each of laptops) {
    const view = await call(each.core, 'team:join', undefined)
    expect(view.joined).toBe(true)
  }
}

describe('joining a team through Settings → Team', () => {
  it('previews every match by short code and by login e-mail and counts the new ones; joining makes matched stores one on both laptops', async () => {
    const amy = await laptop('svc_amy_p', 'Team P')
    const bloom = create(amy, { storeName: 'Team Bloom', sellerShortCode: 'SGP0001' })
    create(amy, { storeName: 'Team Lotus', country: 'MY', sellerShortCode: null, loginEmail: 'owner@lotus.my' })
    create(amy, { storeName: 'Team Only', sellerShortCode: 'SGP0003' })
    expect(await call(amy.core, 'team:preview-join', undefined)).toEqual({ teamName: 'Team P', teamStores: 0, localStores: 3, matches: [], newLocal: 3, newFromTeam: 0 })
    await joined(amy)
    expect(await call(amy.core, 'team:get', undefined)).toMatchObject({ joined: true, teamName: 'Team P', role: 'svc_amy_p', state: { kind: 'in-sync' }, lazadaChecks: 'team-checker' })

    const ben = await laptop('svc_ben_p', 'Team P')
    const benBloom = create(ben, { storeName: 'Ben Bloom', sellerShortCode: 'sgp0001' })
    const benLotus = create(ben, { storeName: 'Ben Lotus', country: 'MY', sellerShortCode: null, loginEmail: 'OWNER@Lotus.my' })
    create(ben, { storeName: 'Ben Only', sellerShortCode: 'SGP0999' })
    const preview = await call(ben.core, 'team:preview-join', undefined)
    expect(preview).toEqual({
      teamName: 'Team P',
      teamStores: 3,
      localStores: 3,
      matches: [
        { localStoreId: benBloom, localName: 'Ben Bloom', teamStoreName: 'Team Bloom', country: 'SG', by: 'short-code', value: 'SGP0001' },
        { localStoreId: benLotus, localName: 'Ben Lotus', teamStoreName: 'Team Lotus', country: 'MY', by: 'login-email', value: 'owner@lotus.my' }
      ],
      newLocal: 1,
      newFromTeam: 1
    })
    // The preview wrote nothing of the team's here.
    expect(ben.database.sqlite.prepare('SELECT (SELECT count(*) FROM team_uids) + (SELECT count(*) FROM team_outbox) + (SELECT count(*) FROM team_state)').pluck().get()).toBe(0)

    const benHistory = ben.core.history.of(benBloom).length
    const amyHistory = amy.core.history.of(bloom).length
    await joined(ben)
    expect(storeCount(ben)).toBe(4)
    expect(uidOf(ben, benBloom)).toBe(uidOf(amy, bloom))
    // The team's fields won: one store, as the team has it.
    expect(ben.core.stores.view(benBloom).storeName).toBe('Team Bloom')
    await expect.poll(() => storeCount(amy), WAIT).toBe(4)
    // Ben's local history of the matched store is shared with it.
    await expect.poll(() => amy.core.history.of(bloom).length, WAIT).toBe(amyHistory + benHistory)
    expect(ben.core.history.of(benBloom).length).toBe(amyHistory + benHistory)
    expect(await call(ben.core, 'team:merge-offers', undefined)).toEqual([])
  }, 60_000)

  it('an edit on one laptop reaches the other through the service: its status is refreshed and stores:changed broadcast', async () => {
    const amy = await laptop('svc_amy_e', 'Team E')
    const ben = await laptop('svc_ben_e', 'Team E')
    const id = create(amy, { storeName: 'Edited', sellerShortCode: 'SGE0001' })
    await joined(amy, ben)
    const uid = uidOf(amy, id) ?? ''
    const benId = storeOfUid(ben, uid) ?? 0
    const statusOn = (laptop: ServiceLaptop, storeId: number) => laptop.database.sqlite.prepare('SELECT status FROM store_status WHERE store_id = ?').pluck().get(storeId)
    const before = statusOn(ben, benId)

    const mark = ben.core.broadcasts.length
    const now = amy.core.clock.now()
    await call(amy.core, 'subscriptions:save', { storeId: id, subscription: { startAt: now - 170 * DAY, endAt: now + 5 * DAY } })
    const after = amy.core.detail(id).verdict.status
    expect(after).not.toBe(before)
    // Ben's stored status follows the subscription that came from Amy.
    await expect.poll(() => statusOn(ben, benId), WAIT).toBe(after)
    expect(ben.core.detail(benId).subscription).toMatchObject({ endAt: now + 5 * DAY })
    expect(ben.changedSince(mark)).toContain(benId)
    await expect.poll(() => ben.state()?.kind, WAIT).toBe('in-sync')
  }, 60_000)

  it('leaving stops sync and keeps every row here as a local copy', async () => {
    const amy = await laptop('svc_amy_l', 'Team L')
    const ben = await laptop('svc_ben_l', 'Team L')
    const id = create(amy, { storeName: 'Kept', sellerShortCode: 'SGL0001' })
    await joined(amy, ben)
    const benId = storeOfUid(ben, uidOf(amy, id) ?? '') ?? 0

    const left = await call(ben.core, 'team:leave', undefined)
    expect(left).toMatchObject({ joined: false, state: { kind: 'solo' }, lazadaChecks: 'this-laptop' })
    expect(ben.state()).toEqual({ kind: 'solo' })
    expect(ben.core.stores.view(benId).storeName).toBe('Kept')

    // Ben's edits stay here; Amy's no longer arrive.
    await call(ben.core, 'stores:update', { id: benId, store: storeInput({ storeName: 'Kept', sellerShortCode: 'SGL0001', notes: 'Ben, offline for good' }) })
    expect(ben.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0)
    await call(amy.core, 'stores:update', { id, store: storeInput({ storeName: 'Renamed by Amy', sellerShortCode: 'SGL0001' }) })
    await expect.poll(() => amy.state()?.kind, WAIT).toBe('in-sync')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(ben.core.stores.view(benId)).toMatchObject({ storeName: 'Kept', notes: 'Ben, offline for good' })
    expect((await refusal(ben.core, 'team:sync-now', undefined)).code).toBe('not-found')
  }, 60_000)

  it('a schema newer than the app is refused with its reason, untouched, and local work goes on', async () => {
    const amy = await laptop('svc_amy_n', 'Team N')
    await joined(amy)
    // The same laptop restarted with an app that knows no team schema version: the server's is newer.
    await amy.core.team.close()
    const older = createTestCore(amy.database, { secretStore: new FakeSecretStore(), team: { server: pgTeamServer, readFile: () => '', timing: TIMING, migrations: [] } })
    const restarted = laptopOf(amy.database, older)
    opened.splice(opened.indexOf(amy), 1, restarted)
    older.team.open()
    await expect.poll(() => restarted.state()?.kind, WAIT).toBe('refused')
    expect(restarted.state()).toEqual({ kind: 'refused', reason: expect.stringContaining('newer than this Storewatch knows') })
    expect((await refusal(older, 'team:preview-join', undefined)).message).toContain('Update Storewatch to sync')

    older.stores.create(storeInput({ storeName: 'Made while refused', sellerShortCode: 'SGN0002' }))
    expect(older.team.view()).toMatchObject({ joined: true, state: { kind: 'refused' } })
    expect(amy.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBeGreaterThan(0)
    expect(await withSuperuser(cluster, async (client) => (await client.query('SELECT version FROM storewatch_team.schema_version')).rows[0].version)).toBe(1)
  }, 60_000)
})

describe('checks of a joined laptop', () => {
  let world: LazadaWorld | undefined
  afterEach(async () => {
    world?.core.monitoring.stop()
    await world?.core.team.close()
    world?.database.close()
    world = undefined
  })

  it('leave Lazada to the team’s checker: no call from this laptop, statuses still judged here', async () => {
    const role = await addPerson(cluster, 'svc_dan_c', 'Team C')
    world = await lazadaWorld(sgMidnight('2026-12-05'), { deps: { team: { server: pgTeamServer, readFile: () => '', timing: TIMING } } })
    const { core, api } = world
    subscribedStore(core, sgMidnight('2026-12-15'))
    const solo = await core.monitoring.runNow('manual')
    expect(api.calls.length).toBe(1)
    expect(solo.remote).not.toBeNull()

    await call(core, 'team:save-connection', { connection: { host: cluster.host, port: cluster.port, database: 'postgres', user: role.user, tls: 'disable' }, password: role.password })
    expect(await call(core, 'team:join', undefined)).toMatchObject({ joined: true, lazadaChecks: 'team-checker' })
    api.calls.length = 0
    const run = await core.monitoring.runNow('manual')
    expect(api.calls).toEqual([])
    expect(run.remote).toBeNull()
    expect(run.storesChecked).toBe(1)
  }, 60_000)
})
