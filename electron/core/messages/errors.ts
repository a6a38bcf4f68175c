/**
 * Errors and field problems whose words come from the core's message resources: the English text
 * (what `message` has always said, for logs, tests and the CLI's default) rendered from the same
 * key and parameters that travel beside it as `detail`, so that each host can say it in the
 * user's language.
 */
import { CoreError, fail, type ApiError, type ErrorCode } from '../api/result'
import { message, type Message, type MessageParam } from './message'
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
