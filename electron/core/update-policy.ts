/** When the app may look for updates. The updater itself lives in main; this decides whether it runs. */

/** How often a running app checks for a new release. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000

export const DISABLE_UPDATES_ENV = 'STOREWATCH_DISABLE_UPDATES'

export type UpdateSupport = { enabled: true } | { enabled: false; reason: string }

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

export function autoUpdateSupport(options: {
  isPackaged: boolean
  platform: string
  env: Readonly<Record<string, string | undefined>>
}): UpdateSupport {
  if (!options.isPackaged) return { enabled: false, reason: 'not a packaged build' }
  if (isSet(options.env[DISABLE_UPDATES_ENV])) return { enabled: false, reason: `${DISABLE_UPDATES_ENV} is set` }
  // On Linux only the AppImage can replace itself, and electron-updater finds it through $APPIMAGE.
  if (options.platform === 'linux' && !options.env.APPIMAGE) return { enabled: false, reason: 'not running as an AppImage' }
  return { enabled: true }
}
