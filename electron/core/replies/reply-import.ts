/**
 * Importing a reply: the message is read and parsed (outside the lock: it takes time), then,
 * under the lock, recognised when it was imported before, else matched, classified and kept on a
 * timeline or in the inbox.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import type { FolderLock } from '../storage/folder-lock'
import { createTextBudget } from '../text/budget'
import { classifyReply } from './classify'
import { matchReply, type MatchResult } from './match'
import type { ReplyImportOutcome, ReplyRecord } from './model'
import { keptMessageId, normaliseReplyRecord } from './normalise'
import { maxReplyBytes, parseReply, replyBudgetMs, sameMessageId, type ParsedReply } from './parse'
import type { ReplyStore } from './store'
import type { ReplyMatching } from './reply-matching'
import { beingAttached, type ReplyKeeping } from './reply-keeping'
import type { ReplyService, ReplyServiceDeps } from './service'
import { coreError, reasonOf } from '../messages/errors'

const newReplyId = () => `rp-${randomBytes(6).toString('hex')}`

/** Reading a reply's text stops with INPUT_TOO_COMPLEX when it outruns its budget, on the core's clock. */
export const replyBudgetOn = (now: () => Date) => () => createTextBudget({ what: 'the e-mail', limitMs: replyBudgetMs, now: () => now().getTime() })

