/**
 * The browser host: serves the built renderer on 127.0.0.1 and answers its bridge with the real
 * core (real SQLite database in a data folder) — the same dispatcher the Electron main process
 * registers on ipcMain. Used by the end-to-end tests, `npm run preview` and the benchmarks.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { createAppCore } from '../../electron/core/app-core'
import type { AppCore } from '../../electron/core/app-core'
import { createAppSession } from '../../electron/core/data-safety/app-session'
import type { AppSession } from '../../electron/core/data-safety/app-session'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import { createImportWorkerPool } from '../../electron/core/import/worker-pool'
import type { ImportWorkerSpawn } from '../../electron/core/import/worker-pool'
import { isTrustedSender } from '../../electron/core/ipc/trusted-sender'
import { readLazadaHostsOption } from '../../electron/core/lazada-hosts/start-up-option'
import { contentTypeFor } from '../../electron/core/security/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../electron/core/security/csp'
import type { AuthWindow, Broadcast, Clock, FileSaver, Logger, NotificationRequest, SecretStore, Ticker } from '../../electron/core/ports'
import { dataFiles } from '../../electron/core/runtime-paths'
import { silentLogger, systemClock } from '../../electron/core/ports'
import type { EventName } from '../../electron/shared/ipc-contract'
import { LAZADA_HOSTS_FLAG } from '../../electron/shared/lazada-hosts'
import { fail } from '../../electron/shared/result'
import { pgTeamServer } from '../../electron/core/team/service/pg-team-server'
import type { LoopTiming } from '../../electron/core/team/service/team-sync'
import { FakeSecretStore } from './test-core'
import { decode, encode } from './web-bridge/json-codec'
import { BRIDGE_SCRIPT_PATH, EVENTS_PATH, INVOKE_PATH } from './web-bridge/paths'

export const PROJECT_ROOT = path.resolve(__dirname, '../..')
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out/renderer')
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'drizzle')
/** The import worker as the app build writes it (`npm run build`): the browser host runs the built file. */
export const BUILT_IMPORT_WORKER = path.join(PROJECT_ROOT, 'out/main/import-worker.js')

export interface WebHostOptions {
  /** Folder holding storewatch.db, backups/ and saved-files/ (created if missing). */
  dataDir: string
  rendererDir?: string
  clock?: Clock
  logger?: Logger
  appVersion?: string
  /** Start the scheduled checks as the app does (default); tests of the scheduler may not want them. */
  startChecks?: boolean
  /** How "Reauthorize" opens Lazada's page (the launcher gives a Chromium page). */
  authWindow?: AuthWindow
  /** Where the app secret is sealed; an in-memory keyring unless a test brings its own. */
  secretStore?: SecretStore
  /**
   * The `--lazada-hosts` start-up option's value (a JSON object or a file's path), read as the
   * app reads it: mock servers in place of Lazada's hosts. An unusable value throws.
   */
  lazadaHosts?: string
  /** How CSV imports start their worker; default the built `out/main/import-worker.js`. */
  importWorker?: ImportWorkerSpawn
  /** The team sync loop's timers (issue #12): the app's 5 s fallback pull and 200 ms debounce unless given. */
  teamTiming?: LoopTiming
}

/** A notification the app asked the OS to show; the browser host keeps them for tests to read. */
export interface HostNotification extends NotificationRequest {
  at: number
}

export interface WebHost {
  url: string
  /** Notifications "shown" so far, oldest first. */
  notifications: HostNotification[]
  /** The data file's life: start-up state, restore, the open core. */
  session: AppSession
  /** The open core (after a restore, the new one); throws while the start-up screen waits. */
  readonly core: AppCore
  readonly database: DatabaseHandle
  dataDir: string
  /** Where "Save as…" puts files: the browser host has no native dialog. */
  savedFilesDir: string
  close(): Promise<void>
}

let bridgeBundle: Promise<string> | null = null

/** Bundles the browser side of the bridge once per process (a second or so). */
export function browserBridgeScript(): Promise<string> {
  bridgeBundle ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        emptyOutDir: false,
        lib: { entry: path.join(__dirname, 'web-bridge/browser-bridge.ts'), formats: ['iife'], name: 'StorewatchBridge' }
      }
    })
    const results = Array.isArray(output) ? output : [output]
    for (const result of results) {
      if ('output' in result) {
        const chunk = result.output.find((o) => o.type === 'chunk')
        if (chunk && chunk.type === 'chunk') return chunk.code
      }
    }
    throw new Error('Bundling the browser bridge produced no script')
  })()
  return bridgeBundle
}

