/** Seeded randomness for the team's property and soak tests: every run of a seed does the same. */
import type Database from 'better-sqlite3'

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, list: readonly T[]): T | undefined {
  return list.length ? list[Math.floor(random() * list.length)] : undefined
}

/** The ids a query lists, e.g. the stores a random step may touch. */
export function rowIds(sqlite: Database.Database, sql: string): number[] {
  return sqlite.prepare(sql).pluck().all() as number[]
}
