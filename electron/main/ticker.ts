/**
 * The core's Ticker port over setInterval. Timers are unref'd (they never keep the process alive
 * by themselves), and a tick that throws is logged instead of reaching the uncaught-error handler.
 */
import type { Logger, Ticker } from '../core/ports'

export function createIntervalTicker(logger: Logger): Ticker {
  return {
    every(intervalMs, tick) {
      const timer = setInterval(() => {
        try {
          tick()
        } catch (error) {
          logger.error('scheduled tick failed', { message: (error as Error).message })
        }
      }, intervalMs)
      timer.unref()
      return () => clearInterval(timer)
    }
  }
}
