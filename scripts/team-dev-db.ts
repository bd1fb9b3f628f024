/**
 * `npm run team:dev-db`: a private PostgreSQL cluster for developing the team features (issue #12).
 * It runs until Ctrl-C, then stops and removes itself.
 */
import { startPostgresCluster } from '../tests/support/postgres-cluster'

async function main(): Promise<void> {
  const started = Date.now()
  const cluster = await startPostgresCluster()
  const { host, port, database, user, password } = cluster.connection()
  console.log(`PostgreSQL is up in ${Date.now() - started} ms (Ctrl-C stops and removes it)`)
  console.log(`  host ${host}  port ${port}  database ${database}  user ${user}  password ${password}`)
  console.log(`  psql postgresql://${user}:${password}@${host}:${port}/${database}`)
  const stop = (): void => void cluster.stop().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

void main()
