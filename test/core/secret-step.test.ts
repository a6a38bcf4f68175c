/** The one secret step: the store's own failure is SECRETS_UNAVAILABLE with its reason; the core's errors pass as they are. */
import { describe, expect, it } from 'vitest'
import { secretStep } from '../../electron/core/mail/secret-step'
import { CoreError } from '../../electron/core/shared/result'

describe('secretStep', () => {
  it('gives the value of a step that works', async () => {
    expect(await secretStep(async () => 'hunter2')).toBe('hunter2')
  })

  it("turns the store's own failure into SECRETS_UNAVAILABLE, with its reason in the message's parameters", async () => {
    const failed = await secretStep(async () => {
      throw new Error('The keyring is locked')
    }).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(CoreError)
    expect((failed as CoreError).code).toBe('SECRETS_UNAVAILABLE')
    expect((failed as CoreError).detail?.params?.reason).toBe('The keyring is locked')
  })

  it("passes the core's own errors through unchanged", async () => {
    const own = new CoreError('IMAP_PASSWORD_MISSING', 'No password')
    expect(await secretStep(async () => Promise.reject(own)).catch((error: unknown) => error)).toBe(own)
  })
})
