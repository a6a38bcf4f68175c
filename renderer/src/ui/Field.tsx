import { useId, type ReactNode } from 'react'
import './fields.css'

/** What a field's control needs for its label, its error and its hint to be announced. */
export type FieldControlProps = {
  readonly id: string
  readonly 'aria-invalid': true | undefined
  readonly 'aria-describedby': string | undefined
}

/**
 * One labelled field with its error beside it: the control gets `aria-invalid` and
 * `aria-describedby` (the error, then the hint), and the error is read out in words.
 */
export function Field({
  label,
  error,
  hint,
  hintId: givenHintId,
  className,
  children,
}: {
  label: ReactNode
  error?: string | null
  hint?: ReactNode
  /** A fixed id for the hint, where other parts of the page refer to it. */
  hintId?: string
  className?: string
  children: (control: FieldControlProps) => ReactNode
}) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = givenHintId ?? `${id}-hint`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  )
}

/**
 * For forms that keep their own markup: the attributes that tie a control to its error, by the
 * error's path ("emails.0.address") and an id prefix unique in the form.
 */
export function errorAttributes(errors: ReadonlyMap<string, string>, path: string, idPrefix: string): FieldControlProps {
  const error = errors.get(path)
  const id = `${idPrefix}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined }
}

/** The error beside a control tied with `errorAttributes`; nothing when there is none. */
export function FieldError({ errors, path, idPrefix }: { errors: ReadonlyMap<string, string>; path: string; idPrefix: string }) {
  const error = errors.get(path)
  if (!error) return null
  return (
    <span id={`${errorAttributes(errors, path, idPrefix).id}-error`} className="field-error">
      {error}
    </span>
  )
}