function hostFileSaver(dir: string): FileSaver {
  return {
    async saveText({ suggestedName, content }) {
      await fs.promises.mkdir(dir, { recursive: true })
      const target = path.join(dir, path.basename(suggestedName))
      if (typeof content === 'string') await fs.promises.writeFile(target, content, 'utf8')
      else await content.writeTo(target)
      return { saved: true, path: target }
    }
  }
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR
  const indexPath = path.join(rendererDir, 'index.html')
  if (!fs.existsSync(indexPath)) throw new Error(`No built renderer at ${rendererDir}: run "npm run build" first`)
  const importWorker = options.importWorker ?? { filename: BUILT_IMPORT_WORKER }
  if (!fs.existsSync(importWorker.filename)) throw new Error(`No import worker at ${importWorker.filename}: run "npm run build" first`)

  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const dataDir = options.dataDir
  const savedFilesDir = path.join(dataDir, 'saved-files')
  const files = dataFiles(dataDir)
  const listeners = new Set<http.ServerResponse>()
  const emit: Broadcast = (event: EventName, payload: unknown) => {
    for (const response of listeners) response.write(`event: ${event}\ndata: ${encode(payload)}\n\n`)
  }
  const notifications: HostNotification[] = []
  const lazadaHosts =
    options.lazadaHosts === undefined
      ? undefined
      : readLazadaHostsOption({ argv: [`${LAZADA_HOSTS_FLAG}=${options.lazadaHosts}`], env: {}, cwd: process.cwd(), readFile: (file) => fs.readFileSync(file, 'utf8') })
  if (lazadaHosts?.kind === 'invalid') throw new Error(lazadaHosts.problem)
  const ticker: Ticker = {
    every(intervalMs, tick) {
      const timer = setInterval(tick, intervalMs)
      timer.unref()
      return () => clearInterval(timer)
    }
  }
  const importWorkers = createImportWorkerPool(importWorker)
  const kamTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
  const appVersion = options.appVersion ?? 'browser-host'
  const session = createAppSession({
    dataDir,
    files,
    database: { migrationsFolder: MIGRATIONS_DIR, appVersion },
    clock,
    logger,
    ticker,
    broadcast: emit,
    kamTimeZone,
    buildCore: (database, backups) =>
      createAppCore({
        database,
        backups,
        clock,
        logger,
        actor: { name: () => os.userInfo().username },
        fileSaver: hostFileSaver(savedFilesDir),
        notifier: {
          async show(request) {
            notifications.push({ ...request, at: clock.now() })
            return { delivered: true }
          }
        },
        ticker,
        broadcast: emit,
        kamTimeZone,
        authWindow: options.authWindow,
        secretStore: options.secretStore ?? new FakeSecretStore(),
        lazadaHosts,
        appInfo: { version: appVersion, dataDir, databasePath: files.databasePath },
        importWorkers,
        // Team sync (issue #12) on a real Postgres, as the app does; the test names the server in Settings → Team.
        team: { server: pgTeamServer, readFile: (file) => fs.readFileSync(file, 'utf8'), timing: options.teamTiming }
      }),
    whileOpen: (core) => {
      if (options.startChecks ?? true) core.monitoring.start()
      core.team.open()
      return () => {
        core.monitoring.stop()
        core.authorization.closeAll()
        void core.team.close()
      }
    }
  })
  session.start()
  const opened = <T>(value: T | null): T => {
    if (value === null) throw new Error(`Storewatch has not opened its data yet: the start-up screen asks (${session.state().phase})`)
    return value
  }
  const bridgeScript = await browserBridgeScript()
  const index = fs
    .readFileSync(indexPath, 'utf8')
    .replace('<head>', `<head>\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>`)

  let origin = ''
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin)
    if (request.method === 'POST' && url.pathname === INVOKE_PATH) {
      void (async () => {
        // The browser's Origin header plays the part of Electron's senderFrame check.
        const trusted = isTrustedSender({ url: request.headers.origin ?? null, isTopFrame: true }, [origin])
        let answer: unknown
        if (!trusted) {
          answer = fail('forbidden-sender', 'Only the Storewatch page may call Storewatch')
        } else {
          const { channel, input } = decode(await readBody(request)) as { channel: string; input: unknown }
          answer = await session.dispatcher.dispatch(channel, input, { emit })
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(encode(answer))
      })().catch((error: unknown) => {
        response.writeHead(500).end(String(error))
      })
      return
    }
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (url.pathname === BRIDGE_SCRIPT_PATH) {
      response.writeHead(200, { 'content-type': contentTypeFor('bridge.js') }).end(bridgeScript)
      return
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The same policy the app:// handler sends, so the browser tests run under it too.
      response
        .writeHead(200, { 'content-type': contentTypeFor('index.html'), 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY })
        .end(index)
      return
    }
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`)
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end('Not found')
      return
    }
    response.writeHead(200, { 'content-type': contentTypeFor(file) })
    fs.createReadStream(file).pipe(response)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/`,
    notifications,
    session,
    get core() {
      return opened(session.core())
    },
    get database() {
      return opened(session.database())
    },
    dataDir,
    savedFilesDir,
    async close() {
      for (const response of listeners) response.end()
      listeners.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      session.close()
      await importWorkers.close()
    }
  }
}
