/**
 * The composition root: reads Electron's environment, builds the core with real adapters, opens
 * the window. Decisions live in electron/core; this file only wires.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserWindow, Menu, Notification, Tray, app, autoUpdater, dialog, ipcMain, nativeImage, powerMonitor, protocol, safeStorage, screen, session, shell } from 'electron'
import { createAppCore } from '../core/app-core'
import { createAppSession } from '../core/data-safety/app-session'
import type { AppSession } from '../core/data-safety/app-session'
import { readLazadaHostsOption } from '../core/lazada-hosts/start-up-option'
import { createImportWorkerPool } from '../core/import/worker-pool'
import type { Logger } from '../core/ports'
import { systemClock } from '../core/ports'
import { entryUrlAt, notificationPath } from '../core/navigation/notification-path'
import { backgroundHint } from '../core/navigation/window-lifecycle'
import { dataFiles, resolveBundlePaths, resolveDataDir, resolveTrayIcons } from '../core/runtime-paths'
import { APP_ENTRY_URL, appOrigins } from '../core/security/app-protocol'
import { isAllowedNavigation } from '../core/security/navigation'
import { pgTeamServer } from '../core/team/service/pg-team-server'
import { autoUpdateSupport } from '../core/update-policy'
import { LINUX_DESKTOP_FILE, appUserModelId } from './app-identity'
import { registerAppScheme, serveRendererBundle } from './app-protocol'
import { createAttentionRefresher, createBadge } from './attention'
import { createElectronAuthWindow } from './auth-window'
import { createBroadcaster } from './broadcast'
import { createFileSaver } from './file-saver'
import { registerIpcHandlers } from './ipc'
import { createLogger } from './logger'
import { createMainWindowController, fileFlag } from './main-window'
import type { MainWindowController } from './main-window'
import { createNativeNotifier } from './notifier'
import { watchPowerEvents } from './power-events'
import { createElectronSecretStore } from './secret-store'
import { installSecurityPolicy } from './security'
import { createIntervalTicker } from './ticker'
import { createAppTray } from './tray'
import type { AppTray } from './tray'
import { startAutoUpdates } from './updater'
import { createWindow } from './window-factory'

/** Set by `electron-vite dev`: the renderer then comes from Vite's dev server, not the bundle. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

// The data folder is settled before the single-instance lock because Electron keys that lock on
// the userData folder (electron/electron#29068): one instance per data folder means one SQLite
// writer and one scheduler per database, while tests and the preview can run beside the KAM's app.
const dataDir = resolveDataDir({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData'), cwd: process.cwd() })
if (dataDir.overridden) app.setPath('userData', dataDir.dir)

// Before anything can notify: Windows shows toasts only for an AppUserModelID a Start Menu
// shortcut carries (the installer's, named after electron-builder's appId), and Linux ties the
// launcher badge to the .desktop file electron-builder writes.
if (process.platform === 'win32') app.setAppUserModelId(appUserModelId({ isPackaged: app.isPackaged, execPath: process.execPath }))
if (process.platform === 'linux') app.setDesktopName(LINUX_DESKTOP_FILE)

/** Set once the app is up; a second launch before that has nothing to show yet. */
let windows: MainWindowController<BrowserWindow> | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme(protocol)

  app.on('second-instance', () => windows?.reveal())
  // Tray "Quit", Cmd+Q, the dock's Quit and an update install: closing the window now closes it.
  app.on('before-quit', () => windows?.markQuitting())
  autoUpdater.on('before-quit-for-update', () => windows?.markQuitting())

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
  // Lazada's authorization page: its own window, session and policy (the core's allow-list), kept
  // out of the app policy below and out of the app's events.
  const authWindow = createElectronAuthWindow({
    BrowserWindow,
    fromPartition: (partition, options) => session.fromPartition(partition, options),
    shell,
    parent: () => windows?.current() ?? null,
    devTools: !app.isPackaged,
    logger
  })
  installSecurityPolicy({
    app,
    session: session.defaultSession,
    shell,
    allowedOrigins: trustedOrigins,
    logger,
    ownPolicy: (contents) => authWindow.owns(contents)
  })

  const bundle = resolveBundlePaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch
  })
  if (!app.isPackaged && !fs.existsSync(bundle.nativeBinding)) {
    dialog.showErrorBox(
      'Storewatch’s database driver for Electron is missing',
      `Expected ${bundle.nativeBinding}.\n\nStart the app with \`npm start\`: its prestart step fetches or builds it (internet needed once).`
    )
    app.quit()
    return
  }

  // Events go to the app's own pages only, never to another window's (e.g. an authorization page).
  const broadcaster = createBroadcaster({
    windows: () =>
      BrowserWindow.getAllWindows().filter(
        (window) => !window.isDestroyed() && !authWindow.owns(window.webContents) && isAllowedNavigation(window.webContents.getURL(), trustedOrigins)
      ),
    logger
  })
  const notifier = createNativeNotifier({
    Notification,
    onClick: (target) => windows?.navigate(notificationPath(target)),
    logger
  })
  const ticker = createIntervalTicker(logger)
  const kamTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
  const actorName = osUserName()
  // A proxy or test server in place of Lazada's hosts: a start-up option only, shown in a banner.
  const lazadaHosts = readLazadaHostsOption({ argv: process.argv, env: process.env, cwd: process.cwd(), readFile: (file) => fs.readFileSync(file, 'utf8') })
  if (lazadaHosts.kind !== 'none') logger.warn('Lazada hosts start-up option', lazadaHosts.kind === 'override' ? { source: lazadaHosts.source } : { source: lazadaHosts.source, problem: lazadaHosts.problem })
  // Set once the tray and badge exist; a core opened before (at start-up) is counted then.
  let refreshAttention: () => void = () => undefined
  // CSV imports parse, check and write on a worker thread of their own (electron.vite.config.ts
  // builds it next to this file); the pool outlives a restore, each task names the file it opens.
  const importWorkers = createImportWorkerPool({ filename: path.join(__dirname, 'import-worker.js'), nativeBinding: bundle.nativeBinding })

  // The data file's life (start-up checks, restore, damage) is the core's; main only wires.
  const appSession = createAppSession({
    dataDir: dataDir.dir,
    files,
    database: { migrationsFolder: bundle.migrationsFolder, appVersion: app.getVersion(), nativeBinding: bundle.nativeBinding },
    clock: systemClock,
    logger,
    ticker,
    broadcast: broadcaster.broadcast,
    kamTimeZone,
    buildCore: (database, backups) =>
      createAppCore({
        database,
        backups,
        clock: systemClock,
        logger,
        actor: { name: () => actorName },
        fileSaver: createFileSaver({ dialog, getWindow: () => windows?.current() ?? null, defaultDir: () => app.getPath('documents') }),
        notifier,
        ticker,
        broadcast: broadcaster.broadcast,
        kamTimeZone,
        appInfo: { version: app.getVersion(), dataDir: dataDir.dir, databasePath: files.databasePath },
        importWorkers,
        authWindow,
        lazadaHosts,
        // The Lazada app secret and tokens: safeStorage's asynchronous API, used only once the app is ready.
        secretStore: createElectronSecretStore({ safeStorage, platform: process.platform, logger }),
        // The team's PostgreSQL (issue #12); the CA file is the one Settings → Team names.
        team: { server: pgTeamServer, readFile: (file) => fs.readFileSync(file, 'utf8') }
      }),
    whileOpen: (core) => {
      core.monitoring.start()
      core.team.open()
      const stopPowerEvents = watchPowerEvents({ powerMonitor, monitoring: core.monitoring, logger })
      refreshAttention()
      // Open authorization windows close (their attempts read as abandoned) while the database is open.
      return () => {
        stopPowerEvents()
        core.monitoring.stop()
        core.authorization.closeAll()
        void core.team.close()
      }
    }
  })
  const startup = appSession.start()
  if (startup.phase === 'refused') {
    // Nothing was changed or moved: the message names what was found, the folder where it is.
    dialog.showErrorBox('Storewatch cannot open its data', `${startup.message}\n\nData folder: ${dataDir.dir}`)
    app.quit()
    return
  }
  // Otherwise the window opens either on the app or on the start-up screen that asks the KAM.
  let tray: AppTray | null = null
  app.on('will-quit', () => {
    tray?.destroy()
    appSession.close()
    void importWorkers.close()
  })

  registerIpcHandlers({ ipcMain, dispatcher: appSession.dispatcher, trustedOrigins, logger })
  serveRendererBundle(protocol, bundle.rendererDir)

  const icons = resolveTrayIcons({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath, platform: process.platform })
  const badge = createBadge({
    platform: process.platform,
    app,
    window: () => windows?.current() ?? null,
    overlayImage: (file) => nativeImage.createFromPath(icons.overlayIcon(file)),
    logger
  })

  const hint = backgroundHint(process.platform)
  const mainWindows = createMainWindowController({
    create: (initialPath) => {
      const window = createWindow({
        BrowserWindow,
        preloadPath: path.join(__dirname, '../preload/index.js'),
        devTools: !app.isPackaged,
        stateFile: files.windowStateFile,
        workAreas: screen.getAllDisplays().map((display) => display.workArea),
        logger
      })
      void window.loadURL(entryUrlAt(devServerUrl ?? APP_ENTRY_URL, initialPath))
      return window
    },
    broadcast: broadcaster.broadcast,
    backgroundHint: fileFlag(files.backgroundHintFile, logger),
    onFirstHide: () => void notifier.notice(hint, () => windows?.reveal()),
    onShow: () => badge.reapply(),
    logger
  })
  windows = mainWindows
  mainWindows.open()

  tray = openTray(appSession, mainWindows, icons.trayIcon, logger)
  refreshAttention = createAttentionRefresher({
    count: () => appSession.core()?.monitoring.needsActionCount() ?? 0,
    views: tray ? [tray, badge] : [badge],
    logger
  })
  refreshAttention()
  broadcaster.on('checks:completed', () => refreshAttention())
  broadcaster.on('reminders:changed', () => refreshAttention())
  broadcaster.on('stores:changed', () => refreshAttention())

  // The dock icon (macOS) brings the hidden window back.
  app.on('activate', () => mainWindows.reveal())
  // The window hides instead of closing, so this only happens if it was destroyed some other way:
  // the checks, notifications and tray keep running, and the tray or a second launch reopens it.
  app.on('window-all-closed', () => logger.info('no window open; still checking in the background'))

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
 * The tray icon and its menu. Some Linux desktops have no tray; the app then runs without one
 * (a second launch still brings the window back).
 */
function openTray(appSession: AppSession, mainWindows: MainWindowController<BrowserWindow>, iconPath: string, logger: Logger): AppTray | null {
  try {
    return createAppTray({
      createTray: () => new Tray(nativeImage.createFromPath(iconPath)),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      platform: process.platform,
      actions: {
        open: () => mainWindows.reveal(),
        // Before the KAM chose how to start there is nothing to check yet.
        checkNow: async () => appSession.core()?.monitoring.runNow('manual'),
        quit: () => app.quit()
      },
      logger
    })
  } catch (error) {
    logger.warn('tray icon not shown', { message: (error as Error).message })
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
