/**
 * A second process that takes the database's write lock (BEGIN IMMEDIATE, and a write, like any
 * other writer) and says `locked`. `--hold-ms=N` releases it by itself after N ms; otherwise it
 * waits for `release` on stdin. It then commits and says `released <epoch ms>`.
 */
import readline from 'node:readline'
import Database from 'better-sqlite3'

const [file, hold] = process.argv.slice(2)
const sqlite = new Database(file!)
sqlite.exec('BEGIN IMMEDIATE')
sqlite.prepare("INSERT INTO app_meta (key, value) VALUES ('second-process', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(Date.now()))
console.log('locked')

function release(): void {
  sqlite.exec('COMMIT')
  sqlite.close()
  console.log(`released ${Date.now()}`)
  process.exit(0)
}

const holdMs = hold?.startsWith('--hold-ms=') ? Number(hold.slice('--hold-ms='.length)) : null
if (holdMs !== null) setTimeout(release, holdMs)
else readline.createInterface({ input: process.stdin }).on('line', (line) => line === 'release' && release())
