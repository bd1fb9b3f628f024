/**
 * The authorization-window port for the browser harness: each window is a Chromium page in the
 * launcher's browser. Like the Electron adapter, it asks the core about every top-level
 * navigation and every server redirect hop (the first load excepted) and cancels the ones it
 * blocks; it never reads or changes the page.
 *
 * Playwright does not route the hops of a redirect it follows itself, so this harness follows
 * them by hand (asking at each hop) and hands the final answer to the page; the page then shows
 * the address it first asked for. Pages share the launcher's profile rather than getting a fresh
 * partition each: a persistent Chromium context cannot open separate ones.
 */
import type { BrowserContext, Page, Route } from 'playwright-core'
import type { AuthWindow, AuthWindowHandle, AuthWindowOpenRequest } from '../../electron/core/ports'

const MAX_REDIRECTS = 10

export interface PageAuthWindow extends AuthWindow {
  /** Resolves with the next window the app opens (or the one it already opened and nobody took). */
  nextPage(): Promise<Page>
}

export function createPageAuthWindow(context: () => BrowserContext): PageAuthWindow {
  const unclaimed: Page[] = []
  const waiting: ((page: Page) => void)[] = []

  function hand(page: Page): void {
    const waiter = waiting.shift()
    if (waiter) waiter(page)
    else unclaimed.push(page)
  }

  async function follow(route: Route, page: Page, request: AuthWindowOpenRequest, isFirst: boolean): Promise<void> {
    const navigation = route.request()
    if (!isFirst && request.onNavigate({ url: navigation.url(), kind: 'navigation' }) === 'block') {
      await route.abort('blockedbyclient')
      return
    }
    let current = navigation.url()
    let response = await route.fetch({ maxRedirects: 0 })
    for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
      const location = response.headers()['location']
      if (response.status() < 300 || response.status() >= 400 || !location) break
      const next = new URL(location, current).toString()
      // Cancelled like Electron's will-redirect: the page stays where it was.
      if (request.onNavigate({ url: next, kind: 'redirect' }) === 'block') {
        await route.abort('aborted')
        return
      }
      current = next
      response = await page.request.fetch(next, { method: 'GET', maxRedirects: 0 })
    }
    await route.fulfill({ response })
  }

  return {
    open(request: AuthWindowOpenRequest): AuthWindowHandle {
      let closed = false
      const reportClosed = () => {
        if (closed) return
        closed = true
        request.onClosed()
      }
      const opening = (async () => {
        const page = await context().newPage()
        let first = true
        await page.route('**/*', async (route) => {
          const navigation = route.request()
          if (!navigation.isNavigationRequest() || navigation.frame() !== page.mainFrame()) return route.continue()
          const isFirst = first
          first = false
          await follow(route, page, request, isFirst).catch(() => route.abort('failed').catch(() => undefined))
        })
        page.on('close', reportClosed)
        hand(page)
        await page.goto(request.url).catch(() => undefined)
        return page
      })()
      return {
        // A route still answering would hold close() until it gives up: drop the routes first.
        close: () => void opening.then(async (page) => {
          await page.unrouteAll({ behavior: 'ignoreErrors' })
          await page.close()
        }),
        focus: () => void opening.then((page) => page.bringToFront())
      }
    },

    nextPage(): Promise<Page> {
      const ready = unclaimed.shift()
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve))
    }
  }
}
