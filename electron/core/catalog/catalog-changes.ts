/**
 * Changing the catalog: each change runs under the data folder's lock on the files as they are,
 * every record is validated before it is written, and a change of a built-in or imported record
 * is kept as the user's override (or added contacts) in their layer.
 */
import { companySchema, type Company, type EmailContact, type PostalAddress } from './schema'
import { plainDateSchema } from '../shared/schemas'
import { describeIssues } from '../shared/own-keys'
import { mergeCompanies } from './merge'
import { slugOf } from './slug'
import { coreError, coreErrorAs, zodProblems } from '../messages/errors'
import { addedContactsSchema, applyEdit, duplicateError, editableFields, overrideOf, type Override } from './user-layer'
import type { CatalogFiles, CatalogLayers } from './catalog-layers'
import type { CatalogIndex } from './catalog-index'
import type { Catalog } from './catalog'

/** A copy of `map` with `key` set to `value` (or removed, for undefined). */
export const withEntry = <T,>(map: ReadonlyMap<string, T>, key: string, value: T | undefined): Map<string, T> => {
  const next = new Map(map)
  if (value === undefined) next.delete(key)
  else next.set(key, value)
  return next
}

/** Every record is validated before it is written. */
export const validCompany = (company: Company): Company => {
  const parsed = companySchema.safeParse(company)
  if (!parsed.success) throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${describeIssues(parsed.error)}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
  return parsed.data
}

/** A change is kept only when it makes a valid record with the record under it. */
export const validOverride = (base: Company, id: string, override: Override): Override => {
  const candidate = companySchema.safeParse({ ...base, ...override.fields, id })
  if (!candidate.success) throw coreErrorAs('INVALID_INPUT', `These changes cannot be saved: ${describeIssues(candidate.error)}`, 'error.catalog.changesCannotSave', { problems: zodProblems(candidate.error) })
  return override
}

/** Runs changes of the catalog (see `change`). */
export type CatalogChange = <T>(step: () => T) => T

export function catalogChange(options: Pick<CatalogFiles, 'edits'>, { state, refresh }: CatalogLayers, { current }: CatalogIndex): CatalogChange {
  /**
   * Runs a change of the catalog under the data folder's lock, on the files as they are then (what
   * another process changed is read first, and kept). Returns what `step` returns.
   *
   * Building the views of thousands of companies takes a while, and a change needs them (a new
   * company is checked against the others' domains): they are built before the lock is taken. When
   * another process changed the catalog in between, the lock is let go, the views are built again
   * and the change tried again (a few times; then it builds them under the lock).
   */
  const change = <T,>(step: () => T): T => {
    for (let tries = 0; ; tries += 1) {
      current()
      const outcome = options.edits.locked((): { value: T } | null => {
        const seen = state.stamps
        refresh()
        if (state.stamps !== seen && tries < 3) return null
        return { value: step() }
      })
      if (outcome) return outcome.value
    }
  }

  return change
}

