/**
 * "Next store": the lists store pages were opened from, kept in main as ids in the order the KAM
 * saw them, so a store page at row 3 of 10,000 never has the rows sent to it. Only the latest few
 * lists are kept: each store page opened from a list starts one, and an older one is not reached
 * again (Back returns to the list, which starts a new one on the next open).
 */
import { inArray } from 'drizzle-orm'
import type { SequenceNeighbour, SequencePosition, SequenceStart, SequenceStarted, SequenceOrigin } from '../../shared/store-sequence'
import type { AppDatabase } from '../db/open-database'
import { stores } from '../db/schema'
import { resolveSelection } from '../portfolio/portfolio-query'

/** Lists kept at once: this window's latest and a few before it. */
export const KEPT_SEQUENCES = 8

interface Sequence {
  origin: SequenceOrigin
  ids: number[]
  /** Where each id stands, for a store page's lookup at 10,000 ids. */
  indexOf: Map<number, number>
}

/** The ids a start names, in the list's order, each once. */
export function sequenceIds(db: AppDatabase, start: SequenceStart, now: number): number[] {
  if ('ids' in start) return [...new Set(start.ids)]
  const inView = resolveSelection(db, { allMatching: start.view, except: [] }, now)
  if (!start.selection) return inView
  const picked = new Set(resolveSelection(db, start.selection, now))
  return inView.filter((id) => picked.has(id))
}

export function createStoreSequences(db: AppDatabase, now: () => number) {
  const kept = new Map<number, Sequence>()
  let lastId = 0

  function neighbours(ids: readonly number[]): Map<number, SequenceNeighbour> {
    if (ids.length === 0) return new Map()
    const rows = db
      .select({ id: stores.id, clientName: stores.clientName, storeName: stores.storeName, country: stores.country })
      .from(stores)
      .where(inArray(stores.id, [...ids]))
      .all()
    return new Map(rows.map((row) => [row.id, row]))
  }

  /** The nearest store still in the portfolio from `from` on, stepping by `step`. */
  function nearest(sequence: Sequence, from: number, step: 1 | -1): SequenceNeighbour | null {
    // Stores deleted since the list was made are stepped over, a handful at a time.
    for (let at = from; at >= 0 && at < sequence.ids.length; at += step * 20) {
      const stretch = step === 1 ? sequence.ids.slice(at, at + 20) : sequence.ids.slice(Math.max(at - 19, 0), at + 1).reverse()
      const found = neighbours(stretch)
      const id = stretch.find((candidate) => found.has(candidate))
      if (id !== undefined) return found.get(id)!
    }
    return null
  }

  return {
    start(start: SequenceStart): SequenceStarted {
      const ids = sequenceIds(db, start, now())
      const sequenceId = ++lastId
      kept.set(sequenceId, { origin: start.origin, ids, indexOf: new Map(ids.map((id, index) => [id, index])) })
      for (const old of kept.keys()) if (kept.size > KEPT_SEQUENCES) kept.delete(old)
      return { sequenceId, total: ids.length }
    },

    /** Where a store stands in a list and who comes before and after it; null when the list does not hold it (or is gone). */
    around(sequenceId: number, storeId: number): SequencePosition | null {
      const sequence = kept.get(sequenceId)
      const index = sequence?.indexOf.get(storeId)
      if (!sequence || index === undefined) return null
      return {
        sequenceId,
        origin: sequence.origin,
        index,
        total: sequence.ids.length,
        previous: nearest(sequence, index - 1, -1),
        next: nearest(sequence, index + 1, 1)
      }
    }
  }
}

export type StoreSequences = ReturnType<typeof createStoreSequences>
