/**
 * Replies: an .eml (a file the user chose or dropped, or a message from IMAP) is checked and
 * parsed, matched to a request, classified, and kept. A reply matched by its headers or by the
 * reference becomes a 'reply-received' event on the request's timeline, with the .eml and its
 * files stored (SHA-256 each). A reply matched only by the sender's domain, or not at all, waits
 * in <data>/replies/inbox/ until the user says which request it answers. What the reply is
 * (acknowledgement, refusal …) is a suggestion: only the user's confirmation adds the event that
 * moves the deadline. The same message imported twice is recognised (Message-ID, else SHA-256).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import type { Catalog } from '../catalog/catalog'
import { comparePlainDates, plainDateOf, type PlainDate } from '../shared/calendar'
import type { NoticeBoard } from '../shared/notices'
import type { AttachmentStage } from '../requests/attachments'
import { maxAttachmentsPerEvent } from '../requests/attachments'
import type { UserEventKind } from '../requests/events'
import type { RequestRecord } from '../requests/model'
import type { RequestService } from '../requests/service'
import { closedStatuses } from '../requests/status'
import type { RequestView } from '../requests/view'
import { createFileExclusiveSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { cutText } from '../shared/text-cut'
import { createTextBudget } from '../text/budget'
import { classifyReply } from './classify'
import { matchReply, referencesIn, type MatchInput, type MatchResult, type MatchSource } from './match'
import type { Attaching, ReplyImportOutcome, ReplyKind, ReplyRecord, ReplyView } from './model'
import { keptMessageId, normaliseReplyRecord, usableDate } from './normalise'
import { maxReplyBytes, parseReply, replyBudgetMs, sameMessageId, type ParsedReply } from './parse'
import { openReplyStore, repliesDir } from './store'
import { coreError, reasonOf } from '../messages/errors'

/** The reply kinds that add an event of their own once confirmed. */
const eventForKind: ReadonlyMap<ReplyKind, UserEventKind> = new Map<ReplyKind, UserEventKind>([
  ['acknowledged', 'acknowledged'],
  ['identity-requested', 'identity-requested'],
  ['clarification-asked', 'clarification-asked'],
  ['extension-claimed', 'extension-claimed'],
  ['data-received', 'data-received'],
  ['partially-fulfilled', 'partially-fulfilled'],
  ['refused', 'refused'],
  ['completed', 'completed'],
  ['bounce', 'undeliverable'],
])

export type ReplyService = {
  /**
   * Imports one message. `hint`: the request page it was imported on. `onlyIfMatched`: keep it
   * only when some request fits (IMAP). `confirm`: take the suggestion as confirmed (CLI --confirm).
   * Resolves to null only when `onlyIfMatched` and nothing fits.
   */
  importBytes(
    bytes: Uint8Array,
    options: { source: string; origin: 'file' | 'imap'; hint?: string | null; onlyIfMatched?: boolean; confirm?: boolean },
  ): Promise<ReplyImportOutcome | null>
  /** Reads a file from disk (checking its size first) and imports it. */
  importFile(file: string, options: { hint?: string | null; confirm?: boolean }): Promise<ReplyImportOutcome>
  /**
   * Confirms a reply: which request it answers (when it is not on one yet) and/or what it is. The
   * kind's event is added; a different earlier choice is undone (its event removed, kept as removed).
   */
  confirm(input: { replyId: string; reference?: string; kind?: ReplyKind; until?: PlainDate | null }): Promise<{ reply: ReplyView; request: RequestView }>
  /** Marks a reply that answers no request; the message stays kept. */
  dismiss(replyId: string): ReplyView
  list(filter: { reference?: string; pending?: boolean }): ReadonlyArray<ReplyView>
  /** Whether a message with these headers could belong to a request (IMAP: before downloading it). */
  isCandidate(headers: Pick<MatchInput, 'inReplyTo' | 'references' | 'subject' | 'from'>): boolean
  /**
   * What to look for in the bodies of messages whose headers tie them to nothing: the reference
   * prefixes of the sent requests ("RF-2026-"). A ticket system's reply often keeps the reference
   * only in the quoted text; the server searches for it, so nothing else is downloaded.
   */
  bodySearchTerms(): ReadonlyArray<string>
  /** Whether a message with this Message-ID was imported before. */
  knows(messageId: string | null): boolean
  /** The sending date of the oldest request still waiting for an answer, or null. */
  oldestOpenSentOn(): PlainDate | null
  /** Runs many imports and checks (a sync) reading the list of requests only when it changed. */
  batch<T>(run: () => Promise<T>): Promise<T>
}

