/** Shared setup for the monitoring tests: a real core on a temp database, driven by a fake clock. */
import type { AppCoreDeps } from '../../../electron/core/app-core'
import { RecordingLogger } from '../../support/recording-logger'
import type { StoreInputDraft } from '../../../electron/shared/store-fields'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

export const MINUTE = 60 * 1000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Midnight at the start of a Singapore calendar day, e.g. `sgMidnight('2026-12-15')`. */
export function sgMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`)
}

export interface World {
  database: TestDatabase
  clock: FakeClock
  core: TestCore
  logger: RecordingLogger
}

export function openWorld(start: string | number, overrides: Omit<Partial<AppCoreDeps>, 'clock'> = {}): World {
  const clock = new FakeClock(typeof start === 'string' ? Date.parse(start) : start)
  const database = openTestDatabase({ clock })
  const logger = new RecordingLogger()
  const core = createTestCore(database, { logger, ...overrides, clock })
  return { database, clock, core, logger }
}

/** The same database file opened again by a new core: the app restarted. */
export function restart(world: World): World {
  world.core.monitoring.stop()
  world.database.close()
  const database = openTestDatabase({ dir: world.database.dir, filePath: world.database.filePath, clock: world.clock })
  const logger = new RecordingLogger()
  const core = createTestCore(database, { clock: world.clock, logger })
  return { database, clock: world.clock, core, logger }
}

let codes = 0

/**
 * A store subscribed for half a year until `endAt`, authorized when the subscription started and
 * reconnected: healthy until its reminder window opens.
 */
export function subscribedStore(core: TestCore, endAt: number, draft: Partial<StoreInputDraft> = {}): number {
  const country = draft.country ?? 'SG'
  const store = core.stores.create(storeInput({ sellerShortCode: `${country}T${(++codes).toString().padStart(6, '0')}`, ...draft }))
  const startAt = endAt - 182 * DAY
  core.records.saveSubscription(store.id, { serviceVersion: 'authorization-only', period: 'half-year', startAt, endAt, source: 'kam' })
  core.records.recordAuthorization(store.id, {
    authorizedAt: startAt + HOUR,
    method: 'recorded-by-kam',
    account: null,
    country: null,
    refreshDeadlineAt: null,
    note: null,
    reconnected: true
  })
  return store.id
}

/** Renews a store's subscription: a new End Time (and Start Time), the way the KAM records it. */
export function renew(core: TestCore, storeId: number, endAt: number): void {
  core.records.saveSubscription(storeId, { serviceVersion: 'authorization-only', period: 'half-year', startAt: endAt - 182 * DAY, endAt, source: 'kam' })
}

/** Lets promises started by ticks and triggers settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
}

export function titles(core: TestCore): string[] {
  return core.notifier.shown.map((n) => n.title)
}

export function runCount(world: World): number {
  return world.database.sqlite.prepare('SELECT count(*) FROM check_runs').pluck().get() as number
}
