/**
 * A fake of the Electron main-process API that electron/main/index.ts uses, so the composition
 * root can boot on plain Node (tests/core/main/boot.test.ts). Each fake states what it stands in
 * for as a `Pick` of Electron's own types (node_modules/electron/electron.d.ts, installed without
 * the binary): a member Electron renames, removes or retypes fails the type-check here. Where
 * Electron hands back one of its own objects (a window, a menu, an image), `Stand<T, K>` keeps the
 * member's name and parameters and lets the fake return its own kind.
 *
 * The fakes keep the rules of the real API that the app relies on: custom schemes are registered
 * before `ready` only, a channel gets one `ipcMain.handle`, a new window's contents are announced
 * with `web-contents-created`, and `app.quit()` runs `before-quit`, closes the windows, then
 * `will-quit` and `quit`, each of the first and last refusable.
 */
import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import type {
  App,
  AutoUpdater,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  CustomScheme,
  Dialog,
  Display,
  IpcMain,
  IpcMainInvokeEvent,
  Menu,
  MenuItem,
  MenuItemConstructorOptions,
  NativeImage,
  Notification,
  NotificationConstructorOptions,
  PowerMonitor,
  Protocol,
  Rectangle,
  SafeStorage,
  Screen,
  Session,
  Shell,
  Tray,
  WebContents,
  WindowOpenHandlerResponse
} from 'electron'

type ElectronModule = typeof import('electron')

/** The members K of T with T's parameters; what they return may be this file's fake of it. */
type Stand<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P]
}

/** `E` when it is an event T's `on` takes (in any of its overloads), else never. */
type EventOf<T, E extends string> = E extends unknown ? (T extends { on(event: E, listener: never): unknown } ? E : never) : never

/** An object of Electron's that main only listens to; the test fires its events, by their real names. */
export class FakeEmitter<T> extends EventEmitter {
  fire<E extends string>(event: E & EventOf<T, E>, ...args: unknown[]): void {
    this.emit(event, ...args)
  }
}

/** An event whose default the listener may prevent, as Electron passes to `before-quit`, `close`… */
export function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
}

/** What the app did, in order: the boot test checks that no step is skipped or out of place. */
export class Journal {
  readonly entries: string[] = []
  note(entry: string): void {
    this.entries.push(entry)
  }
  indexOf(entry: string): number {
    return this.entries.indexOf(entry)
  }
}

class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'requestSingleInstanceLock'
      | 'quit'
      | 'whenReady'
      | 'isReady'
      | 'getPath'
      | 'setPath'
      | 'getVersion'
      | 'getName'
      | 'getAppPath'
      | 'setAppUserModelId'
      | 'setDesktopName'
      | 'setBadgeCount'
      | 'isPackaged'
      | 'name'
    >
{
  readonly isPackaged = false
  readonly name = 'Storewatch'
  ready = false
  quitCalls = 0
  /** True once `quit` ran to its end (the process would exit). */
  exited = false
  readonly paths = new Map<string, string>()
  badgeCount: number | null = null
  private readonly readyWaiters: (() => void)[] = []

  constructor(
    private readonly fake: FakeElectron,
    readonly version: string
  ) {
    super()
  }

  requestSingleInstanceLock(): boolean {
    this.fake.journal.note('app.requestSingleInstanceLock')
    return true
  }
  whenReady(): Promise<void> {
    this.fake.journal.note('app.whenReady')
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve))
  }
  isReady(): boolean {
    return this.ready
  }
  /** What Electron does once its platform is up. */
  becomeReady(): void {
    this.ready = true
    this.fake.journal.note('ready')
    this.emit('ready')
    for (const resolve of this.readyWaiters.splice(0)) resolve()
  }
  getPath(name: Parameters<App['getPath']>[0]): string {
    const value = this.paths.get(name)
    if (value === undefined) throw new Error(`Failed to get '${name}' path`)
    return value
  }
  setPath(name: string, path: string): void {
    this.fake.journal.note(`app.setPath ${name}`)
    this.paths.set(name, path)
  }
  getVersion(): string {
    return this.version
  }
  getName(): string {
    return this.name
  }
  getAppPath(): string {
    return this.fake.appPath
  }
  setAppUserModelId(id: string): void {
    this.fake.journal.note(`app.setAppUserModelId ${id}`)
  }
  setDesktopName(desktopName: string): void {
    this.fake.journal.note(`app.setDesktopName ${desktopName}`)
  }
  setBadgeCount(count?: number): boolean {
    this.badgeCount = count ?? null
    return false
  }
  quit(): void {
    this.quitCalls++
    this.fake.journal.note('app.quit')
    const beforeQuit = preventable()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    for (const window of this.fake.openWindows()) window.close()
    if (this.fake.openWindows().length > 0) return
    const willQuit = preventable()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) return
    this.emit('quit', preventable(), 0)
    this.exited = true
  }
}

