/**
 * Every BrowserWindow comes from here, so the security preferences are set in one place and a
 * test can read them. Electron is only imported as types: the constructor is passed in, which
 * lets Node tests drive the factory with a fake window.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { Logger } from '../core/ports'
import type { Rect, WindowState } from '../core/window-state'
import { MIN_WINDOW_SIZE, loadWindowState, saveWindowState } from '../core/window-state'

export const WINDOW_TITLE = 'Storewatch'

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
