/**
 * The Electron AuthWindow adapter driven with fake BrowserWindow / webContents / session event
 * emitters (no Electron binary): the window's options, navigation events fed to the core with the
 * right kind and cancelled on 'block', sub-frames, new windows, downloads, permissions, closing
 * (onClosed once, storage cleared), logs without URLs' secrets, and the real authorization service
 * working through it.
 */
import { EventEmitter } from 'node:events'
import type { App, BrowserWindow, BrowserWindowConstructorOptions, FromPartitionOptions, Session, Shell, WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthWindowNavigation, AuthWindowOpenRequest } from '../../../electron/core/ports'
import { RecordingLogger } from '../../support/recording-logger'
import { AUTH_PARTITION_PREFIX, createElectronAuthWindow, isAllowedSubframeNavigation } from '../../../electron/main/auth-window'
import type { ElectronAuthWindowOptions } from '../../../electron/main/auth-window'
import { installSecurityPolicy } from '../../../electron/main/security'
import { AUTH_WINDOW_SIZE } from '../../../electron/main/window-factory'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { call, setIntegrator } from '../checklists/support'

class FakeEvent {
  defaultPrevented = false
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields)
  }
  preventDefault() {
    this.defaultPrevented = true
  }
}

class FakeSession extends EventEmitter {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null
  checkHandler: ((...args: unknown[]) => boolean) | null = null
  deviceHandler: ((details: unknown) => boolean) | null = null
  readonly clearStorageData = vi.fn(async () => undefined)
  readonly clearCache = vi.fn(async () => undefined)
  constructor(
    readonly partition: string,
    readonly options: FromPartitionOptions | undefined
  ) {
    super()
  }
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']) {
    this.deviceHandler = handler
  }
}

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  constructor(public session: unknown) {
    super()
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
  /** Emits a navigation event the way Electron 44 does (details object first); true if cancelled. */
  navigate(eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    const event = new FakeEvent({ url, isMainFrame, isSameDocument: false, frame: null })
    this.emit(eventName, event)
    return event.defaultPrevented
  }
  /** A main-frame link or script navigation: will-navigate, then will-frame-navigate unless cancelled. */
  follow(url: string): boolean {
    if (this.navigate('will-navigate', url)) return true
    return this.navigate('will-frame-navigate', url)
  }
  committed(url: string) {
    this.emit('did-navigate', new FakeEvent(), url, 200, 'OK')
  }
}

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = []
  static loadError: (Error & { errno?: number; code?: string }) | null = null
  /** Runs inside the constructor, where Electron emits `web-contents-created`. */
  static onCreate: ((contents: FakeContents) => void) | null = null
  readonly webContents: FakeContents
  destroyed = false
  minimized = false
  readonly loadURL = vi.fn(async (_url: string) => {
    if (FakeWindow.loadError) throw FakeWindow.loadError
  })
  readonly removeMenu = vi.fn()
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    this.webContents = new FakeContents(options.webPreferences?.session)
    FakeWindow.created.push(this)
    FakeWindow.onCreate?.(this.webContents)
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return this.minimized
  }
  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  }
  /** The user clicks the close button. */
  userClose() {
    const event = new FakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
}

const AUTHORIZE_URL = 'https://auth.lazada.com/oauth/authorize?response_type=code&force_auth=true&client_id=100132&state=s3cr3tstate0123456789abcdef'
const CALLBACK = 'https://connect.example.com/lazada/callback'

let sessions: FakeSession[]
let logger: RecordingLogger
let shell: { openExternal: ReturnType<typeof vi.fn> }

beforeEach(() => {
  FakeWindow.created = []
  FakeWindow.loadError = null
  FakeWindow.onCreate = null
  sessions = []
  logger = new RecordingLogger()
  shell = { openExternal: vi.fn(async () => undefined) }
})

function adapter(overrides: Partial<ElectronAuthWindowOptions> = {}) {
  return createElectronAuthWindow({
    BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
    fromPartition: (partition, options) => {
      const session = new FakeSession(partition, options)
      sessions.push(session)
      return session as unknown as Session
    },
    shell: shell as unknown as Shell,
    parent: () => null,
    devTools: false,
    logger,
    ...overrides
  })
}

