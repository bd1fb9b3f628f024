/**
 * Wakes the scheduler when the computer resumes from sleep or the session is unlocked: a check
 * that fell due meanwhile runs now instead of at the next tick. powerMonitor comes in as a
 * parameter (it can only be used after `ready`), so a Node test can emit the events.
 */
import type { Monitoring } from '../core/monitoring/monitoring'
import type { Logger } from '../core/ports'

export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown
  on(event: 'unlock-screen', listener: () => void): unknown
  removeListener(event: 'resume', listener: () => void): unknown
  removeListener(event: 'unlock-screen', listener: () => void): unknown
}

/** Registers the listeners; returns the function that removes them. */
export function watchPowerEvents(options: { powerMonitor: PowerMonitorLike; monitoring: Pick<Monitoring, 'wake'>; logger: Logger }): () => void {
  const { powerMonitor, monitoring, logger } = options
  const wake = (reason: 'resume' | 'unlock-screen') => () => {
    logger.info('checking whether a check is due', { reason })
    try {
      monitoring.wake()
    } catch (error) {
      logger.error('wake-up check failed', { reason, message: (error as Error).message })
    }
  }
  const onResume = wake('resume')
  const onUnlock = wake('unlock-screen')
  powerMonitor.on('resume', onResume)
  powerMonitor.on('unlock-screen', onUnlock)
  return () => {
    powerMonitor.removeListener('resume', onResume)
    powerMonitor.removeListener('unlock-screen', onUnlock)
  }
}
