/**
 * The catalog's search index upkeep and its reading side: the overlay of the user's layer on the
 * built-in index, synced with what each entry is made of, and listing, finding and matching companies.
 */
import type { CompanyMatch, CompanyView } from './schema'
import { nameCollator } from './builtin-layer'
import { createOverlay } from './overlay'
import { viewOf } from './company-view'
import { coreError } from '../messages/errors'
import type { CatalogLayers } from './catalog-layers'
import type { Catalog } from './catalog'

/** The index part of the catalog (see createCatalogIndex). */
export type CatalogIndex = ReturnType<typeof createCatalogIndex>

export function createCatalogIndex(layers: CatalogLayers) {
  const { state, builtin, effective, refresh } = layers
  const collator = nameCollator

  /**
   * The user's layer on top of the built-in one. Every id the user's layer or the imports name is
   * an overlay entry: its view is computed here, and the built-in record under it (if any) is
   * hidden in the built-in index. An edit changes the overlay entries it touches, found by
   * comparing what each entry is made of (the stored objects, which an edit keeps for every entry
   * it does not touch): the built-in index is patched in place (hidden bits), and the changed
   * views go into a small new search segment; segments are merged when there are many.
   */
  const overlay = createOverlay({ builtin, collator, viewOf: (company) => viewOf(company) })
  /** What each overlay entry is made of, as last synced. */
  let overlayInputs = new Map<string, ReadonlyArray<unknown>>()

  const sync = () => {
    const ids = new Set([...state.imports.keys(), ...state.userCompanies.keys(), ...state.edits.overrides.keys(), ...state.edits.contacts.keys(), ...state.edits.deleted.keys()])
    const next = new Map<string, ReadonlyArray<unknown>>()
    const changed: string[] = []
    for (const id of ids) {
      const inputs = [state.imports.get(id), state.userCompanies.get(id), state.edits.overrides.get(id), state.edits.contacts.get(id), state.edits.deleted.get(id)]
      next.set(id, inputs)
      const before = overlayInputs.get(id)
      if (!before || before.some((value, i) => value !== inputs[i])) changed.push(id)
    }
    for (const id of overlayInputs.keys()) if (!ids.has(id)) changed.push(id)
    overlayInputs = next
    const updates = new Map<string, CompanyView | null | undefined>()
    for (const id of changed) {
      if (!ids.has(id)) {
        updates.set(id, undefined)
        continue
      }
      const found = state.edits.deleted.has(id) && !state.userCompanies.has(id) ? null : effective(id)
      updates.set(id, found ? viewOf(found.company, found.origin, found.editedFields) : null)
    }
    overlay.apply(updates)
    state.built = true
  }
  /** The catalog as the files hold it now: read again when another process changed them, the overlay synced. */
  const current = () => {
    refresh()
    if (!state.built) sync()
  }

  const get = (id: string): CompanyView => {
    current()
    const view = overlay.view(id)
    if (!view) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
    return view
  }

  const methods: Pick<Catalog, 'packs' | 'list' | 'page' | 'some' | 'get' | 'resolve' | 'search' | 'matches'> = {
    packs: () => builtin.packs,
    list: () => {
      current()
      return overlay.list()
    },
    page: (offset, limit) => {
      current()
      return overlay.page(offset, limit)
    },
    some: (ids) => {
      current()
      return ids.flatMap((id) => overlay.view(id) ?? [])
    },
    get,
    resolve(idOrDomain) {
      current()
      const key = idOrDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')
      const alias = builtin.aliasOf(key)
      const view = overlay.view(key) ?? overlay.withDomain(key, (domain) => domain.toLowerCase() === key)[0] ?? (alias !== undefined ? overlay.view(alias) : null)
      if (!view) throw coreError('NOT_FOUND', 'error.catalog.noIdOrDomain', { id: idOrDomain })
      return view
    },
    search: (query, limit) => {
      current()
      return overlay.search(query, limit)
    },
    matches(candidate) {
      current()
      const found: CompanyMatch[] = []
      const seen = new Set<string>()
      const add = (view: CompanyView, by: CompanyMatch['by'], value: string) => {
        if (view.id === candidate.excludeId || seen.has(view.id)) return
        seen.add(view.id)
        found.push({ id: view.id, name: view.name, by, value })
      }
      for (const domain of candidate.domains) {
        const key = domain.trim().toLowerCase().replace(/^www\./, '')
        for (const view of overlay.withDomain(key, (domain) => domain.toLowerCase().replace(/^www\./, '') === key)) add(view, 'domain', key)
      }
      for (const email of candidate.emails) {
        const key = email.trim().toLowerCase()
        for (const view of overlay.withEmail(key)) add(view, 'email', key)
      }
      return found
    },
  }

  return { current, get, collator, overlay, methods }
}
