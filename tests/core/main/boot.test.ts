/**
 * The composition root, electron/main/index.ts, booted on plain Node: the real file, with the real
 * core on a real SQLite file, against the fake Electron of tests/support/fake-electron.ts (typed
 * from Electron's own electron.d.ts). It starts up, answers the renderer through ipcMain, opens a
 * store when its reminder's notification is clicked, and quits from the tray with the database
 * closed cleanly. Start-up goes through the data-safety session as in the app: the healthy
 * portfolio in the data folder opens at once, its daily backup is taken, nothing is set aside.
 * A thrown boot, a rejected promise nobody handled or a skipped step fails it.
 *
 * The steps share one boot (index.ts runs once per process, as in the app), in order.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronNativePaths } from '../../../scripts/electron-native.mjs'
import { DATA_DIR_ENV } from '../../../electron/core/runtime-paths'
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/core/security/app-protocol'
import { CHANNELS, DATA_SAFETY_CHANNELS } from '../../../electron/shared/ipc-contract'
import { LAZADA_HOSTS_ENV } from '../../../electron/shared/lazada-hosts'
import { FakeElectron, FakeWebContents } from '../../support/fake-electron'
import type { FakeBrowserWindow } from '../../support/fake-electron'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import { tempDir } from './temp-dirs'

const seen = vi.hoisted(() => ({ updaterLoaded: false }))
vi.mock('electron', async () => (await import('../../support/fake-electron')).FakeElectron.current().module())
// Unpackaged, the updater must stay off: loading it at all fails the test.
vi.mock('electron-updater', () => {
  seen.updaterLoaded = true
  throw new Error('electron-updater was loaded in an unpackaged run')
})

const require = createRequire(import.meta.url)
const ROOT = path.resolve(__dirname, '../../..')
const DAY_MS = 24 * 60 * 60 * 1000
/** electron-log answers its renderer half on this channel, beside the contract's. */
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__'

const problems: { kind: string; reason: unknown }[] = []
const onRejection = (reason: unknown) => problems.push({ kind: 'unhandled rejection', reason })
const onException = (reason: unknown) => problems.push({ kind: 'uncaught exception', reason })

let fake: FakeElectron
let dirs: { dataDir: string; appPath: string; userData: string }
let window: FakeBrowserWindow
/** The backups folder as the earlier run left it. */
let backupsBeforeBoot: string[] = []
const savedEnv: Record<string, string | undefined> = {}

/** The app's folder as `npm start` leaves it: migrations, tray icons, a renderer, the native binding. */
function makeAppPath(root: string, electronVersion: string): string {
  const appPath = path.join(root, 'app')
  fs.mkdirSync(path.join(appPath, 'out', 'renderer'), { recursive: true })
  fs.symlinkSync(path.join(ROOT, 'drizzle'), path.join(appPath, 'drizzle'))
  fs.symlinkSync(path.join(ROOT, 'build'), path.join(appPath, 'build'))
  fs.writeFileSync(path.join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Storewatch boot test</title>')
  // Where the prestart script puts the Electron build of better-sqlite3; on Node, Node's build.
  const native = electronNativePaths({ projectRoot: appPath, electronVersion, platform: process.platform, arch: process.arch })
  fs.mkdirSync(native.dir, { recursive: true })
  fs.symlinkSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), native.binary)
  return appPath
}

/** A portfolio an earlier run of the app left in the data folder: the boot opens it. */
function leaveEarlierPortfolio(dataDir: string, appVersion: string): void {
  const earlier = openTestDatabase({ dir: dataDir, appVersion })
  try {
    createTestCore(earlier).stores.create(storeInput({ clientName: 'Kopi Co', storeName: 'Kopi Co Official', sellerShortCode: 'SG10000007' }))
  } finally {
    earlier.close()
  }
}

function setEnv(name: string, value: string | undefined): void {
  if (!(name in savedEnv)) savedEnv[name] = process.env[name]
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
}

