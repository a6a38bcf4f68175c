/**
 * Which supervisory authority a complaint goes to: a pure function of the authority records and the
 * facts of the case (law, where the user lives, where the company is established).
 *
 * - GDPR (Art. 77): the authority where the user lives or works comes first; the authority where
 *   the company has its (main) establishment, the lead authority of Art. 56, is the alternative.
 *   In Germany each Land has its own authority for companies, so the user's Land decides; the
 *   BfDI is competent for telecommunications and postal companies anywhere in Germany.
 * - Every other law names its authorities in the records; they come in the records' rank order
 *   (CCPA: the CPPA, which takes complaints, before the Attorney General, who enforces in court).
 */
import { lawNames } from '../shared/law-names'
import type { Law } from '../shared/kinds'
import { isEeaCountry, type Authority, type Competence, type Sector } from './schema'
import { ownValue } from '../shared/own-keys'
import { message, type Message } from '../shared/message'
import { inPlace } from '../messages/places'
import { resourceHas } from '../messages/resources'

export type CompetenceQuestion = {
  readonly law: Law
  /** Where the user lives (ISO 3166-1), when known. */
  readonly userCountry: string | null
  /** The user's region (ISO 3166-2, "DE-BY"), when known. */
  readonly userRegion?: string | null
  /** Where the company is established: for the GDPR, its main establishment in the EU/EEA. */
  readonly companyCountry: string | null
  readonly companyRegion?: string | null
  /** Private companies unless said otherwise. */
  readonly sector?: Sector
}

/** Why an authority is proposed. */
export type ProposalBasis = 'residence' | 'establishment' | 'law'

export type AuthorityProposal = {
  readonly authority: Authority
  readonly basis: ProposalBasis
  /** The reason in plain words, for the user. */
  readonly reason: string
  /** The reason as a message of the core's resources, for each host to say in the user's language. */
  readonly detail: Message
  /**
   * True when Rightful cannot tell which of several authorities is the right one (a German user
   * whose Land is unknown): the user must choose among the proposals that have it set.
   */
  readonly choose: boolean
  /** The condition the company must meet for this authority to be competent, or null. */
  readonly onlyIf: string | null
}

const countryNames: Readonly<Record<string, string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', HR: 'Croatia', CY: 'Cyprus', CZ: 'Czechia', DK: 'Denmark', EE: 'Estonia', FI: 'Finland',
  FR: 'France', DE: 'Germany', GR: 'Greece', HU: 'Hungary', IE: 'Ireland', IT: 'Italy', LV: 'Latvia', LT: 'Lithuania', LU: 'Luxembourg',
  MT: 'Malta', NL: 'the Netherlands', PL: 'Poland', PT: 'Portugal', RO: 'Romania', SK: 'Slovakia', SI: 'Slovenia', ES: 'Spain', SE: 'Sweden',
  IS: 'Iceland', LI: 'Liechtenstein', NO: 'Norway', GB: 'the United Kingdom', CH: 'Switzerland', HK: 'Hong Kong', CN: 'mainland China',
  JP: 'Japan', AU: 'Australia', CA: 'Canada', BR: 'Brazil', US: 'the United States',
}

const regionNames: Readonly<Record<string, string>> = {
  'DE-BW': 'Baden-Württemberg', 'DE-BY': 'Bavaria', 'DE-BE': 'Berlin', 'DE-BB': 'Brandenburg', 'DE-HB': 'Bremen', 'DE-HH': 'Hamburg',
  'DE-HE': 'Hesse', 'DE-MV': 'Mecklenburg-Western Pomerania', 'DE-NI': 'Lower Saxony', 'DE-NW': 'North Rhine-Westphalia',
  'DE-RP': 'Rhineland-Palatinate', 'DE-SL': 'Saarland', 'DE-SN': 'Saxony', 'DE-ST': 'Saxony-Anhalt', 'DE-SH': 'Schleswig-Holstein',
  'DE-TH': 'Thuringia', 'ES-CT': 'Catalonia', 'ES-PV': 'the Basque Country', 'US-CA': 'California', 'US-VA': 'Virginia',
  'US-CO': 'Colorado', 'US-CT': 'Connecticut', 'US-TX': 'Texas', 'CA-QC': 'Quebec',
}