class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = []
  readonly handlers = new Map<string, Parameters<Protocol['handle']>[1]>()

  constructor(private readonly fake: FakeElectron) {}

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    // Electron: "protocol.registerSchemesAsPrivileged should be called before app is ready".
    if (this.fake.app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    this.fake.journal.note(`protocol.registerSchemesAsPrivileged ${customSchemes.map((s) => s.scheme).join(',')}`)
    this.privileged.push(...customSchemes)
  }
  handle(scheme: string, handler: Parameters<Protocol['handle']>[1]): void {
    if (!this.fake.app.isReady()) throw new Error('protocol.handle must be called after the app is ready')
    this.fake.journal.note(`protocol.handle ${scheme}`)
    this.handlers.set(scheme, handler)
  }
  /** A request the renderer would make. */
  async fetch(url: string, method = 'GET'): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1))
    if (!handler) throw new Error(`no protocol handler for ${url}`)
    return handler(new Request(url, { method }) as unknown as GlobalRequest)
  }
}
type GlobalRequest = Parameters<Parameters<Protocol['handle']>[1]>[0]

type InvokeListener = Parameters<IpcMain['handle']>[1]

class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>()

  constructor(private readonly fake: FakeElectron) {
    super()
  }

  handle(channel: string, listener: InvokeListener): void {
    // Electron throws on a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.fake.journal.note(`ipcMain.handle ${channel}`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** What `ipcRenderer.invoke` from `sender`'s page does. */
  async invoke(channel: string, sender: FakeWebContents, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    const senderFrame = { url: sender.getURL(), parent: null } satisfies Pick<Electron.WebFrameMain, 'url' | 'parent'>
    const event = { sender, senderFrame, frameId: 1, processId: 1 } satisfies Record<keyof Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame' | 'frameId' | 'processId'>, unknown>
    return listener(event as unknown as IpcMainInvokeEvent, ...args)
  }
}

class FakeSession extends EventEmitter implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'clearStorageData' | 'clearCache'> {
  permissionRequestHandler: Parameters<Session['setPermissionRequestHandler']>[0] = null
  permissionCheckHandler: Parameters<Session['setPermissionCheckHandler']>[0] = null

  constructor(readonly partition: string) {
    super()
  }

  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(): void {}
  async clearStorageData(): Promise<void> {}
  async clearCache(): Promise<void> {}
}

/** What the page was sent (`webContents.send`), in order. */
export interface SentMessage {
  channel: string
  args: unknown[]
}

