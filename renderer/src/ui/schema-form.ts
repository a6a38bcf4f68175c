/**
 * Forms checked by the core's own zod schemas before anything is sent: react-hook-form holds the
 * fields, @hookform/resolvers' zodResolver runs the schema, and each problem is said in the
 * window's language beside its field (the schema's own words by their `issue.*` key, the others
 * from the problem's zod code and limits, the way the core says them). What only the core can
 * check (it answers INVALID_INPUT with problems by field) lands on the same fields afterwards.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { withIssueDetail, zodIssueMessage } from '@core/messages/errors'
import type { FormOutcome } from './field-errors'
import { errorText, messageText } from './messages'

/** A zod issue as the error map receives it: without its words yet. */
type RawIssue = Parameters<z.core.$ZodErrorMap>[0]

/**
 * The words for a problem the schema gave no words of its own: the core's message for its zod
 * code, in the window's language. A missing value reads "Required." as the core says it.
 */
export function generalIssueText(issue: RawIssue): string {
  const missing = issue.code === 'invalid_type' && issue.input === undefined
  const complete = { ...issue, path: issue.path ?? [], message: missing ? 'received undefined' : '' } as unknown as z.core.$ZodIssue
  return messageText(zodIssueMessage(complete))
}

/** A schema's own words ("Enter your name.") in the window's language, where the core's resources have them. */
export function ownIssueText(words: string): string {
  return errorText(withIssueDetail({ path: '', message: words }))
}

/** Every error of a (nested) set of field errors with its words in the window's language. */
function translated<V extends FieldValues>(errors: FieldErrors<V>): FieldErrors<V> {
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node
    if (Array.isArray(node)) return node.map(walk)
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    for (const [key, value] of Object.entries(node)) {
      // `ref` is the field's element: kept as it is, so that the first invalid field can take the focus.
      if (key === 'ref') out[key] = value
      else if (key === 'message' && typeof value === 'string') out[key] = ownIssueText(value)
      else out[key] = walk(value)
    }
    return out
  }
  return walk(errors) as FieldErrors<V>
}

/**
 * A resolver that checks a form's values with one of the core's schemas. `toInput` turns what the
 * form holds (strings as typed) into what the schema takes (nulls, numbers); the field names must be
 * the schema's paths, so that each problem lands on its field. On success the form's own values
 * are handed on (the submit handler sends them the way it always did).
 */
export function coreSchemaResolver<V extends FieldValues>(schema: z.ZodType, toInput: (values: V) => unknown = (values) => values): Resolver<V> {
  const check = zodResolver(schema as z.ZodType<FieldValues, FieldValues>, { error: generalIssueText })
  return async (values, context, options) => {
    const checked = await check(toInput(values) as FieldValues, context, options as Parameters<typeof check>[2])
    if (Object.keys(checked.errors).length === 0) return { values, errors: {} }
    return { values: {}, errors: translated(checked.errors as FieldErrors<V>) }
  }
}

/** The words of a field's error, by its dotted path; undefined when it has none. */
export function fieldErrorText<V extends FieldValues>(errors: FieldErrors<V>, path: string): string | undefined {
  let node: unknown = errors
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  const message = (node as FieldError | undefined)?.message
  return typeof message === 'string' && message ? message : undefined
}

/**
 * After a save the core refused: its problems placed on their fields, and the first of them
 * focused so that its reason is read out at once. Returns the words for the form itself.
 */
export function showCoreOutcome<V extends FieldValues>(form: Pick<UseFormReturn<V>, 'setError' | 'setFocus'>, outcome: FormOutcome): string | null {
  if (outcome.ok) return null
  let first: Path<V> | null = null
  for (const [path, words] of outcome.fields) {
    form.setError(path as Path<V>, { type: 'server', message: words })
    first ??= path as Path<V>
  }
  if (first !== null) form.setFocus(first)
  return outcome.form
}
