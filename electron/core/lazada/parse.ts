/**
 * Reading Lazada's answers (lazada-open-platform.md §4, §6, §10). Lazada sends numbers and
 * booleans as strings or not, names the seller list two ways and writes country codes in either
 * case, so the schemas accept all of those; what Storewatch cannot do without (tokens, lifetimes,
 * subscription status) makes the answer malformed when missing or unusable, anything else becomes null.
 */
import { z } from 'zod'
import type { MarketOrder, MarketSubscription, SellerAccountInfo, SellerProfile, TokenGrant } from './lazada-api'

/** The answer cannot be used; `message` names the field, never its value. */
export class MalformedAnswer extends Error {}

/** `code` was "0" but the result reports a failure of its own (`result.success` false). */
export class UnsuccessfulResult extends Error {
  constructor(
    readonly code: string,
    readonly lazadaMessage: string | undefined
  ) {
    super(lazadaMessage ?? code)
  }
}

export interface LazadaEnvelope {
  /** "0" on success. */
  code: string
  message: string | undefined
  requestId: string | undefined
  body: Record<string, unknown>
}

/** The common part of every answer. Success is `code === "0"`, never the HTTP status. */
export function readEnvelope(text: string): LazadaEnvelope {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new MalformedAnswer('not JSON')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new MalformedAnswer('not a JSON object')
  const record = body as Record<string, unknown>
  if (typeof record.code !== 'string' || record.code === '') throw new MalformedAnswer('no "code"')
  return {
    code: record.code,
    message: typeof record.message === 'string' ? record.message : undefined,
    requestId: typeof record.request_id === 'string' ? record.request_id : undefined,
    body: record
  }
}

const numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
const seconds = numeric.pipe(z.number().nonnegative())
const epochMs = numeric.pipe(z.number().int().nonnegative())
const flag = z.union([z.boolean(), z.literal(0).transform(() => false), z.literal(1).transform(() => true), z.stringbool()])

/** A field Storewatch can do without: anything unusable becomes null. */
const optionalText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim() || null)
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)
const optionalFlag = flag
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)
const optionalEpochMs = epochMs
  .nullish()
  .catch(null)
  .transform((value) => value ?? null)

const upperCase = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.toUpperCase())
const venture = upperCase.pipe(z.enum(['SG', 'MY', 'TH', 'PH', 'VN', 'ID', 'CB']))

const sellerInfo = z.object({ country: upperCase, seller_id: optionalText, user_id: optionalText, short_code: optionalText })

const tokenAnswer = z.object({
  access_token: z.string().trim().min(1),
  refresh_token: z.string().trim().min(1),
  expires_in: seconds,
  refresh_expires_in: seconds,
  country: venture.nullish(),
  account: optionalText,
  account_platform: optionalText,
  country_user_info: z.array(sellerInfo).nullish(),
  country_user_info_list: z.array(sellerInfo).nullish()
})

const subscriptionRow = z.object({
  status: numeric.pipe(z.union([z.literal(1), z.literal(2)])),
  end_time: epochMs.nullish(),
  autosub: optionalFlag,
  item_code: optionalText,
  item_name: optionalText,
  article_code: optionalText
})

/** `result.success` false comes with `resultCode` and `remark` (order query) or nothing (subscription query). */
const resultFields = { success: optionalFlag, resultCode: optionalText, remark: optionalText }

const subscriptionsAnswer = z.object({ result: z.object({ ...resultFields, data: z.array(subscriptionRow).nullish() }) })

const orderRow = z.object({
  orderId: optionalText,
  itemCode: optionalText,
  itemName: optionalText,
  orderCycleStart: optionalEpochMs,
  orderCycleEnd: optionalEpochMs,
  create: optionalEpochMs
})

const ordersAnswer = z.object({
  result: z.object({ ...resultFields, data: z.object({ articleBizOrders: z.array(orderRow).nullish() }).nullish() })
})

const sellerAnswer = z.object({
  data: z.object({
    seller_id: optionalText,
    short_code: optionalText,
    name: optionalText,
    email: optionalText,
    status: optionalText,
    cb: optionalFlag
  })
})

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const path = result.error.issues[0]?.path.join('.') ?? ''
  throw new MalformedAnswer(path === '' ? 'unexpected shape' : `missing or invalid "${path}"`)
}

function checkSuccess(result: { success: boolean | null; resultCode: string | null; remark: string | null }): void {
  if (result.success === false) throw new UnsuccessfulResult(result.resultCode ?? 'UnsuccessfulResult', result.remark ?? undefined)
}

/**
 * `/auth/token/create` and `/auth/token/refresh`. `answeredAt` is Lazada's time when the answer
 * arrived (the skew-corrected clock): lifetimes are relative seconds, the grant holds instants.
 */
export function parseTokenGrant(body: unknown, answeredAt: number): TokenGrant {
  const answer = parse(tokenAnswer, body)
  const listed = [answer.country_user_info, answer.country_user_info_list].find((list) => list && list.length > 0) ?? []
  const sellers: SellerAccountInfo[] = listed.map((info) => ({
    country: info.country,
    sellerId: info.seller_id,
    userId: info.user_id,
    shortCode: info.short_code
  }))
  // Older answers may leave `country` out; a single seller entry still says which venture it is.
  const country = answer.country ?? (sellers.length === 1 ? venture.safeParse(sellers[0]!.country).data : undefined)
  if (country === undefined) throw new MalformedAnswer('missing or invalid "country"')
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessExpiresAt: answeredAt + Math.round(answer.expires_in * 1000),
    refreshExpiresAt: answer.refresh_expires_in === 0 ? null : answeredAt + Math.round(answer.refresh_expires_in * 1000),
    country,
    account: answer.account,
    accountPlatform: answer.account_platform,
    sellers
  }
}

export function parseSubscriptions(body: unknown): MarketSubscription[] {
  const { result } = parse(subscriptionsAnswer, body)
  checkSuccess(result)
  return (result.data ?? []).map((row) => ({
    status: row.status === 1 ? 'valid' : 'expired',
    endAt: row.end_time ?? null,
    autoRenew: row.autosub,
    itemCode: row.item_code,
    itemName: row.item_name,
    articleCode: row.article_code
  }))
}

export function parseOrders(body: unknown): MarketOrder[] {
  const { result } = parse(ordersAnswer, body)
  checkSuccess(result)
  return (result.data?.articleBizOrders ?? []).map((row) => ({
    orderId: row.orderId,
    itemCode: row.itemCode,
    itemName: row.itemName,
    cycleStartAt: row.orderCycleStart,
    cycleEndAt: row.orderCycleEnd,
    createdAt: row.create
  }))
}

export function parseSeller(body: unknown): SellerProfile {
  const { data } = parse(sellerAnswer, body)
  return {
    sellerId: data.seller_id,
    shortCode: data.short_code,
    name: data.name,
    email: data.email,
    status: data.status,
    crossBorder: data.cb ?? false
  }
}
