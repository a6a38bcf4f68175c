/**
 * After a confirmed bounce: which address failed, whether the user's catalog already marks it, and
 * the company's other known channels to try instead (another address, a web form, a letter, a
 * fax). Pure: a function of the request and the company's record as the catalog shows it.
 */
import type { CompanyView } from '../catalog/schema'
import type { PlainDate } from '../shared/calendar'
import { activeEvents } from './events'
import type { RequestRecord } from './model'
import type { BounceAdvice, OtherChannel } from './followup-view'

export type { BounceAdvice, OtherChannel }

/** The bounce recorded after the latest sending, if any. */
export function bounceOf(record: RequestRecord): PlainDate | null {
  const active = activeEvents(record.events)
  const sentIndex = active.map((e) => e.kind).lastIndexOf('sent')
  if (sentIndex < 0) return null
  return active.slice(sentIndex + 1).find((e) => e.kind === 'undeliverable')?.on ?? null
}

export function bounceAdviceOf(record: RequestRecord, company: CompanyView | null): BounceAdvice {
  const address = record.sent?.channel === 'email' ? record.sent.to : null
  const same = (a: string) => address !== null && a.toLowerCase() === address.toLowerCase()
  const entry = company?.emails.find((e) => same(e.address)) ?? null
  const marked = entry?.problem?.kind === 'bounced'
  const alternatives: OtherChannel[] = []
  if (company) {
    const rank = (purpose: string) => (purpose === 'privacy' || purpose === 'dpo' ? 0 : purpose === 'general' ? 1 : 2)
    const emails = company.emails
      .filter((e) => e.status === 'current' && e.problem === null && !same(e.address) && e.purpose !== 'newsletter')
      .sort((a, b) => rank(a.purpose) - rank(b.purpose))
    const seen = new Set<string>()
    for (const e of emails) {
      const key = e.address.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      alternatives.push({ kind: 'email', address: e.address, purpose: e.purpose })
    }
    for (const form of company.webForms.filter((f) => f.status === 'current')) alternatives.push({ kind: 'webform', url: form.url })
    for (const postal of company.postalAddresses.filter((p) => p.status === 'current')) {
      alternatives.push({ kind: 'post', recipient: postal.recipient, lines: postal.lines, country: postal.country })
    }
    for (const fax of company.phones.filter((p) => p.status === 'current' && p.kind === 'fax')) alternatives.push({ kind: 'fax', number: fax.number })
  }
  return {
    reference: record.reference,
    company: { id: record.company.id, name: company?.name ?? record.company.name, inCatalog: company !== null },
    bouncedOn: bounceOf(record),
    address,
    marked,
    markedOn: marked ? (entry?.problem?.on ?? null) : null,
    alternatives,
  }
}
