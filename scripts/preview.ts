/**
 * `npm run preview`: the Storewatch UI in Chromium with the real core behind it, no Electron
 * needed. Uses the same launcher as the end-to-end tests.
 *
 *   npm run preview                           open the UI on ./preview-data
 *   npm run preview -- --demo=300             …seeding 300 demo stores into an empty folder
 *   npm run preview -- --data-dir=/tmp/sw     …on another data folder
 *   npm run preview -- --screenshots=shots    write PNGs of the main screens to shots/ and exit
 *   npm run preview -- --no-build             skip building the renderer first
 *   npm run preview -- --lazada-hosts=<json or file>
 *                                             a proxy or test server in place of Lazada's hosts, as the
 *                                             app's own start-up option (also STOREWATCH_LAZADA_HOSTS)
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'electron-vite'
import { LAZADA_HOSTS_ENV } from '../electron/shared/lazada-hosts'
import { launchApp } from '../tests/support/launcher'
import { takeScreenshots } from '../tests/support/screenshots'
import { PROJECT_ROOT } from '../tests/support/web-host'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      demo: { type: 'string' },
      screenshots: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'lazada-hosts': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0])
    return
  }
  const demo = values.demo === undefined ? undefined : Number(values.demo)
  if (demo !== undefined && (!Number.isInteger(demo) || demo < 0 || demo > 100_000)) {
    throw new Error(`--demo must be a whole number of stores from 0 to 100000, not "${values.demo}"`)
  }
  if (!values['no-build']) {
    console.log('Building the renderer…')
    await build({ root: PROJECT_ROOT, logLevel: 'warn' })
  }

  if (values.screenshots) {
    const written = await takeScreenshots(path.resolve(values.screenshots), { demoStores: demo ?? 300 })
    console.log(`Wrote ${written.length} screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`)
    return
  }

  if (!process.env.DISPLAY && process.platform === 'linux') {
    throw new Error('No display to open Chromium on: run under xvfb-run, or use --screenshots=<folder>')
  }
  const dataDir = path.resolve(values['data-dir'] ?? path.join(PROJECT_ROOT, 'preview-data'))
  fs.mkdirSync(dataDir, { recursive: true })
  const lazadaHosts = values['lazada-hosts'] ?? (process.env[LAZADA_HOSTS_ENV] || undefined)
  const app = await launchApp({ dataDir, demoStores: demo, headless: false, lazadaHosts })
  console.log(`Storewatch preview on ${app.host.url} — data in ${dataDir}. Close the browser window to stop.`)
  await new Promise<void>((resolve) => app.context.on('close', () => resolve()))
  await app.close()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
