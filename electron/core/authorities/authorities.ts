/**
 * The built-in supervisory authorities: read once from the host's BuiltinAuthoritySource (the JSON
 * files of assets/authorities), validated, and kept. Read lazily, so that a host without the files
 * still starts and only the authority methods fail, with a clear message.
 */
import type { BuiltinAuthoritySource } from '../shared/ports'
import { languages, type Language } from '../shared/kinds'
import type { AuthorityInput } from '../requests/service'
import { placeName } from './competence'
import { authorityFileSchema, type Authority, type AuthoritySummary } from './schema'
import { coreError } from '../messages/errors'

export type AuthorityRegistry = {
  /** Every authority, in file order (files sorted by name). */
  all(): ReadonlyArray<Authority>
  /** The authority with this id; NOT_FOUND when there is none. */
  get(id: string): Authority
}

/** Parses every file; a bad file or a duplicate id is a packaging error, reported with the file name. */
export function loadAuthorities(source: BuiltinAuthoritySource): Authority[] {
  const seen = new Map<string, string>()
  const records: Authority[] = []
  for (const { file, data } of source.load()) {
    const parsed = authorityFileSchema.safeParse(data)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`The authority file ${file} is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unknown problem'}.`)
    }
    for (const authority of parsed.data) {
      const other = seen.get(authority.id)
      if (other) throw new Error(`The authority id "${authority.id}" appears in both ${other} and ${file}.`)
      seen.set(authority.id, file)
      records.push(authority)
    }
  }
  return records
}

export function openAuthorities(source: BuiltinAuthoritySource): AuthorityRegistry {
  let cached: { list: Authority[]; byId: Map<string, Authority> } | null = null
  const load = () => {
    if (!cached) {
      let list: Authority[]
      try {
        list = loadAuthorities(source)
      } catch (error) {
        throw coreError('AUTHORITIES_UNAVAILABLE', 'error.authorities.unavailable', { reason: String((error as Error).message) })
      }
      cached = { list, byId: new Map(list.map((a) => [a.id, a])) }
    }
    return cached
  }
  return {
    all: () => load().list,
    get(id) {
      const found = load().byId.get(id)
      if (!found) throw coreError('NOT_FOUND', 'error.authorities.notFound', { id })
      return found
    },
  }
}

/** The regions an authority covers and the laws it enforces, flattened for lists. */
export function summaryOfAuthority(authority: Authority): AuthoritySummary {
  const unique = (values: ReadonlyArray<string>) => [...new Set(values)]
  return {
    id: authority.id,
    name: authority.name,
    nameEn: authority.nameEn,
    acronym: authority.acronym,
    country: authority.country,
    languages: authority.languages,
    regions: unique(authority.competence.flatMap((c) => c.regions)),
    regionNames: unique(authority.competence.flatMap((c) => c.regions)).map(placeName),
    laws: unique(authority.competence.flatMap((c) => c.laws)),
    contacts: authority.contacts,
    verified: authority.provenance.verified,
  }
}

/**
 * The language a complaint to this authority is written in by default: the first of the
 * authority's own languages (its official one first) that Rightful can write the complaint in, or
 * null when it can write none of them (the caller then keeps the request's language).
 */
export function complaintLanguage(authority: Authority, canWrite: (lang: Language) => boolean): Language | null {
  for (const code of authority.languages) {
    const lang = (languages as ReadonlyArray<string>).includes(code) ? (code as Language) : null
    if (lang && canWrite(lang)) return lang
  }
  return null
}

/**
 * Who a complaint is addressed to, from an authority's record. The text names the authority by its
 * official name when the complaint is in one of its languages, or when that name is in Latin script;
 * otherwise by its English name. Letters always carry the official name, as the local post reads it.
 */
export function complaintRecipient(authority: Authority, lang: string): AuthorityInput {
  const latin = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}'’]+$/u.test(authority.name)
  // Authorities list languages as ISO 639-1 codes: a letter in "zh-Hant" is in their "zh".
  const base = lang.split('-')[0]!
  const name = authority.languages.includes(base) || latin ? authority.name : authority.nameEn
  const postal = authority.contacts.postal
  return {
    id: authority.id,
    name,
    email: authority.contacts.email,
    postal: postal ? { recipient: authority.name, lines: [...postal.lines], country: postal.country } : null,
  }
}
