/**
 * The checker's configuration (issue #12, point 7), from flags or, for each, an environment
 * variable (the flag wins). Secrets never come from a flag, which `ps` would show: the team
 * password and the Lazada app secret come from an environment variable or from a file only the
 * checker's user can read (`owner-only-file.ts`).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { COVERED_COUNTRIES } from '../../../shared/countries'
import type { CoveredCountry } from '../../../shared/countries'
import { LAZADA_HOSTS_ENV, LAZADA_HOSTS_FLAG } from '../../../shared/lazada-hosts'
import { readLazadaHostsOption } from '../../lazada-hosts/start-up-option'
import type { LazadaHostsOption } from '../../lazada-hosts/start-up-option'
import type { TeamConnectionSettings } from '../server/connection-options'
import { CheckerConfigError, readOwnerOnlyFile } from './owner-only-file'

export interface CheckerConfig {
  /** Holds the checker's own replica (storewatch.db) and its backups. */
  dataDir: string
  team: TeamConnectionSettings
  teamPassword: string
  lazada: { appKey: string; articleCode: string; publishedCountries: CoveredCountry[] | null }
  appSecret: string
  lazadaHosts: LazadaHostsOption
  checkIntervalMs: number
  /** How often a standby asks for the lease, and the holder proves it still has it. */
  leasePollMs: number
}

/** Flag name → environment variable. */
export const CHECKER_OPTIONS = {
  'data-dir': 'STOREWATCH_CHECKER_DATA_DIR',
  'team-host': 'STOREWATCH_TEAM_HOST',
  'team-port': 'STOREWATCH_TEAM_PORT',
  'team-database': 'STOREWATCH_TEAM_DATABASE',
  'team-user': 'STOREWATCH_TEAM_USER',
  'team-tls': 'STOREWATCH_TEAM_TLS',
  'team-ca-file': 'STOREWATCH_TEAM_CA_FILE',
  'team-password-file': 'STOREWATCH_TEAM_PASSWORD_FILE',
  'lazada-app-key': 'STOREWATCH_LAZADA_APP_KEY',
  'lazada-article-code': 'STOREWATCH_LAZADA_ARTICLE_CODE',
  'lazada-countries': 'STOREWATCH_LAZADA_COUNTRIES',
  'lazada-app-secret-file': 'STOREWATCH_LAZADA_APP_SECRET_FILE',
  'lazada-hosts': LAZADA_HOSTS_ENV,
  'check-interval': 'STOREWATCH_CHECK_INTERVAL',
  'lease-poll': 'STOREWATCH_LEASE_POLL'
} as const
type OptionName = keyof typeof CHECKER_OPTIONS

export const TEAM_PASSWORD_ENV = 'STOREWATCH_TEAM_PASSWORD'
export const APP_SECRET_ENV = 'STOREWATCH_LAZADA_APP_SECRET'
const DEFAULT_CHECK_INTERVAL = '60m'
const MAX_LEASE_POLL_MS = 30_000
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

export interface ConfigSource {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  readFile: (path: string) => string
}

export function readCheckerConfig(source: ConfigSource): CheckerConfig {
  const value = optionReader(source)
  const required = (name: OptionName): string => {
    const given = value(name)
    if (given === undefined) throw new CheckerConfigError(`Missing --${name} (or ${CHECKER_OPTIONS[name]}).`)
    return given
  }
  const checkIntervalMs = duration('check-interval', value('check-interval') ?? DEFAULT_CHECK_INTERVAL)
  const poll = value('lease-poll')
  const leasePollMs = poll === undefined ? Math.min(Math.max(Math.floor(checkIntervalMs / 4), 1), MAX_LEASE_POLL_MS) : duration('lease-poll', poll)
  if (leasePollMs >= checkIntervalMs) {
    throw new CheckerConfigError(`--lease-poll (${leasePollMs} ms) must be shorter than --check-interval (${checkIntervalMs} ms), so a standby takes over within one interval.`)
  }
  return {
    dataDir: path.resolve(source.cwd, required('data-dir')),
    team: teamSettings(value, required),
    teamPassword: secret(source, value('team-password-file'), TEAM_PASSWORD_ENV, 'team password', '--team-password-file'),
    lazada: {
      appKey: required('lazada-app-key'),
      articleCode: required('lazada-article-code'),
      publishedCountries: countries(value('lazada-countries'))
    },
    appSecret: secret(source, value('lazada-app-secret-file'), APP_SECRET_ENV, 'Lazada app secret', '--lazada-app-secret-file'),
    lazadaHosts: lazadaHosts(source, value('lazada-hosts')),
    checkIntervalMs,
    leasePollMs
  }
}

