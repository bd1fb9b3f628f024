/** Starts a fresh app (own data folder, own Chromium profile) for one browser test. */
import { afterEach } from 'vitest'
import { launchApp } from '../support/launcher'
import type { LaunchOptions, LaunchedApp } from '../support/launcher'

const running: LaunchedApp[] = []

afterEach(async () => {
  for (const app of running.splice(0)) await app.close()
})

export async function startApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const app = await launchApp(options)
  running.push(app)
  return app
}
