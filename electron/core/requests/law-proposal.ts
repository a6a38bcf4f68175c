/**
 * Which law to propose for a new request, from where the user lives (country, and the state in the
 * US) and where the company is established. Only a proposal: the user sees why and can change it.
 *
 * The user's own law comes first, because each of these laws protects people where they live when
 * a company offers them goods or services there (GDPR Art. 3(2), UK GDPR Art. 3(2), LGPD Art. 3,
 * FADP Art. 3, PIPL Art. 3, APPI Art. 171) or protects only residents (the US state laws). Then the
 * law of the company's establishment (GDPR Art. 3(1): whatever the user's country). Where neither
 * gives a law that has a template for this kind of request, the first available one is proposed
 * and marked as a guess. A pure module: the renderer proposes while the user picks.
 */
import { isEeaCountry } from '../authorities/eea'
import { regionName } from '../profile/regions'
import { lawNames } from './law-names'
import type { Law } from './model'

export type LawProposal = {
  readonly law: Law
  /** Why, in plain words ("You live in California: the CCPA gives California residents these rights."). */
  readonly reason: string
  /** False when nothing tied a law to the user or the company: the user should choose. */
  readonly grounded: boolean
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

const placeOf = (country: string) => countryNames[country] ?? (isEeaCountry(country) ? 'the EU/EEA' : country)

/** The law of a place, by its ISO code; null where Rightful has none for it. */
function lawOfCountry(country: string | null): Law | null {
  if (!country) return null
  if (isEeaCountry(country)) return 'gdpr'
  return byCountry[country] ?? null
}

export function proposeLaw(input: {
  /** The laws with a template for the kind of request chosen. */
  readonly available: ReadonlyArray<Law>
  readonly userCountry: string | null
  readonly userRegion: string | null
  /** Where the company is established (the catalog's record), most important first. */
  readonly companyCountries: ReadonlyArray<string>
}): LawProposal | null {
  const { available, userCountry, userRegion } = input
  const usable = (law: Law | null): law is Law => law !== null && available.includes(law)

  if (userCountry === 'US') {
    const law = userRegion ? (byUsState[userRegion] ?? null) : null
    if (usable(law)) {
      return { law, reason: `You live in ${regionName(userRegion!) ?? userRegion}: ${lawNames[law]} gives its residents these rights.`, grounded: true }
    }
  } else {
    const law = lawOfCountry(userCountry)
    if (usable(law)) {
      return { law, reason: `You live in ${placeOf(userCountry!)}: ${lawNames[law]} protects you there when a company offers you its goods or services.`, grounded: true }
    }
  }

  // A US user who gave no state, or a user who gave no country, may have rights of their own.
  const stateHint =
    userCountry === 'US' && !userRegion
      ? ' Add your state in your details: some states give their residents rights of their own.'
      : !userCountry
        ? ' Add your country in your details: the law where you live may protect you too.'
        : ''
  // The company's establishment: an EU/EEA one first (the GDPR then applies wherever the user
  // lives), else the first country in the record's order with a law we know.
  const establishments = [...input.companyCountries.filter((c) => isEeaCountry(c)), ...input.companyCountries.filter((c) => !isEeaCountry(c))]
  for (const country of establishments) {
    const law = lawOfCountry(country)
    if (usable(law)) {
      const reason =
        law === 'gdpr'
          ? `The company is established in ${placeOf(country)}: the GDPR applies to it wherever you live (Art. 3(1)).`
          : `The company is established in ${placeOf(country)}: ${lawNames[law]} applies to it.`
      return { law, reason: reason + stateHint, grounded: true }
    }
  }

  const first = available[0]
  if (!first) return null
  return { law: first, reason: `Rightful cannot tell which law applies from your details and the company's: choose the one that applies to you.${stateHint}`, grounded: false }
}