function optionReader(source: ConfigSource): (name: OptionName) => string | undefined {
  let values: Record<string, string | boolean | undefined>
  try {
    const options = Object.fromEntries(Object.keys(CHECKER_OPTIONS).map((name) => [name, { type: 'string' as const }]))
    values = parseArgs({ args: [...source.argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new CheckerConfigError(`${(error as Error).message} (see npm run checker -- --help).`)
  }
  return (name) => {
    const given = values[name] ?? source.env[CHECKER_OPTIONS[name]]
    return typeof given === 'string' && given.trim() !== '' ? given.trim() : undefined
  }
}

function teamSettings(value: (name: OptionName) => string | undefined, required: (name: OptionName) => string): TeamConnectionSettings {
  const portText = value('team-port') ?? '5432'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new CheckerConfigError(`--team-port must be a port number from 1 to 65535, not "${portText}".`)
  const tls = value('team-tls') ?? 'verify-full'
  if (tls !== 'verify-full' && tls !== 'disable') throw new CheckerConfigError(`--team-tls is verify-full or disable (loopback only), not "${tls}".`)
  const caFile = value('team-ca-file')
  return { host: required('team-host'), port, database: required('team-database'), user: required('team-user'), tls, ...(caFile ? { caFile } : {}) }
}

/** A secret from its environment variable or its owner-only file; exactly one of them. */
function secret(source: ConfigSource, file: string | undefined, envName: string, what: string, flag: string): string {
  const fromEnv = source.env[envName]
  if (file !== undefined && fromEnv) throw new CheckerConfigError(`The ${what} is given twice, in ${envName} and in ${flag}: keep one.`)
  if (file !== undefined) {
    const read = readOwnerOnlyFile(path.resolve(source.cwd, file), what)
    if (read === '') throw new CheckerConfigError(`The ${what} file ${file} is empty.`)
    return read
  }
  if (fromEnv?.trim()) return fromEnv.trim()
  throw new CheckerConfigError(`Missing the ${what}: set ${envName}, or give ${flag} with a file only this user can read (chmod 600).`)
}

function duration(name: OptionName, text: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text)
  const ms = match ? Number(match[1]) * DURATION_UNITS[match[2]!]! : NaN
  if (!Number.isSafeInteger(ms) || ms < 100) throw new CheckerConfigError(`--${name} is a duration such as 90s, 15m or 1h (at least 100ms), not "${text}".`)
  return ms
}

function countries(text: string | undefined): CoveredCountry[] | null {
  if (text === undefined) return null
  const codes = text.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean)
  const unknown = codes.filter((code) => !(COVERED_COUNTRIES as readonly string[]).includes(code))
  if (unknown.length || codes.length === 0) {
    throw new CheckerConfigError(`--lazada-countries lists covered countries (${COVERED_COUNTRIES.join(', ')}), separated by commas; not ${unknown.join(', ') || 'empty'}.`)
  }
  return COVERED_COUNTRIES.filter((code) => codes.includes(code))
}

function lazadaHosts(source: ConfigSource, given: string | undefined): LazadaHostsOption {
  if (given === undefined) return { kind: 'none' }
  const option = readLazadaHostsOption({ argv: [`${LAZADA_HOSTS_FLAG}=${given}`], env: {}, cwd: source.cwd, readFile: source.readFile })
  if (option.kind === 'invalid') throw new CheckerConfigError(option.problem)
  return option
}
