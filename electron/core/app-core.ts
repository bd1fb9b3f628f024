/**
 * Everything the app does, wired from its collaborators. The Electron main process and the
 * browser test host both build the app through this one function.
 */
import type { AppInfo } from '../shared/ipc-contract'
import type { DatabaseHandle } from './db/open-database'
import { createDispatcher } from './ipc/dispatcher'
import type { Handlers } from './ipc/dispatcher'
import type { Actor, Clock, FileSaver, Logger } from './ports'
import { storesToCsv } from './portfolio/csv-export'
import { createImportService } from './portfolio/csv-import'
import { listStores } from './portfolio/portfolio-query'
import { createStoreService } from './portfolio/store-service'

export interface AppCoreDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  actor: Actor
  fileSaver: FileSaver
  appInfo: AppInfo
}

export function createAppCore(deps: AppCoreDeps) {
  const { database, clock, logger, actor, fileSaver } = deps
  const stores = createStoreService({ database, clock, actor })
  const imports = createImportService({ stores, clock, logger })

  const handlers: Handlers = {
    'app:info': () => deps.appInfo,

    'stores:list': (query) => listStores(database.db, query),
    'stores:get': ({ id }) => stores.get(id),
    'stores:create': ({ store }) => stores.create(store),
    'stores:update': ({ id, store }) => stores.update(id, store),
    'stores:archive': ({ id }) => stores.archive(id),
    'stores:restore': ({ id }) => stores.restore(id),
    'stores:delete': ({ id }) => stores.delete(id),
    'stores:export-csv': async ({ query }) => {
      const { stores: rows } = listStores(database.db, query)
      const file = await fileSaver.saveText({
        suggestedName: `storewatch-stores-${new Date(clock.now()).toISOString().slice(0, 10)}.csv`,
        content: storesToCsv(rows),
        filterName: 'CSV file',
        extensions: ['csv']
      })
      return { file, rowCount: rows.length }
    },

    'import:save-template': () =>
      fileSaver.saveText({
        suggestedName: 'storewatch-import-template.csv',
        content: imports.templateCsv(),
        filterName: 'CSV file',
        extensions: ['csv']
      }),
    'import:preview': (request, context) => imports.preview(request, (p) => context.emit('import:progress', p)),
    'import:commit': (request, context) => imports.commit(request, (p) => context.emit('import:progress', p)),
    'import:discard': ({ previewId }) => {
      imports.discard(previewId)
      return null
    }
  }

  return { stores, imports, handlers, dispatcher: createDispatcher(handlers, logger) }
}

export type AppCore = ReturnType<typeof createAppCore>
