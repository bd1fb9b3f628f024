/**
 * What the data-safety checks cost on a real portfolio: the full integrity check run at every
 * start (next to the quick check it replaced), and a verified backup (VACUUM INTO, then the copy's
 * own integrity check), each the median of a few runs on the open database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { writeVerifiedBackup } from '../../electron/core/data-safety/backup-files'

const RUNS = 3

function medianMs(runs: number, work: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    times.push(performance.now() - start)
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!)
}

export function dataSafetyFigures(sqlite: Database.Database): { integrityCheckMs: number; quickCheckMs: number; backupMs: number; fileMb: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-backups-'))
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const integrityCheckMs = medianMs(RUNS, () => {
      if (sqlite.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('the bench database is damaged')
    })
    const quickCheckMs = medianMs(RUNS, () => sqlite.pragma('quick_check', { simple: true }))
    let at = Date.now()
    let bytes = 0
    const backupMs = medianMs(RUNS, () => {
      bytes = writeVerifiedBackup(sqlite, { dir, kind: 'manual', at: at++ }).bytes
    })
    return { integrityCheckMs, quickCheckMs, backupMs, fileMb: Number((bytes / 1024 / 1024).toFixed(1)) }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
