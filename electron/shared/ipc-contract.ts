/**
 * The one IPC contract. Main registers a handler per entry (validating `input` with zod), the
 * preload and the browser test host build the bridge from it, and the renderer's client is typed
 * by it. Channel names are `domain:action`; the bridge exposes them as `api.domain.action()`.
 */
import { z } from 'zod'
import { bulkRequestSchema } from './bulk'
import type { BulkResult, BulkUndoResult } from './bulk'
import { confirmAuthorizationsSchema } from './authorization-review'
import type { AuthorizationReview, AuthorizationsConfirmed } from './authorization-review'
import type { AuthorizationAttempt, AuthorizationResult, LinkAttemptStart, WindowAttemptStart } from './authorization'
import { CLIENT_MESSAGE_ACTIONS, PLAYBOOKS, STEP_IDS, subscriptionDatesSchema } from './checklists'
import type { ClientMessage, StoreChecklists } from './checklists'
import type { ClientBulkMessages, ClientMessagesLogged } from './client-messages'
import { COVERED_COUNTRIES } from './countries'
import type { ImportCommitResult, ImportPreview, ImportProgress } from './csv-import'
import type { BackupInfo, BackupList, DataDamage, RestoreResult, StartupState } from './data-safety'
import type { ConnectionTestResult, LazadaCredentialsView, LazadaOverview, SaveSecretResult, StoreLazadaView } from './lazada'
import type { LazadaHostsView } from './lazada-hosts'
import type { CheckRunSummary, Dashboard, NavigateRequest, ReminderCentre, ReminderGroupResult, ReminderList, Snooze, StatusHistory, WorklistPage } from './monitoring'
import { STORE_STATUSES } from './status'
import { STORE_SCOPES } from './my-stores'
import type { ExportResult, PortfolioFacets, SaveFileResult, Store, StoreDetail, StoreIdPage, StorePage } from './portfolio'
import { portfolioQuerySchema, storeSelectionSchema, storeWindowSchema } from './portfolio'
import { authorizationInputSchema, subscriptionInputSchema } from './records'
import { appSettingsSchema } from './settings'
import type { AppSettings } from './settings'
import { storeInputSchema } from './store-fields'
import type { TaskProgress } from './task-progress'
import { resolveMergeSchema, saveTeamConnectionSchema } from './team'
import type { StoreWatch, TeamJoinPreview, TeamMergeOffer, TeamView } from './team'
import type { TeamState } from './team-state'
import { sequenceStartSchema } from './store-sequence'
import type { SequencePosition, SequenceStarted } from './store-sequence'
import { safeText } from './text-rules'
import { LIST_VIEWS, columnPrefsSchema } from './view-prefs'
import type { ColumnPrefs } from './view-prefs'

export interface InvokeSpec<Input extends z.ZodType, Output> {
  /** What the call does, for readers of the contract. */
  doc: string
  input: Input
  /** Type-only marker: the value main answers with. */
  output?: Output
}

function invoke<Output>() {
  return <Input extends z.ZodType>(doc: string, input: Input): InvokeSpec<Input, Output> => ({ doc, input })
}

export interface EventSpec<Payload> {
  doc: string
  payload?: Payload
}

function event<Payload>(doc: string): EventSpec<Payload> {
  return { doc }
}

const noInput = z.undefined()
const storeId = z.number().int().positive()
const runId = z.number().int().positive()
/** The notification centre's filter (see ReminderCentreFilter). */
const reminderCentreFilter = z.strictObject({
  unreadOnly: z.boolean().default(false),
  statuses: z.array(z.enum(STORE_STATUSES)).max(STORE_STATUSES.length).default([]),
  owners: z.array(z.string().max(200).nullable()).max(1000).default([])
})
const reminderGroupKey = z.string().regex(/^(\d+|none):-?\d+$/, { error: 'Not a reminder group' })
const attemptId = z.number().int().positive()
const playbook = z.enum(PLAYBOOKS)
const stepId = z.enum(STEP_IDS)
const optionalNote = (label: string) =>
  safeText({ label, multiline: true })
    .pipe(z.string().max(2000, { error: 'Keep the note under 2000 characters' }))
    .nullish()

export interface AppInfo {
  version: string
  dataDir: string
  databasePath: string
}

const backupName = z
  .string()
  .max(200)
  .regex(/^storewatch-[A-Za-z0-9-]+\.db$/, { error: 'Name a backup as the list of backups gives it' })

