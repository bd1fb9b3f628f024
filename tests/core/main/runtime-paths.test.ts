import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dataFiles, resolveBundlePaths, resolveDataDir, resolveTrayIcons } from '../../../electron/core/runtime-paths'
import {
  electronBuildEnv,
  electronNativePaths,
  nodeGypArgs,
  prebuildInstallArgs
} from '../../../scripts/electron-native.mjs'

const USER_DATA = path.resolve('/home/kam/.config/Storewatch')
const CWD = path.resolve('/work')

describe('resolveDataDir', () => {
  it('uses the OS user-data folder by default', () => {
    expect(resolveDataDir({ argv: ['electron', '.'], env: {}, defaultDir: USER_DATA, cwd: CWD })).toEqual({ dir: USER_DATA, overridden: false })
  })

  it('takes STOREWATCH_DATA_DIR, resolved against the working folder', () => {
    expect(resolveDataDir({ argv: [], env: { STOREWATCH_DATA_DIR: 'preview-data' }, defaultDir: USER_DATA, cwd: CWD })).toEqual({
      dir: path.join(CWD, 'preview-data'),
      overridden: true
    })
  })

  it('prefers --data-dir=<path> over the environment, the last one winning', () => {
    const argv = ['Storewatch', '--data-dir=/tmp/a', '--data-dir=/tmp/b']
    expect(resolveDataDir({ argv, env: { STOREWATCH_DATA_DIR: '/tmp/env' }, defaultDir: USER_DATA, cwd: CWD }).dir).toBe(path.resolve('/tmp/b'))
  })

  it('ignores empty overrides', () => {
    expect(resolveDataDir({ argv: ['--data-dir='], env: { STOREWATCH_DATA_DIR: '' }, defaultDir: USER_DATA, cwd: CWD }).overridden).toBe(false)
  })
})

describe('dataFiles', () => {
  it('keeps the database, backups, set-aside files, logs and window state in the data folder', () => {
    expect(dataFiles(USER_DATA)).toEqual({
      databasePath: path.join(USER_DATA, 'storewatch.db'),
      backupDir: path.join(USER_DATA, 'backups'),
      setAsideDir: path.join(USER_DATA, 'set-aside'),
      logsDir: path.join(USER_DATA, 'logs'),
      windowStateFile: path.join(USER_DATA, 'window-state.json'),
      backgroundHintFile: path.join(USER_DATA, 'background-hint-shown')
    })
  })
})

describe('resolveBundlePaths', () => {
  const common = { electronVersion: '44.11.5', platform: 'linux', arch: 'x64' }

  it('packaged: migrations and renderer inside app.asar, the native module in resources/native', () => {
    const resources = path.resolve('/opt/Storewatch/resources')
    const paths = resolveBundlePaths({ ...common, isPackaged: true, appPath: path.join(resources, 'app.asar'), resourcesPath: resources })
    expect(paths).toEqual({
      migrationsFolder: path.join(resources, 'app.asar', 'drizzle'),
      rendererDir: path.join(resources, 'app.asar', 'out', 'renderer'),
      nativeBinding: path.join(resources, 'native', 'better_sqlite3.node')
    })
  })

  it('development: the project’s drizzle/ and the binary the prestart script made for this Electron', () => {
    const root = path.resolve('/work/storewatch')
    const paths = resolveBundlePaths({ ...common, isPackaged: false, appPath: root, resourcesPath: '/electron/resources' })
    expect(paths.migrationsFolder).toBe(path.join(root, 'drizzle'))
    expect(paths.rendererDir).toBe(path.join(root, 'out', 'renderer'))
    expect(paths.nativeBinding).toBe(electronNativePaths({ projectRoot: root, ...common }).binary)
  })
})

describe('resolveTrayIcons', () => {
  const resources = path.resolve('/opt/Storewatch/resources')
  const root = path.resolve('/work/storewatch')

  it('packaged: the extra resource folder resources/tray', () => {
    const icons = resolveTrayIcons({ isPackaged: true, appPath: path.join(resources, 'app.asar'), resourcesPath: resources, platform: 'win32' })
    expect(icons.trayIcon).toBe(path.join(resources, 'tray', 'tray.png'))
    expect(icons.overlayIcon('badge-3.png')).toBe(path.join(resources, 'tray', 'badge-3.png'))
  })

  it('development: the project’s build/tray', () => {
    const icons = resolveTrayIcons({ isPackaged: false, appPath: root, resourcesPath: '/electron/resources', platform: 'linux' })
    expect(icons.trayIcon).toBe(path.join(root, 'build', 'tray', 'tray.png'))
  })

  it('gives macOS the template image the menu bar tints', () => {
    const icons = resolveTrayIcons({ isPackaged: true, appPath: path.join(resources, 'app.asar'), resourcesPath: resources, platform: 'darwin' })
    expect(icons.trayIcon).toBe(path.join(resources, 'tray', 'trayTemplate.png'))
  })

  it('accepts only a bare PNG file name for an overlay', () => {
    const icons = resolveTrayIcons({ isPackaged: false, appPath: root, resourcesPath: '/r', platform: 'win32' })
    expect(() => icons.overlayIcon('../../secret.png')).toThrow(/Not a tray icon/)
    expect(() => icons.overlayIcon('badge-1.ico')).toThrow(/Not a tray icon/)
  })
})

describe('electron-native (shared by the prestart script and main)', () => {
  it('names the binary by Electron version, platform and arch, with a copy for packaging', () => {
    const root = path.resolve('/work/storewatch')
    const paths = electronNativePaths({ projectRoot: root, electronVersion: '44.11.5', platform: 'darwin', arch: 'arm64' })
    expect(paths.binary).toBe(path.join(root, '.electron-native', 'better-sqlite3-44.11.5-darwin-arm64', 'better_sqlite3.node'))
    expect(paths.currentBinary).toBe(path.join(root, '.electron-native', 'current', 'better_sqlite3.node'))
    expect(path.dirname(paths.stampFile)).toBe(paths.dir)
    expect(paths.scratchDir.startsWith(path.join(root, '.electron-native') + path.sep)).toBe(true)
    expect(paths.scratchDir).not.toBe(paths.dir)
  })

  it('refuses something that is not a version, so a path cannot be built from it', () => {
    expect(() => electronNativePaths({ projectRoot: '/x', electronVersion: '../../etc', platform: 'linux', arch: 'x64' })).toThrow(/Not an Electron version/)
    expect(() => electronNativePaths({ projectRoot: '/x', electronVersion: '44.0.0-beta.3', platform: 'linux', arch: 'x64' })).not.toThrow()
  })

  it('builds without npm’s nodedir, whatever its case, and keeps everything else', () => {
    const env = { PATH: '/bin', npm_config_nodedir: '/usr/include/node', NPM_CONFIG_NODEDIR: '/usr', HTTPS_PROXY: 'http://proxy:3128' }
    expect(electronBuildEnv(env)).toEqual({ PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128' })
  })

  it('targets Electron in both the prebuild download and the source build', () => {
    const target = { electronVersion: '44.11.5', platform: 'win32', arch: 'x64' }
    expect(prebuildInstallArgs(target)).toEqual(['--runtime', 'electron', '--target', '44.11.5', '--platform', 'win32', '--arch', 'x64'])
    expect(nodeGypArgs(target)).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=44.11.5',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers'
    ])
  })
})
