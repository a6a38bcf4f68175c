import type { Ref } from 'react'
import type { FieldControlProps } from './Field'
import { countryOptions } from './format'

/** The options of a country picker: none chosen (''), then every country by its name in the window's language. */
export function CountryOptions() {
  return (
    <>
      <option value="">—</option>
      {countryOptions().map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  )
}

/** A country picker by name in the window's language, valued by ISO code; '' means none chosen. `control`: its error's attributes. */
export function CountrySelect({
  label,
  value,
  onChange,
  control,
  selectRef,
}: {
  label: string
  value: string
  onChange: (code: string) => void
  control?: FieldControlProps
  /** The select element, for a form that focuses its first invalid field. */
  selectRef?: Ref<HTMLSelectElement>
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select ref={selectRef} value={value} onChange={(e) => onChange(e.target.value)} {...control}>
        <CountryOptions />
      </select>
    </label>
  )
}
