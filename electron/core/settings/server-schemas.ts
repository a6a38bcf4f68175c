/**
 * The user's own mail servers as settings: the SMTP server Rightful sends through, the IMAP copy
 * in the Sent folder, and the IMAP inbox replies are fetched from. Pure zod schemas (no file, no
 * Node): the contract, the mail and replies domains keep and check them, and the window checks a
 * form with the same ones before anything is sent. Passwords are never part of them.
 */
import { z } from 'zod'
import { emailAddressSchema } from '../shared/schemas'

/** 'tls': TLS from the first byte (port 465); 'starttls': upgrade required (587); 'none': no encryption. */
export const mailSecurities = ['tls', 'starttls', 'none'] as const
export type MailSecurity = (typeof mailSecurities)[number]

/** True when `text` holds a control character (a line break, NUL, DEL …); a tab only when `tabs` is true. */
export function hasControlCharacter(text: string, tabs = false): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0)
    if ((code < 32 && (tabs || code !== 9)) || code === 127) return true
  }
  return false
}

/** A host name, an IPv4 address or an IPv6 address (brackets allowed, then dropped). */
const hostRule = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[?[0-9A-Fa-f:.]+\]?$/
/** A server's name, with the words for a missing one and for one that is more than a name. */
const hostSchemaSaying = (missing: string, notOnlyName: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(253)
    .regex(hostRule, { message: notOnlyName })
    .transform((host) => host.replace(/^\[|\]$/g, ''))

const hostSchema = hostSchemaSaying(
  'Enter the server name, e.g. smtp.example.org.',
  'Enter only the server name, e.g. smtp.example.org (no smtp://, no port, no spaces).',
)

const portSchema = z.number().int().min(1, 'A port is a number from 1 to 65535.').max(65535, 'A port is a number from 1 to 65535.')

/** A PEM certificate the user trusts for a self-hosted server, besides the system's authorities. */
const certificateSchema = z
  .string()
  .trim()
  .max(20_000)
  .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/, 'Paste the certificate in PEM form (-----BEGIN CERTIFICATE----- …).')


/** A mail folder's name on one line. */
const folderNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !hasControlCharacter(name, true), 'The folder name must be a single line.')

/** A login name on one line; empty or null: none (the server takes mail without logging in). */
const loginNameSchema = z
  .string()
  .trim()
  .max(254)
  .refine((user) => !hasControlCharacter(user, true), 'The user name must be a single line.')
  .nullable()
  .default(null)
  .transform((user) => (user ? user : null))
export const smtpSettingsSchema = z.strictObject({
  host: hostSchema,
  port: portSchema,
  security: z.enum(mailSecurities),
  /** The login name; empty or null: the server takes mail without logging in. */
  user: loginNameSchema,
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
  mailbox: folderNameSchema.nullable().default(null),
})
export type SentCopySettings = z.infer<typeof sentCopySettingsSchema>

/** A server password as typed: a string sets it, null forgets it, left out keeps it. */
export const serverPasswordSchema = z.string().min(1).max(1000)

/** What the mail settings form saves (mail:saveSmtp): the SMTP server or none, its password, the Sent copy. */
export const smtpSaveSchema = z.strictObject({
  smtp: smtpSettingsSchema.nullable(),
  password: serverPasswordSchema.nullable().optional(),
  sentCopy: sentCopySettingsSchema.optional(),
})

export const imapSettingsSchema = z.strictObject({
  host: hostSchemaSaying(
    'Enter the server name, e.g. imap.example.org.',
    'Enter only the server name, e.g. imap.example.org (no imap://, no port, no spaces).',
  ),
  port: portSchema,
  /** 'tls': TLS from the first byte (993); 'starttls': upgrade required (143); 'none': no encryption. */
  security: z.enum(mailSecurities),
  /** Log in with the SMTP server's user name and password instead of own ones. */
  useSmtpLogin: z.boolean().default(false),
  user: loginNameSchema,
  mailbox: folderNameSchema.default('INBOX'),
  /** A PEM certificate the user trusts for a self-hosted server. */
  trustedCertificate: certificateSchema.nullable().default(null),
})
export type ImapSettings = z.infer<typeof imapSettingsSchema>

/** What the replies' IMAP form saves (replies:saveImap): the inbox or none (sync off), its password. */
export const imapSaveSchema = z.strictObject({ settings: imapSettingsSchema.nullable(), password: serverPasswordSchema.nullable().optional() })
