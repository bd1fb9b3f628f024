/**
 * Log lines end up in files a KAM may attach to a support ticket, so anything that could grant
 * access is cut out before a line is written: URL query strings (they carry authorization codes
 * and state), `key=value` and JSON pairs with secret-sounding keys, bearer tokens and auth headers,
 * and long opaque letter-and-digit runs (access tokens, codes).
 */
const REDACTED = '[redacted]'

/** Keys whose values are secrets wherever they appear. */
const SECRET_FIELDS = 'access_?token|refresh_?token|id_?token|token|secret|app_?secret|client_?secret|password|passwd|sign|signature|authorization|cookie|set-cookie'
/**
 * In `key=value` text (query strings, form bodies) `code` and `state` are the OAuth code and its
 * binding; as object or JSON keys they are usually status codes (`"code":"0"`, `code: 'not-found'`)
 * and stay readable — an authorization code there is still caught as an opaque run.
 */
const SECRET_PARAMS = `${SECRET_FIELDS}|code|state`
const SECRET_KEY = new RegExp(`^(${SECRET_FIELDS})$`, 'i')

const URL_WITH_QUERY = /\b([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi
const KEY_VALUE = new RegExp(`\\b(${SECRET_PARAMS})=[^&\\s"',;]+`, 'gi')
const JSON_PAIR = new RegExp(`"(${SECRET_FIELDS})"\\s*:\\s*"[^"]*"`, 'gi')
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g
const AUTH_HEADER = /\b(authorization|cookie)\s*:\s*[^\r\n]+/gi
const OPAQUE_RUN = /[A-Za-z0-9_]{20,}/g

export function redactText(text: string): string {
  return text
    .replace(URL_WITH_QUERY, `$1?${REDACTED}`)
    .replace(KEY_VALUE, (pair) => `${pair.slice(0, pair.indexOf('='))}=${REDACTED}`)
    .replace(JSON_PAIR, (pair) => `${pair.slice(0, pair.indexOf(':'))}:"${REDACTED}"`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(AUTH_HEADER, `$1: ${REDACTED}`)
    .replace(OPAQUE_RUN, (run) => (/\d/.test(run) && /[A-Za-z]/.test(run) ? REDACTED : run))
}

const MAX_DEPTH = 6

/**
 * Redacts a value about to be logged: strings by `redactText`, object properties with
 * secret-sounding names entirely, errors by message and stack. Never mutates its input.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return REDACTED
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message))
    copy.name = value.name
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack)
    return copy
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, depth + 1)
  }
  return copy
}

/** A URL as it may appear in a log: origin and path, never the query or fragment. */
export function urlForLog(url: string | null | undefined): string {
  if (!url) return '(none)'
  try {
    const parsed = new URL(url)
    const origin = parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`
    return redactText(`${origin}${parsed.pathname}`)
  } catch {
    return '(unparsable url)'
  }
}
