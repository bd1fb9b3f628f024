/**
 * The app-wide security defaults, attached to every webContents as it is created: no navigation
 * away from the allowed origins, no new windows, no <webview>, no permissions. Electron's own
 * defaults allow all of these.
 */
import type { App, Session, Shell } from 'electron'
import type { Logger } from '../core/ports'
import { isAllowedExternalUrl, isAllowedNavigation } from '../core/security/navigation'
import { urlForLog } from '../core/security/redact'

export interface SecurityPolicyOptions {
  app: Pick<App, 'on'>
  /** The session the app window uses (the default session). */
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
  shell: Pick<Shell, 'openExternal'>
  /** Origins a window may show: the app's own, and the dev server's in development. */
  allowedOrigins: readonly string[]
  logger: Logger
}

interface NavigationEvent {
  url: string
  preventDefault(): void
}

export function installSecurityPolicy(options: SecurityPolicyOptions): void {
  const { allowedOrigins, logger, shell } = options

  options.app.on('web-contents-created', (_event, contents) => {
    const guard = (kind: string) => (event: NavigationEvent) => {
      if (isAllowedNavigation(event.url, allowedOrigins)) return
      event.preventDefault()
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
      if (isAllowedExternalUrl(url)) {
        shell.openExternal(url).catch((error: Error) => logger.warn('could not open link', { url: urlForLog(url), message: error.message }))
      } else {
        logger.warn('new window blocked', { url: urlForLog(url) })
      }
      return { action: 'deny' }
    })
  })

  options.session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.info('permission request denied', { permission })
    callback(false)
  })
  options.session.setPermissionCheckHandler(() => false)
}
