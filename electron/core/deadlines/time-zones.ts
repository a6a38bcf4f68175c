/**
 * The time zone a company receives e-mail in, from its country and region, so that an e-mail sent
 * at 23:30 in New York counts as received on the next day by a company in Berlin
 * (law-reference.md §3, rule 7). Countries spanning several zones are resolved by region where it
 * matters; otherwise the zone of the capital.
 */
import type { Jurisdiction } from './holidays'
import { ownValue } from '../shared/own-keys'

const byCountry: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna', BE: 'Europe/Brussels', BG: 'Europe/Sofia', HR: 'Europe/Zagreb', CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague', DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', FR: 'Europe/Paris',
  DE: 'Europe/Berlin', GR: 'Europe/Athens', HU: 'Europe/Budapest', IE: 'Europe/Dublin', IT: 'Europe/Rome',
  LV: 'Europe/Riga', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg', MT: 'Europe/Malta', NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw', PT: 'Europe/Lisbon', RO: 'Europe/Bucharest', SK: 'Europe/Bratislava', SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid', SE: 'Europe/Stockholm', IS: 'Atlantic/Reykjavik', LI: 'Europe/Vaduz', NO: 'Europe/Oslo',
  CH: 'Europe/Zurich', GB: 'Europe/London', MC: 'Europe/Monaco', UA: 'Europe/Kyiv', TR: 'Europe/Istanbul',
  US: 'America/New_York', CA: 'America/Toronto', MX: 'America/Mexico_City', BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires', CL: 'America/Santiago', CO: 'America/Bogota', PE: 'America/Lima',
  CN: 'Asia/Shanghai', HK: 'Asia/Hong_Kong', MO: 'Asia/Macau', TW: 'Asia/Taipei', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  SG: 'Asia/Singapore', MY: 'Asia/Kuala_Lumpur', TH: 'Asia/Bangkok', VN: 'Asia/Ho_Chi_Minh', PH: 'Asia/Manila',
  ID: 'Asia/Jakarta', IN: 'Asia/Kolkata', IL: 'Asia/Jerusalem', AE: 'Asia/Dubai', SA: 'Asia/Riyadh',
  AU: 'Australia/Sydney', NZ: 'Pacific/Auckland', ZA: 'Africa/Johannesburg', NG: 'Africa/Lagos', KE: 'Africa/Nairobi',
  EG: 'Africa/Cairo', RU: 'Europe/Moscow',
}

const byRegion: Readonly<Record<string, string>> = {
  // United States
  'US-AK': 'America/Anchorage', 'US-AZ': 'America/Phoenix', 'US-CA': 'America/Los_Angeles', 'US-CO': 'America/Denver',
  'US-HI': 'Pacific/Honolulu', 'US-ID': 'America/Boise', 'US-IL': 'America/Chicago', 'US-IA': 'America/Chicago',
  'US-KS': 'America/Chicago', 'US-LA': 'America/Chicago', 'US-MN': 'America/Chicago', 'US-MO': 'America/Chicago',
  'US-MS': 'America/Chicago', 'US-AL': 'America/Chicago', 'US-AR': 'America/Chicago', 'US-MT': 'America/Denver',
  'US-NE': 'America/Chicago', 'US-NV': 'America/Los_Angeles', 'US-NM': 'America/Denver', 'US-ND': 'America/Chicago',
  'US-OK': 'America/Chicago', 'US-OR': 'America/Los_Angeles', 'US-SD': 'America/Chicago', 'US-TN': 'America/Chicago',
  'US-TX': 'America/Chicago', 'US-UT': 'America/Denver', 'US-WA': 'America/Los_Angeles', 'US-WI': 'America/Chicago',
  'US-WY': 'America/Denver',
  // Canada
  'CA-AB': 'America/Edmonton', 'CA-BC': 'America/Vancouver', 'CA-MB': 'America/Winnipeg', 'CA-NB': 'America/Moncton',
  'CA-NL': 'America/St_Johns', 'CA-NS': 'America/Halifax', 'CA-NT': 'America/Yellowknife', 'CA-NU': 'America/Iqaluit',
  'CA-PE': 'America/Halifax', 'CA-QC': 'America/Toronto', 'CA-SK': 'America/Regina', 'CA-YT': 'America/Whitehorse',
  // Australia
  'AU-ACT': 'Australia/Sydney', 'AU-NT': 'Australia/Darwin', 'AU-QLD': 'Australia/Brisbane', 'AU-SA': 'Australia/Adelaide',
  'AU-TAS': 'Australia/Hobart', 'AU-VIC': 'Australia/Melbourne', 'AU-WA': 'Australia/Perth',
  // Brazil
  'BR-AC': 'America/Rio_Branco', 'BR-AM': 'America/Manaus', 'BR-MT': 'America/Cuiaba', 'BR-MS': 'America/Campo_Grande',
  'BR-RO': 'America/Porto_Velho', 'BR-RR': 'America/Boa_Vista',
}

/** The IANA time zone of a jurisdiction, or null when the country is not in the table. */
export function timeZoneOf(jurisdiction: Jurisdiction | null): string | null {
  if (!jurisdiction) return null
  if (jurisdiction.region) {
    const zone = ownValue(byRegion, `${jurisdiction.country}-${jurisdiction.region}`)
    if (zone) return zone
  }
  return ownValue(byCountry, jurisdiction.country) ?? null
}
