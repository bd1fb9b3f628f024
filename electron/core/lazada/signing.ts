/**
 * Lazada's request signature (lazada-open-platform.md §7): HMAC-SHA256, keyed with the App Secret,
 * over the API path (no host, no `/rest`) followed by every sent parameter as `key` + raw `value`,
 * keys in byte order; uppercase hex.
 */
import { createHmac } from 'node:crypto'

/** Byte order of the UTF-8 keys: `endCreated` before `end_time` (`C` 0x43 < `_` 0x5F), unlike localeCompare. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** The string that is signed. `sign` itself is never part of it. */
export function signingBase(apiPath: string, params: Readonly<Record<string, string>>): string {
  const keys = Object.keys(params)
    .filter((key) => key !== 'sign')
    .sort(byteOrder)
  return apiPath + keys.map((key) => key + params[key]).join('')
}

export function signRequest(apiPath: string, params: Readonly<Record<string, string>>, appSecret: string): string {
  return createHmac('sha256', appSecret).update(signingBase(apiPath, params), 'utf8').digest('hex').toUpperCase()
}