/** Upper bound on an imported file: ample for 100,000 rows, small enough to hold in memory. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const ipcContract = {
  'app:info': invoke<AppInfo>()('Version and where the data lives.', noInput),

  'startup:state': invoke<StartupState>()(
    'What Storewatch found in its data file: open (and whether damage was found since), a choice the KAM must make first (missing, empty or damaged file, with the backups), or refused (e.g. written by a newer version).',
    noInput
  ),
  'startup:choose': invoke<StartupState>()(
    'The KAM’s answer on the start-up screen: restore a backup (by its name in the list) or start with an empty portfolio.',
    z.discriminatedUnion('action', [
      z.strictObject({ action: z.literal('restore'), backup: backupName }),
      z.strictObject({ action: z.literal('start-empty') })
    ])
  ),
  'backups:list': invoke<BackupList>()('The backups, newest first, with date, kind, size and store count, and the rule that keeps them.', noInput),
  'backups:create': invoke<BackupInfo>()('“Back up now”: a verified copy of the portfolio.', noInput),
  'backups:restore': invoke<RestoreResult>()(
    'Restores a backup: takes a backup of the current data, sets its file aside (never deleting it) and reopens on a copy of the backup. The caller must have asked the KAM; the window then reloads.',
    z.strictObject({ backup: backupName, confirmed: z.literal(true) })
  ),

  'stores:list': invoke<StorePage>()(
    'One window of the stores matching filters, search and sort (offset, limit), with how many match in all.',
    storeWindowSchema
  ),
  'stores:ids': invoke<StoreIdPage>()('The ids of one window of a view, in its order: a range the renderer has not loaded.', storeWindowSchema),
  'stores:locate': invoke<{ index: number | null }>()(
    'Where a store stands in a view (0-based), or null when the view does not hold it.',
    z.strictObject({ query: portfolioQuerySchema, storeId })
  ),
  'sequences:start': invoke<SequenceStarted>()(
    '“Next store”: keeps the list a store page is opened from (a view in its order, its selected rows, or the worklist’s ids) for Next and Previous.',
    sequenceStartSchema
  ),
  'sequences:around': invoke<SequencePosition | null>()(
    'Where a store stands in a kept list, with the stores before and after it; null when the list does not hold it.',
    z.strictObject({ sequenceId: z.number().int().positive(), storeId })
  ),
  'stores:facets': invoke<PortfolioFacets>()('The countries, owners and tags the portfolio holds, for the filters.', noInput),
  'stores:get': invoke<StoreDetail>()('One store with its history, newest first.', z.strictObject({ id: storeId })),
  'stores:create': invoke<Store>()('Adds a store; refuses a duplicate key.', z.strictObject({ store: storeInputSchema })),
  'stores:update': invoke<Store>()(
    'Replaces a store’s fields and records what changed.',
    z.strictObject({ id: storeId, store: storeInputSchema })
  ),
  'stores:archive': invoke<Store>()('Archives a store: it leaves the default views and never notifies.', z.strictObject({ id: storeId })),
  'stores:restore': invoke<Store>()('Brings an archived store back.', z.strictObject({ id: storeId })),
  'stores:delete': invoke<{ deleted: number }>()(
    'Deletes a store and its history for good; the caller must have asked the KAM.',
    z.strictObject({ id: storeId, confirmed: z.literal(true) })
  ),
  'stores:export-csv': invoke<ExportResult>()(
    'Writes the stores of the given view to a CSV file the KAM picks.',
    z.strictObject({ query: portfolioQuerySchema })
  ),
  'stores:export-xlsx': invoke<ExportResult>()(
    'Writes the stores of the given view to an Excel workbook (.xlsx, real date cells) the KAM picks.',
    z.strictObject({ query: portfolioQuerySchema })
  ),
  'stores:export-ics': invoke<ExportResult>()(
    'Writes the deadlines of the given view within the next `days` days to an iCalendar (.ics) file the KAM picks: one event per store deadline.',
    z.strictObject({ query: portfolioQuerySchema, days: z.number().int().min(1).max(366) })
  ),

  'bulk:run': invoke<BulkResult>()(
    'Runs one bulk action (owner, tag, archive, restore, snooze, checklist, reconnect, authorization) on the selected stores in one transaction, after a verified backup; answers how many changed, which were left as they were and why, and the batch to undo.',
    bulkRequestSchema
  ),
  'bulk:undo': invoke<BulkUndoResult>()(
    'Takes a bulk action back as one step; refused, naming the stores, when any of them changed since.',
    z.strictObject({ batchId: z.number().int().positive() })
  ),
  'bulk:export-csv': invoke<ExportResult>()(
    'Writes the selected stores to a CSV file the KAM picks, in the export’s columns and the view’s order.',
    z.strictObject({ selection: storeSelectionSchema })
  ),

  'import:save-template': invoke<SaveFileResult>()('Saves an empty CSV template the KAM can fill in.', noInput),
  'import:preview': invoke<ImportPreview>()(
    'Parses and checks a CSV file; writes nothing. Progress arrives as import:progress events.',
    z.strictObject({
      requestId: z.string().min(1).max(100),
      fileName: z.string().max(500),
      bytes: z
        .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'The file content must be bytes' })
        .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` })
    })
  ),
  'import:commit': invoke<ImportCommitResult>()(
    'Writes a previewed import in one transaction, off the main thread. Progress arrives as import:progress events.',
    z.strictObject({
      previewId: z.string().min(1).max(100),
      defaultConflictAction: z.enum(['update', 'skip']),
      conflictActions: z.record(z.string().regex(/^\d+$/), z.enum(['update', 'skip'])).default({}),
      skipErrorRows: z.boolean().default(false)
    })
  ),
  'import:discard': invoke<null>()(
    'Forgets a preview that will not be imported; given the request id of a check still running, stops it.',
    z.strictObject({ previewId: z.string().max(100) })
  ),
  'import:save-problems': invoke<SaveFileResult>()(
    'Saves every problem of a preview (row, column, value, problem), or its rows with errors as the file holds them with each row’s problems beside it, as a CSV file the KAM picks.',
    z.strictObject({ previewId: z.string().min(1).max(100), list: z.enum(['problems', 'skipped-rows']).default('problems') })
  ),

  'subscriptions:save': invoke<StoreDetail>()(
    'Records or replaces a store’s Service Market subscription (e.g. the Start and End Time off Order Confirmation).',
    z.strictObject({ storeId, subscription: subscriptionInputSchema })
  ),
  'subscriptions:remove': invoke<StoreDetail>()('Forgets a store’s subscription record.', z.strictObject({ storeId })),
  'authorizations:record': invoke<StoreDetail>()(
    'Records that the seller authorized the app (and, optionally, that the store was reconnected).',
    z.strictObject({ storeId, authorization: authorizationInputSchema })
  ),
  'authorizations:remove': invoke<StoreDetail>()(
    'Deletes an authorization recorded by mistake.',
    z.strictObject({ storeId, authorizationId: z.number().int().positive() })
  ),
  'authorizations:review': invoke<AuthorizationReview>()(
    'The stores Lazada says are subscribed whose authorization is not confirmed here (after a check filled subscriptions from Lazada).',
    noInput
  ),
  'authorizations:confirm-many': invoke<AuthorizationsConfirmed>()(
    '“Authorized as of <date>” for many stores of the review at once: one transaction, each store’s history.',
    confirmAuthorizationsSchema
  ),
  'authorizations:mark-reconnected': invoke<StoreDetail>()(
    'Confirms the store was reconnected in the OMS after its latest authorization.',
    z.strictObject({ storeId })
  ),

  'dashboard:get': invoke<Dashboard>()(
    'Counts by status, the needs-action worklist’s first rows and the 90-day expiry view, for the remembered scope (all stores or the KAM’s own).',
    noInput
  ),
  'dashboard:set-scope': invoke<Dashboard>()(
    'Shows every store or only the KAM’s own on the dashboard, remembered across restarts; answers the dashboard so narrowed.',
    z.strictObject({ scope: z.enum(STORE_SCOPES) })
  ),
  'dashboard:worklist': invoke<WorklistPage>()(
    'One window of the needs-action worklist, most urgent first (urgency-rank.ts), with the whole list’s count.',
    z.strictObject({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
  ),
  'dashboard:expiry-stores': invoke<number[]>()(
    'The stores one cell of the 90-day grid counts: subscriptions ending in [from, to), in one country or all, in the dashboard’s scope.',
    z.strictObject({ from: z.number().int(), to: z.number().int(), country: z.string().max(2).nullable() })
  ),
  'dashboard:history': invoke<StatusHistory>()(
    'How the portfolio moved over the last 90 days: stores by status per day in the KAM’s time, from the recorded check runs; a day without a run carries the last known counts, marked so.',
    noInput
  ),
  'checks:run-now': invoke<CheckRunSummary>()('Checks the whole portfolio now (waits for a running check).', noInput),
  'checks:recent': invoke<CheckRunSummary[]>()(
    'The latest check runs, newest first.',
    z.strictObject({ limit: z.number().int().min(1).max(200).default(20) })
  ),

  'tasks:running': invoke<TaskProgress[]>()('Long work in progress now (a check, an import, a bulk action), for a window that opens meanwhile.', noInput),
  'tasks:cancel': invoke<TaskProgress | null>()(
    'Cancels a running task at its next step: a check keeps what it already did and records that it was cancelled; an import rolls its one transaction back, writing nothing. Null when no such task runs (or it cannot be cancelled, as a bulk action).',
    z.strictObject({ id: z.string().min(1).max(100) })
  ),

  'reminders:list': invoke<ReminderList>()(
    'The notification centre: every reminder fired, newest first.',
    z.strictObject({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(1000).default(200) })
  ),
  'reminders:mark-read': invoke<ReminderList>()(
    'Marks some reminders (or all) as read.',
    z.union([z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(1000) }), z.strictObject({ all: z.literal(true) })])
  ),
  'reminders:centre': invoke<ReminderCentre>()(
    'The notification centre grouped by check run and rung, most urgent first: every group and a window of its entries.',
    z.strictObject({ filter: reminderCentreFilter, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(2000).default(500) })
  ),
  'reminders:mark-group-read': invoke<ReminderGroupResult>()(
    'Marks read every entry the filter shows, or only those of one group.',
    z.strictObject({ filter: reminderCentreFilter, group: reminderGroupKey.optional() })
  ),
  'reminders:snooze-group': invoke<ReminderGroupResult>()(
    'Snoozes every store of a group (as the filter shows it) in one go, each with its history.',
    z.strictObject({ filter: reminderCentreFilter, group: reminderGroupKey, mode: z.enum(['day', 'next-rung']) })
  ),
  'reminders:snooze': invoke<Snooze>()(
    'Holds a store’s reminders for a day, or until its next rung.',
    z.strictObject({ storeId, mode: z.enum(['day', 'next-rung']) })
  ),
  'reminders:unsnooze': invoke<null>()('Ends a store’s snooze.', z.strictObject({ storeId })),

  'settings:get': invoke<AppSettings>()(
    'The status policy, check schedule, reminder settings and the integrator profile (always present in the answer).',
    noInput
  ),
  'settings:save': invoke<AppSettings>()(
    'Saves the settings and re-checks the portfolio with them; without `integrator` the stored profile is kept.',
    appSettingsSchema
  ),

  'checklists:get': invoke<StoreChecklists>()(
    'A store’s checklists: each playbook for its country (or why there is none), its runs, and the step its status points at.',
    z.strictObject({ storeId })
  ),
  'checklists:start': invoke<StoreChecklists>()(
    'Starts a run of a playbook for a store; refuses a second open run of the same playbook.',
    z.strictObject({ storeId, playbook })
  ),
  'checklists:tick': invoke<StoreChecklists>()('Ticks a step of an open run.', z.strictObject({ runId, stepId })),
  'checklists:untick': invoke<StoreChecklists>()('Unticks a step of an open run.', z.strictObject({ runId, stepId })),
  'checklists:note': invoke<StoreChecklists>()(
    'Sets a step’s note (null or blank removes it).',
    z.strictObject({ runId, stepId, note: optionalNote('The step’s note') })
  ),
  'checklists:capture-dates': invoke<StoreChecklists>()(
    'Records the Start and End Time off Order Confirmation at step 2: kept on the step, saved as the store’s subscription (from a checklist), step ticked.',
    z.strictObject({ runId, stepId, values: subscriptionDatesSchema })
  ),
  'checklists:finish': invoke<StoreChecklists>()('Finishes an open run; it stays in the store’s runs.', z.strictObject({ runId, note: optionalNote('The closing note') })),
  'checklists:cancel': invoke<StoreChecklists>()('Cancels an open run; it stays in the store’s runs.', z.strictObject({ runId, reason: optionalNote('The reason') })),
  'checklists:message': invoke<ClientMessage>()(
    'The message for the client: the steps and the country’s link as text, and a mailto: draft to the store’s contact. Without a playbook, the one the status points at.',
    z.strictObject({ storeId, playbook: playbook.optional() })
  ),
  'checklists:log-message': invoke<null>()(
    'Writes to the store’s history that the client message was copied or e-mailed.',
    z.strictObject({ storeId, playbook, action: z.enum(CLIENT_MESSAGE_ACTIONS) })
  ),

  'messages:for-clients': invoke<ClientBulkMessages>()(
    '“Message clients”: for the selected stores, one message per client covering all its selected stores with each store’s country link, as text and as a mailto: draft; names the stores without a contact e-mail. Writes nothing.',
    z.strictObject({ selection: storeSelectionSchema })
  ),
  'messages:log-sent': invoke<ClientMessagesLogged>()(
    '“Log as sent”: writes its client’s message to each store’s history, all in one transaction.',
    z.strictObject({ storeIds: z.array(storeId).min(1).max(100_000) })
  ),

  'authorizations:open-window': invoke<WindowAttemptStart>()(
    '“Reauthorize”: opens Lazada’s authorization page for the store in a separate window; the outcome arrives as authorizations:result.',
    z.strictObject({ storeId })
  ),
  'authorizations:create-link': invoke<LinkAttemptStart>()(
    '“Send the link instead”: the authorization URL with a fresh one-time state, to copy for the seller’s own browser.',
    z.strictObject({ storeId })
  ),
  'authorizations:attempts': invoke<AuthorizationAttempt[]>()('A store’s authorization attempts, newest first.', z.strictObject({ storeId })),
  'authorizations:confirm-link': invoke<StoreDetail>()(
    'The KAM confirms the seller authorized with a link: records the authorization (seller link).',
    z.strictObject({ storeId, attemptId })
  ),
  'authorizations:cancel-attempt': invoke<AuthorizationAttempt>()(
    'Closes an attempt’s window (abandoned) or withdraws a pending link.',
    z.strictObject({ attemptId })
  ),

  'credentials:get': invoke<LazadaCredentialsView>()(
    'Whether the Lazada app secret is set, not set, unreadable or needs consent (never the secret), how this computer protects it, what else Lazada checks need, and the last connection test.',
    noInput
  ),
  'credentials:save-secret': invoke<SaveSecretResult>()(
    'Saves the Lazada app secret, encrypted by the system. Where the system would not protect it (Linux basic_text), only with allowUnprotected: true — the KAM’s explicit consent; otherwise answers needs-consent and saves nothing.',
    z.strictObject({
      secret: z.string().max(256, { error: 'The app secret is at most 128 characters' }),
      allowUnprotected: z.boolean().default(false)
    })
  ),
  'credentials:clear-secret': invoke<LazadaCredentialsView>()('Forgets the saved Lazada app secret (checks stop asking Lazada).', noInput),
  'credentials:test': invoke<ConnectionTestResult>()(
    '“Test connection”: one signed call to Lazada (the subscription query for a seller short code: the given one, else the first store’s) and what it said.',
    z.strictObject({
      country: z.enum(COVERED_COUNTRIES).optional(),
      shortCode: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Use the seller short code as Seller Center shows it, e.g. SG10001' })
        .optional()
    })
  ),
  'lazada:store': invoke<StoreLazadaView>()(
    'What Lazada says about a store: its subscription answer beside the KAM’s End Time, a disagreement, why it cannot be checked, and its exchanged tokens’ deadlines (never the tokens).',
    z.strictObject({ storeId })
  ),
  'lazada:overview': invoke<LazadaOverview>()(
    'Stores the lists should mark: Lazada’s End Time and a disagreement, “cannot check with Lazada” (no short code), tokens Lazada refused.',
    noInput
  ),
  'lazada:hosts': invoke<LazadaHostsView>()(
    'Where this run sends the seller and its Lazada calls: Lazada’s own hosts, or those of the --lazada-hosts start-up option (the shell shows a banner); why an unusable option was ignored; hosts an earlier version saved, now ignored.',
    noInput
  ),

  'views:columns': invoke<ColumnPrefs>()('How the KAM arranged a list’s columns (empty: the defaults).', z.strictObject({ view: z.enum(LIST_VIEWS) })),
  'views:save-columns': invoke<ColumnPrefs>()(
    'Remembers how the KAM arranged a list’s columns: order, widths, shown and hidden.',
    z.strictObject({ view: z.enum(LIST_VIEWS), prefs: columnPrefsSchema })
  ),

  'team:get': invoke<TeamView>()('Settings → Team: the saved connection (never the password), whether this laptop is on a team, and the team state.', noInput),
  'team:save-connection': invoke<TeamView>()(
    'Saves the team’s PostgreSQL connection; a password, when given, goes to the secret store. Connects to nothing.',
    saveTeamConnectionSchema
  ),
  'team:preview-join': invoke<TeamJoinPreview>()(
    'Connects with the saved connection (creating or migrating the team schema where the role may) and says what “Join” would do: the local stores that match team stores (country and short code, or country and login e-mail), and which are new. Writes nothing.',
    noInput
  ),
  'team:join': invoke<TeamView>()('Joins the team: the team’s portfolio comes into the local database, matched stores become one, the local rest is shared; sync starts.', noInput),
  'team:leave': invoke<TeamView>()('Leaves the team: sync stops and every row stays here as a local copy.', noInput),
  'team:sync-now': invoke<TeamView>()('Pushes and pulls now instead of at the next nudge or interval.', noInput),
  'team:merge-offers': invoke<TeamMergeOffer[]>()('Stores two laptops created with one key, found on sync: every offer, oldest first.', noInput),
  'team:watch': invoke<StoreWatch>()(
    'Watches a store or stops: this person’s reminders then cover it as if they owned it. Kept on this laptop only, never shared.',
    z.strictObject({ storeId, watched: z.boolean() })
  ),
  'team:watched': invoke<StoreWatch>()('Whether this person watches the store.', z.strictObject({ storeId })),
  'team:resolve-merge': invoke<TeamMergeOffer[]>()('Merges the held store into the holder, or keeps both (the held one without the key); answers the offers left.', resolveMergeSchema)
} as const

/**
 * Answered by the app session, which owns the data file's life (open, restore, damage) and works
 * before the portfolio is open; every other channel is the core's and answers `not-open` until then.
 */
