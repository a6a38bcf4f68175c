/**
 * The one way the core reads or changes a secret (the SMTP and IMAP passwords): a failure of the
 * secret store itself (a locked keyring, a damaged file) comes back as data, SECRETS_UNAVAILABLE
 * with the store's reason, while the core's own errors pass through as they are.
 */
import { CoreError } from '../shared/result'
import { coreError } from '../messages/errors'

export async function secretStep<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw coreError('SECRETS_UNAVAILABLE', 'error.secrets', { reason: String((error as Error).message) })
  }
}
