/**
 * The request as stored: one JSON file per request. Pure zod schemas and types, shared with the
 * renderer. What was sent is frozen in `sent` and never changes afterwards.
 */
import { z } from 'zod'
import { countryCodeSchema, emailAddressSchema, plainDateSchema } from '../catalog/schema'

export const requestTypes = ['access', 'erasure'] as const
export type RequestType = (typeof requestTypes)[number]

export const laws = ['gdpr'] as const
export type Law = (typeof laws)[number]

export const languages = ['en'] as const
export type Language = (typeof languages)[number]

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
})
export type Sender = z.infer<typeof senderSchema>

const eventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), on: plainDateSchema, recordedAt: z.iso.datetime() }),
  z.object({ kind: z.literal('sent'), on: plainDateSchema, recordedAt: z.iso.datetime(), channel: z.enum(channels) }),
])
export type RequestEvent = z.infer<typeof eventSchema>

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
  lang: z.enum(languages),
  /** The text being written; editable until the request is sent. */
  draft: z.object({
    to: emailAddressSchema.nullable(),
    recipientAddress: recipientAddressSchema.nullable(),
    sender: senderSchema,
    subject: z.string().min(1),
    body: z.string().min(1),
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
    })
    .nullable(),
  events: z.array(eventSchema).min(1),
})
export type RequestRecord = z.infer<typeof requestRecordSchema>

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
  }
}

export const requestTypeLabels: Record<RequestType, string> = {
  access: 'Access (data protection query)',
  erasure: 'Erasure',
}

export const channelLabels: Record<Channel, string> = {
  email: 'E-mail',
  post: 'Post',
}