/** "Germany", "Bavaria", or the code itself when we have no name for it. */
export function placeName(code: string): string {
  return ownValue(regionNames, code) ?? ownValue(countryNames, code) ?? code
}

/** A place as a message: a region by its name in the resources, a country by Intl's name (its English one beside it). */
export function placeMessage(code: string): Message {
  if (ownValue(regionNames, code) !== undefined) return message(`place.region.${code}`)
  return message('place.country', { country: code, countryName: ownValue(countryNames, code) ?? code })
}

/** The short name an authority goes by in a sentence: its acronym, else its English name. */
export function shortName(authority: Authority): string {
  return authority.acronym ?? authority.nameEn
}

type Entry = { readonly authority: Authority; readonly competence: Competence }

/** Every (authority, competence) pair for a law and a sector. */
function entriesFor(authorities: ReadonlyArray<Authority>, law: Law, sector: Sector): Entry[] {
  return authorities.flatMap((authority) =>
    authority.competence.filter((c) => c.laws.includes(law) && c.sectors.includes(sector)).map((competence) => ({ authority, competence })),
  )
}

const byRank = (a: Entry, b: Entry) => a.competence.rank - b.competence.rank

/**
 * The authorities competent in one country, for one place in it when the region is known:
 * - `exact`: competent for exactly that region ("DE-BY") or, where no region-level authority
 *   exists for the case, for the whole country;
 * - `choose`: the country has only region-level authorities and the region is unknown;
 * - `conditional`: competent only for some companies (the BfDI for telecoms).
 */
function inCountry(entries: ReadonlyArray<Entry>, country: string, region: string | null) {
  const here = entries.filter((e) => e.competence.regions.some((r) => r === country || r.startsWith(`${country}-`)))
  const unconditional = here.filter((e) => e.competence.onlyIf === null)
  const conditional = here.filter((e) => e.competence.onlyIf !== null).sort(byRank)
  const regional = unconditional.filter((e) => region !== null && e.competence.regions.includes(region)).sort(byRank)
  const national = unconditional.filter((e) => e.competence.regions.includes(country)).sort(byRank)
  if (regional.length > 0 || national.length > 0) return { exact: [...regional, ...national], choose: [] as Entry[], conditional }
  const allRegional = unconditional.filter((e) => e.competence.regions.some((r) => r.startsWith(`${country}-`)))
  const sorted = [...allRegional].sort((a, b) => placeName(a.competence.regions[0]!).localeCompare(placeName(b.competence.regions[0]!)))
  return { exact: [] as Entry[], choose: sorted, conditional }
}

/** The region an entry was chosen for, for the reason's wording. */
function placeOf(entry: Entry, country: string, region: string | null): string {
  if (region && entry.competence.regions.includes(region)) return region
  return entry.competence.regions.includes(country) ? country : (entry.competence.regions[0] ?? country)
}

