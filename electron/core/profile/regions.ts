/**
 * The parts of a country where the user's region changes what Rightful proposes (ISO 3166-2):
 * - Germany: each Land has its own data-protection authority for companies (complaints);
 * - Spain: Catalonia and the Basque Country have their own authorities (complaints);
 * - the United States: the state decides which privacy law gives the user rights at all
 *   (California, Virginia, Colorado, Connecticut are supported);
 * - Canada: Quebec has its own private-sector privacy law and authority.
 * Elsewhere the country alone decides, so no region is asked for. A pure module: the renderer uses
 * it for the profile form.
 */
import { ownValue } from '../shared/own-keys'

export type Subdivision = { readonly code: string; readonly name: string }

const germanLaender: ReadonlyArray<readonly [string, string]> = [
  ['BW', 'Baden-Württemberg'], ['BY', 'Bavaria'], ['BE', 'Berlin'], ['BB', 'Brandenburg'], ['HB', 'Bremen'], ['HH', 'Hamburg'],
  ['HE', 'Hesse'], ['MV', 'Mecklenburg-Western Pomerania'], ['NI', 'Lower Saxony'], ['NW', 'North Rhine-Westphalia'],
  ['RP', 'Rhineland-Palatinate'], ['SL', 'Saarland'], ['SN', 'Saxony'], ['ST', 'Saxony-Anhalt'], ['SH', 'Schleswig-Holstein'],
  ['TH', 'Thuringia'],
]

const spanishCommunities: ReadonlyArray<readonly [string, string]> = [
  ['AN', 'Andalusia'], ['AR', 'Aragon'], ['AS', 'Asturias'], ['IB', 'the Balearic Islands'], ['PV', 'the Basque Country'],
  ['CN', 'the Canary Islands'], ['CB', 'Cantabria'], ['CL', 'Castile and León'], ['CM', 'Castilla-La Mancha'], ['CT', 'Catalonia'],
  ['CE', 'Ceuta'], ['EX', 'Extremadura'], ['GA', 'Galicia'], ['RI', 'La Rioja'], ['MD', 'the Community of Madrid'],
  ['ML', 'Melilla'], ['MC', 'the Region of Murcia'], ['NC', 'Navarre'], ['VC', 'the Valencian Community'],
]

const usStates: ReadonlyArray<readonly [string, string]> = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'the District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
  ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'],
  ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'],
  ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'], ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'], ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'],
  ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
]

const canadianProvinces: ReadonlyArray<readonly [string, string]> = [
  ['AB', 'Alberta'], ['BC', 'British Columbia'], ['MB', 'Manitoba'], ['NB', 'New Brunswick'], ['NL', 'Newfoundland and Labrador'],
  ['NS', 'Nova Scotia'], ['NT', 'the Northwest Territories'], ['NU', 'Nunavut'], ['ON', 'Ontario'], ['PE', 'Prince Edward Island'],
  ['QC', 'Quebec'], ['SK', 'Saskatchewan'], ['YT', 'Yukon'],
]

type RegionTable = Readonly<Record<string, { readonly label: string; readonly why: string; readonly list: ReadonlyArray<Subdivision> }>>

/** Built on first use: sorting the names by the locale's rules starts a collator, which costs every command milliseconds at start. */
let built: RegionTable | null = null
const table = (): RegionTable => (built ??= {
  DE: { label: 'Land', why: 'Each Land has its own data-protection authority: it decides where a complaint goes.', list: toList('DE', germanLaender) },
  ES: { label: 'Autonomous community', why: 'Catalonia and the Basque Country have their own data-protection authorities.', list: toList('ES', spanishCommunities) },
  CA: { label: 'Province or territory', why: 'Quebec has its own privacy law for companies, and its own authority.', list: toList('CA', canadianProvinces) },
  US: { label: 'State', why: 'Your state decides which privacy law gives you rights (California, Virginia, Colorado, Connecticut …).', list: toList('US', usStates) },
})

function toList(country: string, entries: ReadonlyArray<readonly [string, string]>): Subdivision[] {
  return entries.map(([code, name]) => ({ code: `${country}-${code}`, name })).sort((a, b) => a.name.replace(/^the /, '').localeCompare(b.name.replace(/^the /, '')))
}

/** The regions the user can choose from in this country, with the field's label and why it is asked; null where none is asked. */
export function regionsOf(country: string | null): { readonly label: string; readonly why: string; readonly list: ReadonlyArray<Subdivision> } | null {
  return (country && ownValue(table(), country)) || null
}

/** "Bavaria", "California"; null for a code we do not list. */
export function regionName(code: string): string | null {
  const country = code.slice(0, 2)
  return ownValue(table(), country)?.list.find((r) => r.code === code)?.name ?? null
}
