/**
 * Runs check runs on a data folder as the app does, saying `ack <json>` after each one commits
 * (its id, status changes, and the rows it left). Each run starts two simulated days later (twenty before the paused one).
 * `--pause` stops the second run inside its transaction, after it wrote some history, says
 * `paused` and blocks there, for the parent to kill -9.
 */
import { FakeClock } from '../test-database'
import { startTestSession } from '../test-session'

const [dataDir, mode] = process.argv.slice(2)
const DAY = 86_400_000
const clock = new FakeClock(Date.parse('2026-11-27T02:00:00Z'))
const test = startTestSession({ dataDir: dataDir!, clock })
const core = test.core()
const sqlite = test.session.database()!.sqlite
const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

async function runAndAck(): Promise<void> {
  const run = await core.monitoring.runNow('manual')
  console.log(`ack ${JSON.stringify({ id: run.id, statusChanges: run.statusChanges, runs: count('check_runs'), history: count('store_history') })}`)
}

async function main(): Promise<void> {
  await runAndAck()
  if (mode === '--pause') {
    let inserted = 0
    sqlite.function('pause_here', () => {
      if (++inserted === 25) {
        console.log('paused')
        // Block inside the transaction until the parent kills this process.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * 60_000)
      }
      return null
    })
    sqlite.exec('CREATE TEMP TRIGGER pause_in_run AFTER INSERT ON store_history BEGIN SELECT pause_here(); END')
  }
  for (;;) {
    clock.advance(mode === '--pause' ? 20 * DAY : 2 * DAY)
    await runAndAck()
  }
}

void main()
