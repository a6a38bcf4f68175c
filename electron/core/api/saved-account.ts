/**
 * The IMAP account saved in Settings → Replies, with its password from the secret store (or the
 * SMTP login's, when it reuses that): for the reply sync and for discovery in the inbox.
 */
import type { CoreContext } from './context'
import { openMailSettings, smtpPasswordSecret } from '../mail/mail-settings'
import type { ImapAccount } from '../replies/imap-sync'
import { imapPasswordSecret } from '../replies/imap-settings'
import { openImapStore } from '../replies/imap-store'
import { coreError } from '../messages/errors'
import { secretStep } from '../mail/secret-step'

/**
 * The saved account with the user and password it logs in with; IMAP_NOT_CONFIGURED,
 * IMAP_PASSWORD_MISSING or SECRETS_UNAVAILABLE when it cannot log in yet.
 */
export async function savedImapAccount(ctx: CoreContext, imap = openImapStore({ dataDir: ctx.ports.dataDir, notices: ctx.notices, now: () => ctx.ports.clock.now() })): Promise<ImapAccount> {
  const settings = imap.settings()
  if (!settings) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.notSetUp')
  let user = settings.user
  let secret = imapPasswordSecret
  if (settings.useSmtpLogin) {
    const smtp = openMailSettings(ctx.ports.stores.open('mail'), ctx.notices).get().smtp
    if (!smtp?.user) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.noSmtpUser')
    user = smtp.user
    secret = smtpPasswordSecret
  }
  if (!user) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.noUser')
  const password = await secretStep(() => ctx.ports.secrets.get(secret))
  if (!password) throw coreError('IMAP_PASSWORD_MISSING', 'error.imap.noPassword', { user, server: settings.host })
  return { host: settings.host, port: settings.port, security: settings.security, user, password, mailbox: settings.mailbox, trustedCertificate: settings.trustedCertificate }
}
