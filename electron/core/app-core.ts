/**
 * Everything the app does, wired from its collaborators. The Electron main process and the
 * browser test host both build the app through this one function.
 */
import fs from 'node:fs'
import { CORE_CHANNELS } from '../shared/ipc-contract'
import type { AppInfo, CoreChannel } from '../shared/ipc-contract'
import type { Store, StoreDetail } from '../shared/portfolio'
import { DEFAULT_API_CALLS_PER_SECOND } from '../shared/integrator'
import { createAuthorizationService } from './authorization/authorization-service'
import { createBulkActions } from './bulk/bulk-actions'
import { runBulkAsTask } from './bulk/bulk-task'
import { createChecklistService } from './checklists/checklist-service'
import { createClientMessageService } from './checklists/client-message'
import { createBulkClientMessages } from './checklists/client-messages-bulk'
import { withChecklistEvidence } from './checklists/evidence'
import { NO_SECRET_STORE, createCredentialsService } from './credentials/credentials-service'
import type { LazadaApiFactory } from './credentials/credentials-service'
import type { Backups } from './data-safety/backups'
import type { DatabaseHandle } from './db/open-database'
import { AppError } from './errors'
import { createDispatcher } from './ipc/dispatcher'
import type { HandlersFor } from './ipc/dispatcher'
import { createLazadaClient } from './lazada/lazada-client'
import { hostsInUse, lazadaHostsView } from './lazada-hosts/hosts-in-use'
import type { LazadaHostsOption } from './lazada-hosts/start-up-option'
import { createAuthorizationReview } from './lazada-sync/authorization-review'
import { createCodeExchange } from './lazada-sync/code-exchange'
import { createLazadaViews } from './lazada-sync/lazada-views'
import { createRemoteCheck } from './lazada-sync/remote-check'
import type { RemoteCheck } from './lazada-sync/remote-check'
import { createTokenKeeper } from './lazada-sync/tokens'
import { createMonitoring } from './monitoring/monitoring'
import { createStoreSequences } from './navigation/store-sequences'
import { systemClock } from './ports'
import type { Actor, AuthWindow, Broadcast, Clock, FileSaver, Logger, Notifier, SecretStore, Ticker } from './ports'
import { createImportService } from './import/import-service'
import type { ImportWorkers } from './import/worker-pool'
import { waitForImports } from './import/write-hold'
import { storesToCsv } from './portfolio/csv-export'
import { exportRowsOf } from './portfolio/export-table'
import { deadlinesToIcs } from './portfolio/ics-export'
import { storesToXlsx } from './portfolio/xlsx-export'
import { createKeptPortfolioViews } from './portfolio/kept-views'
import { listStores, locateStore, portfolioFacets, storesByIds } from './portfolio/portfolio-query'
import { createHistory } from './portfolio/store-history'
import { createStoreService } from './portfolio/store-service'
import { createRecordsService } from './records/records-service'
import { createSettingsService } from './settings/settings-service'
import { daysLeft, timeZoneOf } from './status/calendar'
import { createStatusService } from './status/status-service'
import { createTaskRegistry } from './tasks/task-registry'
import { nudgeAfterWrites } from './team/service/nudge-after-writes'
import { createTeamService } from './team/service/team-service'
import type { TeamServiceDeps } from './team/service/team-service'
import { createViewPrefs } from './view-prefs/view-prefs'

export interface AppCoreDeps {
  database: DatabaseHandle
  /** Verified backups of this database: taken before deleting a store and before an import. */
  backups: Backups
  clock: Clock
  logger: Logger
  actor: Actor
  fileSaver: FileSaver
  notifier: Notifier
  ticker: Ticker
  broadcast: Broadcast
  kamTimeZone: () => string
  appInfo: AppInfo
  /** The thread CSV imports run on (main passes the built worker; tests and the browser host theirs). */
  importWorkers: ImportWorkers
  /** The Lazada authorization window; without it "Reauthorize" says to send the link instead. */
  authWindow?: AuthWindow
  /** Encrypts the Lazada app secret and tokens (safeStorage in the app); without it none can be kept. */
  secretStore?: SecretStore
  /**
   * Builds the Lazada client for the saved app key and secret. Default: the real client, on the
   * hosts in use (`lazadaHosts`). It is only built once an app secret is saved, which needs a
   * `secretStore`.
   */
  lazadaApi?: LazadaApiFactory
  /** Calls to Lazada in flight at once during a check (default 8). */
  lazadaConcurrency?: number
  /**
   * The `--lazada-hosts` start-up option (`readLazadaHostsOption`): a proxy or the tests' mock
   * servers in place of Lazada's hosts. Default: none, Lazada's own hosts.
   */
  lazadaHosts?: LazadaHostsOption
  /**
   * Team sync (issue #12): the team's PostgreSQL (`pgTeamServer`) and how to read the CA file the
   * connection names. Absent: Settings → Team can save a connection but joins no team.
   */
  team?: Pick<TeamServiceDeps, 'server' | 'readFile' | 'asksLazadaWhenJoined' | 'timing' | 'migrations'>
}

