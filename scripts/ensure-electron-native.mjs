#!/usr/bin/env node
/**
 * Makes sure a better-sqlite3 binary built for the installed Electron exists under
 * .electron-native/ (run by `prestart`, `predev` and `dist`). node_modules is never touched: its
 * Node build keeps serving `npm test`, so tests and the app both work after one `npm install`.
 *
 * Order: reuse an existing build → download better-sqlite3's published Electron prebuild →
 * compile against Electron's headers. Both network steps run in a scratch copy of the package.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NATIVE_FILE, electronBuildEnv, electronNativePaths, nodeGypArgs, prebuildInstallArgs } from './electron-native.mjs'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PREBUILD_TIMEOUT_MS = 3 * 60 * 1000
const COMPILE_TIMEOUT_MS = 20 * 60 * 1000

function readVersion(packageName) {
  const file = path.join(projectRoot, 'node_modules', packageName, 'package.json')
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version
  } catch {
    return null
  }
}

function fail(electronVersion, details) {
  const target = electronVersion ? `Electron ${electronVersion} (${process.platform}-${process.arch})` : 'Electron'
  console.error(
    `\nStorewatch could not get a copy of better-sqlite3 built for ${target}. ` +
      'It first downloads the prebuilt binary that better-sqlite3 publishes on GitHub, and otherwise ' +
      "compiles it against Electron's headers from electronjs.org (which also needs Python and a C++ " +
      'compiler); both need internet access. Connect this machine to the internet (or set HTTPS_PROXY), ' +
      'then run `npm start` again, or run `node scripts/ensure-electron-native.mjs` on its own. ' +
      '`npm test` does not need this step: it uses the Node build in node_modules, which was left as it was.\n'
  )
  for (const line of details) console.error(`  ${line}`)
  process.exit(1)
}

const NETWORK_ERROR = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+)\b/

/** The part of a tool's output worth one line: the network failure, if that is what it was. */
function summarize(output, status) {
  const lines = output.split('\n')
  const network = lines.find((line) => NETWORK_ERROR.test(line))
  if (network) return network.replace(/^(gyp|prebuild-install)\s+\S+\s+(stack\s+)?/, '').trim()
  // node-gyp reports a failed header download in prose, naming the URL only in its "http GET" line.
  const download = lines.map((line) => /^gyp http GET (\S+)/.exec(line)?.[1]).filter(Boolean).at(-1)
  if (download && output.includes('network connectivity')) return `could not download ${download}`
  return `exited with ${status}`
}

/** Runs a Node tool in `cwd`; returns null on success, else a one-line reason. */
function run(label, script, args, cwd, timeout) {
  if (!script) return `${label}: not installed`
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env: electronBuildEnv(process.env),
    encoding: 'utf8',
    timeout
  })
  if (result.status === 0) return null
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
  fs.appendFileSync(failureLog, `$ ${label} ${args.join(' ')}\n${output}\n`)
  return `${label}: ${result.error ? result.error.message : summarize(output, result.status ?? result.signal)}`
}

/** Where a tool's entry point is, as seen from `fromPackageJson`; null when it is not installed. */
function resolveTool(fromPackageJson, specifier) {
  try {
    return createRequire(fromPackageJson).resolve(specifier)
  } catch {
    return null
  }
}

const electronVersion = readVersion('electron')
const sqliteVersion = readVersion('better-sqlite3')
if (!electronVersion || !sqliteVersion) {
  fail(electronVersion, ['electron and better-sqlite3 must be installed first: run `npm install`.'])
}

const target = { projectRoot, electronVersion, platform: process.platform, arch: process.arch }
const paths = electronNativePaths(target)
const failureLog = path.join(path.dirname(paths.dir), 'ensure-electron-native.log')

function installCurrent() {
  fs.mkdirSync(path.dirname(paths.currentBinary), { recursive: true })
  fs.copyFileSync(paths.binary, paths.currentBinary)
}

const stamp = fs.existsSync(paths.stampFile) ? fs.readFileSync(paths.stampFile, 'utf8').trim() : null
if (fs.existsSync(paths.binary) && stamp === sqliteVersion) {
  installCurrent()
  process.exit(0)
}

console.log(`Getting better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`)
fs.rmSync(paths.scratchDir, { recursive: true, force: true })
fs.rmSync(failureLog, { force: true })
const packageDir = path.join(projectRoot, 'node_modules', 'better-sqlite3')
// better-sqlite3's own install step uses these two; npm also ships node-gyp with itself.
const prebuildInstall = resolveTool(path.join(packageDir, 'package.json'), 'prebuild-install/bin.js')
const nodeGyp = resolveTool(path.join(projectRoot, 'package.json'), 'node-gyp/bin/node-gyp.js') ?? process.env.npm_config_node_gyp ?? null
fs.cpSync(packageDir, paths.scratchDir, {
  recursive: true,
  // The Node build would be mistaken for a finished result.
  filter: (source) => path.relative(packageDir, source).split(path.sep)[0] !== 'build'
})

const built = path.join(paths.scratchDir, 'build', 'Release', NATIVE_FILE)
const problems = []
let ready = false
try {
  const prebuild = run('prebuild-install', prebuildInstall, prebuildInstallArgs(target), paths.scratchDir, PREBUILD_TIMEOUT_MS)
  if (prebuild) {
    problems.push(prebuild)
    console.log('No prebuild could be downloaded; compiling from source (a few minutes)…')
    const compile = run('node-gyp', nodeGyp, nodeGypArgs(target), paths.scratchDir, COMPILE_TIMEOUT_MS)
    if (compile) problems.push(compile)
  }
  if (fs.existsSync(built)) {
    fs.mkdirSync(paths.dir, { recursive: true })
    fs.copyFileSync(built, paths.binary)
    fs.writeFileSync(paths.stampFile, `${sqliteVersion}\n`)
    installCurrent()
    ready = true
    console.log(`Ready: ${path.relative(projectRoot, paths.binary)}`)
  }
} finally {
  fs.rmSync(paths.scratchDir, { recursive: true, force: true })
}
if (!ready) fail(electronVersion, [...problems, `Full output: ${path.relative(projectRoot, failureLog)}`])
