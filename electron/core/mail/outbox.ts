/**
 * The outbox: every e-mail Rightful sends through the user's SMTP server, one entry per request,
 * on disk before and after every network step, so that a request the user believes was sent was
 * sent, and one that may have been sent is never sent again without asking.
 *
 *   queued ──▶ sending ──▶ sent        the server accepted the message (2xx after the data)
 *                     ├──▶ failed      the server refused, or the line failed before the data;
 *                     │                the exact message is kept and can be retried
 *                     └──▶ uncertain   the line broke after the data went out: the server may
 *                                      have it; a new attempt needs the user's confirmation
 *
 * A process that stops while an entry says "sending" leaves it so on disk; whoever opens the
 * outbox next sees that no live process owns the attempt and shows it as uncertain. The message
 * (.eml) is written once, into the request's folder, before the first attempt; every attempt sends
 * those bytes with the same Message-ID. Entries whose sending was recorded on the request move to
 * outbox/done/, so the outbox itself stays small for people with thousands of requests.
 *
 * Files: <data>/outbox/<REF>.json (open), <data>/outbox/done/<REF>.json, <data>/outbox/<REF>.lock
 * (held during an attempt), <data>/requests/<REF>.files/<REF>-email-<n>.eml (the messages).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { CoreError, errorCodes } from '../shared/result'
import type { NoticeBoard } from '../shared/notices'
import { referencePattern, referenceSchema, requestRecordSchema, type RequestRecord } from '../requests/model'
import { createFileExclusiveSync, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { sha256Hex } from './eml'
import { outboxStates, type OutboxItem, type SentCopyStatus, type SmtpFailure } from './mail-types'
import { serverLabel, type SmtpConfig, type SmtpOutcome } from './smtp'
import { incomingDir } from '../requests/attachments'
import { coreError, noticeWords, reasonOf } from '../messages/errors'
import { messageSchema as wordsSchema, message } from '../shared/message'

export { outboxStates, type OutboxItem, type OutboxState, type SentCopyStatus } from './mail-types'

/** An attempt whose owner has been silent this long is over, whatever its process looks like. */
const attemptLifetimeMs = 30 * 60_000

const failureSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  responseCode: z.number().int().nullable(),
  response: z.string().nullable(),
  command: z.string().nullable(),
  temporary: z.boolean(),
  detail: wordsSchema.optional(),
})

const ownerSchema = z.object({ pid: z.number().int(), host: z.string(), token: z.string().min(1), since: z.iso.datetime() })
type Owner = z.infer<typeof ownerSchema>

const attemptSchema = z.object({
  number: z.number().int().min(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  server: z.string(),
  owner: ownerSchema,
  /** 'interrupted': the process stopped during the attempt. */
  outcome: z.enum(['sent', 'failed', 'uncertain', 'interrupted']).nullable(),
  failure: failureSchema.nullable(),
  response: z.string().nullable(),
})

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

const messageSchema = z.object({
  /** 1 for the first message; a new one is composed only after a definite failure and an edit. */
  version: z.number().int().min(1),
  /** Relative to the data folder. */
  file: z.string().min(1),
  sha256: hex64,
  size: z.number().int().positive(),
  composedAt: z.iso.datetime(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  /** The request's text as it went into this message: what the request records once sent. */
  content: requestRecordSchema.shape.draft,
  /** What the message was made from, to tell whether the user changed anything since. */
  fingerprint: z.string(),
  letter: z.boolean(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: hex64, contentType: z.string() })),
})
export type OutboxMessage = z.infer<typeof messageSchema>

const sentCopySchema = z.object({
  state: z.enum(['off', 'pending', 'copied', 'failed']),
  mailbox: z.string().nullable(),
  at: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  detail: wordsSchema.nullable().default(null),
}) satisfies z.ZodType<SentCopyStatus>

