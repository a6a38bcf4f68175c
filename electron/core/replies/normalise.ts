/**
 * What a message says, brought within the limits of a reply record (model.ts `replyLimits`)
 * before anything is written: texts are cut at whole characters, lists to their longest, an
 * overlong Message-ID and a Date outside the years 1900-9999 are left out, attachment names cut
 * to 255 bytes of UTF-8. A record that still does not validate is refused with REPLY_UNSTORABLE
 * and the reason; nothing is kept of it. Pure: the same input gives the same record.
 */
import { describeIssues } from '../shared/own-keys'
import { cutFileName, cutText } from '../shared/text-cut'
import { replyLimits, replyRecordSchema, type ReplyRecord } from './model'
import { coreErrorAs, zodProblems } from '../messages/errors'

/** A record as the service assembles it from a parsed message: sizes not yet checked. */
export type ReplyRecordDraft = Omit<ReplyRecord, 'date' | 'to' | 'attachments' | 'bounce' | 'match'> & {
  /** The Date header as parsed (any year, or an invalid date), or an ISO string. */
  readonly date: Date | string | null
  readonly to: ReadonlyArray<string>
  readonly attachments: ReadonlyArray<{ readonly name: string; readonly contentType: string; readonly size: number; readonly sha256: string }>
  readonly bounce: {
    readonly failedRecipients: ReadonlyArray<string>
    readonly status: string | null
    readonly diagnostic: string | null
    readonly standard: boolean
  } | null
  readonly match: { readonly reference: string | null; readonly by: ReplyRecord['match']['by']; readonly candidates: ReadonlyArray<string> }
}

/** The Message-ID a record keeps: null when there is none or it is longer than any mail system allows. */
export function keptMessageId(messageId: string | null): string | null {
  if (messageId === null) return null
  const trimmed = messageId.trim()
  return trimmed.length > 0 && trimmed.length <= replyLimits.messageId ? trimmed : null
}

/** A Date header as a record keeps it: ISO 8601 in UTC, or null outside the years 1900-9999. */
export function keptDate(date: Date | string | null): string | null {
  if (date === null) return null
  const value = typeof date === 'string' ? new Date(date) : date
  const time = value.getTime()
  if (Number.isNaN(time)) return null
  const year = value.getUTCFullYear()
  if (year < replyLimits.earliestYear || year > replyLimits.latestYear) return null
  return value.toISOString()
}

/** A Date as the timeline may count from it: the kept one, or null. */
export function usableDate(date: Date | null): Date | null {
  const kept = keptDate(date)
  return kept === null ? null : new Date(kept)
}

const text = (value: string, max: number) => cutText(value, max)
const texts = (values: ReadonlyArray<string>, maxItems: number, maxLength: number) => values.slice(0, maxItems).map((v) => cutText(v, maxLength))
const size = (value: number) => (Number.isFinite(value) ? Math.min(Math.max(0, Math.floor(value)), Number.MAX_SAFE_INTEGER) : 0)

/** Brings a draft within the record's limits and validates it; throws REPLY_UNSTORABLE when it cannot be kept. */
export function normaliseReplyRecord(draft: ReplyRecordDraft): ReplyRecord {
  const record = {
    ...draft,
    messageId: keptMessageId(draft.messageId),
    size: size(draft.size),
    from: { name: text(draft.from.name, replyLimits.name), address: text(draft.from.address, replyLimits.address) },
    to: texts(draft.to, replyLimits.recipients, replyLimits.address),
    date: keptDate(draft.date),
    subject: text(draft.subject, replyLimits.subject),
    excerpt: text(draft.excerpt, replyLimits.excerpt),
    attachments: draft.attachments.slice(0, replyLimits.attachments).map((a, index) => ({
      name: cutFileName(a.name, replyLimits.attachmentNameBytes) || `attachment-${index + 1}`,
      contentType: text(a.contentType, replyLimits.contentType),
      size: size(a.size),
      sha256: a.sha256,
    })),
    bounce: draft.bounce
      ? {
          failedRecipients: texts(draft.bounce.failedRecipients, replyLimits.failedRecipients, replyLimits.address),
          status: draft.bounce.status === null ? null : text(draft.bounce.status, replyLimits.status),
          diagnostic: draft.bounce.diagnostic === null ? null : text(draft.bounce.diagnostic, replyLimits.diagnostic),
          standard: draft.bounce.standard,
        }
      : null,
    match: { ...draft.match, candidates: draft.match.candidates.slice(0, replyLimits.candidates) },
    suggestion: {
      ...draft.suggestion,
      confidence: Number.isFinite(draft.suggestion.confidence) ? Math.min(1, Math.max(0, draft.suggestion.confidence)) : 0,
      reason: text(draft.suggestion.reason, replyLimits.reason),
    },
  }
  const parsed = replyRecordSchema.safeParse(record)
  if (!parsed.success) throw coreErrorAs('REPLY_UNSTORABLE', `This reply cannot be kept: ${describeIssues(parsed.error)}. Nothing of it was stored.`, 'error.replies.unstorable', { problems: zodProblems(parsed.error) })
  return parsed.data
}
