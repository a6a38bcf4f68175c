/**
 * Why a policy proposal takes an address for what it is (the privacy contact, another purpose,
 * a regulator's, a provider's) as structured messages (issue 13): a key under
 * `policyImport.reason` in the core's message resources and its parameters, rendered in the
 * reader's language by each host. The English words stay beside it in `reason` for logs, the
 * CLI's default and callers that read English.
 */
import { renderMessage } from '../../messages/render'
import { message, type Message, type MessageParam } from '../../shared/message'
import type { OtherEmailPurpose } from './proposal'

/** The reasons' message keys (the part after `policyImport.reason.`). */
export type ReasonKey =
  // E-mail addresses proposed as the privacy contact.
  | 'email.dpo'
  | 'email.privacyAddress'
  | 'email.ownSentence'
  | 'email.afterText'
  // Addresses of the company given for something else; the second form when no privacy contact was found.
  | 'email.foreign'
  | 'email.foreignNotPrivacy'
  | 'email.other'
  | 'email.otherNotPrivacy'
  // Addresses left out.
  | 'email.placeholder'
  | 'email.senderOnly'
  | 'email.regulatorDomain'
  | 'email.regulatorText'
  | 'email.thirdPartyText'
  | 'email.providerDomain'
  // Postal addresses.
  | 'postal.regulator'
  | 'postal.providerNamed'
  | 'postal.providerOwnWords'
  | 'postal.providerHost'
  | 'postal.providerSentence'
  | 'postal.regulatorText'
  | 'postal.thirdPartyText'
  | 'postal.company'
  | 'postal.toWrite'

/** A reason as a proposal carries it: its English words and its message. */
export type Reason = { readonly reason: string; readonly detail: Message }

/** The reason for `key`, with its English words rendered from the same message. */
export function because(key: ReasonKey, params?: Readonly<Record<string, MessageParam>>): Reason {
  return reasonOf(message(`policyImport.reason.${key}`, params))
}

function reasonOf(detail: Message): Reason {
  return { reason: renderMessage(detail), detail }
}

/** What a privacy cue is about (cues.ts's `about`), as the topic a reason names. */
const topicKeys: ReadonlyMap<string, string> = new Map([
  ['the Data Protection Officer', 'dpo'],
  ['the company’s privacy representative', 'representative'],
  ['data protection', 'dataProtection'],
  ['deleting your data', 'deletion'],
  ['your data protection rights', 'rights'],
  ['requests about your data', 'requests'],
  ['access to your data', 'access'],
  ['questions about the policy', 'policyQuestions'],
  ['privacy', 'privacy'],
  ['personal data', 'personalData'],
  ['withdrawing consent', 'consent'],
  ['data protection law', 'law'],
  ['the controller of your data', 'controller'],
  ['how your data is processed', 'processing'],
  ['cookies', 'cookies'],
  ['questions', 'questions'],
])

/** What another purpose is (cues.ts's foreign purposes, an address's own name), as a reason names it. */
const foreignKeys: ReadonlyMap<string, string> = new Map([
  ['jobs and applications', 'jobs'],
  ['security reports', 'security'],
  ['the press', 'press'],
  ['offers and sales', 'offers'],
  ['mail delivery', 'mailDelivery'],
  ['reports of content', 'contentReports'],
  ['events', 'events'],
  ['requests from the authorities', 'authorities'],
  ['safety and content reports', 'safetyReports'],
])

/** The topic keys a cue's `about` maps to (for tests: every cue must have one). */
export const knownTopics: ReadonlySet<string> = new Set(topicKeys.keys())
/** The foreign purposes a reason can name (for tests). */
export const knownForeignPurposes: ReadonlySet<string> = new Set(foreignKeys.keys())

/** A privacy cue's topic as a message; one the resources do not name yet reads as "privacy". */
export function topic(about: string | null | undefined): Message {
  return message(`policyImport.topic.${(about && topicKeys.get(about)) || 'privacy'}`)
}

/** Another purpose as a message: a foreign purpose's words, or an other e-mail's purpose. */
export function purpose(what: string | OtherEmailPurpose): Message {
  const foreign = foreignKeys.get(what)
  if (foreign) return message(`policyImport.purpose.${foreign}`)
  return message(`policyImport.purpose.${otherPurposes.has(what) ? what : 'other'}`)
}

const otherPurposes: ReadonlySet<string> = new Set(['general', 'support', 'sales', 'newsletter', 'other'])

/** How the address was found, when that needs saying: the link showed other words, opened another address, or spelled it out. */
export type FoundNote = { readonly kind: 'linkText' | 'linkElsewhere' | 'decoded'; readonly shown: string }

/** A reason with a note on how the address was found after it. */
export function withNote(reason: Reason, note: FoundNote | null): Reason {
  if (note === null) return reason
  return reasonOf(message('policyImport.reason.withNote', { reason: reason.detail, note: message(`policyImport.reason.note.${note.kind}`, { shown: note.shown }) }))
}

const notPrivacyForms: ReadonlyMap<string, string> = new Map([
  ['policyImport.reason.email.foreign', 'policyImport.reason.email.foreignNotPrivacy'],
  ['policyImport.reason.email.other', 'policyImport.reason.email.otherNotPrivacy'],
])

/**
 * An other e-mail's reason when the policy ties no address to privacy: said as "not a privacy
 * contact" (a note after it kept).
 */
export function asNotPrivacyContact(reason: Reason): Reason {
  const detail = reason.detail
  if (detail.key === 'policyImport.reason.withNote' && detail.params) {
    const inner = detail.params.reason as Message
    return reasonOf({ key: detail.key, params: { ...detail.params, reason: asNotPrivacyContact(reasonOf(inner)).detail } })
  }
  const other = notPrivacyForms.get(detail.key)
  return other ? reasonOf({ key: other, ...(detail.params ? { params: detail.params } : {}) }) : reason
}
