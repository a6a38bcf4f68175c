/**
 * Matches a sender's domain to a company of the catalog by the domains the catalog records for it:
 * the domain itself, or the nearest domain above it (mail.spotify.com → spotify.com → Spotify).
 * Only domains the catalog has are ever matched: an unknown sender never becomes a company. The
 * walk up stops before a public suffix (co.uk, com.au …), so a catalog entry can never claim a
 * whole country's second-level domain.
 */
import { isFreemail } from './freemail'

/** Second-level public suffixes common in mail: never a company's domain on their own. */
const publicSuffixes: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'com.au', 'net.au', 'org.au', 'edu.au',
  'gov.au', 'co.nz', 'org.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'com.cn', 'net.cn',
  'org.cn', 'gov.cn', 'edu.cn', 'com.hk', 'org.hk', 'net.hk', 'edu.hk', 'gov.hk', 'com.tw', 'org.tw', 'com.sg',
  'com.my', 'co.in', 'net.in', 'org.in', 'co.za', 'com.br', 'net.br', 'org.br', 'com.mx', 'com.ar', 'com.tr',
  'co.il', 'com.es', 'com.pl', 'co.at', 'or.at', 'com.de', 'co.id', 'co.th', 'com.ph', 'com.vn',
])

/** A company a sender domain belongs to. */
export type SenderCompany = { readonly id: string; readonly name: string; readonly domain: string }

export type SenderMatcher = {
  /** The company of this sender domain (lower case), 'freemail', or null when the catalog has none. */
  match(domain: string): SenderCompany | 'freemail' | null
}

/**
 * Builds the matcher from the catalog's companies, in the catalog's order: where two companies
 * list the same domain, the first keeps it (as catalog lookups by domain do).
 */
export function createSenderMatcher(companies: Iterable<{ readonly id: string; readonly name: string; readonly domains: ReadonlyArray<string> }>): SenderMatcher {
  const byDomain = new Map<string, SenderCompany>()
  for (const company of companies) {
    for (const raw of company.domains) {
      const domain = raw.trim().toLowerCase().replace(/^www\./, '')
      if (!domain.includes('.') || publicSuffixes.has(domain) || byDomain.has(domain)) continue
      byDomain.set(domain, { id: company.id, name: company.name, domain })
    }
  }
  /** Found domains, so that a mailbox of 100,000 messages from 300 senders walks each once. */
  const seen = new Map<string, SenderCompany | 'freemail' | null>()
  return {
    match(domain) {
      const known = seen.get(domain)
      if (known !== undefined) return known
      let found: SenderCompany | 'freemail' | null = null
      if (isFreemail(domain)) {
        found = 'freemail'
      } else {
        let at = 0
        while (at >= 0) {
          const candidate = domain.slice(at)
          // A bare top-level domain or a public suffix is nobody's.
          if (!candidate.includes('.') || publicSuffixes.has(candidate)) break
          const company = byDomain.get(candidate)
          if (company) {
            found = company
            break
          }
          const dot = domain.indexOf('.', at)
          at = dot < 0 ? -1 : dot + 1
        }
      }
      if (seen.size < 100_000) seen.set(domain, found)
      return found
    },
  }
}
