import { afterEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../electron/core/ports'
import { createBroadcaster } from '../../../electron/main/broadcast'
import type { BroadcastWindow } from '../../../electron/main/broadcast'
import { createIntervalTicker } from '../../../electron/main/ticker'
import type { CheckRunSummary } from '../../../electron/shared/monitoring'

function fakeWindow(state: { window?: boolean; contents?: boolean } = {}) {
  const send = vi.fn()
  const window: BroadcastWindow = {
    isDestroyed: () => state.window ?? false,
    webContents: { isDestroyed: () => state.contents ?? false, send }
  }
  return { window, send }
}

const run: CheckRunSummary = { id: 1, trigger: 'interval', startedAt: 1, finishedAt: 2, storesChecked: 3, statusChanges: 0, remindersFired: 0, errors: [] }

describe('broadcaster', () => {
  it('sends an event to every live window and skips destroyed windows and pages', () => {
    const live = fakeWindow()
    const other = fakeWindow()
    const closed = fakeWindow({ window: true })
    const crashed = fakeWindow({ contents: true })
    const { broadcast } = createBroadcaster({ windows: () => [live.window, closed.window, crashed.window, other.window], logger: silentLogger })
    broadcast('reminders:changed', { unread: 2 })
    expect(live.send).toHaveBeenCalledExactlyOnceWith('reminders:changed', { unread: 2 })
    expect(other.send).toHaveBeenCalledOnce()
    expect(closed.send).not.toHaveBeenCalled()
    expect(crashed.send).not.toHaveBeenCalled()
  })

  it('reads the windows at each event', () => {
    const windows: BroadcastWindow[] = []
    const { broadcast } = createBroadcaster({ windows: () => windows, logger: silentLogger })
    const late = fakeWindow()
    windows.push(late.window)
    broadcast('app:navigate', { path: '/stores/1' })
    expect(late.send).toHaveBeenCalledWith('app:navigate', { path: '/stores/1' })
  })

  it('tells listeners in main after the windows, until they stop listening', () => {
    const order: string[] = []
    const window = fakeWindow()
    window.send.mockImplementation(() => order.push('window'))
    const broadcaster = createBroadcaster({ windows: () => [window.window], logger: silentLogger })
    const heard = vi.fn(() => order.push('listener'))
    const stop = broadcaster.on('checks:completed', heard)
    broadcaster.broadcast('reminders:changed', { unread: 0 })
    broadcaster.broadcast('checks:completed', run)
    expect(heard).toHaveBeenCalledExactlyOnceWith(run)
    expect(order).toEqual(['window', 'window', 'listener'])
    stop()
    broadcaster.broadcast('checks:completed', run)
    expect(heard).toHaveBeenCalledOnce()
  })

  it('keeps going when a window or a listener throws', () => {
    const broken = fakeWindow()
    broken.send.mockImplementation(() => {
      throw new Error('Render frame was disposed')
    })
    const fine = fakeWindow()
    const logger = { ...silentLogger, warn: vi.fn(), error: vi.fn() }
    const broadcaster = createBroadcaster({ windows: () => [broken.window, fine.window], logger })
    const after = vi.fn()
    broadcaster.on('checks:completed', () => {
      throw new Error('tray gone')
    })
    broadcaster.on('checks:completed', after)
    expect(() => broadcaster.broadcast('checks:completed', run)).not.toThrow()
    expect(fine.send).toHaveBeenCalledOnce()
    expect(after).toHaveBeenCalledOnce()
    expect(logger.warn).toHaveBeenCalledOnce()
    expect(logger.error).toHaveBeenCalledOnce()
  })
})

describe('interval ticker', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('ticks every interval until stopped', () => {
    vi.useFakeTimers()
    const tick = vi.fn()
    const stop = createIntervalTicker(silentLogger).every(60_000, tick)
    vi.advanceTimersByTime(180_000)
    expect(tick).toHaveBeenCalledTimes(3)
    stop()
    vi.advanceTimersByTime(180_000)
    expect(tick).toHaveBeenCalledTimes(3)
  })

  it('never keeps the process alive by itself', () => {
    const spy = vi.spyOn(globalThis, 'setInterval')
    const stop = createIntervalTicker(silentLogger).every(60_000, () => {})
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout
    expect(timer.hasRef()).toBe(false)
    stop()
    spy.mockRestore()
  })

  it('logs a tick that throws and keeps ticking', () => {
    vi.useFakeTimers()
    const logger = { ...silentLogger, error: vi.fn() }
    const tick = vi.fn(() => {
      throw new Error('database is locked')
    })
    const stop = createIntervalTicker(logger).every(1_000, tick)
    vi.advanceTimersByTime(2_000)
    expect(tick).toHaveBeenCalledTimes(2)
    expect(logger.error).toHaveBeenCalledTimes(2)
    stop()
  })
})