export class FakeWebContents
  extends EventEmitter
  implements Pick<WebContents, 'send' | 'getURL' | 'isLoading' | 'isDestroyed' | 'isCrashed' | 'setWindowOpenHandler' | 'loadURL' | 'id'>
{
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly sent: SentMessage[] = []
  url = ''
  loading = false
  destroyed = false
  windowOpenHandler: Parameters<WebContents['setWindowOpenHandler']>[0] | null = null

  constructor(readonly session: FakeSession) {
    super()
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
    this.emit('sent', channel)
  }
  sentOn(channel: string): unknown[] {
    return this.sent.filter((message) => message.channel === channel).map((message) => message.args[0])
  }
  getURL(): string {
    return this.url
  }
  isLoading(): boolean {
    return this.loading
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isCrashed(): boolean {
    return false
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler
  }
  async loadURL(url: string): Promise<void> {
    this.url = url
    this.loading = true
  }
  /** The page finished loading. */
  finishLoad(): void {
    this.loading = false
    this.emit('did-finish-load')
  }
  /** A navigation the page starts; true when the app let it happen. */
  navigate(url: string): boolean {
    const event = { ...preventable(), url, isMainFrame: true }
    this.emit('will-navigate', event)
    return !event.defaultPrevented
  }
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      BrowserWindow,
      | 'loadURL'
      | 'show'
      | 'hide'
      | 'focus'
      | 'restore'
      | 'isMinimized'
      | 'isFullScreen'
      | 'setFullScreen'
      | 'maximize'
      | 'isMaximized'
      | 'isVisible'
      | 'getNormalBounds'
      | 'isDestroyed'
      | 'destroy'
      | 'close'
      | 'removeMenu'
      | 'setOverlayIcon'
    >
{
  readonly webContents: FakeWebContents
  visible = false
  focused = false
  destroyed = false

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeElectron.current().openWindows()
  }

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super()
    const fake = FakeElectron.current()
    if (!fake.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready')
    fake.journal.note('new BrowserWindow')
    const session = (options.webPreferences?.session as FakeSession | undefined) ?? fake.session.defaultSession
    this.webContents = new FakeWebContents(session)
    fake.made.windows.push(this)
    fake.app.emit('web-contents-created', preventable(), this.webContents)
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  /** The first paint: Electron's `ready-to-show`, then the page's load ends. */
  paint(): void {
    this.emit('ready-to-show')
    this.webContents.finishLoad()
  }
  show(): void {
    this.visible = true
    this.emit('show')
  }
  hide(): void {
    this.visible = false
  }
  focus(): void {
    this.focused = true
  }
  restore(): void {}
  isMinimized(): boolean {
    return false
  }
  isFullScreen(): boolean {
    return false
  }
  setFullScreen(): void {}
  maximize(): void {}
  isMaximized(): boolean {
    return false
  }
  isVisible(): boolean {
    return this.visible
  }
  getNormalBounds(): Rectangle {
    return { x: 10, y: 20, width: 1200, height: 800 }
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** What the close button does; a `close` listener may keep the window. */
  close(): void {
    if (this.destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
  removeMenu(): void {}
  setOverlayIcon(): void {}
}

export class FakeNotification extends EventEmitter implements Pick<Notification, 'show' | 'close' | 'title' | 'body'> {
  title: string
  body: string

  static isSupported(): boolean {
    return true
  }

  constructor(options: NotificationConstructorOptions = {}) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
  }

  show(): void {
    FakeElectron.current().made.notifications.push(this)
    // The system reports the toast as shown once it is on screen.
    queueMicrotask(() => this.emit('show'))
  }
  close(): void {
    this.emit('close')
  }
  click(): void {
    this.emit('click')
  }
}

/** What Menu.buildFromTemplate made, readable by the test. */
export class FakeMenu {
  constructor(readonly template: (MenuItemConstructorOptions | MenuItem)[]) {}
  /** Clicks the entry labelled `label`, as the KAM would in the tray menu. */
  click(label: string): void {
    const item = this.template.find((entry) => entry.label === label)
    if (!item?.click) throw new Error(`no clickable "${label}" in ${this.template.map((entry) => entry.label).join(', ')}`)
    if (item.enabled === false) throw new Error(`"${label}" is disabled`)
    const click = item.click as () => void
    click()
  }
}

export class FakeTray extends EventEmitter implements Pick<Tray, 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed'> {
  toolTip = ''
  menu: FakeMenu | null = null
  destroyed = false

  constructor(readonly image: FakeNativeImage) {
    super()
    FakeElectron.current().made.trays.push(this)
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip
  }
  setTitle(): void {}
  setContextMenu(menu: Menu | null): void {
    this.menu = menu as unknown as FakeMenu | null
  }
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class FakeNativeImage implements Pick<NativeImage, 'isEmpty'> {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return false
  }
}

/** The installed fake, set by `FakeElectron.install`. */
let installed: FakeElectron | null = null

export class FakeElectron {
  readonly journal = new Journal()
  /** Everything made, closed or destroyed ones included. */
  readonly made = { windows: [] as FakeBrowserWindow[], trays: [] as FakeTray[], notifications: [] as FakeNotification[] }
  readonly app: FakeApp
  readonly protocol = new FakeProtocol(this)
  readonly ipcMain = new FakeIpcMain(this)
  readonly powerMonitor = new FakeEmitter<PowerMonitor>()
  readonly autoUpdater = new FakeEmitter<AutoUpdater>()
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly opened: string[] = []
  readonly session = {
    defaultSession: new FakeSession(''),
    fromPartition: (partition: string) => new FakeSession(partition)
  } satisfies Stand<ElectronModule['session'], 'fromPartition'> & Record<'defaultSession', Pick<Session, 'setPermissionRequestHandler'>>

  readonly dialog = {
    showErrorBox: (title: string, content: string) => {
      this.journal.note('dialog.showErrorBox')
      this.errorBoxes.push({ title, content })
    },
    showSaveDialog: async () => ({ canceled: true, filePath: '' })
  } satisfies Pick<Dialog, 'showErrorBox'> & Stand<Dialog, 'showSaveDialog'>

  readonly shell = {
    openExternal: async (url: string) => {
      this.opened.push(url)
    }
  } satisfies Pick<Shell, 'openExternal'>

  readonly screen = {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } } satisfies Pick<Display, 'workArea'>]
  } satisfies Stand<Screen, 'getAllDisplays'>

  readonly nativeImage = {
    createFromPath: (path: string) => new FakeNativeImage(path)
  } satisfies Stand<ElectronModule['nativeImage'], 'createFromPath'>

  readonly Menu = {
    buildFromTemplate: (template: (MenuItemConstructorOptions | MenuItem)[]) => new FakeMenu(template)
  } satisfies Stand<ElectronModule['Menu'], 'buildFromTemplate'>

  /** Sealed text is the plain text, marked; enough for the app to save and read a secret. */
  readonly safeStorage = {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (plainText: string) => Buffer.from(`sealed:${plainText}`),
    decryptStringAsync: async (encrypted: Buffer) => ({ shouldReEncrypt: false, result: encrypted.toString().replace(/^sealed:/, '') }),
    getSelectedStorageBackend: () => 'gnome_libsecret' as const
  } satisfies Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>

  readonly BrowserWindow = FakeBrowserWindow satisfies Stand<ElectronModule['BrowserWindow'], 'getAllWindows'>
  readonly Notification = FakeNotification satisfies Pick<ElectronModule['Notification'], 'isSupported'>
  readonly Tray = FakeTray

  private constructor(
    readonly appPath: string,
    version: string
  ) {
    this.app = new FakeApp(this, version)
  }

  /**
   * Makes the fake the `electron` that `require` returns too: electron-log and electron-updater
   * are CommonJS in node_modules and load it with Node's own `require`, which `vi.mock` does not
   * reach (the real package would try to download Electron).
   */
  static install(options: { appPath: string; version: string; userData: string }): FakeElectron {
    const fake = new FakeElectron(options.appPath, options.version)
    fake.app.paths.set('userData', options.userData)
    fake.app.paths.set('documents', options.userData)
    const require = createRequire(import.meta.url)
    const id = createRequire(require.resolve('electron-log/main')).resolve('electron')
    require.cache[id] = { id, filename: id, loaded: true, exports: fake.module() } as NodeJS.Module
    installed = fake
    return fake
  }

  static current(): FakeElectron {
    if (!installed) throw new Error('FakeElectron.install() first')
    return installed
  }

  /** The `electron` module as main imports it: what is missing here makes the import fail. */
  module() {
    const { app, protocol, ipcMain, powerMonitor, autoUpdater, session, dialog, shell, screen, nativeImage, Menu, safeStorage, BrowserWindow, Notification, Tray } = this
    return { app, protocol, ipcMain, powerMonitor, autoUpdater, session, dialog, shell, screen, nativeImage, Menu, safeStorage, BrowserWindow, Notification, Tray } satisfies Partial<
      Record<keyof ElectronModule, unknown>
    >
  }

  /** Windows not yet closed, as `BrowserWindow.getAllWindows()` answers. */
  openWindows(): FakeBrowserWindow[] {
    return this.made.windows.filter((window) => !window.isDestroyed())
  }
  windows(): FakeBrowserWindow[] {
    return this.made.windows
  }
  trays(): FakeTray[] {
    return this.made.trays
  }
  /** Notifications shown, in order. */
  notifications(): FakeNotification[] {
    return this.made.notifications
  }
}
