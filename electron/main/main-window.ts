/**
 * The main window's life while checks run in the background. Closing it hides it (the scheduler,
 * notifications and tray keep going) unless the app is quitting; the first time, the KAM is told
 * where Storewatch went. A notification click, the tray, a second launch and the dock bring it
 * back. The window comes from a factory and is typed by the little used here, so a Node test can
 * drive the controller with a fake window.
 */
import fs from 'node:fs'
import path from 'node:path'
import { decideWindowClose } from '../core/navigation/window-lifecycle'
import type { Broadcast, Logger } from '../core/ports'

export interface ManagedWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  isFullScreen(): boolean
  restore(): void
  show(): void
  focus(): void
  hide(): void
  setFullScreen(flag: boolean): void
  once(event: 'leave-full-screen', listener: () => void): unknown
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  on(event: 'closed', listener: () => void): unknown
  on(event: 'show', listener: () => void): unknown
  on(event: 'session-end', listener: () => void): unknown
  readonly webContents: {
    isLoading(): boolean
    once(event: 'did-finish-load', listener: () => void): unknown
  }
}

/** A yes/no remembered across restarts. */
export interface Flag {
  isSet(): boolean
  set(): void
}

export interface MainWindowOptions<W extends ManagedWindow = ManagedWindow> {
  /** Creates the window and starts loading the app, directly on `path` when one is given. */
  create: (path: string | null) => W
  broadcast: Broadcast
  /** Whether the KAM has been told that closing the window keeps Storewatch running. */
  backgroundHint: Flag
  /** The window was hidden for the first time: tell the KAM where Storewatch went. */
  onFirstHide: () => void
  /** The window became visible (Windows draws the taskbar overlay again). */
  onShow: () => void
  logger: Logger
}

export interface MainWindowController<W extends ManagedWindow = ManagedWindow> {
  /** The window, if it exists (hidden or not). */
  current(): W | null
  /** Creates the window if there is none. */
  open(): W
  /** Brings the window to the front: restored, shown and focused (created if need be). */
  reveal(): void
  /** Reveals the window and shows `path` in it (a notification was clicked). */
  navigate(path: string): void
  /** The app is quitting for real: the next close closes. */
  markQuitting(): void
  readonly quitting: boolean
}

export function createMainWindowController<W extends ManagedWindow>(options: MainWindowOptions<W>): MainWindowController<W> {
  const { broadcast, backgroundHint, logger } = options
  let window: W | null = null
  let quitting = false
  /** Windows that have painted once; before that, window-factory shows them on `ready-to-show`. */
  const painted = new WeakSet<ManagedWindow>()

  const current = () => (window && !window.isDestroyed() ? window : null)

  function create(path: string | null): W {
    const created = options.create(path)
    created.once('ready-to-show', () => painted.add(created))
    created.on('close', (event) => {
      const decision = decideWindowClose({ quitting, backgroundHintShown: backgroundHint.isSet() })
      if (decision.action === 'close') return
      event.preventDefault()
      hide(created)
      if (decision.tellKam) {
        backgroundHint.set()
        options.onFirstHide()
      }
    })
    created.on('closed', () => {
      if (window === created) window = null
    })
    created.on('show', options.onShow)
    // Windows ends the session (shutdown, restart, log off) without `before-quit`: let it close.
    created.on('session-end', () => {
      quitting = true
    })
    window = created
    return created
  }

  function hide(target: ManagedWindow): void {
    // Hiding a full-screen window on macOS leaves a black space: leave full screen first.
    if (target.isFullScreen()) {
      target.once('leave-full-screen', () => target.hide())
      target.setFullScreen(false)
    } else {
      target.hide()
    }
  }

  function bringToFront(target: ManagedWindow): void {
    // Not painted yet: it shows itself when it is, and showing it now would flash a blank frame.
    if (!painted.has(target)) return
    if (target.isMinimized()) target.restore()
    target.show()
    target.focus()
  }

  return {
    current,
    open: () => current() ?? create(null),
    reveal() {
      const existing = current()
      // A new window shows itself once it has painted (window-factory), never as a blank frame.
      if (existing) bringToFront(existing)
      else create(null)
    },
    navigate(path) {
      const existing = current()
      if (!existing) {
        // A new window loads straight on the path: no event can be missed while it starts.
        create(path)
        return
      }
      bringToFront(existing)
      const send = () => broadcast('app:navigate', { path })
      if (existing.webContents.isLoading()) existing.webContents.once('did-finish-load', send)
      else send()
      logger.info('notification opened a page', { page: path.split(/[/?]/)[1] ?? '' })
    },
    markQuitting() {
      quitting = true
    },
    get quitting() {
      return quitting
    }
  }
}

/** A flag kept as an empty marker file; a file that cannot be read or written counts as unset. */
export function fileFlag(file: string, logger: Logger): Flag {
  let known: boolean | null = null
  return {
    isSet() {
      if (known === null) known = fs.existsSync(file)
      return known
    },
    set() {
      known = true
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, '')
      } catch (error) {
        logger.warn('flag not saved', { file: path.basename(file), message: (error as Error).message })
      }
    }
  }
}
