/**
 * The mail service: the mailto: and .eml hand-offs for people who send from their own mail program,
 * the compose links of webmail services, and sending through the user's own SMTP server with the
 * outbox's guarantees (outbox.ts). Opened once by createApi, on the one mail settings store.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import { plainDateOf } from '../shared/calendar'
import type { ExternalOpener, FileSink, SecretStore } from '../shared/ports'
import type { NoticeBoard } from '../shared/notices'
import type { RequestRecord } from '../requests/model'
import type { RequestService } from '../requests/service'
import type { AttachmentStage } from '../requests/attachments'
import { buildEml, checkMessageFields, maxAttachmentBytesPerMessage, messageIdFor, sha256Hex, type EmlAttachment } from './eml'
import { passwordStorageOf, smtpPasswordSecret, type MailSettings, type MailSettingsStore, type SmtpSettings } from './mail-settings'
import { buildMailtoUrl } from './mailto'
import { webmailCompose, webmailNames, type WebmailProvider } from '../settings/webmail'
import type { OutboxItem, SendResult, SmtpView } from './mail-types'
import { openOutbox, outboxItem, type Outbox, type OutboxEntry } from './outbox'
import { appendToSentFolder, describeImapError, type SentCopyFailure } from './sent-copy'
import { sendSmtp, serverLabel, verifySmtp, type SmtpConfig } from './smtp'
import { ownValue } from '../shared/own-keys'
import { coreError, coreErrorAs, reasonOf } from '../messages/errors'
import { message } from '../shared/message'
import { secretStep } from './secret-step'

/** The e-mail as it was sent, or as drafted; fails when no address is known. */
function emailOf(record: RequestRecord) {
  const content = record.sent ?? record.draft
  const to = record.sent?.to ?? record.draft.to
  if (!to) {
    throw coreError('NO_EMAIL', 'error.noEmail', { company: record.company.name })
  }
  return { to, subject: content.subject, body: content.body, sender: content.sender }
}

const contentTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

const contentTypeOf = (name: string) => ownValue(contentTypes, path.extname(name).toLowerCase()) ?? 'application/octet-stream'

/** Sending and handing over a request's e-mail, and the SMTP settings it is sent with. */
export type MailService = {
  /** The one mail settings store: every reader sees what another wrote at once. */
  readonly settings: MailSettingsStore
  readonly outbox: Outbox
  openInMailProgram(reference: string): Promise<{ handoff: 'eml' | 'mailto'; url: string | null; path: string | null }>
  openWebmail(reference: string, provider: WebmailProvider): Promise<{ provider: WebmailProvider; url: string; bodyCopied: boolean }>
  saveEml(reference: string): Promise<{ path: string | null }>
  smtpView(): Promise<SmtpView>
  saveSmtp(input: { smtp: SmtpSettings | null; password?: string | null | undefined; sentCopy?: MailSettings['sentCopy'] | undefined }): Promise<SmtpView>
  testSmtp(): Promise<{ server: string; user: string | null }>
  send(input: { reference: string; attachLetter: boolean; attachments: ReadonlyArray<string>; confirmResend: boolean }): Promise<SendResult>
  retry(reference: string, confirmResend: boolean): Promise<SendResult>
  /** The request's outbox entry (after checking the request exists), or every open one. */
  outboxItems(reference?: string | undefined): OutboxItem[]
  copyToSent(reference: string): Promise<OutboxItem>
}