export function replyImport(
  deps: ReplyServiceDeps,
  { store, lock, matching, keeping }: { store: ReplyStore; lock: FolderLock; matching: ReplyMatching; keeping: ReplyKeeping },
  /** The service's own confirm (an import with `confirm` takes the suggestion as confirmed). */
  confirm: ReplyService['confirm'],
): Pick<ReplyService, 'importBytes' | 'importFile'> {
  const { recordOf, matchSource, matchInputOf, owningReference, viewOf } = matching
  const { keptInboxPath, keepInInbox, isLive, saveRecord, recoverLocked, attachRecorded } = keeping
  const replyBudget = replyBudgetOn(deps.now)

  const outcomeOf = (record: ReplyRecord, source: string, duplicate: boolean): ReplyImportOutcome => ({
    replyId: record.id,
    source,
    duplicate,
    matched: record.match.reference,
    matchedBy: record.match.by,
    needsConfirmation: record.state === 'needs-confirmation',
    candidates: record.match.candidates,
    classification: {
      kind: record.confirmed?.kind ?? record.suggestion.kind,
      confidence: record.suggestion.confidence,
      reason: record.suggestion.reason,
      ...(record.suggestion.reasonMessage ? { reasonMessage: record.suggestion.reasonMessage } : {}),
    },
    eventId: record.eventId,
    confirmedEventId: record.confirmed?.eventId ?? null,
    reply: viewOf(record),
  })

  /**
   * Keeps a parsed message (under the lock): recognised when it was imported before, else matched,
   * classified and put on a timeline or in the inbox. Null when `onlyIfMatched` and nothing fits.
   */
  const keepReply = (
    parsed: ParsedReply,
    bytes: Uint8Array,
    options: { source: string; origin: 'file' | 'imap'; hint?: string | null; onlyIfMatched?: boolean },
  ): { record: ReplyRecord; duplicate: true } | { record: ReplyRecord; duplicate: false; match: MatchResult; suggestion: ReplyRecord['suggestion'] } | null => {
    recoverLocked()
    const messageId = keptMessageId(parsed.messageId)
    const earlier = store
      .list()
      .find((r) => r.sha256 === parsed.sha256 || (messageId !== null && r.messageId !== null && sameMessageId(r.messageId, messageId)))
    if (earlier && isLive(earlier)) return { record: earlier, duplicate: true }
    // Its event was removed from the timeline: the message may be imported afresh.
    if (earlier) store.update((state) => ({ state: { ...state, replies: state.replies.filter((r) => r.id !== earlier.id) }, result: undefined }))

    const source = matchSource()
    if (parsed.messageId) {
      const own = source.byMessageId(parsed.messageId)
      if (own) throw coreError('INVALID_INPUT', 'error.replies.ownRequest', { reference: own })
    }
    let match: MatchResult = matchReply(matchInputOf(parsed), source)
    // A reply to a reminder answers the request it reminds of.
    if (match.reference) {
      const candidates = [...new Set(match.candidates.map(owningReference))]
      match = { ...match, reference: owningReference(match.reference), candidates }
    }
    const hint = options.hint && recordOf(options.hint)?.sent ? options.hint : null
    if (hint && (match.reference === null || match.needsConfirmation)) {
      // Imported on a request's page: that request is the proposal, still to be confirmed.
      match = {
        reference: hint,
        by: match.candidates.includes(hint) ? match.by : 'user',
        needsConfirmation: true,
        candidates: [hint, ...match.candidates.filter((c) => c !== hint)],
      }
    }
    if (match.reference === null && options.onlyIfMatched) return null

    const target = match.reference ? recordOf(match.reference) : null
    const suggestion = classifyReply({
      subject: parsed.subject,
      text: parsed.ownText,
      bounce: parsed.bounce,
      ours: { subject: target?.sent?.subject ?? null, body: target?.sent?.body ?? null },
      hasAttachments: parsed.attachments.length > 0,
    })

    const id = newReplyId()
    const attachTo = match.reference !== null && !match.needsConfirmation ? match.reference : null
    // Brought within the record's limits and validated before anything is written or added.
    const planned = normaliseReplyRecord({
      id,
      messageId,
      sha256: parsed.sha256,
      size: parsed.size,
      from: parsed.from,
      to: parsed.to,
      date: parsed.date,
      subject: parsed.subject,
      excerpt: parsed.excerpt,
      attachments: parsed.attachments,
      bounce: parsed.bounce,
      source: options.origin,
      importedAt: deps.now().toISOString(),
      state: attachTo ? 'attached' : match.reference ? 'needs-confirmation' : 'unmatched',
      match: { reference: match.reference, by: match.by, candidates: match.candidates },
      eventId: null,
      file: attachTo ? beingAttached : keptInboxPath(parsed),
      suggestion,
      confirmed: null,
    })
    let record: ReplyRecord
    if (attachTo) {
      record = attachRecorded(attachTo, parsed, bytes, planned, null)
    } else {
      keepInInbox(parsed, bytes)
      record = planned
      saveRecord(record)
    }
    return { record, duplicate: false, match, suggestion }
  }

  const service: Pick<ReplyService, 'importBytes' | 'importFile'> = {
    async importBytes(bytes, options) {
      const parsed = await parseReply(bytes, { budget: replyBudget() })
      const kept = lock.run(() => keepReply(parsed, bytes, options))
      if (kept === null) return null
      if (kept.duplicate) return outcomeOf(kept.record, options.source, true)
      const { record, match, suggestion } = kept
      if (options.confirm) {
        const { reply } = await confirm({ replyId: record.id, ...(match.reference ? { reference: match.reference } : {}), kind: suggestion.kind })
        return outcomeOf(reply, options.source, false)
      }
      return outcomeOf(record, options.source, false)
    },

    async importFile(file, options) {
      let size: number
      try {
        const stat = fs.statSync(file)
        if (!stat.isFile()) throw coreError('INVALID_INPUT', 'error.file.notAFile', { file })
        size = stat.size
      } catch (error) {
        if (error instanceof CoreError) throw error
        throw coreError('NOT_FOUND', 'error.file.cannotReadThe', { file, reason: reasonOf(error) })
      }
      if (size > maxReplyBytes) {
        throw coreError('EML_TOO_LARGE', 'error.replies.fileTooLarge', { name: path.basename(file), size: (size / 1048576).toFixed(1), max: maxReplyBytes / 1048576 })
      }
      const bytes = new Uint8Array(fs.readFileSync(file))
      const outcome = await service.importBytes(bytes, { source: path.basename(file), origin: 'file', hint: options.hint ?? null, confirm: options.confirm ?? false })
      return outcome!
    },

  }
  return service
}
