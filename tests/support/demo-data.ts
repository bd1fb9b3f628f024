/**
 * Plausible, repeatable portfolios for the preview, the end-to-end tests and the benchmarks.
 */
import { Faker, en } from '@faker-js/faker'
import { stringify } from 'csv-stringify/sync'
import { DateTime } from 'luxon'
import type { AppCore } from '../../electron/core/app-core'
import { countryInfo, isCoveredCountry } from '../../electron/shared/countries'
import { DEFAULT_INTEGRATOR_PROFILE } from '../../electron/shared/integrator'
import type { IntegratorProfile } from '../../electron/shared/integrator'
import { authorizationInputSchema, subscriptionInputSchema } from '../../electron/shared/records'
import { STORE_FIELDS, storeInputSchema } from '../../electron/shared/store-fields'
import type { StoreInput } from '../../electron/shared/store-fields'

const COUNTRY_WEIGHTS: [string, number][] = [
  ['SG', 22],
  ['MY', 20],
  ['TH', 16],
  ['PH', 16],
  ['VN', 12],
  ['ID', 12],
  ['KR', 2]
]
const OWNERS = ['Aisha Rahman', 'Ben Tan', 'Chloe Nguyen', 'Dimas Putra', 'Erin Santos']
const TAGS = ['VIP', 'Fashion', 'Electronics', 'Beauty', 'Home', 'Onboarding', 'At risk', 'Cross-border']
const CHANNELS = ['email', 'phone', 'whatsapp', 'line', 'zalo'] as const
const SUFFIX: Record<string, string> = { SG: 'Pte Ltd', MY: 'Sdn Bhd', TH: 'Co., Ltd.', PH: 'Inc.', VN: 'JSC', ID: 'PT', KR: 'Co., Ltd.' }
const PHONE: Record<string, string> = { SG: '+65', MY: '+60', TH: '+66', PH: '+63', VN: '+84', ID: '+62', KR: '+82' }

/**
 * An integrator profile filled in as a KAM team would (the guide's Anchanto OM, with made-up app
 * key, callback and Service Market links: the guide prints none), so previews show checklists
 * with their links and a "Reauthorize" that can go ahead.
 */
export function demoIntegratorProfile(): IntegratorProfile {
  const link = (domain: string, n: number) => `https://marketplace.${domain}/web/detail.html?articleCode=FW_GOODS-10000002${n}`
  return {
    ...DEFAULT_INTEGRATOR_PROFILE,
    appKey: '100234',
    callbackUrl: 'https://oms.anchanto.example/lazada/callback',
    articleCode: 'FW_GOODS-1000000281',
    serviceMarketLinks: {
      SG: link('lazada.sg', 81),
      MY: link('lazada.com.my', 82),
      TH: link('lazada.co.th', 83),
      PH: link('lazada.com.ph', 84),
      VN: link('lazada.vn', 85),
      ID: link('lazada.co.id', 86)
    }
  }
}

/** `count` distinct store inputs; the same seed always gives the same stores. */
export function demoStoreInputs(count: number, seed = 20240301): StoreInput[] {
  const faker = new Faker({ locale: [en] })
  faker.seed(seed)
  const inputs: StoreInput[] = []
  for (let i = 0; i < count; i++) {
    const country = faker.helpers.weightedArrayElement(COUNTRY_WEIGHTS.map(([value, weight]) => ({ value, weight })))
    const brand = faker.company.name().replace(/[^A-Za-z0-9 &-]/g, '').trim()
    const client = country === 'ID' ? `PT ${brand}` : `${brand} ${SUFFIX[country]}`
    const contact = faker.person.fullName()
    const slug = brand.toLowerCase().replace(/[^a-z0-9]+/g, '')
    inputs.push(
      storeInputSchema.parse({
        clientName: client,
        storeName: `${brand} ${faker.helpers.arrayElement(['Official Store', 'Flagship', 'Mall', 'Outlet', 'Shop'])}`,
        country,
        // The index keeps short codes unique however the random part falls.
        sellerShortCode: `${country}${faker.string.alphanumeric({ length: 6, casing: 'upper' })}${i.toString(36).toUpperCase()}`,
        sellerId: String(faker.number.int({ min: 100000000, max: 999999999 })),
        loginEmail: `seller.${slug}.${i}@example.com`,
        contactName: contact,
        contactEmail: `${contact.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.com`,
        contactPhone: `${PHONE[country]} ${faker.string.numeric(4)} ${faker.string.numeric(4)}`,
        contactChannel: faker.helpers.arrayElement(CHANNELS),
        omsStoreRef: `OMS-${faker.string.numeric(6)}`,
        ownerKam: faker.helpers.arrayElement(OWNERS),
        tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
        notes: faker.helpers.maybe(() => faker.lorem.sentence(), { probability: 0.2 }) ?? null
      }) as StoreInput
    )
  }
  return inputs
}

/**
 * What a demo store's records say, relative to now. Most stores are fine; the rest cover every
 * status a KAM meets today (legacy grace is history by now, so it has no scenario).
 */
export const DEMO_SCENARIOS = [
  'healthy',
  'expiring',
  'expired',
  'needs-authorization',
  'reauthorize-after-renewal',
  'needs-reconnect',
  'needs-subscription',
  'unknown'
] as const
export type DemoScenario = (typeof DEMO_SCENARIOS)[number]

