/**
 * The portfolio of client stores: create, edit, archive, restore and delete, each change written to
 * the store's history in the same transaction.
 */
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Store } from '../../shared/portfolio'
import { BLANK_STORE_INPUT } from '../../shared/store-fields'
import type { StoreInput } from '../../shared/store-fields'
import type { AppDatabase, DatabaseHandle } from '../db/open-database'
import { storeStatus, stores } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import type { StatusService } from '../status/status-service'
import { countryName, diffStores, searchTextOf, storeLabel } from './store-display'
import type { History, HistoryNote } from './store-history'
import { writeTransaction } from '../db/write-transaction'

export type StoreRow = typeof stores.$inferSelect

export interface StoreServiceDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  status: Pick<StatusService, 'refresh'>
}

/** A store with its stored status: what lists and pages show. */
export const STORE_VIEW_COLUMNS = {
  ...getTableColumns(stores),
  derivedStatus: storeStatus.status,
  statusReason: storeStatus.reason,
  deadlineAt: storeStatus.deadlineAt,
  deadlineKind: storeStatus.deadlineKind
}

/** Stores joined to their status; a store not evaluated yet has no status row. */
export function selectStoreViews(db: AppDatabase) {
  return db.select(STORE_VIEW_COLUMNS).from(stores).leftJoin(storeStatus, eq(storeStatus.storeId, stores.id))
}

export type StoreViewRow = StoreRow & {
  derivedStatus: Store['status'] | null
  statusReason: string | null
  deadlineAt: number | null
  deadlineKind: Store['deadlineKind']
}

