/**
 * Sending through the user's own mail server: the SMTP settings as the core shows them (never the
 * password), and each request's outbox entry. The core decides every state; this only caches it.
 */
import type { ApiError } from '@core/shared/result'
import type { SentCopySettings, SmtpSettings } from '@core/mail/mail-settings'
import type { OutboxItem, SmtpView } from '@core/mail/mail-types'
import { api, ApiFailure, messageOf, unwrap } from '../api'
import { withEntry } from './keyed'
import type { Slice } from './types'
import { formOutcomeOf, type FormOutcome } from '../ui/field-errors'
import { i18n } from '../i18n/i18n'
import { errorText } from '../ui/messages'

/** A toast's words in the window's language (namespace toasts). */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'toasts', ...params })

/** The mail form's fields, as the core names them in its errors. */
export const smtpFieldPaths = ['smtp.host', 'smtp.port', 'smtp.user', 'smtp.fromAddress', 'password', 'sentCopy.host', 'sentCopy.port', 'sentCopy.mailbox'] as const

export type SmtpInput = {
  smtp: Omit<SmtpSettings, 'trustedCertificate'> & { trustedCertificate?: string | null }
  /** A string sets it, null forgets it, undefined keeps it. */
  password?: string | null
  sentCopy?: SentCopySettings
}

/** What a send or a test came to: ok, or the core's error (code and message). */
export type MailOutcome = { ok: true } | { ok: false; error: ApiError }

export type MailSlice = {
  smtp: SmtpView | null
  /** Per request: its outbox entry, null when it has none; absent until loaded. */
  outbox: ReadonlyMap<string, OutboxItem | null>
  loadSmtp(): Promise<void>
  /** Saves the server; field errors come back for the form to place, the rest is a toast. */
  saveSmtp(input: SmtpInput): Promise<FormOutcome>
  removeSmtp(): Promise<boolean>
  testSmtp(): Promise<MailOutcome & { server?: string }>
  loadOutbox(reference: string): Promise<void>
  /** Sends (or, with `retry`, resends the kept message); the outbox entry is reloaded either way. */
  sendMail(reference: string, options: { attachLetter?: boolean; confirmResend?: boolean; retry?: boolean }): Promise<MailOutcome>
  copyToSent(reference: string): Promise<void>
}

const failure = (error: unknown): MailOutcome => ({
  ok: false,
  error: error instanceof ApiFailure ? error.error : { code: 'INTERNAL', message: messageOf(error) },
})

export const createMailSlice: Slice<MailSlice> = (set, get) => ({
  smtp: null,
  outbox: new Map(),

  async loadSmtp() {
    try {
      set({ smtp: unwrap(await api().mail.getSmtp({})) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },

  async saveSmtp(input) {
    try {
      set({ smtp: unwrap(await api().mail.saveSmtp(input)) })
      get().toast('success', said('mailSaved'))
      return { ok: true }
    } catch (error) {
      const outcome = formOutcomeOf(error, smtpFieldPaths)
      if (outcome.fields.size === 0) get().toast('error', messageOf(error))
      return outcome
    }
  },

  async removeSmtp() {
    try {
      set({ smtp: unwrap(await api().mail.saveSmtp({ smtp: null })) })
      get().toast('success', said('mailRemoved'))
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },

  async testSmtp() {
    try {
      const { server } = unwrap(await api().mail.testSmtp({}))
      return { ok: true, server }
    } catch (error) {
      return failure(error)
    }
  },

  async loadOutbox(reference) {
    try {
      const [item] = unwrap(await api().mail.outbox({ reference }))
      set({ outbox: withEntry(get().outbox, reference, item ?? null) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },

  async sendMail(reference, { attachLetter = false, confirmResend = false, retry = false }) {
    let outcome: MailOutcome
    try {
      const { item, request } = unwrap(
        retry ? await api().mail.retry({ reference, confirmResend }) : await api().mail.send({ reference, attachLetter, confirmResend }),
      )
      set({ outbox: withEntry(get().outbox, reference, item), views: withEntry(get().views, reference, request) })
      await get().loadRequests()
      get().toast('success', said('sent', { reference }))
      outcome = { ok: true }
    } catch (error) {
      outcome = failure(error)
    }
    if (!outcome.ok) await get().loadOutbox(reference)
    return outcome
  },

  async copyToSent(reference) {
    try {
      const item = unwrap(await api().mail.copyToSent({ reference }))
      set({ outbox: withEntry(get().outbox, reference, item) })
      if (item.sentCopy.state === 'copied') get().toast('success', said('copied', { mailbox: item.sentCopy.mailbox ?? i18n.t('sendPanel.sentMailbox', { ns: 'requests' }) }))
      else get().toast('error', said('copyFailed', { reason: item.sentCopy.error ? errorText({ message: item.sentCopy.error, detail: item.sentCopy.detail ?? undefined }) : i18n.t('sendPanel.unknownReason', { ns: 'requests' }) }))
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
})
