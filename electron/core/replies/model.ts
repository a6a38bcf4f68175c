/**
 * Replies as Rightful keeps them: one record per imported message (from a file or from IMAP), in
 * <data>/replies/replies.json, with what was matched and suggested and what the user confirmed.
 * The message itself is kept byte for byte: with the request's event once it belongs to one, in
 * <data>/replies/inbox/ until then. Pure zod schemas and types, shared with the renderer.
 */
import { z } from 'zod'
import { plainDateSchema } from '../shared/schemas'
import { messageSchema, type Message } from '../shared/message'
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

/**
 * The sizes a reply record keeps: whatever a message says is cut to these (replies/normalise.ts)
 * before the record is written, so one hostile message can never make the file unreadable.
 */
export const replyLimits = {
  /** RFC 5322 allows no longer line; a longer Message-ID is not kept (the SHA-256 still finds repeats). */
  messageId: 998,
  name: 500,
  address: 500,
  recipients: 100,
  subject: 2000,
  excerpt: 2000,
  attachments: 500,
  /** Bytes of UTF-8, as file systems count a name. */
  attachmentNameBytes: 255,
  contentType: 200,
  failedRecipients: 100,
  status: 50,
  diagnostic: 2000,
  candidates: 200,
  reason: 1000,
  /** A Date header outside these years is not kept (it is a mistake or a trick, not a day). */
  earliestYear: 1900,
  latestYear: 9999,
} as const

export const classificationSchema = z.object({
  kind: z.enum(replyKinds),
  confidence: z.number().min(0).max(1),
  reason: z.string().max(replyLimits.reason),
  /** The reason as a message for the reader's language; records kept before it have only `reason`. */
  reasonMessage: messageSchema.optional(),
  lang: z.enum(['en', 'de', 'fr', 'es', 'zh']).nullable().default(null),
})

export const replyRecordSchema = z.object({
  id: z.string().regex(/^rp-[0-9a-f]{12}$/),
  messageId: z.string().max(replyLimits.messageId).nullable(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  from: z.object({ name: z.string().max(replyLimits.name), address: z.string().max(replyLimits.address) }),
  to: z.array(z.string().max(replyLimits.address)).max(replyLimits.recipients).default([]),
  /** The Date header, when it had one. */
  date: z.iso.datetime({ offset: true }).nullable(),
  subject: z.string().max(replyLimits.subject),
  excerpt: z.string().max(replyLimits.excerpt),
  /** The files the message carries, as found in it. */
  attachments: z
    .array(
      z.object({
        name: z.string().min(1).max(replyLimits.attachmentNameBytes).refine((name) => new TextEncoder().encode(name).length <= replyLimits.attachmentNameBytes, 'longer than 255 bytes of UTF-8'),
        contentType: z.string().max(replyLimits.contentType),
        size: z.number().int().nonnegative(),
        sha256: sha256Schema,
      }),
    )
    .max(replyLimits.attachments)
    .default([]),
  bounce: z
    .object({
      failedRecipients: z.array(z.string().max(replyLimits.address)).max(replyLimits.failedRecipients),
      status: z.string().max(replyLimits.status).nullable(),
      diagnostic: z.string().max(replyLimits.diagnostic).nullable(),
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
    candidates: z.array(referenceSchema).max(replyLimits.candidates).default([]),
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
  readonly classification: {
    readonly kind: ReplyRecord['suggestion']['kind']
    readonly confidence: number
    /** In English, as stored. */
    readonly reason: string
    /** The reason for the reader's language (absent for replies kept before it). */
    readonly reasonMessage?: Message
  }
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

/**
 * A reply being put on a request's timeline: written before the event is added and removed with
 * the final record in one write, so a kill in between leaves a trace that the next run completes
 * (the event is found by the message's SHA-256) instead of an orphan event.
 */
export const attachingSchema = z.object({
  reference: referenceSchema,
  /** The record as it will be, without its event (eventId null) and with the kept file still to come. */
  record: replyRecordSchema,
  /** The inbox copy to remove once attached (confirming a reply that waited), or null. */
  inboxFile: z.string().nullable().default(null),
})
export type Attaching = z.infer<typeof attachingSchema>

/** replies.json. Read record by record: one that does not read is set aside, never the whole file. */
export const repliesDocumentSchema = z.object({
  version: z.literal(1),
  replies: z.array(replyRecordSchema),
  attaching: z.array(attachingSchema).default([]),
})
export type RepliesDocument = z.infer<typeof repliesDocumentSchema>
