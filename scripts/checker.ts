/**
 * `npm run checker`: the team's checker (issue #12, point 7; README "The team's checker"). The app's
 * core in plain Node, no Electron: its own replica of the team's portfolio in a data folder, and
 * the Lazada check of that portfolio on the schedule while it holds the team's lease.
 *
 *   npm run checker -- --data-dir=/var/lib/storewatch-checker \
 *     --team-host=db.example.com --team-database=storewatch --team-user=storewatch_checker \
 *     --lazada-app-key=100132 --lazada-article-code=FW_GOODS-1000000281 --check-interval=60m
 *
 * Each flag may be an environment variable instead (the flag wins):
 *   --data-dir               STOREWATCH_CHECKER_DATA_DIR   the checker's replica and backups
 *   --team-host, --team-port STOREWATCH_TEAM_HOST, STOREWATCH_TEAM_PORT (5432)
 *   --team-database          STOREWATCH_TEAM_DATABASE
 *   --team-user              STOREWATCH_TEAM_USER          the checker's own Postgres role, a team member
 *   --team-tls               STOREWATCH_TEAM_TLS           verify-full (default), or disable on loopback
 *   --team-ca-file           STOREWATCH_TEAM_CA_FILE       the CA that signed the server's certificate
 *   --team-password-file     STOREWATCH_TEAM_PASSWORD_FILE or the password in STOREWATCH_TEAM_PASSWORD
 *   --lazada-app-key         STOREWATCH_LAZADA_APP_KEY
 *   --lazada-article-code    STOREWATCH_LAZADA_ARTICLE_CODE
 *   --lazada-countries       STOREWATCH_LAZADA_COUNTRIES   where the app is published, e.g. SG,MY (default all)
 *   --lazada-app-secret-file STOREWATCH_LAZADA_APP_SECRET_FILE or the secret in STOREWATCH_LAZADA_APP_SECRET
 *   --check-interval         STOREWATCH_CHECK_INTERVAL     e.g. 30m, 1h (default 60m)
 *   --lease-poll             STOREWATCH_LEASE_POLL         how often a standby asks (default interval/4, at most 30s)
 *   --lazada-hosts           STOREWATCH_LAZADA_HOSTS       a proxy or test server in place of Lazada's hosts
 *
 * A secret file must belong to the checker's user and be readable by it alone (chmod 600), or the
 * checker refuses to start. Exit codes: 2 a configuration it cannot use, 1 the team refused it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { systemClock } from '../electron/core/ports'
import { readCheckerConfig } from '../electron/core/team/checker/checker-config'
import { openCheckerCore, stdoutLogger } from '../electron/core/team/checker/checker-core'
import { CheckerConfigError } from '../electron/core/team/checker/owner-only-file'
import { processSecretStore } from '../electron/core/team/checker/process-secret-store'
import { createTeamChecker } from '../electron/core/team/checker/team-checker'
import type { TeamChecker } from '../electron/core/team/checker/team-checker'

const PROJECT_ROOT = path.resolve(__dirname, '..')
const EXIT_CONFIG = 2
const EXIT_REFUSED = 1

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0])
    return 0
  }
  const readFile = (file: string): string => fs.readFileSync(file, 'utf8')
  const config = readCheckerConfig({ argv, env: process.env, cwd: process.cwd(), readFile })
  const logger = stdoutLogger()
  const appVersion = (JSON.parse(readFile(path.join(PROJECT_ROOT, 'package.json'))) as { version: string }).version
  let checker: TeamChecker | null = null
  const { core, database } = openCheckerCore({
    dataDir: config.dataDir,
    migrationsFolder: path.join(PROJECT_ROOT, 'drizzle'),
    appVersion,
    clock: systemClock,
    logger,
    secretStore: processSecretStore(),
    lazadaHosts: config.lazadaHosts,
    onBroadcast: () => checker?.nudge()
  })
  checker = createTeamChecker({ config, core, database, clock: systemClock, logger, readFile })
  const running = checker
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  try {
    await running.start()
    const outcome = await Promise.race([running.ended, signalled])
    if (typeof outcome === 'object') {
      logger.error('the team refused the checker', { reason: outcome.reason })
      return EXIT_REFUSED
    }
    logger.info('the checker stops', { signal: outcome })
    return 0
  } finally {
    await running.stop()
    database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CheckerConfigError ? `storewatch checker: ${error.message}` : error)
    process.exit(error instanceof CheckerConfigError ? EXIT_CONFIG : EXIT_REFUSED)
  }
)
