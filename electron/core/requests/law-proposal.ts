/**
 * Which law to propose for a new request, from where the user lives (country, and the state in the
 * US) and where the company is established. Only a proposal: the user sees why and can change it.
 *
 * The user's own law comes first, because each of these laws protects people where they live when
 * a company offers them goods or services there (GDPR Art. 3(2), UK GDPR Art. 3(2), LGPD Art. 3,
 * FADP Art. 3, PIPL Art. 3, APPI Art. 171) or protects only residents (the US state laws). Then the
 * law of the company's establishment (GDPR Art. 3(1): whatever the user's country): an EU/EEA one
 * wherever it is listed, else only the principal one. Where neither gives a law, nothing is
 * proposed: the user is told why and picks the law (never a silent guess). The kinds of request a
 * law grants are in rights.ts. A pure module: the renderer proposes while the user picks.
 */
import { isEeaCountry } from '../shared/eea'
import { regionName } from '../profile/regions'
import { lawNames } from '../shared/law-names'
import { laws, type Law } from '../shared/kinds'
import { ownValue } from '../shared/own-keys'
import { message, type Message } from '../shared/message'
import { inPlace, placeNamed } from '../messages/places'

/**
 * Grounded: a law and why, in plain words ("You live in California: the CCPA gives its residents
 * these rights."). Not grounded: no law, and why not (the user must choose).
 */
export type LawProposal =
  | { readonly law: Law; readonly reason: string; readonly grounded: true; readonly unsupportedLaw?: string; readonly message: ReadonlyArray<Message> }
  | { readonly law: null; readonly reason: string; readonly grounded: false; readonly unsupportedLaw?: string; readonly message: ReadonlyArray<Message> }

/**
 * The US states whose comprehensive consumer privacy law Rightful has no letters for yet, with the
 * law's name (from memory, as enacted; in force by 2026). A resident of one of them is told so
 * plainly, never handed another law's letter as if it were theirs.
 */
const unsupportedUsStateLaws: ReadonlyMap<string, string> = new Map([
  ['US-OR', 'the Oregon Consumer Privacy Act'],
  ['US-MT', 'the Montana Consumer Data Privacy Act'],
  ['US-UT', 'the Utah Consumer Privacy Act'],
  ['US-IA', 'the Iowa Consumer Data Protection Act'],
  ['US-DE', 'the Delaware Personal Data Privacy Act'],
  ['US-NH', "New Hampshire's consumer data privacy law (RSA 507-H)"],
  ['US-NE', 'the Nebraska Data Privacy Act'],
  ['US-NJ', 'the New Jersey Data Privacy Act'],
  ['US-TN', 'the Tennessee Information Protection Act'],
  ['US-MN', 'the Minnesota Consumer Data Privacy Act'],
  ['US-MD', 'the Maryland Online Data Privacy Act'],
  ['US-IN', 'the Indiana Consumer Data Protection Act'],
  ['US-KY', 'the Kentucky Consumer Data Protection Act'],
  ['US-RI', 'the Rhode Island Data Transparency and Privacy Protection Act'],
])

/** The name of the privacy law of a US state that Rightful does not support, or null. */
export function unsupportedStateLaw(region: string | null): string | null {
  return region ? (unsupportedUsStateLaws.get(region) ?? null) : null
}

/** A law's name inside a sentence, as a message ("the GDPR", "die DSGVO"). */
const lawMessage = (law: Law): Message => message(`proposal.law.${law}`)

/**
 * Where something is, as the proposal says it inside a sentence ("in mainland China", "in the
 * EU/EEA", "aux États-Unis"; messages/places.ts), else the country's name after the plain
 * preposition, with the English name the reason above uses beside it.
 */
function placeMessage(country: string): Message {
  if (ownValue(countryNames, country)) return inPlace(country)
  return isEeaCountry(country) ? inPlace('eea') : message('place.inCountry', { country, countryName: placeOf(country) })
}

const byCountry: Readonly<Record<string, Law>> = {
  GB: 'uk-gdpr',
  CH: 'ch-fadp',
  BR: 'lgpd',
  CA: 'pipeda',
  HK: 'hk-pdpo',
  CN: 'cn-pipl',
  JP: 'jp-appi',
  AU: 'au-privacy',
}

