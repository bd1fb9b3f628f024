/**
 * `kill -9` while an import commit is writing: the import is all or nothing, and the database
 * opens intact with everything written before it. The importing app runs in a child process of
 * its own, killed once its worker has reported writing the first rows; every wait is bounded.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { makeTempDir, openTestDatabase } from '../support/test-database'

const CHILD = path.resolve(__dirname, '../support/faults/import-commit-child.ts')
const ROWS = 20_000
/** The child is killed past this however far it got; the test fails then. */
const CHILD_LIMIT_MS = 90_000

interface ChildRun {
  /** What the child said on stdout, line by line, up to the kill. */
  said: string[]
  signal: NodeJS.Signals | null
}

/** Runs the child and kills it (SIGKILL) as soon as it says it is writing. */
function runAndKillWhileWriting(dir: string): Promise<ChildRun> {
  const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href
  const child = spawn(process.execPath, ['--import', tsx, CHILD, dir, String(ROWS)], { stdio: ['ignore', 'pipe', 'pipe'] })
  const said: string[] = []
  let stderr = ''
  let buffered = ''
  const limit = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS)
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (child.killed) return
      said.push(line)
      if (line.startsWith('writing ')) child.kill('SIGKILL')
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(limit)
      if (signal === 'SIGKILL' && said.some((l) => l.startsWith('writing '))) resolve({ said, signal })
      else reject(new Error(`the child ended with ${signal ?? `code ${code}`} before it was caught writing; it said ${JSON.stringify(said)}\n${stderr}`))
    })
  })
}

function count(database: ReturnType<typeof openTestDatabase>, table: string): number {
  return (database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

describe('kill -9 during an import commit', () => {
  it('leaves nothing of the import and everything from before it', { timeout: 150_000 }, async () => {
    const dir = makeTempDir('storewatch-import-fault-')
    const run = await runAndKillWhileWriting(dir)
    expect(run.said[0]).toBe(`previewed ${ROWS}`)
    expect(run.said.at(-1)).toMatch(new RegExp(`^writing \\d+ of ${ROWS}$`))
    expect(run.said).not.toContain('committed')

    const database = openTestDatabase({ dir })
    try {
      expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(count(database, 'stores')).toBe(3)
      expect(count(database, "stores WHERE country = 'PH'")).toBe(0)
      expect(count(database, 'store_history')).toBe(3)
      expect(count(database, 'store_status')).toBe(3)
    } finally {
      database.close()
    }
  })
})
