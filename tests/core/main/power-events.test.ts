import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../electron/core/ports'
import { watchPowerEvents } from '../../../electron/main/power-events'

function setup() {
  const powerMonitor = new EventEmitter()
  const monitoring = { wake: vi.fn() }
  const stop = watchPowerEvents({ powerMonitor, monitoring, logger: silentLogger })
  return { powerMonitor, monitoring, stop }
}

describe('power events', () => {
  it.each(['resume', 'unlock-screen'])('wakes the scheduler on %s', (event) => {
    const { powerMonitor, monitoring } = setup()
    powerMonitor.emit(event)
    expect(monitoring.wake).toHaveBeenCalledOnce()
  })

  it('ignores other power events', () => {
    const { powerMonitor, monitoring } = setup()
    for (const event of ['suspend', 'lock-screen', 'on-ac', 'on-battery', 'shutdown']) powerMonitor.emit(event)
    expect(monitoring.wake).not.toHaveBeenCalled()
  })

  it('stops listening when stopped', () => {
    const { powerMonitor, monitoring, stop } = setup()
    stop()
    powerMonitor.emit('resume')
    powerMonitor.emit('unlock-screen')
    expect(monitoring.wake).not.toHaveBeenCalled()
    expect(powerMonitor.listenerCount('resume') + powerMonitor.listenerCount('unlock-screen')).toBe(0)
  })

  it('logs a wake-up that throws instead of crashing main', () => {
    const powerMonitor = new EventEmitter()
    const logger = { ...silentLogger, error: vi.fn() }
    const monitoring = {
      wake: () => {
        throw new Error('database is closed')
      }
    }
    watchPowerEvents({ powerMonitor, monitoring, logger })
    expect(() => powerMonitor.emit('resume')).not.toThrow()
    expect(logger.error).toHaveBeenCalledOnce()
  })
})
