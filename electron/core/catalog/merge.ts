/**
 * One company from two sources: the record a later source knows under the same domain is folded
 * into the earlier one, so a person finds one company with every contact and both sources.
 *
 * The later source's facts come first where only one can lead (its current privacy address, its
 * web-form rule, its standing), as the built-in layers order them (seed companies, then
 * datarequests.org, then the data-broker list; later wins). Nothing is dropped: every contact keeps
 * its own provenance, an address both sources know is kept once (with the problem either reports),
 * and the later record's id becomes an alias of the merged one.
 */
import type { Company, EmailContact } from './schema'

const lower = (s: string) => s.toLowerCase()

/** Legal-form words that do not tell companies apart ("Epsilon Data Management LLC" = "Epsilon Data Management"). */
const legalForms = new Set(['inc', 'llc', 'ltd', 'limited', 'gmbh', 'corp', 'corporation', 'co', 'company', 'plc', 'sa', 'ag', 'lp', 'llp', 'the'])

/** A name as compared across sources: case, accents, punctuation and legal form ignored. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !legalForms.has(w))
    .join(' ')
}

function unionBy<T>(first: ReadonlyArray<T>, second: ReadonlyArray<T>, key: (item: T) => string): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const item of [...first, ...second]) {
    const k = key(item)
    if (seen.has(k)) continue
    seen.add(k)
    out.push(item)
  }
  return out
}

/** Addresses of both, the later source's first; an address in both keeps the earlier entry, with any problem either reports. */
function mergeEmails(base: ReadonlyArray<EmailContact>, later: ReadonlyArray<EmailContact>): EmailContact[] {
  const fromBase = new Map(base.map((e) => [lower(e.address), e]))
  const fromLater = new Map(later.map((e) => [lower(e.address), e]))
  const out: EmailContact[] = []
  const seen = new Set<string>()
  for (const e of [...later, ...base]) {
    const key = lower(e.address)
    if (seen.has(key)) continue
    seen.add(key)
    const a = fromBase.get(key)
    const b = fromLater.get(key)
    if (a && b) {
      const problem = b.problem ?? a.problem
      out.push({ ...a, problem, status: problem?.kind === 'bounced' || problem?.kind === 'retired' ? 'historical' : a.status })
    } else out.push(e)
  }
  return out
}

/** `later`'s facts folded into `base`; the result keeps `base`'s id and name. */
export function mergeCompanies(base: Company, later: Company): Company {
  const names = new Set([base.name, ...base.legalNames, ...base.brands].map(nameKey))
  const laterNames = [later.name, ...later.legalNames, ...later.brands].filter((n, i, all) => !names.has(nameKey(n)) && all.findIndex((m) => nameKey(m) === nameKey(n)) === i)
  const countriesServed =
    base.countriesServed.includes('all') || later.countriesServed.includes('all')
      ? (['all'] as const)
      : unionBy(base.countriesServed, later.countriesServed, (c) => c)
  const webFormOnly = later.requirements.webFormOnly ?? base.requirements.webFormOnly
  return {
    ...base,
    brands: unionBy(base.brands, laterNames, lower),
    domains: unionBy(base.domains, later.domains, lower),
    website: base.website ?? later.website,
    emails: mergeEmails(base.emails, later.emails),
    postalAddresses: unionBy(base.postalAddresses, later.postalAddresses, (a) => `${a.country}|${a.lines.join('|').toLowerCase()}`),
    phones: unionBy(base.phones, later.phones, (p) => `${p.kind}|${p.number.replace(/\D/g, '')}`),
    webForms: unionBy(later.webForms, base.webForms, (w) => w.url),
    requirements: {
      ...base.requirements,
      language: base.requirements.language ?? later.requirements.language,
      idDocument: base.requirements.idDocument ?? later.requirements.idDocument,
      requiredElements: unionBy(base.requirements.requiredElements, later.requirements.requiredElements, (r) => lower(r.description)),
      suggestedChannel: webFormOnly ? 'webform' : (base.requirements.suggestedChannel ?? later.requirements.suggestedChannel),
      webFormOnly,
    },
    establishment: unionBy(base.establishment, later.establishment, (c) => c),
    countriesServed: [...countriesServed],
    categories: unionBy(base.categories, later.categories, lower),
    standing: later.standing.kind !== 'active' ? later.standing : base.standing,
    aliases: unionBy(base.aliases, [...(later.id !== base.id ? [later.id] : []), ...later.aliases], (a) => a).filter((a) => a !== base.id),
    notes: [...base.notes, ...later.notes],
    sources: unionBy(base.sources, later.sources, (s) => s.id),
  }
}
