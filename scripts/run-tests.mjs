// `npm test`: every test, in two vitest processes side by side, then the line CI reads.
//
// In one process vitest runs a project without file parallelism (e2e: one Chromium at a time) only
// after every other project, on one worker, and on a two-core machine the others get one worker
// too: one core idles the whole run. Here the renderer's jsdom tests run beside everything else
// (core, team, then the browser tests), each process on its own worker. "!renderer" takes every
// project but one, so a project added to vitest.config.mts is run without a change here.
//
// Each process writes its JSON report to test-results/; the last line is "N passed, N failed"
// over both (scripts/test-summary.mjs). With arguments it is plain `vitest run <arguments>`.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

const root = path.resolve(import.meta.dirname, '..')
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs')
const RESULTS = path.join(root, 'test-results')
const SIDE_BY_SIDE = [
  { name: 'renderer', projects: ['renderer'] },
  { name: 'others', projects: ['!renderer'] }
]

/** Resolves with the exit code; `onLine` gets each output line, or the output is the terminal's. */
function run(command, args, onLine) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    if (onLine) for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', onLine)
    child.on('close', (code) => resolve(code ?? 1))
  })
}

async function main() {
  const args = process.argv.slice(2)
  if (args.length > 0) {
    process.exitCode = await run(vitest, ['run', ...args])
    return
  }
  fs.mkdirSync(RESULTS, { recursive: true })
  const reports = SIDE_BY_SIDE.map(({ name }) => path.join(RESULTS, `${name}.json`))
  for (const report of reports) fs.rmSync(report, { force: true })
  // The two processes' lines interleave: each carries its process's name.
  const codes = await Promise.all(
    SIDE_BY_SIDE.map(({ name, projects }, i) => {
      const options = [...projects.map((project) => `--project=${project}`), '--reporter=default', '--reporter=json', `--outputFile.json=${reports[i]}`]
      return run(vitest, ['run', ...options], (line) => console.log(`[${name}] ${line}`))
    })
  )
  const summary = await run(path.join(root, 'scripts/test-summary.mjs'), reports)
  process.exitCode = codes.some((code) => code !== 0) || summary !== 0 ? 1 : 0
}

await main()