const byUsState: Readonly<Record<string, Law>> = {
  'US-CA': 'ccpa',
  'US-VA': 'vcdpa',
  'US-CO': 'cpa-co',
  'US-CT': 'ctdpa',
  'US-TX': 'tdpsa',
}

const countryNames: Readonly<Record<string, string>> = {
  GB: 'the United Kingdom',
  CH: 'Switzerland',
  BR: 'Brazil',
  CA: 'Canada',
  HK: 'Hong Kong',
  CN: 'mainland China',
  JP: 'Japan',
  AU: 'Australia',
  US: 'the United States',
}

/** Made when a reason first names a country: every command loads this file, few propose a law. */
let englishRegions: Intl.DisplayNames | null = null

/** A country's English name, as the reasons say it: the proposal's own words for a few, else Intl's (the code when it has none). */
function placeOf(country: string): string {
  const own = ownValue(countryNames, country) ?? (isEeaCountry(country) ? 'the EU/EEA' : null)
  if (own) return own
  try {
    return /^[A-Z]{2}$/.test(country) ? ((englishRegions ??= new Intl.DisplayNames(['en-GB'], { type: 'region' })).of(country) ?? country) : country
  } catch {
    return country
  }
}

/** The law of a place, by its ISO code; null where Rightful has none for it. */
function lawOfCountry(country: string | null): Law | null {
  if (!country) return null
  if (isEeaCountry(country)) return 'gdpr'
  return ownValue(byCountry, country) ?? null
}

/**
 * The law to propose. `law` is null when nothing ties a law to the user or the company: then no law
 * is preselected, and `reason` says why and what would let Rightful tell.
 */
