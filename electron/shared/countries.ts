/**
 * Countries Storewatch knows about. Lazada's Service Market rule covers six countries; every
 * other ISO 3166-1 country (South Korea above all, which the guide names) is "out of scope".
 */

export const COVERED_COUNTRIES = ['SG', 'MY', 'TH', 'PH', 'VN', 'ID'] as const
export type CoveredCountry = (typeof COVERED_COUNTRIES)[number]

export interface CountryInfo {
  code: string
  name: string
  /** IANA zone used to show dates in the store's own time. */
  timeZone: string | null
}

const COVERED_INFO: Record<CoveredCountry, CountryInfo> = {
  SG: { code: 'SG', name: 'Singapore', timeZone: 'Asia/Singapore' },
  MY: { code: 'MY', name: 'Malaysia', timeZone: 'Asia/Kuala_Lumpur' },
  TH: { code: 'TH', name: 'Thailand', timeZone: 'Asia/Bangkok' },
  PH: { code: 'PH', name: 'Philippines', timeZone: 'Asia/Manila' },
  VN: { code: 'VN', name: 'Vietnam', timeZone: 'Asia/Ho_Chi_Minh' },
  ID: { code: 'ID', name: 'Indonesia', timeZone: 'Asia/Jakarta' }
}

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE ' +
  'EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
  'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC ' +
  'LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
  'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO ' +
  'TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ')
const ISO_SET = new Set(ISO_CODES)

// Names a KAM is likely to type instead of a code.
const NAME_ALIASES: Record<string, string> = {
  singapore: 'SG',
  malaysia: 'MY',
  thailand: 'TH',
  philippines: 'PH',
  'the philippines': 'PH',
  vietnam: 'VN',
  'viet nam': 'VN',
  indonesia: 'ID',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR'
}

export function isCoveredCountry(code: string): code is CoveredCountry {
  return (COVERED_COUNTRIES as readonly string[]).includes(code)
}

/** Turns "sg", " Singapore " or "SG" into "SG"; returns null when it names no country. */
export function normalizeCountry(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return null
  const upper = trimmed.toUpperCase()
  if (upper.length === 2 && ISO_SET.has(upper)) return upper
  return NAME_ALIASES[trimmed.toLowerCase().replace(/\s+/g, ' ')] ?? null
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

export function countryInfo(code: string): CountryInfo {
  if (isCoveredCountry(code)) return COVERED_INFO[code]
  return { code, name: regionNames.of(code) ?? code, timeZone: null }
}

export const COVERED_COUNTRY_LIST: readonly CountryInfo[] = COVERED_COUNTRIES.map((c) => COVERED_INFO[c])
