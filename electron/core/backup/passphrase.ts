/**
 * A backup's passphrase: the one that opens a backup (any the user typed) and a new one (held to
 * more). Pure zod schemas, so that the contract checks them at the door and the window checks its
 * backup and restore forms with the same ones before anything is sent.
 */
import { z } from 'zod'

/** The longest passphrase taken (scrypt reads all of it). */
export const maxPassphraseLength = 1024

/** A passphrase that opens a backup: any the user typed. */
export const givenPassphraseSchema = z.string().min(1, 'Enter the passphrase.').max(maxPassphraseLength)

/** A passphrase a new backup is encrypted with. */
export const newPassphraseSchema = z
  .string()
  .min(8, 'Use a passphrase of at least 8 characters, or none.')
  .max(maxPassphraseLength, 'Use a passphrase of at most 1,024 characters.')

/**
 * The backup form: encrypted or not, the passphrase and its repetition. Encrypted, the passphrase
 * is a new one (said the way a person choosing one is helped: a few words beat a short password)
 * and the repetition must match it; plain, neither field is read.
 */
export const backupFormSchema = z
  .object({ encrypt: z.boolean(), passphrase: z.string(), repeat: z.string() })
  .superRefine(({ encrypt, passphrase, repeat }, context) => {
    if (!encrypt) return
    if (passphrase.length < 8) context.addIssue({ code: 'custom', path: ['passphrase'], message: 'Use at least 8 characters; a few words are easier to remember than a short password.' })
    else if (!newPassphraseSchema.safeParse(passphrase).success) context.addIssue({ code: 'custom', path: ['passphrase'], message: 'Use a passphrase of at most 1,024 characters.' })
    if (repeat !== passphrase) context.addIssue({ code: 'custom', path: ['repeat'], message: 'The two passphrases differ: type the same one twice.' })
  })
export type BackupForm = z.infer<typeof backupFormSchema>

/** The restore form: the passphrase of an encrypted backup (a given one, asked for as the one it was made with). */
export const restoreFormSchema = z.object({ passphrase: z.string().min(1, 'Enter the passphrase this backup was made with.').max(maxPassphraseLength) })
