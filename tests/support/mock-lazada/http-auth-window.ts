/**
 * An AuthWindow for Node tests: each "window" is a tiny browser over fetch. It loads pages with
 * redirects followed by hand, asks `onNavigate` about every redirect hop and every navigation
 * (form posts, typed URLs) the way the Electron adapter does, stops where the answer is 'block',
 * and can fill in and submit the mock's forms. The first load is not asked about, as the port says.
 */
import type { AuthNavigationDecision, AuthWindow, AuthWindowHandle, AuthWindowNavigation, AuthWindowOpenRequest } from '../../../electron/core/ports'

export interface SeenNavigation extends AuthWindowNavigation {
  decision: AuthNavigationDecision
}

const MAX_REDIRECTS = 10

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
}

export class HttpWindow implements AuthWindowHandle {
  /** The URL of the page shown now (null before the first load finished). */
  url: string | null = null
  status = 0
  html = ''
  closed = false
  focused = 0
  readonly navigations: SeenNavigation[] = []

  constructor(readonly request: AuthWindowOpenRequest) {}

  private ask(url: string, kind: AuthWindowNavigation['kind']): AuthNavigationDecision {
    const decision = this.request.onNavigate({ url, kind })
    this.navigations.push({ url, kind, decision })
    return decision
  }

  /** Fetches `url` (GET, or POST with a form), following redirects while `onNavigate` allows them. */
  private async fetchPage(url: string, init?: { method: 'POST'; form: URLSearchParams }): Promise<void> {
    let target = url
    let method: 'GET' | 'POST' = init?.method ?? 'GET'
    let body: string | undefined = init?.form.toString()
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await fetch(target, {
        method,
        redirect: 'manual',
        headers: body === undefined ? undefined : { 'content-type': 'application/x-www-form-urlencoded' },
        body
      })
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        const next = new URL(location, target).toString()
        if (this.ask(next, 'redirect') === 'block') return
        target = next
        method = 'GET'
        body = undefined
        continue
      }
      this.url = target
      this.status = response.status
      this.html = await response.text()
      return
    }
    throw new Error('too many redirects')
  }

  /** The first load (not reported to onNavigate). */
  async load(): Promise<void> {
    await this.fetchPage(this.request.url)
  }

  /** A top-level navigation the page (or the seller) starts: a link, a typed URL, a script. */
  async navigate(url: string): Promise<AuthNavigationDecision> {
    const decision = this.ask(url, 'navigation')
    if (decision === 'allow' && /^https?:/.test(url)) await this.fetchPage(url)
    return decision
  }

  /** Posts the page's form with its hidden fields plus `fields` (e.g. country, email, password, agree, action). */
  async submit(fields: Record<string, string>): Promise<AuthNavigationDecision> {
    if (!this.url) throw new Error('no page loaded')
    const formTag = /<form[^>]*action="([^"]*)"/.exec(this.html)
    if (!formTag) throw new Error(`no form on ${this.url}`)
    const action = new URL(unescapeHtml(formTag[1]!), this.url).toString()
    const form = new URLSearchParams()
    for (const match of this.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(match[1]!, unescapeHtml(match[2]!))
    for (const [key, value] of Object.entries(fields)) form.set(key, value)
    const decision = this.ask(action, 'navigation')
    if (decision === 'allow') await this.fetchPage(action, { method: 'POST', form })
    return decision
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.request.onClosed()
  }

  focus(): void {
    this.focused++
  }
}

export class HttpAuthWindow implements AuthWindow {
  readonly windows: HttpWindow[] = []
  /** Make `open` throw, like a window that cannot be created. */
  failOpen = false

  open(request: AuthWindowOpenRequest): HttpWindow {
    if (this.failOpen) throw new Error('cannot open a window')
    const window = new HttpWindow(request)
    this.windows.push(window)
    return window
  }

  get last(): HttpWindow {
    const window = this.windows.at(-1)
    if (!window) throw new Error('no window was opened')
    return window
  }
}
