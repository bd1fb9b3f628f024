/**
 * A Node child process for fault tests (a kill -9, a second process holding the database): it runs
 * a TypeScript script through tsx, speaks in lines on stdout and stdin, and is killed when its time
 * is up, so a test waits on what the child says, never on the clock.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'

export const PROJECT_ROOT = path.resolve(__dirname, '../..')

export interface Child {
  /** Resolves with the first line (from now or already seen) that matches; rejects if the child exits first. */
  line(pattern: RegExp): Promise<string>
  /** Every line so far. */
  readonly lines: string[]
  send(line: string): void
  kill(signal: NodeJS.Signals): void
  /** How it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function spawnChild(script: string, args: string[], options: { timeoutMs: number }): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const lines: string[] = []
  const waiting = new Set<{ pattern: RegExp; resolve(line: string): void }>()
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line)
    for (const waiter of [...waiting]) {
      if (!waiter.pattern.test(line)) continue
      waiting.delete(waiter)
      waiter.resolve(line)
    }
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  )
  return {
    lines,
    line(pattern) {
      const seen = lines.find((line) => pattern.test(line))
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        waiting.add({ pattern, resolve })
        void exited.then(({ code, signal }) => reject(new Error(`${script} ended (code ${code}, signal ${signal}) before saying ${pattern}: ${stderr.slice(-2000)}`)))
      })
    },
    send: (line) => child.stdin.write(`${line}\n`),
    kill: (signal) => child.kill(signal),
    exited
  }
}
