/**
 * What "Join" would do (issue #12, point 2): the local stores that match team stores, by country and
 * short code, or by country and login e-mail where the short codes do not tell them apart, compared
 * case-insensitively as the app's unique keys are (short codes upper case, e-mails lower case).
 * Each store matches at most one; a key names at most one team store (Postgres's current rows set
 * the later claimant's key aside, as sync does).
 */
import type Database from 'better-sqlite3'
import type { CoveredCountry } from '../../../shared/countries'
import type { TeamJoinPreview, TeamStoreMatch } from '../../../shared/team'
import type { StoreLink } from '../replica/store-links'
import type { TeamPortfolio, TeamStore } from './team-portfolio'

interface LocalStore {
  id: number
  name: string
  country: string
  shortCode: string | null
  loginEmail: string | null
}

export interface JoinPlan {
  preview: TeamJoinPreview
  links: StoreLink[]
}

const code = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : null)
const email = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : null)

export function planJoin(sqlite: Database.Database, teamName: string, team: TeamPortfolio): JoinPlan {
  const local = sqlite
    .prepare('SELECT id, store_name AS name, country, seller_short_code AS shortCode, login_email AS loginEmail FROM stores ORDER BY id')
    .all() as LocalStore[]
  const byCode = claims(team.stores, (s) => code(s.fields.seller_short_code))
  const byEmail = claims(team.stores, (s) => email(s.fields.login_email))
  const taken = new Set<string>()
  const matches: TeamStoreMatch[] = []
  const links: StoreLink[] = []
  for (const store of local) {
    const match = matchOf(store, byCode, byEmail, taken)
    if (!match) continue
    taken.add(match.team.uid)
    links.push({ localStoreId: store.id, uid: match.team.uid, teamHas: team.keyedRows.get(match.team.uid) ?? [] })
    matches.push({ localStoreId: store.id, localName: store.name, teamStoreName: String(match.team.fields.store_name ?? ''), country: store.country as CoveredCountry, by: match.by, value: match.value })
  }
  const preview = { teamName, teamStores: team.stores.length, localStores: local.length, matches, newLocal: local.length - matches.length, newFromTeam: team.stores.length - matches.length }
  return { preview, links }
}

/** Per `country|key`, the team store holding that key. */
function claims(stores: readonly TeamStore[], keyOf: (store: TeamStore) => string | null): Map<string, TeamStore> {
  const byKey = new Map<string, TeamStore>()
  for (const store of stores) {
    const key = keyOf(store)
    if (key !== null) byKey.set(`${String(store.fields.country).toUpperCase()}|${key}`, store)
  }
  return byKey
}

function matchOf(store: LocalStore, byCode: Map<string, TeamStore>, byEmail: Map<string, TeamStore>, taken: ReadonlySet<string>) {
  const country = store.country.toUpperCase()
  const shortCode = code(store.shortCode)
  const codeMatch = shortCode === null ? undefined : byCode.get(`${country}|${shortCode}`)
  if (codeMatch && !taken.has(codeMatch.uid)) return { team: codeMatch, by: 'short-code' as const, value: shortCode ?? '' }
  const loginEmail = email(store.loginEmail)
  const emailMatch = loginEmail === null ? undefined : byEmail.get(`${country}|${loginEmail}`)
  // Two different short codes are two stores, whatever their login e-mail.
  const codesDiffer = emailMatch !== undefined && shortCode !== null && code(emailMatch.fields.seller_short_code) !== null
  if (emailMatch && !codesDiffer && !taken.has(emailMatch.uid)) return { team: emailMatch, by: 'login-email' as const, value: loginEmail ?? '' }
  return null
}
