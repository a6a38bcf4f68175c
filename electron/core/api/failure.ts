/**
 * What a handler's failure becomes for the caller: a CoreError keeps its code and words, a zod
 * error is INVALID_INPUT with each problem by its field, anything else is INTERNAL (and logged).
 * Shared by createApi and the narrow APIs of single commands (narrow-api.ts).
 */
import { z } from 'zod'
import type { ApiChannel } from './channels'
import { describeIssues } from './parse-input'
import { CoreError, fail, type Result } from '../shared/result'
import { failWith, zodProblems } from '../messages/errors'

/** The Result a call of `channel` ends with when its handler threw `error`. */
export function failureOf(channel: ApiChannel, error: unknown): Result<never> {
  if (error instanceof CoreError) return fail(error.code, error.message, error.issues, error.detail)
  if (error instanceof z.ZodError) {
    const issues = describeIssues(error)
    return fail('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues, zodProblems(error))
  }
  console.error(`[rightful] ${channel} failed:`, error)
  return failWith('INTERNAL', 'error.api.internal', { channel, reason: String((error as Error).message ?? error) })
}
