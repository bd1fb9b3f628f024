/**
 * The database schema. Change it here, then run `npm run db:generate` to add a migration to
 * `drizzle/`; never edit a migration that has landed.
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { AttemptMode, AttemptOutcome } from '../../shared/authorization'
import type { RunStatus, StepId, SubscriptionDates, TickSource } from '../../shared/checklists'
import type { LazadaSubscriptionState, RemoteCheckSummary, TokenState } from '../../shared/lazada'
import type { CheckTrigger, ReminderState } from '../../shared/monitoring'
import type { FieldChange, HistoryKind } from '../../shared/portfolio'
import type { AuthorizationMethod, DateSource, ServiceVersion, SubscriptionPeriod } from '../../shared/records'
import type { DeadlineKind, NextAction, Playbook, StoreStatus } from '../../shared/status'
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

/** A store's current Service Market subscription; earlier ones live on in its history. */
export const subscriptions = sqliteTable('subscriptions', {
  storeId: integer('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  serviceVersion: text('service_version').$type<ServiceVersion>().notNull(),
  period: text('period').$type<SubscriptionPeriod>().notNull(),
  startAt: integer('start_at'),
  endAt: integer('end_at'),
  source: text('source').$type<DateSource>().notNull(),
  checkedAt: integer('checked_at'),
  updatedAt: integer('updated_at').notNull()
})

/** Every authorization a store's seller gave, and whether the store was reconnected after it. */
export const authorizations = sqliteTable(
  'authorizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    authorizedAt: integer('authorized_at').notNull(),
    method: text('method').$type<AuthorizationMethod>().notNull(),
    account: text('account'),
    country: text('country'),
    refreshDeadlineAt: integer('refresh_deadline_at'),
    reconnectedAt: integer('reconnected_at'),
    reconnectedBy: text('reconnected_by'),
    note: text('note'),
    recordedAt: integer('recorded_at').notNull()
  },
  (t) => [index('authorizations_store_at_idx').on(t.storeId, t.authorizedAt)]
)

/** The status the last evaluation derived, so changes can be told and listed fast. */
export const storeStatus = sqliteTable(
  'store_status',
  {
    storeId: integer('store_id')
      .primaryKey()
      .references(() => stores.id, { onDelete: 'cascade' }),
    status: text('status').$type<StoreStatus>().notNull(),
    reason: text('reason').notNull(),
    deadlineAt: integer('deadline_at'),
    deadlineKind: text('deadline_kind').$type<DeadlineKind>(),
    nextAction: text('next_action', { mode: 'json' }).$type<NextAction | null>(),
    computedAt: integer('computed_at').notNull()
  },
  (t) => [index('store_status_status_idx').on(t.status), index('store_status_deadline_idx').on(t.deadlineAt)]
)

/** The KAM's settings, one JSON value per section (policy, schedule, reminders). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull()
})

export const checkRuns = sqliteTable(
  'check_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trigger: text('trigger').$type<CheckTrigger>().notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    storesChecked: integer('stores_checked').notNull().default(0),
    statusChanges: integer('status_changes').notNull().default(0),
    remindersFired: integer('reminders_fired').notNull().default(0),
    errors: text('errors', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** What the run asked Lazada; null for runs without Lazada credentials (and older runs). */
    remote: text('remote', { mode: 'json' }).$type<RemoteCheckSummary | null>(),
    /** Stores by status (archived ones apart) when the run finished; null for older runs and failed ones. */
    statusCounts: text('status_counts', { mode: 'json' }).$type<Partial<Record<StoreStatus, number>> | null>()
  },
  (t) => [index('check_runs_started_idx').on(t.startedAt)]
)

/**
 * One row per reminder rung that came due, ever: the unique key (store, deadline, rung) is what
 * makes each rung fire once across restarts, catch-ups and clock changes.
 */
export const reminders = sqliteTable(
  'reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    deadlineKind: text('deadline_kind').$type<DeadlineKind>().notNull(),
    deadlineAt: integer('deadline_at').notNull(),
    rungDays: integer('rung_days').notNull(),
    dueAt: integer('due_at').notNull(),
    state: text('state').$type<ReminderState>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    firedAt: integer('fired_at').notNull(),
    deliveredAt: integer('delivered_at'),
    readAt: integer('read_at'),
    runId: integer('run_id'),
    deliveryError: text('delivery_error')
  },
  (t) => [
    uniqueIndex('reminders_rung_unique').on(t.storeId, t.deadlineKind, t.deadlineAt, t.rungDays),
    index('reminders_fired_idx').on(t.firedAt),
    index('reminders_state_idx').on(t.state)
  ]
)

