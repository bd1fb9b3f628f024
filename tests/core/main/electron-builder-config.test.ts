import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { MAX_OVERLAY_COUNT, attentionSummary } from '../../../electron/core/navigation/attention'
import { APP_ID, LINUX_DESKTOP_FILE } from '../../../electron/main/app-identity'

const require = createRequire(import.meta.url)

const ROOT = path.resolve(__dirname, '../../..')

interface BuilderConfig {
  appId: string
  productName: string
  directories: { output: string }
  npmRebuild: boolean
  files: string[]
  extraResources: { from: string; to: string; filter?: string[] }[]
  electronFuses: Record<string, boolean>
  mac: { target: string[]; entitlements: string }
  win: { target: string[] }
  linux: { target: string[]; executableName: string }
  publish: { provider: string; url: string }
}

const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

describe('electron-builder.yml', () => {
  it('names the app and writes to release/', () => {
    expect(config).toMatchObject({ appId: 'com.storewatch.desktop', productName: 'Storewatch', directories: { output: 'release' } })
  })

  it('never rebuilds native modules itself (it would build against Node’s headers)', () => {
    expect(config.npmRebuild).toBe(false)
  })

  it('ships the code and every migration inside app.asar, without better-sqlite3’s Node build and sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'drizzle/**']))
    for (const folder of ['build', 'src', 'deps']) expect(config.files).toContain(`!node_modules/better-sqlite3/${folder}/**`)
    expect(fs.existsSync(path.join(ROOT, 'drizzle', 'meta', '_journal.json'))).toBe(true)
  })

  it('ships the Electron build of better-sqlite3 where main looks for it', () => {
    expect(config.extraResources).toContainEqual({ from: '.electron-native/current/better_sqlite3.node', to: 'native/better_sqlite3.node' })
  })

  it('uses the same app id as main’s Windows AppUserModelID, and the .desktop name main gives Linux', () => {
    expect(config.appId).toBe(APP_ID)
    expect(`${config.linux.executableName}.desktop`).toBe(LINUX_DESKTOP_FILE)
  })

  it('ships the tray icons where main looks for them when packaged', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/tray', to: 'tray', filter: ['*.png'] })
  })

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('builds updatable targets and publishes over https', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.target).toEqual(['AppImage'])
    expect(config.publish.provider).toBe('generic')
    expect(config.publish.url).toMatch(/^https:\/\/\$\{env\.[A-Z_]+\}\//)
    expect(fs.existsSync(path.join(ROOT, config.mac.entitlements))).toBe(true)
    expect(fs.existsSync(path.join(ROOT, 'build', 'icon.png'))).toBe(true)
  })

  it('matches electron-builder’s own configuration schema', async () => {
    // Internal module paths of app-builder-lib: if an upgrade moves them, this test says so.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })
})

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('build/tray', () => {
  const TRAY = path.join(ROOT, 'build', 'tray')

  it.each(['tray', 'trayTemplate'])('has %s at 16 px and its @2x twin at 32 px', (name) => {
    expect(pngSize(path.join(TRAY, `${name}.png`))).toEqual({ width: 16, height: 16 })
    expect(pngSize(path.join(TRAY, `${name}@2x.png`))).toEqual({ width: 32, height: 32 })
  })

  it('has a taskbar badge, 16 px and @2x, for every overlay a count can ask for', () => {
    const counts = Array.from({ length: MAX_OVERLAY_COUNT + 2 }, (_, i) => i + 1)
    const files = new Set(counts.map((count) => attentionSummary(count).overlay?.icon))
    expect(files.size).toBe(MAX_OVERLAY_COUNT + 1)
    for (const file of files) {
      expect(pngSize(path.join(TRAY, file ?? ''))).toEqual({ width: 16, height: 16 })
      expect(pngSize(path.join(TRAY, (file ?? '').replace('.png', '@2x.png')))).toEqual({ width: 32, height: 32 })
    }
  })
})
