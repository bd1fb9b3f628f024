/** One way for the benchmarks to open the app's core on a fresh database. */
import path from 'node:path'
import { createAppCore } from '../../electron/core/app-core'
import type { AppCore, AppCoreDeps } from '../../electron/core/app-core'
import { openDatabase } from '../../electron/core/db/open-database'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { silentLogger, systemClock } from '../../electron/core/ports'
import { testImportWorkers } from '../support/import-workers'
import { backupsBeside } from '../support/test-core'
import { MIGRATIONS_DIR } from '../support/web-host'

/** A real app core on a fresh database in `dir`, on the system clock, with nothing shown or saved. */
export function openBenchCore(dir: string, extra: Partial<Pick<AppCoreDeps, 'secretStore' | 'lazadaHosts' | 'clock' | 'broadcast'>> = {}): { database: DatabaseHandle; core: AppCore } {
  const databasePath = path.join(dir, 'storewatch.db')
  const clock = extra.clock ?? systemClock
  const database = openDatabase({
    filePath: databasePath,
    migrationsFolder: MIGRATIONS_DIR,
    backupDir: path.join(dir, 'backups'),
    appVersion: 'bench',
    clock,
    logger: silentLogger
  })
  const core = createAppCore({
    database,
    backups: backupsBeside(database, clock),
    clock,
    logger: silentLogger,
    actor: { name: () => 'bench' },
    fileSaver: { saveText: async () => ({ saved: false }) },
    notifier: { show: async () => ({ delivered: true }) },
    ticker: { every: () => () => undefined },
    broadcast: () => undefined,
    kamTimeZone: () => 'Asia/Singapore',
    appInfo: { version: 'bench', dataDir: dir, databasePath },
    // The worker built from the source, as the tests run it (the app runs the same code bundled by electron-vite).
    importWorkers: testImportWorkers(),
    ...extra
  })
  return { database, core }
}