export const outboxEntrySchema = z.object({
  version: z.literal(1),
  reference: referenceSchema,
  /** Generated once; the same on every attempt, so a duplicate can be recognised as one. */
  messageId: z.string().min(3),
  state: z.enum(outboxStates),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  message: messageSchema,
  /** Messages composed earlier for this request (each refused for certain), kept, never deleted. */
  earlierMessages: z.array(messageSchema).default([]),
  attempts: z.array(attemptSchema).default([]),
  acceptedAt: z.iso.datetime().nullable().default(null),
  /** The server's reply that accepted it. */
  response: z.string().nullable().default(null),
  /** When the request itself was recorded as sent (the deadline runs from then on). */
  recordedAt: z.iso.datetime().nullable().default(null),
  sentCopy: sentCopySchema.default({ state: 'off', mailbox: null, at: null, error: null, detail: null }),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>

export function outboxItem(entry: OutboxEntry): OutboxItem {
  const last = entry.attempts.at(-1) ?? null
  return {
    reference: entry.reference,
    messageId: entry.messageId,
    state: entry.state,
    subject: entry.message.subject,
    to: entry.message.to,
    from: entry.message.from,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    attempts: entry.attempts.length,
    lastAttemptAt: last?.startedAt ?? null,
    server: last?.server ?? null,
    error: entry.state === 'failed' || entry.state === 'uncertain' ? (last?.failure ?? null) : null,
    acceptedAt: entry.acceptedAt,
    response: entry.response,
    archive: { file: entry.message.file, sha256: entry.message.sha256, size: entry.message.size },
    attachments: entry.message.attachments.map((a) => ({ name: a.name, size: a.size })),
    letter: entry.message.letter,
    sentCopy: entry.sentCopy,
    needsConfirmation: entry.state === 'uncertain',
  }
}

/** A message ready to be kept: its bytes and what it was made of. */
export type ComposedMessage = Omit<OutboxMessage, 'version' | 'file' | 'sha256' | 'size' | 'composedAt'> & { readonly bytes: Uint8Array }

/** Attempts running in this process, per data folder: their owners are alive. */
const liveAttempts = new Set<string>()

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export type Outbox = {
  /** The request's entry (open or done), with interrupted attempts shown as uncertain; null if none. */
  get(reference: string): OutboxEntry | null
  /** Every open entry (not yet recorded as sent), oldest first. */
  list(): ReadonlyArray<OutboxEntry>
  /**
   * One attempt to send the request's message. `mode: 'send'` composes the message when there is
   * none yet, or anew when the last one was refused for certain and the request changed since;
   * `'retry'` sends the kept message again. Either refuses after an uncertain attempt unless
   * `confirmResend`. Resolves to the entry after the attempt (sent, failed or uncertain).
   */
  send(input: {
    reference: string
    mode: 'send' | 'retry'
    confirmResend: boolean
    /** What the message would be made from now; compared with the kept message's. */
    fingerprint: string
    /** Resolves the server and the envelope sender; called before anything is written. */
    connect: () => Promise<{ config: SmtpConfig; envelopeFrom: string }>
    /** Builds the message; called only when a new one is needed. */
    compose: (messageId: string | null) => Promise<ComposedMessage & { messageId: string }>
    transport: (config: SmtpConfig, envelope: { from: string; to: string }, bytes: Uint8Array) => Promise<SmtpOutcome>
  }): Promise<OutboxEntry>
  /** Records the Sent-folder copy's status on the entry. */
  setSentCopy(reference: string, status: SentCopyStatus): OutboxEntry | null
  /** The kept bytes of an entry's message, checked against their SHA-256. */
  readMessage(entry: OutboxEntry): Uint8Array
}

export function openOutbox(options: {
  dataDir: string
  now: () => Date
  notices: NoticeBoard
  /** Records the accepted message on the request; called once per accepted entry. */
  recordSent: (entry: OutboxEntry) => void
  /** The request, to check it has not been sent some other way meanwhile. */
  getRequest: (reference: string) => RequestRecord
}): Outbox {
  const dataDir = path.resolve(options.dataDir)
  const dir = path.join(dataDir, 'outbox')
  const doneDir = path.join(dir, 'done')
  const openFile = (reference: string) => path.join(dir, `${reference}.json`)
  const doneFile = (reference: string) => path.join(doneDir, `${reference}.json`)
  const lockFile = (reference: string) => path.join(dir, `${reference}.lock`)
  const liveKey = (token: string) => `${dataDir}\0${token}`
  const stamp = () => options.now().toISOString()
  /**
   * The data folder's lock: every write of an entry, and every change made from what an entry
   * says (settling it, the Sent copy), runs under it on the entry as it is then. Never held across
   * the network: an attempt is owned through its own lock file (`acquire`).
   */
  const lock = folderLock(dataDir)

  const ownerGone = (owner: Owner): boolean => {
    if (options.now().getTime() - Date.parse(owner.since) > attemptLifetimeMs) return true
    if (owner.host !== os.hostname()) return false
    if (owner.pid === process.pid) return !liveAttempts.has(liveKey(owner.token))
    return !processAlive(owner.pid)
  }

  const write = (entry: OutboxEntry): OutboxEntry => {
    const valid = outboxEntrySchema.parse({ ...entry, updatedAt: stamp() })
    try {
      lock.run(() => writeFileAtomicSync(openFile(valid.reference), JSON.stringify(valid, null, 2)))
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw coreError('STORAGE_FAILED', 'error.outbox.notSaved', { reason: String((error as Error).message) })
    }
    return valid
  }

  /** Moves an entry whose sending is recorded on the request into done/. */
  const retire = (entry: OutboxEntry): OutboxEntry => {
    const valid = outboxEntrySchema.parse({ ...entry, updatedAt: stamp() })
    lock.run(() => {
      writeFileAtomicSync(doneFile(valid.reference), JSON.stringify(valid, null, 2))
      fs.rmSync(openFile(valid.reference), { force: true })
    })
    return valid
  }

  const parseFile = (file: string, reference: string): { entry: OutboxEntry | null; unreadable: boolean } => {
    const read = readJsonFileSync(file)
    if (read.kind === 'missing') return { entry: null, unreadable: false }
    const parsed = read.kind === 'parsed' ? outboxEntrySchema.safeParse(read.value) : null
    if (parsed?.success && parsed.data.reference === reference) return { entry: parsed.data, unreadable: false }
    return { entry: null, unreadable: true }
  }

  const readFile = (file: string, reference: string): OutboxEntry | null => {
    const first = parseFile(file, reference)
    if (!first.unreadable) return first.entry
    // Moved aside under the lock, and only if it is still unreadable then.
    return lock.run(() => readUnreadable(file, reference))
  }

  const readUnreadable = (file: string, reference: string): OutboxEntry | null => {
    const again = parseFile(file, reference)
    if (!again.unreadable) return again.entry
    const movedTo = moveAsideSync(file, options.now())
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      ...noticeWords('notice.outbox', { reference, movedTo }),
      path: file,
      movedTo,
    })
    return null
  }

  /** Whether settling would change anything (read without the lock; settled under it). */
  const unsettled = (entry: OutboxEntry): boolean => {
    const last = entry.attempts.at(-1)
    if (entry.state === 'sent') return true
    if (entry.state === 'sending') return Boolean(last && last.outcome === null && ownerGone(last.owner))
    try {
      return options.getRequest(entry.reference).sent !== null
    } catch {
      return false
    }
  }

  /** Brings an open entry up to date: interrupted attempts become uncertain, accepted ones recorded (under the lock). */
  const settle = (entry: OutboxEntry): OutboxEntry => {
    let current = entry
    const last = current.attempts.at(-1)
    if (current.state === 'sending' && last && last.outcome === null && ownerGone(last.owner)) {
      const failure: SmtpFailure = {
        code: 'SEND_UNCERTAIN',
        message: `Rightful stopped while this e-mail was being sent through ${last.server}. The server may have accepted it: check your Sent folder before sending it again.`,
        detail: message('error.outbox.stoppedWhileSending', { server: last.server }),
        responseCode: null,
        response: null,
        command: null,
        temporary: false,
      }
      current = write({
        ...current,
        state: 'uncertain',
        attempts: [...current.attempts.slice(0, -1), { ...last, finishedAt: stamp(), outcome: 'interrupted', failure }],
      })
    }
    if (current.state === 'failed' || current.state === 'uncertain' || current.state === 'queued') {
      // Marked as sent by hand meanwhile (the user found it in their Sent folder, or sent it another
      // way): nothing is left to send; the entry is kept, out of the open outbox.
      let sentByHand: boolean
      try {
        sentByHand = options.getRequest(current.reference).sent !== null
      } catch {
        sentByHand = false // discarded or unreadable: the entry stays as it is
      }
      if (sentByHand) return retire(current)
    }
    if (current.state === 'sent' && current.recordedAt === null) {
      try {
        options.recordSent(current)
      } catch (error) {
        // Sent some other way meanwhile (marked by hand): the message and this entry stay as proof.
        if (!(error instanceof CoreError) || (error.code !== 'INVALID_STATE' && error.code !== 'NOT_FOUND')) {
          // The entry stays open and says "sent"; the next look at it records it again.
          throw coreError('STORAGE_FAILED', 'error.outbox.acceptedNotRecorded', { reference: current.reference, reason: String((error as Error).message) })
        }
      }
      current = retire({ ...current, recordedAt: stamp() })
    } else if (current.state === 'sent') {
      current = retire(current)
    }
    return current
  }

  const get = (reference: string): OutboxEntry | null => {
    if (!referencePattern.test(reference)) throw coreError('NOT_FOUND', 'error.request.notReference', { reference })
    const open = readFile(openFile(reference), reference)
    if (open && !unsettled(open)) return open
    if (open) {
      // Settled under the lock, on the entry as it is then: another process may have settled it meanwhile.
      return lock.run(() => {
        const fresh = readFile(openFile(reference), reference)
        return fresh ? settle(fresh) : readFile(doneFile(reference), reference)
      })
    }
    return readFile(doneFile(reference), reference)
  }

  const acquire = (reference: string, owner: Owner): void => {
    fs.mkdirSync(dir, { recursive: true })
    const file = lockFile(reference)
    for (let tries = 0; tries < 2; tries += 1) {
      try {
        fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx', mode: 0o600 })
        return
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw coreError('STORAGE_FAILED', 'error.outbox.lock', { reason: String((error as Error).message) })
        }
      }
      const held = readJsonFileSync(file)
      const holder = held.kind === 'parsed' ? ownerSchema.safeParse(held.value) : null
      const stale = holder?.success ? ownerGone(holder.data) : Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 60_000
      if (!stale) break
      fs.rmSync(file, { force: true })
    }
    throw coreError('SEND_IN_PROGRESS', 'error.outbox.sendingElsewhere', { reference })
  }

  const keepMessage = (reference: string, version: number, composed: ComposedMessage): OutboxMessage => {
    const folder = path.join(dataDir, 'requests', `${reference}.files`)
    for (let n = version; n < version + 100; n += 1) {
      const target = path.join(folder, `${reference}-email-${n}.eml`)
      try {
        createFileExclusiveSync(target, composed.bytes, { tempDir: incomingDir(dataDir) })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue // left by an attempt that stopped early
        throw coreError('STORAGE_FAILED', 'error.outbox.keep', { reason: String((error as Error).message) })
      }
      const { bytes, ...meta } = composed
      return {
        ...meta,
        version: n,
        file: path.relative(dataDir, target).split(path.sep).join('/'),
        sha256: sha256Hex(bytes),
        size: bytes.byteLength,
        composedAt: stamp(),
      }
    }
    throw coreError('STORAGE_FAILED', 'error.outbox.noName')
  }

  const readMessage = (entry: OutboxEntry): Uint8Array => {
    const file = path.resolve(dataDir, entry.message.file)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(fs.readFileSync(file))
    } catch (error) {
      throw coreError('STORAGE_FAILED', 'error.outbox.unreadable', { file: entry.message.file, reason: reasonOf(error) })
    }
    if (sha256Hex(bytes) !== entry.message.sha256) {
      throw coreError('STORAGE_FAILED', 'error.outbox.changed', { file: entry.message.file })
    }
    return bytes
  }

  return {
    get,
    readMessage,

    list() {
      if (!fs.existsSync(dir)) return []
      return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json') && referencePattern.test(name.slice(0, -5)))
        .map((name) => get(name.slice(0, -5)))
        // Still open after settling: not recorded as sent, not marked as sent by hand.
        .filter((entry): entry is OutboxEntry => entry !== null && fs.existsSync(openFile(entry.reference)))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    },

    setSentCopy(reference, status) {
      return lock.run(() => {
        const entry = get(reference)
        if (!entry) return null
        const next = outboxEntrySchema.parse({ ...entry, sentCopy: status, updatedAt: stamp() })
        writeFileAtomicSync(entry.recordedAt ? doneFile(reference) : openFile(reference), JSON.stringify(next, null, 2))
        return next
      })
    },

    async send({ reference, mode, confirmResend, fingerprint, connect, compose, transport }) {
      const existing = get(reference)
      if (existing?.state === 'sent') {
        throw coreError('INVALID_STATE', 'error.outbox.acceptedAt', { reference, at: String(existing.acceptedAt), messageId: String(existing.messageId) })
      }
      if (options.getRequest(reference).sent) throw coreError('INVALID_STATE', 'error.outbox.markedSent', { reference })
      if (mode === 'retry' && !existing) throw coreError('NOT_FOUND', 'error.outbox.nothingToRetry', { reference })
      if (existing?.state === 'uncertain' && !confirmResend) {
        throw coreError('CONFIRM_RESEND', 'error.outbox.confirmResendId', { reference, messageId: String(existing.messageId) })
      }
      // Nothing is written before the server and the password are known.
      const { config, envelopeFrom } = await connect()

      const token = randomBytes(9).toString('hex')
      const owner: Owner = { pid: process.pid, host: os.hostname(), token, since: stamp() }
      liveAttempts.add(liveKey(token))
      let locked = false
      try {
        acquire(reference, owner)
        locked = true
        let entry = get(reference)
        if (entry?.state === 'sending') {
          throw coreError('SEND_IN_PROGRESS', 'error.outbox.sending', { reference })
        }
        if (entry?.state === 'sent') throw coreError('INVALID_STATE', 'error.outbox.wasSent', { reference })
        if (entry?.state === 'uncertain' && !confirmResend) throw coreError('CONFIRM_RESEND', 'error.outbox.confirmResend', { reference })

        const changed = entry !== null && entry.message.fingerprint !== fingerprint
        if (!entry) {
          const composed = await compose(null)
          const { messageId, ...rest } = composed
          const message = keepMessage(reference, 1, rest)
          entry = write({
            version: 1,
            reference,
            messageId,
            state: 'queued',
            createdAt: stamp(),
            updatedAt: stamp(),
            message,
            earlierMessages: [],
            attempts: [],
            acceptedAt: null,
            response: null,
            recordedAt: null,
            sentCopy: { state: 'off', mailbox: null, at: null, error: null, detail: null },
          })
        } else if (mode === 'send' && changed && (entry.state === 'failed' || entry.state === 'queued')) {
          // Refused for certain, and the user changed the request since: the new text goes out,
          // under the same Message-ID; the refused message stays kept.
          const composed = await compose(entry.messageId)
          const { messageId: _same, ...rest } = composed
          const message = keepMessage(reference, entry.message.version + 1, rest)
          entry = write({ ...entry, state: 'queued', message, earlierMessages: [...entry.earlierMessages, entry.message] })
        }
        const bytes = readMessage(entry)

        // Before the network: the attempt is on disk, owned by this process.
        const server = serverLabel(config)
        const number = entry.attempts.length + 1
        entry = write({
          ...entry,
          state: 'sending',
          attempts: [...entry.attempts, { number, startedAt: stamp(), finishedAt: null, server, owner, outcome: null, failure: null, response: null }],
        })

        const outcome = await transport(config, { from: envelopeFrom, to: entry.message.to }, bytes)

        // After the network: what happened, before anything else.
        const attempt = entry.attempts.at(-1)!
        if (outcome.kind === 'accepted') {
          const at = stamp()
          entry = write({
            ...entry,
            state: 'sent',
            acceptedAt: at,
            response: outcome.response,
            attempts: [...entry.attempts.slice(0, -1), { ...attempt, finishedAt: at, outcome: 'sent', response: outcome.response }],
          })
          // Recorded on the request and retired, on the entry as it is (another process may have done it already).
          return get(reference) ?? entry
        }
        return write({
          ...entry,
          state: outcome.kind,
          attempts: [...entry.attempts.slice(0, -1), { ...attempt, finishedAt: stamp(), outcome: outcome.kind, failure: outcome.failure }],
        })
      } finally {
        liveAttempts.delete(liveKey(token))
        if (locked) fs.rmSync(lockFile(reference), { force: true })
      }
    },
  }
}