/** A request whose onNavigate answers from `decide` and records what it was asked. */
function request(decide: (navigation: AuthWindowNavigation) => 'allow' | 'block' = () => 'allow') {
  const asked: AuthWindowNavigation[] = []
  const onClosed = vi.fn()
  const req: AuthWindowOpenRequest = {
    url: AUTHORIZE_URL,
    title: 'Authorize Anchanto OM — Acme Official (SG)',
    onNavigate: (navigation) => {
      asked.push(navigation)
      return decide(navigation)
    },
    onClosed
  }
  return { req, asked, onClosed }
}

function openOne(decide?: (navigation: AuthWindowNavigation) => 'allow' | 'block', overrides: Partial<ElectronAuthWindowOptions> = {}) {
  const windows = adapter(overrides)
  const { req, asked, onClosed } = request(decide)
  const handle = windows.open(req)
  const window = FakeWindow.created.at(-1)!
  return { windows, handle, window, contents: window.webContents, session: sessions.at(-1)!, asked, onClosed }
}

/** Lets the promise callbacks (session clearing, loadURL rejections) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the authorization window: options', () => {
  it('is sandboxed, isolated, without Node, preload or <webview>, with web security on', () => {
    const { window } = openOne()
    const web = window.options.webPreferences ?? {}
    expect(web).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false
    })
    expect(web).not.toHaveProperty('preload')
    expect(web).not.toHaveProperty('partition')
    expect(web).not.toHaveProperty('experimentalFeatures')
    expect(web).not.toHaveProperty('enableBlinkFeatures')
  })

  it('gets a new in-memory session per attempt: `auth-` and 128 random bits, never `persist:`', () => {
    const windows = adapter()
    windows.open(request().req)
    windows.open(request().req)
    const [first, second] = sessions
    for (const session of [first!, second!]) {
      expect(session.partition).toMatch(new RegExp(`^${AUTH_PARTITION_PREFIX}[0-9a-f]{32}$`))
      expect(session.partition).not.toContain('persist:')
      expect(session.options).toEqual({ cache: false })
    }
    expect(first!.partition).not.toBe(second!.partition)
    expect(FakeWindow.created[0]!.options.webPreferences?.session).toBe(first)
    expect(FakeWindow.created[1]!.options.webPreferences?.session).toBe(second)
  })

  it('uses the injected randomness for the partition name', () => {
    openOne(undefined, { randomId: () => 'fixed' })
    expect(sessions[0]!.partition).toBe('auth-fixed')
  })

  it('has the core’s title, a modest size, the main window as parent (not modal), no menu', () => {
    const main = { isDestroyed: () => false }
    const { window } = openOne(undefined, { parent: () => main as unknown as BrowserWindow })
    expect(window.options).toMatchObject({ title: 'Authorize Anchanto OM — Acme Official (SG)', parent: main, modal: false, ...AUTH_WINDOW_SIZE })
    expect(window.options.width).toBeLessThanOrEqual(1000)
    expect(window.removeMenu).toHaveBeenCalled()
  })

  it('opens without a parent when the main window is gone', () => {
    expect(openOne(undefined, { parent: () => ({ isDestroyed: () => true }) as unknown as BrowserWindow }).window.options).not.toHaveProperty('parent')
    expect(openOne().window.options).not.toHaveProperty('parent')
  })

  it('keeps its title whatever the page calls itself', () => {
    const { window } = openOne()
    const event = new FakeEvent()
    window.emit('page-title-updated', event, 'Lazada Seller Center', true)
    expect(event.defaultPrevented).toBe(true)
  })
})

describe('the authorization window: navigation', () => {
  it('loads the core’s URL without asking about it', () => {
    const { window, asked } = openOne()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(AUTHORIZE_URL)
    expect(asked).toEqual([])
  })

  it('asks about a page’s navigation (kind navigation) and cancels it on block', () => {
    const { contents, asked } = openOne((n) => (n.url.startsWith('https://sellercenter.lazada.sg/') ? 'allow' : 'block'))
    expect(contents.navigate('will-navigate', 'https://evil.example/phish')).toBe(true)
    expect(contents.navigate('will-navigate', 'https://sellercenter.lazada.sg/login')).toBe(false)
    expect(asked).toEqual([
      { url: 'https://evil.example/phish', kind: 'navigation' },
      { url: 'https://sellercenter.lazada.sg/login', kind: 'navigation' }
    ])
  })

  it('asks about server redirects of the main frame (kind redirect), the first load’s included', () => {
    const { contents, asked } = openOne((n) => (n.url.startsWith(CALLBACK) ? 'allow' : 'block'))
    expect(contents.navigate('will-redirect', `${CALLBACK}?code=0_100132_x&state=abc`)).toBe(false)
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(asked).toEqual([
      { url: `${CALLBACK}?code=0_100132_x&state=abc`, kind: 'redirect' },
      { url: 'https://evil.example/', kind: 'redirect' }
    ])
  })

  it('asks once per main-frame navigation: will-frame-navigate after an allowed will-navigate is the same one', () => {
    const { contents, asked } = openOne()
    expect(contents.follow('https://auth.lazada.com/oauth/authorize/submit')).toBe(false)
    expect(asked).toEqual([{ url: 'https://auth.lazada.com/oauth/authorize/submit', kind: 'navigation' }])
  })

  it('asks about a main-frame will-frame-navigate that no will-navigate announced, and cancels it on block', () => {
    const { contents, asked } = openOne(() => 'block')
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true)
    expect(asked).toEqual([{ url: 'https://evil.example/', kind: 'navigation' }])
  })

  it('does not carry an allowed will-navigate over to a different main-frame navigation', () => {
    const { contents, asked } = openOne((n) => (n.url.includes('evil') ? 'block' : 'allow'))
    expect(contents.navigate('will-navigate', 'https://auth.lazada.com/a')).toBe(false)
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(true)
    expect(asked.map((n) => n.url)).toEqual(['https://auth.lazada.com/a', 'https://evil.example/'])
  })

  it('blocks when onNavigate throws or answers anything but allow', () => {
    const throwing = openOne(() => {
      throw new Error('database is locked')
    })
    expect(throwing.contents.navigate('will-navigate', 'https://auth.lazada.com/')).toBe(true)
    expect(throwing.contents.navigate('will-redirect', 'https://auth.lazada.com/')).toBe(true)
    expect(logger.messages('error')).toContain('authorization window: navigation check failed')
    const odd = openOne(() => 'maybe' as 'allow')
    expect(odd.contents.navigate('will-navigate', 'https://auth.lazada.com/')).toBe(true)
  })

  it('does not report sub-frames; lets them load the page’s own origin or stay blank, and blocks the rest', () => {
    const { contents, asked } = openOne()
    // Before any page committed, no frame may load anything but blank.
    expect(contents.navigate('will-frame-navigate', 'https://auth.lazada.com/frame', false)).toBe(true)
    contents.committed('https://auth.lazada.com/oauth/authorize?state=x')
    expect(contents.navigate('will-frame-navigate', 'https://auth.lazada.com/captcha', false)).toBe(false)
    expect(contents.navigate('will-frame-navigate', 'about:blank', false)).toBe(false)
    expect(contents.navigate('will-frame-navigate', 'about:srcdoc', false)).toBe(false)
    for (const url of [
      'https://evil.example/',
      `${CALLBACK}?code=0_100132_x&state=abc`,
      'http://auth.lazada.com/',
      'https://auth.lazada.com:8443/',
      'https://user@auth.lazada.com/',
      'data:text/html,<h1>x</h1>',
      'javascript:alert(1)',
      'file:///etc/passwd'
    ]) {
      expect(contents.navigate('will-frame-navigate', url, false), url).toBe(true)
    }
    expect(contents.navigate('will-redirect', 'https://auth.lazada.com/frame2', false)).toBe(false)
    expect(contents.navigate('will-redirect', 'https://evil.example/', false)).toBe(true)
    expect(asked).toEqual([])
    expect(logger.messages('warn')).toContain('authorization window: sub-frame blocked')
  })

  it('follows the page: after a top-level move the sub-frame origin is the new page’s', () => {
    expect(isAllowedSubframeNavigation('https://sellercenter.lazada.sg/x', 'https://sellercenter.lazada.sg')).toBe(true)
    expect(isAllowedSubframeNavigation('https://auth.lazada.com/x', 'https://sellercenter.lazada.sg')).toBe(false)
    expect(isAllowedSubframeNavigation('https://auth.lazada.com/x', null)).toBe(false)
    expect(isAllowedSubframeNavigation('not a url', 'https://auth.lazada.com')).toBe(false)
  })

  it('blocks every navigation once the window is closed, without asking', () => {
    const { contents, handle, asked } = openOne()
    handle.close()
    expect(contents.navigate('will-redirect', 'https://auth.lazada.com/')).toBe(true)
    expect(asked).toEqual([])
  })

  it('never logs a query string (code, state) of a blocked or failed URL', async () => {
    const { contents } = openOne(() => 'block')
    contents.navigate('will-navigate', 'https://evil.example/x?code=0_100132_SECRETCODE&state=SECRETSTATE')
    contents.navigate('will-frame-navigate', 'https://evil.example/frame?code=SECRETCODE', false)
    contents.emit('did-fail-load', new FakeEvent(), -105, 'ERR_NAME_NOT_RESOLVED', 'https://evil.example/y?state=SECRETSTATE', true)
    contents.openHandler?.({ url: 'https://evil.example/popup?code=SECRETCODE' })
    await settle()
    expect(logger.text).not.toMatch(/SECRET|code=|state=/)
  })
})

describe('the authorization window: failed loads', () => {
  it('takes ERR_ABORTED (-3) after a block for what it is, not an error', async () => {
    const { contents } = openOne(() => 'block')
    contents.navigate('will-redirect', `${CALLBACK}?code=x&state=y`)
    contents.emit('did-fail-load', new FakeEvent(), -3, 'ERR_ABORTED', `${CALLBACK}?code=x&state=y`, true)
    await settle()
    expect(logger.messages()).not.toContain('authorization window: page did not load')
  })

  it('ignores the first load’s ERR_ABORTED rejection (its redirect was blocked)', async () => {
    FakeWindow.loadError = Object.assign(new Error(`ERR_ABORTED (-3) loading '${AUTHORIZE_URL}'`), { errno: -3, code: 'ERR_ABORTED' })
    openOne()
    await settle()
    expect(logger.entries).toEqual([])
  })

  it('logs other failures with the origin only', async () => {
    FakeWindow.loadError = Object.assign(new Error(`ERR_CONNECTION_REFUSED (-102) loading '${AUTHORIZE_URL}'`), { errno: -102, code: 'ERR_CONNECTION_REFUSED' })
    const { contents } = openOne()
    contents.emit('did-fail-load', new FakeEvent(), -105, 'ERR_NAME_NOT_RESOLVED', 'https://sellercenter.lazada.sg/x?y=1', true)
    contents.emit('did-fail-load', new FakeEvent(), -105, 'ERR_NAME_NOT_RESOLVED', 'https://ads.example/frame', false)
    await settle()
    const failures = logger.entries.filter((l) => l.message === 'authorization window: page did not load')
    expect(failures.map((l) => l.fields)).toEqual([
      { code: -105, error: 'ERR_NAME_NOT_RESOLVED', to: 'https://sellercenter.lazada.sg' },
      { code: 'ERR_CONNECTION_REFUSED', to: 'https://auth.lazada.com' }
    ])
  })
})

describe('the authorization window: what the page may not do', () => {
  it('denies every new window and opens nothing in the system browser with today’s empty host list', () => {
    const { contents } = openOne()
    for (const url of ['https://sellercenter.lazada.sg/', 'https://www.lazada.sg/terms', 'file:///C:/Windows/calc.exe', 'smb://host/share', 'ms-msdt:/id x', 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' })
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('hands an https link to the system browser only when the external-link check allows its host', () => {
    const { contents } = openOne(undefined, { externalHosts: ['www.lazada.sg'] })
    expect(contents.openHandler?.({ url: 'https://www.lazada.sg/helpcenter' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'http://www.lazada.sg/helpcenter' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'https://www.lazada.sg.evil.example/' })).toEqual({ action: 'deny' })
    expect(shell.openExternal.mock.calls).toEqual([['https://www.lazada.sg/helpcenter']])
  })

  it('denies downloads', () => {
    const { session } = openOne()
    const event = new FakeEvent()
    session.emit('will-download', event, { getURL: () => 'https://auth.lazada.com/file.exe?token=abc' }, {})
    expect(event.defaultPrevented).toBe(true)
    expect(logger.entries.find((l) => l.message === 'authorization window: download blocked')?.fields).toEqual({ from: 'https://auth.lazada.com' })
  })

  it('denies every permission request, permission check and device permission on its session', () => {
    const { session } = openOne()
    const callback = vi.fn()
    for (const permission of ['geolocation', 'notifications', 'media', 'clipboard-read', 'openExternal']) session.requestHandler?.({}, permission, callback, {})
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false], [false]])
    expect(session.checkHandler?.({}, 'geolocation', 'https://auth.lazada.com', {})).toBe(false)
    expect(session.checkHandler?.(null, 'notifications', 'https://auth.lazada.com', {})).toBe(false)
    expect(session.deviceHandler?.({ deviceType: 'hid', origin: 'https://auth.lazada.com' })).toBe(false)
  })

  it('blocks <webview> and does not let beforeunload keep the window open', () => {
    const { contents } = openOne()
    const attach = new FakeEvent()
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.defaultPrevented).toBe(true)
    const unload = new FakeEvent()
    contents.emit('will-prevent-unload', unload)
    expect(unload.defaultPrevented).toBe(true)
  })
})

describe('the authorization window: closing', () => {
  it('user close: onClosed once, then the session’s storage and cache are cleared', async () => {
    const { window, session, onClosed, windows } = openOne()
    expect(windows.openCount).toBe(1)
    window.userClose()
    await settle()
    expect(onClosed).toHaveBeenCalledOnce()
    expect(session.clearStorageData).toHaveBeenCalledOnce()
    expect(session.clearCache).toHaveBeenCalledOnce()
    expect(window.destroyed).toBe(true)
    expect(windows.openCount).toBe(0)
  })

  it('close(): destroys the window, onClosed once even when “closed” follows, storage cleared once', async () => {
    const { window, session, onClosed, handle } = openOne()
    handle.close()
    expect(window.destroyed).toBe(true)
    window.emit('closed')
    handle.close()
    await settle()
    expect(onClosed).toHaveBeenCalledOnce()
    expect(session.clearStorageData).toHaveBeenCalledOnce()
    expect(session.clearCache).toHaveBeenCalledOnce()
  })

  it('close() on a window whose “closed” never comes still reports once', () => {
    const { window, onClosed, handle } = openOne()
    window.destroy = () => {
      window.destroyed = true
    }
    handle.close()
    handle.close()
    expect(onClosed).toHaveBeenCalledOnce()
  })

  it('clears storage even when onClosed throws, and logs a failed clearing', async () => {
    const { window, session, onClosed } = openOne()
    onClosed.mockImplementation(() => {
      throw new Error('boom')
    })
    session.clearStorageData.mockRejectedValueOnce(new Error('disk'))
    window.userClose()
    await settle()
    expect(session.clearCache).toHaveBeenCalledOnce()
    expect(logger.messages()).toEqual(expect.arrayContaining(['authorization window: close not handled', 'authorization window: session not cleared']))
  })

  it('focus() brings the window back, and does nothing once closed', () => {
    const { window, handle } = openOne()
    window.minimized = true
    handle.focus()
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.show).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    handle.close()
    handle.focus()
    expect(window.focus).toHaveBeenCalledOnce()
  })
})

describe('the authorization window and the app-wide policy', () => {
  function withPolicy() {
    const app = new EventEmitter()
    const windows = adapter()
    installSecurityPolicy({
      app: app as unknown as App,
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } as unknown as Session,
      shell: shell as unknown as Shell,
      allowedOrigins: ['app://storewatch'],
      logger,
      ownPolicy: (contents) => windows.owns(contents)
    })
    return { app, windows }
  }

  it('recognises its pages by their session as they are created, and by the page itself after', () => {
    const { windows } = openOne()
    const { contents, session } = { contents: FakeWindow.created[0]!.webContents, session: sessions[0]! }
    expect(windows.owns(contents as unknown as WebContents)).toBe(true)
    expect(windows.owns({ session } as unknown as WebContents)).toBe(true)
    expect(windows.owns({ session: {} } as unknown as WebContents)).toBe(false)
    expect(windows.owns(null)).toBe(false)
  })

  it('leaves the authorization page to its own policy and keeps the app policy on every other page', () => {
    const { app, windows } = withPolicy()
    // Electron emits web-contents-created while the window is being built: known by its session then.
    FakeWindow.onCreate = (contents) => app.emit('web-contents-created', {}, contents)
    windows.open(request((n) => (n.url.startsWith('https://sellercenter.lazada.sg/') ? 'allow' : 'block')).req)
    const auth = FakeWindow.created[0]!.webContents
    expect(auth.navigate('will-navigate', 'https://sellercenter.lazada.sg/login')).toBe(false)
    expect(auth.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(auth.openHandler?.({ url: 'https://www.lazada.sg/' })).toEqual({ action: 'deny' })

    const appPage = new FakeContents({ default: true })
    app.emit('web-contents-created', {}, appPage)
    expect(appPage.navigate('will-navigate', 'app://storewatch/index.html')).toBe(false)
    expect(appPage.navigate('will-navigate', 'https://sellercenter.lazada.sg/login')).toBe(true)
    expect(appPage.navigate('will-frame-navigate', 'https://auth.lazada.com/', false)).toBe(true)
    expect(appPage.openHandler?.({ url: 'https://www.lazada.sg/' })).toEqual({ action: 'deny' })
  })

  it('steps the app policy aside for a page claimed only after it was created', () => {
    const { app, windows } = withPolicy()
    // As if the session were not recognised at creation: the app guards are attached first…
    FakeWindow.onCreate = (contents) => {
      const session = contents.session
      contents.session = {}
      app.emit('web-contents-created', {}, contents)
      contents.session = session
    }
    windows.open(request((n) => (n.url.startsWith('https://sellercenter.lazada.sg/') ? 'allow' : 'block')).req)
    const auth = FakeWindow.created[0]!.webContents
    // …then ask at each event, and the page (now registered) decides with its own policy.
    expect(auth.navigate('will-navigate', 'https://sellercenter.lazada.sg/login')).toBe(false)
    expect(auth.navigate('will-navigate', 'https://evil.example/')).toBe(true)
  })
})

describe('the authorization window with the real authorization service', () => {
  let database: TestDatabase
  let core: TestCore
  let windows: ReturnType<typeof adapter>
  let storeId: number

  beforeEach(async () => {
    database = openTestDatabase()
    windows = adapter()
    core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')), authWindow: windows, logger })
    storeId = core.stores.create(storeInput({ storeName: 'Acme MY', country: 'MY', sellerShortCode: 'MY10000001' })).id
    await setIntegrator(core, { appKey: '100132', callbackUrl: CALLBACK })
  })
  afterEach(() => database.close())

  async function reauthorize() {
    const started = await call(core, 'authorizations:open-window', { storeId })
    if (started.status !== 'opened') throw new Error(started.message)
    const window = FakeWindow.created.at(-1)!
    const opened = new URL(window.loadURL.mock.calls[0]![0])
    return { started, window, contents: window.webContents, session: sessions.at(-1)!, state: opened.searchParams.get('state')! }
  }
  const results = () => core.broadcasts.filter((b) => b.event === 'authorizations:result').map((b) => b.payload as { outcome: string })

  it('captures the callback from the server redirect once, lets it load, and the close after changes nothing', async () => {
    const { started, window, contents, session, state } = await reauthorize()
    expect(window.options.title).toBe('Authorize Anchanto OM — Acme MY (MY)')
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    const callback = `${CALLBACK}?code=0_100132_abcdef&state=${state}&country=my`
    expect(contents.navigate('will-redirect', callback)).toBe(false)
    // The same callback reported again (a later navigation event) is not acted on twice.
    expect(contents.follow(callback)).toBe(false)
    expect(results().map((r) => r.outcome)).toEqual(['captured'])

    window.userClose()
    await settle()
    expect(session.clearStorageData).toHaveBeenCalledOnce()
    const attempts = await call(core, 'authorizations:attempts', { storeId })
    expect(attempts.find((a) => a.id === started.attempt.id)).toMatchObject({ outcome: 'captured' })
    expect(results().map((r) => r.outcome)).toEqual(['captured'])
    expect(logger.text).not.toContain(state)
    expect(logger.text).not.toContain('abcdef')
  })

  it('blocks a callback with another state, and closing the window abandons the attempt', async () => {
    const { started, window, contents } = await reauthorize()
    expect(contents.navigate('will-redirect', `${CALLBACK}?code=0_100132_abcdef&state=${'0'.repeat(32)}`)).toBe(true)
    window.userClose()
    const attempts = await call(core, 'authorizations:attempts', { storeId })
    expect(attempts.find((a) => a.id === started.attempt.id)).toMatchObject({ outcome: 'refused' })
  })

  it('closing before the callback abandons the attempt; closeAll (quit) closes what is still open', async () => {
    const first = await reauthorize()
    first.window.userClose()
    expect(results().map((r) => r.outcome)).toEqual(['abandoned'])

    const second = await reauthorize()
    core.authorization.closeAll()
    await settle()
    expect(second.window.destroyed).toBe(true)
    expect(second.session.clearStorageData).toHaveBeenCalledOnce()
    expect(results().map((r) => r.outcome)).toEqual(['abandoned', 'abandoned'])
    expect(windows.openCount).toBe(0)
  })
})