const newReplyId = () => `rp-${randomBytes(6).toString('hex')}`

/** The kept file of a reply still being put on a timeline (only ever in an intent, see attachRecorded). */
const beingAttached = '(being attached)'

/** A short date for notes: "3 Feb 2026". */
const shortDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function createReplyService(deps: {
  dataDir: string
  requests: RequestService
  catalog: Catalog
  attachments: AttachmentStage
  notices: NoticeBoard
  now: () => Date
}): ReplyService {
  const store = openReplyStore({ dataDir: deps.dataDir, notices: deps.notices, now: deps.now })
  /**
   * The data folder's lock. Importing, confirming, dismissing and completing a stopped import
   * each run as one step under it (after the message was parsed, which takes time): two
   * processes importing the same message keep it once, and none completes another's import
   * that is still running.
   */
  const lock = folderLock(deps.dataDir)
  const inboxDir = path.join(repliesDir(deps.dataDir), 'inbox')
  const today = () => plainDateOf(deps.now())
  /** Reading a reply's text stops with INPUT_TOO_COMPLEX when it outruns its budget, on the core's clock. */
  const replyBudget = () => createTextBudget({ what: 'the e-mail', limitMs: replyBudgetMs, now: () => deps.now().getTime() })

  /** What matching needs of a sent request, read once per version of its file. */
  const facts = new Map<string, { updatedAt: string; record: RequestRecord }>()
  const recordOf = (reference: string, updatedAt?: string): RequestRecord | null => {
    const known = facts.get(reference)
    if (known && updatedAt !== undefined && known.updatedAt === updatedAt) return known.record
    try {
      const record = deps.requests.get(reference).record
      facts.set(reference, { updatedAt: record.updatedAt, record })
      return record
    } catch (error) {
      if (error instanceof CoreError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }

  const companyContacts = (companyId: string): { domains: string[]; addresses: string[] } => {
    try {
      const company = deps.catalog.get(companyId)
      return { domains: company.domains.map((d) => d.toLowerCase()), addresses: company.emails.map((e) => e.address.toLowerCase()) }
    } catch {
      return { domains: [], addresses: [] }
    }
  }

  /** Inside a batch (a sync asks once per message) the list of requests is read once, and again after each change. */
  let batch: { source: MatchSource | null } | null = null
  const matchSource = (): MatchSource => {
    if (!batch) return freshMatchSource()
    batch.source ??= freshMatchSource()
    return batch.source
  }
  const freshMatchSource = (): MatchSource => {
    const items = deps.requests.list().filter((item) => item.sentOn !== null)
    const byReference = new Map(items.map((item) => [item.reference, item]))
    return {
      sent: () =>
        items.map((item) => ({ reference: item.reference, sentOn: item.sentOn!, open: !closedStatuses.includes(item.status.kind) })),
      byMessageId(messageId) {
        const check = (reference: string) => {
          const item = byReference.get(reference)
          if (!item || item.channel !== 'email') return false
          const sentId = recordOf(reference, item.updatedAt)?.sent?.email?.messageId
          return Boolean(sentId && sameMessageId(sentId, messageId))
        }
        // Rightful's Message-IDs carry the reference (<RF-2026-0001.3f2a…@example.org>): one file to read.
        const named = referencesIn(messageId).find(check)
        if (named) return named
        for (const item of items) if (item.channel === 'email' && check(item.reference)) return item.reference
        return null
      },
      contactsOf(reference) {
        const item = byReference.get(reference)
        if (!item) return { domains: [], addresses: [] }
        const contacts = companyContacts(item.companyId)
        // The catalog is in memory; the address the request went to needs its file, so it is read
        // only when the catalog knows nothing (a company since deleted, an authority).
        if (contacts.domains.length > 0 || contacts.addresses.length > 0) return contacts
        const to = recordOf(reference, item.updatedAt)?.sent?.to?.toLowerCase()
        return { domains: [], addresses: to ? [to] : [] }
      },
    }
  }

  const matchInputOf = (parsed: ParsedReply): MatchInput => ({
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    subject: parsed.subject,
    text: parsed.text,
    from: parsed.from.address,
    returned: parsed.returned,
    failedRecipients: parsed.bounce?.failedRecipients ?? [],
  })

  /** A reminder is answered for the request it reminds of: the reply goes to that one. */
  const owningReference = (reference: string): string => {
    const record = recordOf(reference)
    if ((record?.type === 'reminder' || record?.type === 'incomplete-answer') && record.followUpOf && recordOf(record.followUpOf)?.sent) return record.followUpOf
    return reference
  }

  const companyNameOf = (reference: string | null): string | null => (reference ? (recordOf(reference)?.company.name ?? null) : null)
  const viewOf = (record: ReplyRecord): ReplyView => ({ ...record, companyName: companyNameOf(record.match.reference) })

  /** The day a reply counts from: its Date, kept between the sending day and today. */
  const replyDay = (date: Date | null, sentOn: PlainDate): PlainDate => {
    const day = date ? plainDateOf(date) : today()
    if (comparePlainDates(day, sentOn) < 0) return sentOn
    if (comparePlainDates(day, today()) > 0) return today()
    return day
  }

  /** The event's note: who, when, what; each part cut so that the note fits the event (20,000 characters). */
  const noteOf = (parsed: ParsedReply): string => {
    const who = cutText(parsed.from.name ? `${parsed.from.name} <${parsed.from.address}>` : parsed.from.address, 1000)
    const date = usableDate(parsed.date)
    const when = date ? ` on ${shortDate(date)}` : ''
    if (parsed.bounce) {
      const recipients = parsed.bounce.failedRecipients
      const listed = recipients.slice(0, 10).map((r) => cutText(r, 200))
      const failed = recipients.length === 0 ? 'the recipient' : `${listed.join(', ')}${recipients.length > 10 ? ` and ${recipients.length - 10} more` : ''}`
      const why = parsed.bounce.diagnostic ?? (parsed.bounce.status ? `status ${parsed.bounce.status}` : null)
      return cutText(`Returned as undeliverable by the mail system (${who})${when}: the message could not be delivered to ${failed}${why ? ` (${cutText(why, 2000)})` : ''}.\n\n${parsed.excerpt}`, 19_000)
    }
    return cutText(`From ${who}${when}\nSubject: ${cutText(parsed.subject, 2000) || '(no subject)'}\n\n${parsed.excerpt}`, 19_000)
  }

  /** The live 'reply-received' event that keeps this message (its .eml is the event's first file). */
  const replyEventOf = (record: RequestRecord, sha256: string): { eventId: string; file: string } | null => {
    const event = record.events.find((e) => e.kind === 'reply-received' && e.removedAt === null && e.attachments[0]?.sha256 === sha256)
    return event && event.attachments[0] ? { eventId: event.id, file: event.attachments[0].file } : null
  }

  /**
   * Adds the 'reply-received' event with the .eml and the reply's files. Files go through the
   * attachment stage from a temporary folder, which is removed again whatever happens.
   */
  const attach = (reference: string, parsed: ParsedReply, bytes: Uint8Array): { eventId: string; file: string } => {
    if (batch) batch.source = null
    const before = deps.requests.get(reference).record
    if (!before.sent) throw coreError('INVALID_STATE', 'error.replies.notSentYet', { reference })
    // The same message is on the timeline already (a run stopped before its record was written): that event is the one.
    const known = replyEventOf(before, parsed.sha256)
    if (known) return known
    const temp = path.join(repliesDir(deps.dataDir), `.import-${process.pid}-${randomBytes(6).toString('hex')}`)
    try {
      const date = usableDate(parsed.date)
      const emlName = `Reply ${date ? date.toISOString().slice(0, 10) : today()}${parsed.bounce ? ' (undeliverable)' : ''}.eml`
      const files = [{ name: emlName, content: bytes }, ...parsed.attachments.slice(0, maxAttachmentsPerEvent - 1)]
      const paths = files.map((file, index) => {
        // One folder per file: the stage keeps the file's own name, and two may share a name.
        const dir = path.join(temp, String(index))
        fs.mkdirSync(dir, { recursive: true })
        const target = path.join(dir, file.name)
        if (path.dirname(target) !== dir) throw coreError('INVALID_INPUT', 'error.replies.attachmentName', { name: file.name })
        fs.writeFileSync(target, file.content, { mode: 0o600 })
        return target
      })
      const tokens = deps.attachments.stage(paths).map((f) => f.token)
      const extra = parsed.attachments.length - (maxAttachmentsPerEvent - 1)
      const note = `${noteOf(parsed)}${extra > 0 ? `\n\n${extra} more attached files are inside the .eml.` : ''}`
      const view = deps.requests.addEvent({ reference, kind: 'reply-received', on: replyDay(usableDate(parsed.date), before.sent.on), note, attachments: tokens })
      const known = new Set(before.events.map((e) => e.id))
      const event = view.record.events.find((e) => !known.has(e.id) && e.kind === 'reply-received')
      if (!event || !event.attachments[0]) throw coreError('INTERNAL', 'error.replies.eventLost')
      return { eventId: event.id, file: event.attachments[0].file }
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw coreError('STORAGE_FAILED', 'error.replies.notKept', { reason: String((error as Error).message) })
    } finally {
      fs.rmSync(temp, { recursive: true, force: true })
    }
  }

  /** Where a message that belongs to no request yet is kept, relative to the data folder. */
  const keptInboxPath = (parsed: ParsedReply): string => path.relative(deps.dataDir, path.join(inboxDir, `${parsed.sha256}.eml`)).split(path.sep).join('/')

  /** Keeps a message that belongs to no request yet, under its SHA-256. */
  const keepInInbox = (parsed: ParsedReply, bytes: Uint8Array): string => {
    const target = path.join(inboxDir, `${parsed.sha256}.eml`)
    try {
      fs.mkdirSync(inboxDir, { recursive: true })
      createFileExclusiveSync(target, bytes)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw coreError('STORAGE_FAILED', 'error.replies.notKept', { reason: String((error as Error).message) })
      }
    }
    return path.relative(deps.dataDir, target).split(path.sep).join('/')
  }

  const readKept = (record: ReplyRecord): Uint8Array => {
    const full = path.resolve(deps.dataDir, record.file)
    if (!full.startsWith(path.resolve(deps.dataDir) + path.sep)) throw coreError('NOT_FOUND', 'error.replies.outside')
    try {
      return new Uint8Array(fs.readFileSync(full))
    } catch (error) {
      throw coreError('NOT_FOUND', 'error.replies.keptUnreadable', { file: record.file, reason: reasonOf(error) })
    }
  }

  /** An attached reply whose event the user removed from the timeline (or whose request is gone) no longer counts. */
  const isLive = (record: ReplyRecord): boolean => {
    if (record.state !== 'attached') return true
    const request = record.match.reference ? recordOf(record.match.reference) : null
    return Boolean(request?.events.some((e) => e.id === record.eventId && e.removedAt === null))
  }

  /** `records` with `record` in place of the one with its id (or added). */
  const upsert = (records: ReadonlyArray<ReplyRecord>, record: ReplyRecord): ReplyRecord[] => {
    const index = records.findIndex((r) => r.id === record.id)
    return index < 0 ? [...records, record] : records.map((r, i) => (i === index ? record : r))
  }

  const saveRecord = (record: ReplyRecord) =>
    store.update((state) => ({ state: { ...state, replies: upsert(state.replies, record) }, result: undefined }))

  /**
   * Completes what a stopped run began: a reply whose event reached the timeline while its record
   * did not gets its record (the event is found by the message's SHA-256); one whose event never
   * came is let go (that import never finished, so nothing was promised). Leaves no orphan event.
   */
  const recover = (): void => {
    if (store.attaching().length === 0) return
    lock.run(recoverLocked)
  }
  const recoverLocked = (): void => {
    const pending = store.attaching()
    if (pending.length === 0) return
    const finished = pending.map((entry) => {
      let request: RequestRecord | null = null
      try {
        request = deps.requests.get(entry.reference).record
      } catch (error) {
        if (!(error instanceof CoreError && error.code === 'NOT_FOUND')) throw error
      }
      const event = request ? replyEventOf(request, entry.record.sha256) : null
      return { entry, event }
    })
    store.update((state) => {
      let replies = state.replies
      for (const { entry, event } of finished) {
        if (!event) continue
        const live = replies.find((r) => r.sha256 === entry.record.sha256 && r.state === 'attached' && r.eventId === event.eventId)
        if (!live) replies = upsert(replies, { ...entry.record, state: 'attached', eventId: event.eventId, file: event.file })
      }
      return { state: { replies, attaching: state.attaching.filter((a) => !finished.some(({ entry }) => sameAttaching(entry, a))) }, result: undefined }
    })
    for (const { entry, event } of finished) if (event && entry.inboxFile) removeInboxCopy(entry.inboxFile)
  }

  const sameAttaching = (a: Attaching, b: Attaching) => a.record.id === b.record.id && a.reference === b.reference

  /** Removes a message's inbox copy once the request keeps it (same bytes, checked by SHA-256 when stored). */
  const removeInboxCopy = (file: string) => {
    const full = path.resolve(deps.dataDir, file)
    if (full.startsWith(inboxDir + path.sep)) fs.rmSync(full, { force: true })
  }

  /**
   * Puts a reply on a request's timeline as one step that survives a kill: the intent is written
   * first, then the event (reused when the message is there already), then the record with the
   * intent removed, in one write. Returns the record as stored.
   */
  const attachRecorded = (reference: string, parsed: ParsedReply, bytes: Uint8Array, planned: ReplyRecord, inboxFile: string | null): ReplyRecord => {
    const entry: Attaching = { reference, record: planned, inboxFile }
    store.update((state) => ({ state: { ...state, attaching: [...state.attaching.filter((a) => !sameAttaching(a, entry)), entry] }, result: undefined }))
    let attached: { eventId: string; file: string }
    try {
      attached = attach(reference, parsed, bytes)
    } catch (error) {
      store.update((state) => ({ state: { ...state, attaching: state.attaching.filter((a) => !sameAttaching(a, entry)) }, result: undefined }))
      throw error
    }
    const record: ReplyRecord = { ...planned, state: 'attached', eventId: attached.eventId, file: attached.file }
    try {
      store.update((state) => ({
        state: { replies: upsert(state.replies, record), attaching: state.attaching.filter((a) => !sameAttaching(a, entry)) },
        result: undefined,
      }))
    } catch (error) {
      // Nothing half-done: the event goes again (kept as removed); the intent, if still written, finds no event.
      deps.requests.removeEvent({ reference, eventId: attached.eventId })
      throw error
    }
    if (inboxFile) removeInboxCopy(inboxFile)
    return record
  }

  const findReply = (replyId: string): ReplyRecord => {
    const record = store.list().find((r) => r.id === replyId)
    if (!record || !isLive(record)) throw coreError('NOT_FOUND', 'error.replies.notFound', { id: replyId })
    return record
  }

  const outcomeOf = (record: ReplyRecord, source: string, duplicate: boolean): ReplyImportOutcome => ({
    replyId: record.id,
    source,
    duplicate,
    matched: record.match.reference,
    matchedBy: record.match.by,
    needsConfirmation: record.state === 'needs-confirmation',
    candidates: record.match.candidates,
    classification: { kind: record.confirmed?.kind ?? record.suggestion.kind, confidence: record.suggestion.confidence, reason: record.suggestion.reason },
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

  const service: ReplyService = {
    async importBytes(bytes, options) {
      const parsed = await parseReply(bytes, { budget: replyBudget() })
      const kept = lock.run(() => keepReply(parsed, bytes, options))
      if (kept === null) return null
      if (kept.duplicate) return outcomeOf(kept.record, options.source, true)
      const { record, match, suggestion } = kept
      if (options.confirm) {
        const { reply } = await service.confirm({ replyId: record.id, ...(match.reference ? { reference: match.reference } : {}), kind: suggestion.kind })
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

    async confirm({ replyId, reference, kind, until = null }) {
      recover()
      const found = findReply(replyId)
      if (reference === undefined && kind === undefined) throw coreError('INVALID_INPUT', 'error.replies.sayWhich')
      // A reply not on a timeline yet is read and parsed first (it takes time, so without the
      // lock); what happens to it is decided under the lock, on the records as they are then.
      let message: { bytes: Uint8Array; parsed: ParsedReply } | null = null
      if (found.state !== 'attached') {
        if (!(reference ?? found.match.reference)) throw coreError('INVALID_INPUT', 'error.replies.sayRequest')
        const bytes = readKept(found)
        message = { bytes, parsed: await parseReply(bytes, { budget: replyBudget() }) }
      }
      const { record, owner } = lock.run(() => {
        recoverLocked()
        let record = findReply(replyId)
        if (record.state !== 'attached') {
          const target = reference ?? record.match.reference
          if (!target) throw coreError('INVALID_INPUT', 'error.replies.sayRequest')
          if (!message) throw coreError('INVALID_STATE', 'error.replies.changed')
          const planned: ReplyRecord = {
            ...record,
            state: 'attached',
            eventId: null,
            file: beingAttached,
            match: {
              reference: target,
              by: target === record.match.reference ? record.match.by : 'user',
              candidates: record.match.candidates,
            },
          }
          // The request keeps the message now (same bytes, checked by SHA-256 when stored): the inbox copy goes.
          record = attachRecorded(target, message.parsed, message.bytes, planned, record.file)
        } else if (reference !== undefined && reference !== record.match.reference) {
          throw coreError('INVALID_STATE', 'error.replies.onTimeline', { reference: String(record.match.reference) })
        }
        const owner = record.match.reference!

        if (kind !== undefined && record.confirmed?.kind !== kind) {
          const request = deps.requests.get(owner).record
          const replyEvent = request.events.find((e) => e.id === record.eventId)
          const on = replyEvent?.on ?? today()
          if (record.confirmed?.eventId && request.events.some((e) => e.id === record.confirmed!.eventId && e.removedAt === null)) {
            deps.requests.removeEvent({ reference: owner, eventId: record.confirmed.eventId })
          }
          const eventKind = eventForKind.get(kind)
          let eventId: string | null = null
          if (eventKind) {
            const current = deps.requests.get(owner).record
            const subject = record.subject ? ` “${cutText(record.subject, 200)}”` : ''
            const note = `From the reply of ${record.from.address}${subject}.`
            // Confirmed before, and stopped before the reply's record said so: that event is the one.
            const earlier = current.events.find((e) => e.kind === eventKind && e.removedAt === null && e.on === on && e.note === note)
            if (earlier) {
              eventId = earlier.id
            } else {
              const before = new Set(current.events.map((e) => e.id))
              const view = deps.requests.addEvent({ reference: owner, kind: eventKind, on, note, until: eventKind === 'extension-claimed' ? until : null })
              eventId = view.record.events.find((e) => !before.has(e.id))?.id ?? null
            }
          }
          record = { ...record, confirmed: { kind, eventId, at: deps.now().toISOString(), on } }
          saveRecord(record)
        }
        return { record, owner }
      })
      return { reply: viewOf(record), request: deps.requests.get(owner) }
    },

    dismiss(replyId) {
      recover()
      return lock.run(() => {
        const record = findReply(replyId)
        if (record.state === 'attached') {
          throw coreError('INVALID_STATE', 'error.replies.removeThere', { reference: String(record.match.reference) })
        }
        const dismissed: ReplyRecord = { ...record, state: 'dismissed' }
        saveRecord(dismissed)
        return viewOf(dismissed)
      })
    },

    list({ reference, pending }) {
      recover()
      return store
        .list()
        .filter((r) => (pending ? r.state === 'needs-confirmation' || r.state === 'unmatched' : true))
        .filter(isLive)
        .filter((r) => (reference ? r.match.reference === reference || (r.state === 'needs-confirmation' && r.match.candidates.includes(reference)) : true))
        .sort((a, b) => (b.date ?? b.importedAt).localeCompare(a.date ?? a.importedAt))
        .map(viewOf)
    },

    isCandidate(headers) {
      const input: MatchInput = { ...headers, text: '' }
      if (/^(mailer-daemon|mail-daemon|postmaster)@/i.test(headers.from)) return true
      return matchReply(input, matchSource()).reference !== null
    },

    bodySearchTerms() {
      const prefixes = new Set(matchSource().sent().map((r) => r.reference.replace(/^(RF-\d{4}-).*$/, '$1')))
      return [...prefixes].sort()
    },

    knows(messageId) {
      if (!messageId) return false
      return store.list().some((r) => r.messageId !== null && sameMessageId(r.messageId, messageId) && isLive(r))
    },

    async batch(run) {
      if (batch) return run()
      batch = { source: null }
      try {
        return await run()
      } finally {
        batch = null
      }
    },

    oldestOpenSentOn() {
      const open = deps.requests
        .list()
        .filter((item) => item.sentOn !== null && !closedStatuses.includes(item.status.kind))
        .map((item) => item.sentOn!)
        .sort()
      return open[0] ?? null
    },
  }
  return service
}
