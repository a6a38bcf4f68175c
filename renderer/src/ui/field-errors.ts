/**
 * Errors placed on their fields: the core returns the problems of an input as structured data
 * (INVALID_INPUT with `issues`: a dotted path and words for each); a form shows each beside its
 * field and keeps the rest for one line under the form. Toasts are for what is not about a field.
 */
import type { ApiError } from '@core/shared/result'
import { ApiFailure, messageOf } from '../api'
import { errorText } from './messages'

/** What a save came to, for a form: ok, or the words for each field and for the form itself. */
export type FormOutcome = { readonly ok: true } | { readonly ok: false; readonly fields: ReadonlyMap<string, string>; readonly form: string | null }

/** An empty set of field errors. */
export const noFieldErrors: ReadonlyMap<string, string> = new Map()

/**
 * Splits an error into field errors (by path, first message per field) and the rest. `fieldPaths`
 * are the paths the form can show; an issue whose path begins with one of them goes there
 * ("emails.0.address" to "emails.0.address", else to "emails" when only that is shown).
 */
export function formOutcomeOf(error: unknown, fieldPaths: ReadonlyArray<string>): FormOutcome & { ok: false } {
  const apiError: ApiError | null = error instanceof ApiFailure ? error.error : null
  const fields = new Map<string, string>()
  const rest: string[] = []
  for (const issue of apiError?.code === 'INVALID_INPUT' ? (apiError.issues ?? []) : []) {
    const target = [...fieldPaths].sort((a, b) => b.length - a.length).find((p) => issue.path === p || issue.path.startsWith(`${p}.`))
    if (target !== undefined) {
      if (!fields.has(target)) fields.set(target, errorText(issue))
    } else {
      rest.push(errorText(issue))
    }
  }
  if (fields.size > 0) return { ok: false, fields, form: rest.length > 0 ? rest.join(' ') : null }
  // Nothing to place on a field: the core's message, without any raw field key in front of it.
  const message = apiError?.code === 'INVALID_INPUT' && apiError.issues?.[0] ? errorText(apiError.issues[0]) : messageOf(error)
  return { ok: false, fields, form: message }
}
