/**
 * The core's AuthWindow port over Electron: Lazada's authorization page in a window of its own,
 * watched from main but never read or scripted (no preload, no executeJavaScript, nothing taken
 * from the page). Electron comes in as parameters (the BrowserWindow class, `session.fromPartition`,
 * `shell`), so Node tests drive the adapter with fakes.
 *
 * Per attempt (issue 4 point 7; security-reliability.md OAUTH-05…08, SEC-04…06):
 * - A new in-memory session, `auth-<128 random bits>` (no `persist:`), used by nothing else:
 *   every permission request and check, device permission and download is denied on it.
 * - A window from `buildAuthWindowOptions`: sandbox, context isolation, no Node, no preload, web
 *   security on, no <webview>; it keeps the title the core gave it (the page cannot retitle it) and
 *   has no menu (Windows/Linux), so no reload or DevTools shortcut either.
 * - Navigation. The first `loadURL` is not reported (the core built that URL). Every main-frame
 *   navigation the page starts (`will-navigate`, then `will-frame-navigate` for the same
 *   navigation, which is answered once) and every main-frame server redirect (`will-redirect`,
 *   those of the first load included) goes to `request.onNavigate`, whose allow-list and capture
 *   live in the core; anything but 'allow' cancels it (`preventDefault`). If `onNavigate` throws,
 *   the navigation is blocked.
 * - Sub-frames are not reported (the port reports top-level navigations only, and a capture must
 *   not come from a frame). They are limited here instead, by a rule that needs no list: a frame may
 *   load `about:blank`/`about:srcdoc` or an http(s) URL of the same origin as the page shown in the
 *   window; everything else (another origin, `data:`, `file:`, `javascript:`, custom schemes) is
 *   blocked and logged with its origin. So a frame can neither show another site inside Lazada's
 *   page nor carry the code to the callback behind the core's back. If Lazada's real pages turn out
 *   to need a cross-origin frame (a captcha host), the log line "sub-frame blocked" names it.
 * - `window.open` and `target=_blank` never open a window; an https link goes to the system
 *   browser only if `isAllowedExternalUrl` accepts it (an empty host list today: nothing opens).
 * - `did-fail-load` with ERR_ABORTED (-3) is what a blocked or superseded navigation looks like: it
 *   is not an error and not logged. Other failures are logged with the origin only.
 * - Closing, by the user or by `close()`: `onClosed` exactly once, the window destroyed (a page's
 *   `beforeunload` cannot hold it open), then the session's storage and cache cleared, so the
 *   seller's Lazada login ends with the window. Expiry is the core's business.
 *
 * Never logged: a full URL (it carries the code and state on the callback) — origins only.
 */
import { randomBytes } from 'node:crypto'
import type { BrowserWindow, FromPartitionOptions, Session, Shell, WebContents } from 'electron'
import { destinationForLog } from '../core/authorization/log-destination'
import type { AuthNavigationDecision, AuthWindow, AuthWindowHandle, AuthWindowNavigation, AuthWindowOpenRequest, Logger } from '../core/ports'
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../core/security/navigation'
import { buildAuthWindowOptions } from './window-factory'

/** Partitions without `persist:` live in memory only; each attempt gets a name of its own. */
export const AUTH_PARTITION_PREFIX = 'auth-'

/** Chromium's net::ERR_ABORTED: a navigation cancelled (by us) or replaced by another one. */
export const ERR_ABORTED = -3

export interface ElectronAuthWindowOptions {
  BrowserWindow: typeof BrowserWindow
  /** `session.fromPartition`. */
  fromPartition: (partition: string, options?: FromPartitionOptions) => Session
  shell: Pick<Shell, 'openExternal'>
  /** The app's main window, the authorization window's parent, if there is one now. */
  parent: () => BrowserWindow | null
  devTools: boolean
  logger: Logger
  /** The random part of each partition name. Default: 16 bytes from the OS CSPRNG, hex. */
  randomId?: () => string
  /** Hosts whose https links may open in the system browser. Default: the app's list. */
  externalHosts?: readonly string[]
}

export interface ElectronAuthWindow extends AuthWindow {
  /**
   * Whether a webContents belongs to an authorization window: it has this module's policy, not
   * the app window's, and never receives app events.
   */
  owns(contents: Pick<WebContents, 'session'> | null | undefined): boolean
  /** Authorization windows open now. */
  readonly openCount: number
}

/** The origin of an http(s) URL without credentials, else null. */
function webOrigin(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
    if (parsed.username || parsed.password) return null
    return parsed.origin
  } catch {
    return null
  }
}

/** A sub-frame may stay blank or load the page's own origin; nothing else. */
export function isAllowedSubframeNavigation(url: string, pageOrigin: string | null): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true
  const origin = webOrigin(url)
  return origin !== null && pageOrigin !== null && origin === pageOrigin
}