export function catalogEdits(
  layers: CatalogLayers,
  { get, methods: { matches } }: CatalogIndex,
  change: CatalogChange,
): Pick<Catalog, 'addContact' | 'updateFrom' | 'save' | 'addRecord' | 'markEmailProblem' | 'reset'> {
  const { state, builtin, baseOf, effective, writeEdits } = layers

  const uniqueId = (name: string): string => {
    const stem = slugOf(name)
    const taken = (id: string) => builtin.has(id) || state.imports.has(id) || state.userCompanies.has(id)
    if (!taken(stem)) return stem
    for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`
  }

  return {
    // Each change runs under the data folder's lock on the files as they are (`change`); the
    // record is shown (the views built again) after the lock is let go.
    addContact(input, enteredOn) {
      change(() => {
        get(input.companyId)
        const provenance = { kind: 'user' as const, enteredOn, quality: 'user' as const }
        const existing = state.edits.contacts.get(input.companyId) ?? { emails: [], postalAddresses: [] }
        const emails: EmailContact[] = input.email
          ? [...existing.emails, { address: input.email, purpose: input.purpose, status: 'current', provenance, problem: null }]
          : [...existing.emails]
        const postalAddresses: PostalAddress[] = input.postal
          ? [...existing.postalAddresses, { ...input.postal, region: null, status: 'current', provenance }]
          : [...existing.postalAddresses]
        writeEdits({ ...state.edits, contacts: withEntry(state.edits.contacts, input.companyId, addedContactsSchema.parse({ emails, postalAddresses })) })
      })
      return get(input.companyId)
    },
    updateFrom(id, record, today) {
      const parsed = companySchema.safeParse({ ...record, id })
      if (!parsed.success) {
        throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
      }
      change(() => {
        const own = state.userCompanies.get(id)
        if (own) {
          writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, validCompany(mergeCompanies(own, parsed.data))) })
          return
        }
        const base = baseOf(id)
        if (!base || state.edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        const merged = mergeCompanies(effective(id)!.company, parsed.data)
        const fields = overrideOf(base, merged, [...editableFields, 'sources'])
        const override = validOverride(base, id, { editedOn: today, fields })
        writeEdits({ ...state.edits, contacts: withEntry(state.edits.contacts, id, undefined), overrides: withEntry(state.edits.overrides, id, override) })
      })
      return get(id)
    },
    save(input, today) {
      const id = change((): string => {
        if (input.id === undefined) {
          const same = input.asNew ? [] : matches({ domains: input.domains, emails: input.emails.map((e) => e.address) })
          if (same.length > 0) throw duplicateError(same)
          const id = uniqueId(input.name)
          const company = applyEdit(null, input, id, today)
          writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, company) })
          return id
        }
        const id = input.id
        const own = state.userCompanies.get(id)
        if (own) {
          const company = applyEdit(own, input, id, today)
          writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, company) })
          return id
        }
        const base = baseOf(id)
        if (!base || state.edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        // The user edits what they see: the record with their earlier changes and added contacts.
        const shown = effective(id)!.company
        const edited = applyEdit(shown, input, id, today)
        // Added contacts now live in the edited lists; keep them out of the contacts layer.
        const fields = overrideOf(base, edited)
        const override = Object.keys(fields).length > 0 ? validOverride(base, id, { editedOn: today, fields }) : undefined
        writeEdits({ ...state.edits, contacts: withEntry(state.edits.contacts, id, undefined), overrides: withEntry(state.edits.overrides, id, override) })
        return id
      })
      return get(id)
    },
    addRecord(record, addOptions = {}) {
      const parsed = companySchema.safeParse(record)
      if (!parsed.success) {
        throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
      }
      const id = change(() => {
        if (!addOptions.asNew) {
          const same = matches({ domains: parsed.data.domains, emails: parsed.data.emails.map((e) => e.address) })
          if (same.length > 0) throw duplicateError(same)
        }
        const id = uniqueId(parsed.data.id)
        const company = validCompany({ ...parsed.data, id })
        writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, company) })
        return id
      })
      return get(id)
    },
    markEmailProblem(id, address, problem, today) {
      const wanted = address.trim().toLowerCase()
      const mark = (company: Company): Company => {
        if (!company.emails.some((e) => e.address.toLowerCase() === wanted)) {
          throw coreError('NOT_FOUND', 'error.catalog.noSuchEmail', { company: company.name, address: address.slice(0, 254) })
        }
        return { ...company, emails: company.emails.map((e) => (e.address.toLowerCase() === wanted ? { ...e, problem } : e)) }
      }
      change(() => {
        const own = state.userCompanies.get(id)
        if (own) {
          writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, validCompany(mark(own))) })
          return
        }
        const base = baseOf(id)
        if (!base || state.edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        // As in save: the user's added contacts move into the changed list of addresses.
        const edited = mark(effective(id)!.company)
        const fields = overrideOf(base, edited)
        const override = Object.keys(fields).length > 0 ? validOverride(base, id, { editedOn: plainDateSchema.parse(today), fields }) : undefined
        writeEdits({ ...state.edits, contacts: withEntry(state.edits.contacts, id, undefined), overrides: withEntry(state.edits.overrides, id, override) })
      })
      return get(id)
    },
    reset(id) {
      change(() => {
        if (!baseOf(id)) throw coreError('NOT_FOUND', 'error.catalog.noBase', { id })
        writeEdits({ ...state.edits, overrides: withEntry(state.edits.overrides, id, undefined), contacts: withEntry(state.edits.contacts, id, undefined) })
      })
      return get(id)
    },
  }
}
