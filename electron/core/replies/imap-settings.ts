/**
 * Where replies are fetched from (opt-in): the user's IMAP server. The password is never part of
 * it: it lives in the SecretStore port, or the SMTP login is reused. Pure schemas, so the contract
 * and the renderer may use them; imap-store.ts keeps them.
 */
import { z } from 'zod'
import { mailSecurities } from '../mail/mail-settings'

/** The name the IMAP password is kept under in the SecretStore. */
export const imapPasswordSecret = 'imap-password'

/** Control characters (line breaks included) have no place in a server's user or folder name. */
export const hasControlCharacter = (value: string): boolean => [...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)
const singleLine = (what: string) => (value: string) => !hasControlCharacter(value) || `The ${what} must be a single line.`

export const imapSettingsSchema = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the server name, e.g. imap.example.org.')
    .max(253)
    .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[?[0-9A-Fa-f:.]+\]?$/, {
      message: 'Enter only the server name, e.g. imap.example.org (no imap://, no port, no spaces).',
    })
    .transform((host) => host.replace(/^\[|\]$/g, '')),
  port: z.number().int().min(1, 'A port is a number from 1 to 65535.').max(65535, 'A port is a number from 1 to 65535.'),
  /** 'tls': TLS from the first byte (993); 'starttls': upgrade required (143); 'none': no encryption. */
  security: z.enum(mailSecurities),
  /** Log in with the SMTP server's user name and password instead of own ones. */
  useSmtpLogin: z.boolean().default(false),
  user: z
    .string()
    .trim()
    .max(254)
    .refine((v) => singleLine('user name')(v) === true, 'The user name must be a single line.')
    .nullable()
    .default(null)
    .transform((user) => (user ? user : null)),
  mailbox: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => singleLine('folder name')(v) === true, 'The folder name must be a single line.')
    .default('INBOX'),
  /** A PEM certificate the user trusts for a self-hosted server. */
  trustedCertificate: z
    .string()
    .trim()
    .max(20_000)
    .regex(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/, 'Paste the certificate in PEM form (-----BEGIN CERTIFICATE----- …).')
    .nullable()
    .default(null),
})
export type ImapSettings = z.infer<typeof imapSettingsSchema>

export const mailboxStateSchema = z.object({
  /** UIDVALIDITY as a decimal string (it is a 32-bit number; imapflow gives a bigint). */
  uidValidity: z.string().regex(/^\d+$/),
  lastUid: z.number().int().nonnegative(),
  syncedAt: z.iso.datetime(),
})
export type MailboxState = z.infer<typeof mailboxStateSchema>

export const syncSummarySchema = z.object({
  at: z.iso.datetime(),
  account: z.string(),
  checked: z.number().int().nonnegative(),
  downloaded: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  error: z.string().nullable(),
})
export type SyncSummary = z.infer<typeof syncSummarySchema>