export const DATA_SAFETY_CHANNELS = ['startup:state', 'startup:choose', 'backups:list', 'backups:create', 'backups:restore'] as const

export const ipcEvents = {
  'data:damaged': event<DataDamage>('The data file was found damaged while Storewatch ran: nothing more is saved; offer the restore.'),
  'import:progress': event<ImportProgress>('Progress of a running import preview or commit.'),
  'tasks:progress': event<TaskProgress>('Long work moved on (throttled), or ended (state other than running): done of total, rate, time left.'),
  'checks:completed': event<CheckRunSummary>('A check run finished: statuses, reminders and the dashboard may have changed.'),
  'reminders:changed': event<{ unread: number }>('Reminders fired or were read.'),
  'stores:changed': event<{ storeIds: number[] }>('Stores or their records changed outside a check run: an edit, a record, an import (empty: many stores).'),
  'app:navigate': event<NavigateRequest>('Main asks the window to show a place (a notification was clicked).'),
  'authorizations:result': event<AuthorizationResult>(
    'An authorization window attempt ended (captured, abandoned, refused, expired): show the banner, refresh the store.'
  ),
  'team:state': event<TeamState>('The team state changed: in sync, syncing N changes, offline since …, refused with why (the header shows it).'),
  'credentials:changed': event<LazadaCredentialsView>(
    'The Lazada app secret was saved, removed or found unreadable: refresh Settings → Lazada connection (and any “Lazada checks are off” notice).'
  )
} as const

export type IpcContract = typeof ipcContract
export type Channel = keyof IpcContract
export type DataSafetyChannel = (typeof DATA_SAFETY_CHANNELS)[number]
export type CoreChannel = Exclude<Channel, DataSafetyChannel>
export type EventName = keyof typeof ipcEvents

export type ChannelInput<C extends Channel> = z.input<IpcContract[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<IpcContract[C]['input']>
export type ChannelOutput<C extends Channel> = Exclude<IpcContract[C]['output'], undefined>
export type EventPayload<E extends EventName> = Exclude<(typeof ipcEvents)[E]['payload'], undefined>

export const CHANNELS = Object.keys(ipcContract) as Channel[]
export const CORE_CHANNELS = CHANNELS.filter((c): c is CoreChannel => !(DATA_SAFETY_CHANNELS as readonly string[]).includes(c))
export const EVENT_NAMES = Object.keys(ipcEvents) as EventName[]
