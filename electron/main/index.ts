/**
 * The composition root: reads Electron's environment, builds the core with real adapters, opens
 * the window. Decisions live in electron/core; this file only wires.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserWindow, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron'
import { createAppCore } from '../core/app-core'
import { openDatabase } from '../core/db/open-database'
import type { DatabaseHandle } from '../core/db/open-database'
import type { Logger } from '../core/ports'
import { systemClock } from '../core/ports'
import { dataFiles, resolveBundlePaths, resolveDataDir } from '../core/runtime-paths'
import { APP_ENTRY_URL, appOrigins } from '../core/security/app-protocol'
import { autoUpdateSupport } from '../core/update-policy'
import { registerAppScheme, serveRendererBundle } from './app-protocol'
import { createFileSaver } from './file-saver'
import { registerIpcHandlers } from './ipc'
import { createLogger } from './logger'
import { installSecurityPolicy } from './security'
import { startAutoUpdates } from './updater'
import { createWindow } from './window-factory'

/** Set by `electron-vite dev`: the renderer then comes from Vite's dev server, not the bundle. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

// The data folder is settled before the single-instance lock because Electron keys that lock on
// the userData folder (electron/electron#29068): one instance per data folder means one SQLite
// writer and one scheduler per database, while tests and the preview can run beside the KAM's app.
const dataDir = resolveDataDir({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData'), cwd: process.cwd() })
if (dataDir.overridden) app.setPath('userData', dataDir.dir)

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme(protocol)

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app
    .whenReady()
    .then(start)
    .catch((error: Error) => {
      dialog.showErrorBox('Storewatch could not start', `${error.message}\n\nData folder: ${dataDir.dir}`)
      app.quit()
    })
}

function start(): void {
  const files = dataFiles(dataDir.dir)
  const logger = createLogger(files.logsDir)
  logger.info('starting', { version: app.getVersion(), packaged: app.isPackaged, dataDir: dataDir.dir })

  const trustedOrigins = appOrigins(devServerUrl)
  installSecurityPolicy({ app, session: session.defaultSession, shell, allowedOrigins: trustedOrigins, logger })

  const bundle = resolveBundlePaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch
  })
  const database = openOrExplain(bundle, files, logger)
  if (!database) return
  app.on('will-quit', () => database.close())

  const actorName = osUserName()
  const core = createAppCore({
    database,
    clock: systemClock,
    logger,
    actor: { name: () => actorName },
    fileSaver: createFileSaver({ dialog, getWindow: () => mainWindow, defaultDir: () => app.getPath('documents') }),
    notifier: { show: async () => ({ delivered: false, error: 'Native notifications are not wired yet' }) },
    ticker: {
      every(intervalMs, tick) {
        const timer = setInterval(tick, intervalMs)
        timer.unref()
        return () => clearInterval(timer)
      }
    },
    broadcast: (event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload)
    },
    kamTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    appInfo: { version: app.getVersion(), dataDir: dataDir.dir, databasePath: files.databasePath }
  })
  registerIpcHandlers({ ipcMain, dispatcher: core.dispatcher, trustedOrigins, logger })
  serveRendererBundle(protocol, bundle.rendererDir)

  const openWindow = () => {
    const window = createWindow({
      BrowserWindow,
      preloadPath: path.join(__dirname, '../preload/index.js'),
      devTools: !app.isPackaged,
      stateFile: files.windowStateFile,
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      logger
    })
    window.on('closed', () => (mainWindow = null))
    mainWindow = window
    void window.loadURL(devServerUrl ?? APP_ENTRY_URL)
  }
  openWindow()

  app.on('activate', () => {
    if (!mainWindow) openWindow()
  })
  app.on('window-all-closed', () => {
    // macOS apps stay running without windows; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit()
  })

  const updates = autoUpdateSupport({ isPackaged: app.isPackaged, platform: process.platform, env: process.env })
  if (updates.enabled) {
    startAutoUpdates(logger)
      .then((stop) => app.on('will-quit', stop))
      .catch((error: Error) => logger.warn('updater did not start', { message: error.message }))
  } else {
    logger.info('automatic updates off', { reason: updates.reason })
  }
}

/**
 * Opens the database, or tells the KAM why it cannot and quits. The data is never deleted or
 * replaced here: the message names the folder so it can be backed up or sent to support.
 */
function openOrExplain(
  bundle: ReturnType<typeof resolveBundlePaths>,
  files: ReturnType<typeof dataFiles>,
  logger: Logger
): DatabaseHandle | null {
  if (!app.isPackaged && !fs.existsSync(bundle.nativeBinding)) {
    dialog.showErrorBox(
      'Storewatch’s database driver for Electron is missing',
      `Expected ${bundle.nativeBinding}.\n\nStart the app with \`npm start\`: its prestart step fetches or builds it (internet needed once).`
    )
    app.quit()
    return null
  }
  try {
    return openDatabase({
      filePath: files.databasePath,
      migrationsFolder: bundle.migrationsFolder,
      backupDir: files.backupDir,
      appVersion: app.getVersion(),
      clock: systemClock,
      logger,
      nativeBinding: bundle.nativeBinding
    })
  } catch (error) {
    // DatabaseOpenError messages are written for the KAM; anything else is shown as it came.
    const message = (error as Error).message
    logger.error('database could not be opened', { message })
    dialog.showErrorBox('Storewatch cannot open its data', `${message}\n\nData folder: ${dataDir.dir}`)
    app.quit()
    return null
  }
}

/** Who is acting, for store history. Some accounts (containers, domain setups) have no passwd entry. */
function osUserName(): string {
  try {
    return os.userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}
