/**
 * The fields of a client store: one table drives the forms, the CSV template and export, the
 * history labels and the validation that main runs on every write (and the import on every row).
 * Every text field keeps to `text-rules.ts`: no control characters (line breaks and tabs only in
 * the notes), no text-direction overrides, no broken characters.
 */
import { z } from 'zod'
import { COVERED_COUNTRIES, normalizeCountry } from './countries'
import { safeText, textProblem } from './text-rules'

export const CONTACT_CHANNELS = ['email', 'phone', 'whatsapp', 'line', 'zalo', 'viber', 'telegram', 'wechat', 'other'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  email: 'E-mail',
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  line: 'LINE',
  zalo: 'Zalo',
  viber: 'Viber',
  telegram: 'Telegram',
  wechat: 'WeChat',
  other: 'Other'
}

export interface StoreInput {
  clientName: string
  storeName: string
  country: string
  sellerShortCode: string | null
  sellerId: string | null
  loginEmail: string | null
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  contactChannel: ContactChannel | null
  omsStoreRef: string | null
  ownerKam: string | null
  tags: string[]
  notes: string | null
}

export type StoreFieldKey = keyof StoreInput

/** A store with nothing in it: what a new store is compared with for its first history entry. */
export const BLANK_STORE_INPUT: StoreInput = {
  clientName: '',
  storeName: '',
  country: '',
  sellerShortCode: null,
  sellerId: null,
  loginEmail: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  contactChannel: null,
  omsStoreRef: null,
  ownerKam: null,
  tags: [],
  notes: null
}

export interface StoreFieldSpec {
  key: StoreFieldKey
  label: string
  /** Column name in the CSV template and in exports. */
  csvColumn: string
  /** Other headers accepted on import (compared case- and punctuation-insensitively). */
  csvAliases: readonly string[]
  required: boolean
  hint?: string
}

export const STORE_FIELDS: readonly StoreFieldSpec[] = [
  { key: 'clientName', label: 'Client', csvColumn: 'client_name', csvAliases: ['client', 'company'], required: true },
  { key: 'storeName', label: 'Store name', csvColumn: 'store_name', csvAliases: ['store', 'shop', 'shop name'], required: true },
  {
    key: 'country',
    label: 'Country',
    csvColumn: 'country',
    csvAliases: ['country code', 'site', 'venture'],
    required: true,
    hint: `Two-letter code: ${COVERED_COUNTRIES.join(', ')} (others are kept as out of scope)`
  },
  {
    key: 'sellerShortCode',
    label: 'Seller short code',
    csvColumn: 'seller_short_code',
    csvAliases: ['short code', 'shortcode'],
    required: false,
    hint: 'Shown in Seller Center under the account, e.g. SG1A2B3C4D'
  },
  { key: 'sellerId', label: 'Seller ID', csvColumn: 'seller_id', csvAliases: [], required: false },
  {
    key: 'loginEmail',
    label: 'Seller Center login e-mail',
    csvColumn: 'login_email',
    csvAliases: ['seller center email', 'seller email', 'login'],
    required: false
  },
  { key: 'contactName', label: 'Contact name', csvColumn: 'contact_name', csvAliases: ['contact'], required: false },
  { key: 'contactEmail', label: 'Contact e-mail', csvColumn: 'contact_email', csvAliases: [], required: false },
  { key: 'contactPhone', label: 'Contact phone', csvColumn: 'contact_phone', csvAliases: ['phone'], required: false },
  {
    key: 'contactChannel',
    label: 'Preferred channel',
    csvColumn: 'contact_channel',
    csvAliases: ['preferred channel', 'channel'],
    required: false,
    hint: CONTACT_CHANNELS.join(', ')
  },
  { key: 'omsStoreRef', label: 'OMS store reference', csvColumn: 'oms_store_ref', csvAliases: ['oms reference', 'oms ref', 'oms store id'], required: false },
  { key: 'ownerKam', label: 'Owner KAM', csvColumn: 'owner_kam', csvAliases: ['owner', 'kam'], required: false },
  { key: 'tags', label: 'Tags', csvColumn: 'tags', csvAliases: ['tag'], required: false, hint: 'Separated by | or ,' },
  { key: 'notes', label: 'Notes', csvColumn: 'notes', csvAliases: ['note', 'comments'], required: false }
]

export const STORE_FIELD_BY_KEY: Readonly<Record<StoreFieldKey, StoreFieldSpec>> = Object.fromEntries(
  STORE_FIELDS.map((f) => [f.key, f])
) as Record<StoreFieldKey, StoreFieldSpec>

const MAX_TEXT = 200
const MAX_NOTES = 5000
const MAX_TAGS = 20
const MAX_TAG = 40

/** Empty or whitespace-only text means "not given". */
function optionalText(max: number, label: string, multiline = false) {
  return safeText({ label, multiline })
    .pipe(z.string().trim().max(max, { error: `Keep it under ${max} characters` }))
    .nullish()
    .transform((v) => (v ? v : null))
}

function requiredText(label: string) {
  return z
    .string({ error: `${label} is required` })
    .pipe(safeText({ label }))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: `${label} is required` })
        .max(MAX_TEXT, { error: `Keep it under ${MAX_TEXT} characters` })
    )
}

