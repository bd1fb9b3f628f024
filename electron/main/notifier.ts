/**
 * The core's Notifier port over Electron's `Notification`. The class comes in as a parameter
 * (typed by the little used here), so Node tests drive the adapter with a fake.
 *
 * - Each notification stays referenced until it closes, is clicked or fails: a collected
 *   Notification never reports its click (NOTIF-02).
 * - `show` means delivered. Some platforms never emit it, so when no `failed` arrives within
 *   DELIVERY_GRACE_MS the notification counts as delivered.
 * - `failed` (Windows; macOS ≥ 42 refusing an unsigned build) resolves as not delivered and is
 *   logged without the title or body, which name clients and stores. The core keeps the reminder
 *   in its notification centre either way.
 */
import type { Logger, NotificationOutcome, NotificationRequest, NotificationTarget, Notifier } from '../core/ports'

/** How long to wait for `show` or `failed` before taking silence for delivery. */
export const DELIVERY_GRACE_MS = 4_000

/**
 * At most this many notifications are kept referenced. A platform that never reports `close`
 * would otherwise keep every notification of a long session; past the cap the oldest is let go
 * (it stays on screen, only its click is no longer heard).
 */
export const MAX_LIVE_NOTIFICATIONS = 50

const NOT_SUPPORTED = 'Native notifications are not supported on this system'
const MAX_ERROR_LENGTH = 200

export interface NativeNotification {
  on(event: 'show', listener: () => void): unknown
  on(event: 'click', listener: () => void): unknown
  on(event: 'close', listener: () => void): unknown
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown
  show(): void
}

export interface NotificationClass {
  new (options: { title: string; body: string }): NativeNotification
  isSupported(): boolean
}

export interface NativeNotifierOptions {
  Notification: NotificationClass
  /** A reminder's notification was clicked: show the app at its target. */
  onClick: (target: NotificationTarget) => void
  logger: Logger
  graceMs?: number
}

export interface NativeNotifier extends Notifier {
  /** A notice from the app itself (not a reminder); `onClick` runs when it is clicked. */
  notice(content: { title: string; body: string }, onClick: () => void): Promise<NotificationOutcome>
  /** Notifications still referenced, waiting for their close, click or failure. */
  readonly liveCount: number
}

export function createNativeNotifier(options: NativeNotifierOptions): NativeNotifier {
  const { Notification, onClick, logger, graceMs = DELIVERY_GRACE_MS } = options
  const live = new Set<NativeNotification>()

  function keep(notification: NativeNotification): void {
    live.add(notification)
    if (live.size > MAX_LIVE_NOTIFICATIONS) {
      const oldest = live.values().next().value
      if (oldest) live.delete(oldest)
    }
  }

  function present(content: { title: string; body: string }, kind: string, clicked: () => void): Promise<NotificationOutcome> {
    if (!Notification.isSupported()) {
      logger.warn('notification not shown: not supported on this system', { kind })
      return Promise.resolve({ delivered: false, error: NOT_SUPPORTED })
    }
    return new Promise((resolve) => {
      let settled = false
      const settle = (outcome: NotificationOutcome) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(outcome)
      }
      const timer = setTimeout(() => settle({ delivered: true }), graceMs)
      timer.unref?.()

      let notification: NativeNotification
      try {
        notification = new Notification({ title: content.title, body: content.body })
      } catch (error) {
        const message = errorText(error)
        logger.warn('notification not shown', { kind, error: message })
        settle({ delivered: false, error: message })
        return
      }
      const release = () => live.delete(notification)
      keep(notification)

      notification.on('show', () => settle({ delivered: true }))
      notification.on('failed', (_event, error) => {
        release()
        const message = errorText(error)
        // Title and body stay out of the log: they name the KAM's clients.
        logger.warn('notification not delivered', { kind, error: message, afterGrace: settled })
        settle({ delivered: false, error: message })
      })
      notification.on('click', () => {
        release()
        try {
          clicked()
        } catch (error) {
          logger.error('notification click not handled', { kind, error: errorText(error) })
        }
      })
      notification.on('close', release)

      try {
        notification.show()
      } catch (error) {
        release()
        const message = errorText(error)
        logger.warn('notification not shown', { kind, error: message })
        settle({ delivered: false, error: message })
      }
    })
  }

  return {
    show: (request: NotificationRequest) => present(request, request.target.kind, () => onClick(request.target)),
    notice: (content, clicked) => present(content, 'notice', clicked),
    get liveCount() {
      return live.size
    }
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : ''
  const trimmed = text.trim().slice(0, MAX_ERROR_LENGTH)
  return trimmed || 'The system did not show the notification'
}