export const reminderSnoozes = sqliteTable('reminder_snoozes', {
  storeId: integer('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  until: integer('until').notNull(),
  createdAt: integer('created_at').notNull()
})

/**
 * A store's runs of a checklist (a playbook). One run per store and playbook may be open; finished
 * and cancelled runs stay, with their steps, as the store's record of what was done.
 */
export const checklistRuns = sqliteTable(
  'checklist_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    playbook: text('playbook').$type<Playbook>().notNull(),
    playbookVersion: integer('playbook_version').notNull(),
    /** The store's country when the run started (its steps and link follow it). */
    country: text('country').notNull(),
    status: text('status').$type<RunStatus>().notNull(),
    startedAt: integer('started_at').notNull(),
    startedBy: text('started_by').notNull(),
    endedAt: integer('ended_at'),
    endedBy: text('ended_by'),
    endNote: text('end_note')
  },
  (t) => [
    uniqueIndex('checklist_runs_one_open').on(t.storeId, t.playbook).where(sql`${t.status} = 'open'`),
    index('checklist_runs_store_idx').on(t.storeId, t.startedAt)
  ]
)

/** The steps of a run as they were when it started, with who ticked them, notes and captured values. */
export const checklistRunSteps = sqliteTable(
  'checklist_run_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => checklistRuns.id, { onDelete: 'cascade' }),
    stepId: text('step_id').$type<StepId>().notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    doneAt: integer('done_at'),
    doneBy: text('done_by'),
    doneVia: text('done_via').$type<TickSource>(),
    note: text('note'),
    noteAt: integer('note_at'),
    noteBy: text('note_by'),
    values: text('values', { mode: 'json' }).$type<SubscriptionDates>()
  },
  (t) => [uniqueIndex('checklist_run_steps_unique').on(t.runId, t.stepId)]
)

/**
 * Each time the KAM opened Lazada's authorization page for a store (window) or copied the link
 * for the seller (link). Only a SHA-256 of the one-time `state` is kept, never the state itself.
 */
export const authorizationAttempts = sqliteTable(
  'authorization_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    mode: text('mode').$type<AttemptMode>().notNull(),
    /** Hex SHA-256 of the state sent to Lazada. */
    stateHash: text('state_hash').notNull(),
    /** The country sent to Lazada (the store's, upper case). */
    country: text('country').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    expiresAt: integer('expires_at').notNull(),
    outcome: text('outcome').$type<AttemptOutcome>().notNull(),
    outcomeAt: integer('outcome_at'),
    /** Why it was refused or abandoned, in words for the KAM (never the code or the state). */
    outcomeReason: text('outcome_reason'),
    /** When the state was spent: on capture or on a refusal that invalidated it. */
    usedAt: integer('used_at'),
    /** The authorization recorded from this attempt. */
    authorizationId: integer('authorization_id').references(() => authorizations.id, { onDelete: 'set null' }),
    /** The venture the seller picked, when the callback says. */
    authorizedCountry: text('authorized_country')
  },
  (t) => [uniqueIndex('authorization_attempts_state_unique').on(t.stateHash), index('authorization_attempts_store_idx').on(t.storeId, t.createdAt)]
)

/**
 * Secrets of the app itself (the Lazada app secret), as the SecretStore sealed them: ciphertext
 * and the backend that made it, never the value (SECRET-01, SECRET-04).
 */
export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  /** Base64 ciphertext from the SecretStore. */
  ciphertext: text('ciphertext').notNull(),
  /** The SecretStore backend that encrypted it (`keychain`, `dpapi`, `gnome_libsecret`, `basic_text` …). */
  backend: text('backend').notNull(),
  /** When the KAM agreed to keep it on a backend without real protection (SECRET-02); null if protected. */
  unprotectedConsentAt: integer('unprotected_consent_at'),
  updatedAt: integer('updated_at').notNull()
})

/**
 * Lazada's own answer about a store's Service Market subscription (`/service/market/subs/query`),
 * kept next to the KAM's record in `subscriptions`, which it never overwrites. An answer counts
 * only while the store still has the country and short code it was asked for.
 */
