/**
 * Random work of three KAMs for the convergence property tests (issue #12): creates, edits, archives,
 * deletes, subscription records, checklist starts and ticks, and pushes (a quarter cut after the
 * team committed) and pulls, all from one seeded PRNG so a seed always does the same.
 */
import { expect } from 'vitest'
import type { StepId } from '../../../electron/shared/checklists'
import { storeInput } from '../../support/store-input'
import { storeFields, subscription } from './support'
import type { Laptop } from './support'
import { pick, rowIds } from '../../support/random-steps'

export interface World {
  random: () => number
  created: Set<string>
  deleted: Set<string>
  next: number
}

const NOTES = ['Call Monday', 'Renewal due', 'Waiting for seller', null]
const OWNERS = ['Amy', 'Ben', 'Cat']
const START = Date.parse('2026-06-01T00:00:00Z')

/** Now and then a code another laptop may use too (two stores with one key meet on sync). */
function shortCode(world: World, laptop: Laptop, index: number): string {
  const shared = `SGTWIN${Math.floor(world.random() * 3)}`
  const free = laptop.database.sqlite.prepare("SELECT count(*) FROM stores WHERE country = 'SG' AND seller_short_code = ?").pluck().get(shared) === 0
  return world.random() < 0.4 && free ? shared : `SG${index}${String(world.next).padStart(6, '0')}`
}

/** One random thing a KAM does on this laptop. */
export function act(world: World, laptop: Laptop, index: number): void {
  const { core } = laptop
  const storeId = pick(world.random, rowIds(laptop.database.sqlite, 'SELECT id FROM stores ORDER BY id'))
  const roll = world.random()
  if (roll < 0.2 || storeId === undefined) {
    const name = `Store ${++world.next}`
    world.created.add(name)
    core.stores.create(storeInput({ storeName: name, sellerShortCode: shortCode(world, laptop, index) }))
  } else if (roll < 0.45) {
    const field = pick(world.random, ['notes', 'ownerKam'] as const) ?? 'notes'
    const value = field === 'notes' ? (pick(world.random, NOTES) ?? null) : (pick(world.random, OWNERS) ?? null)
    core.stores.update(storeId, { ...storeFields(core, storeId), [field]: value })
  } else if (roll < 0.55) {
    if (core.stores.view(storeId).archivedAt === null) core.stores.archive(storeId)
    else core.stores.restore(storeId)
  } else if (roll < 0.62) {
    world.deleted.add(core.stores.view(storeId).storeName)
    core.stores.delete(storeId)
  } else if (roll < 0.75) {
    core.records.saveSubscription(storeId, subscription(START, START + Math.ceil(world.random() * 365) * 86_400_000))
  } else if (roll < 0.8) {
    core.records.removeSubscription(storeId)
  } else {
    checklistWork(world, laptop)
  }
}

/** Starts a checklist where none is open here (another laptop may have one open), or ticks a step. */
function checklistWork(world: World, laptop: Laptop): void {
  // The first two stores here: laptops often pick the same one, so runs of one checklist meet.
  const storeId = pick(world.random, rowIds(laptop.database.sqlite, 'SELECT id FROM stores ORDER BY id LIMIT 2'))
  if (storeId === undefined) return
  const open = rowIds(laptop.database.sqlite, "SELECT id FROM checklist_runs WHERE status = 'open' ORDER BY id")
  const runId = pick(world.random, open)
  const hasOpen = rowIds(laptop.database.sqlite, `SELECT id FROM checklist_runs WHERE status = 'open' AND store_id = ${storeId}`).length > 0
  if (!hasOpen && world.random() < 0.5) {
    laptop.core.checklists.start(storeId, 'renew-and-reauthorize')
  } else if (runId !== undefined) {
    const steps = laptop.database.sqlite.prepare('SELECT step_id FROM checklist_run_steps WHERE run_id = ? ORDER BY position').pluck().all(runId) as StepId[]
    const step = pick(world.random, steps)
    if (step) laptop.core.checklists.tick(runId, step)
  }
}

export async function syncStep(world: World, laptop: Laptop): Promise<void> {
  if (world.random() < 0.5) {
    await laptop.replica.pull()
    return
  }
  laptop.channel.cutAfterCommit = world.random() < 0.25
  await laptop.replica.push().catch((error: Error) => expect(error.message).toContain('connection lost'))
  laptop.channel.cutAfterCommit = false
}

export function storeNames(laptop: Laptop): string[] {
  return (laptop.database.sqlite.prepare('SELECT store_name FROM stores ORDER BY store_name').pluck().all() as string[]).sort()
}

