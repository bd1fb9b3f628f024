/** The real core on a test database, with fakes for what the OS provides. */
import os from 'node:os'
import path from 'node:path'
import { createAppCore } from '../../electron/core/app-core'
import type { AppCore, AppCoreDeps } from '../../electron/core/app-core'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import type { Broadcast, NotificationOutcome, NotificationRequest, Notifier, Ticker } from '../../electron/core/ports'
import { silentLogger } from '../../electron/core/ports'
import type { EventName } from '../../electron/shared/ipc-contract'
import type { StoreDetail } from '../../electron/shared/portfolio'
import { FakeClock } from './test-database'

/** Remembers every notification; can be told to fail like an unsigned macOS build. */
export class FakeNotifier implements Notifier {
  shown: NotificationRequest[] = []
  failWith: string | null = null
  async show(request: NotificationRequest): Promise<NotificationOutcome> {
    this.shown.push(request)
    return this.failWith ? { delivered: false, error: this.failWith } : { delivered: true }
  }
}

/** Timers that only tick when the test says so. */
export class FakeTicker implements Ticker {
  private readonly ticks = new Set<() => void>()
  every(_intervalMs: number, tick: () => void): () => void {
    this.ticks.add(tick)
    return () => this.ticks.delete(tick)
  }
  tick(): void {
    for (const tick of [...this.ticks]) tick()
  }
  get running(): number {
    return this.ticks.size
  }
}

export interface BroadcastRecord {
  event: EventName
  payload: unknown
}

export interface TestCore extends AppCore {
  clock: FakeClock
  notifier: FakeNotifier
  ticker: FakeTicker
  broadcasts: BroadcastRecord[]
  /** What the store page gets: the store, its history, records, verdict and reminders. */
  detail(id: number): StoreDetail
}

export function createTestCore(database: DatabaseHandle, overrides: Partial<AppCoreDeps> & { clock?: FakeClock } = {}): TestCore {
  const clock = overrides.clock ?? new FakeClock()
  const notifier = new FakeNotifier()
  const ticker = new FakeTicker()
  const broadcasts: BroadcastRecord[] = []
  const broadcast: Broadcast = (event, payload) => broadcasts.push({ event, payload })
  const core = createAppCore({
    database,
    clock,
    logger: silentLogger,
    actor: { name: () => 'aisha' },
    fileSaver: { saveText: async () => ({ saved: false }) },
    notifier,
    ticker,
    broadcast,
    kamTimeZone: () => 'Asia/Singapore',
    appInfo: { version: 'test', dataDir: os.tmpdir(), databasePath: path.join(os.tmpdir(), 'storewatch.db') },
    ...overrides
  })
  const detail = (id: number) => core.handlers['stores:get']({ id }, { emit: () => undefined }) as StoreDetail
  return { ...core, clock, notifier, ticker, broadcasts, detail }
}
