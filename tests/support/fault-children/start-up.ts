/**
 * Starts the app session on a data folder, as the app does at launch, and says `state <json>`.
 * With `--restore-newest` it then chooses the newest good backup on the start-up screen and says
 * `restored <store count>`.
 */
import { startTestSession } from '../test-session'

const [dataDir, mode] = process.argv.slice(2)
const test = startTestSession({ dataDir: dataDir! })
const state = test.session.state()
console.log(`state ${JSON.stringify(state)}`)
if (mode === '--restore-newest' && state.phase === 'choose' && state.newestGood) {
  test.session.choose({ action: 'restore', backup: state.newestGood })
  console.log(`restored ${test.core().stores.count()}`)
}
test.close()