function gdprProposals(entries: ReadonlyArray<Entry>, question: CompetenceQuestion): AuthorityProposal[] {
  const proposals: AuthorityProposal[] = []
  const seen = new Set<string>()
  const add = (proposal: AuthorityProposal) => {
    if (seen.has(proposal.authority.id)) return
    seen.add(proposal.authority.id)
    proposals.push(proposal)
  }
  const userCountry = isEeaCountry(question.userCountry) ? question.userCountry! : null
  const userRegion = userCountry && question.userRegion?.startsWith(`${userCountry}-`) ? question.userRegion : null
  const companyCountry = isEeaCountry(question.companyCountry) ? question.companyCountry! : null
  const companyRegion = companyCountry && question.companyRegion?.startsWith(`${companyCountry}-`) ? question.companyRegion : null
  const conditionals: AuthorityProposal[] = []

  if (userCountry) {
    const found = inCountry(entries, userCountry, userRegion)
    for (const entry of found.exact) {
      const place = placeOf(entry, userCountry, userRegion)
      const regional = place !== userCountry
      add({
        authority: entry.authority,
        basis: 'residence',
        reason: regional
          ? `You live in ${placeName(place)}, ${placeName(userCountry)}: ${shortName(entry.authority)} is the authority there, and the GDPR lets you complain where you live or work (Art. 77 GDPR).`
          : `You live in ${placeName(userCountry)}: the GDPR lets you complain to the supervisory authority of the country where you live or work, in its language (Art. 77 GDPR).`,
        detail: regional
          ? message('authority.reason.livesInRegion', { place: placeMessage(place), inPlace: inPlace(place), ...countryParams(userCountry), authority: shortName(entry.authority) })
          : message('authority.reason.livesIn', countryParams(userCountry)),
        choose: false,
        onlyIf: null,
      })
    }
    // Germany without the user's Land: the company's Land, when it is in Germany, is a sound
    // first choice (it supervises the company); otherwise the user must pick their own Land.
    if (found.choose.length > 0) {
      const companyEntry = companyCountry === userCountry && companyRegion ? found.choose.find((e) => e.competence.regions.includes(companyRegion)) : undefined
      if (companyEntry) {
        add({
          authority: companyEntry.authority,
          basis: 'establishment',
          reason: `The company is based in ${placeName(companyRegion!)}, so ${shortName(companyEntry.authority)} supervises it (Art. 77 and 56 GDPR, § 40 BDSG). You may instead complain to the authority of the Land where you live: choose it below.`,
          detail: message('authority.reason.companyLand', { place: placeMessage(companyRegion!), inPlace: inPlace(companyRegion!), authority: shortName(companyEntry.authority) }),
          choose: false,
          onlyIf: null,
        })
      }
      for (const entry of found.choose) {
        add({
          authority: entry.authority,
          basis: 'residence',
          reason: `In ${placeName(userCountry)} each Land has its own authority for companies. If you live in ${placeName(entry.competence.regions[0]!)}, complain to ${shortName(entry.authority)} (Art. 77 GDPR).`,
          detail: message('authority.reason.eachLand', { ...countryParams(userCountry), place: placeMessage(entry.competence.regions[0]!), inPlace: inPlace(entry.competence.regions[0]!), authority: shortName(entry.authority) }),
          choose: true,
          onlyIf: null,
        })
      }
    }
    conditionals.push(...found.conditional.map((entry) => conditionalProposal(entry)))
  }

  if (companyCountry && (companyCountry !== userCountry || (companyRegion && companyRegion !== userRegion))) {
    const found = inCountry(entries, companyCountry, companyRegion)
    const lead = found.exact.length > 0 ? found.exact : []
    for (const entry of lead) {
      const place = placeOf(entry, companyCountry, companyRegion)
      add({
        authority: entry.authority,
        basis: 'establishment',
        reason:
          companyCountry === userCountry
            ? `The company is based in ${placeName(place)}, so ${shortName(entry.authority)} supervises it; you may complain there instead (Art. 77 GDPR).`
            : `The company is established in ${placeName(companyCountry)}${place !== companyCountry ? ` (${placeName(place)})` : ''}: ${shortName(entry.authority)} is the lead authority for it (Art. 56 GDPR). You may complain there instead${userCountry ? ', though your own authority takes your complaint in your language and passes it on' : ''}.`,
        detail:
          companyCountry === userCountry
            ? message('authority.reason.companyHere', { place: placeMessage(place), inPlace: inPlace(place), authority: shortName(entry.authority) })
            : message(`authority.reason.lead${place !== companyCountry ? 'Region' : ''}${userCountry ? 'Own' : ''}`, {
                ...countryParams(companyCountry),
                place: placeMessage(place),
                authority: shortName(entry.authority),
              }),
        choose: false,
        onlyIf: null,
      })
    }
    if (lead.length === 0 && found.choose.length > 0 && !userCountry) {
      for (const entry of found.choose) {
        add({
          authority: entry.authority,
          basis: 'establishment',
          reason: `The company is established in ${placeName(companyCountry)}, where each Land has its own authority: if it is based in ${placeName(entry.competence.regions[0]!)}, ${shortName(entry.authority)} supervises it (Art. 56 GDPR).`,
          detail: message('authority.reason.companyEachLand', { ...countryParams(companyCountry), place: placeMessage(entry.competence.regions[0]!), inPlace: inPlace(entry.competence.regions[0]!), authority: shortName(entry.authority) }),
          choose: true,
          onlyIf: null,
        })
      }
    }
    conditionals.push(...found.conditional.map((entry) => conditionalProposal(entry)))
  }

  for (const proposal of conditionals) add(proposal)
  return proposals
}

