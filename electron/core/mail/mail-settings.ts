/**
 * How Rightful reaches the user's own mail server: the SMTP server it sends through and, when the
 * user wants it, the IMAP server that gets a copy in the Sent folder. One document in the 'mail'
 * store. The password is never part of it: it lives in the SecretStore port.
 */
import { z } from 'zod'
import { sentCopySettingsSchema, smtpSettingsSchema, type SentCopySettings, type SmtpSettings } from '../settings/server-schemas'
import type { NoticeBoard } from '../shared/notices'
import type { DocumentStore, SecretStore } from '../shared/ports'
import { fileStamp } from '../storage/files'
import type { PasswordStorage } from './mail-types'
import { noticeWords } from '../messages/errors'

export { hasControlCharacter, mailSecurities, sentCopySettingsSchema, smtpSettingsSchema } from '../settings/server-schemas'
export type { MailSecurity, SentCopySettings, SmtpSettings } from '../settings/server-schemas'

/** The name the SMTP password is kept under in the SecretStore (the IMAP copy uses it too). */
export const smtpPasswordSecret = 'smtp-password'

const defaultSentCopy: SentCopySettings = sentCopySettingsSchema.parse({})

const storedSchema = z.object({
  version: z.literal(1),
  smtp: smtpSettingsSchema.nullable(),
  sentCopy: sentCopySettingsSchema.default(defaultSentCopy),
})
/** The mail settings file as stored (the backup checks a restored one against it). */
export const storedMailSettingsSchema = storedSchema
export type MailSettings = { readonly smtp: SmtpSettings | null; readonly sentCopy: SentCopySettings }

export type MailSettingsStore = {
  get(): MailSettings
  save(next: MailSettings): MailSettings
}

export function openMailSettings(store: DocumentStore, notices: NoticeBoard): MailSettingsStore {
  /** What was read, with the file's stamp then: read again when another process changed the file. */
  let cached: { readonly stamp: string; readonly settings: MailSettings } | null = null
  const none: MailSettings = { smtp: null, sentCopy: defaultSentCopy }
  const get = (readAgain = true): MailSettings => {
    const stamp = fileStamp(store.path)
    if (cached && cached.stamp === stamp) return cached.settings
    const document = store.read()
    if (Object.keys(document).length === 0) return (cached = { stamp, settings: none }).settings
    const parsed = storedSchema.safeParse(document)
    if (parsed.success) return (cached = { stamp, settings: { smtp: parsed.data.smtp, sentCopy: parsed.data.sentCopy } }).settings
    const movedTo = store.moveAside()
    // Null: another process moved it aside (and told) or wrote it anew meanwhile: read that.
    if (movedTo === null) return readAgain ? get(false) : none
    notices.add({
      code: 'STORE_FILE_UNREADABLE',
      ...noticeWords('notice.mailSettings', { movedTo }),
      path: store.path,
      movedTo,
    })
    cached = null
    return none
  }
  return {
    get: () => get(),
    save(next) {
      const valid = storedSchema.parse({ version: 1, smtp: next.smtp, sentCopy: next.sentCopy })
      store.write(valid)
      cached = null
      return { smtp: valid.smtp, sentCopy: valid.sentCopy }
    },
  }
}

/** How `secrets` keeps a password: what the settings show (SmtpView, ImapView). Never rejects. */
export async function passwordStorageOf(secrets: Pick<SecretStore, 'persistent' | 'protection'>): Promise<PasswordStorage> {
  const protection = await secrets.protection()
  return { persistent: secrets.persistent, strong: protection === 'system' || protection === 'memory', protection }
}
