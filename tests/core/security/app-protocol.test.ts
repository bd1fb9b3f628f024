import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  appOrigins,
  contentTypeFor,
  resolveAppRequestPath,
  serveAppRequest
} from '../../../electron/core/security/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/security/csp'
import { makeTempDir } from '../../support/test-database'

// base/bundle is the renderer bundle; base/outside holds what a request must never reach.
const base = makeTempDir('storewatch-protocol-')
const root = path.join(base, 'bundle')

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.mkdirSync(path.join(base, 'outside'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Storewatch</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{}')
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>')
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), 'x')
  fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), 'SECRET')
  fs.symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(root, 'escape.txt'))
  fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'escape-dir'))
  fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'alias.html'))
})

afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

const get = (url: string) => serveAppRequest({ url, method: 'GET' }, root)

describe('resolveAppRequestPath', () => {
  it('maps app://storewatch/<path> to a file inside the bundle', () => {
    expect(resolveAppRequestPath(APP_ENTRY_URL, root)).toBe(path.join(root, 'index.html'))
    expect(resolveAppRequestPath('app://storewatch/assets/index-abc123.js?v=1#x', root)).toBe(path.join(root, 'assets', 'index-abc123.js'))
    expect(resolveAppRequestPath('app://storewatch/', root)).toBe(path.join(root, 'index.html'))
    expect(resolveAppRequestPath('app://storewatch', root)).toBe(path.join(root, 'index.html'))
    expect(resolveAppRequestPath('app://storewatch/assets/my%20file.js', root)).toBe(path.join(root, 'assets', 'my file.js'))
  })

  it.each([
    'file:///etc/hosts',
    'https://storewatch/index.html',
    'app://evil/index.html',
    'app://storewatch.evil/index.html',
    'app://user:pw@storewatch/index.html',
    'app://storewatch:8080/index.html',
    'app://storewatch/..%2f..%2fetc%2fhosts',
    'app://storewatch/%2e%2e%2F%2e%2e%2Fetc%2Fhosts',
    'app://storewatch/..%5c..%5cetc%5chosts',
    'app://storewatch/..\\..\\etc\\hosts',
    'app://storewatch/%2Fetc%2Fhosts',
    'app://storewatch//etc/hosts',
    'app://storewatch/C:%5CWindows%5Cwin.ini',
    'app://storewatch/C:/Windows/win.ini',
    'app://storewatch/index.html%00.png',
    'app://storewatch/assets/%E0%A4%A',
    'app://storewatch/assets/',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveAppRequestPath(url, root)).toBeNull()
  })

  it.each(['app://storewatch/../../etc/hosts', 'app://storewatch/%2e%2e/%2e%2e/etc/hosts', 'app://storewatch/assets/../../../outside/secret.txt'])(
    'keeps %s inside the bundle (the URL parser folds the dots away)',
    (url) => {
      const resolved = resolveAppRequestPath(url, root)
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true)
    }
  )
})

describe('serveAppRequest', () => {
  it('serves the entry page with the CSP header and its content type', async () => {
    const response = await get(APP_ENTRY_URL)
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff')
    expect(response.body.toString()).toContain('<title>Storewatch</title>')
  })

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/data.bin', 'application/octet-stream']
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`${APP_ORIGIN}/${file}`)
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toBe(type)
  })

  it('follows a symlink that stays inside the bundle', async () => {
    expect((await get(`${APP_ORIGIN}/alias.html`)).status).toBe(200)
  })

  it.each([
    'app://storewatch/../../etc/hosts',
    'app://storewatch/../outside/secret.txt',
    'app://storewatch/%2e%2e/outside/secret.txt',
    'app://storewatch/%2E%2E/%2E%2E/etc/hosts',
    'app://storewatch/..%2foutside%2fsecret.txt',
    'app://storewatch/..%5coutside%5csecret.txt',
    `app://storewatch/${encodeURIComponent(path.join(base, 'outside', 'secret.txt'))}`,
    'app://storewatch/escape.txt',
    'app://storewatch/escape-dir/secret.txt',
    'app://storewatch/assets',
    'app://storewatch/missing.js',
    'app://storewatch/index.html%00',
    'app://evil/index.html'
  ])('answers %s with a bare 404', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(response.body.toString()).toBe('Not found')
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers HEAD like GET and refuses other methods', async () => {
    expect((await serveAppRequest({ url: APP_ENTRY_URL, method: 'HEAD' }, root)).status).toBe(200)
    expect((await serveAppRequest({ url: APP_ENTRY_URL, method: 'POST' }, root)).status).toBe(405)
  })
})

describe('appOrigins', () => {
  it('trusts the bundle origin, plus the dev server origin when there is one', () => {
    expect(appOrigins()).toEqual(['app://storewatch'])
    expect(appOrigins('http://localhost:5173/')).toEqual(['app://storewatch', 'http://localhost:5173'])
    expect(appOrigins('')).toEqual(['app://storewatch'])
  })
})

describe('contentTypeFor', () => {
  it('is case-insensitive on the extension', () => {
    expect(contentTypeFor('/x/LOGO.PNG')).toBe('image/png')
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2')
  })
})
