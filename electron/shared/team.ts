/**
 * What the renderer and main say to each other about the team (issue #12): Settings → Team, the
 * join preview, leaving, and the stores two laptops created with one key (merge offers).
 * How sync works is in docs/team-sync.md; the header's words for the state are in team-state.ts.
 */
import { z } from 'zod'
import type { CoveredCountry } from './countries'
import type { TeamState } from './team-state'

/** Postgres's limit for a role's, a database's or a schema's name. */
const PG_NAME_MAX = 63

export const teamConnectionSchema = z.strictObject({
  host: z.string().trim().min(1, { error: 'Enter the PostgreSQL server’s host name' }).max(253, { error: 'A host name is at most 253 characters' }),
  port: z.number().int().min(1, { error: 'A port is 1–65535' }).max(65_535, { error: 'A port is 1–65535' }).default(5432),
  database: z.string().trim().min(1, { error: 'Enter the database’s name' }).max(PG_NAME_MAX, { error: `A database name is at most ${PG_NAME_MAX} characters` }),
  user: z.string().trim().min(1, { error: 'Enter your PostgreSQL user' }).max(PG_NAME_MAX, { error: `A user name is at most ${PG_NAME_MAX} characters` }),
  /** `disable` is accepted on loopback only (main refuses it for any other host). */
  tls: z.enum(['verify-full', 'disable']).default('verify-full'),
  /** A PEM file of the CA that signed the server's certificate; the system's CAs when absent. */
  caFile: z.string().trim().max(4096).nullish()
})
export type TeamConnectionInput = z.input<typeof teamConnectionSchema>
export type TeamConnectionSettings = z.output<typeof teamConnectionSchema>

export const saveTeamConnectionSchema = z.strictObject({
  connection: teamConnectionSchema,
  /** Given: kept by the secret store, never in the database. Absent: the saved one stays. */
  password: z.string().max(1024, { error: 'A password is at most 1024 characters' }).optional()
})

export interface TeamView {
  /** The saved connection (never the password); null before one is saved. */
  connection: TeamConnectionSettings | null
  passwordSaved: boolean
  joined: boolean
  /** The team the role belongs to, once Postgres has said. */
  teamName: string | null
  /** Postgres's name for this person (`current_user`), the author of their changes. */
  role: string | null
  state: TeamState
  /** Stores whose key another store holds, waiting for the KAM to merge them or keep both. */
  mergeOffers: number
  /** Who asks Lazada: this laptop (solo), or the team's checker (joined). */
  lazadaChecks: 'this-laptop' | 'team-checker'
}

export interface TeamStoreMatch {
  localStoreId: number
  localName: string
  teamStoreName: string
  country: CoveredCountry
  by: 'short-code' | 'login-email'
  /** The short code or login e-mail both stores have. */
  value: string
}

/** What "Join" would do, before anything is merged. Every match is listed, none left out. */
export interface TeamJoinPreview {
  teamName: string
  teamStores: number
  localStores: number
  matches: TeamStoreMatch[]
  /** Local stores the team does not have: they are shared on joining. */
  newLocal: number
  /** Team stores this laptop does not have: they arrive on joining. */
  newFromTeam: number
}

export interface TeamMergeStore {
  storeId: number
  name: string
}

/** Two stores with one key, found on sync: the earlier in the team's order holds the key. */
export interface TeamMergeOffer {
  id: number
  country: CoveredCountry
  by: 'short-code' | 'login-email'
  value: string
  holder: TeamMergeStore
  held: TeamMergeStore
}

export const resolveMergeSchema = z.strictObject({
  offerId: z.number().int().positive(),
  /** `merge`: the held store's records and history move to the holder, then it is deleted. `keep-both`: the held store stays, without the key. */
  action: z.enum(['merge', 'keep-both'])
})

/** A store this person watches: their reminders cover it as if they owned it (local, never shared). */
export interface StoreWatch {
  storeId: number
  watched: boolean
}
