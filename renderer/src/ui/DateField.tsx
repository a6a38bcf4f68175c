import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatPlainDate } from '@core/messages/params'
import { currentLanguage, currentLocale } from '../i18n/i18n'
import { addDays, dateLayout, formatDateInput, parseDateInput, type DateInputResult } from './date-input'
import './date-field.css'

/** The pattern a person types, in the window's language ("TT.MM.JJJJ", "年/月/日"). */
export function datePattern(locale: string, letters: (part: 'day' | 'month' | 'year') => string): string {
  const { order, separator } = dateLayout(locale)
  return order.map(letters).join(separator)
}

/** Why a typed date is refused, or null when it is a date the field takes. */
function problemOf(result: DateInputResult, min: string | undefined, max: string | undefined, required: boolean): 'incomplete' | 'impossible' | 'required' | 'tooEarly' | 'tooLate' | null {
  switch (result.kind) {
    case 'empty':
      return required ? 'required' : null
    case 'incomplete':
    case 'impossible':
      return result.kind
    case 'date':
      if (min && result.iso < min) return 'tooEarly'
      if (max && result.iso > max) return 'tooLate'
      return null
  }
}

/**
 * A date typed in the order of the window's language (Intl's parts: day.month.year in German,
 * year/month/day in Chinese), with the calendar date ("2026-11-23") as its value. It is a text
 * field, so every keyboard and screen reader can use it; the up and down arrows move it a day.
 * An impossible or out-of-range date is said in words beside the field and stops the form from
 * being sent (the field's own validity), and `onChange` hears only whole dates ('' when cleared).
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  required = false,
  label,
}: {
  value: string
  onChange: (iso: string) => void
  min?: string
  max?: string
  required?: boolean
  /** The field's name for screen readers, where no <label> wraps it. */
  label?: string
}) {
  const { t } = useTranslation('common')
  const language = currentLanguage()
  const locale = currentLocale()
  const [text, setText] = useState(() => formatDateInput(value, locale))
  const [touched, setTouched] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()

  // A value set from outside (a default, a reset) or a new language shows in the locale's order;
  // adjusted while rendering, as React advises for state that follows a prop.
  const [synced, setSynced] = useState({ value, locale })
  if (synced.value !== value || synced.locale !== locale) {
    setSynced({ value, locale })
    const shown = parseDateInput(text, locale)
    if (!(shown.kind === 'date' && shown.iso === value)) setText(formatDateInput(value, locale))
  }

  const pattern = datePattern(locale, (part) => t(`dateField.${part}`))
  const result = parseDateInput(text, locale)
  const problem = problemOf(result, min, max, required)
  const message =
    problem === null
      ? null
      : problem === 'tooEarly'
        ? t('dateField.tooEarly', { date: formatPlainDate(min!, language) })
        : problem === 'tooLate'
          ? t('dateField.tooLate', { date: formatPlainDate(max!, language) })
          : problem === 'impossible'
            ? t('dateField.impossible', { text: text.trim() })
            : t(problem === 'required' ? 'dateField.required' : 'dateField.incomplete', { pattern })

  useEffect(() => {
    input.current?.setCustomValidity(message ?? '')
  }, [message])

  const change = (next: string) => {
    setText(next)
    const parsed = parseDateInput(next, locale)
    if (parsed.kind === 'date' && problemOf(parsed, min, max, required) === null) onChange(parsed.iso)
    else if (parsed.kind === 'empty') onChange('')
  }

  const step = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault()
    const from = result.kind === 'date' ? result.iso : (max ?? min ?? new Date().toISOString().slice(0, 10))
    let next = result.kind === 'date' ? addDays(from, event.key === 'ArrowUp' ? 1 : -1) : from
    if (min && next < min) next = min
    if (max && next > max) next = max
    setTouched(true)
    change(formatDateInput(next, locale))
  }

  const shown = touched && message !== null
  return (
    <span className="date-field">
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="date-field-input"
        value={text}
        placeholder={pattern}
        aria-label={label}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
        data-iso={result.kind === 'date' ? result.iso : ''}
        required={required}
        size={Math.max(pattern.length, 10) + 1}
        onChange={(e) => change(e.target.value)}
        onKeyDown={step}
        onBlur={() => {
          setTouched(true)
          if (result.kind === 'date') setText(formatDateInput(result.iso, locale))
        }}
        onInvalid={() => setTouched(true)}
      />
      <span id={`${id}-hint`} className="date-field-hint">
        {t('dateField.hint', { pattern })}
      </span>
      {shown ? (
        <span id={`${id}-error`} className="date-field-error" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  )
}