function denyEverythingOn(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.info('authorization window: permission request denied', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.on('will-download', (event, item) => {
    event.preventDefault()
    let from = '(unknown)'
    try {
      from = destinationForLog(item.getURL())
    } catch {
      // The item may already be gone; the download is cancelled either way.
    }
    logger.warn('authorization window: download blocked', { from })
  })
}

export function createElectronAuthWindow(options: ElectronAuthWindowOptions): ElectronAuthWindow {
  const { logger, shell } = options
  const randomId = options.randomId ?? (() => randomBytes(16).toString('hex'))
  const externalHosts = options.externalHosts ?? EXTERNAL_LINK_HOSTS
  /** Sessions and pages of authorization windows, open or closed: they never become the app's. */
  const sessions = new WeakSet<object>()
  const pages = new WeakSet<object>()
  let openCount = 0

  function open(request: AuthWindowOpenRequest): AuthWindowHandle {
    const partition = `${AUTH_PARTITION_PREFIX}${randomId()}`
    const session = options.fromPartition(partition, { cache: false })
    // Registered before the window exists, so the app-wide policy recognises the page as it is created.
    sessions.add(session)
    denyEverythingOn(session, logger)

    const parent = options.parent()
    const window = new options.BrowserWindow(
      buildAuthWindowOptions({ title: request.title, session, parent: parent && !parent.isDestroyed() ? parent : null, devTools: options.devTools })
    )
    const contents = window.webContents
    pages.add(contents)
    openCount++

    let closed = false
    /** Origin of the page shown now (committed main-frame navigation), for the sub-frame rule. */
    let pageOrigin: string | null = null
    /** A main-frame navigation `will-navigate` allowed; its `will-frame-navigate` follows at once. */
    let allowedByWillNavigate: string | null = null

    function ask(url: string, kind: AuthWindowNavigation['kind']): AuthNavigationDecision {
      if (closed) return 'block'
      try {
        return request.onNavigate({ url, kind }) === 'allow' ? 'allow' : 'block'
      } catch (error) {
        logger.error('authorization window: navigation check failed', { kind, to: destinationForLog(url), message: (error as Error).message })
        return 'block'
      }
    }

    function subframe(event: { url: string; preventDefault(): void }, via: string): void {
      if (isAllowedSubframeNavigation(event.url, pageOrigin)) return
      event.preventDefault()
      logger.warn('authorization window: sub-frame blocked', { via, to: destinationForLog(event.url) })
    }

    contents.on('will-navigate', (event) => {
      allowedByWillNavigate = null
      if (event.isMainFrame === false) return subframe(event, 'will-navigate')
      if (ask(event.url, 'navigation') === 'allow') allowedByWillNavigate = event.url
      else event.preventDefault()
    })
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame) return subframe(event, 'will-frame-navigate')
      const alreadyAllowed = allowedByWillNavigate === event.url
      allowedByWillNavigate = null
      if (alreadyAllowed) return
      if (ask(event.url, 'navigation') === 'block') event.preventDefault()
    })
    contents.on('will-redirect', (event) => {
      allowedByWillNavigate = null
      if (!event.isMainFrame) return subframe(event, 'will-redirect')
      if (ask(event.url, 'redirect') === 'block') event.preventDefault()
    })
    contents.on('did-navigate', (_event, url) => {
      pageOrigin = webOrigin(url)
    })
    contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      // -3 follows every navigation blocked above (and any page replaced by the next): expected.
      if (errorCode === ERR_ABORTED || !isMainFrame) return
      logger.warn('authorization window: page did not load', { code: errorCode, error: errorDescription, to: destinationForLog(validatedURL) })
    })
    contents.on('render-process-gone', (_event, details) => {
      logger.warn('authorization window: page crashed', { reason: details.reason })
    })
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      logger.warn('authorization window: webview blocked')
    })
    // Lazada's `beforeunload` must not keep the window (and the attempt) open against the KAM.
    contents.on('will-prevent-unload', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url, externalHosts)) {
        shell.openExternal(url).catch((error: Error) => logger.warn('authorization window: link not opened', { to: destinationForLog(url), message: error.message }))
      } else {
        logger.warn('authorization window: new window blocked', { to: destinationForLog(url) })
      }
      return { action: 'deny' }
    })
    // The window says who it is for, whatever the page calls itself.
    window.on('page-title-updated', (event) => event.preventDefault())
    window.removeMenu()

    function finish(): void {
      if (closed) return
      closed = true
      openCount--
      try {
        request.onClosed()
      } catch (error) {
        logger.error('authorization window: close not handled', { message: (error as Error).message })
      }
      if (!window.isDestroyed()) window.destroy()
      // After the page is gone, so nothing it still runs can write to the session again.
      Promise.all([session.clearStorageData(), session.clearCache()]).catch((error: Error) =>
        logger.warn('authorization window: session not cleared', { message: error.message })
      )
    }
    window.on('closed', finish)

    window.loadURL(request.url).catch((error: Error & { errno?: number; code?: string }) => {
      // A redirect of the first load that the core blocked rejects this with ERR_ABORTED.
      if (error.errno === ERR_ABORTED || error.code === 'ERR_ABORTED') return
      logger.warn('authorization window: page did not load', { code: error.code ?? null, to: destinationForLog(request.url) })
    })

    return {
      close: finish,
      focus() {
        if (closed || window.isDestroyed()) return
        if (window.isMinimized()) window.restore()
        window.show()
        window.focus()
      }
    }
  }

  return {
    open,
    owns(contents) {
      if (!contents) return false
      return pages.has(contents) || sessions.has(contents.session)
    },
    get openCount() {
      return openCount
    }
  }
}
