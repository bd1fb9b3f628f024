import fs from 'node:fs'
import path from 'node:path'
import type { Protocol } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, registerAppScheme, serveRendererBundle } from '../../../electron/main/app-protocol'
import { tempDir } from './temp-dirs'

describe('app:// scheme', () => {
  it('is registered standard and secure, and CORS-enabled because it supports fetch (CVE-2026-70604)', () => {
    const registered: unknown[] = []
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) })
    expect(registered).toEqual([APP_SCHEME_PRIVILEGES])
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }
    })
  })

  it('answers requests with Responses carrying status, headers and body', async () => {
    const root = tempDir()
    fs.writeFileSync(path.join(root, 'index.html'), '<p>hi</p>')
    const handlers = new Map<string, (request: Request) => Promise<Response>>()
    const protocol = { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler) }
    serveRendererBundle(protocol as unknown as Pick<Protocol, 'handle'>, root)
    const handler = handlers.get('app')!

    const ok = await handler(new Request('app://storewatch/index.html'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await ok.text()).toBe('<p>hi</p>')

    const missing = await handler(new Request('app://storewatch/../../etc/passwd'))
    expect(missing.status).toBe(404)
  })
})
