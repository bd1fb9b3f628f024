/**
 * One open run per store and checklist (issue #12): two laptops that start the same checklist for a
 * store offline both keep both runs and their ticks; the run earlier in the team's order stays open,
 * the other is cancelled with a note saying why, the same on both laptops.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { SUPERSEDED_NOTE } from '../../../electron/core/team/replica/run-rows'
import type { StepId } from '../../../electron/shared/checklists'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import { storeInput } from '../../support/store-input'
import type { TestDatabase } from '../../support/test-database'
import { localIdOfUid, nth, openLaptop, sharedState, syncAll, uidOfLocal } from './support'
import type { Laptop } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

function runs(laptop: Laptop): { uid: string | undefined; status: string; endNote: string | null; ticked: number }[] {
  const rows = laptop.database.sqlite
    .prepare('SELECT r.id, r.status, r.end_note AS endNote, (SELECT count(*) FROM checklist_run_steps s WHERE s.run_id = r.id AND s.done_at IS NOT NULL) AS ticked FROM checklist_runs r ORDER BY r.id')
    .all() as { id: number; status: string; endNote: string | null; ticked: number }[]
  return rows.map((r) => ({ uid: uidOfLocal(laptop, 'checklist_runs', r.id), status: r.status, endNote: r.endNote, ticked: r.ticked })).sort((a, b) => String(a.uid).localeCompare(String(b.uid)))
}

function firstStep(laptop: Laptop, runId: number): StepId {
  return laptop.database.sqlite.prepare('SELECT step_id FROM checklist_run_steps WHERE run_id = ? ORDER BY position LIMIT 1').pluck().get(runId) as StepId
}

/** Two joined laptops that both hold one store, made on Amy's: its local id there and on Ben's. */
async function twoLaptopsWithOneStore() {
  const team = new MemoryTeamChannel()
  const amy = openLaptop(team, 'amy', opened)
  const ben = openLaptop(team, 'ben', opened)
  amy.replica.join({ shareLocal: true })
  ben.replica.join({ shareLocal: true })
  const store = amy.core.stores.create(storeInput())
  await syncAll([amy, ben])
  const benStore = localIdOfUid(ben, 'stores', uidOfLocal(amy, 'stores', store.id) ?? '') ?? -1
  return { amy, ben, store, benStore }
}

describe('the same checklist started on two laptops offline', () => {
  it.each(['the later laptop pulls first', 'both push first'])('keeps both runs, the earlier open: %s', async (order) => {
    const { amy, ben, store, benStore } = await twoLaptopsWithOneStore()

    const amyRun = amy.core.checklists.start(store.id, 'renew-and-reauthorize')
    amy.core.checklists.tick(amyRun.id, firstStep(amy, amyRun.id))
    const benRun = ben.core.checklists.start(benStore, 'renew-and-reauthorize')
    ben.core.checklists.tick(benRun.id, firstStep(ben, benRun.id))
    await amy.replica.push()
    if (order === 'both push first') await ben.replica.push()
    else await ben.replica.pull()
    await syncAll([amy, ben])

    const amyUid = uidOfLocal(amy, 'checklist_runs', amyRun.id)
    expect(runs(amy)).toHaveLength(2)
    expect(runs(amy).find((r) => r.uid === amyUid)).toEqual({ uid: amyUid, status: 'open', endNote: null, ticked: 1 })
    expect(runs(amy).find((r) => r.uid !== amyUid)).toMatchObject({ status: 'cancelled', endNote: SUPERSEDED_NOTE, ticked: 1 })
    expect(runs(ben)).toEqual(runs(amy))
    expect(nth(runs(ben), 0).uid).toBeDefined()
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })

  it('a run set aside for an earlier one finished before its push stays open, as everywhere', async () => {
    const { amy, ben, store, benStore } = await twoLaptopsWithOneStore()

    const amyRun = amy.core.checklists.start(store.id, 'renew-and-reauthorize')
    const benRun = ben.core.checklists.start(benStore, 'renew-and-reauthorize')
    await amy.replica.push()
    amy.core.checklists.cancel(amyRun.id, 'Started by mistake')
    await amy.replica.push()
    await ben.replica.pull()
    await syncAll([amy, ben])

    expect(runs(ben).map((r) => r.status).sort()).toEqual(['cancelled', 'open'])
    expect(ben.database.sqlite.prepare('SELECT status FROM checklist_runs WHERE id = ?').pluck().get(benRun.id)).toBe('open')
    expect(runs(amy)).toEqual(runs(ben))
    expect(sharedState(ben)).toEqual(sharedState(amy))
  })
})
