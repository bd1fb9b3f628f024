/**
 * Shows how many stores need action outside the window: the dock/launcher badge (macOS, Linux
 * Unity) or the taskbar overlay (Windows), plus whatever else listens (the tray). Electron objects
 * come in as parameters, so Node tests pass fakes.
 */
import type { NativeImage } from 'electron'
import type { AttentionSummary } from '../core/navigation/attention'
import { attentionSummary } from '../core/navigation/attention'
import type { Logger } from '../core/ports'

export interface AttentionView {
  show(summary: AttentionSummary): void
}

export interface OverlayWindow {
  isDestroyed(): boolean
  setOverlayIcon(overlay: NativeImage | null, description: string): void
}

export interface BadgeOptions {
  platform: string
  app: { setBadgeCount(count?: number): boolean }
  /** The main window, if there is one: Windows draws the overlay on its taskbar button. */
  window: () => OverlayWindow | null
  /** The overlay image for a file named by the summary (e.g. `badge-3.png`). */
  overlayImage: (file: string) => NativeImage
  logger: Logger
}

export interface Badge extends AttentionView {
  /** Draws the last count again: a hidden window's taskbar button loses its overlay. */
  reapply(): void
}

export function createBadge(options: BadgeOptions): Badge {
  const { platform, app, logger } = options
  let last: AttentionSummary | null = null

  function draw(summary: AttentionSummary): void {
    try {
      if (platform === 'win32') {
        const window = options.window()
        if (!window || window.isDestroyed()) return
        const overlay = summary.overlay
        window.setOverlayIcon(overlay ? options.overlayImage(overlay.icon) : null, overlay?.description ?? '')
      } else {
        // false where the desktop has no badge (most Linux docks): nothing else to do there.
        app.setBadgeCount(summary.badgeCount)
      }
    } catch (error) {
      logger.warn('badge not updated', { message: (error as Error).message })
    }
  }

  return {
    show(summary) {
      last = summary
      draw(summary)
    },
    reapply() {
      if (last) draw(last)
    }
  }
}

/**
 * Reads the count and shows it everywhere. A count that cannot be read (the database is busy or
 * gone) shows as unknown rather than as a wrong number.
 */
export function createAttentionRefresher(options: { count: () => number; views: readonly AttentionView[]; logger: Logger }) {
  return function refresh(): AttentionSummary {
    let count: number | null
    try {
      count = options.count()
    } catch (error) {
      options.logger.warn('needs-action count not read', { message: (error as Error).message })
      count = null
    }
    const summary = attentionSummary(count)
    for (const view of options.views) view.show(summary)
    return summary
  }
}
