/**
 * A private PostgreSQL cluster for the team tests and for development (issue #12): `initdb` in a
 * temp folder, a server on a free loopback port, a superuser role for setup; `stop()` ends the server
 * and removes the folder. Postgres refuses to run as root, so under root (as CI runs) the folder
 * belongs to the `postgres` user and the server runs as that user.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

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

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'storewatch-pg-'))
  const password = `setup-${process.pid}-${Date.now()}`
  const owner = serverUser()
  writeFileSync(path.join(dir, 'pwfile'), `${password}\n`)
  if (owner) for (const file of [dir, path.join(dir, 'pwfile')]) chownSync(file, owner.uid, owner.gid)
  const run = (tool: string, args: string[]): void => runAs(owner?.name, path.join(postgresBinDir(), tool), args)
  const data = path.join(dir, 'data')
  try {
    run('initdb', ['-D', data, '-U', SUPERUSER, `--pwfile=${path.join(dir, 'pwfile')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync'])
    const port = await freeLoopbackPort()
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
    run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'])
    return cluster(port, password, () => {
      // A Ctrl-C reaches the server too (same process group); then it is already down.
      if (existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
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
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres']).toString().trim())
  return { name: 'postgres', uid: id('-u'), gid: id('-g') }
}

function runAs(user: string | undefined, command: string, args: string[]): void {
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
