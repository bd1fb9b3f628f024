/**
 * Starts Storewatch for a test or a person: the browser host on a data folder, and Debian's
 * Chromium (driven by playwright-core) on its page.
 *
 *   const app = await launchApp({ dataDir, demoStores: 200 })
 *   await app.page.getByRole('button', { name: 'Add store' }).click()
 *   await app.close()
 *
 * Needs a built renderer (`npm run build`) and Chromium (`apt-get install chromium`, or set
 * CHROMIUM_PATH to the browser's full path).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import type { Clock, Logger } from '../../electron/core/ports'
import { seedDemoPortfolio } from './demo-data'
import { createPageAuthWindow } from './page-auth-window'
import type { PageAuthWindow } from './page-auth-window'
import { startWebHost } from './web-host'
import type { WebHost } from './web-host'

export interface LaunchOptions {
  /** Data folder; a new temp folder when omitted. */
  dataDir?: string
  /** Seeds this many demo stores when the database is empty. */
  demoStores?: number
  headless?: boolean
  viewport?: { width: number; height: number }
  clock?: Clock
  logger?: Logger
  /** The `--lazada-hosts` start-up option (JSON or a file's path): mock servers in place of Lazada's hosts. */
  lazadaHosts?: string
}

export interface LaunchedApp {
  page: Page
  context: BrowserContext
  host: WebHost
  /** Lazada windows the app opens ("Reauthorize") arrive here as Chromium pages. */
  authWindows: PageAuthWindow
  dataDir: string
  close(): Promise<void>
}

// Without the background-networking flags Chromium keeps dialling Google on this closed network.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`)
    return fromEnv
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim()
      if (found) return found
    } catch {
      // not this one
    }
  }
  throw new Error('Chromium was not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH to its full path')
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-e2e-'))
  let context: BrowserContext | undefined
  const authWindows = createPageAuthWindow(() => {
    if (!context) throw new Error('The browser is not running')
    return context
  })
  const host = await startWebHost({ dataDir, clock: options.clock, logger: options.logger, authWindow: authWindows, lazadaHosts: options.lazadaHosts })
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-chromium-'))
  try {
    if (options.demoStores && host.session.state().phase === 'open' && host.core.stores.count() === 0) seedDemoPortfolio(host.core, options.demoStores, { now: options.clock?.now() })
    const headless = options.headless ?? true
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless,
      args: headless ? ['--headless', ...CHROMIUM_FLAGS] : CHROMIUM_FLAGS,
      viewport: options.viewport ?? { width: 1360, height: 860 },
      acceptDownloads: false
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(host.url)
    const openContext = context
    return {
      page,
      context: openContext,
      host,
      authWindows,
      dataDir,
      async close() {
        await openContext.close()
        await host.close()
        fs.rmSync(profileDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    await context?.close()
    await host.close()
    throw error
  }
}
