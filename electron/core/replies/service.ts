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
import { CoreError } from '../api/result'
import type { Catalog } from '../catalog/catalog'
import { comparePlainDates, plainDateOf, type PlainDate } from '../deadlines/calendar'
import type { NoticeBoard } from '../notices'
import type { AttachmentStage } from '../requests/attachments'
import { maxAttachmentsPerEvent } from '../requests/attachments'
import type { UserEventKind } from '../requests/events'
import type { RequestRecord } from '../requests/model'
import type { RequestService } from '../requests/service'
import { closedStatuses } from '../requests/status'
import type { RequestView } from '../requests/view'
import { createFileExclusiveSync } from '../storage/files'
import { createTextBudget } from '../text/budget'
import { classifyReply } from './classify'
import { matchReply, referencesIn, type MatchInput, type MatchResult, type MatchSource } from './match'
import type { ReplyImportOutcome, ReplyKind, ReplyRecord, ReplyView } from './model'
import { maxReplyBytes, parseReply, replyBudgetMs, sameMessageId, type ParsedReply } from './parse'
import { openReplyStore, repliesDir } from './store'

/** The reply kinds that add an event of their own once confirmed. */
const eventForKind: Partial<Record<ReplyKind, UserEventKind>> = {
  acknowledged: 'acknowledged',
  'identity-requested': 'identity-requested',
  'clarification-asked': 'clarification-asked',
  'extension-claimed': 'extension-claimed',
  'data-received': 'data-received',
  'partially-fulfilled': 'partially-fulfilled',
  refused: 'refused',
  completed: 'completed',
  bounce: 'undeliverable',
}

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
    if (record?.type === 'reminder' && record.followUpOf && recordOf(record.followUpOf)?.sent) return record.followUpOf
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

  const noteOf = (parsed: ParsedReply): string => {
    const who = parsed.from.name ? `${parsed.from.name} <${parsed.from.address}>` : parsed.from.address
    const when = parsed.date ? ` on ${shortDate(parsed.date)}` : ''
    if (parsed.bounce) {
      const failed = parsed.bounce.failedRecipients.join(', ') || 'the recipient'
      const why = parsed.bounce.diagnostic ?? (parsed.bounce.status ? `status ${parsed.bounce.status}` : null)
      return `Returned as undeliverable by the mail system (${who})${when}: the message could not be delivered to ${failed}${why ? ` (${why})` : ''}.\n\n${parsed.excerpt}`
    }
    return `From ${who}${when}\nSubject: ${parsed.subject || '(no subject)'}\n\n${parsed.excerpt}`.slice(0, 19_000)
  }

  /**
   * Adds the 'reply-received' event with the .eml and the reply's files. Files go through the
   * attachment stage from a temporary folder, which is removed again whatever happens.
   */
  const attach = (reference: string, parsed: ParsedReply, bytes: Uint8Array): { eventId: string; file: string } => {
    if (batch) batch.source = null
    const before = deps.requests.get(reference).record
    if (!before.sent) throw new CoreError('INVALID_STATE', `${reference} has not been sent yet, so it cannot have a reply.`)
    const temp = path.join(repliesDir(deps.dataDir), `.import-${randomBytes(6).toString('hex')}`)
    try {
      const emlName = `Reply ${parsed.date ? parsed.date.toISOString().slice(0, 10) : today()}${parsed.bounce ? ' (undeliverable)' : ''}.eml`
      const files = [{ name: emlName, content: bytes }, ...parsed.attachments.slice(0, maxAttachmentsPerEvent - 1)]
      const paths = files.map((file, index) => {
        // One folder per file: the stage keeps the file's own name, and two may share a name.
        const dir = path.join(temp, String(index))
        fs.mkdirSync(dir, { recursive: true })
        const target = path.join(dir, file.name)
        if (path.dirname(target) !== dir) throw new CoreError('INVALID_INPUT', `The attachment name "${file.name}" is not a plain file name.`)
        fs.writeFileSync(target, file.content, { mode: 0o600 })
        return target
      })
      const tokens = deps.attachments.stage(paths).map((f) => f.token)
      const extra = parsed.attachments.length - (maxAttachmentsPerEvent - 1)
      const note = `${noteOf(parsed)}${extra > 0 ? `\n\n${extra} more attached files are inside the .eml.` : ''}`
      const view = deps.requests.addEvent({ reference, kind: 'reply-received', on: replyDay(parsed.date, before.sent.on), note, attachments: tokens })
      const known = new Set(before.events.map((e) => e.id))
      const event = view.record.events.find((e) => !known.has(e.id) && e.kind === 'reply-received')
      if (!event || !event.attachments[0]) throw new CoreError('INTERNAL', 'The reply was added, but its event could not be found again.')
      return { eventId: event.id, file: event.attachments[0].file }
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw new CoreError('STORAGE_FAILED', `The reply could not be kept: ${(error as Error).message}`)
    } finally {
      fs.rmSync(temp, { recursive: true, force: true })
    }
  }

  /** Keeps a message that belongs to no request yet, under its SHA-256. */
  const keepInInbox = (parsed: ParsedReply, bytes: Uint8Array): string => {
    const target = path.join(inboxDir, `${parsed.sha256}.eml`)
    try {
      fs.mkdirSync(inboxDir, { recursive: true })
      createFileExclusiveSync(target, bytes)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CoreError('STORAGE_FAILED', `The reply could not be kept: ${(error as Error).message}`)
      }
    }
    return path.relative(deps.dataDir, target).split(path.sep).join('/')
  }

  const readKept = (record: ReplyRecord): Uint8Array => {
    const full = path.resolve(deps.dataDir, record.file)
    if (!full.startsWith(path.resolve(deps.dataDir) + path.sep)) throw new CoreError('NOT_FOUND', 'The kept message is outside the data folder.')
    try {
      return new Uint8Array(fs.readFileSync(full))
    } catch (error) {
      throw new CoreError('NOT_FOUND', `The kept message ${record.file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
  }

  /** An attached reply whose event the user removed from the timeline (or whose request is gone) no longer counts. */
  const isLive = (record: ReplyRecord): boolean => {
    if (record.state !== 'attached') return true
    const request = record.match.reference ? recordOf(record.match.reference) : null
    return Boolean(request?.events.some((e) => e.id === record.eventId && e.removedAt === null))
  }

  const findReply = (replyId: string): ReplyRecord => {
    const record = store.list().find((r) => r.id === replyId)
    if (!record || !isLive(record)) throw new CoreError('NOT_FOUND', `There is no imported reply ${replyId}.`)
    return record
  }

  const saveRecord = (record: ReplyRecord) =>
    store.update((replies) => {
      const index = replies.findIndex((r) => r.id === record.id)
      return { replies: index < 0 ? [...replies, record] : replies.map((r, i) => (i === index ? record : r)), result: undefined }
    })

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

  const service: ReplyService = {
    async importBytes(bytes, options) {
      const parsed = await parseReply(bytes, { budget: replyBudget() })

      const earlier = store
        .list()
        .find((r) => r.sha256 === parsed.sha256 || (parsed.messageId !== null && r.messageId !== null && sameMessageId(r.messageId, parsed.messageId)))
      if (earlier && isLive(earlier)) return outcomeOf(earlier, options.source, true)
      // Its event was removed from the timeline: the message may be imported afresh.
      if (earlier) store.update((replies) => ({ replies: replies.filter((r) => r.id !== earlier.id), result: undefined }))

      const source = matchSource()
      if (parsed.messageId) {
        const own = source.byMessageId(parsed.messageId)
        if (own) throw new CoreError('INVALID_INPUT', `This is the request ${own} as Rightful sent it, not a reply to it.`)
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
      const attached = match.reference !== null && !match.needsConfirmation ? attach(match.reference, parsed, bytes) : null
      const record: ReplyRecord = {
        id,
        messageId: parsed.messageId,
        sha256: parsed.sha256,
        size: parsed.size,
        from: { name: parsed.from.name.slice(0, 500), address: parsed.from.address.slice(0, 500) },
        to: parsed.to.slice(0, 100).map((a) => a.slice(0, 500)),
        date: parsed.date ? parsed.date.toISOString() : null,
        subject: parsed.subject.slice(0, 2000),
        excerpt: parsed.excerpt,
        attachments: parsed.attachments.slice(0, 500).map((a) => ({ name: a.name, contentType: a.contentType.slice(0, 200), size: a.size, sha256: a.sha256 })),
        bounce: parsed.bounce
          ? {
              failedRecipients: parsed.bounce.failedRecipients.slice(0, 100),
              status: parsed.bounce.status?.slice(0, 50) ?? null,
              diagnostic: parsed.bounce.diagnostic?.slice(0, 2000) ?? null,
              standard: parsed.bounce.standard,
            }
          : null,
        source: options.origin,
        importedAt: deps.now().toISOString(),
        state: attached ? 'attached' : match.reference ? 'needs-confirmation' : 'unmatched',
        match: { reference: match.reference, by: match.by, candidates: match.candidates.slice(0, 200) },
        eventId: attached?.eventId ?? null,
        file: attached?.file ?? keepInInbox(parsed, bytes),
        suggestion,
        confirmed: null,
      }
      try {
        saveRecord(record)
      } catch (error) {
        // Nothing half-done: the event goes again (kept as removed), the inbox copy stays.
        if (attached) deps.requests.removeEvent({ reference: match.reference!, eventId: attached.eventId })
        throw error
      }
      if (options.confirm) {
        const { reply } = await service.confirm({ replyId: id, ...(match.reference ? { reference: match.reference } : {}), kind: suggestion.kind })
        return outcomeOf(reply, options.source, false)
      }
      return outcomeOf(record, options.source, false)
    },

    async importFile(file, options) {
      let size: number
      try {
        const stat = fs.statSync(file)
        if (!stat.isFile()) throw new CoreError('INVALID_INPUT', `${file} is not a file.`)
        size = stat.size
      } catch (error) {
        if (error instanceof CoreError) throw error
        throw new CoreError('NOT_FOUND', `The file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
      }
      if (size > maxReplyBytes) {
        throw new CoreError('EML_TOO_LARGE', `${path.basename(file)} is ${(size / 1048576).toFixed(1)} MB; Rightful imports e-mails up to ${maxReplyBytes / 1048576} MB.`)
      }
      const bytes = new Uint8Array(fs.readFileSync(file))
      const outcome = await service.importBytes(bytes, { source: path.basename(file), origin: 'file', hint: options.hint ?? null, confirm: options.confirm ?? false })
      return outcome!
    },

    async confirm({ replyId, reference, kind, until = null }) {
      let record = findReply(replyId)
      if (reference === undefined && kind === undefined) throw new CoreError('INVALID_INPUT', 'Say which request the reply answers, or what it is.')

      if (record.state !== 'attached') {
        const target = reference ?? record.match.reference
        if (!target) throw new CoreError('INVALID_INPUT', 'Say which request this reply answers.')
        const bytes = readKept(record)
        const parsed = await parseReply(bytes, { budget: replyBudget() })
        const attached = attach(target, parsed, bytes)
        const inboxFile = path.resolve(deps.dataDir, record.file)
        record = {
          ...record,
          state: 'attached',
          eventId: attached.eventId,
          file: attached.file,
          match: {
            reference: target,
            by: target === record.match.reference ? record.match.by : 'user',
            candidates: record.match.candidates,
          },
        }
        saveRecord(record)
        // The request keeps the message now (same bytes, checked by SHA-256 when stored).
        if (inboxFile.startsWith(inboxDir + path.sep)) fs.rmSync(inboxFile, { force: true })
      } else if (reference !== undefined && reference !== record.match.reference) {
        throw new CoreError('INVALID_STATE', `This reply is already on ${record.match.reference}'s timeline. Remove its event there first to move it.`)
      }
      const owner = record.match.reference!

      if (kind !== undefined && record.confirmed?.kind !== kind) {
        const request = deps.requests.get(owner).record
        const replyEvent = request.events.find((e) => e.id === record.eventId)
        const on = replyEvent?.on ?? today()
        if (record.confirmed?.eventId && request.events.some((e) => e.id === record.confirmed!.eventId && e.removedAt === null)) {
          deps.requests.removeEvent({ reference: owner, eventId: record.confirmed.eventId })
        }
        const eventKind = eventForKind[kind]
        let eventId: string | null = null
        if (eventKind) {
          const before = new Set(deps.requests.get(owner).record.events.map((e) => e.id))
          const subject = record.subject ? ` “${record.subject.slice(0, 200)}”` : ''
          const view = deps.requests.addEvent({
            reference: owner,
            kind: eventKind,
            on,
            note: `From the reply of ${record.from.address}${subject}.`,
            until: eventKind === 'extension-claimed' ? until : null,
          })
          eventId = view.record.events.find((e) => !before.has(e.id))?.id ?? null
        }
        record = { ...record, confirmed: { kind, eventId, at: deps.now().toISOString(), on } }
        saveRecord(record)
      }
      return { reply: viewOf(record), request: deps.requests.get(owner) }
    },

    dismiss(replyId) {
      const record = findReply(replyId)
      if (record.state === 'attached') {
        throw new CoreError('INVALID_STATE', `This reply is on ${record.match.reference}'s timeline; remove its event there instead.`)
      }
      const dismissed: ReplyRecord = { ...record, state: 'dismissed' }
      saveRecord(dismissed)
      return viewOf(dismissed)
    },

    list({ reference, pending }) {
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