/** Resolves once `contents` has been sent `channel` `count` times in all. */
function sentTimes(contents: FakeWebContents, channel: string, count: number): Promise<unknown[]> {
  return new Promise((resolve) => {
    const check = () => {
      const payloads = contents.sentOn(channel)
      if (payloads.length < count) return false
      contents.off('sent', check)
      resolve(payloads)
      return true
    }
    if (!check()) contents.on('sent', check)
  })
}

/** One turn of the event loop: what was queued (promise jobs, their rejections) has run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

function mainLog(): string {
  return fs.readFileSync(path.join(dirs.dataDir, 'logs', 'main.log'), 'utf8')
}

/** A folder's files (none when it does not exist). */
function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []
}

beforeAll(async () => {
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)
  const root = tempDir()
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const version = (require('../../../package.json') as { version: string }).version
  dirs = { dataDir: path.join(root, 'data'), appPath: makeAppPath(root, electronVersion), userData: path.join(root, 'user-data') }
  fs.mkdirSync(dirs.dataDir)
  leaveEarlierPortfolio(dirs.dataDir, version)
  backupsBeforeBoot = filesIn(path.join(dirs.dataDir, 'backups'))
  // What Electron's Node reports; the bundle paths name the native binding by it.
  const versions: Record<string, string | undefined> = process.versions
  versions.electron = electronVersion
  setEnv(DATA_DIR_ENV, dirs.dataDir)
  setEnv(LAZADA_HOSTS_ENV, undefined)
  setEnv('ELECTRON_RENDERER_URL', undefined)

  fake = FakeElectron.install({ appPath: dirs.appPath, version, userData: dirs.userData })
  // electron-log's console would print every line of the app's log into the test output.
  const log = (await import('electron-log/main')).default
  log.transports.console.level = false

  await import('../../../electron/main/index')
  // Before `ready`: only what Electron allows then.
  expect(fake.journal.entries).not.toContain('new BrowserWindow')
  fake.app.becomeReady()
  await settle()
  window = fake.windows()[0]!
})

