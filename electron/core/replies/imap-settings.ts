/**
 * Where replies are fetched from (opt-in): the user's IMAP server. The password is never part of
 * it: it lives in the SecretStore port, or the SMTP login is reused. The settings' schema lives in
 * settings/server-schemas.ts (pure, the window checks its form with it); imap-store.ts keeps them.
 */
import { z } from 'zod'
import { hasControlCharacter as hasAnyControlCharacter } from '../settings/server-schemas'

/** The name the IMAP password is kept under in the SecretStore. */
export const imapPasswordSecret = 'imap-password'

/** Control characters (line breaks and tabs included) have no place in a server's user or folder name. */
export const hasControlCharacter = (value: string): boolean => hasAnyControlCharacter(value, true)

export { imapSettingsSchema } from '../settings/server-schemas'
export type { ImapSettings } from '../settings/server-schemas'

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

