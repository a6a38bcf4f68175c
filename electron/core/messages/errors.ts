/**
 * Errors and field problems whose words come from the core's message resources: the English text
 * (what `message` has always said, for logs, tests and the CLI's default) rendered from the same
 * key and parameters that travel beside it as `detail`, so that each host can say it in the
 * user's language.
 */
import type { z } from 'zod'
import { CoreError, fail, type ApiError, type ErrorCode } from '../shared/result'
import { message, type Message, type MessageParam } from '../shared/message'
import { renderMessage } from './render'
import { coreResources, type MessageResource } from './resources'

/** A CoreError whose words are the message `key` with `params`. */
export function coreError(code: ErrorCode, key: string, params?: Readonly<Record<string, MessageParam>>): CoreError {
  const detail = message(key, params)
  return new CoreError(code, renderMessage(detail, 'en'), undefined, detail)
}

/** A failed Result whose words are the message `key` with `params`. */
export function failWith(code: ErrorCode, key: string, params?: Readonly<Record<string, MessageParam>>): { ok: false; error: ApiError } {
  const detail = message(key, params)
  return fail(code, renderMessage(detail, 'en'), undefined, detail)
}

let issueKeys: ReadonlyMap<string, string> | null = null

/**
 * The key of a field problem from its English words: a schema's own message ("Enter your name.")
 * is one of the `issue.*` messages, word for word. Those messages take no parameters.
 */
function issueKeyOf(text: string): string | null {
  if (!issueKeys) {
    const keys = new Map<string, string>()
    const walk = (tree: MessageResource, prefix: string) => {
      for (const [name, value] of Object.entries(tree)) {
        if (typeof value === 'string') keys.set(value, `${prefix}.${name}`)
        else walk(value, `${prefix}.${name}`)
      }
    }
    const issues = coreResources.get('en')?.issue
    if (issues && typeof issues !== 'string') walk(issues, 'issue')
    issueKeys = keys
  }
  return issueKeys.get(text) ?? null
}

/** A field problem with its message's key beside its words, where the resources have them. */
export function withIssueDetail<T extends { readonly path: string; readonly message: string }>(issue: T): T & { readonly detail?: Message } {
  const key = issueKeyOf(issue.message)
  return key ? { ...issue, detail: message(key) } : issue
}

/** A notice's words: the English `message` and its `detail`, from the message `key` with `params`. */
export function noticeWords(key: string, params?: Readonly<Record<string, string | number>>): { readonly message: string; readonly detail: Message } {
  const detail = message(key, params)
  return { message: renderMessage(detail, 'en'), detail }
}

/** A zod problem's field as people read it ("value" for the whole input). */
const fieldOf = (path: ReadonlyArray<PropertyKey>): string => path.map(String).join('.') || 'value'

/**
 * A zod problem as a message: a schema's own words by their `issue.*` key where the resources
 * have them, else a message made from the problem's zod code and limits (never from outside
 * text), so that every field problem reads in the user's language.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue): Message {
  const own = issueKeyOf(issue.message)
  if (own) return message(own)
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps no input in its issues; a missing field is the one "received undefined".
      return message(/received undefined$/.test(issue.message) ? 'issue.zod.required' : 'issue.zod.invalidType', { expected: String(issue.expected) })
    case 'too_big': {
      const maximum = Number(issue.maximum)
      if (issue.origin === 'string') return message('issue.zod.tooLong', { maximum })
      if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'map') return message('issue.zod.tooMany', { maximum })
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return message('issue.zod.tooLarge', { maximum })
      return message('issue.zod.invalid')
    }
    case 'too_small': {
      const minimum = Number(issue.minimum)
      if (issue.origin === 'string') return message(minimum <= 1 ? 'issue.zod.empty' : 'issue.zod.tooShort', { minimum })
      if (issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'map') return message('issue.zod.tooFew', { minimum })
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return message('issue.zod.tooSmall', { minimum })
      return message('issue.zod.invalid')
    }
    case 'invalid_format':
      if (issue.format === 'email') return message('issue.notEmail')
      if (issue.format === 'url') return message('issue.zod.notUrl')
      if (issue.format === 'date' || issue.format === 'datetime') return message('issue.zod.notDate')
      return message('issue.zod.badFormat')
    case 'invalid_value':
      return message('issue.zod.notOneOf', { values: issue.values.map((v) => String(v)).join(', ').slice(0, 500) })
    case 'unrecognized_keys':
      return message('issue.zod.unknownFields', { fields: issue.keys.join(', ').slice(0, 500) })
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return message('issue.zod.invalid')
    default:
      return message('issue.zod.invalid')
  }
}

/** One field problem: "path: problem". */
export function fieldProblem(path: ReadonlyArray<PropertyKey>, problem: Message): Message {
  return message('error.input.field', { field: fieldOf(path), problem })
}

/** A zod error's problems as one message ("name: Enter your name.; emails.0: …"), at most three of them. */
export function zodProblems(error: z.ZodError): Message {
  const [a, b, c] = error.issues.slice(0, 3).map((issue) => fieldProblem(issue.path, zodIssueMessage(issue)))
  const more = error.issues.length - 3
  if (!a) return message('issue.zod.invalid')
  if (!b) return message('error.input.problems.one', { a })
  if (!c) return message('error.input.problems.two', { a, b })
  return more > 0 ? message('error.input.problems.more', { a, b, c, count: more }) : message('error.input.problems.three', { a, b, c })
}

/** What went wrong outside the core, for a message's `reason`: the system's code (ENOENT, EACCES) where there is one, else its words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return String(typeof code === 'string' && code ? code : ((error as Error | null)?.message ?? error)).slice(0, 500)
}

/**
 * A CoreError whose English words stay as the caller wrote them (they quote a schema's own English
 * problems), with the message `key` and `params` beside them as its detail.
 */
export function coreErrorAs(code: ErrorCode, english: string, key: string, params?: Readonly<Record<string, MessageParam>>, issues?: ApiError['issues']): CoreError {
  return new CoreError(code, english, issues, message(key, params))
}

/** A zod error's problems as field problems, each with its message beside its words. */
export function zodIssues(error: z.ZodError): Array<{ readonly path: string; readonly message: string; readonly detail: Message }> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, detail: zodIssueMessage(issue) }))
}
