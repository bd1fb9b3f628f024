/**
 * Where the app keeps its data and finds its bundled files. Pure functions of what main reads
 * from Electron (`app.getPath`, `app.getAppPath`, `app.isPackaged`, `process.resourcesPath`).
 */
import path from 'node:path'
import { electronNativePaths } from '../../scripts/electron-native.mjs'

export const DATA_DIR_ENV = 'STOREWATCH_DATA_DIR'
export const DATA_DIR_FLAG = '--data-dir='

/**
 * The data folder: `--data-dir=<path>` wins over `STOREWATCH_DATA_DIR`, which wins over the OS
 * user-data folder. Overrides let tests and the preview run on a folder of their own.
 */
export function resolveDataDir(options: {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  defaultDir: string
  cwd: string
}): { dir: string; overridden: boolean } {
  const flag = options.argv
    .filter((arg) => arg.startsWith(DATA_DIR_FLAG))
    .map((arg) => arg.slice(DATA_DIR_FLAG.length))
    .filter(Boolean)
    .at(-1)
  const chosen = flag ?? (options.env[DATA_DIR_ENV] || undefined)
  return chosen ? { dir: path.resolve(options.cwd, chosen), overridden: true } : { dir: options.defaultDir, overridden: false }
}

export function dataFiles(dataDir: string) {
  return {
    databasePath: path.join(dataDir, 'storewatch.db'),
    backupDir: path.join(dataDir, 'backups'),
    /** Data files a restore replaced or start-up found damaged: moved here, never deleted. */
    setAsideDir: path.join(dataDir, 'set-aside'),
    logsDir: path.join(dataDir, 'logs'),
    windowStateFile: path.join(dataDir, 'window-state.json'),
    /** Present once the KAM was told that closing the window keeps Storewatch running in the tray. */
    backgroundHintFile: path.join(dataDir, 'background-hint-shown')
  }
}

export interface BundleLocation {
  isPackaged: boolean
  /** `app.getAppPath()`: the project root in development, `…/resources/app.asar` when packaged. */
  appPath: string
  resourcesPath: string
  electronVersion: string
  platform: string
  arch: string
}

/**
 * Files the running app needs from its bundle. Migrations and the renderer sit under the app path
 * in both modes (electron-builder's `files` puts out/** and drizzle/** inside app.asar, where
 * Electron's fs reads them). The Electron build of better-sqlite3 cannot load from inside an
 * asar: packaged it is an extra resource, in development the copy the prestart script made.
 */
export function resolveBundlePaths(location: BundleLocation) {
  const nativeBinding = location.isPackaged
    ? path.join(location.resourcesPath, 'native', 'better_sqlite3.node')
    : electronNativePaths({
        projectRoot: location.appPath,
        electronVersion: location.electronVersion,
        platform: location.platform,
        arch: location.arch
      }).binary
  return {
    migrationsFolder: path.join(location.appPath, 'drizzle'),
    rendererDir: path.join(location.appPath, 'out', 'renderer'),
    nativeBinding
  }
}

/**
 * The tray icons and taskbar badges (drawn by build/tray/make-tray-icons.sh). Packaged they are an
 * extra resource in `resources/tray` (the tray and the taskbar read real files, and nativeImage
 * finds each `@2x` twin beside its file); in development they are read from build/tray.
 * macOS gets the monochrome `trayTemplate.png`, which the menu bar tints for light and dark.
 */
export function resolveTrayIcons(location: Pick<BundleLocation, 'isPackaged' | 'appPath' | 'resourcesPath' | 'platform'>) {
  const dir = location.isPackaged ? path.join(location.resourcesPath, 'tray') : path.join(location.appPath, 'build', 'tray')
  return {
    trayIcon: path.join(dir, location.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    /** A file named by `attentionSummary(...).overlay.icon`; only a bare file name is accepted. */
    overlayIcon: (file: string) => {
      if (path.basename(file) !== file || !file.endsWith('.png')) throw new Error(`Not a tray icon file: ${file}`)
      return path.join(dir, file)
    }
  }
}
