/** Country choices for the store form: the six Service Market countries first, then every other. */
import { COVERED_COUNTRY_LIST, isCoveredCountry, normalizeCountry } from '../../../electron/shared/countries'
import { countryName } from './format'

export interface CountryOption {
  value: string
  label: string
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Every two-letter code that the shared country table accepts as a code of its own. */
function isoCodes(): string[] {
  const codes: string[] = []
  for (const a of LETTERS) for (const b of LETTERS) if (normalizeCountry(a + b) === a + b) codes.push(a + b)
  return codes
}

function option(code: string): CountryOption {
  return { value: code, label: `${countryName(code)} (${code})` }
}

export const COUNTRY_OPTION_GROUPS = [
  { group: 'Service Market countries', items: COVERED_COUNTRY_LIST.map((c) => option(c.code)) },
  {
    group: 'Other countries (out of scope)',
    items: isoCodes()
      .filter((code) => !isCoveredCountry(code))
      .map(option)
      .sort((a, b) => a.label.localeCompare(b.label))
  }
]
