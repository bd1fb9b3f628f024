/**
 * The laptop's team service (issue #12): Settings → Team's saved connection, the join preview,
 * joining and leaving, the sync loop's life, merge offers and the watch list. Solo (never joined),
 * it connects to nothing and writes no team table; the loop starts only on a joined laptop.
 */
import type { TeamConnectionSettings, TeamJoinPreview, TeamMergeOffer, TeamView } from '../../../shared/team'
import type { DatabaseHandle } from '../../db/open-database'
import { writeTransaction } from '../../db/write-transaction'
import { AppError } from '../../errors'
import type { Broadcast, Clock, Logger, SecretStore } from '../../ports'
import type { StatusService } from '../../status/status-service'
import { unpushedCount } from '../replica/push'
import { LOOP_ONLY_CHANNEL, createTeamReplica } from '../replica/replica'
import type { TeamMigration } from '../server/team-schema'
import { TeamRefusal } from '../sync-loop'
import { planJoin } from './join-preview'
import type { JoinPlan } from './join-preview'
import { listMergeOffers, resolveMergeOffer } from './merge-offers'
import { readIdentity, readSavedConnection, saveConnection, saveIdentity } from './saved-connection'
import { accessOptions, withTeam } from './team-access'
import type { TeamAccessDeps } from './team-access'
import { createTeamPassword } from './team-password'
import { readTeamPortfolio } from './team-portfolio'
import type { TeamServer } from './team-server'
import { createTeamSync } from './team-sync'
import type { LoopTiming } from './team-sync'
import { createWatchList } from './watch-list'

export interface TeamServiceDeps {
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  secretStore: SecretStore
  /** The team's PostgreSQL (`pgTeamServer`); absent, this build joins no team. */
  server?: TeamServer
  /** Reads the CA file named in the connection. */
  readFile: (path: string) => string
  broadcast: Broadcast
  /** `settle` after a teammate's change (its history came with it), `refresh` after a local one. */
  status: Pick<StatusService, 'settle' | 'refresh'>
  /** The team checker's core asks Lazada for the team; a laptop's does not while joined. */
  asksLazadaWhenJoined?: boolean
  timing?: LoopTiming
  migrations?: readonly TeamMigration[]
}

const NO_SERVER = 'This build of Storewatch cannot connect to a team.'

export function createTeamService(deps: TeamServiceDeps) {
  const { database, clock } = deps
  const { sqlite } = database
  const replica = createTeamReplica({ sqlite, channel: LOOP_ONLY_CHANNEL })
  const password = createTeamPassword(database, deps.secretStore, clock)
  const access: TeamAccessDeps = { database, password, readFile: deps.readFile, migrations: deps.migrations }
  const watches = createWatchList(sqlite, clock)
  const server = (): TeamServer => {
    if (!deps.server) throw new AppError('not-found', NO_SERVER)
    return deps.server
  }
  const sync = createTeamSync({
    sqlite,
    clock,
    logger: deps.logger,
    connect: async () => {
      // Retrying cannot give this build a server: the header says so instead of "offline".
      if (!deps.server) throw new TeamRefusal(NO_SERVER)
      return deps.server.connect(await accessOptions(access))
    },
    publish: (state) => deps.broadcast('team:state', state),
    pulled: (storeIds) => {
      writeTransaction(sqlite, () => storeIds.forEach((id) => deps.status.settle(id)))
      deps.broadcast('stores:changed', { storeIds })
    },
    timing: deps.timing
  })

  function view(): TeamView {
    const joined = replica.joined()
    return {
      connection: readSavedConnection(database),
      passwordSaved: password.saved(),
      joined,
      ...readIdentity(database),
      state: sync.state(),
      mergeOffers: sqlite.prepare('SELECT count(*) FROM team_merge_offers').pluck().get() as number,
      lazadaChecks: joined ? 'team-checker' : 'this-laptop'
    }
  }

  /** Connects, migrating the schema where the role may, and plans the join from the team's stores. */
  function plan(): Promise<JoinPlan> {
    return withTeam(access, async (options) => {
      const identity = await server().prepare(options)
      saveIdentity(database, identity)
      const connection = await server().connect(options)
      try {
        return planJoin(sqlite, identity.teamName, await readTeamPortfolio(connection.channel, replica.clientId() ?? ''))
      } finally {
        await connection.close()
      }
    })
  }

  return {
    view,
    async saveConnection(input: { connection: TeamConnectionSettings; password?: string }): Promise<TeamView> {
      saveConnection(database, input.connection, clock.now())
      if (input.password !== undefined) await password.save(input.password)
      // A joined laptop syncs with what was saved from now on.
      if (sync.running()) await sync.stop().then(() => void sync.start())
      return view()
    },
    previewJoin: async (): Promise<TeamJoinPreview> => (await plan()).preview,
    async join(): Promise<TeamView> {
      if (!replica.joined()) replica.join({ shareLocal: true, links: (await plan()).links })
      await sync.start()
      return view()
    },
    async leave(): Promise<TeamView> {
      await sync.stop()
      if (replica.joined()) replica.leave()
      return view()
    },
    async syncNow(): Promise<TeamView> {
      if (!replica.joined()) throw new AppError('not-found', 'This laptop is on no team: join one in Settings → Team first.')
      await sync.start()
      return view()
    },
    mergeOffers: (): TeamMergeOffer[] => listMergeOffers(sqlite),
    resolveMerge(offerId: number, action: 'merge' | 'keep-both'): TeamMergeOffer[] {
      const touched = resolveMergeOffer(sqlite, offerId, action)
      writeTransaction(sqlite, () => touched.forEach((id) => deps.status.refresh(id)))
      deps.broadcast('stores:changed', { storeIds: touched })
      return listMergeOffers(sqlite)
    },
    watches,
    /** When the core opens: a joined laptop syncs. */
    open(): void {
      if (replica.joined()) void sync.start()
    },
    /** When the core closes. */
    close: (): Promise<void> => sync.close(),
    /** After a local write: a captured change goes out soon. */
    nudgeIfPending(): void {
      if (sync.running() && unpushedCount(sqlite) > 0) sync.nudge()
    },
    /** Whether this core's checks ask Lazada: solo, yes; joined, the team's checker does. */
    asksLazada: (): boolean => deps.asksLazadaWhenJoined === true || !replica.joined()
  }
}

export type TeamService = ReturnType<typeof createTeamService>