export function toStore(row: StoreViewRow): Store {
  return {
    id: row.id,
    clientName: row.clientName,
    storeName: row.storeName,
    country: row.country,
    sellerShortCode: row.sellerShortCode,
    sellerId: row.sellerId,
    loginEmail: row.loginEmail,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    contactChannel: row.contactChannel,
    omsStoreRef: row.omsStoreRef,
    ownerKam: row.ownerKam,
    tags: row.tags,
    notes: row.notes,
    status: row.archivedAt !== null ? 'archived' : (row.derivedStatus ?? 'unknown'),
    statusReason: row.statusReason ?? 'Not checked yet.',
    deadlineAt: row.deadlineAt,
    deadlineKind: row.deadlineKind,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function inputOf(store: StoreRow | Store): StoreInput {
  return {
    clientName: store.clientName,
    storeName: store.storeName,
    country: store.country,
    sellerShortCode: store.sellerShortCode,
    sellerId: store.sellerId,
    loginEmail: store.loginEmail,
    contactName: store.contactName,
    contactEmail: store.contactEmail,
    contactPhone: store.contactPhone,
    contactChannel: store.contactChannel,
    omsStoreRef: store.omsStoreRef,
    ownerKam: store.ownerKam,
    tags: store.tags,
    notes: store.notes
  }
}

/** The key that tells stores apart within a country: the short code, else the login e-mail. */
export function storeKey(input: Pick<StoreInput, 'country' | 'sellerShortCode' | 'loginEmail'>): string | null {
  if (input.sellerShortCode) return `${input.country}|code|${input.sellerShortCode}`
  if (input.loginEmail) return `${input.country}|email|${input.loginEmail}`
  return null
}

export function duplicateMessage(input: StoreInput, existing: StoreRow): string {
  const what = input.sellerShortCode ? `seller short code ${input.sellerShortCode}` : `login e-mail ${input.loginEmail}`
  const archived = existing.archivedAt !== null ? ' (archived — restore it instead)' : ''
  return `${countryName(input.country)} already has a store with ${what}: ${storeLabel(existing)}${archived}`
}

/** `sql` wraps each placeholder so inserts and updates both accept it; values bind as stored (see storeParams). */
const param = (name: string) => sql`${sql.placeholder(name)}`
const INPUT_PARAMS = Object.fromEntries(Object.keys(BLANK_STORE_INPUT).map((key) => [key, param(key)])) as Record<keyof StoreInput, SQL>

function storeParams(input: StoreInput, at: number) {
  return { ...input, tags: JSON.stringify(input.tags), searchText: searchTextOf(input), at }
}

export function createStoreService({ database, clock, actor, history, status }: StoreServiceDeps) {
  const { db, sqlite } = database

  // Built once: drizzle re-renders SQL on every ad-hoc call, ten times the cost of running it,
  // which a 10,000-row import pays twice per row.
  const byId = db.select().from(stores).where(eq(stores.id, sql.placeholder('id'))).prepare()
  const updateStore = db
    .update(stores)
    .set({ ...INPUT_PARAMS, searchText: param('searchText'), updatedAt: param('at') })
    .where(eq(stores.id, sql.placeholder('id')))
    .returning()
    .prepare()
  const viewById = selectStoreViews(db).where(eq(stores.id, sql.placeholder('id'))).prepare()
  function row(id: number): StoreRow {
    const found = byId.get({ id })
    if (!found) throw new AppError('not-found', `Store #${id} does not exist; it may have been deleted`)
    return found
  }
  function view(id: number): Store {
    const found = viewById.get({ id })
    if (!found) throw new AppError('not-found', `Store #${id} does not exist; it may have been deleted`)
    return toStore(found)
  }

  const byShortCode = db
    .select()
    .from(stores)
    .where(and(eq(stores.country, sql.placeholder('country')), eq(stores.sellerShortCode, sql.placeholder('code'))))
    .prepare()
  const byLoginEmail = db
    .select()
    .from(stores)
    .where(and(eq(stores.country, sql.placeholder('country')), isNull(stores.sellerShortCode), eq(stores.loginEmail, sql.placeholder('email'))))
    .prepare()
  const insertStore = db
    .insert(stores)
    .values({ ...INPUT_PARAMS, searchText: param('searchText'), createdAt: param('at'), updatedAt: param('at') })
    .returning()
    .prepare()

  function findByKey(input: Pick<StoreInput, 'country' | 'sellerShortCode' | 'loginEmail'>): StoreRow | undefined {
    if (input.sellerShortCode) return byShortCode.get({ country: input.country, code: input.sellerShortCode })
    if (input.loginEmail) return byLoginEmail.get({ country: input.country, email: input.loginEmail })
    return undefined
  }

  function refuseDuplicate(input: StoreInput, exceptId?: number): void {
    const existing = findByKey(input)
    if (existing && existing.id !== exceptId) {
      throw new AppError('duplicate', duplicateMessage(input, existing), [
        { field: input.sellerShortCode ? 'sellerShortCode' : 'loginEmail', message: 'Already used by another store' }
      ])
    }
  }

  /** Inserts a store, its "created" entry and its first status; callers hold the transaction. */
  function insert(input: StoreInput, note: HistoryNote): StoreRow {
    refuseDuplicate(input)
    const at = clock.now()
    const created = insertStore.get(storeParams(input, at)) as StoreRow
    history.add(created.id, note, diffStores(BLANK_STORE_INPUT, input), at, actor.name())
    status.refresh(created.id)
    return created
  }

  /** Replaces a store's fields and records the changes; callers hold the transaction. */
  function replace(id: number, input: StoreInput, note: HistoryNote): StoreRow {
    const before = row(id)
    refuseDuplicate(input, id)
    const changes = diffStores(inputOf(before), input)
    if (changes.length === 0) return before
    const at = clock.now()
    const updated = updateStore.get({ ...storeParams(input, at), id }) as StoreRow
    history.add(id, note, changes, at, actor.name())
    // The country decides the time zone and whether the rules apply at all.
    if (before.country !== input.country) status.refresh(id)
    return updated
  }

  function setArchived(id: number, archived: boolean): Store {
    return writeTransaction(sqlite, () => {
      const before = row(id)
      if ((before.archivedAt !== null) === archived) return view(id)
      const at = clock.now()
      db.update(stores)
        .set({ archivedAt: archived ? at : null, updatedAt: at })
        .where(eq(stores.id, id))
        .run()
      history.add(
        id,
        archived ? { kind: 'archived', summary: 'Archived' } : { kind: 'restored', summary: 'Restored from the archive' },
        [{ field: 'archived', label: 'Archived', before: archived ? 'No' : 'Yes', after: archived ? 'Yes' : 'No' }],
        at,
        actor.name()
      )
      return view(id)
    })
  }

  return {
    findByKey,
    insert,
    replace,
    /** Runs `work` (inserts, replaces) in one write transaction. */
    writeTransaction<T>(work: () => T): T {
      return writeTransaction(sqlite, work)
    },

    view,

    create(input: StoreInput): Store {
      return writeTransaction(sqlite, () => view(insert(input, { kind: 'created', summary: 'Added to the portfolio' }).id))
    },

    update(id: number, input: StoreInput): Store {
      return writeTransaction(sqlite, () => view(replace(id, input, { kind: 'updated', summary: 'Edited' }).id))
    },

    archive(id: number): Store {
      return setArchived(id, true)
    },

    restore(id: number): Store {
      return setArchived(id, false)
    },

    delete(id: number): { deleted: number } {
      row(id)
      // History rows go with the store (ON DELETE CASCADE); the renderer asked the KAM first.
      db.delete(stores).where(eq(stores.id, id)).run()
      return { deleted: id }
    },

    count(): number {
      return db.select({ n: sql<number>`count(*)` }).from(stores).get()?.n ?? 0
    }
  }
}

export type StoreService = ReturnType<typeof createStoreService>
