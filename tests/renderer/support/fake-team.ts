/**
 * The team as main would answer it (issue #12): a saved connection without its password, joining
 * from a preview, leaving, merge offers and watched stores. Solo until a test says otherwise.
 */
import { fail, ok } from '../../../electron/shared/result'
import type { StoreWatch, TeamConnectionSettings, TeamJoinPreview, TeamMergeOffer, TeamStoreMatch, TeamView } from '../../../electron/shared/team'
import type { TeamState } from '../../../electron/shared/team-state'
import type { Handler } from './fake-bridge'
import type { Channel } from '../../../electron/shared/ipc-contract'

export const SOLO_TEAM_VIEW: TeamView = {
  connection: null,
  passwordSaved: false,
  joined: false,
  teamName: null,
  role: null,
  state: { kind: 'solo' },
  mergeOffers: 0,
  lazadaChecks: 'this-laptop'
}

export const TEAM_CONNECTION: TeamConnectionSettings = { host: 'db.acme.example', port: 5432, database: 'storewatch', user: 'maria', tls: 'verify-full', caFile: null }

export function makeMatch(n: number, overrides: Partial<TeamStoreMatch> = {}): TeamStoreMatch {
  return { localStoreId: n, localName: `Local store ${n}`, teamStoreName: `Team store ${n}`, country: 'SG', by: 'short-code', value: `SG${String(n).padStart(5, '0')}`, ...overrides }
}

export function makeJoinPreview(overrides: Partial<TeamJoinPreview> = {}): TeamJoinPreview {
  return { teamName: 'Acme care team', teamStores: 120, localStores: 30, matches: [makeMatch(1), makeMatch(2, { by: 'login-email', value: 'shop2@acme.example' })], newLocal: 28, newFromTeam: 118, ...overrides }
}

export function makeMergeOffer(id: number, overrides: Partial<TeamMergeOffer> = {}): TeamMergeOffer {
  return { id, country: 'SG', by: 'short-code', value: `SG9000${id}`, holder: { storeId: 100 + id, name: `Holder ${id}` }, held: { storeId: 200 + id, name: `Held ${id}` }, ...overrides }
}

/** Only a server on this computer may be reached without TLS (main says so with the field). */
function loopback(host: string): boolean {
  return ['localhost', '127.0.0.1', '::1'].includes(host.trim().toLowerCase())
}

export class FakeTeam {
  view: TeamView = structuredClone(SOLO_TEAM_VIEW)
  /** Every password the renderer sent to the secret store (main never sends one back). */
  readonly savedPasswords: string[] = []
  preview: TeamJoinPreview = makeJoinPreview()
  /** When set, `team:preview-join` fails with it (the server unreachable, the role refused). */
  previewFailure: string | null = null
  offers: TeamMergeOffer[] = []
  readonly watched = new Set<number>()

  /** A team already joined, in the given state. */
  joined(state: TeamState = { kind: 'in-sync', at: Date.parse('2026-11-27T07:59:00Z') }, overrides: Partial<TeamView> = {}): this {
    this.view = { ...this.view, connection: TEAM_CONNECTION, passwordSaved: true, joined: true, teamName: 'Acme care team', role: 'maria', state, lazadaChecks: 'team-checker', ...overrides }
    return this
  }

  private answer(): TeamView {
    return { ...this.view, mergeOffers: this.offers.length }
  }

  install(handle: <C extends Channel>(channel: C, handler: Handler<C>) => void): void {
    handle('team:get', () => ok(this.answer()))
    handle('team:save-connection', ({ connection, password }) => {
      if (connection.tls === 'disable' && !loopback(connection.host)) {
        return {
          ok: false as const,
          error: { code: 'invalid-input' as const, message: `${connection.host} is not this computer: a connection to it needs TLS.`, fields: [{ field: 'connection.tls', message: 'Keep TLS on for a server on another computer' }] }
        }
      }
      if (password !== undefined) this.savedPasswords.push(password)
      this.view = { ...this.view, connection, passwordSaved: this.view.passwordSaved || password !== undefined }
      return ok(this.answer())
    })
    handle('team:preview-join', () => (this.previewFailure ? fail('conflict', this.previewFailure) : ok(this.preview)))
    handle('team:join', () => {
      this.joined({ kind: 'in-sync', at: Date.now() }, { teamName: this.preview.teamName, role: this.view.connection?.user ?? null })
      return ok(this.answer())
    })
    handle('team:leave', () => {
      this.view = { ...this.view, joined: false, teamName: null, role: null, state: { kind: 'solo' }, lazadaChecks: 'this-laptop' }
      return ok(this.answer())
    })
    handle('team:sync-now', () => ok(this.answer()))
    handle('team:merge-offers', () => ok(this.offers))
    handle('team:resolve-merge', ({ offerId }) => {
      if (!this.offers.some((o) => o.id === offerId)) return fail('not-found', `Merge offer #${offerId} is no longer open`)
      this.offers = this.offers.filter((o) => o.id !== offerId)
      return ok(this.offers)
    })
    handle('team:watched', ({ storeId }): ReturnType<Handler<'team:watched'>> => ok<StoreWatch>({ storeId, watched: this.watched.has(storeId) }))
    handle('team:watch', ({ storeId, watched }) => {
      if (watched) this.watched.add(storeId)
      else this.watched.delete(storeId)
      return ok({ storeId, watched })
    })
  }
}
