/**
 * Forms checked by the core's own zod schemas before anything is sent: react-hook-form holds the
 * fields, @hookform/resolvers' zodResolver runs the schema, and each problem is said in the
 * window's language beside its field (the schema's own words by their `issue.*` key, the others
 * from the problem's zod code and limits, the way the core says them). What only the core can
 * check (it answers INVALID_INPUT with problems by field) lands on the same fields afterwards.
 */
import { toNestErrors } from '@hookform/resolvers'
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

/** The errors of a nested set of field errors, each by its dotted path (a leaf has its words and its type). */
function flatErrors(errors: FieldErrors): Array<[string, FieldError]> {
  const out: Array<[string, FieldError]> = []
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return
    const leaf = node as Partial<FieldError>
    if (typeof leaf.message === 'string' && typeof leaf.type === 'string') {
      out.push([path, leaf as FieldError])
      return
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'ref') walk(value, path ? `${path}.${key}` : key)
  }
  walk(errors, '')
  return out
}

/**
 * A resolver that checks a form's values with one of the core's schemas. `toInput` turns what the
 * form holds (strings as typed) into what the schema takes (nulls, numbers, lists without their
 * empty rows); `pathBack` turns a problem's path in that input back into the form's field (a row
 * of a list the input left empty rows out of). On success the form's own values are handed on
 * (the submit handler sends them the way it always did).
 */
export function coreSchemaResolver<V extends FieldValues>(
  schema: z.ZodType,
  toInput: (values: V) => unknown = (values) => values,
  pathBack: (path: string, values: V) => string = (path) => path,
): Resolver<V> {
  const check = zodResolver(schema as z.ZodType<FieldValues, FieldValues>, { error: generalIssueText })
  return async (values, context, options) => {
    // Checked without the form's fields: the problems are placed on them below, by the form's paths.
    const checked = await check(toInput(values) as FieldValues, context, { criteriaMode: 'firstError', fields: {}, shouldUseNativeValidation: false })
    const found = flatErrors(checked.errors)
    if (found.length === 0) return { values, errors: {} }
    const errors: Record<string, FieldError> = Object.create(null) as Record<string, FieldError>
    for (const [path, error] of found) {
      const field = pathBack(path, values)
      if (!Object.prototype.hasOwnProperty.call(errors, field)) errors[field] = { type: error.type, message: ownIssueText(error.message ?? '') }
    }
    return { values: {}, errors: toNestErrors(errors, options) }
  }
}

/**
 * A form's errors as words by dotted path ("emails.0.address"), for forms that tie their own
 * markup to their errors (errorAttributes and FieldError of Field.tsx).
 */
export function errorWordsOf(errors: FieldErrors): ReadonlyMap<string, string> {
  return new Map(flatErrors(errors).map(([path, error]) => [path, error.message ?? '']))
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
