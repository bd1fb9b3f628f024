/**
 * A mock of Lazada's authorization server over real HTTP on 127.0.0.1, for the core tests and the
 * browser harness. It serves:
 *
 * - `GET /oauth/authorize` — Lazada's authorize page: checks `client_id`, `redirect_uri`
 *   (exactly the registered callback, as Lazada does), `response_type=code` and `state`, then shows
 *   a form with the country select, the Seller Center e-mail and password, the checkbox
 *   "I agree to the Authorization Terms & Agreement", "Submit" and "Cancel".
 * - `POST /oauth/authorize` — Submit: HTTP 302 to the callback with `code` and `state`. Cancel:
 *   HTTP 302 to the callback with `error=access_denied` and `state`.
 * - `GET /callback` — the integrator's login page ("Anchanto OM login page") at the mock's own
 *   origin, the default registered callback.
 * - `GET /service-market` — where a seller who has not ordered is sent.
 *
 * Mock choices where Lazada documents nothing (lazada-open-platform.md §2, §15): the callback also
 * carries `country` (the venture the seller picked, lower case); a cancelled login comes back as
 * `error=access_denied`; "not published" and the error page are plain pages with Lazada's wording
 * from the guide's FAQ.
 *
 * Scenarios (switch at any time with `mock.scenario = …`):
 * - 'ok' — the flow works;
 * - 'not-published' — the authorize page says the service is not published and offers no form;
 * - 'not-ordered' — Submit sends the seller to Service Market instead of the callback;
 * - 'error-page' — the authorize page answers HTTP 500 with an error page.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type MockScenario = 'ok' | 'not-published' | 'not-ordered' | 'error-page'

export const MOCK_COUNTRIES = ['sg', 'my', 'th', 'ph', 'vn', 'id', 'cb'] as const

export interface MockLazadaOptions {
  /** The app key the mock accepts as `client_id`. */
  clientId?: string
  /** The registered callback; default: the mock's own `/callback`. */
  redirectUri?: string
  scenario?: MockScenario
  /** The app name shown on the pages. */
  appName?: string
}

export interface IssuedCode {
  code: string
  state: string
  country: string
  email: string
}

