/**
 * Where the Electron build of better-sqlite3 lives, and how it is made. Pure: no file access.
 *
 * node_modules/better-sqlite3 keeps its Node build for `npm test`; the app loads a second copy,
 * built for Electron's ABI, through better-sqlite3's `nativeBinding` option. Both the prestart
 * script and the main process take the path from here so they cannot disagree.
 */
import path from 'node:path'

export const ELECTRON_NATIVE_DIR = '.electron-native'
export const NATIVE_FILE = 'better_sqlite3.node'
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

const VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/

/**
 * @param {{ projectRoot: string, electronVersion: string, platform: string, arch: string }} target
 */
export function electronNativePaths({ projectRoot, electronVersion, platform, arch }) {
  if (!VERSION.test(electronVersion)) throw new Error(`Not an Electron version: "${electronVersion}"`)
  const base = path.join(projectRoot, ELECTRON_NATIVE_DIR)
  const key = `${electronVersion}-${platform}-${arch}`
  const dir = path.join(base, `better-sqlite3-${key}`)
  return {
    dir,
    binary: path.join(dir, NATIVE_FILE),
    // Records which better-sqlite3 release the binary was built from: an upgrade must rebuild it.
    stampFile: path.join(dir, 'better-sqlite3.version'),
    // electron-builder.yml ships this one as resources/native/better_sqlite3.node.
    currentBinary: path.join(base, 'current', NATIVE_FILE),
    scratchDir: path.join(base, `scratch-${key}`)
  }
}

/**
 * The environment for building against Electron. npm's `nodedir` setting (set on machines without
 * internet so Node builds find local headers) would make node-gyp compile against Node's headers
 * instead, silently producing a binary Electron cannot load.
 *
 * @param {Record<string, string | undefined>} env
 */
export function electronBuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'))
}

/** Arguments for prebuild-install: fetch better-sqlite3's published Electron prebuild. */
export function prebuildInstallArgs({ electronVersion, platform, arch }) {
  return ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch]
}

/** Arguments for node-gyp: compile from source against Electron's headers. */
export function nodeGypArgs({ electronVersion, arch }) {
  return ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`]
}
