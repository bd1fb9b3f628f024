/** Lint refuses a deferred write transaction anywhere in electron/ (issue #9). */
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../../..')
const eslint = new ESLint({ cwd: ROOT })

async function problems(code: string, file = 'electron/core/portfolio/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return result!.messages.filter((m) => m.ruleId === 'local/immediate-transactions').map((m) => m.message)
}

const DEFERRED = 'Use writeTransaction() from electron/core/db/write-transaction.ts: it begins IMMEDIATE, so the busy timeout applies.'

// Loading the lint configuration (typescript-eslint) is CPU work: generous on a busy machine.
describe('the immediate-transactions lint rule', { timeout: 60_000 }, () => {
  it('refuses better-sqlite3’s and drizzle’s deferred transactions', async () => {
    expect(await problems('export const f = (sqlite: any) => sqlite.transaction(() => 1)()\n')).toEqual([DEFERRED])
    expect(await problems('export const f = (db: any) => db.transaction((tx: any) => tx)\n')).toEqual([DEFERRED])
    // Even one asked for as immediate: one way, the helper, so nobody copies the deferred form.
    expect(await problems('export const f = (sqlite: any) => sqlite.transaction(() => 1).immediate()\n')).toEqual([DEFERRED])
  })

  it('refuses a bare BEGIN in SQL, and lets BEGIN IMMEDIATE through', async () => {
    expect(await problems("export const f = (sqlite: any) => sqlite.exec('BEGIN')\n")).toHaveLength(1)
    expect(await problems('export const f = (sqlite: any) => sqlite.exec(`begin deferred`)\n')).toHaveLength(1)
    expect(await problems("export const f = (sqlite: any) => sqlite.exec('BEGIN IMMEDIATE')\n")).toEqual([])
  })

  it('accepts writeTransaction(), and the helper’s own use of .transaction', async () => {
    const helperUse = "import { writeTransaction } from '../db/write-transaction'\nexport const f = (sqlite: any) => writeTransaction(sqlite, () => 1)\n"
    expect(await problems(helperUse)).toEqual([])
    expect(await problems('export const f = (sqlite: any) => sqlite.transaction(() => 1).immediate()\n', 'electron/core/db/write-transaction.ts')).toEqual([])
  })
})
