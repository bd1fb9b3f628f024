/**
 * The tray icon (the menu bar on macOS): how many stores need action, and a menu to open the
 * window, check now or quit. Electron's Tray and Menu come in as factories so a Node test can
 * pass fakes; the words and the menu's shape come from core/navigation/attention.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron'
import type { AttentionSummary, TrayMenuAction } from '../core/navigation/attention'
import { attentionSummary, trayMenu } from '../core/navigation/attention'
import type { Logger } from '../core/ports'

export interface TrayHandle {
  setToolTip(toolTip: string): void
  setTitle(title: string): void
  setContextMenu(menu: Menu | null): void
  on(event: 'click', listener: () => void): unknown
  destroy(): void
}

export interface AppTrayOptions {
  createTray: () => TrayHandle
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu
  platform: string
  actions: {
    open(): void
    /** Resolves when the check the KAM asked for is done (or failed). */
    checkNow(): Promise<unknown>
    quit(): void
  }
  logger: Logger
}

export interface AppTray {
  show(summary: AttentionSummary): void
  destroy(): void
}

export function createAppTray(options: AppTrayOptions): AppTray {
  const { platform, actions, logger } = options
  const tray = options.createTray()
  let summary = attentionSummary(null)
  let checking = false
  let destroyed = false

  const checkNow = () => {
    if (checking) return
    checking = true
    render()
    // A check that throws at once is handled like one that fails later.
    new Promise((resolve) => resolve(actions.checkNow()))
      .catch((error: Error) => logger.warn('check from the tray failed', { message: error.message }))
      .finally(() => {
        checking = false
        render()
      })
  }
  const run: Record<TrayMenuAction, () => void> = { open: actions.open, 'check-now': checkNow, quit: actions.quit }

  function render(): void {
    if (destroyed) return
    tray.setToolTip(summary.tooltip)
    // Only macOS shows text beside a tray icon.
    if (platform === 'darwin') tray.setTitle(summary.trayTitle)
    // Linux needs the menu set again after any change, so it is always rebuilt whole.
    const template = trayMenu(summary, { checking }).map((entry): MenuItemConstructorOptions => {
      if (entry.type === 'separator') return { type: 'separator' }
      if (entry.type === 'status') return { label: entry.label, enabled: false }
      return { label: entry.label, enabled: entry.enabled, click: run[entry.action] }
    })
    tray.setContextMenu(options.buildMenu(template))
  }

  // A left click opens the window on Windows (and on Linux panels that report clicks); on macOS
  // a click opens the menu.
  if (platform !== 'darwin') tray.on('click', actions.open)
  render()

  return {
    show(next) {
      summary = next
      render()
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      tray.destroy()
    }
  }
}
