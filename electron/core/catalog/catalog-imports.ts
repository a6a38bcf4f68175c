/**
 * Importing other catalogs (a Rightful export, which rebuilds the exporting catalog's layers, or
 * datarequests.org records, which join the imported layer) in one write, with every entry
 * accounted for; and exporting the user's catalog.
 */
import { z } from 'zod'
import { dictionaryOf, readKeyedEntries, type KeyedSchemas } from '../shared/own-keys'
import { fromDatarequests, RecordRejected } from './datarequests'
import { companyIdSchema, companySchema, type Company } from './schema'
import { plainDateSchema } from '../shared/schemas'
import { message, type Message } from '../shared/message'
import { zodProblems } from '../messages/errors'
import { addedContactsSchema, overrideOf, overrideSchema, type AddedContacts, type Override } from './user-layer'
import type { CatalogLayers } from './catalog-layers'
import type { CatalogIndex } from './catalog-index'
import type { CatalogChange } from './catalog-changes'
import type { Catalog } from './catalog'

/**
 * The native export. `companies` holds the records as the user sees them (for people and other
 * tools); `layers` holds what Rightful needs to rebuild the user's catalog exactly: imported
 * records as imported, companies the user added, their per-field changes, added contacts and
 * deletions. A file with `companies` only (e.g. written by hand) imports too.
 */
export const catalogExportSchema = z.object({
  format: z.literal('rightful-catalog'),
  version: z.literal(1),
  exportedOn: plainDateSchema,
  companies: z.array(z.unknown()),
  /** Read entry by entry on import (each bad entry rejected with its reason, the others kept). */
  layers: z
    .object({
      imported: z.array(z.unknown()),
      added: z.array(z.unknown()),
      overrides: z.unknown(),
      contacts: z.unknown(),
      deleted: z.unknown(),
    })
    .optional(),
})
export type CatalogExport = {
  readonly format: 'rightful-catalog'
  readonly version: 1
  readonly exportedOn: string
  readonly companies: ReadonlyArray<Company>
  readonly layers: {
    readonly imported: ReadonlyArray<Company>
    readonly added: ReadonlyArray<Company>
    /** Company id → the changed fields; objects without a prototype, keyed by id. */
    readonly overrides: Readonly<Record<string, Override>>
    readonly contacts: Readonly<Record<string, AddedContacts>>
    readonly deleted: Readonly<Record<string, string>>
  }
}

export type ImportFormat = 'datarequests' | 'rightful'
/** One file (or one record of a file) offered for import, named as the user will recognize it. */
export type ImportEntry = { readonly entry: string; readonly data: unknown } | { readonly entry: string; readonly error: string }
/**
 * An entry that was not imported: why, in English (`reason`, stable for --json), and as a message
 * for the reader's language where the core knows the reason (`message`; a reason read from the
 * file's own words, or from another reader, has only the English).
 */
export type ImportRejection = { readonly entry: string; readonly reason: string; readonly message?: Message }
export type ImportReport = {
  readonly imported: number
  readonly rejected: ReadonlyArray<ImportRejection>
  /** True when nothing was stored (a dry run). */
  readonly dryRun: boolean
}

