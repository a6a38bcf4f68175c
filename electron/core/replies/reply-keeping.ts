/**
 * Keeping replies: on a request's timeline (a 'reply-received' event with the .eml and its files,
 * as one step that survives a kill, with the intent written first) or in the inbox until the user
 * says which request a reply answers; completing what a stopped run began.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import { comparePlainDates, plainDateOf, type PlainDate } from '../shared/calendar'
import { maxAttachmentsPerEvent } from '../requests/attachments'
import type { RequestRecord } from '../requests/model'
import { createFileExclusiveSync } from '../storage/files'
import type { FolderLock } from '../storage/folder-lock'
import { cutText } from '../shared/text-cut'
import type { Attaching, ReplyRecord } from './model'
import { usableDate } from './normalise'
import type { ParsedReply } from './parse'
import { repliesDir, type ReplyStore } from './store'
import type { ReplyMatching } from './reply-matching'
import type { ReplyServiceDeps } from './service'
import { coreError, reasonOf } from '../messages/errors'

/** The kept file of a reply still being put on a timeline (only ever in an intent, see attachRecorded). */
export const beingAttached = '(being attached)'

/** A short date for notes: "3 Feb 2026". */
const shortDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** The keeping part of the reply service (see createReplyKeeping). */
export type ReplyKeeping = ReturnType<typeof createReplyKeeping>

export function createReplyKeeping(
  deps: ReplyServiceDeps,
  { store, lock, matching }: { store: ReplyStore; lock: FolderLock; matching: ReplyMatching },
) {
  const { recordOf, forgetSource } = matching
  const inboxDir = path.join(repliesDir(deps.dataDir), 'inbox')
  const today = () => plainDateOf(deps.now())

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
    forgetSource()
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

  return { today, keptInboxPath, keepInInbox, readKept, isLive, saveRecord, recover, recoverLocked, attachRecorded, findReply }
}
