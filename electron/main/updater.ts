/**
 * Checks for updates every few hours through electron-updater. An update problem is logged and
 * never reaches the KAM as a crash: the app works fine on the version it has.
 */
import type { Logger } from '../core/ports'
import { UPDATE_CHECK_INTERVAL_MS } from '../core/update-policy'

/** Starts checking; returns the function that stops the schedule. */
export async function startAutoUpdates(logger: Logger): Promise<() => void> {
  // electron-updater is CommonJS: its named exports are only reliable through the default export
  // (electron-userland/electron-builder#7976). Loaded late so unpackaged runs never touch it.
  const { autoUpdater } = (await import('electron-updater')).default
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`)
  }
  autoUpdater.on('error', (error: Error) => logger.warn('update check failed', { message: error.message }))
  autoUpdater.on('update-downloaded', (info: { version: string }) => logger.info('update ready for next start', { version: info.version }))

  const check = () => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: Error) => logger.warn('update check failed', { message: error.message }))
  }
  check()
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
