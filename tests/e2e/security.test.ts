/** The page runs with no Node, under the CSP, and the bridge answers only the app's own page. */
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../electron/shared/ipc-contract'
import { bridgePath } from '../../electron/shared/bridge'
import { startApp } from './app-fixture'

describe('renderer isolation in the browser', () => {
  it('gives the page no Node and exactly the contract on window.storewatch', async () => {
    const { page } = await startApp()
    const seen = await page.evaluate(() => {
      const api = (window as unknown as { storewatch: Record<string, Record<string, unknown>> }).storewatch
      return {
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        frozen: Object.isFrozen(api),
        shape: Object.fromEntries(Object.entries(api).map(([k, v]) => [k, typeof v === 'function' ? 'function' : Object.keys(v).sort()]))
      }
    })
    const expected: Record<string, string | string[]> = { on: 'function' }
    for (const channel of CHANNELS) {
      const [domain, action] = bridgePath(channel)
      expected[domain] = [...((expected[domain] as string[] | undefined) ?? []), action].sort()
    }
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', frozen: true, shape: expected })
  })

  it('does not run injected inline script (CSP)', async () => {
    const { page } = await startApp()
    const outcome = await page.evaluate(async () => {
      // An allowed inline script runs as it is inserted; a refused one is reported as a violation.
      const refused = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }))
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.head.appendChild(script)
      const ran = (window as unknown as { __injected?: boolean }).__injected === true
      return { ran, refusedBy: ran ? null : await refused }
    })
    expect(outcome).toEqual({ ran: false, refusedBy: expect.stringMatching(/^script-src/) })
  })

  it('refuses bridge calls from another origin', async () => {
    const { host } = await startApp()
    const response = await fetch(new URL('/__storewatch/invoke', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ channel: 'stores:delete', input: { id: 1, confirmed: true } })
    })
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })
})
