/**
 * Lazada's answer about a subscription next to the KAM's record, as pure functions: which row of
 * `/service/market/subs/query` counts, which End Time the status rules use, and when the two
 * disagree.
 *
 * The rules use Lazada's End Time when it answered for the store's current country and short
 * code (an expired answer ends the subscription at once, whatever its end_time says); the Start
 * Time stays the KAM's, since Lazada's answer has none. An answer without any subscription does
 * not replace the KAM's record (it is flagged instead): a wrong article code in Settings would
 * otherwise mark the whole portfolio unsubscribed.
 */
import { countryInfo } from '../../shared/countries'
import type { LazadaDisagreement, LazadaSubscriptionState } from '../../shared/lazada'
import type { MarketSubscription } from '../lazada/lazada-api'
import { formatLocal, formatLocalDate, timeZoneOf } from '../status/calendar'

export interface PickedSubscription {
  state: LazadaSubscriptionState
  endAt: number | null
  itemName: string | null
  autoRenew: boolean | null
}

/** The subscription that counts among Lazada's rows: the valid one ending last, else the expired one ending last. */
export function pickSubscription(rows: readonly MarketSubscription[]): PickedSubscription {
  const byEnd = (a: MarketSubscription, b: MarketSubscription) => (b.endAt ?? -Infinity) - (a.endAt ?? -Infinity)
  const best = [...rows.filter((r) => r.status === 'valid')].sort(byEnd)[0] ?? [...rows].sort(byEnd)[0]
  if (!best) return { state: 'none', endAt: null, itemName: null, autoRenew: null }
  return { state: best.status, endAt: best.endAt, itemName: best.itemName, autoRenew: best.autoRenew }
}

export interface SubscriptionDates {
  startAt: number | null
  endAt: number | null
}

/** Lazada's answer as the rules need it. */
export interface AnswerFacts {
  state: LazadaSubscriptionState
  endAt: number | null
  checkedAt: number
}

/** Whether Lazada's answer decides the End Time. */
export function answerDecides(answer: AnswerFacts | null): answer is AnswerFacts {
  return answer !== null && (answer.state === 'expired' || (answer.state === 'valid' && answer.endAt !== null))
}

/** The End Time by Lazada's answer: its end_time, or the time of the answer if it says expired and ends later. */
function lazadaEnd(answer: AnswerFacts): number {
  if (answer.state === 'expired') return answer.endAt === null ? answer.checkedAt : Math.min(answer.endAt, answer.checkedAt)
  return answer.endAt!
}

/** The subscription the status rules judge: the KAM's record with Lazada's End Time when Lazada decides. */
export function effectiveSubscription(kam: SubscriptionDates | null, answer: AnswerFacts | null): SubscriptionDates | null {
  if (!answerDecides(answer)) return kam
  return { startAt: kam?.startAt ?? null, endAt: lazadaEnd(answer) }
}

/** Where the KAM's End Time and Lazada's answer differ, with both dates in words; null when they agree. */
export function findDisagreement(
  country: string,
  kam: SubscriptionDates | null,
  answer: AnswerFacts & { shortCode: string },
  articleCode?: string
): LazadaDisagreement | null {
  const zone = timeZoneOf(country)
  const zoneLabel = countryInfo(country).timeZone ? `${country} time` : 'UTC'
  const at = (instant: number) => `${formatLocal(instant, zone)} (${zoneLabel})`
  const kamEndAt = kam?.endAt ?? null
  if (answer.state === 'none') {
    if (!kam) return null
    const what = articleCode ? `a subscription to ${articleCode}` : 'a subscription'
    return {
      kind: 'not-found',
      kamEndAt,
      lazadaEndAt: null,
      message: `Lazada has no record of ${what} for ${answer.shortCode}, but one is on record${kamEndAt === null ? '' : ` until ${at(kamEndAt)}`}. The status keeps the record on file: check the seller short code and the article code in Settings.`
    }
  }
  if (kamEndAt === null) return null
  const lazadaEndAt = answer.endAt
  if (answer.state === 'expired' && kamEndAt > answer.checkedAt) {
    return {
      kind: 'expired',
      kamEndAt,
      lazadaEndAt,
      message: `Lazada says the subscription has expired${lazadaEndAt === null ? '' : ` (it ended ${at(lazadaEndAt)})`}, but the End Time on record is ${at(kamEndAt)}. The status follows Lazada.`
    }
  }
  if (lazadaEndAt !== null && formatLocalDate(lazadaEndAt, zone) !== formatLocalDate(kamEndAt, zone)) {
    return {
      kind: 'end-date',
      kamEndAt,
      lazadaEndAt,
      message: `Lazada’s End Time is ${at(lazadaEndAt)}; the one on record is ${at(kamEndAt)}. The status follows Lazada.`
    }
  }
  return null
}
