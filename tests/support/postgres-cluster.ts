/**
 * A private PostgreSQL cluster for the team tests and for development (issue #12): `initdb` in a
 * temp folder (or a copy of a template made by initdb once per run), a server on a free loopback
 * port, a superuser role for setup; `stop()` ends the server and removes the folder. Postgres refuses to run as root, so under root (as CI runs) the folder
 * belongs to the `postgres` user and the server runs as that user.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PostgresCluster {
  host: string
  port: number
  /** The setup superuser (scram-sha-256 over TCP). */
  superuser: { user: string; password: string }
  /** Connection settings for `pg` as `user` (the superuser unless given). */
  connection(user?: string, password?: string): { host: string; port: number; database: string; user: string; password: string }
  stop(): Promise<void>
}

const SUPERUSER = 'storewatch_setup'

/** Debian's server binaries: PG_BIN when set, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (newest === undefined) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (or set PG_BIN)')
  return path.join(root, newest, 'bin')
}

/**
 * Where a cluster made once by `initdb` waits to be copied (tests/team/global-setup.ts sets it): a
 * copy starts in a fraction of initdb's seconds. Unset, each cluster runs initdb itself.
 */
export const POSTGRES_TEMPLATE_ENV = 'STOREWATCH_PG_TEMPLATE'

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = privateFolder('storewatch-pg-')
  const password = `setup-${process.pid}-${Date.now()}`
  const data = path.join(dir, 'data')
  const template = templateDataDir()
  try {
    if (template) runAsOwner('cp', ['-a', template, data])
    else initCluster(dir, password)
    const port = await freeLoopbackPort()
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
    runAsOwner(path.join(postgresBinDir(), 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'])
    // Every copy of the template would share its password: each cluster gets its own.
    if (template) await setSuperuserPassword(dir, port, password)
    return cluster(port, password, () => {
      // A Ctrl-C reaches the server too (same process group); then it is already down.
      if (existsSync(path.join(data, 'postmaster.pid'))) runAsOwner(path.join(postgresBinDir(), 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** The template's data folder, if there is one: another project's worker may see the variable after the team project removed it. */
function templateDataDir(): string | undefined {
  const dir = process.env[POSTGRES_TEMPLATE_ENV]
  return dir && existsSync(dir) ? dir : undefined
}

/** A cluster's data folder made by initdb and never started, for POSTGRES_TEMPLATE_ENV; `remove()` deletes it. */
export function createPostgresTemplate(): { dataDir: string; remove(): void } {
  const dir = privateFolder('storewatch-pg-template-')
  try {
    initCluster(dir, `template-${process.pid}-${Date.now()}`)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return { dataDir: path.join(dir, 'data'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A temp folder the server's user owns (it holds the data folder and the socket). */
function privateFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  const owner = serverUser()
  if (owner) chownSync(dir, owner.uid, owner.gid)
  return dir
}

/** `initdb` into `dir`/data with the setup superuser's `password`. */
function initCluster(dir: string, password: string): void {
  const owner = serverUser()
  const pwfile = path.join(dir, 'pwfile')
  writeFileSync(pwfile, `${password}\n`)
  if (owner) chownSync(pwfile, owner.uid, owner.gid)
  const data = path.join(dir, 'data')
  runAsOwner(path.join(postgresBinDir(), 'initdb'), ['-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync'])
}

/** Over the cluster's own socket, where the setup superuser is trusted. */
async function setSuperuserPassword(socketDir: string, port: number, password: string): Promise<void> {
  const client = new pg.Client({ host: socketDir, port, database: 'postgres', user: SUPERUSER })
  await client.connect()
  try {
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${pg.escapeLiteral(password)}`)
  } finally {
    await client.end()
  }
}

function cluster(port: number, password: string, stop: () => void): PostgresCluster {
  const host = '127.0.0.1'
  return {
    host,
    port,
    superuser: { user: SUPERUSER, password },
    connection: (user = SUPERUSER, pass = password) => ({ host, port, database: 'postgres', user, password: pass }),
    stop: async () => stop()
  }
}

/** Under root the server runs as `postgres`; otherwise as whoever runs the tests. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  postgresUser ??= { name: 'postgres', uid: idOfPostgres('-u'), gid: idOfPostgres('-g') }
  return postgresUser
}
let postgresUser: { name: string; uid: number; gid: number } | undefined

function idOfPostgres(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres']).toString().trim())
}

function runAsOwner(command: string, args: string[]): void {
  const user = serverUser()?.name
  const [file, fileArgs] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args]
  execFileSync(file, fileArgs, { stdio: ['ignore', 'ignore', 'pipe'], cwd: os.tmpdir() })
}

/** A loopback port nothing listens on (just now): for a server to start on, or to connect to in vain. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
