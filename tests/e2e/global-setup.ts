/**
 * Builds the app once before the browser tests, so they always run the current renderer. CI has
 * just run `npm run build` and says so with STOREWATCH_BUILT=1 (.ci/run): then out/ is current.
 */
import { build } from 'electron-vite'
import { chromiumPath } from '../support/launcher'
import { PROJECT_ROOT } from '../support/web-host'

export default async function setup(): Promise<void> {
  chromiumPath()
  if (process.env.STOREWATCH_BUILT === '1') return
  await build({ root: PROJECT_ROOT, logLevel: 'warn' })
}
