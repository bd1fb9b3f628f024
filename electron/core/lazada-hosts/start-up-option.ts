/**
 * The one way to point Storewatch at hosts other than Lazada's: a start-up option, for the tests'
 * mock servers and for integrators who run a proxy. `--lazada-hosts=<value>` wins over
 * `STOREWATCH_LAZADA_HOSTS=<value>`; the value is a JSON object, or the path of a file holding one:
 *
 *   { "authorize": "http://127.0.0.1:4100/oauth/authorize",
 *     "auth": "https://lazada-proxy.example.com/auth/rest",
 *     "gateways": { "SG": "https://lazada-proxy.example.com/sg/rest" } }
 *
 * Every key is optional (what is left out stays Lazada's), but at least one must be given. Each
 * address is https (plain http only on the loopback address), without a user name, password,
 * `?…` or `#…`. Settings cannot do this: a saved look-alike host would open in the sealed window
 * under the usual title and receive the token calls.
 */
import path from 'node:path'
import { z } from 'zod'
import { COVERED_COUNTRIES } from '../../shared/countries'
import type { CoveredCountry } from '../../shared/countries'
import { urlProblem } from '../../shared/integrator'
import { LAZADA_HOSTS_ENV, LAZADA_HOSTS_FLAG } from '../../shared/lazada-hosts'

/** Replacements for Lazada's hosts; what is absent stays Lazada's. */
export interface LazadaHostOverride {
  authorize?: string
  auth?: string
  gateways?: Partial<Record<CoveredCountry, string>>
}

export type LazadaHostsOption =
  | { kind: 'none' }
  | { kind: 'override'; source: 'flag' | 'environment'; hosts: LazadaHostOverride }
  /** Given, but unusable: Lazada's own hosts are used, and the app says why. */
  | { kind: 'invalid'; source: 'flag' | 'environment'; problem: string }

const URL_PROBLEMS: Record<NonNullable<ReturnType<typeof urlProblem>>, string> = {
  unparsable: 'is not a web address',
  scheme: 'must be https:// (plain http:// only on 127.0.0.1 or localhost)',
  credentials: 'must not carry a user name or password',
  fragment: 'must not carry a #… part',
  'trailing-dot': 'must not end its host name with a dot'
}

const address = z.string().superRefine((value, ctx) => {
  const problem = urlProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: URL_PROBLEMS[problem] })
  else if (new URL(value).search) ctx.addIssue({ code: 'custom', message: 'must not carry a ?… part' })
})

const overrideSchema = z.strictObject({
  authorize: address.optional(),
  auth: address.optional(),
  gateways: z.strictObject(Object.fromEntries(COVERED_COUNTRIES.map((c) => [c, address.optional()])) as Record<CoveredCountry, z.ZodOptional<typeof address>>).optional()
})

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `"${issue.path.join('.')}" ` : ''
  if (issue.code === 'unrecognized_keys') return `has an unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (use "authorize", "auth" and "gateways" with SG, MY, TH, PH, VN, ID)`
  if (issue.code === 'invalid_type') return `${where}must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`
  return `${where}${issue.message}`
}

/** The hosts a JSON text names, or the sentence saying what is wrong with it. */
export function parseHostOverride(text: string): { ok: true; hosts: LazadaHostOverride } | { ok: false; problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'is not valid JSON' }
  }
  const parsed = overrideSchema.safeParse(json)
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map(describeIssue).join('; ') }
  const { authorize, auth, gateways } = parsed.data
  const named = gateways && Object.fromEntries(Object.entries(gateways).filter(([, v]) => v !== undefined))
  if (!authorize && !auth && !(named && Object.keys(named).length)) return { ok: false, problem: 'names no host: give "authorize", "auth" or "gateways"' }
  return {
    ok: true,
    hosts: {
      ...(authorize ? { authorize } : {}),
      ...(auth ? { auth } : {}),
      ...(named && Object.keys(named).length ? { gateways: named as Partial<Record<CoveredCountry, string>> } : {})
    }
  }
}

export interface StartUpOptionSource {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  /** Reads a file named by the option (fs.readFileSync as UTF-8 in the app). */
  readFile: (file: string) => string
}

function given(options: StartUpOptionSource): { source: 'flag' | 'environment'; value: string } | null {
  const prefix = `${LAZADA_HOSTS_FLAG}=`
  const flag = options.argv.filter((arg) => arg.startsWith(prefix)).map((arg) => arg.slice(prefix.length)).at(-1)
  if (flag !== undefined) return { source: 'flag', value: flag }
  const env = options.env[LAZADA_HOSTS_ENV]
  return env ? { source: 'environment', value: env } : null
}

/** The start-up option, read from the command line and the environment. */
export function readLazadaHostsOption(options: StartUpOptionSource): LazadaHostsOption {
  const option = given(options)
  if (!option) return { kind: 'none' }
  const name = option.source === 'flag' ? LAZADA_HOSTS_FLAG : LAZADA_HOSTS_ENV
  const value = option.value.trim()
  if (value === '') return { kind: 'invalid', source: option.source, problem: `${name} is empty: give a JSON object or the path of a file holding one.` }
  let text = value
  let what = name
  if (!/^[[{]/.test(value)) {
    const file = path.resolve(options.cwd, value)
    what = `${name} (the file ${file})`
    try {
      text = options.readFile(file)
    } catch (error) {
      return { kind: 'invalid', source: option.source, problem: `${what} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` }
    }
  }
  const parsed = parseHostOverride(text)
  return parsed.ok ? { kind: 'override', source: option.source, hosts: parsed.hosts } : { kind: 'invalid', source: option.source, problem: `${what} ${parsed.problem}.` }
}

/** The option's value for a set of hosts: what tests and the preview pass as `--lazada-hosts=`. */
export function lazadaHostsOptionValue(hosts: LazadaHostOverride): string {
  return JSON.stringify(hosts)
}
