/** What the store page and the lists show from Lazada: its answer beside the KAM's record, flags, tokens. */
import type { LazadaOverview, LazadaOverviewItem, LazadaSubscriptionAnswer, LazadaSubscriptionState, StoreLazadaView, TokenState } from '../../shared/lazada'
import type { DatabaseHandle } from '../db/open-database'
import { AppError } from '../errors'
import type { SettingsService } from '../settings/settings-service'
import { askableCountries } from './remote-check'
import { answerDecides, findDisagreement } from './subscription-answer'
import type { TokenKeeper } from './tokens'

export const CANNOT_CHECK = 'No seller short code: Storewatch cannot check this store with Lazada. Add the short code to the store.'

export interface LazadaViewsDeps {
  database: DatabaseHandle
  settings: Pick<SettingsService, 'get'>
  tokens: Pick<TokenKeeper, 'view'>
  /** Why checks do not ask Lazada now, or null when they do. */
  remoteChecksOff: () => Promise<string | null>
}

type Row = [
  id: number,
  country: string,
  shortCode: string | null,
  archivedAt: number | null,
  kamStart: number | null,
  kamEnd: number | null,
  hasKam: number,
  state: LazadaSubscriptionState | null,
  endAt: number | null,
  itemName: string | null,
  autoRenew: number | null,
  answerCountry: string | null,
  answerShortCode: string | null,
  checkedAt: number | null,
  articleCode: string | null,
  errorCause: string | null,
  errorMessage: string | null,
  errorAt: number | null,
  tokenState: TokenState | null
]

const SELECT = `SELECT s.id, s.country, s.seller_short_code, s.archived_at, sub.start_at, sub.end_at, sub.store_id IS NOT NULL,
    l.state, l.end_at, l.item_name, l.auto_renew, l.country, l.short_code, l.checked_at, l.article_code, l.error_cause, l.error_message, l.error_at,
    t.state
  FROM stores s
  LEFT JOIN subscriptions sub ON sub.store_id = s.id
  LEFT JOIN lazada_subscriptions l ON l.store_id = s.id
  LEFT JOIN lazada_tokens t ON t.store_id = s.id`

export function createLazadaViews(deps: LazadaViewsDeps) {
  const { sqlite } = deps.database
  const statements = {
    one: sqlite.prepare(`${SELECT} WHERE s.id = ?`).raw(),
    // Only the stores the overview can list: an answer from Lazada, no short code, or refused tokens
    // (see `overview`), so 10,000 stores are not read into rows to drop nearly all of them.
    listable: sqlite
      .prepare(
        `${SELECT} WHERE s.archived_at IS NULL AND (l.store_id IS NOT NULL OR s.seller_short_code IS NULL OR s.seller_short_code = '' OR t.state = 'needs-authorization') ORDER BY s.id`
      )
      .raw()
  }

  function askable(): Set<string> {
    const { policy, integrator } = deps.settings.get()
    return new Set(askableCountries(policy, integrator.publishedCountries))
  }

  /** Lazada's answer, if it is about the store's current country and short code. */
  function answerOf(row: Row): LazadaSubscriptionAnswer | null {
    const [, country, shortCode, , , , , state, endAt, itemName, autoRenew, answerCountry, answerShortCode, checkedAt] = row
    if (state === null || checkedAt === null || answerCountry !== country || answerShortCode === null || answerShortCode !== shortCode) return null
    return { state, endAt, itemName, autoRenew: autoRenew === null ? null : autoRenew === 1, country: answerCountry, shortCode: answerShortCode, checkedAt }
  }

  function judge(row: Row, countries: Set<string>) {
    const [, country, shortCode, archivedAt, kamStart, kamEnd, hasKam] = row
    const answer = answerOf(row)
    const kam = hasKam ? { startAt: kamStart, endAt: kamEnd } : null
    const disagreement = answer ? findDisagreement(country, kam, answer, row[14] ?? undefined) : null
    const cannotCheck = archivedAt === null && countries.has(country) && !shortCode ? CANNOT_CHECK : null
    const statusUses: StoreLazadaView['statusUses'] = answerDecides(answer) ? 'lazada' : kamEnd !== null ? 'kam' : null
    return { answer, kamEndAt: kamEnd, disagreement, cannotCheck, statusUses }
  }

  return {
    store(storeId: number): StoreLazadaView {
      const row = statements.one.get(storeId) as Row | undefined
      if (!row) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
      const judged = judge(row, askable())
      const [, , , , , , , , , , , , , , , errorCause, errorMessage, errorAt] = row
      return {
        storeId,
        ...judged,
        lastError: errorCause !== null && errorAt !== null ? { cause: errorCause, message: errorMessage ?? '', at: errorAt } : null,
        token: deps.tokens.view(storeId)
      }
    },

    async overview(): Promise<LazadaOverview> {
      const countries = askable()
      const items: LazadaOverviewItem[] = []
      for (const row of statements.listable.all() as Row[]) {
        const judged = judge(row, countries)
        const tokenNeedsAuthorization = row[18] === 'needs-authorization'
        if (!judged.answer && !judged.cannotCheck && !tokenNeedsAuthorization) continue
        const message = judged.disagreement?.message ?? judged.cannotCheck ?? (tokenNeedsAuthorization ? 'Lazada refused the store’s tokens: the seller must authorize again.' : '')
        items.push({
          storeId: row[0],
          lazadaEndAt: judged.answer?.endAt ?? null,
          checkedAt: judged.answer?.checkedAt ?? null,
          disagrees: judged.disagreement !== null,
          cannotCheck: judged.cannotCheck !== null,
          tokenNeedsAuthorization,
          message
        })
      }
      return { items, remoteChecksOff: await deps.remoteChecksOff() }
    }
  }
}

export type LazadaViews = ReturnType<typeof createLazadaViews>
