/**
 * Moves a data file out of the way without deleting it: `storewatch.db` and its `-wal` and `-shm`
 * go to the set-aside folder under one timestamped name, e.g.
 * `storewatch-2026-12-01T09-00-00-000Z-damaged.db` (+ `-wal`), where support can still open them.
 */
import fs from 'node:fs'
import path from 'node:path'

const COMPANIONS = ['', '-wal', '-shm'] as const

export type SetAsideReason = 'damaged' | 'before-restore' | 'empty' | 'orphan-wal'

/** The files of a database that exist now (the main file, its WAL and shared memory). */
export function existingParts(databasePath: string): string[] {
  return COMPANIONS.map((suffix) => databasePath + suffix).filter((file) => fs.existsSync(file))
}

/**
 * Moves every existing part of `databasePath` into `dir`; returns the set-aside path of the main
 * file (or of what was there), or null when nothing existed.
 */
export function setAside(databasePath: string, dir: string, reason: SetAsideReason, at: number): string | null {
  const parts = existingParts(databasePath)
  if (parts.length === 0) return null
  fs.mkdirSync(dir, { recursive: true })
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-')
  let base = path.join(dir, `storewatch-${stamp}-${reason}.db`)
  for (let n = 2; COMPANIONS.some((suffix) => fs.existsSync(base + suffix)); n++) base = path.join(dir, `storewatch-${stamp}-${reason}-${n}.db`)
  for (const suffix of COMPANIONS) {
    const from = databasePath + suffix
    if (fs.existsSync(from)) fs.renameSync(from, base + suffix)
  }
  return base
}

/** Undoes `setAside` (a restore that could not open its copy puts the previous file back). */
export function putBack(setAsidePath: string, databasePath: string): void {
  for (const suffix of COMPANIONS) {
    const from = setAsidePath + suffix
    if (fs.existsSync(from)) fs.renameSync(from, databasePath + suffix)
  }
}
