import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../electron/core/ports'
import { DEFAULT_WINDOW_STATE } from '../../../electron/core/window-state'
import { AUTH_WINDOW_SIZE, buildAuthWindowOptions, buildWindowOptions, createWindow } from '../../../electron/main/window-factory'
import { tempDir } from './temp-dirs'

const DISPLAY = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.js', state: DEFAULT_WINDOW_STATE, devTools: false })
  const web = options.webPreferences ?? {}

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['devTools', false]
  ] as const)('sets %s to %s', (key, value) => {
    expect(web[key]).toBe(value)
  })

  it('never turns on experimental or Blink features', () => {
    expect(web).not.toHaveProperty('experimentalFeatures')
    expect(web).not.toHaveProperty('enableBlinkFeatures')
  })

  it('uses the preload, stays hidden until ready, and keeps a usable minimum size', () => {
    expect(web.preload).toBe('/app/out/preload/index.js')
    expect(options.show).toBe(false)
    expect(options.title).toBe('Storewatch')
    expect(options.minWidth).toBe(1100)
    expect(options.minHeight).toBe(700)
  })

  it('opens DevTools only where the caller allows (development)', () => {
    expect(buildWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE, devTools: true }).webPreferences?.devTools).toBe(true)
  })

  it('places the window where it was, or lets the OS choose', () => {
    expect(options).not.toHaveProperty('x')
    const placed = buildWindowOptions({ preloadPath: 'p', state: { width: 1300, height: 900, maximized: false, position: { x: 40, y: 50 } }, devTools: false })
    expect(placed).toMatchObject({ x: 40, y: 50, width: 1300, height: 900 })
  })
})

describe('buildAuthWindowOptions', () => {
  const session = { partition: 'auth-x' } as unknown as Session
  const options = buildAuthWindowOptions({ title: 'Authorize Anchanto OM — Acme (SG)', session, parent: null, devTools: false })
  const app = buildWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE, devTools: false }).webPreferences ?? {}

  it('locks the page down like the app window, minus the preload, on the session it is given', () => {
    const { preload: _preload, ...locked } = app
    expect(options.webPreferences).toMatchObject(locked)
    expect(options.webPreferences).not.toHaveProperty('preload')
    expect(options.webPreferences?.session).toBe(session)
    expect(options.webPreferences?.navigateOnDragDrop).toBe(false)
  })

  it('is a modest, non-modal window with the title it is given', () => {
    expect(options).toMatchObject({ title: 'Authorize Anchanto OM — Acme (SG)', modal: false, ...AUTH_WINDOW_SIZE })
    expect(options).not.toHaveProperty('parent')
  })
})

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = []
  readonly show = vi.fn()
  readonly maximize = vi.fn()
  bounds = { x: 10, y: 20, width: 1400, height: 900 }
  maximized = false
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeWindow.created.push(this)
  }
  getNormalBounds() {
    return this.bounds
  }
  isMaximized() {
    return this.maximized
  }
}

function make(stateFile: string) {
  return createWindow({
    BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
    preloadPath: 'preload.js',
    devTools: false,
    stateFile,
    workAreas: DISPLAY,
    logger: silentLogger
  }) as unknown as FakeWindow
}

describe('createWindow', () => {
  it('shows the window only when its first paint is ready', () => {
    const window = make(path.join(tempDir(), 'window-state.json'))
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
    expect(window.maximize).not.toHaveBeenCalled()
  })

  it('remembers size, place and maximized state across restarts', () => {
    const stateFile = path.join(tempDir(), 'window-state.json')
    const first = make(stateFile)
    first.maximized = true
    first.emit('close')

    const second = make(stateFile)
    expect(second.options).toMatchObject({ x: 10, y: 20, width: 1400, height: 900 })
    second.emit('ready-to-show')
    expect(second.maximize).toHaveBeenCalled()
  })

  it('falls back to the defaults when the saved file is damaged', () => {
    const stateFile = path.join(tempDir(), 'window-state.json')
    fs.writeFileSync(stateFile, '{"width": "wide"')
    expect(make(stateFile).options).toMatchObject({ width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height })
  })

  it('logs instead of throwing when the state cannot be written', () => {
    const blocker = path.join(tempDir(), 'not-a-folder')
    fs.writeFileSync(blocker, '')
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    const window = createWindow({
      BrowserWindow: FakeWindow as unknown as typeof BrowserWindow,
      preloadPath: 'preload.js',
      devTools: false,
      stateFile: path.join(blocker, 'window-state.json'),
      workAreas: DISPLAY,
      logger
    }) as unknown as FakeWindow
    expect(() => window.emit('close')).not.toThrow()
    expect(logger.warn).toHaveBeenCalledWith('window size and place not saved', expect.any(Object))
  })
})
