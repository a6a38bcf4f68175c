/**
 * The request as stored: one JSON file per request. Pure zod schemas and types, shared with the
 * renderer. What was sent is frozen in `sent` and never changes afterwards.
 */
import { z } from 'zod'
import { countryCodeSchema, emailAddressSchema, plainDateSchema } from '../shared/schemas'
import { answerCheckSchema } from './answer-check'
import { attachmentSchema, factsOf, requestEventSchema, type RequestFacts } from './events'
import { laws, requestTypes, type Law, type RequestType } from '../shared/kinds'

export type { RequestEvent } from './events'

export { followUpTypes, isFollowUpType, isLanguage, languages, laws, normalizeLanguage, requestTypes, type FollowUpType, type Language, type Law, type RequestType } from '../shared/kinds'

import { languageSchema } from '../shared/schemas'

export { languageSchema }

export const channels = ['email', 'post'] as const
export type Channel = (typeof channels)[number]

export const referencePattern = /^RF-(\d{4})-(\d{4,})$/

export const referenceSchema = z.string().regex(referencePattern, 'A reference looks like RF-2026-0001.')

export const recipientAddressSchema = z.object({
  recipient: z.string().min(1),
  lines: z.array(z.string().min(1)).min(1),
  country: countryCodeSchema,
})
export type RecipientAddress = z.infer<typeof recipientAddressSchema>

export const senderSchema = z.object({
  name: z.string().min(1),
  email: emailAddressSchema,
  address: z.array(z.string()).min(1),
  /** The sender's country when known: decides whether a letter goes abroad. */
  country: countryCodeSchema.nullable().default(null),
  /** The sender's Land or state (ISO 3166-2) when known: decides the authority for a complaint. */
  region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/).nullable().default(null),
})
export type Sender = z.infer<typeof senderSchema>

/**
 * A request sent by Rightful through the user's SMTP server: the proof of what went out. The
 * Message-ID lets replies be matched by In-Reply-To; the archive is the exact message as sent.
 */
export const sentEmailSchema = z.object({
  messageId: z.string().min(3).max(998),
  from: emailAddressSchema,
  /** "smtp.example.org:587" */
  server: z.string().min(1),
  /** When the server accepted the message (its 2xx reply to the data). */
  acceptedAt: z.iso.datetime({ offset: true }),
  /** The server's reply, e.g. "250 2.0.0 Ok: queued as 4Xz". */
  response: z.string().nullable(),
  /** The exact bytes sent (.eml), kept with the request, with their SHA-256. */
  archive: attachmentSchema,
  /** What was attached (the PDF letter, files), as carried inside the archive. */
  attachments: z.array(z.object({ name: z.string().min(1), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).default([]),
})
export type SentEmail = z.infer<typeof sentEmailSchema>

export const requestRecordSchema = z.object({
  schemaVersion: z.literal(1),
  reference: referenceSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  company: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** Whose public holidays count, e.g. "US-DE"; null when the company's country is unknown. */
    jurisdiction: z.string().nullable(),
  }),
  type: z.enum(requestTypes),
  law: z.enum(laws),
  lang: languageSchema,
  /** The text being written; editable until the request is sent. */
  draft: z.object({
    to: emailAddressSchema.nullable(),
    recipientAddress: recipientAddressSchema.nullable(),
    sender: senderSchema,
    subject: z.string().min(1),
    body: z.string().min(1),
    /**
     * The text for a letter on paper, where the template words it differently from `body` (which
     * was written for e-mail: a letter never says the request was made electronically). Dropped
     * when the user edits the text, so that their words are what goes out either way.
     */
    byPost: z.string().min(1).nullable().optional(),
  }),
  /** The exact request as it went out. */
  sent: z
    .object({
      on: plainDateSchema,
      channel: z.enum(channels),
      to: emailAddressSchema.nullable(),
      recipientAddress: recipientAddressSchema.nullable(),
      sender: senderSchema,
      subject: z.string().min(1),
      body: z.string().min(1),
      /** SHA-256 of the body as sent, hex, so later tampering is visible. */
      bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Sent by Rightful itself through the user's SMTP server; null when marked sent by hand. */
      email: sentEmailSchema.nullable().default(null),
    })
    .nullable(),
  events: z.array(requestEventSchema).min(1),
  /** A reminder or complaint: the request it follows up. */
  followUpOf: referenceSchema.nullable().default(null),
  /** An access request whose answer came: what the user found in it, item by item (answer-check.ts). */
  answerCheck: answerCheckSchema.nullable().default(null),
  /** An incomplete-answer letter: the items it says are missing, as the law's item ids. */
  missingItems: z.array(z.string().regex(/^[a-z][a-z-]{0,39}$/)).max(50).nullable().default(null),
})
export type RequestRecord = z.infer<typeof requestRecordSchema>
/** The draft as a letter on paper says it: the template's wording for post where it differs. */
export function letterDraft(record: RequestRecord): RequestRecord['draft'] {
  return record.draft.byPost ? { ...record.draft, body: record.draft.byPost } : record.draft
}

/** A record as written, before defaults are filled in. */
export type RequestRecordInput = z.input<typeof requestRecordSchema>

/** What the dashboard lists; cached in the rebuildable index. */
export type RequestSummary = {
  readonly reference: string
  readonly companyId: string
  readonly companyName: string
  readonly jurisdiction: string | null
  readonly type: RequestType
  readonly law: Law
  readonly createdAt: string
  readonly updatedAt: string
  readonly sentOn: string | null
  readonly channel: Channel | null
  readonly senderCountry: string | null
  readonly followUpOf: string | null
  /** What the deadline and status follow from. */
  readonly facts: RequestFacts
}

export function summarize(record: RequestRecord): RequestSummary {
  return {
    reference: record.reference,
    companyId: record.company.id,
    companyName: record.company.name,
    jurisdiction: record.company.jurisdiction,
    type: record.type,
    law: record.law,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    sentOn: record.sent?.on ?? null,
    channel: record.sent?.channel ?? null,
    senderCountry: (record.sent ?? record.draft).sender.country,
    followUpOf: record.followUpOf,
    facts: factsOf(record.events),
  }
}
