/**
 * The convergence property (issue #12), with fixed seeds: three laptops, each a real core on its
 * own SQLite file, make random creates, edits, archives, deletes, subscription records, checklist
 * starts (the same checklist on two laptops at once, too) and ticks, and push (sometimes cut after the team committed) and pull at random. After a
 * final sync every laptop holds the same shared rows, nothing is left to push, and every store
 * created and not deleted is on every laptop.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTeamChannel } from '../../support/memory-team-channel'
import type { TestDatabase } from '../../support/test-database'
import { seeded } from '../../support/random-steps'
import { act, storeNames, syncStep } from './random-work'
import type { World } from './random-work'
import { nth, openLaptop, sharedState, syncAll } from './support'

const opened: TestDatabase[] = []
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close()
})

describe('three laptops converge', () => {
  it.each([1, 2, 3, 42, 2026])('seed %i', async (seed) => {
    const team = new MemoryTeamChannel()
    const laptops = ['amy', 'ben', 'cat'].map((name) => openLaptop(team, name, opened))
    for (const laptop of laptops) laptop.replica.join({ shareLocal: true })
    const world: World = { random: seeded(seed), created: new Set(), deleted: new Set(), next: 0 }

    for (let step = 0; step < 200; step++) {
      const index = Math.floor(world.random() * laptops.length)
      const laptop = nth(laptops, index)
      if (world.random() < 0.6) act(world, laptop, index)
      else await syncStep(world, laptop)
    }
    await syncAll(laptops)

    const expected = [...world.created].filter((name) => !world.deleted.has(name)).sort()
    const first = sharedState(nth(laptops, 0))
    for (const laptop of laptops) {
      expect(laptop.replica.unpushed()).toBe(0)
      expect(laptop.database.sqlite.prepare('SELECT count(*) FROM team_outbox').pluck().get()).toBe(0)
      expect(storeNames(laptop)).toEqual(expected)
      expect(sharedState(laptop)).toEqual(first)
    }
    expect(Object.keys(first.stores ?? {}).every((uid) => !uid.startsWith('local:'))).toBe(true)
  })
})
