import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { backgroundHint, decideWindowClose } from '../../../electron/core/navigation/window-lifecycle'
import { silentLogger } from '../../../electron/core/ports'
import type { Broadcast } from '../../../electron/core/ports'
import { createMainWindowController, fileFlag } from '../../../electron/main/main-window'
import type { Flag, ManagedWindow } from '../../../electron/main/main-window'
import { tempDir } from './temp-dirs'

describe('decideWindowClose', () => {
  it('hides the window instead of closing it, telling the KAM the first time only', () => {
    expect(decideWindowClose({ quitting: false, backgroundHintShown: false })).toEqual({ action: 'hide', tellKam: true })
    expect(decideWindowClose({ quitting: false, backgroundHintShown: true })).toEqual({ action: 'hide', tellKam: false })
  })

  it('closes for real when the app is quitting', () => {
    expect(decideWindowClose({ quitting: true, backgroundHintShown: false })).toEqual({ action: 'close' })
    expect(decideWindowClose({ quitting: true, backgroundHintShown: true })).toEqual({ action: 'close' })
  })

  it('names the tray, or the menu bar on macOS', () => {
    expect(backgroundHint('win32').body).toBe('Storewatch keeps checking in the background — find it in the tray.')
    expect(backgroundHint('linux').body).toMatch(/in the tray\.$/)
    expect(backgroundHint('darwin').body).toMatch(/in the menu bar\.$/)
    expect(backgroundHint('darwin').title).toBe('Storewatch is still running')
  })
})

class FakeWindow extends EventEmitter implements ManagedWindow {
  destroyed = false
  minimized = false
  fullScreen = false
  visible = true
  loading = false
  readonly calls: string[] = []
  readonly webContents = {
    isLoading: () => this.loading,
    once: (event: 'did-finish-load', listener: () => void) => this.contents.once(event, listener)
  }
  readonly contents = new EventEmitter()
  constructor(readonly initialPath: string | null) {
    super()
  }
  isDestroyed = () => this.destroyed
  isMinimized = () => this.minimized
  isFullScreen = () => this.fullScreen
  restore = () => {
    this.calls.push('restore')
    this.minimized = false
  }
  show = () => {
    this.calls.push('show')
    this.visible = true
    this.emit('show')
  }
  focus = () => this.calls.push('focus')
  hide = () => {
    this.calls.push('hide')
    this.visible = false
  }
  setFullScreen = (flag: boolean) => {
    this.calls.push(`fullscreen:${flag}`)
    this.fullScreen = flag
    if (!flag) this.emit('leave-full-screen')
  }
  /** What window-factory does on `ready-to-show`. */
  paint() {
    this.emit('ready-to-show')
    this.show()
  }
  /** What Electron does when the KAM clicks the close button: `close`, then `closed` unless prevented. */
  tryClose(): 'closed' | 'kept' {
    let prevented = false
    this.emit('close', { preventDefault: () => (prevented = true) })
    if (prevented) return 'kept'
    this.destroyed = true
    this.emit('closed')
    return 'closed'
  }
}

function memoryFlag(set = false): Flag & { value: boolean } {
  return {
    value: set,
    isSet() {
      return this.value
    },
    set() {
      this.value = true
    }
  }
}

function setup(options: { hintShown?: boolean } = {}) {
  const created: FakeWindow[] = []
  const broadcasts: { event: string; payload: unknown }[] = []
  const broadcast: Broadcast = (event, payload) => broadcasts.push({ event, payload })
  const hint = memoryFlag(options.hintShown)
  const onFirstHide = vi.fn()
  const onShow = vi.fn()
  const controller = createMainWindowController({
    create: (initialPath) => {
      const window = new FakeWindow(initialPath)
      created.push(window)
      return window
    },
    broadcast,
    backgroundHint: hint,
    onFirstHide,
    onShow,
    logger: silentLogger
  })
  const only = () => {
    expect(created).toHaveLength(1)
    return created[0] as FakeWindow
  }
  /** Opens the window and lets it paint, as it does soon after start. */
  const openPainted = () => {
    controller.open()
    only().paint()
    only().calls.length = 0
    onShow.mockClear()
    return only()
  }
  return { controller, created, broadcasts, hint, onFirstHide, onShow, only, openPainted }
}

