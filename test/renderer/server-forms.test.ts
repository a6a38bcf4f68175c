/**
 * The mail settings, IMAP and passphrase forms check what is typed with the core's own schemas
 * (settings/server-schemas.ts, backup/passphrase.ts) before anything is sent: a bad value gets
 * its words on its field and the resolver hands nothing on (react-hook-form then calls no submit
 * handler); a good one hands on the form's values, and the form saves the same payload as before.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { FieldValues, ResolverOptions } from 'react-hook-form'
import type { z } from 'zod'
import { applyUiLanguage } from '../../renderer/src/i18n/i18n'
import { coreSchemaResolver, fieldErrorText } from '../../renderer/src/ui/schema-form'
import { backupFormSchema, restoreFormSchema, type BackupForm } from '@core/backup/passphrase'
import { imapSaveSchema, smtpSaveSchema } from '@core/settings/server-schemas'
import { smtpInputOf, smtpPathBack, type SmtpForm } from '../../renderer/src/features/settings/MailSettings'
import { imapFormOf, imapInputOf, imapPathBack, type ImapFormValues } from '../../renderer/src/features/replies/ImapSettingsCard'
import { contract } from '@core/api/contract'
import { redactFormSchema } from '@core/evidence/model'
import { postedFormSchema, type PostedForm } from '../../renderer/src/features/dashboard/RequestSelection'
import { redactPathBack, type RedactForm } from '../../renderer/src/features/followups/RedactDialog'
import { discoverFormSchema, type DiscoverForm } from '../../renderer/src/features/bulk/DiscoverPage'
import { reasonsOf } from '../../renderer/src/features/followups/ExtensionPanel'
import { maxBatchCompanies } from '@core/bulk/model'

const options = <V extends FieldValues>(): ResolverOptions<V> => ({ fields: {}, shouldUseNativeValidation: false })

afterEach(() => applyUiLanguage('en'))

describe('the mail settings form', () => {
  const smtp = (patch: Partial<SmtpForm> = {}): SmtpForm => ({
    host: ' smtp.example.org ',
    port: '587',
    security: 'starttls',
    user: 'alex@example.org',
    fromAddress: '',
    password: 'a mail password',
    copy: false,
    imapHost: '',
    imapPort: '993',
    imapSecurity: 'tls',
    mailbox: '',
    ...patch,
  })
  const resolve = (values: SmtpForm, certificate: string | null = null) =>
    coreSchemaResolver<SmtpForm>(smtpSaveSchema, (v) => smtpInputOf(v, certificate), smtpPathBack)(values, undefined, options<SmtpForm>())

  it('saves the same payload as before, which the contract takes', async () => {
    const values = smtp({ copy: true, imapHost: 'imap.example.org', imapPort: '', mailbox: ' Sent ' })
    const result = await resolve(values)
    expect(result.errors).toEqual({})
    expect(result.values).toBe(values)
    const input = smtpInputOf(values, null)
    expect(input).toEqual({
      smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'alex@example.org', fromAddress: null, trustedCertificate: null },
      password: 'a mail password',
      sentCopy: { enabled: true, host: 'imap.example.org', port: 993, security: 'tls', mailbox: 'Sent' },
    })
    expect(contract['mail:saveSmtp'].input.safeParse(input).success).toBe(true)
    expect(smtpInputOf(smtp({ password: '' }), null)).not.toHaveProperty('password')
  })

  it('puts a bad server, port and From address on their fields and hands nothing on', async () => {
    const result = await resolve(smtp({ host: 'smtp://mail.example.org', port: '0', fromAddress: 'alex at example' }))
    expect(result.values).toEqual({})
    expect(fieldErrorText(result.errors, 'host')).toBe('Enter only the server name, e.g. smtp.example.org (no smtp://, no port, no spaces).')
    expect(fieldErrorText(result.errors, 'port')).toBe('A port is a number from 1 to 65535.')
    expect(fieldErrorText(result.errors, 'fromAddress')).toBe('This is not an e-mail address.')
    expect(fieldErrorText(result.errors, 'user')).toBeUndefined()
  })

  it('says them in Chinese, and a problem of a value the form does not show on the form itself', async () => {
    applyUiLanguage('zh-Hans')
    const zh = await resolve(smtp({ host: '' }))
    const words = fieldErrorText(zh.errors, 'host')
    expect(words).toBeTruthy()
    expect(words).not.toMatch(/Enter/)
    applyUiLanguage('en')
    const unshown = await resolve(smtp({ copy: true, imapHost: 'imap.example.org', mailbox: 'a\nb' }))
    expect(fieldErrorText(unshown.errors, 'root.unshown')).toBe('The folder name must be a single line.')
    const certificate = await resolve(smtp(), 'not a certificate')
    expect(fieldErrorText(certificate.errors, 'root.unshown')).toMatch(/PEM/)
  })
})

describe('the IMAP form', () => {
  const imap = (patch: Partial<ImapFormValues> = {}): ImapFormValues => ({
    ...imapFormOf(null),
    enabled: true,
    host: 'imap.example.org',
    user: ' alex ',
    password: 'secret',
    ...patch,
  })
  const resolve = (values: ImapFormValues) =>
    coreSchemaResolver<ImapFormValues>(imapSaveSchema, (v) => imapInputOf(v, null), imapPathBack)(values, undefined, options<ImapFormValues>())

  it('saves the same settings and password as before', async () => {
    const values = imap({ mailbox: ' ' })
    expect((await resolve(values)).values).toBe(values)
    expect(imapInputOf(values, null)).toEqual({
      settings: { host: 'imap.example.org', port: 993, security: 'tls', useSmtpLogin: false, user: 'alex', mailbox: 'INBOX', trustedCertificate: null },
      password: 'secret',
    })
    // With the SMTP login: neither a user nor a password of its own.
    expect(imapInputOf(imap({ useSmtpLogin: true }), null)).toEqual({
      settings: { host: 'imap.example.org', port: 993, security: 'tls', useSmtpLogin: true, user: null, mailbox: 'INBOX', trustedCertificate: null },
    })
    // Off: the sync is turned off, whatever the fields hold.
    const off = imap({ enabled: false, host: '', port: 'x' })
    expect((await resolve(off)).errors).toEqual({})
    expect(imapInputOf(off, null)).toEqual({ settings: null })
    expect(imapFormOf({ host: 'h.example', port: 143, security: 'starttls', useSmtpLogin: false, user: null, mailbox: 'INBOX', trustedCertificate: null }).port).toBe('143')
  })

  it('puts a bad server, port and user name on their fields and hands nothing on', async () => {
    const result = await resolve(imap({ host: 'imap.example.org:993', port: '70000', user: 'a\nb' }))
    expect(result.values).toEqual({})
    expect(fieldErrorText(result.errors, 'host')).toBe('Enter only the server name, e.g. imap.example.org (no imap://, no port, no spaces).')
    expect(fieldErrorText(result.errors, 'port')).toBe('A port is a number from 1 to 65535.')
    expect(fieldErrorText(result.errors, 'user')).toBe('The user name must be a single line.')
    expect(imapPathBack('settings.trustedCertificate')).toBe('root.unshown')
    expect(imapPathBack('password')).toBe('password')
  })
})

describe('the backup and restore forms', () => {
  const resolveBackup = (values: BackupForm) => coreSchemaResolver<BackupForm>(backupFormSchema)(values, undefined, options<BackupForm>())
  const resolveRestore = (values: { passphrase: string }) => coreSchemaResolver<{ passphrase: string }>(restoreFormSchema)(values, undefined, options<{ passphrase: string }>())

  it('asks for a passphrase of 8 characters or more, typed the same twice, only when encrypting', async () => {
    const short = await resolveBackup({ encrypt: true, passphrase: 'short', repeat: 'short' })
    expect(short.values).toEqual({})
    expect(fieldErrorText(short.errors, 'passphrase')).toBe('Use at least 8 characters; a few words are easier to remember than a short password.')
    expect(fieldErrorText(short.errors, 'repeat')).toBeUndefined()
    const differ = await resolveBackup({ encrypt: true, passphrase: 'correct horse', repeat: 'correct horse!' })
    expect(fieldErrorText(differ.errors, 'repeat')).toBe('The two passphrases differ: type the same one twice.')
    expect(fieldErrorText(differ.errors, 'passphrase')).toBeUndefined()
    const long = await resolveBackup({ encrypt: true, passphrase: 'x'.repeat(1025), repeat: 'x'.repeat(1025) })
    expect(fieldErrorText(long.errors, 'passphrase')).toBe('Use a passphrase of at most 1,024 characters.')
    const fine = { encrypt: true, passphrase: 'correct horse', repeat: 'correct horse' }
    expect((await resolveBackup(fine)).values).toBe(fine)
    const plain = { encrypt: false, passphrase: 'x', repeat: '' }
    expect((await resolveBackup(plain)).values).toBe(plain)
  })

  it('says them in German', async () => {
    applyUiLanguage('de')
    const short = await resolveBackup({ encrypt: true, passphrase: 'kurz', repeat: 'lang' })
    expect(fieldErrorText(short.errors, 'passphrase')).toMatch(/8 Zeichen/)
    expect(fieldErrorText(short.errors, 'repeat')).toMatch(/Passphrasen/)
  })

  it('asks for the passphrase a backup was made with before reading it', async () => {
    const empty = await resolveRestore({ passphrase: '' })
    expect(empty.values).toEqual({})
    expect(fieldErrorText(empty.errors, 'passphrase')).toBe('Enter the passphrase this backup was made with.')
    const given = { passphrase: 'correct horse' }
    expect((await resolveRestore(given)).values).toBe(given)
  })
})

/** The schemas are the contract's own: what the forms let through, the door takes. */
describe('the door', () => {
  it('takes what the backup form lets through', () => {
    const schema = contract['backup:create'].input as z.ZodType
    expect(schema.safeParse({ passphrase: 'correct horse' }).success).toBe(true)
    expect(schema.safeParse({ passphrase: 'short' }).success).toBe(false)
  })
})