function conditionalProposal(entry: Entry): AuthorityProposal {
  return {
    authority: entry.authority,
    basis: 'establishment',
    reason: `Only if ${entry.competence.onlyIf}: ${entry.competence.role}`,
    detail: message('authority.reason.onlyIf', { condition: recordWords(entry, 'onlyIf', entry.competence.onlyIf ?? ''), role: roleMessage(entry) }),
    choose: false,
    onlyIf: entry.competence.onlyIf,
  }
}

/**
 * The record's own English words (its role, its condition) in the user's language: each built-in
 * record's words are messages keyed by the authority and the competence's place in its list
 * (`authority.role.gb-ico.c0`); a record without them (one a test hands in) keeps its English.
 */
function recordWords(entry: Entry, field: 'role' | 'onlyIf', english: string): Message | string {
  const key = `authority.${field}.${entry.authority.id}.c${entry.authority.competence.indexOf(entry.competence)}`
  return resourceHas(key) ? message(key) : english
}

/** What the authority does with a complaint under this competence, as a message. */
function roleMessage(entry: Entry): Message | string {
  return recordWords(entry, 'role', entry.competence.role)
}

function lawProposals(entries: ReadonlyArray<Entry>, question: CompetenceQuestion): AuthorityProposal[] {
  const sorted = [...entries].sort((a, b) => (a.competence.onlyIf === null ? 0 : 1) - (b.competence.onlyIf === null ? 0 : 1) || byRank(a, b))
  const seen = new Set<string>()
  return sorted.flatMap((entry) => {
    if (seen.has(entry.authority.id)) return []
    seen.add(entry.authority.id)
    const where = entry.competence.regions.map(placeName).join(', ')
    return [
      {
        authority: entry.authority,
        basis: 'law' as const,
        reason: `${shortName(entry.authority)} is competent for ${lawNames[question.law]} in ${where}. ${entry.competence.role}`,
        detail: message('authority.reason.law', { authority: shortName(entry.authority), law: message(`proposal.law.${question.law}`), where: entry.competence.regions.map(placeMessage), inWhere: entry.competence.regions.map(inPlace), role: roleMessage(entry) }),
        choose: false,
        onlyIf: entry.competence.onlyIf,
      },
    ]
  })
}

/**
 * The authorities a complaint may go to, best first, each with its reason. Empty when none of the
 * records fits (for the GDPR: neither the user nor the company is in the EU/EEA).
 */
export function proposeAuthorities(authorities: ReadonlyArray<Authority>, question: CompetenceQuestion): AuthorityProposal[] {
  const entries = entriesFor(authorities, question.law, question.sector ?? 'private')
  return question.law === 'gdpr' ? gdprProposals(entries, question) : lawProposals(entries, question)
}

/** A country as a message's `country` parameter, with the English name the reasons above use beside it, and as the place a sentence puts something in (`inCountry`). */
function countryParams(code: string): { readonly country: string; readonly countryName: string; readonly inCountry: Message } {
  return { country: code, countryName: ownValue(countryNames, code) ?? code, inCountry: inPlace(code) }
}