export function proposeLaw(input: {
  /** The laws Rightful has templates for (all of them when left out). */
  readonly available?: ReadonlyArray<Law>
  readonly userCountry: string | null
  readonly userRegion: string | null
  /** Where the company is established (the catalog's record), most important first. */
  readonly companyCountries: ReadonlyArray<string>
}): LawProposal {
  const { userCountry, userRegion } = input
  const available = input.available ?? laws
  const usable = (law: Law | null): law is Law => law !== null && available.includes(law)

  if (userCountry === 'US') {
    const law = userRegion ? (ownValue(byUsState, userRegion) ?? null) : null
    if (usable(law)) {
      const region = regionName(userRegion!) ?? userRegion!
      return { law, reason: `You live in ${region}: ${lawNames[law]} gives its residents these rights.`, grounded: true, message: [message('proposal.livesInState', { inRegion: inPlace(userRegion!), law: lawMessage(law) })] }
    }
  } else if (userCountry === 'CA' && userRegion === 'CA-QC' && usable('qc-privacy')) {
    // Quebec's Act governs enterprises carried on in Quebec (s.1): a company established in Canada
    // that serves a Quebec resident is taken to; for one outside Canada, PIPEDA is the law.
    if (input.companyCountries.includes('CA') || input.companyCountries.length === 0) {
      return {
        law: 'qc-privacy',
        reason: `You live in Quebec: ${lawNames['qc-privacy']} protects you when a company carries on business there. If this company does not, ${lawNames.pipeda} applies instead.`,
        grounded: true,
        message: [message('proposal.livesInQuebec', { law: lawMessage('qc-privacy'), pipeda: lawMessage('pipeda') })],
      }
    }
    if (usable('pipeda')) {
      return {
        law: 'pipeda',
        reason: `You live in Quebec, but the company is not established in Canada: ${lawNames['qc-privacy']} governs businesses carried on in Quebec, so ${lawNames.pipeda} applies to it.`,
        grounded: true,
        message: [message('proposal.quebecCompanyOutsideCanada', { law: lawMessage('qc-privacy'), pipeda: lawMessage('pipeda') })],
      }
    }
  } else {
    const law = lawOfCountry(userCountry)
    if (usable(law)) {
      return {
        law,
        reason: `You live in ${placeOf(userCountry!)}: ${lawNames[law]} protects you there when a company offers you its goods or services.`,
        grounded: true,
        message: [message('proposal.livesIn', { inPlace: placeMessage(userCountry!), law: lawMessage(law) })],
      }
    }
  }

  // A resident of a state whose own law Rightful does not support is told so first, plainly.
  const ownLaw = userCountry === 'US' ? unsupportedStateLaw(userRegion) : null
  const stateName = ownLaw ? (regionName(userRegion!) ?? userRegion!) : null
  const ownLawNote = ownLaw ? `${stateName} has a privacy law of its own, ${ownLaw}, which Rightful has no letters for yet. ` : ''
  const unsupported = ownLaw ? { unsupportedLaw: ownLaw } : {}
  const ownLawMessage: Message[] = ownLaw ? [message('proposal.unsupportedStateLaw', { region: placeNamed(userRegion!), law: ownLaw })] : []

  // A US user who gave no state, or a user who gave no country, may have rights of their own.
  const stateHint =
    userCountry === 'US' && !userRegion
      ? ' Add your state in your details: some states give their residents rights of their own.'
      : !userCountry
        ? ' Add your country in your details: the law where you live may protect you too.'
        : ''
  const hint: Message[] = userCountry === 'US' && !userRegion ? [message('proposal.hint.state')] : !userCountry ? [message('proposal.hint.country')] : []
  // The company's establishment: an EU/EEA one wherever it is listed (the GDPR then applies to its
  // processing wherever the user lives, Art. 3(1)), else only its principal one, the first listed:
  // a branch elsewhere does not make that country's law the one for this user.
  const eea = input.companyCountries.find((c) => isEeaCountry(c))
  if (eea && usable('gdpr')) {
    return {
      law: 'gdpr',
      reason: `${ownLawNote}The company is established in ${placeOf(eea)}: the GDPR applies to it wherever you live (Art. 3(1)).${stateHint}`,
      grounded: true,
      ...unsupported,
      message: [...ownLawMessage, message('proposal.establishedEea', { inPlace: placeMessage(eea) }), ...hint],
    }
  }
  const principal = input.companyCountries[0] ?? null
  const principalLaw = lawOfCountry(principal)
  if (principal && usable(principalLaw)) {
    return {
      law: principalLaw,
      reason: `${ownLawNote}The company is established in ${placeOf(principal)}: ${lawNames[principalLaw]} applies to it.${stateHint}`,
      grounded: true,
      ...unsupported,
      message: [...ownLawMessage, message('proposal.established', { inPlace: placeMessage(principal), law: lawMessage(principalLaw) }), ...hint],
    }
  }

  const you =
    userCountry === 'US'
      ? userRegion
        ? ownLaw
          ? `${stateName} has a privacy law of its own, ${ownLaw}, which Rightful has no letters for yet`
          : `${regionName(userRegion) ?? userRegion} has no general privacy law that Rightful knows of`
        : 'you gave no state'
      : userCountry
        ? `Rightful knows no privacy law in ${placeOf(userCountry)}`
        : 'you gave no country'
  const youMessage =
    userCountry === 'US'
      ? userRegion
        ? ownLaw
          ? message('proposal.you.unsupportedStateLaw', { region: placeNamed(userRegion), law: ownLaw })
          : message('proposal.you.noStateLaw', { region: regionName(userRegion) ? placeNamed(userRegion) : userRegion })
        : message('proposal.you.noState')
      : userCountry
        ? message('proposal.you.noLawIn', { inPlace: placeMessage(userCountry) })
        : message('proposal.you.noCountry')
  const companyMessage = principal
    ? message(principal === 'US' ? 'proposal.company.inUs' : principalLaw ? 'proposal.company.in' : 'proposal.company.inNoLaw', { inPlace: placeMessage(principal) })
    : message('proposal.company.unknown')
  const company = principal ? `the company is established in ${placeOf(principal)}${principal === 'US' ? ', which has no general privacy law' : principalLaw ? '' : `, where Rightful knows no privacy law`}` : 'where the company is established is not known'
  return {
    law: null,
    reason: `Rightful cannot tell which law applies: ${you}, and ${company}. Choose the law that protects you.${stateHint}`,
    grounded: false,
    ...unsupported,
    message: [message('proposal.cannotTell', { you: youMessage, company: companyMessage }), ...hint],
  }
}