export function catalogImports(
  { state, builtin, refresh, writeEdits, writeImports }: CatalogLayers,
  { current, overlay }: CatalogIndex,
  change: CatalogChange,
): Pick<Catalog, 'importEntries' | 'exportCatalog'> {
  /** Imports every entry that is valid, in one write (catalog.importEntries); runs under the lock unless a dry run. */
  const importInto = (entries: ReadonlyArray<ImportEntry>, format: ImportFormat, today: string, dryRun: boolean): ImportReport => {
    const rejected: ImportRejection[] = []
    const seen = new Map<string, string>()
    const next = {
      imports: new Map(state.imports),
      companies: new Map(state.edits.companies),
      overrides: new Map(state.edits.overrides),
      contacts: new Map(state.edits.contacts),
      deleted: new Map(state.edits.deleted),
    }
    let imported = 0
    const problems = (error: z.ZodError) => error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ')

    /** Claims an id for one entry; a second entry with the same id is rejected. */
    const claim = (entry: string, id: string): boolean => {
      const earlier = seen.get(id)
      if (earlier) {
        rejected.push({ entry, reason: `repeats the id "${id}" of ${earlier}`, message: message('catalogImport.rejected.repeatedId', { id, earlier }) })
        return false
      }
      seen.set(id, entry)
      return true
    }

    /** A record from another catalog: it joins the imported layer, below the user's own. */
    const takeImported = (entry: string, company: Company) => {
      if (builtin.seedIds.has(company.id)) {
        rejected.push({
          entry,
          reason: `Rightful's own catalog already has "${company.id}"; change that record instead`,
          message: message('catalogImport.rejected.builtinIdChange', { id: company.id }),
        })
        return
      }
      if (next.companies.has(company.id)) {
        rejected.push({
          entry,
          reason: `you added a company with the id "${company.id}" yourself; it is kept as you entered it`,
          message: message('catalogImport.rejected.ownId', { id: company.id }),
        })
        return
      }
      if (!claim(entry, company.id)) return
      next.imports.set(company.id, company)
      imported++
    }

    /** A record as a Rightful export shows it: its changes over a built-in record become an override. */
    const takeShown = (entry: string, company: Company) => {
      if (!claim(entry, company.id)) return
      const builtinBase = builtin.get(company.id)
      if (builtinBase) {
        const fields = overrideOf(builtinBase, company)
        if (Object.keys(fields).length > 0) next.overrides.set(company.id, { editedOn: today, fields })
      } else if (next.companies.has(company.id) || company.identityProvenance?.kind === 'user') {
        next.companies.set(company.id, company)
      } else {
        next.imports.set(company.id, company)
      }
      imported++
    }

    for (const item of entries) {
      if ('error' in item) {
        rejected.push({ entry: item.entry, reason: item.error })
        continue
      }
      if (format === 'datarequests') {
        try {
          takeImported(item.entry, fromDatarequests(item.data, { importedOn: today }))
        } catch (error) {
          if (error instanceof RecordRejected) rejected.push({ entry: item.entry, reason: error.message })
          else throw error
        }
        continue
      }
      const document = catalogExportSchema.safeParse(item.data)
      if (!document.success) {
        rejected.push({
          entry: item.entry,
          reason: `not a Rightful catalog export (${problems(document.error)})`,
          message: message('catalogImport.rejected.notExport', { problems: zodProblems(document.error) }),
        })
        continue
      }
      const records = (list: ReadonlyArray<unknown>, label: string, take: (entry: string, company: Company) => void) =>
        list.forEach((data, i) => {
          const id = (data as { id?: unknown } | null)?.id
          const entry = `${item.entry} ${label} #${i + 1}${typeof id === 'string' ? ` (${id.slice(0, 100)})` : ''}`
          const parsed = companySchema.safeParse(data)
          if (parsed.success) take(entry, parsed.data)
          else rejected.push({ entry, reason: problems(parsed.error), message: message('catalogImport.rejected.invalid', { problems: zodProblems(parsed.error) }) })
        })
      const layers = document.data.layers
      if (!layers) {
        records(document.data.companies, 'company', takeShown)
        continue
      }
      // Layers: rebuild the exporting catalog exactly.
      records(layers.imported, 'imported', (entry, company) => {
        if (builtin.seedIds.has(company.id)) rejected.push({ entry, reason: `Rightful's own catalog already has "${company.id}"`, message: message('catalogImport.rejected.builtinId', { id: company.id }) })
        else if (claim(entry, company.id)) {
          next.imports.set(company.id, company)
          imported++
        }
      })
      records(layers.added, 'added', (entry, company) => {
        if (builtin.has(company.id)) rejected.push({ entry, reason: `Rightful's own catalog already has "${company.id}"`, message: message('catalogImport.rejected.builtinId', { id: company.id }) })
        else if (claim(entry, company.id)) {
          next.companies.set(company.id, company)
          next.imports.delete(company.id)
          imported++
        }
      })
      /** The keyed layers, entry by entry: every entry that cannot be used is reported, none dropped. */
      const keyed = <T,>(raw: unknown, name: string, schemas: KeyedSchemas<T>) => {
        const read = readKeyedEntries(raw, schemas, name)
        for (const bad of read.bad) {
          rejected.push({ entry: bad.key === name ? `${item.entry} ${name}` : `${item.entry} ${name} "${bad.key.slice(0, 100)}"`, reason: bad.reason })
        }
        return read.entries
      }
      for (const [id, override] of keyed(layers.overrides, 'changes', { key: companyIdSchema, value: overrideSchema })) {
        const base = builtin.get(id) ?? next.imports.get(id)
        if (!base) rejected.push({ entry: `${item.entry} changes to "${id}"`, reason: `the catalog has no company "${id}" to change`, message: message('catalogImport.rejected.noneToChange', { id }) })
        else if (!companySchema.safeParse({ ...base, ...override.fields, id }).success) {
          rejected.push({ entry: `${item.entry} changes to "${id}"`, reason: 'the changed fields do not make a valid record', message: message('catalogImport.rejected.changesInvalid') })
        } else {
          next.overrides.set(id, override)
          if (!seen.has(id)) {
            seen.set(id, item.entry)
            imported++
          }
        }
      }
      for (const [id, contacts] of keyed(layers.contacts, 'contacts', { key: companyIdSchema, value: addedContactsSchema })) {
        next.contacts.set(id, contacts)
        if (!seen.has(id)) {
          seen.set(id, item.entry)
          imported++
        }
      }
      for (const [id, deletedOn] of keyed(layers.deleted, 'deletions', { key: companyIdSchema, value: plainDateSchema })) {
        if (builtin.has(id) || next.imports.has(id)) next.deleted.set(id, deletedOn)
        else rejected.push({ entry: `${item.entry} deletion of "${id}"`, reason: `the catalog has no company "${id}" to delete`, message: message('catalogImport.rejected.noneToDelete', { id }) })
      }
    }

    if (dryRun) return { imported, rejected, dryRun: true }
    const sameDeleted = next.deleted.size === state.edits.deleted.size && [...next.deleted].every(([id, on]) => state.edits.deleted.get(id) === on)
    if (imported === 0 && sameDeleted) return { imported, rejected, dryRun: false }

    // The imported layer is written first, whole; then the user's layer. Either write failing
    // leaves the stores as they were before it (each store writes atomically).
    if (next.imports.size > 0 || state.imports.size > 0) {
      if (![...next.imports].every(([id, c]) => state.imports.get(id) === c) || next.imports.size !== state.imports.size) {
        writeImports(next.imports)
        state.imports = next.imports
      }
    }
    writeEdits({ companies: next.companies, overrides: next.overrides, contacts: next.contacts, deleted: next.deleted })
    return { imported, rejected, dryRun: false }
  }

  return {
    importEntries(entries, format, today, importOptions = {}) {
      // A dry run changes nothing: it needs no lock. A real import runs whole under the lock, on the files as they are.
      return importOptions.dryRun ? (refresh(), importInto(entries, format, today, true)) : change(() => importInto(entries, format, today, false))
    },

    exportCatalog(today, exportOptions = {}) {
      current()
      const touched = (id: string) => state.imports.has(id) || state.userCompanies.has(id) || state.edits.overrides.has(id) || state.edits.contacts.has(id)
      const companies: Company[] = []
      for (const view of exportOptions.all ? overlay.list() : overlay.touched()) {
        if (!exportOptions.all && !touched(view.id)) continue
        const {
          privacyEmail: _p,
          privacyEmailBasis: _b,
          letterAddress: _l,
          holidayJurisdiction: _h,
          origin: _o,
          editedFields: _e,
          ...company
        } = view
        companies.push(company)
      }
      return {
        format: 'rightful-catalog',
        version: 1,
        exportedOn: today,
        companies,
        layers: {
          imported: [...state.imports.values()],
          added: [...state.userCompanies.values()],
          overrides: dictionaryOf(state.edits.overrides),
          contacts: dictionaryOf(state.edits.contacts),
          deleted: dictionaryOf(state.edits.deleted),
        },
      }
    },
  }
}
