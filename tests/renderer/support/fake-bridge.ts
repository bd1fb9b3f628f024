/**
 * A bridge built by the real `createBridge` over an in-memory transport, so the renderer is tested
 * against the contract's shape: every payload is checked with the contract's zod schema (as main
 * does) and a test fails if the renderer sent one main would refuse.
 */
import { createBridge } from '../../../electron/shared/bridge'
import type { BridgeTransport } from '../../../electron/shared/bridge'
import { countryInfo, isCoveredCountry } from '../../../electron/shared/countries'
import type { ImportCommitResult, ImportPreview } from '../../../electron/shared/csv-import'
import { ipcContract } from '../../../electron/shared/ipc-contract'
import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../../electron/shared/ipc-contract'
import type { PortfolioQuery, Store, StoreHistoryEntry } from '../../../electron/shared/portfolio'
import { fail, ok } from '../../../electron/shared/result'
import type { Result } from '../../../electron/shared/result'
import { BLANK_STORE_INPUT } from '../../../electron/shared/store-fields'
import type { StoreInput } from '../../../electron/shared/store-fields'

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>

export interface Call {
  channel: Channel
  input: unknown
}

export const TEST_NOW = Date.parse('2026-11-27T08:00:00Z')

let storeSeq = 100

export function makeStore(overrides: Partial<Store> = {}): Store {
  const id = overrides.id ?? ++storeSeq
  const country = overrides.country ?? 'SG'
  return {
    ...BLANK_STORE_INPUT,
    id,
    clientName: 'Acme Pte Ltd',
    storeName: `Acme Official ${id}`,
    country,
    sellerShortCode: `SG${String(id).padStart(6, '0')}`,
    loginEmail: `store${id}@acme.example`,
    status: overrides.archivedAt ? 'archived' : isCoveredCountry(country) ? 'active' : 'out-of-scope',
    archivedAt: null,
    createdAt: TEST_NOW - 86_400_000,
    updatedAt: TEST_NOW - 3_600_000,
    ...overrides
  }
}

export function makePreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    previewId: 'preview-1',
    fileName: 'stores.csv',
    delimiter: ',',
    rowCount: 3,
    newCount: 3,
    conflictCount: 0,
    errorRowCount: 0,
    outOfScopeCount: 0,
    recognizedColumns: ['client_name', 'store_name', 'country', 'seller_short_code'],
    ignoredColumns: [],
    fileProblems: [],
    problems: [],
    conflicts: [],
    canImport: true,
    ...overrides
  }
}

function matchesQuery(store: Store, query: PortfolioQuery): boolean {
  if (query.statuses.length && !query.statuses.includes(store.status)) return false
  if (query.countries.length && !query.countries.includes(store.country)) return false
  if (query.owners.length && !query.owners.includes(store.ownerKam ?? '')) return false
  if (query.tags.length && !store.tags.some((t) => query.tags.includes(t))) return false
  const text = [store.clientName, store.storeName, store.country, store.sellerShortCode, store.loginEmail, store.ownerKam, ...store.tags]
    .join(' ')
    .toLowerCase()
  return query.search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word))
}

function compare(a: Store, b: Store, query: PortfolioQuery): number {
  const { column, direction } = query.sort
  const x = a[column] ?? ''
  const y = b[column] ?? ''
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
  return (direction === 'asc' ? order : -order) || a.id - b.id
}

export class FakeBridge {
  readonly calls: Call[] = []
  /** Payloads the contract refused: the renderer sent something main would not accept. */
  readonly violations: string[] = []
  stores: Store[]
  history = new Map<number, StoreHistoryEntry[]>()
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private readonly handlers = new Map<Channel, (input: unknown) => Promise<Result<unknown>> | Result<unknown>>()

  constructor(stores: Store[] = []) {
    this.stores = stores
    this.installDefaults()
  }

