/**
 * How Rightful reaches the user's own mail server: the SMTP server it sends through and, when the
 * user wants it, the IMAP server that gets a copy in the Sent folder. One document in the 'mail'
 * store. The password is never part of it: it lives in the SecretStore port.
 */
import { z } from 'zod'
import { emailAddressSchema } from '../shared/schemas'
import type { NoticeBoard } from '../shared/notices'
import type { DocumentStore, SecretStore } from '../shared/ports'
import { fileStamp } from '../storage/files'
import type { PasswordStorage } from './mail-types'
import { noticeWords } from '../messages/errors'

/** 'tls': TLS from the first byte (port 465); 'starttls': upgrade required (587); 'none': no encryption. */
export const mailSecurities = ['tls', 'starttls', 'none'] as const
export type MailSecurity = (typeof mailSecurities)[number]

/** True when `text` holds a control character (a line break, NUL, DEL …); a tab only when `tabs` is false. */
export function hasControlCharacter(text: string, tabs = false): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0)
    if ((code < 32 && (tabs || code !== 9)) || code === 127) return true
  }
  return false
}

/** The name the SMTP password is kept under in the SecretStore (the IMAP copy uses it too). */
export const smtpPasswordSecret = 'smtp-password'

const hostSchema = z
  .string()
  .trim()
  .min(1, 'Enter the server name, e.g. smtp.example.org.')
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[?[0-9A-Fa-f:.]+\]?$/, {
    message: 'Enter only the server name, e.g. smtp.example.org (no smtp://, no port, no spaces).',
  })
  .transform((host) => host.replace(/^\[|\]$/g, ''))

const portSchema = z.number().int().min(1, 'A port is a number from 1 to 65535.').max(65535, 'A port is a number from 1 to 65535.')

/** A PEM certificate the user trusts for a self-hosted server, besides the system's authorities. */
const certificateSchema = z
  .string()
  .trim()
  .max(20_000)
  .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/, 'Paste the certificate in PEM form (-----BEGIN CERTIFICATE----- …).')

export const smtpSettingsSchema = z.strictObject({
  host: hostSchema,
  port: portSchema,
  security: z.enum(mailSecurities),
  /** The login name; empty or null: the server takes mail without logging in. */
  user: z
    .string()
    .trim()
    .max(254)
    .refine((user) => !hasControlCharacter(user, true), 'The user name must be a single line.')
    .nullable()
    .default(null)
    .transform((user) => (user ? user : null)),
  /** The From address; null: the e-mail address in the profile. */
  fromAddress: emailAddressSchema.nullable().default(null),
  trustedCertificate: certificateSchema.nullable().default(null),
})
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>

export const sentCopySettingsSchema = z.strictObject({
  /** Off by default: a copy in the IMAP Sent folder is best effort and optional. */
  enabled: z.boolean().default(false),
  host: hostSchema.nullable().default(null),
  port: portSchema.default(993),
  security: z.enum(mailSecurities).default('tls'),
  /** The folder's name; null: the one the server marks as \Sent, else "Sent". */
  mailbox: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((name) => !hasControlCharacter(name, true), 'The folder name must be a single line.')
    .nullable()
    .default(null),
})
export type SentCopySettings = z.infer<typeof sentCopySettingsSchema>

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