const STORE_PAGE_REMINDERS = 20

export function createAppCore(deps: AppCoreDeps) {
  const { database, clock, logger, actor, fileSaver } = deps
  const hostsOption = deps.lazadaHosts ?? { kind: 'none' }
  const hosts = hostsInUse(hostsOption)
  const history = createHistory(database.db)
  const portfolioViews = createKeptPortfolioViews(database)
  const settings = createSettingsService(database, logger)
  const status = createStatusService({ database, clock, settings, history })
  const team = createTeamService({
    database,
    clock,
    logger,
    secretStore: deps.secretStore ?? NO_SECRET_STORE,
    readFile: () => {
      throw new Error('This build of Storewatch reads no CA file.')
    },
    ...deps.team,
    broadcast: deps.broadcast,
    status
  })
  // A write that broadcasts its stores outside an IPC call (tokens, the authorization window) goes to the team too.
  const broadcast: Broadcast = (event, payload) => {
    deps.broadcast(event, payload)
    if (event === 'stores:changed') team.nudgeIfPending()
  }
  const stores = createStoreService({ database, clock, actor, history, status })
  const baseRecords = createRecordsService({ database, clock, actor, history, status })
  const checklists = createChecklistService({ database, clock, actor, history, settings, status, records: baseRecords })
  // Every authorization and reconnect recorded ticks the matching step of the store's open checklist.
  const records = withChecklistEvidence(baseRecords, checklists, database)
  const bulk = createBulkActions({ database, clock, actor, history, status, records, checklists, kamTimeZone: deps.kamTimeZone })
  const clientMessages = createClientMessageService({ database, clock, actor, history, settings, status })
  const bulkClientMessages = createBulkClientMessages({ database, clock, actor, history, clientMessages })
  const credentials = createCredentialsService({
    database,
    clock,
    logger,
    settings,
    secretStore: deps.secretStore,
    lazadaApi:
      deps.lazadaApi ??
      // Real time for the network client (its rate limiter, timeouts and Lazada's clock offset),
      // whatever clock the rest of the core runs on.
      (({ appKey, appSecret, profile }) =>
        createLazadaClient({
          appKey,
          appSecret,
          hosts: { auth: hosts.auth, gateways: hosts.gateways },
          callsPerSecond: profile.apiCallsPerSecond ?? DEFAULT_API_CALLS_PER_SECOND,
          clock: systemClock,
          logger
        })),
    onChange: () => {
      credentials
        .view()
        .then((view) => broadcast('credentials:changed', view))
        .catch((error: unknown) => logger.warn('the credentials view could not be built', { error: String(error) }))
    }
  })
  const tokens = createTokenKeeper({
    database,
    clock,
    logger,
    secretStore: deps.secretStore ?? NO_SECRET_STORE,
    records,
    changed: (storeIds) => broadcast('stores:changed', { storeIds })
  })
  const authorization = createAuthorizationService({
    database,
    clock,
    actor,
    logger,
    history,
    settings,
    records,
    broadcast,
    authWindow: deps.authWindow,
    ticker: deps.ticker,
    authorizeEndpoint: hosts.authorize,
    exchange: createCodeExchange({ credentials, tokens, logger }),
    tokens,
    hasSecret: credentials.hasSecret
  })
  // Long work shows itself through one registry: checks, imports and bulk actions alike.
  const tasks = createTaskRegistry({ clock, publish: (progress) => broadcast('tasks:progress', progress) })
  const imports = createImportService({
    database,
    workers: deps.importWorkers,
    clock,
    actor,
    logger,
    fileSaver,
    tasks,
    backupBeforeCommit: (writer) => deps.backups.takeBeforeOn('import', writer)
  })
  const viewPrefs = createViewPrefs(database.db)
  const authorizationReview = createAuthorizationReview({ database, records })
  const sequences = createStoreSequences(database.db, () => clock.now())
  const lazadaCheck = createRemoteCheck({ database, clock, logger, settings, credentials, tokens, history, concurrency: deps.lazadaConcurrency, writeHold: imports.hold })
  // Joined, the team's checker asks Lazada for everyone; local rules, statuses and reminders still run here.
  const remote: RemoteCheck = (trigger, task) => (team.asksLazada() ? lazadaCheck(trigger, task) : Promise.resolve(null))
  const monitoring = createMonitoring({
    ...deps,
    broadcast,
    settings,
    status,
    history,
    remote,
    tasks,
    writeHold: imports.hold,
    dashboardScope: { get: viewPrefs.dashboardScope, save: viewPrefs.saveDashboardScope }
  })
  const lazadaViews = createLazadaViews({
    database,
    settings,
    tokens,
    remoteChecksOff: async () => {
      const view = await credentials.view()
      if (view.remoteChecks) return null
      if (view.secret !== 'set') return view.message
      return view.missing?.message ?? 'This build of Storewatch cannot call Lazada.'
    }
  })

  function storeDetail(id: number): StoreDetail {
    const store = stores.view(id)
    const verdict = status.evaluate(id)
    if (!verdict) throw new AppError('not-found', `Store #${id} does not exist; it may have been deleted`)
    return {
      store,
      history: history.of(id),
      subscription: records.subscription(id),
      authorizations: records.authorizations(id),
      verdict: { ...verdict, daysLeft: verdict.deadline === null ? null : daysLeft(verdict.deadline, clock.now(), timeZoneOf(store.country)) },
      snooze: monitoring.reminders.snoozeOf(id),
      reminders: monitoring.reminders.ofStore(id, STORE_PAGE_REMINDERS)
    }
  }

  /** Runs a change to a checklist run and answers with its store's checklists. */
  function runChanged(runId: number, change: () => void) {
    const storeId = checklists.storeOfRun(runId)
    change()
    return checklists.view(storeId)
  }

  /** Tells every window (and the tray) that statuses may have moved, then answers the caller. */
  function changed<T>(storeIds: number[], value: T): T {
    broadcast('stores:changed', { storeIds })
    return value
  }

  /** What an export reads of each store besides its row: records and verdict, as the store page shows them. */
  const exportReaders = {
    subscription: (storeId: number) => records.subscription(storeId),
    authorizations: (storeId: number) => records.authorizations(storeId),
    evaluate: (storeId: number, now: number) => status.evaluate(storeId, now)
  }
  const exportName = (now: number, extension: string) => `storewatch-stores-${new Date(now).toISOString().slice(0, 10)}.${extension}`

  /** A CSV of these stores with what the view is about (the portfolio's view or a selection). */
  async function exportCsv(stores: Store[]) {
    const now = clock.now()
    const rows = exportRowsOf(stores, exportReaders, now)
    const file = await fileSaver.saveText({ suggestedName: exportName(now, 'csv'), content: storesToCsv(rows, now), filterName: 'CSV file', extensions: ['csv'] })
    return { file, rowCount: rows.length }
  }

  const handlers: HandlersFor<CoreChannel> = {
    'app:info': () => deps.appInfo,

    'stores:list': (request) => portfolioViews.page(request, clock.now()),
    'stores:ids': (request) => portfolioViews.ids(request, clock.now()),
    'stores:locate': ({ query, storeId }) => ({ index: locateStore(database.db, query, storeId, clock.now()) }),
    'sequences:start': (start) => sequences.start(start),
    'sequences:around': ({ sequenceId, storeId }) => sequences.around(sequenceId, storeId),
    'stores:facets': () => portfolioFacets(database.db),
    'stores:get': ({ id }) => storeDetail(id),
    'stores:create': ({ store }) => {
      const created = stores.create(store)
      return changed([created.id], created)
    },
    'stores:update': ({ id, store }) => changed([id], stores.update(id, store)),
    'stores:archive': ({ id }) => changed([id], stores.archive(id)),
    'stores:restore': ({ id }) => changed([id], stores.restore(id)),
    'stores:delete': ({ id }) => {
      deps.backups.takeBefore('delete-store')
      return changed([id], stores.delete(id))
    },
    'stores:export-csv': ({ query }) => exportCsv(listStores(database.db, query, clock.now())),
    'stores:export-xlsx': async ({ query }) => {
      const now = clock.now()
      const rows = exportRowsOf(listStores(database.db, query, now), exportReaders, now)
      const bytes = await storesToXlsx(rows, now)
      const content = { writeTo: (filePath: string) => fs.promises.writeFile(filePath, bytes) }
      const file = await fileSaver.saveText({ suggestedName: exportName(now, 'xlsx'), content, filterName: 'Excel workbook', extensions: ['xlsx'] })
      return { file, rowCount: rows.length }
    },
    'stores:export-ics': async ({ query, days }) => {
      const now = clock.now()
      const upcoming = listStores(database.db, { ...query, endsWithinDays: Math.min(days, query.endsWithinDays ?? days) }, now)
      const { text, eventCount } = deadlinesToIcs(exportRowsOf(upcoming, exportReaders, now))
      const suggestedName = `storewatch-deadlines-${days}-days-${new Date(now).toISOString().slice(0, 10)}.ics`
      const file = await fileSaver.saveText({ suggestedName, content: text, filterName: 'Calendar (iCalendar)', extensions: ['ics'] })
      return { file, rowCount: eventCount }
    },

    'bulk:run': ({ selection, action }) => changed([], runBulkAsTask({ tasks, bulk, backUp: (what) => deps.backups.takeBefore(what) }, selection, action)),
    'bulk:undo': ({ batchId }) => {
      deps.backups.takeBefore('bulk-undo')
      return changed([], bulk.undo(batchId))
    },
    'bulk:export-csv': ({ selection }) => exportCsv(storesByIds(database.db, bulk.resolve(selection))),

    'import:save-template': () =>
      fileSaver.saveText({
        suggestedName: 'storewatch-import-template.csv',
        content: imports.templateCsv(),
        filterName: 'CSV file',
        extensions: ['csv']
      }),
    'import:preview': (request, context) => imports.preview(request, (p) => context.emit('import:progress', p)),
    'import:commit': async (request, context) => changed([], await imports.commit(request, (p) => context.emit('import:progress', p))),
    'import:discard': ({ previewId }) => {
      imports.discard(previewId)
      return null
    },
    'import:save-problems': ({ previewId, list }) => imports.saveProblems(previewId, list),

    'subscriptions:save': ({ storeId, subscription }) => {
      records.saveSubscription(storeId, subscription)
      return changed([storeId], storeDetail(storeId))
    },
    'subscriptions:remove': ({ storeId }) => {
      records.removeSubscription(storeId)
      return changed([storeId], storeDetail(storeId))
    },
    'authorizations:record': ({ storeId, authorization }) => {
      records.recordAuthorization(storeId, authorization)
      return changed([storeId], storeDetail(storeId))
    },
    'authorizations:remove': ({ storeId, authorizationId }) => {
      records.removeAuthorization(storeId, authorizationId)
      return changed([storeId], storeDetail(storeId))
    },
    'authorizations:review': () => authorizationReview.list(),
    'authorizations:confirm-many': ({ storeIds, authorizedAt, reconnected }) => changed(storeIds, authorizationReview.confirm(storeIds, authorizedAt, reconnected)),
    'authorizations:mark-reconnected': ({ storeId }) => {
      records.markReconnected(storeId)
      return changed([storeId], storeDetail(storeId))
    },

    'dashboard:get': () => monitoring.dashboard(),
    'dashboard:set-scope': ({ scope }) => monitoring.setDashboardScope(scope),
    'dashboard:worklist': ({ offset, limit }) => monitoring.worklist(offset, limit),
    'dashboard:expiry-stores': ({ from, to, country }) => monitoring.expiryStores(from, to, country),
    'dashboard:history': () => monitoring.history(),
    'tasks:running': () => tasks.running(),
    'tasks:cancel': ({ id }) => tasks.cancel(id),
    'checks:run-now': () => monitoring.runNow('manual'),
    'checks:recent': ({ limit }) => monitoring.recentRuns(limit),

    'reminders:list': (options) => monitoring.reminders.list(options),
    'reminders:mark-read': (which) => monitoring.reminders.markRead(which),
    'reminders:centre': ({ filter, offset, limit }) => monitoring.reminders.centre(filter, { offset, limit }),
    'reminders:mark-group-read': ({ filter, group }) => monitoring.reminders.markShownRead(filter, group),
    'reminders:snooze-group': ({ filter, group, mode }) => monitoring.reminders.snoozeGroup(filter, group, mode),
    'reminders:snooze': ({ storeId, mode }) => monitoring.reminders.snooze(storeId, mode),
    'reminders:unsnooze': ({ storeId }) => {
      monitoring.reminders.unsnooze(storeId)
      return null
    },

    'settings:get': () => settings.get(),
    'settings:save': (next) => settings.save(next),

    'checklists:get': ({ storeId }) => checklists.view(storeId),
    'checklists:start': ({ storeId, playbook }) => {
      checklists.start(storeId, playbook)
      return checklists.view(storeId)
    },
    'checklists:tick': ({ runId, stepId }) => runChanged(runId, () => checklists.tick(runId, stepId)),
    'checklists:untick': ({ runId, stepId }) => runChanged(runId, () => checklists.untick(runId, stepId)),
    'checklists:note': ({ runId, stepId, note }) => runChanged(runId, () => checklists.note(runId, stepId, note ?? null)),
    'checklists:capture-dates': ({ runId, stepId, values }) => {
      const view = runChanged(runId, () => checklists.captureSubscriptionDates(runId, stepId, values))
      return changed([view.storeId], view)
    },
    'checklists:finish': ({ runId, note }) => runChanged(runId, () => checklists.finish(runId, note)),
    'checklists:cancel': ({ runId, reason }) => runChanged(runId, () => checklists.cancel(runId, reason)),
    'checklists:message': ({ storeId, playbook }) => clientMessages.message(storeId, playbook),
    'checklists:log-message': ({ storeId, playbook, action }) => {
      clientMessages.log(storeId, playbook, action)
      return null
    },

    'messages:for-clients': ({ selection }) => bulkClientMessages.build(selection),
    'messages:log-sent': ({ storeIds }) => changed(storeIds, bulkClientMessages.logSent(storeIds)),

    'authorizations:open-window': ({ storeId }) => authorization.openWindow(storeId),
    'authorizations:create-link': ({ storeId }) => authorization.createLink(storeId),
    'authorizations:attempts': ({ storeId }) => authorization.attempts(storeId),
    'authorizations:confirm-link': ({ storeId, attemptId }) => {
      authorization.confirmLink(storeId, attemptId)
      return changed([storeId], storeDetail(storeId))
    },
    'authorizations:cancel-attempt': ({ attemptId }) => authorization.cancel(attemptId),

    'credentials:get': () => credentials.view(),
    'credentials:save-secret': (input) => credentials.saveSecret(input),
    'credentials:clear-secret': () => credentials.clearSecret(),
    'credentials:test': (input) => credentials.testConnection(input),
    'lazada:store': ({ storeId }) => lazadaViews.store(storeId),
    'lazada:overview': () => lazadaViews.overview(),
    'lazada:hosts': () => lazadaHostsView(hostsOption, settings.ignoredHosts()),

    'views:columns': ({ view }) => viewPrefs.columns(view),
    'views:save-columns': ({ view, prefs }) => viewPrefs.saveColumns(view, prefs),

    'team:get': () => team.view(),
    'team:save-connection': (input) => team.saveConnection(input),
    'team:preview-join': () => team.previewJoin(),
    'team:join': () => team.join(),
    'team:leave': () => team.leave(),
    'team:sync-now': () => team.syncNow(),
    'team:merge-offers': () => team.mergeOffers(),
    'team:resolve-merge': ({ offerId, action }) => {
      deps.backups.takeBefore('merge-stores')
      return team.resolveMerge(offerId, action)
    },
    'team:watch': ({ storeId, watched }) => team.watches.watch(storeId, watched),
    'team:watched': ({ storeId }) => team.watches.watched(storeId)
  }

  const gated = nudgeAfterWrites(waitForImports(handlers, imports.hold, logger), () => team.nudgeIfPending())
  return {
    stores,
    records,
    status,
    settings,
    history,
    checklists,
    bulk,
    clientMessages,
    authorization,
    credentials,
    tokens,
    lazadaViews,
    imports,
    monitoring,
    tasks,
    sequences,
    team,
    /** The handlers as IPC calls them: a write waits while an import writes (see write-hold.ts). */
    handlers: gated,
    backups: deps.backups,
    dispatcher: createDispatcher(gated, logger, CORE_CHANNELS)
  }
}

export type AppCore = ReturnType<typeof createAppCore>

