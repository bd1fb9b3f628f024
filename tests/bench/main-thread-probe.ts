/**
 * How long the main thread was kept from running, and how much of that was its own doing. A timer
 * that should fire every `PROBE_MS` sees every stall as a late tick, but on a shared machine most
 * late ticks are the machine's: the main thread waiting for a core (Linux counts that wait per
 * thread in /proc/thread-self/schedstat), or the whole machine pausing, which a second, idle
 * process probing at the same time sees too. What is left of a late tick once the larger of those
 * two is taken off is time the process itself held its main thread (running, or waiting in a
 * call that blocks).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

/** The probe's tick. */
export const PROBE_MS = 2
/** Late ticks shorter than this are not kept (they cannot matter against a 100 ms goal). */
const KEPT_STALL_MS = 5

export interface Stall {
  /** Epoch milliseconds (fractional), comparable across processes. */
  start: number
  end: number
}

export interface ProbeFigures {
  /** The longest late tick the main thread saw. */
  mainMaxMs: number
  /** The longest stall of the idle process probing beside it. */
  controlMaxMs: number
  /** The longest part of a late tick that neither the wait for a core nor a stall of the idle process explains. */
  ownMaxMs: number
  /** Each kept late tick (epoch ms) with its own part, to tell apart what ran when. */
  stalls: (Stall & { ownMs: number })[]
}

const epochNow = () => performance.timeOrigin + performance.now()

/** The time this thread has spent ready to run but waiting for a core, in ms (0 where Linux does not say). */
function runQueueWaitMs(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6
  } catch {
    return 0
  }
}

/** The same probe in a process of its own, doing nothing else; it prints its stalls when told to stop. */
const CONTROL_PROBE = `
const stalls = []
const now = () => performance.timeOrigin + performance.now()
let last = now()
setInterval(() => {
  const t = now()
  if (t - last - ${PROBE_MS} > ${KEPT_STALL_MS}) stalls.push({ start: last + ${PROBE_MS}, end: t })
  last = t
}, ${PROBE_MS})
// Exits once the pipe took it all: a loaded machine's list outgrows the pipe's buffer.
process.stdin.on('data', () => { process.stdout.write(JSON.stringify(stalls), () => process.exit(0)) })
process.stdout.write('ready\\n')
`

function overlapMs(stall: Stall, others: Stall[]): number {
  let total = 0
  for (const other of others) total += Math.max(0, Math.min(stall.end, other.end) - Math.max(stall.start, other.start))
  return total
}

function longest(stalls: Stall[]): number {
  return stalls.reduce((max, s) => Math.max(max, s.end - s.start), 0)
}

/** Starts both probes (resolves once the idle process ticks); `stop` gives the figures. */
export async function startMainThreadProbe(): Promise<{ stop(): Promise<ProbeFigures> }> {
  const control = spawn(process.execPath, ['-e', CONTROL_PROBE], { stdio: ['pipe', 'pipe', 'inherit'] })
  let output = ''
  control.stdout.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject)
    control.stdout.on('data', (chunk: string) => {
      output += chunk
      if (output.startsWith('ready\n')) resolve()
    })
  })
  const stalls: { stall: Stall; waitMs: number }[] = []
  let last = epochNow()
  let lastWait = runQueueWaitMs()
  const timer = setInterval(() => {
    const now = epochNow()
    const wait = runQueueWaitMs()
    if (now - last - PROBE_MS > KEPT_STALL_MS) stalls.push({ stall: { start: last + PROBE_MS, end: now }, waitMs: wait - lastWait })
    last = now
    lastWait = wait
  }, PROBE_MS)
  return {
    async stop() {
      clearInterval(timer)
      // 'close' comes once its output has all been read.
      const exited = new Promise((resolve) => control.once('close', resolve))
      control.stdin.write('stop\n')
      await exited
      const controlStalls = JSON.parse(output.slice('ready\n'.length)) as Stall[]
      const own = stalls.map(({ stall, waitMs }) => stall.end - stall.start - Math.max(waitMs, overlapMs(stall, controlStalls)))
      return {
        mainMaxMs: longest(stalls.map((s) => s.stall)),
        controlMaxMs: longest(controlStalls),
        ownMaxMs: Math.max(0, ...own),
        stalls: stalls.map(({ stall }, i) => ({ ...stall, ownMs: Math.max(0, own[i]!) }))
      }
    }
  }
}