describe('the posted-on date of the picked letters', () => {
  const resolve = (values: PostedForm) => coreSchemaResolver<PostedForm>(postedFormSchema)(values, undefined, options<PostedForm>())

  it('takes a date that exists, as bulk:markPosted does, and refuses one that does not', async () => {
    const fine = { on: '2026-03-09' }
    expect((await resolve(fine)).values).toBe(fine)
    const impossible = await resolve({ on: '2026-02-30' })
    expect(impossible.values).toEqual({})
    expect(fieldErrorText(impossible.errors, 'on')).toBe('This date does not exist in the calendar.')
    expect(fieldErrorText((await resolve({ on: '' })).errors, 'on')).toBe('Use a date in the form YYYY-MM-DD.')
    expect(contract['bulk:markPosted'].input.shape.on.safeParse('2026-02-30').success).toBe(false)
  })
})

describe('the redaction tool', () => {
  const box = { x: 0.1, y: 0.1, width: 0.2, height: 0.1 }
  const resolve = (values: RedactForm) => coreSchemaResolver<RedactForm>(redactFormSchema, (v) => v, redactPathBack)(values, undefined, options<RedactForm>())

  it('asks for a copy with the boxes and format drawn', async () => {
    const values: RedactForm = { boxes: [box, { x: 0.5, y: 0.5, width: 0.5, height: 0.5 }], format: 'pdf' }
    expect((await resolve(values)).values).toBe(values)
  })

  it('says too many boxes, and a box outside the picture, beside the count, and asks for nothing', async () => {
    const many = await resolve({ boxes: Array.from({ length: 101 }, () => box), format: 'png' })
    expect(many.values).toEqual({})
    expect(fieldErrorText(many.errors, 'boxes')).toBe('Draw at most 100 boxes.')
    const outside = await resolve({ boxes: [box, { x: 0.9, y: 0, width: 0.2, height: 0.1 }], format: 'png' })
    expect(fieldErrorText(outside.errors, 'boxes')).toBe('A box must lie inside the image.')
    applyUiLanguage('fr')
    expect(fieldErrorText((await resolve({ boxes: Array.from({ length: 101 }, () => box), format: 'png' })).errors, 'boxes')).toBe('Dessinez au plus 100 cadres.')
  })
})

