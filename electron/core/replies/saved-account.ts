/**
 * The IMAP account saved in Settings → Replies, with its password from the secret store (or the
 * SMTP login's, when it reuses that): for the reply sync and for discovery in the inbox.
 */
import type { CoreContext } from '../api/handlers'
import { CoreError } from '../api/result'
import { openMailSettings, smtpPasswordSecret } from '../mail/mail-settings'
import type { ImapAccount } from './imap-sync'
import { imapPasswordSecret } from './imap-settings'
import { openImapStore } from './imap-store'

/**
 * The saved account with the user and password it logs in with; IMAP_NOT_CONFIGURED,
 * IMAP_PASSWORD_MISSING or SECRETS_UNAVAILABLE when it cannot log in yet.
 */
export async function savedImapAccount(ctx: CoreContext, imap = openImapStore({ dataDir: ctx.ports.dataDir, notices: ctx.notices, now: () => ctx.ports.clock.now() })): Promise<ImapAccount> {
  const settings = imap.settings()
  if (!settings) throw new CoreError('IMAP_NOT_CONFIGURED', 'No IMAP server is set up: enter it in Settings → Replies.')
  let user = settings.user
  let secret = imapPasswordSecret
  if (settings.useSmtpLogin) {
    const smtp = openMailSettings(ctx.ports.stores.open('mail'), ctx.notices).get().smtp
    if (!smtp?.user) throw new CoreError('IMAP_NOT_CONFIGURED', 'The IMAP settings reuse the SMTP login, but no SMTP user name is saved.')
    user = smtp.user
    secret = smtpPasswordSecret
  }
  if (!user) throw new CoreError('IMAP_NOT_CONFIGURED', 'Enter the IMAP user name in Settings → Replies.')
  let password: string | null
  try {
    password = await ctx.ports.secrets.get(secret)
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw new CoreError('SECRETS_UNAVAILABLE', `The password store could not be used: ${(error as Error).message}`)
  }
  if (!password) throw new CoreError('IMAP_PASSWORD_MISSING', `No password is saved for ${user} on ${settings.host}: enter it in Settings → Replies.`)
  return { host: settings.host, port: settings.port, security: settings.security, user, password, mailbox: settings.mailbox, trustedCertificate: settings.trustedCertificate }
}
