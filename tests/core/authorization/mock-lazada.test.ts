/** The mock Lazada authorization server over real HTTP: the authorize page, Submit's 302, Cancel, and the scenarios. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startMockLazada } from '../../support/mock-lazada/server'
import type { MockLazada } from '../../support/mock-lazada/server'

let mock: MockLazada
beforeEach(async () => {
  mock = await startMockLazada({ clientId: '100132' })
})
afterEach(() => mock.close())

const STATE = 'AAAAAAAAAAAAAAAAAAAAAA'

function authorizeUrl(overrides: Record<string, string | null> = {}): string {
  const url = new URL(mock.authorizeUrl)
  const params: Record<string, string | null> = {
    response_type: 'code',
    force_auth: 'true',
    redirect_uri: mock.callbackUrl,
    client_id: '100132',
    country: 'my',
    state: STATE,
    ...overrides
  }
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value)
  return url.toString()
}

function submit(fields: Record<string, string>): Promise<Response> {
  const form = new URLSearchParams({ client_id: '100132', redirect_uri: mock.callbackUrl, response_type: 'code', state: STATE, ...fields })
  return fetch(mock.authorizeUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })
}

const seller = { country: 'my', email: 'seller@acme.my', password: 'secret', agree: 'yes', action: 'submit' }

describe('the mock authorize page', () => {
  it('listens on 127.0.0.1 and shows the country select, e-mail, password, the terms checkbox, Submit and Cancel', async () => {
    expect(new URL(mock.origin).hostname).toBe('127.0.0.1')
    const response = await fetch(authorizeUrl())
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<select name="country">')
    expect(html).toContain('<option value="my" selected>MY</option>')
    expect(html).toContain('<input name="email" type="email"')
    expect(html).toContain('<input name="password" type="password">')
    expect(html).toContain('I agree to the Authorization Terms &amp; Agreement')
    expect(html).toContain('>Submit</button>')
    expect(html).toContain('>Cancel</button>')
  })

  it.each([
    ['an unknown client_id', { client_id: '999' }, 'Invalid client_id'],
    ['another redirect_uri', { redirect_uri: 'https://evil.test/callback' }, 'Redirect uri does not match the callback url of the APP'],
    ['a missing redirect_uri', { redirect_uri: null }, 'Redirect uri does not match'],
    ['response_type=token', { response_type: 'token' }, 'Unsupported response_type'],
    ['no state', { state: null }, 'Missing parameter: state']
  ])('refuses %s', async (_, overrides, text) => {
    const response = await fetch(authorizeUrl(overrides))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(text)
  })

  it('on Submit redirects (302) to the callback with code, state and the picked country', async () => {
    const response = await submit(seller)
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location')!)
    expect(`${location.origin}${location.pathname}`).toBe(mock.callbackUrl)
    expect(location.searchParams.get('state')).toBe(STATE)
    expect(location.searchParams.get('country')).toBe('my')
    expect(location.searchParams.get('code')).toMatch(/^0_100132_[A-Za-z0-9_-]{24}$/)
    expect(mock.issued).toEqual([{ code: location.searchParams.get('code'), state: STATE, country: 'my', email: 'seller@acme.my' }])
  })

  it('asks again when the e-mail, the password or the checkbox is missing', async () => {
    for (const fields of [{ ...seller, email: '' }, { ...seller, password: '' }, { ...seller, agree: '' }, { ...seller, country: 'kr' }]) {
      const response = await submit(fields)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('role="alert"')
    }
    expect(mock.issued).toEqual([])
  })

  it('on Cancel redirects to the callback with error=access_denied', async () => {
    const response = await submit({ action: 'cancel' })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location')!)
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: STATE })
  })

  it('serves the integrator’s login page as the callback, and remembers what it received', async () => {
    const response = await fetch(`${mock.callbackUrl}?code=x&state=${STATE}`)
    expect(await response.text()).toContain('Log in to Anchanto OM')
    expect(mock.callbacks.map((q) => q.get('state'))).toEqual([STATE])
  })
})

describe('the mock’s scenarios', () => {
  it('“app not published”: a page that says so, and no form', async () => {
    mock.scenario = 'not-published'
    const html = await (await fetch(authorizeUrl())).text()
    expect(html).toContain('The service has not been published to the Service Market and cannot be authorized and used.')
    expect(html).not.toContain('<form')
  })

  it('“service not ordered”: Submit sends the seller to Service Market, not the callback', async () => {
    mock.scenario = 'not-ordered'
    const response = await submit(seller)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`${mock.origin}/service-market?country=my`)
    expect(await (await fetch(`${mock.origin}/service-market?country=my`)).text()).toContain('Order Anchanto OM')
    expect(mock.issued).toEqual([])
  })

  it('an error page', async () => {
    mock.scenario = 'error-page'
    const response = await fetch(authorizeUrl())
    expect(response.status).toBe(500)
    expect(await response.text()).toContain('Something went wrong')
  })
})