export const lazadaSubscriptions = sqliteTable('lazada_subscriptions', {
  storeId: integer('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  /** The country and short code asked for. */
  country: text('country').notNull(),
  shortCode: text('short_code').notNull(),
  articleCode: text('article_code').notNull(),
  /** Null until Lazada answered once. */
  state: text('state').$type<LazadaSubscriptionState>(),
  endAt: integer('end_at'),
  itemName: text('item_name'),
  autoRenew: integer('auto_renew', { mode: 'boolean' }),
  /** When the answer above was given. */
  checkedAt: integer('checked_at'),
  /** The last failed query, cleared by the next answer. */
  errorCause: text('error_cause'),
  errorMessage: text('error_message'),
  errorAt: integer('error_at')
})

/**
 * Tokens from an in-app code exchange, one pair per store: the pair is sealed as one ciphertext so
 * old and new are swapped in one write. Deadlines are absolute instants from Lazada's answer.
 */
export const lazadaTokens = sqliteTable('lazada_tokens', {
  storeId: integer('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  /** The authorization the exchange recorded; its `refresh_deadline_at` follows these tokens. */
  authorizationId: integer('authorization_id').references(() => authorizations.id, { onDelete: 'set null' }),
  /** Base64 ciphertext of the access and refresh token together. */
  ciphertext: text('ciphertext').notNull(),
  backend: text('backend').notNull(),
  /** The venture the token was granted for: `SG` … or `CB`. */
  country: text('country').notNull(),
  account: text('account'),
  /** The seller entry that matched the store. */
  sellerId: text('seller_id'),
  shortCode: text('short_code'),
  accessExpiresAt: integer('access_expires_at').notNull(),
  refreshExpiresAt: integer('refresh_expires_at'),
  /** Lazada answered AUTH_TYPE_UNSUPPORTED: the token lasts as long as the subscription. */
  marketBound: integer('market_bound', { mode: 'boolean' }).notNull().default(false),
  state: text('state').$type<TokenState>().notNull(),
  stateReason: text('state_reason'),
  obtainedAt: integer('obtained_at').notNull(),
  refreshedAt: integer('refreshed_at'),
  probedAt: integer('probed_at'),
  updatedAt: integer('updated_at').notNull()
})

/**
 * One bulk action (issue #10) as it can be undone: the stores it changed and each one's value
 * before, as the action's own JSON (see electron/core/bulk/bulk-undo.ts). `historyMark` is the
 * newest history entry when it committed: a later entry on one of its stores (an edit) means
 * undo can no longer restore exactly, and is refused.
 */
export const bulkActions = sqliteTable(
  'bulk_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    storeIds: text('store_ids', { mode: 'json' }).$type<number[]>().notNull(),
    prior: text('prior', { mode: 'json' }).$type<unknown>().notNull(),
    historyMark: integer('history_mark').notNull(),
    undoneAt: integer('undone_at')
  },
  (t) => [index('bulk_actions_at_idx').on(t.at)]
)

/**
 * Team sync, the laptop's side (issue #12; docs/team-sync.md). All of these stay on the laptop and
 * stay empty while no team is joined.
 *
 * `team_uids` names a local row of a shared table across replicas. The mapping outlives the row: a
 * deleted row's uid stays as its tombstone, so a later change to that uid is ignored.
 */
export const teamUids = sqliteTable(
  'team_uids',
  {
    tableName: text('table_name').notNull(),
    localId: integer('local_id').notNull(),
    uid: text('uid').notNull()
  },
  (t) => [uniqueIndex('team_uids_local_unique').on(t.tableName, t.localId), uniqueIndex('team_uids_uid_unique').on(t.tableName, t.uid)]
)

/**
 * Local changes to shared rows, as the capture triggers wrote them, in order. A row stays until the
 * team's order hands it back (its echo), so a pushed change not yet seen back still counts as pending.
 */
export const teamOutbox = sqliteTable(
  'team_outbox',
  {
    clientSeq: integer('client_seq').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    localId: integer('local_id').notNull(),
    op: text('op').$type<'insert' | 'update' | 'delete'>().notNull(),
    /** The columns the change set (JSON object of SQLite values); null for a delete. */
    fields: text('fields')
  },
  (t) => [index('team_outbox_row_idx').on(t.tableName, t.localId)]
)

/** The replica's own facts: client id, joined flag, last pulled seq, last pushed client seq. */
export const teamState = sqliteTable('team_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull()
})

/** Holds one row while a remote change is applied, so the capture triggers stay silent. */
export const teamApplying = sqliteTable('team_applying', {
  marker: integer('marker').primaryKey()
})

/**
 * Two stores with the same key (country and short code, or country and login e-mail): the held one
 * keeps its key here, not in `stores`, until the KAM merges them or changes one.
 */
export const teamMergeOffers = sqliteTable(
  'team_merge_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    heldStoreId: integer('held_store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    holderStoreId: integer('holder_store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** The key fields the held store would have, by SQLite column name. */
    heldKey: text('held_key', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The team seq of the change that met the conflict. */
    seq: integer('seq').notNull()
  },
  (t) => [index('team_merge_offers_held_idx').on(t.heldStoreId)]
)

/**
 * The team's PostgreSQL connection as Settings → Team saved it (issue #12): one row, on this laptop
 * only, never shared. The password is not here: it is sealed in `secrets` by the SecretStore.
 */
export const teamConnection = sqliteTable('team_connection', {
  /** Always 1: there is one connection. */
  id: integer('id').primaryKey(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  database: text('database').notNull(),
  user: text('user').notNull(),
  tls: text('tls').$type<'verify-full' | 'disable'>().notNull(),
  caFile: text('ca_file'),
  /** What Postgres said at the last preview or join: the role's team and `current_user`. */
  teamName: text('team_name'),
  role: text('role'),
  updatedAt: integer('updated_at').notNull()
})

/** Stores this person watches (issue #12): their reminders cover them as if they owned them. Local, never shared. */
export const storeWatches = sqliteTable('store_watches', {
  storeId: integer('store_id')
    .primaryKey()
    .references(() => stores.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull()
})
