/** Temp folders for one test file, removed when the file's tests are done. */
import fs from 'node:fs'
import { afterAll } from 'vitest'
import { makeTempDir } from '../../support/test-database'

const created: string[] = []
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

export function tempDir(): string {
  const dir = makeTempDir()
  created.push(dir)
  return dir
}