const emailFormat = z.email()

function optionalEmail(label: string) {
  return safeText({ label })
    .pipe(z.string().trim())
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || emailFormat.safeParse(v).success, { error: 'Not a valid e-mail address' })
}

export const countrySchema = z
  .string({ error: 'Country is required' })
  .trim()
  .min(1, { error: 'Country is required' })
  .transform((value, ctx) => {
    const code = normalizeCountry(value)
    if (!code) {
      ctx.addIssue({
        code: 'custom',
        message: `Unknown country "${value}": use a two-letter code such as ${COVERED_COUNTRIES.join(', ')}`
      })
      return z.NEVER
    }
    return code
  })

export function splitTags(value: string): string[] {
  return value.split(/[|,]/)
}

const tagsSchema = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .transform((v) => {
    const list = v == null ? [] : typeof v === 'string' ? splitTags(v) : v
    const seen = new Map<string, string>()
    for (const raw of list) {
      // Runs of spaces (of any width) read as one; a tab or line break is refused below.
      const tag = raw.trim().replace(/\p{Zs}+/gu, ' ')
      if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
    }
    return [...seen.values()]
  })
  .superRefine((tags, ctx) => {
    const problem = tags.map((tag) => textProblem(tag, { label: `The tag “${tag.replace(/[^\p{L}\p{N}\p{Zs}_.-]/gu, '')}”` })).find((p) => p !== null)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .refine((tags) => tags.length <= MAX_TAGS, { error: `At most ${MAX_TAGS} tags` })
  .refine((tags) => tags.every((t) => t.length <= MAX_TAG), { error: `A tag must be under ${MAX_TAG} characters` })

export const storeInputSchema = z
  .strictObject({
    clientName: requiredText('Client'),
    storeName: requiredText('Store name'),
    country: countrySchema,
    sellerShortCode: optionalText(40, 'Seller short code')
      .transform((v) => (v ? v.toUpperCase() : null))
      .refine((v) => v === null || /^[A-Z0-9]{4,40}$/.test(v), { error: 'Letters and digits only, e.g. SG1A2B3C4D' }),
    sellerId: optionalText(40, 'Seller ID').refine((v) => v === null || /^[0-9]{1,40}$/.test(v), { error: 'Digits only' }),
    loginEmail: optionalEmail('Seller Center login e-mail'),
    contactName: optionalText(MAX_TEXT, 'Contact name'),
    contactEmail: optionalEmail('Contact e-mail'),
    contactPhone: optionalText(40, 'Contact phone').refine((v) => v === null || /^\+?[0-9 ()./-]{6,40}$/.test(v), {
      error: 'Digits, spaces and + ( ) - only, e.g. +65 6123 4567'
    }),
    contactChannel: z
      .string()
      .trim()
      .nullish()
      .transform((v, ctx) => {
        if (!v) return null
        const key = v.toLowerCase().replace(/[^a-z]/g, '')
        const match = CONTACT_CHANNELS.find((c) => c === key || (c === 'email' && key === 'mail'))
        if (!match) {
          ctx.addIssue({ code: 'custom', message: `Use one of: ${CONTACT_CHANNELS.join(', ')}` })
          return z.NEVER
        }
        return match
      }),
    omsStoreRef: optionalText(MAX_TEXT, 'OMS store reference'),
    ownerKam: optionalText(MAX_TEXT, 'Owner KAM'),
    tags: tagsSchema,
    notes: optionalText(MAX_NOTES, 'Notes', true)
  })
  .superRefine((store, ctx) => {
    if (!store.sellerShortCode && !store.loginEmail) {
      ctx.addIssue({
        code: 'custom',
        path: ['sellerShortCode'],
        message: 'Give the seller short code or the Seller Center login e-mail, so the store can be told apart'
      })
    }
  })

/** What the forms and the CSV rows send: any field may be missing or loosely typed before validation. */
export type StoreInputDraft = z.input<typeof storeInputSchema>

export interface FieldProblem {
  field: StoreFieldKey | null
  message: string
}

/** Validates a draft; on failure returns one problem per field, in the order of STORE_FIELDS. */
export function validateStoreInput(
  draft: unknown
): { ok: true; value: StoreInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = storeInputSchema.safeParse(draft)
  if (parsed.success) return { ok: true, value: parsed.data as StoreInput }
  const byField = new Map<StoreFieldKey | null, string>()
  for (const issue of parsed.error.issues) {
    const head = issue.path[0]
    const field = typeof head === 'string' && head in STORE_FIELD_BY_KEY ? (head as StoreFieldKey) : null
    if (issue.code === 'unrecognized_keys') {
      byField.set(null, `Unknown fields: ${issue.keys.join(', ')}`)
    } else if (!byField.has(field)) {
      byField.set(field, issue.message)
    }
  }
  const order = (f: StoreFieldKey | null): number => (f === null ? -1 : STORE_FIELDS.findIndex((s) => s.key === f))
  return {
    ok: false,
    problems: [...byField.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([field, message]) => ({ field, message }))
  }
}
