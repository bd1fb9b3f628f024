/** Builds the app once before the browser tests, so they always run the current renderer. */
import { build } from 'electron-vite'
import { chromiumPath } from '../support/launcher'
import { PROJECT_ROOT } from '../support/web-host'

export default async function setup(): Promise<void> {
  chromiumPath()
  await build({ root: PROJECT_ROOT, logLevel: 'warn' })
}