afterAll(async () => {
  const log = (await import('electron-log/main')).default
  log.errorHandler.stopCatching()
  process.off('unhandledRejection', onRejection)
  process.off('uncaughtException', onException)
  delete (process.versions as Record<string, string | undefined>).electron
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

describe('the main process boots on Node against a fake Electron', () => {
  it('starts up: one instance per data folder, the app scheme, then the database, the core and IPC, the window, tray, power events; no updater', async () => {
    expect(fake.errorBoxes).toEqual([])
    expect(fake.app.quitCalls).toBe(0)
    const order = [
      'app.setPath userData',
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged app',
      'app.whenReady',
      'ready',
      'ipcMain.handle app:info',
      'protocol.handle app',
      'new BrowserWindow'
    ]
    expect(order.map((entry) => fake.journal.indexOf(entry))).toEqual(order.map((entry) => fake.journal.indexOf(entry)).sort((a, b) => a - b))
    expect(order.filter((entry) => fake.journal.indexOf(entry) === -1)).toEqual([])
    expect(fake.app.getPath('userData')).toBe(dirs.dataDir)
    if (process.platform === 'linux') expect(fake.journal.entries).toContain('app.setDesktopName storewatch.desktop')
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])

    // Every contract channel has its handler, the data-safety ones (start-up, backups) included; nothing else but electron-log's own.
    const handled = [...fake.ipcMain.handlers.keys()]
    expect(handled.filter((channel) => channel !== ELECTRON_LOG_CHANNEL).sort()).toEqual([...CHANNELS].sort())
    expect(handled).toEqual(expect.arrayContaining([...DATA_SAFETY_CHANNELS]))

    // One window, its preferences locked, loading the app's entry and hidden until painted.
    expect(fake.windows()).toHaveLength(1)
    expect(window.options.show).toBe(false)
    expect(window.options.webPreferences).toEqual({
      preload: expect.stringMatching(/[/\\]preload[/\\]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true
    })
    expect(window.webContents.getURL()).toBe(APP_ENTRY_URL)
    // The app policy is on its page: no navigation away, no new windows, no permissions.
    expect(window.webContents.navigate('https://evil.example/')).toBe(false)
    expect(window.webContents.navigate(`${APP_ORIGIN}/index.html#/portfolio`)).toBe(true)
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' } as Electron.HandlerDetails)).toEqual({ action: 'deny' })
    expect(fake.session.defaultSession.permissionRequestHandler).not.toBeNull()

    // The renderer bundle is served from app://.
    const page = await fake.protocol.fetch(APP_ENTRY_URL)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Storewatch boot test')

    // The tray, with the icon from build/tray and the attention count.
    expect(fake.trays()).toHaveLength(1)
    const tray = fake.trays()[0]!
    expect(fs.existsSync(tray.image.path)).toBe(true)
    expect(tray.toolTip).toMatch(/Storewatch/)
    expect(tray.menu?.template.map((entry) => entry.label).filter(Boolean)).toEqual(expect.arrayContaining(['Open Storewatch', 'Check now', 'Quit']))

    // The scheduler wakes on resume and unlock.
    expect(fake.powerMonitor.listenerCount('resume')).toBe(1)
    expect(fake.powerMonitor.listenerCount('unlock-screen')).toBe(1)

    // Updates off when unpackaged: electron-updater never loaded, and the log says why.
    expect(seen.updaterLoaded).toBe(false)
    expect(mainLog()).toMatch(/automatic updates off.*not a packaged build/)

    // The first check runs at start and reaches the window.
    await sentTimes(window.webContents, 'checks:completed', 1)
    expect(problems).toEqual([])
  })

  it('opens the healthy portfolio at once through the data-safety session: the start-up state is open, the daily backup taken, nothing set aside', async () => {
    const contents = window.webContents
    // What the renderer asks first, to choose between the app and the start-up screen.
    expect(await fake.ipcMain.invoke('startup:state', contents)).toEqual({ ok: true, value: { phase: 'open', damage: null } })

    // Today's backup of the portfolio, verified and named by the backup writer, beside what the earlier run left.
    const backupDir = path.join(dirs.dataDir, 'backups')
    const taken = filesIn(backupDir).filter((name) => !backupsBeforeBoot.includes(name))
    expect(taken).toEqual([expect.stringMatching(/^storewatch-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-daily\.db$/)])
    const daily = new Database(path.join(backupDir, taken[0]!), { readonly: true })
    try {
      expect(daily.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(daily.prepare('select store_name from stores').pluck().all()).toEqual(['Kopi Co Official'])
    } finally {
      daily.close()
    }
    expect(await fake.ipcMain.invoke('backups:list', contents)).toMatchObject({
      ok: true,
      value: { folder: backupDir, setAsideFolder: path.join(dirs.dataDir, 'set-aside'), backups: expect.arrayContaining([expect.objectContaining({ name: taken[0], kind: 'daily', storeCount: 1 })]) }
    })
    expect(mainLog()).toMatch(/daily backup taken/)

    // A healthy file is never moved aside.
    expect(filesIn(path.join(dirs.dataDir, 'set-aside'))).toEqual([])
    expect(fs.existsSync(path.join(dirs.dataDir, 'storewatch.db'))).toBe(true)
    expect(problems).toEqual([])
  })

  let storeId = 0

  it('answers the app’s page through ipcMain with the real core on the real database, and refuses another page', async () => {
    window.paint()
    expect(window.isVisible()).toBe(true)
    const contents = window.webContents

    expect(await fake.ipcMain.invoke('app:info', contents)).toEqual({
      ok: true,
      value: { version: fake.app.getVersion(), dataDir: dirs.dataDir, databasePath: path.join(dirs.dataDir, 'storewatch.db') }
    })
    // The portfolio the earlier run left, read from the file in the data folder.
    expect(await fake.ipcMain.invoke('stores:list', contents, {})).toMatchObject({
      ok: true,
      value: { portfolioSize: 1, stores: [{ storeName: 'Kopi Co Official' }] }
    })
    const created = (await fake.ipcMain.invoke('stores:create', contents, {
      store: { clientName: 'Batik House', storeName: 'Batik House Official', country: 'SG', sellerShortCode: 'SG10000042' }
    })) as { ok: boolean; value: { id: number } }
    expect(created).toEqual({ ok: true, value: expect.objectContaining({ id: expect.any(Number), storeName: 'Batik House Official' }) })
    storeId = created.value.id
    const now = Date.now()
    const subscribed = await fake.ipcMain.invoke('subscriptions:save', contents, {
      storeId,
      subscription: { startAt: now - 170 * DAY_MS, endAt: now + 10 * DAY_MS }
    })
    expect(subscribed).toMatchObject({ ok: true })
    expect(contents.sentOn('stores:changed').length).toBeGreaterThan(0)

    // A page of another origin gets nothing, whatever it asks.
    const stranger = new FakeWebContents(fake.session.defaultSession)
    await stranger.loadURL('https://evil.example/')
    expect(await fake.ipcMain.invoke('app:info', stranger)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(problems).toEqual([])
  })

  it('shows the reminder a check fires as a notification; clicking it brings the window to the front on the store', async () => {
    const contents = window.webContents
    window.hide()
    const shownBefore = fake.notifications().length
    const run = (await fake.ipcMain.invoke('checks:run-now', contents)) as { ok: boolean; value: { remindersFired: number } }
    expect(run).toMatchObject({ ok: true, value: { remindersFired: 1 } })
    expect(fake.notifications()).toHaveLength(shownBefore + 1)
    const notification = fake.notifications().at(-1)!
    expect(`${notification.title} ${notification.body}`).toMatch(/Batik House/)

    notification.click()
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
    expect(contents.sentOn('app:navigate')).toEqual([{ path: `/stores/${storeId}` }])
    expect(problems).toEqual([])
  })

  it('checks whether a check is due when the computer resumes', async () => {
    const runs = window.webContents.sentOn('checks:completed').length
    fake.powerMonitor.fire('resume')
    await settle()
    expect(mainLog()).toMatch(/checking whether a check is due.*resume/)
    // Not due: the check just ran.
    expect(window.webContents.sentOn('checks:completed')).toHaveLength(runs)
  })

  it('quits from the tray menu: the window closes, everything stops, and the database is closed cleanly', async () => {
    const tray = fake.trays()[0]!
    tray.menu!.click('Quit')

    expect(fake.app.exited).toBe(true)
    expect(window.isDestroyed()).toBe(true)
    expect(tray.isDestroyed()).toBe(true)
    expect(fake.powerMonitor.listenerCount('resume')).toBe(0)
    expect(fake.powerMonitor.listenerCount('unlock-screen')).toBe(0)
    expect(JSON.parse(fs.readFileSync(path.join(dirs.dataDir, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1200, height: 800 })

    // Closed: SQLite folds the write-ahead log back and removes it with the last connection.
    const databasePath = path.join(dirs.dataDir, 'storewatch.db')
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false)
    const reopened = new Database(databasePath, { readonly: true })
    try {
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(reopened.prepare('select store_name from stores order by id').pluck().all()).toEqual(['Kopi Co Official', 'Batik House Official'])
    } finally {
      reopened.close()
    }

    // Quitting sets nothing aside either.
    expect(filesIn(path.join(dirs.dataDir, 'set-aside'))).toEqual([])

    await settle()
    expect(fake.errorBoxes).toEqual([])
    expect(problems).toEqual([])
  })
})
