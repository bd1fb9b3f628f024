/** The `app://` scheme the renderer is served from; what each request may read is core's decision. */
import type { CustomScheme, Protocol } from 'electron'
import { APP_SCHEME, serveAppRequest } from '../core/security/app-protocol'

/**
 * `standard` + `secure` give the bundle a real, secure origin. A scheme with `supportFetchAPI`
 * must also be `corsEnabled`, or other pages could fetch from it (CVE-2026-70604).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true }
}

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
}

export function serveRendererBundle(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest({ url: request.url, method: request.method }, rendererDir)
    const body = request.method === 'HEAD' ? null : new Uint8Array(answer.body)
    return new Response(body, { status: answer.status, headers: answer.headers })
  })
}
