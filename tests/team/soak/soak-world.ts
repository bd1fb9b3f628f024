/**
 * The random work of the soak tests (issue #12, point 9): what three KAMs do through their app
 * cores' handlers, and the faults between each core (the checker's too) and Postgres (syncs,
 * offline periods, connections cut mid-push), drawn from a seeded PRNG so a seed does the same
 * every run.
 */
import type { StepId } from '../../../electron/shared/checklists'
import type { SoakLaptop, SoakParticipant } from '../../support/team-soak'
import { storeInput } from '../../support/store-input'
import { storeFields } from '../replica/support'
import { pick, rowIds, seeded } from '../../support/random-steps'

export interface SoakWorld {
  random: () => number
  next: number
  offline: Set<string>
  /** What happened, for a failing seed's message. */
  faults: { syncs: number; failedSyncs: number; cuts: number; offlinePeriods: number }
}

export function soakWorld(seed: number): SoakWorld {
  return { random: seeded(seed), next: 0, offline: new Set(), faults: { syncs: 0, failedSyncs: 0, cuts: 0, offlinePeriods: 0 } }
}

const NOTES = ['Call Monday', 'Renewal due', 'Waiting for seller', null]
const OWNERS = ['Amy', 'Ben', 'Cat']
const START = Date.parse('2026-06-01T00:00:00Z')
const DAY = 86_400_000

/** Now and then a short code another laptop may use too: two stores with one key meet on sync. */
function shortCode(world: SoakWorld, index: number): string {
  return world.random() < 0.3 ? `SGTWIN${Math.floor(world.random() * 3)}` : `SG${index}${String(++world.next).padStart(6, '0')}`
}

/** One random thing a KAM does, through the core's handlers (a refusal, e.g. a taken key, is fine). */
export async function act(world: SoakWorld, laptop: SoakLaptop, index: number): Promise<void> {
  const storeId = pick(world.random, rowIds(laptop.database.sqlite, 'SELECT id FROM stores ORDER BY id'))
  const roll = world.random()
  if (roll < 0.18 || storeId === undefined) {
    await laptop.call('stores:create', { store: storeInput({ storeName: `Store ${++world.next}`, sellerShortCode: shortCode(world, index) }) })
  } else if (roll < 0.4) {
    const field = pick(world.random, ['notes', 'ownerKam'] as const) ?? 'notes'
    const value = field === 'notes' ? (pick(world.random, NOTES) ?? null) : (pick(world.random, OWNERS) ?? null)
    await laptop.call('stores:update', { id: storeId, store: { ...storeFields(laptop.core, storeId), [field]: value } })
  } else if (roll < 0.5) {
    const archived = laptop.core.stores.view(storeId).archivedAt !== null
    await laptop.call(archived ? 'stores:restore' : 'stores:archive', { id: storeId })
  } else if (roll < 0.56) {
    await laptop.call('stores:delete', { id: storeId, confirmed: true })
  } else if (roll < 0.66) {
    const subscription = { startAt: START, endAt: START + Math.ceil(world.random() * 365) * DAY }
    await laptop.call('subscriptions:save', { storeId, subscription })
  } else if (roll < 0.7) {
    await laptop.call('subscriptions:remove', { storeId })
  } else if (roll < 0.78) {
    await laptop.call('authorizations:record', { storeId, authorization: { authorizedAt: START + Math.floor(world.random() * 90) * DAY, reconnected: world.random() < 0.5 } })
  } else {
    await checklistWork(world, laptop)
  }
}

/** Starts a checklist on one of the first stores (so laptops meet on one), or ticks a step of an open run. */
async function checklistWork(world: SoakWorld, laptop: SoakLaptop): Promise<void> {
  const storeId = pick(world.random, rowIds(laptop.database.sqlite, 'SELECT id FROM stores ORDER BY id LIMIT 2'))
  if (storeId === undefined) return
  const runId = pick(world.random, rowIds(laptop.database.sqlite, "SELECT id FROM checklist_runs WHERE status = 'open' ORDER BY id"))
  if (runId === undefined || world.random() < 0.3) {
    await laptop.call('checklists:start', { storeId, playbook: 'renew-and-reauthorize' })
    return
  }
  const steps = laptop.database.sqlite.prepare('SELECT step_id FROM checklist_run_steps WHERE run_id = ? ORDER BY position').pluck().all(runId) as StepId[]
  const stepId = pick(world.random, steps)
  if (stepId) await laptop.call(world.random() < 0.8 ? 'checklists:tick' : 'checklists:untick', { runId, stepId })
}

/** A sync, maybe cut mid-way; or the laptop goes offline, or comes back. */
export async function fault(world: SoakWorld, laptop: SoakParticipant): Promise<void> {
  const roll = world.random()
  if (roll < 0.12) {
    if (world.offline.delete(laptop.name)) {
      laptop.proxy.heal()
    } else {
      world.offline.add(laptop.name)
      world.faults.offlinePeriods++
      laptop.proxy.refuse()
    }
    return
  }
  if (roll < 0.35 && !world.offline.has(laptop.name)) {
    // Somewhere in the next sync's bytes: the start-up, a push's transaction, its COMMIT, a pull.
    world.faults.cuts++
    laptop.proxy.cutAfterClientBytes(1 + Math.floor(world.random() * 3_000))
  }
  world.faults.syncs++
  if (!(await laptop.sync())) world.faults.failedSyncs++
}
