/** Builds migration folders for tests: a prefix of the real ones, plus made-up later ones. */
import fs from 'node:fs'
import path from 'node:path'
import { MIGRATIONS_FOLDER, makeTempDir } from './test-database'

interface JournalEntry {
  idx: number
  version: string
  when: number
  tag: string
  breakpoints: boolean
}

export function realJournal(): JournalEntry[] {
  return JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')).entries
}

/** A folder with the first `count` real migrations, then `extra` SQL migrations after them. */
export function migrationsFolder(count: number, extra: { tag: string; sql: string }[] = []): string {
  const dir = makeTempDir('storewatch-migrations-')
  fs.mkdirSync(path.join(dir, 'meta'))
  const entries = realJournal().slice(0, count)
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`))
  let when = entries.at(-1)?.when ?? 1_700_000_000_000
  for (const migration of extra) {
    when += 1000
    fs.writeFileSync(path.join(dir, `${migration.tag}.sql`), migration.sql)
    entries.push({ idx: entries.length, version: '6', when, tag: migration.tag, breakpoints: true })
  }
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }))
  return dir
}
