/**
 * Replies as Rightful keeps them: one record per imported message (from a file or from IMAP), in
 * <data>/replies/replies.json, with what was matched and suggested and what the user confirmed.
 * The message itself is kept byte for byte: with the request's event once it belongs to one, in
 * <data>/replies/inbox/ until then. Pure zod schemas and types, shared with the renderer.
 */
import { z } from 'zod'
import { plainDateSchema } from '../catalog/schema'
import { referenceSchema } from '../requests/model'
import { replyKinds } from './rules'

export { replyKinds, type ReplyKind } from './rules'

/** How a reply was tied to a request, strongest first. 'user': the user chose the request. */
export const matchMethods = ['in-reply-to', 'references', 'reference', 'sender-domain', 'user'] as const
export type MatchMethod = (typeof matchMethods)[number]

/** attached: on a request's timeline; needs-confirmation: a likely request, waiting for the user; unmatched: none found; dismissed: not a reply to any request. */
export const replyStates = ['attached', 'needs-confirmation', 'unmatched', 'dismissed'] as const
export type ReplyState = (typeof replyStates)[number]

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/)

export const classificationSchema = z.object({
  kind: z.enum(replyKinds),
  confidence: z.number().min(0).max(1),
  reason: z.string().max(1000),
  lang: z.enum(['en', 'de', 'fr', 'es', 'zh']).nullable().default(null),
})

export const replyRecordSchema = z.object({
  id: z.string().regex(/^rp-[0-9a-f]{12}$/),
  messageId: z.string().max(998).nullable(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  from: z.object({ name: z.string().max(500), address: z.string().max(500) }),
  to: z.array(z.string().max(500)).max(100).default([]),
  /** The Date header, when it had one. */
  date: z.iso.datetime({ offset: true }).nullable(),
  subject: z.string().max(2000),
  excerpt: z.string().max(2000),
  /** The files the message carries, as found in it. */
  attachments: z
    .array(z.object({ name: z.string().min(1).max(255), contentType: z.string().max(200), size: z.number().int().nonnegative(), sha256: sha256Schema }))
    .max(500)
    .default([]),
  bounce: z
    .object({
      failedRecipients: z.array(z.string().max(500)).max(100),
      status: z.string().max(50).nullable(),
      diagnostic: z.string().max(2000).nullable(),
      standard: z.boolean(),
    })
    .nullable()
    .default(null),
  source: z.enum(['file', 'imap']),
  importedAt: z.iso.datetime(),
  state: z.enum(replyStates),
  match: z.object({
    /** The request it belongs to (attached), or the one proposed (needs-confirmation). */
    reference: referenceSchema.nullable(),
    by: z.enum(matchMethods).nullable(),
    /** Every request the sender's domain fits, best first. */
    candidates: z.array(referenceSchema).max(200).default([]),
  }),
  /** The 'reply-received' event on the request's timeline (attached only). */
  eventId: z.string().nullable().default(null),
  /** Where the .eml is kept, relative to the data folder. */
  file: z.string().min(1),
  suggestion: classificationSchema,
  confirmed: z
    .object({
      kind: z.enum(replyKinds),
      /** The event it added (null for 'reply-received', which adds none of its own; 'bounce' adds 'undeliverable'). */
      eventId: z.string().nullable(),
      at: z.iso.datetime(),
      on: plainDateSchema,
    })
    .nullable()
    .default(null),
})
export type ReplyRecord = z.infer<typeof replyRecordSchema>

/** A reply as the API shows it. */
export type ReplyView = ReplyRecord & {
  /** The company's name for the matched or proposed request. */
  readonly companyName: string | null
}

/** What importing one message did. */
export type ReplyImportOutcome = {
  readonly replyId: string
  /** The file's name, or "IMAP INBOX #uid". */
  readonly source: string
  /** The same message was imported before: nothing was added. */
  readonly duplicate: boolean
  /** The request it belongs to or is proposed for. */
  readonly matched: string | null
  readonly matchedBy: MatchMethod | null
  /** The user must confirm the request before anything is added to it. */
  readonly needsConfirmation: boolean
  readonly candidates: ReadonlyArray<string>
  readonly classification: { readonly kind: ReplyRecord['suggestion']['kind']; readonly confidence: number; readonly reason: string }
  /** The 'reply-received' event added to the timeline, when it was. */
  readonly eventId: string | null
  /** The event the confirmed classification added (acknowledged, refused …), when it did. */
  readonly confirmedEventId: string | null
  readonly reply: ReplyView
}

export type ReplyImportResult = {
  readonly outcomes: ReadonlyArray<ReplyImportOutcome>
  /** Files that could not be imported, each with the reason; nothing of them was kept. */
  readonly failed: ReadonlyArray<{ readonly source: string; readonly code: string; readonly message: string }>
}

export const repliesDocumentSchema = z.object({
  version: z.literal(1),
  replies: z.array(replyRecordSchema),
})
export type RepliesDocument = z.infer<typeof repliesDocumentSchema>