describe('the companies found in a mailbox', () => {
  const resolve = (values: DiscoverForm) => coreSchemaResolver<DiscoverForm>(discoverFormSchema)(values, undefined, options<DiscoverForm>())

  it('asks for a batch of the picks, as many as a batch holds at most', async () => {
    const fine: DiscoverForm = { picked: ['fs-com', 'acme'], allFolders: false }
    expect((await resolve(fine)).values).toBe(fine)
    const many = await resolve({ picked: Array.from({ length: maxBatchCompanies + 1 }, (_, i) => `c${i}`), allFolders: true })
    expect(many.values).toEqual({})
    expect(fieldErrorText(many.errors, 'picked')).toContain(String(maxBatchCompanies))
    expect(fieldErrorText((await resolve({ picked: [], allFolders: false })).errors, 'picked')).toBeTruthy()
    expect(contract['bulk:create'].input.safeParse({ companies: Array.from({ length: maxBatchCompanies + 1 }, (_, i) => `c${i}`), type: 'access' }).success).toBe(false)
  })
})

describe('the answer about an extension’s reasons', () => {
  it('is what requests:checkExtension takes', () => {
    expect([reasonsOf('yes'), reasonsOf('no'), reasonsOf('unsure')]).toEqual([true, false, null])
    for (const answer of ['yes', 'no', 'unsure'] as const) expect(contract['requests:checkExtension'].input.safeParse({ reference: 'RF-2026-0001', reasonsGiven: reasonsOf(answer) }).success).toBe(true)
  })
})
