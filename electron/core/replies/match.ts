/**
 * Which request a reply answers, in this order:
 *   1. In-Reply-To, then References, against the Message-IDs Rightful sent (a bounce: the
 *      Message-ID in the headers it returns counts as a reference);
 *   2. the request reference (RF-YYYY-NNNN) in the subject, then in the text;
 *   3. the sender's domain against the company's domains and the address the request went to
 *      (for a bounce: the failed recipient's). Only a proposal: the user confirms.
 * Pure: the requests come through a small interface the service implements.
 */
import type { MatchMethod } from './model'

export type MatchableRequest = {
  readonly reference: string
  /** Still waiting for an answer (sent and not closed). */
  readonly open: boolean
  readonly sentOn: string
}

export type MatchSource = {
  /** Every request that was sent, newest first. */
  sent(): ReadonlyArray<MatchableRequest>
  /** The request Rightful sent with this Message-ID, or null. */
  byMessageId(messageId: string): string | null
  /** The company's domains and the address the request went to, lower case. */
  contactsOf(reference: string): { readonly domains: ReadonlyArray<string>; readonly addresses: ReadonlyArray<string> }
}

export type MatchInput = {
  readonly inReplyTo: ReadonlyArray<string>
  readonly references: ReadonlyArray<string>
  readonly subject: string
  readonly text: string
  readonly from: string
  /** For a bounce: Message-IDs and text of the returned message, and who it failed for. */
  readonly returned?: { readonly messageIds: ReadonlyArray<string>; readonly text: string }
  readonly failedRecipients?: ReadonlyArray<string>
}

export type MatchResult = {
  readonly reference: string | null
  readonly by: MatchMethod | null
  readonly needsConfirmation: boolean
  readonly candidates: ReadonlyArray<string>
}

const referenceInText = /(?<![A-Za-z0-9])RF-(\d{4})-(\d{4,})(?![0-9])/g

/** Every request reference in a text, in order of appearance, without repeats (a Set: one pass however many). */
export function referencesIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(referenceInText), (match) => match[0]))]
}

/**
 * How many Message-IDs of a reply's References (the newest), In-Reply-To and returned headers are
 * looked up: a real thread has a few dozen, a forged header thousands.
 */
export const maxMessageIdsLookedUp = 100

/**
 * Mail providers anyone can have an address at: a company whose privacy address is at one of
 * them shares the domain with millions, so only the exact address counts there.
 */
const publicMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk', 'aol.com',
  'icloud.com', 'me.com', 'mac.com', 'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 't-online.de', 'freenet.de', 'mail.ru', 'yandex.ru',
  'proton.me', 'protonmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'wanadoo.fr', 'qq.com', '163.com', '126.com', 'sina.com',
  'foxmail.com', 'zoho.com',
])

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '')
}

/** The sender's domain is the company's, or one of its subdomains (mail.fs.com for fs.com). */
function fits(senderAddress: string, contacts: ReturnType<MatchSource['contactsOf']>): boolean {
  const address = senderAddress.toLowerCase()
  if (contacts.addresses.includes(address)) return true
  const domain = domainOf(address)
  if (publicMailDomains.has(domain)) return false
  const domains = [...contacts.domains, ...contacts.addresses.map(domainOf)].filter((d) => d && !publicMailDomains.has(d))
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`))
}

export function matchReply(input: MatchInput, source: MatchSource): MatchResult {
  const certain = (reference: string, by: MatchMethod): MatchResult => ({ reference, by, needsConfirmation: false, candidates: [reference] })

  for (const id of input.inReplyTo.slice(0, maxMessageIdsLookedUp)) {
    const reference = source.byMessageId(id)
    if (reference) return certain(reference, 'in-reply-to')
  }
  // The newest reference is the last one.
  const newest = input.references.slice(-maxMessageIdsLookedUp).reverse()
  for (const id of newest.concat((input.returned?.messageIds ?? []).slice(0, maxMessageIdsLookedUp))) {
    const reference = source.byMessageId(id)
    if (reference) return certain(reference, 'references')
  }

  const sent = source.sent()
  const sentReferences = new Set(sent.map((r) => r.reference))
  const inSubject = referencesIn(input.subject).find((r) => sentReferences.has(r))
  if (inSubject) return certain(inSubject, 'reference')
  const inText = referencesIn(`${input.text}\n${input.returned?.text ?? ''}`).find((r) => sentReferences.has(r))
  if (inText) return certain(inText, 'reference')

  const senders = input.failedRecipients?.length ? input.failedRecipients : [input.from]
  const candidates = sent
    .filter((r) => senders.some((s) => fits(s, source.contactsOf(r.reference))))
    // Open requests first (a reply usually answers one still waiting), then the newest.
    .sort((a, b) => Number(b.open) - Number(a.open) || b.sentOn.localeCompare(a.sentOn))
    .map((r) => r.reference)
  if (candidates.length > 0) return { reference: candidates[0]!, by: 'sender-domain', needsConfirmation: true, candidates }
  return { reference: null, by: null, needsConfirmation: false, candidates: [] }
}