const SCENARIO_WEIGHTS: [DemoScenario, number][] = [
  ['healthy', 62],
  ['expiring', 9],
  ['expired', 5],
  ['needs-authorization', 4],
  ['reauthorize-after-renewal', 3],
  ['needs-reconnect', 6],
  ['needs-subscription', 7],
  ['unknown', 4]
]

const DAY_MS = 24 * 3600_000

export interface DemoSeedOptions {
  seed?: number
  /** "Now" for the records; the app's clock. */
  now?: number
}

/** The scenario of the i-th demo store: fixed by the seed, so screenshots and tests are repeatable. */
export function demoScenarios(count: number, seed = 20240301): DemoScenario[] {
  const faker = new Faker({ locale: [en] })
  faker.seed(seed + 1)
  return Array.from({ length: count }, () => faker.helpers.weightedArrayElement(SCENARIO_WEIGHTS.map(([value, weight]) => ({ value, weight }))))
}

/**
 * Records for one store, as a KAM would have typed them off Lazada's pages: an order at some
 * minute of a working day in the store's country, ending half a year later at the same time; the
 * seller authorizing a little after the order; the store reconnected the same day.
 */
function seedRecords(core: AppCore, storeId: number, country: string, scenario: DemoScenario, now: number, faker: Faker): void {
  const zone = countryInfo(country).timeZone ?? 'UTC'
  const at = (instant: number) => DateTime.fromMillis(instant, { zone }).set({ hour: faker.number.int({ min: 9, max: 17 }), minute: faker.number.int({ min: 0, max: 59 }), second: 0, millisecond: 0 })
  const subscribe = (endInDays: number, dates = true) => {
    const end = at(now + endInDays * DAY_MS)
    const start = end.minus({ months: 6 })
    core.records.saveSubscription(
      storeId,
      subscriptionInputSchema.parse({ startAt: dates ? start.toMillis() : null, endAt: dates ? end.toMillis() : null, source: faker.helpers.arrayElement(['kam', 'kam', 'checklist']) })
    )
    return start.toMillis()
  }
  const authorize = (authorizedAt: number, reconnected: boolean) =>
    core.records.recordAuthorization(
      storeId,
      authorizationInputSchema.parse({
        authorizedAt,
        method: faker.helpers.arrayElement(['recorded-by-kam', 'seller-link', 'embedded-window']),
        account: faker.helpers.maybe(() => `${faker.internet.username().toLowerCase()}@example.com`, { probability: 0.6 }),
        country,
        reconnected
      })
    )
  const soonAfter = (instant: number) => Math.min(now - 3600_000, instant + faker.number.int({ min: 5, max: 180 }) * 60_000)

  switch (scenario) {
    case 'healthy': {
      const start = subscribe(faker.number.int({ min: 18, max: 178 }))
      authorize(soonAfter(start), true)
      break
    }
    case 'expiring': {
      const start = subscribe(faker.number.int({ min: 1, max: 13 }))
      authorize(soonAfter(start), true)
      break
    }
    case 'expired': {
      const start = subscribe(-faker.number.int({ min: 1, max: 25 }))
      authorize(soonAfter(start), true)
      break
    }
    case 'needs-authorization':
      subscribe(faker.number.int({ min: 168, max: 178 }))
      break
    case 'reauthorize-after-renewal': {
      // Renewed a few days ago; the last authorization belongs to the previous half year.
      const start = subscribe(faker.number.int({ min: 170, max: 178 }))
      authorize(start - faker.number.int({ min: 150, max: 175 }) * DAY_MS, true)
      break
    }
    case 'needs-reconnect': {
      const start = subscribe(faker.number.int({ min: 165, max: 178 }))
      authorize(soonAfter(start), false)
      break
    }
    case 'needs-subscription':
      // A new client: nothing ordered or authorized yet.
      break
    case 'unknown':
      // Ordered, but nobody read the Start and End Time off the Order Confirmation page.
      subscribe(175, false)
      break
  }
}

/**
 * Adds `count` demo stores with realistic records relative to now (so the dashboard, the worklist
 * and the 90-day view have something to show), and a few edits so store pages have history.
 */
export function seedDemoPortfolio(core: AppCore, count: number, options: DemoSeedOptions = {}): void {
  const seed = options.seed ?? 20240301
  const now = options.now ?? Date.now()
  const inputs = demoStoreInputs(count, seed)
  const scenarios = demoScenarios(count, seed)
  const faker = new Faker({ locale: [en] })
  faker.seed(seed + 2)
  const { stores } = core
  stores.writeTransaction(() => {
    inputs.forEach((input, i) => {
      const created = stores.create(input)
      if (isCoveredCountry(input.country)) seedRecords(core, created.id, input.country, scenarios[i] ?? 'healthy', now, faker)
      if (i % 7 === 0) stores.update(created.id, { ...input, ownerKam: OWNERS[(i + 1) % OWNERS.length] ?? null, notes: 'Asked the seller to renew before the end of the month.' })
      if (i % 50 === 3) stores.archive(created.id)
    })
  })
}

/** The inputs as a CSV file in the import template's columns. */
export function storesCsv(inputs: readonly StoreInput[], delimiter: ',' | ';' = ','): string {
  const header = STORE_FIELDS.map((f) => f.csvColumn)
  const rows = inputs.map((input) =>
    STORE_FIELDS.map((f) => {
      const value = input[f.key]
      return Array.isArray(value) ? value.join('|') : (value ?? '')
    })
  )
  return stringify([header, ...rows], { delimiter, record_delimiter: 'unix' })
}