export function createMailService(deps: {
  readonly settings: MailSettingsStore
  readonly requests: RequestService
  readonly attachments: AttachmentStage
  readonly secrets: SecretStore
  readonly external: ExternalOpener
  readonly files: FileSink
  readonly dataDir: string
  readonly notices: NoticeBoard
  readonly now: () => Date
  /** The request's letter as a PDF (letters/ renders it; handed in, being of the same layer). */
  readonly letterPdf: (record: RequestRecord) => Promise<Uint8Array>
  /** The file name of the request's letter or message. */
  readonly fileName: (record: RequestRecord, extension: 'pdf' | 'eml') => string
}): MailService {
  const { settings, requests, attachments: stage, secrets, external, files, dataDir, notices, now, letterPdf, fileName } = deps


  const recordSent = (entry: OutboxEntry) => {
    const { record } = requests.get(entry.reference)
    const acceptedAt = entry.acceptedAt!
    requests.markSent({
      reference: entry.reference,
      on: plainDateOf(new Date(acceptedAt)),
      at: acceptedAt,
      channel: 'email',
      email: {
        content: entry.message.content,
        proof: {
          messageId: entry.messageId,
          from: entry.message.from,
          server: entry.attempts.at(-1)?.server ?? 'unknown',
          acceptedAt,
          response: entry.response,
          archive: {
            id: `email-${entry.message.version}`,
            name: fileName(record, 'eml'),
            size: entry.message.size,
            sha256: entry.message.sha256,
            file: entry.message.file,
          },
          attachments: entry.message.attachments.map(({ name, size, sha256 }) => ({ name, size, sha256 })),
        },
      },
    })
  }

  const outbox = openOutbox({
    dataDir: dataDir,
    now,
    notices: notices,
    recordSent,
    getRequest: (reference) => requests.get(reference).record,
  })

  const smtpView = async (): Promise<SmtpView> => {
    const { smtp, sentCopy } = settings.get()
    const password = smtp?.user ? await secretStep(() => secrets.get(smtpPasswordSecret)).catch(() => null) : null
    return {
      smtp,
      hasPassword: password !== null,
      passwordStorage: await passwordStorageOf(secrets),
      sentCopy,
    }
  }

  /** The server to use and the password for it; nothing is written before this succeeds. */
  const smtpConfig = async (): Promise<{ config: SmtpConfig; smtp: SmtpSettings; password: string | null }> => {
    const { smtp } = settings.get()
    if (!smtp) {
      throw coreError('SMTP_NOT_CONFIGURED', 'error.smtpNotConfigured')
    }
    let password: string | null = null
    if (smtp.user) {
      password = await secretStep(() => secrets.get(smtpPasswordSecret))
      if (!password) {
        throw coreError('SMTP_PASSWORD_MISSING', 'error.smtpPasswordMissing', { user: smtp.user ?? '', server: serverLabel(smtp) })
      }
    }
    return {
      smtp,
      password,
      config: { host: smtp.host, port: smtp.port, security: smtp.security, user: smtp.user, password, trustedCertificate: smtp.trustedCertificate },
    }
  }

  /** The Sent-folder copy, when the user turned it on: best effort, recorded on the entry. */
  const copyEntryToSent = async (entry: OutboxEntry, smtp: SmtpSettings, password: string | null): Promise<OutboxEntry> => {
    const { sentCopy } = settings.get()
    if (!sentCopy.enabled) return entry
    const fail = ({ text, detail }: SentCopyFailure) =>
      outbox.setSentCopy(entry.reference, { state: 'failed', mailbox: sentCopy.mailbox, at: now().toISOString(), error: text, detail }) ?? entry
    if (!sentCopy.host) return fail({ text: 'no IMAP server is set in Settings → Mail', detail: message('sentCopy.noServer') })
    if (!smtp.user || !password) return fail({ text: 'the IMAP copy needs the SMTP user name and password', detail: message('sentCopy.needsLogin') })
    outbox.setSentCopy(entry.reference, { state: 'pending', mailbox: sentCopy.mailbox, at: null, error: null, detail: null })
    try {
      const bytes = outbox.readMessage(entry)
      const { mailbox } = await appendToSentFolder(
        {
          host: sentCopy.host,
          port: sentCopy.port,
          security: sentCopy.security,
          user: smtp.user,
          password,
          trustedCertificate: smtp.trustedCertificate,
          mailbox: sentCopy.mailbox,
        },
        bytes,
        new Date(entry.acceptedAt ?? now().toISOString()),
      )
      return outbox.setSentCopy(entry.reference, { state: 'copied', mailbox, at: now().toISOString(), error: null, detail: null }) ?? entry
    } catch (error) {
      return fail(describeImapError(error))
    }
  }

  const send = async (input: { reference: string; mode: 'send' | 'retry'; attachLetter: boolean; attachments: ReadonlyArray<string>; confirmResend: boolean }): Promise<SendResult> => {
    const { record } = requests.get(input.reference)
    if (record.sent) throw coreError('INVALID_STATE', 'error.mail.alreadySent', { reference: record.reference })
    const to = record.draft.to
    if (!to) throw coreError('NO_EMAIL', 'error.noEmail', { company: record.company.name })
    const fromAddress = settings.get().smtp?.fromAddress ?? record.draft.sender.email
    const from = { name: record.draft.sender.name, address: fromAddress }
    // Bad headers are refused before the password is asked for or anything is written.
    checkMessageFields({ from, to, subject: record.draft.subject })
    if (input.attachLetter && !record.draft.recipientAddress) {
      throw coreError('NO_POSTAL_ADDRESS', 'error.noPostalAttach', { company: record.company.name })
    }
    let resolved: Awaited<ReturnType<typeof smtpConfig>> | null = null
    const fingerprint = sha256Hex(JSON.stringify({ draft: record.draft, from, letter: input.attachLetter, files: [...input.attachments].sort() }))

    const entry = await outbox.send({
      reference: record.reference,
      mode: input.mode,
      confirmResend: input.confirmResend,
      fingerprint,
      connect: async () => {
        resolved = await smtpConfig()
        return { config: resolved.config, envelopeFrom: fromAddress }
      },
      compose: async (messageId) => {
        const attachments: EmlAttachment[] = []
        if (input.attachLetter) {
          attachments.push({ filename: fileName(record, 'pdf'), contentType: 'application/pdf', content: await letterPdf(record) })
        }
        const letterBytes = attachments.reduce((sum, a) => sum + a.content.byteLength, 0)
        for (const file of stage.read(input.attachments, maxAttachmentBytesPerMessage - letterBytes)) {
          attachments.push({ filename: file.name, contentType: contentTypeOf(file.name), content: file.bytes })
        }
        const id = messageId ?? messageIdFor(record.reference, fromAddress)
        const bytes = await buildEml({
          from,
          to,
          subject: record.draft.subject,
          body: record.draft.body,
          date: now(),
          reference: record.reference,
          messageId: id,
          attachments,
          draft: false,
        })
        return {
          messageId: id,
          bytes,
          from: fromAddress,
          to,
          subject: record.draft.subject,
          content: record.draft,
          fingerprint,
          letter: input.attachLetter,
          attachments: attachments.map((a) => ({ name: a.filename, size: a.content.byteLength, sha256: sha256Hex(a.content), contentType: a.contentType })),
        }
      },
      transport: sendSmtp,
    })

    if (entry.state !== 'sent') {
      const failure = entry.attempts.at(-1)?.failure
      throw failure ? new CoreError(failure.code, failure.message, undefined, failure.detail ?? message('error.mail.failedWith', { reason: failure.message })) : coreError('INTERNAL', 'error.mail.notSent', { reference: record.reference })
    }
    const current = resolved as Awaited<ReturnType<typeof smtpConfig>> | null
    const final = current ? await copyEntryToSent(entry, current.smtp, current.password) : entry
    return { item: outboxItem(final), request: requests.get(record.reference) }
  }

  const service: MailService = {
    settings,
    outbox,
    async openInMailProgram(reference) {
      const { record } = requests.get(reference)
      const mail = emailOf(record)
      let url: string
      try {
        url = buildMailtoUrl(mail, external.maxUrlLength)
      } catch (error) {
        if (!(error instanceof CoreError) || error.code !== 'MAILTO_TOO_LONG') throw error
        // Too long for a mailto: link on this system: hand over an .eml draft instead.
        const bytes = await draftEml(record)
        const saved = await files.save({ suggestedName: fileName(record, 'eml'), kind: 'eml', bytes })
        if (saved) await external.reveal(saved).catch(() => undefined)
        return { handoff: 'eml' as const, url: null, path: saved }
      }
      try {
        await external.open(url)
      } catch (error) {
        throw coreError('EXTERNAL_FAILED', 'error.mail.mailProgram', { reason: String((error as Error).message) })
      }
      return { handoff: 'mailto' as const, url, path: null }
    },

    async openWebmail(reference, provider) {
      const { record } = requests.get(reference)
      const mail = emailOf(record)
      const { url, bodyIncluded } = webmailCompose(provider, mail, external.maxUrlLength)
      if (!bodyIncluded) {
        // Too long for the service's link: the text goes on the clipboard, to be pasted.
        try {
          await external.copyText(mail.body.replace(/\r\n|\r/g, '\n'))
        } catch (error) {
          throw coreError('EXTERNAL_FAILED', 'error.mail.webmailCopy', { provider: webmailNames[provider], reason: String((error as Error).message) })
        }
      }
      try {
        await external.openWebmail(url)
      } catch (error) {
        throw coreError('EXTERNAL_FAILED', 'error.mail.webmailOpen', { provider: webmailNames[provider], reason: String((error as Error).message) })
      }
      return { provider, url, bodyCopied: !bodyIncluded }
    },

    async saveEml(reference) {
      const { record } = requests.get(reference)
      const archive = record.sent?.email?.archive
      // Sent by Rightful: the exact message that went out, checked against its hash.
      const bytes = archive ? readArchive(archive) : await draftEml(record)
      const path = await files.save({ suggestedName: fileName(record, 'eml'), kind: 'eml', bytes })
      return { path }
    },

    smtpView,

    async saveSmtp({ smtp, password, sentCopy }) {
      const nextSentCopy = sentCopy ?? settings.get().sentCopy
      if (nextSentCopy.enabled && !nextSentCopy.host) {
        throw coreErrorAs('INVALID_INPUT', 'Enter the IMAP server that keeps your Sent folder, or turn the copy off.', 'error.mail.sentCopyHost', undefined, [{ path: 'sentCopy.host', message: 'Enter the IMAP server.', detail: message('issue.enterImapServer') }])
      }
      if (smtp && !smtp.user && password) {
        throw coreErrorAs('INVALID_INPUT', 'A password needs a user name.', 'error.mail.passwordNeedsUser', undefined, [{ path: 'smtp.user', message: 'Enter the user name that goes with the password.', detail: message('issue.enterUserName') }])
      }
      // The saved password goes only where it was given for: a new server, port, security, user or
      // certificate (or a new IMAP server for the Sent copy) needs it entered again, so that a page
      // cannot redirect it elsewhere, or downgrade it to clear text, without the user typing it.
      const current = settings.get()
      const endpoint = (s: SmtpSettings | null, c: typeof nextSentCopy) =>
        JSON.stringify([s?.host, s?.port, s?.security, s?.user, s?.trustedCertificate, c.enabled ? [c.host, c.port, c.security] : null])
      const moved = endpoint(current.smtp, current.sentCopy) !== endpoint(smtp, nextSentCopy)
      // The password first: if it cannot be kept safely, nothing changes.
      if (smtp === null || password === null || (moved && password === undefined)) {
        await secretStep(() => secrets.delete(smtpPasswordSecret))
      } else if (typeof password === 'string') {
        await secretStep(() => secrets.set(smtpPasswordSecret, password))
      }
      settings.save({ smtp, sentCopy: nextSentCopy })
      return smtpView()
    },

    async testSmtp() {
      const { config } = await smtpConfig()
      const failure = await verifySmtp(config)
      if (failure) throw new CoreError(failure.code, failure.message, undefined, failure.detail)
      return { server: serverLabel(config), user: config.user }
    },

    send: ({ reference, attachLetter, attachments, confirmResend }) => send({ reference, mode: 'send', attachLetter, attachments, confirmResend }),

    retry: (reference, confirmResend) => send({ reference, mode: 'retry', attachLetter: false, attachments: [], confirmResend }),

    outboxItems(reference) {
      if (reference) {
        requests.get(reference)
        const entry = outbox.get(reference)
        return entry ? [outboxItem(entry)] : []
      }
      return outbox.list().map(outboxItem)
    },

    async copyToSent(reference) {
      const entry = outbox.get(reference)
      if (!entry || entry.state !== 'sent') throw coreError('INVALID_STATE', 'error.mail.nothingToCopy', { reference })
      if (!settings.get().sentCopy.enabled) throw coreError('INVALID_STATE', 'error.mail.copyOff')
      const { smtp, password } = await smtpConfig()
      return outboxItem(await copyEntryToSent(entry, smtp, password))
    },
  }
  return service

  /** An .eml draft (X-Unsent: 1) of the request as drafted or as marked sent. */
  async function draftEml(record: RequestRecord): Promise<Uint8Array> {
    const mail = emailOf(record)
    return buildEml({
      from: { name: mail.sender.name, address: mail.sender.email },
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      date: now(),
      reference: record.reference,
    })
  }

  function readArchive(archive: { file: string; sha256: string }): Uint8Array {
    const file = path.resolve(dataDir, archive.file)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(fs.readFileSync(file))
    } catch (error) {
      throw coreError('NOT_FOUND', 'error.mail.archiveUnreadable', { file: archive.file, reason: reasonOf(error) })
    }
    if (sha256Hex(bytes) !== archive.sha256) {
      throw coreError('STORAGE_FAILED', 'error.mail.archiveChanged', { file: archive.file })
    }
    return bytes
  }
}