  /** Answers `channel` with `handler` instead of the in-memory portfolio. */
  handle<C extends Channel>(channel: C, handler: Handler<C>): void {
    this.handlers.set(channel, handler as (input: unknown) => Promise<Result<unknown>>)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload)
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0
  }

  inputsTo<C extends Channel>(channel: C): ChannelParsedInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelParsedInput<C>)
  }

  lastInputTo<C extends Channel>(channel: C): ChannelParsedInput<C> | undefined {
    return this.inputsTo(channel).at(-1)
  }

  readonly transport: BridgeTransport = {
    invoke: async (channel, input) => {
      const parsed = ipcContract[channel].input.safeParse(input)
      if (!parsed.success) {
        this.violations.push(`${channel}: ${parsed.error.message}`)
        return fail('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid request')
      }
      this.calls.push({ channel, input: parsed.data })
      const handler = this.handlers.get(channel)
      if (!handler) return fail('unknown-channel', `No fake handler for ${channel}`)
      return handler(parsed.data)
    },
    subscribe: (event, listener) => {
      const set = this.listeners.get(event) ?? new Set()
      set.add(listener)
      this.listeners.set(event, set)
      return () => set.delete(listener)
    }
  }

  private find(id: number): Store | undefined {
    return this.stores.find((s) => s.id === id)
  }

  private saveStore(id: number, input: StoreInput, existing?: Store): Store {
    const store: Store = {
      ...input,
      id,
      status: existing?.archivedAt ? 'archived' : isCoveredCountry(input.country) ? 'active' : 'out-of-scope',
      archivedAt: existing?.archivedAt ?? null,
      createdAt: existing?.createdAt ?? TEST_NOW,
      updatedAt: TEST_NOW
    }
    this.stores = existing ? this.stores.map((s) => (s.id === id ? store : s)) : [...this.stores, store]
    return store
  }

  private duplicateOf(input: StoreInput, exceptId?: number): Store | undefined {
    return this.stores.find(
      (s) => s.id !== exceptId && s.country === input.country && !!input.sellerShortCode && s.sellerShortCode === input.sellerShortCode
    )
  }

  private setArchived(id: number, archived: boolean): Result<Store> {
    const store = this.find(id)
    if (!store) return fail('not-found', `Store #${id} does not exist; it may have been deleted`)
    const next: Store = {
      ...store,
      archivedAt: archived ? TEST_NOW : null,
      status: archived ? 'archived' : isCoveredCountry(store.country) ? 'active' : 'out-of-scope'
    }
    this.stores = this.stores.map((s) => (s.id === id ? next : s))
    return ok(next)
  }

  private installDefaults(): void {
    this.handle('app:info', () => ok({ version: '0.1.0-test', dataDir: '/tmp/storewatch-test', databasePath: '/tmp/storewatch-test/storewatch.db' }))
    this.handle('stores:list', (query) => {
      const unique = (values: string[]) => [...new Set(values)].sort()
      return ok({
        stores: this.stores.filter((s) => matchesQuery(s, query)).sort((a, b) => compare(a, b, query)),
        portfolioSize: this.stores.length,
        facets: {
          countries: unique(this.stores.map((s) => s.country)),
          owners: unique(this.stores.flatMap((s) => (s.ownerKam ? [s.ownerKam] : []))),
          tags: unique(this.stores.flatMap((s) => s.tags))
        }
      })
    })
    this.handle('stores:get', ({ id }) => {
      const store = this.find(id)
      return store ? ok({ store, history: this.history.get(id) ?? [] }) : fail('not-found', `Store #${id} does not exist; it may have been deleted`)
    })
    this.handle('stores:create', ({ store }) => {
      const input = store as StoreInput
      const existing = this.duplicateOf(input)
      if (existing) {
        return fail(
          'duplicate',
          `${countryInfo(input.country).name} already has a store with seller short code ${input.sellerShortCode}: ${existing.clientName} — ${existing.storeName} (${existing.country})`,
          [{ field: 'sellerShortCode', message: 'Already used by another store' }]
        )
      }
      return ok(this.saveStore(++storeSeq, input))
    })
    this.handle('stores:update', ({ id, store }) => {
      const existing = this.find(id)
      if (!existing) return fail('not-found', `Store #${id} does not exist; it may have been deleted`)
      return ok(this.saveStore(id, store as StoreInput, existing))
    })
    this.handle('stores:archive', ({ id }) => this.setArchived(id, true))
    this.handle('stores:restore', ({ id }) => this.setArchived(id, false))
    this.handle('stores:delete', ({ id }) => {
      const before = this.stores.length
      this.stores = this.stores.filter((s) => s.id !== id)
      return ok({ deleted: before - this.stores.length })
    })
    this.handle('stores:export-csv', ({ query }) =>
      ok({ file: { saved: true, path: '/home/kam/storewatch-stores.csv' }, rowCount: this.stores.filter((s) => matchesQuery(s, query)).length })
    )
    this.handle('import:save-template', () => ok({ saved: true, path: '/home/kam/storewatch-import-template.csv' }))
    this.handle('import:preview', ({ fileName }) => ok(makePreview({ fileName })))
    this.handle('import:commit', () => ok<ImportCommitResult>({ created: 3, updated: 0, skipped: 0, outOfScope: 0 }))
    this.handle('import:discard', () => ok(null))
  }
}

let current: FakeBridge | null = null

/** Puts a fresh fake bridge where the preload puts the real one. */
export function installFakeBridge(stores: Store[] = []): FakeBridge {
  current = new FakeBridge(stores)
  window.storewatch = createBridge(current.transport)
  return current
}

export function assertNoContractViolations(): void {
  const violations = current?.violations ?? []
  current = null
  delete window.storewatch
  if (violations.length) throw new Error(`The renderer sent payloads the contract refuses:\n${violations.join('\n')}`)
}

/** A promise the test settles when it wants: for "while main is still working" moments. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