export interface MockLazada {
  origin: string
  /** `<origin>/oauth/authorize`: set it as the integrator profile's `authorizeBaseUrl`. */
  authorizeUrl: string
  /** `<origin>/callback`: the default registered callback. */
  callbackUrl: string
  clientId: string
  /** The registered callback the mock checks `redirect_uri` against. */
  redirectUri: string
  scenario: MockScenario
  /** Codes handed out on Submit, oldest first. */
  issued: IssuedCode[]
  /** Query strings the mock's callback page received, oldest first. */
  callbacks: URLSearchParams[]
  close(): Promise<void>
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > 64 * 1024) throw new Error('form too large')
    chunks.push(chunk as Buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

export async function startMockLazada(options: MockLazadaOptions = {}): Promise<MockLazada> {
  const appName = options.appName ?? 'Anchanto OM'
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const mock: MockLazada = {
    origin,
    authorizeUrl: `${origin}/oauth/authorize`,
    callbackUrl: `${origin}/callback`,
    clientId: options.clientId ?? '100132',
    redirectUri: options.redirectUri ?? `${origin}/callback`,
    scenario: options.scenario ?? 'ok',
    issued: [],
    callbacks: [],
    close: () =>
      new Promise<void>((resolve) => {
        // A browser keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }

  function send(response: http.ServerResponse, status: number, html: string): void {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html)
  }

  function redirect(response: http.ServerResponse, location: string): void {
    response.writeHead(302, { location, 'cache-control': 'no-store' }).end()
  }

  /** Lazada's checks on the authorize parameters; a message for the error page, or null. */
  function parameterProblem(params: URLSearchParams): string | null {
    if (params.get('client_id') !== mock.clientId) return 'Invalid client_id: no app has this App Key.'
    if (params.get('redirect_uri') !== mock.redirectUri) return 'Redirect uri does not match the callback url of the APP.'
    if (params.get('response_type') !== 'code') return 'Unsupported response_type: use code.'
    const state = params.get('state') ?? ''
    if (state === '' || state.length > 256) return 'Missing parameter: state.'
    return null
  }

  function form(params: URLSearchParams, error: string | null): string {
    const picked = (params.get('country') ?? '').toLowerCase()
    const hidden = ['client_id', 'redirect_uri', 'response_type', 'state']
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`)
      .join('')
    const options = MOCK_COUNTRIES.map((c) => `<option value="${c}"${c === picked ? ' selected' : ''}>${c === 'cb' ? 'Crossborder' : c.toUpperCase()}</option>`).join('')
    return page(
      'Lazada Open Platform — Authorization',
      `<h1>Lazada Open Platform</h1>
<p>${escapeHtml(appName)} asks for access to your Seller Center account.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">${hidden}
<label>Country <select name="country">${options}</select></label>
<label>E-mail <input name="email" type="email" value="${escapeHtml(params.get('email') ?? '')}"></label>
<label>Password <input name="password" type="password"></label>
<label><input type="checkbox" name="agree" value="yes"> I agree to the Authorization Terms &amp; Agreement</label>
<button type="submit" name="action" value="submit">Submit</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form>`
    )
  }

  function withParams(base: string, params: Record<string, string>): string {
    const url = new URL(base)
    for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value)
    return url.toString()
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)

    if (url.pathname === '/oauth/authorize' && request.method === 'GET') {
      if (mock.scenario === 'error-page') return send(response, 500, page('Error', '<h1>System error</h1><p>Something went wrong. Please try again later.</p>'))
      const problem = parameterProblem(url.searchParams)
      if (problem) return send(response, 400, page('Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(problem)}</p>`))
      if (mock.scenario === 'not-published') {
        return send(
          response,
          200,
          page('Not published', `<h1>Cannot authorize</h1><p>The service has not been published to the Service Market and cannot be authorized and used.</p>`)
        )
      }
      return send(response, 200, form(url.searchParams, null))
    }

    if (url.pathname === '/oauth/authorize' && request.method === 'POST') {
      const fields = await readForm(request)
      const problem = parameterProblem(fields)
      if (problem) return send(response, 400, page('Authorization error', `<h1>Authorization error</h1><p>${escapeHtml(problem)}</p>`))
      const state = fields.get('state')!
      if (fields.get('action') === 'cancel') return redirect(response, withParams(mock.redirectUri, { error: 'access_denied', state }))
      const email = (fields.get('email') ?? '').trim()
      const country = (fields.get('country') ?? '').toLowerCase()
      let error: string | null = null
      if (!(MOCK_COUNTRIES as readonly string[]).includes(country)) error = 'Select the country of the seller account.'
      else if (!email || !fields.get('password')) error = 'Enter the e-mail and password of the Seller Center account.'
      else if (fields.get('agree') !== 'yes') error = 'Please tick “I agree to the Authorization Terms & Agreement”.'
      if (error) return send(response, 200, form(fields, error))
      if (mock.scenario === 'not-ordered') return redirect(response, `${origin}/service-market?country=${country}`)
      const code = `0_${mock.clientId}_${randomBytes(18).toString('base64url')}`
      mock.issued.push({ code, state, country, email })
      return redirect(response, withParams(mock.redirectUri, { code, state, country }))
    }

    if (url.pathname === '/callback') {
      mock.callbacks.push(new URLSearchParams(url.search))
      return send(response, 200, page(`${appName} login`, `<h1>${escapeHtml(appName)}</h1><p>Log in to ${escapeHtml(appName)}.</p>`))
    }

    if (url.pathname === '/service-market') {
      return send(
        response,
        200,
        page('Lazada Service Market', `<h1>Lazada Service Market</h1><p>Order ${escapeHtml(appName)} (“Authorization Only”, “Half a year”) before authorizing it.</p>`)
      )
    }

    send(response, 404, page('Not found', '<p>Not found</p>'))
  }

  return mock
}
