/**
 * Country names to ISO 3166-1 codes, in the languages addresses are written in. Built once from the
 * ICU data Node and Chromium carry (Intl.DisplayNames), plus the everyday forms ICU does not list
 * ("United States of America", "The Netherlands", "UK").
 */

const localesForNames = [
  'en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'nb', 'fi', 'is', 'cs', 'sk', 'sl', 'hr',
  'hu', 'ro', 'bg', 'el', 'lt', 'lv', 'et', 'ga', 'mt', 'zh', 'ja', 'ko', 'ru', 'tr',
] as const

const extraNames: Record<string, string> = {
  'united states of america': 'US',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  us: 'US',
  'united states': 'US',
  america: 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  'republic of singapore': 'SG',
  'czech republic': 'CZ',
  russia: 'RU',
  'hong kong': 'HK',
  'hong kong sar': 'HK',
  'hong kong s a r': 'HK',
  'macau': 'MO',
  'macao': 'MO',
  'republic of ireland': 'IE',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'korea': 'KR',
  'taiwan': 'TW',
  'republic of china': 'TW',
  "people's republic of china": 'CN',
  'peoples republic of china': 'CN',
  'p r china': 'CN',
  'pr china': 'CN',
  prc: 'CN',
  'mainland china': 'CN',
  'uae': 'AE',
  'slovak republic': 'SK',
  'viet nam': 'VN',
  'the bahamas': 'BS',
  'ivory coast': 'CI',
  'schweiz suisse svizzera': 'CH',
  'suisse': 'CH',
  'svizzera': 'CH',
  'belgique': 'BE',
  'belgie': 'BE',
  'osterreich': 'AT',
}

/** Lower case, accents and punctuation folded, "the " dropped: "The Netherlands" → "netherlands". */
export function foldCountryName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ')
    .replace(/’/g, "'")
    .trim()
}

/** Codes ICU names that are not countries today (East Germany, Yugoslavia, the EU, …). */
const notCountries = new Set(['DD', 'YU', 'CS', 'SU', 'ZR', 'TP', 'BU', 'FX', 'AN', 'NT', 'YD', 'ZZ', 'QO', 'EU', 'EZ', 'UN', 'XA', 'XB'])

let table: Map<string, string> | null = null

function buildTable(): Map<string, string> {
  const map = new Map<string, string>()
  const codes: string[] = []
  const probe = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b)
      const name = probe.of(code)
      // ICU answers unknown codes with the code itself or undefined; "ZZ" is "Unknown Region".
      if (name && name !== code && !notCountries.has(code)) codes.push(code)
    }
  }
  for (const locale of localesForNames) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
    for (const code of codes) {
      const name = names.of(code)
      if (!name) continue
      const folded = foldCountryName(name)
      if (folded && !map.has(folded)) map.set(folded, code)
      const withoutThe = folded.replace(/^the /, '')
      if (!map.has(withoutThe)) map.set(withoutThe, code)
    }
  }
  for (const [name, code] of Object.entries(extraNames)) map.set(foldCountryName(name), code)
  return map
}

/** The ISO code for a country's name in one of many languages, or null. */
export function countryCodeOf(name: string): string | null {
  table ??= buildTable()
  const folded = foldCountryName(name)
  if (!folded) return null
  return table.get(folded) ?? table.get(folded.replace(/^the /, '')) ?? null
}

const usStates: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI',
  minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV',
  'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC',
  'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI',
  'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT',
  virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'district of columbia': 'DC',
}
const usStateCodes = new Set(Object.values(usStates))

const caProvinces: Record<string, string> = {
  alberta: 'AB', 'british columbia': 'BC', manitoba: 'MB', 'new brunswick': 'NB', 'newfoundland and labrador': 'NL',
  'nova scotia': 'NS', ontario: 'ON', 'prince edward island': 'PE', quebec: 'QC', saskatchewan: 'SK',
  'northwest territories': 'NT', nunavut: 'NU', yukon: 'YT',
}
const caProvinceCodes = new Set(Object.values(caProvinces))

/**
 * The state or province of a US or Canadian address, from the line with the ZIP or postal code
 * ("New Castle, DE 19720", "Plainview New York 11803", "Toronto, ON M5V 2T6"); null elsewhere or
 * when it cannot be told.
 */
export function regionOf(country: string, lines: ReadonlyArray<string>): string | null {
  if (country !== 'US' && country !== 'CA') return null
  const names = country === 'US' ? usStates : caProvinces
  const codes = country === 'US' ? usStateCodes : caProvinceCodes
  const postcode = country === 'US' ? /\b\d{5}(?:-\d{4})?\b/ : /\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b/i
  for (const line of [...lines].reverse()) {
    const match = postcode.exec(line)
    if (!match) continue
    const before = line.slice(0, match.index).replace(/[,.\s]+$/, '')
    const code = /\b([A-Z]{2})$/.exec(before)?.[1]
    if (code && codes.has(code)) return code
    const folded = foldCountryName(before)
    // Longest names first, so "West Virginia" is not read as "Virginia".
    for (const [name, value] of Object.entries(names).sort((a, b) => b[0].length - a[0].length)) {
      if (folded === name || folded.endsWith(` ${name}`)) return value
    }
  }
  return null
}
