/**
 * The checker's secrets (issue #12, point 7): the Lazada app secret (and the team password) from an
 * environment variable, or from a file only the checker's user can read. A file group or others may
 * read, or another user's, is refused with a message naming it, and `npm run checker` exits with a
 * non-zero code before connecting anywhere. Kept by the core, the secret is never written in
 * plaintext, and an earlier run's ciphertext cannot be opened by a later one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckerConfigError } from '../../../electron/core/team/checker/owner-only-file'
import { readCheckerConfig } from '../../../electron/core/team/checker/checker-config'
import type { CheckerConfig } from '../../../electron/core/team/checker/checker-config'
import { openCheckerCore } from '../../../electron/core/team/checker/checker-core'
import { configureLazada } from '../../../electron/core/team/checker/lazada-setup'
import { processSecretStore } from '../../../electron/core/team/checker/process-secret-store'
import { silentLogger, systemClock } from '../../../electron/core/ports'
import { spawnChild } from '../../support/child-process'
import { makeTempDir, MIGRATIONS_FOLDER } from '../../support/test-database'
import { APP_SECRET, secretFile } from './support'

const BASE_ENV = {
  STOREWATCH_CHECKER_DATA_DIR: '/var/lib/storewatch-checker',
  STOREWATCH_TEAM_HOST: 'db.example.com',
  STOREWATCH_TEAM_DATABASE: 'storewatch',
  STOREWATCH_TEAM_USER: 'storewatch_checker',
  STOREWATCH_TEAM_PASSWORD: 'team-password',
  STOREWATCH_LAZADA_APP_KEY: '100132',
  STOREWATCH_LAZADA_ARTICLE_CODE: 'FW_GOODS-1000000281'
}

function configWith(env: Record<string, string>, argv: string[] = []): CheckerConfig {
  return readCheckerConfig({ argv, env: { ...BASE_ENV, ...env }, cwd: process.cwd(), readFile: (file) => fs.readFileSync(file, 'utf8') })
}

const refusal = (work: () => unknown): string => {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(CheckerConfigError)
    return (error as Error).message
  }
  throw new Error('not refused')
}

const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0)) close()
})

describe('the checker’s Lazada app secret', () => {
  it('comes from STOREWATCH_LAZADA_APP_SECRET, with the rest of the configuration from the environment', () => {
    const config = configWith({ STOREWATCH_LAZADA_APP_SECRET: APP_SECRET, STOREWATCH_CHECK_INTERVAL: '30m' })
    expect(config).toMatchObject({
      appSecret: APP_SECRET,
      teamPassword: 'team-password',
      team: { host: 'db.example.com', port: 5432, database: 'storewatch', user: 'storewatch_checker', tls: 'verify-full' },
      lazada: { appKey: '100132', articleCode: 'FW_GOODS-1000000281', publishedCountries: null },
      checkIntervalMs: 30 * 60_000,
      leasePollMs: 30_000
    })
  })

  it('comes from a file with mode 0600 of the checker’s user; the same file with mode 0644 is refused', () => {
    const dir = makeTempDir()
    const file = secretFile(dir, 'lazada-app-secret', APP_SECRET, 0o600)
    expect(configWith({}, [`--lazada-app-secret-file=${file}`]).appSecret).toBe(APP_SECRET)
    fs.chmodSync(file, 0o644)
    expect(refusal(() => configWith({}, [`--lazada-app-secret-file=${file}`]))).toBe(
      `The Lazada app secret file ${file} has mode 0644: group or others may read it. Run chmod 600 ${file}.`
    )
  })

  it.runIf(process.getuid?.() === 0)('in a file of another user is refused', () => {
    const file = secretFile(makeTempDir(), 'lazada-app-secret', APP_SECRET, 0o600)
    fs.chownSync(file, 65_534, 65_534)
    expect(refusal(() => configWith({}, [`--lazada-app-secret-file=${file}`]))).toMatch(/belongs to user id 65534, not to the user the checker runs as \(0\): chown it/)
  })

  it('missing, or given twice, is refused with what to set', () => {
    expect(refusal(() => configWith({}))).toMatch(/Missing the Lazada app secret: set STOREWATCH_LAZADA_APP_SECRET, or give --lazada-app-secret-file/)
    const file = secretFile(makeTempDir(), 'secret', APP_SECRET)
    expect(refusal(() => configWith({ STOREWATCH_LAZADA_APP_SECRET: APP_SECRET }, [`--lazada-app-secret-file=${file}`]))).toMatch(/given twice/)
  })

  it('flags win over the environment; a poll not shorter than the interval, a bad duration or an unknown flag is refused', () => {
    const env = { STOREWATCH_LAZADA_APP_SECRET: APP_SECRET, STOREWATCH_TEAM_HOST: 'other.example.com' }
    expect(configWith(env, ['--team-host=db.example.com', '--check-interval=2m', '--lease-poll=10s'])).toMatchObject({ team: { host: 'db.example.com' }, checkIntervalMs: 120_000, leasePollMs: 10_000 })
    expect(refusal(() => configWith(env, ['--check-interval=1m', '--lease-poll=1m']))).toMatch(/--lease-poll \(60000 ms\) must be shorter than --check-interval \(60000 ms\)/)
    expect(refusal(() => configWith(env, ['--check-interval=soon']))).toMatch(/--check-interval is a duration such as 90s, 15m or 1h/)
    expect(refusal(() => configWith(env, ['--lazada-app-secret=oops']))).toMatch(/Unknown option '--lazada-app-secret'/)
  })

  it('npm run checker with a secret file readable by others exits with code 2 before connecting anywhere', async () => {
    const dir = makeTempDir()
    const file = secretFile(dir, 'lazada-app-secret', APP_SECRET, 0o644)
    const args = [
      `--data-dir=${path.join(dir, 'data')}`,
      '--team-host=127.0.0.1',
      '--team-database=postgres',
      '--team-user=nobody',
      `--team-password-file=${secretFile(dir, 'password', 'pw')}`,
      '--lazada-app-key=100132',
      '--lazada-article-code=FW_GOODS-1',
      `--lazada-app-secret-file=${file}`
    ]
    const child = spawnChild('scripts/checker.ts', args, { timeoutMs: 60_000 })
    expect(await child.exited).toEqual({ code: 2, signal: null })
    expect(fs.existsSync(path.join(dir, 'data', 'storewatch.db'))).toBe(false)
  }, 60_000)

  it('kept by the core for the run: set for the Lazada check, never in plaintext on disk, unreadable by a later run', async () => {
    const dataDir = makeTempDir()
    const config = configWith({ STOREWATCH_LAZADA_APP_SECRET: APP_SECRET }, [`--data-dir=${dataDir}`])
    const open = () => {
      const opened = openCheckerCore({ dataDir, migrationsFolder: MIGRATIONS_FOLDER, appVersion: '0.0.0-test', clock: systemClock, logger: silentLogger, secretStore: processSecretStore(), lazadaHosts: { kind: 'none' }, onBroadcast: () => undefined })
      closers.push(() => opened.database.close())
      return opened
    }
    const first = open()
    await configureLazada(first.core, config)
    expect(await first.core.credentials.view()).toMatchObject({ secret: 'set', remoteChecks: true })
    first.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of fs.readdirSync(dataDir).filter((name) => name.startsWith('storewatch.db'))) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes(Buffer.from(APP_SECRET))).toBe(false)
    }
    first.database.close()
    closers.pop()

    // A new process has a new key: the ciphertext left behind opens no more, until it is given the secret again.
    const second = open()
    expect((await second.core.credentials.view()).secret).toBe('unreadable')
    await configureLazada(second.core, config)
    expect((await second.core.credentials.view()).secret).toBe('set')
  })
})
