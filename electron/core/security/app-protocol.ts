/**
 * The packaged renderer is served from `app://storewatch/…` instead of `file://`: it gets a real
 * origin (for the CSP's 'self' and the IPC sender check) and none of file://'s extra privileges.
 * This module decides which file a request may read; main only wraps the answer in a Response.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp'
import { originOf } from './navigation'

export const APP_SCHEME = 'app'
export const APP_HOST = 'storewatch'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Origins allowed to load in the app window and to call main: the bundle, plus the dev server. */
export function appOrigins(devServerUrl?: string): string[] {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * A path segment that can only name an entry inside its folder. Decoding happens first, so
 * `%2e%2e`, `%2f` and `%5c` are judged as the `..`, `/` and `\` they stand for; `:` is refused for
 * Windows drive letters and alternate data streams.
 */
function isPlainSegment(segment: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters (NUL included) are exactly what is refused
  return segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:\u0000-\u001f]/.test(segment)
}

function isInside(rootDir: string, filePath: string): boolean {
  const relative = path.relative(rootDir, filePath)
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..'
}

/**
 * The file inside `rootDir` that an `app://storewatch/<path>` URL names, or null for anything else:
 * another scheme or host, credentials or a port, undecodable escapes, traversal, empty segments.
 * Lexical only; `serveAppRequest` also resolves symlinks before reading.
 */
export function resolveAppRequestPath(requestUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null

  const rawSegments = url.pathname === '/' || url.pathname === '' ? ['index.html'] : url.pathname.split('/').slice(1)
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (!isPlainSegment(segment)) return null
    segments.push(segment)
  }
  const filePath = path.join(rootDir, ...segments)
  return isInside(rootDir, filePath) ? filePath : null
}

export interface AppResponse {
  status: 200 | 404 | 405
  headers: Record<string, string>
  body: Buffer
}

const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
}

function refuse(status: 404 | 405): AppResponse {
  return {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: Buffer.from(status === 404 ? 'Not found' : 'Method not allowed')
  }
}

/**
 * Answers one request for the renderer bundle in `rootDir`. Every refusal is a plain 404 (or 405
 * for methods other than GET/HEAD) so a probe learns nothing about the disk. Symlinks are resolved
 * and must still land inside the bundle.
 */
export async function serveAppRequest(request: { url: string; method: string }, rootDir: string): Promise<AppResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
  const filePath = resolveAppRequestPath(request.url, rootDir)
  if (!filePath) return refuse(404)
  try {
    const [realRoot, realFile] = await Promise.all([fs.promises.realpath(rootDir), fs.promises.realpath(filePath)])
    if (!isInside(realRoot, realFile)) return refuse(404)
    const body = await fs.promises.readFile(realFile)
    return { status: 200, headers: { ...COMMON_HEADERS, 'Content-Type': contentTypeFor(realFile) }, body }
  } catch {
    // Missing files, folders (EISDIR) and unreadable entries all look the same from outside.
    return refuse(404)
  }
}
