/**
 * The database schema. Change it here, then run `npm run db:generate` to add a migration to
 * `drizzle/`; never edit a migration that has landed.
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { FieldChange, HistoryKind } from '../../shared/portfolio'
import type { ContactChannel } from '../../shared/store-fields'

export const stores = sqliteTable(
  'stores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientName: text('client_name').notNull(),
    storeName: text('store_name').notNull(),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text('country').notNull(),
    /** Upper case; the store's key within its country when present. */
    sellerShortCode: text('seller_short_code'),
    sellerId: text('seller_id'),
    /** Lower case; the key within the country when there is no short code. */
    loginEmail: text('login_email'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactChannel: text('contact_channel').$type<ContactChannel>(),
    omsStoreRef: text('oms_store_ref'),
    ownerKam: text('owner_kam'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    notes: text('notes'),
    /** Lower-cased text of the searchable fields, kept by the store repository on every write. */
    searchText: text('search_text').notNull().default(''),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('stores_country_short_code_unique')
      .on(t.country, t.sellerShortCode)
      .where(sql`${t.sellerShortCode} IS NOT NULL`),
    uniqueIndex('stores_country_login_email_unique')
      .on(t.country, t.loginEmail)
      .where(sql`${t.sellerShortCode} IS NULL AND ${t.loginEmail} IS NOT NULL`),
    index('stores_client_name_idx').on(t.clientName),
    index('stores_owner_kam_idx').on(t.ownerKam)
  ]
)

export const storeHistory = sqliteTable(
  'store_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').$type<HistoryKind>().notNull(),
    summary: text('summary').notNull(),
    changes: text('changes', { mode: 'json' }).$type<FieldChange[]>().notNull().default(sql`'[]'`)
  },
  (t) => [index('store_history_store_at_idx').on(t.storeId, t.at)]
)

/** Small facts about the database itself, such as which app version last wrote it. */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})
