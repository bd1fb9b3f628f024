/** Real SQLite databases in temp folders, opened the way the app opens them. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../electron/core/db/open-database'
import type { DatabaseHandle, OpenDatabaseOptions } from '../../electron/core/db/open-database'
import type { Clock } from '../../electron/core/ports'
import { silentLogger } from '../../electron/core/ports'

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '../../drizzle')

export function makeTempDir(prefix = 'storewatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private current = Date.parse('2026-11-27T02:00:00Z')) {}
  now(): number {
    return this.current
  }
  set(instant: number | string): void {
    this.current = typeof instant === 'string' ? Date.parse(instant) : instant
  }
  advance(ms: number): void {
    this.current += ms
  }
}

export interface TestDatabase extends DatabaseHandle {
  dir: string
  filePath: string
}

export function openTestDatabase(
  options: Partial<OpenDatabaseOptions> & { dir?: string } = {}
): TestDatabase {
  const dir = options.dir ?? makeTempDir()
  const filePath = options.filePath ?? path.join(dir, 'storewatch.db')
  const handle = openDatabase({
    filePath,
    migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER,
    backupDir: options.backupDir ?? path.join(dir, 'backups'),
    appVersion: options.appVersion ?? '0.0.0-test',
    clock: options.clock ?? new FakeClock(),
    logger: options.logger ?? silentLogger,
    busyTimeoutMs: options.busyTimeoutMs
  })
  return { ...handle, dir, filePath }
}
