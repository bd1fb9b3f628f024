import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)

const ROOT = path.resolve(__dirname, '../../..')

interface BuilderConfig {
  appId: string
  productName: string
  directories: { output: string }
  npmRebuild: boolean
  files: string[]
  extraResources: { from: string; to: string }[]
  electronFuses: Record<string, boolean>
  mac: { target: string[]; entitlements: string }
  win: { target: string[] }
  linux: { target: string[] }
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
