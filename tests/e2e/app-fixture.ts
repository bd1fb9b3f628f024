/** Starts a fresh app (own data folder, own Chromium profile) for one browser test. */
import { afterEach } from 'vitest'
import { lazadaHostsOptionValue } from '../../electron/core/lazada-hosts/start-up-option'
import { launchApp } from '../support/launcher'
import type { LaunchOptions, LaunchedApp } from '../support/launcher'
import { startMockLazada } from '../support/mock-lazada/server'
import type { MockLazada } from '../support/mock-lazada/server'

const running: LaunchedApp[] = []
const mocks: MockLazada[] = []

afterEach(async () => {
  for (const app of running.splice(0)) await app.close()
  for (const mock of mocks.splice(0)) await mock.close()
})

export async function startApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const app = await launchApp(options)
  running.push(app)
  return app
}

/**
 * An app started with the `--lazada-hosts` option pointing its authorization page at a mock
 * Lazada server, and an integrator profile registering the mock's callback.
 */
export async function startAppWithMockLazada(options: LaunchOptions = {}): Promise<{ app: LaunchedApp; mock: MockLazada }> {
  const mock = await startMockLazada()
  mocks.push(mock)
  const app = await startApp({ ...options, lazadaHosts: lazadaHostsOptionValue({ authorize: mock.authorizeUrl }) })
  const { settings } = app.host.core
  const current = settings.get()
  settings.save({ ...current, integrator: { ...current.integrator!, appKey: mock.clientId, callbackUrl: mock.callbackUrl } })
  return { app, mock }
}
