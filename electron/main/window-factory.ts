/**
 * Every BrowserWindow comes from here, so the security preferences are set in one place and a
 * test can read them. Electron is only imported as types: the constructor is passed in, which
 * lets Node tests drive the factory with a fake window.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebPreferences } from 'electron'
import type { Logger } from '../core/ports'
import type { Rect, WindowState } from '../core/window-state'
import { MIN_WINDOW_SIZE, loadWindowState, saveWindowState } from '../core/window-state'

export const WINDOW_TITLE = 'Storewatch'

/** The preferences every window shares: the page gets no Node, no privileges, no <webview>. */
function lockedWebPreferences(devTools: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Packaged builds have no way into DevTools (no shortcut, no menu entry).
    devTools
  }
}

export function buildWindowOptions(options: { preloadPath: string; state: WindowState; devTools: boolean }): BrowserWindowConstructorOptions {
  const { preloadPath, state, devTools } = options
  return {
    title: WINDOW_TITLE,
    width: state.width,
    height: state.height,
    ...state.position,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on ready-to-show, so the KAM never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      ...lockedWebPreferences(devTools)
    }
  }
}

/** Big enough for Lazada's login and consent pages, small enough to leave the app visible behind. */
export const AUTH_WINDOW_SIZE = { width: 900, height: 760, minWidth: 480, minHeight: 520 } as const

/**
 * The Lazada authorization window: a third-party page, so it gets the same locked preferences
 * and, on top, no preload at all (nothing of the app is reachable from it: no bridge, no IPC) and
 * its own session, which the caller creates fresh and in memory for each attempt. It stays above
 * the app window (`parent`) without blocking it (not modal), so the KAM can still read the
 * checklist while the seller signs in.
 */
export function buildAuthWindowOptions(options: {
  title: string
  session: Session
  parent: BrowserWindow | null
  devTools: boolean
}): BrowserWindowConstructorOptions {
  const { title, session, parent, devTools } = options
  return {
    title,
    ...AUTH_WINDOW_SIZE,
    ...(parent ? { parent } : {}),
    modal: false,
    show: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...lockedWebPreferences(devTools),
      // No `preload` key at all: the page must find nothing of the app.
      session,
      // A file or link dropped on the page must not navigate the window behind the allow-list's back.
      navigateOnDragDrop: false,
      safeDialogs: true
    }
  }
}

export interface CreateWindowOptions {
  BrowserWindow: typeof BrowserWindow
  preloadPath: string
  devTools: boolean
  /** Where the window's size and place are remembered. */
  stateFile: string
  /** The work areas of the connected displays, to reject a saved place that is off screen. */
  workAreas: readonly Rect[]
  logger: Logger
}

export function createWindow(options: CreateWindowOptions): BrowserWindow {
  const state = loadWindowState(options.stateFile, options.workAreas)
  const window = new options.BrowserWindow(buildWindowOptions({ ...options, state }))
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, window.getNormalBounds(), window.isMaximized())
    } catch (error) {
      options.logger.warn('window size and place not saved', { message: (error as Error).message })
    }
  })
  return window
}