describe('main window controller', () => {
  it('opens one window, whatever asks', () => {
    const { controller, created } = setup()
    const window = controller.open()
    expect(controller.open()).toBe(window)
    controller.reveal()
    expect(created).toHaveLength(1)
    expect(controller.current()).toBe(window)
  })

  it('hides the window on close and tells the KAM once, remembering it', () => {
    const { controller, openPainted, hint, onFirstHide } = setup()
    const window = openPainted()
    expect(window.tryClose()).toBe('kept')
    expect(window.visible).toBe(false)
    expect(onFirstHide).toHaveBeenCalledOnce()
    expect(hint.value).toBe(true)
    controller.reveal()
    expect(window.visible).toBe(true)
    expect(window.tryClose()).toBe('kept')
    expect(onFirstHide).toHaveBeenCalledOnce()
    expect(controller.current()).toBe(window)
  })

  it('says nothing when the KAM was told before (an earlier session)', () => {
    const { openPainted, onFirstHide } = setup({ hintShown: true })
    expect(openPainted().tryClose()).toBe('kept')
    expect(onFirstHide).not.toHaveBeenCalled()
  })

  it('closes for real once the app is quitting', () => {
    const { controller, openPainted, onFirstHide } = setup()
    const window = openPainted()
    controller.markQuitting()
    expect(controller.quitting).toBe(true)
    expect(window.tryClose()).toBe('closed')
    expect(controller.current()).toBeNull()
    expect(onFirstHide).not.toHaveBeenCalled()
  })

  it('lets Windows end the session (shutdown, log off) without a before-quit', () => {
    const { openPainted } = setup()
    const window = openPainted()
    window.emit('session-end', {})
    expect(window.tryClose()).toBe('closed')
  })

  it('leaves full screen before hiding (macOS would leave a black space)', () => {
    const { openPainted } = setup()
    const window = openPainted()
    window.fullScreen = true
    window.tryClose()
    expect(window.calls).toEqual(['fullscreen:false', 'hide'])
  })

  it('reveals a hidden or minimized window: restored, shown, focused', () => {
    const { controller, openPainted, onShow } = setup()
    const window = openPainted()
    window.tryClose()
    window.minimized = true
    window.calls.length = 0
    controller.reveal()
    expect(window.calls).toEqual(['restore', 'show', 'focus'])
    expect(onShow).toHaveBeenCalledOnce()
  })

  it('never shows a window that has not painted yet (it shows itself when it has)', () => {
    const { controller, only } = setup()
    controller.open()
    controller.reveal()
    expect(only().calls).toEqual([])
    only().paint()
    expect(only().calls).toEqual(['show'])
  })

  it('navigates a loaded window: brings it forward, then sends app:navigate', () => {
    const { controller, openPainted, broadcasts } = setup()
    const window = openPainted()
    window.tryClose()
    controller.navigate('/stores/42')
    expect(window.visible).toBe(true)
    expect(window.calls).toEqual(['hide', 'show', 'focus'])
    expect(broadcasts).toEqual([{ event: 'app:navigate', payload: { path: '/stores/42' } }])
  })

  it('waits for a window still loading before sending the path', () => {
    const { controller, only, broadcasts } = setup()
    controller.open()
    only().loading = true
    controller.navigate('/portfolio?ids=1,2')
    expect(broadcasts).toEqual([])
    only().contents.emit('did-finish-load')
    expect(broadcasts).toEqual([{ event: 'app:navigate', payload: { path: '/portfolio?ids=1,2' } }])
  })

  it('opens a new window directly on the path when there is none', () => {
    const { controller, created, broadcasts } = setup()
    controller.navigate('/stores/7')
    expect(created.map((window) => window.initialPath)).toEqual(['/stores/7'])
    // It shows itself once painted (window-factory); nothing is sent that could be missed.
    expect(created[0]?.calls).toEqual([])
    expect(broadcasts).toEqual([])
  })

  it('makes a new window after the old one was destroyed', () => {
    const { controller, created, openPainted } = setup()
    openPainted()
    controller.markQuitting()
    created[0]?.tryClose()
    controller.reveal()
    expect(created).toHaveLength(2)
    expect(controller.current()).toBe(created[1])
  })
})

describe('fileFlag', () => {
  it('is unset until set, and stays set for the next session', () => {
    const file = path.join(tempDir(), 'nested', 'background-hint-shown')
    const flag = fileFlag(file, silentLogger)
    expect(flag.isSet()).toBe(false)
    flag.set()
    expect(flag.isSet()).toBe(true)
    expect(fs.existsSync(file)).toBe(true)
    expect(fileFlag(file, silentLogger).isSet()).toBe(true)
  })

  it('counts as set for this session when the file cannot be written', () => {
    const dir = tempDir()
    const blocker = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocker, '')
    const logger = { ...silentLogger, warn: vi.fn() }
    const flag = fileFlag(path.join(blocker, 'flag'), logger)
    flag.set()
    expect(flag.isSet()).toBe(true)
    expect(logger.warn).toHaveBeenCalledOnce()
  })
})
