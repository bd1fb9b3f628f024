/** The real core on a test database, with fakes for what the OS provides. */
import os from 'node:os'
import path from 'node:path'
import { createAppCore } from '../../electron/core/app-core'
import type { AppCore, AppCoreDeps } from '../../electron/core/app-core'
import { createBackupFolder, createBackups } from '../../electron/core/data-safety/backups'
import type { Backups } from '../../electron/core/data-safety/backups'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { lazadaHostsOptionValue, readLazadaHostsOption } from '../../electron/core/lazada-hosts/start-up-option'
import type { LazadaHostOverride, LazadaHostsOption } from '../../electron/core/lazada-hosts/start-up-option'
import type { Clock } from '../../electron/core/ports'
import type { Broadcast, NotificationOutcome, NotificationRequest, Notifier, SealedSecret, SecretProtection, SecretStore, Ticker } from '../../electron/core/ports'
import { silentLogger } from '../../electron/core/ports'
import type { EventName } from '../../electron/shared/ipc-contract'
import { LAZADA_HOSTS_FLAG } from '../../electron/shared/lazada-hosts'
import type { StoreDetail } from '../../electron/shared/portfolio'
import { testImportWorkers } from './import-workers'
import { FakeClock } from './test-database'

/**
 * The `--lazada-hosts` start-up option for test servers, read by the app's own parser (as main
 * reads its command line): the only way a test points Storewatch at a mock Lazada.
 */
export function lazadaHostsFlag(hosts: LazadaHostOverride): LazadaHostsOption {
  const option = readLazadaHostsOption({ argv: [`${LAZADA_HOSTS_FLAG}=${lazadaHostsOptionValue(hosts)}`], env: {}, cwd: process.cwd(), readFile: () => '' })
  if (option.kind !== 'override') throw new Error(option.kind === 'invalid' ? option.problem : 'no hosts')
  return option
}

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

/**
 * A SecretStore that scrambles with a per-backend key (so ciphertext never contains the value),
 * and can play a weak backend, an unavailable one, a changed keyring or a rotated key.
 */
export class FakeSecretStore implements SecretStore {
  backend = 'gnome_libsecret'
  strong = true
  available = true
  /** The key generation: `rotate()` makes every older ciphertext ask to be re-encrypted. */
  private generation = 1
  sealed = 0
  opened = 0
  /** Fails every seal (a locked keyring). */
  refuseSeal = false

  private static scramble(text: Buffer, key: string): Buffer {
    const k = Buffer.from(key)
    return Buffer.from(text.map((byte, i) => byte ^ k[i % k.length]! ^ 0x5a))
  }

  /** Plays Linux without a keyring: `basic_text`, no real protection. */
  weak(): this {
    this.backend = 'basic_text'
    this.strong = false
    return this
  }

  /** The system's key changed: older ciphertext still opens, with a request to re-encrypt it. */
  rotate(): void {
    this.generation++
  }

  async protection(): Promise<SecretProtection> {
    return { available: this.available, backend: this.backend, strong: this.strong }
  }

  async seal(plain: string): Promise<SealedSecret> {
    if (!this.available || this.refuseSeal) throw new Error('encryption is not available')
    this.sealed++
    const key = `${this.backend}#${this.generation}`
    const body = FakeSecretStore.scramble(Buffer.from(plain, 'utf8'), key).toString('base64')
    return { ciphertext: `v${this.generation}.${body}`, backend: this.backend }
  }

  async open(sealed: SealedSecret): Promise<{ value: string; resealed: SealedSecret | null }> {
    this.opened++
    const match = /^v(\d+)\.(.+)$/.exec(sealed.ciphertext)
    // Another keyring (or damaged text) cannot decrypt it.
    if (!match || sealed.backend !== this.backend) throw new Error('decryption failed')
    const generation = Number(match[1])
    const value = FakeSecretStore.scramble(Buffer.from(match[2]!, 'base64'), `${this.backend}#${generation}`).toString('utf8')
    if (!/^[\x20-\x7e]*$/.test(value)) throw new Error('decryption failed')
    return { value, resealed: generation < this.generation ? await this.seal(value) : null }
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

/** Real verified backups of `database`, in a `backups` folder beside its file. */
export function backupsBeside(database: DatabaseHandle, clock: Clock, timeZone = 'Asia/Singapore'): Backups {
  const dir = path.dirname(database.filePath)
  const folder = createBackupFolder({ dir: path.join(dir, 'backups'), setAsideDir: path.join(dir, 'set-aside'), timeZone: () => timeZone, logger: silentLogger })
  return createBackups({ folder, sqlite: database.sqlite, clock, timeZone: () => timeZone })
}

export function createTestCore(database: DatabaseHandle, overrides: Partial<AppCoreDeps> & { clock?: FakeClock } = {}): TestCore {
  const clock = overrides.clock ?? new FakeClock()
  const notifier = new FakeNotifier()
  const ticker = new FakeTicker()
  const broadcasts: BroadcastRecord[] = []
  const broadcast: Broadcast = (event, payload) => broadcasts.push({ event, payload })
  const core = createAppCore({
    database,
    backups: backupsBeside(database, clock),
    clock,
    logger: silentLogger,
    actor: { name: () => 'aisha' },
    fileSaver: { saveText: async () => ({ saved: false }) },
    notifier,
    ticker,
    broadcast,
    kamTimeZone: () => 'Asia/Singapore',
    appInfo: { version: 'test', dataDir: os.tmpdir(), databasePath: path.join(os.tmpdir(), 'storewatch.db') },
    importWorkers: testImportWorkers(),
    ...overrides
  })
  const detail = (id: number) => core.handlers['stores:get']({ id }, { emit: () => undefined }) as StoreDetail
  return { ...core, clock, notifier, ticker, broadcasts, detail }
}
