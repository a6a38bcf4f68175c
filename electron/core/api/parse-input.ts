/**
 * Parsing a call's one argument object with its channel's schema (contract.ts), apart from
 * createApi so that the main process can check a call before it leaves for the core's process
 * without loading the core.
 */
import type { z } from 'zod'
import type { ApiChannel } from './channels'
import { contract } from './contract'
import { fail, ok, type Result } from '../shared/result'
import { message } from '../shared/message'
import { fieldProblem, zodIssueMessage } from '../messages/errors'

/** A zod error's problems, each by its field's path. */
export function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, detail: zodIssueMessage(issue) }))
}

/**
 * Parses a call's one argument object with its channel's schema: the parsed input, or
 * INVALID_INPUT with each problem by its field. createApi does it for every call; the main
 * process does it too before a call leaves for the core's process.
 */
export function parseInput(channel: ApiChannel, input: unknown): Result<unknown> {
  const parsed = contract[channel].input.safeParse(input ?? {})
  if (parsed.success) return ok(parsed.data)
  const issues = describeIssues(parsed.error)
  const first = issues[0]
  const firstIssue = parsed.error.issues[0]
  const detail = firstIssue ? (firstIssue.path.length ? fieldProblem(firstIssue.path, zodIssueMessage(firstIssue)) : zodIssueMessage(firstIssue)) : message('issue.zod.invalid')
  return fail('INVALID_INPUT', first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid input.', issues, detail)
}

