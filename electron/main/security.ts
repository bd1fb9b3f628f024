/**
 * The app-wide security defaults. Electron's own defaults allow navigation anywhere, new windows,
 * <webview> and every permission; here each kind of page gets its policy explicitly:
 *
 * - The app window, and any webContents nobody claims (DevTools, anything unexpected), gets the
 *   app policy as it is created (`web-contents-created`): no navigation away from the app's
 *   origins, no new windows, no <webview>; the default session denies every permission.
 * - The Lazada authorization window brings its own policy (`auth-window.ts`: the core's allow-list
 *   and capture through the AuthWindow port, its own session with everything denied). `ownPolicy`
 *   recognises its pages so the app policy — which would block Lazada's hosts — stays off them.
 *   It is asked when a page is created and again at each navigation, so a page claimed a moment
 *   after its creation is still left to its owner.
 */
import type { App, Session, Shell, WebContents } from 'electron'
import type { Logger } from '../core/ports'
import { readMailDraft } from '../core/security/mail-draft'
import { isAllowedExternalUrl, isAllowedNavigation, isGrantedPermission } from '../core/security/navigation'
import { urlForLog } from '../core/security/redact'

export interface SecurityPolicyOptions {
  app: Pick<App, 'on'>
  /** The session the app window uses (the default session). */
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
  shell: Pick<Shell, 'openExternal'>
  /** Origins a window may show: the app's own, and the dev server's in development. */
  allowedOrigins: readonly string[]
  logger: Logger
  /** Whether a page has a policy of its own, set up by its creator (the authorization window's). */
  ownPolicy?: (contents: WebContents) => boolean
}

interface NavigationEvent {
  url: string
  preventDefault(): void
}

export interface AppContentsPolicyOptions {
  shell: Pick<Shell, 'openExternal'>
  allowedOrigins: readonly string[]
  logger: Logger
  /** Asked at each navigation: true leaves it to the page's own policy. */
  ownPolicy?: () => boolean
}

/** The app window's policy on one page: the app's origins only, no new window, no <webview>. */
export function applyAppContentsPolicy(contents: WebContents, options: AppContentsPolicyOptions): void {
  const { allowedOrigins, logger, shell } = options
  const ownPolicy = options.ownPolicy ?? (() => false)
  /** A `mailto:` link goes to the mail client rewritten with `to`, `cc`, `subject` and `body` only; true when it was one. */
  const openMailDraft = (url: string): boolean => {
    if (!/^mailto:/i.test(url)) return false
    const draft = readMailDraft(url)
    if (!draft.ok) {
      logger.warn('e-mail draft refused', { reason: draft.reason })
      return true
    }
    if (draft.dropped.length) logger.warn('e-mail draft: fields left out', { fields: draft.dropped.join(', ') })
    shell.openExternal(draft.url).catch((error: Error) => logger.warn('could not open the e-mail draft', { message: error.message }))
    return true
  }
  const guard = (kind: string) => (event: NavigationEvent) => {
    if (isAllowedNavigation(event.url, allowedOrigins) || ownPolicy()) return
    event.preventDefault()
    if (openMailDraft(event.url)) return
    logger.warn('navigation blocked', { kind, url: urlForLog(event.url) })
  }
  // will-frame-navigate also covers subframes; will-redirect catches a server redirect away.
  contents.on('will-navigate', guard('will-navigate'))
  contents.on('will-frame-navigate', guard('will-frame-navigate'))
  contents.on('will-redirect', guard('will-redirect'))
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('webview blocked')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (openMailDraft(url)) return { action: 'deny' }
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((error: Error) => logger.warn('could not open link', { url: urlForLog(url), message: error.message }))
    } else {
      logger.warn('new window blocked', { url: urlForLog(url) })
    }
    return { action: 'deny' }
  })
}

export function installSecurityPolicy(options: SecurityPolicyOptions): void {
  const { allowedOrigins, logger, shell } = options
  const ownPolicy = options.ownPolicy ?? (() => false)

  options.app.on('web-contents-created', (_event, contents) => {
    if (ownPolicy(contents)) return
    applyAppContentsPolicy(contents, { shell, allowedOrigins, logger, ownPolicy: () => ownPolicy(contents) })
  })

  options.session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isGrantedPermission(permission, details?.requestingUrl, allowedOrigins)
    if (!granted) logger.info('permission request denied', { permission })
    callback(granted)
  })
  options.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isGrantedPermission(permission, requestingOrigin, allowedOrigins))
}
