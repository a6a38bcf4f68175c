/** Deleting companies: the user's own for good, a built-in or imported one restorably; the list of deleted ones, and bringing one back. */
import { plainDateSchema } from '../shared/schemas'
import { coreError } from '../messages/errors'
import type { CatalogLayers } from './catalog-layers'
import type { CatalogIndex } from './catalog-index'
import { withEntry, type CatalogChange } from './catalog-changes'
import type { Catalog } from './catalog'

export function catalogDeleted(
  { state, baseOf, refresh, writeEdits }: CatalogLayers,
  { get, collator }: CatalogIndex,
  change: CatalogChange,
): Pick<Catalog, 'remove' | 'restore' | 'deleted'> {
  return {
    remove(id, today) {
      return change(() => {
        if (state.userCompanies.has(id)) {
          writeEdits({ ...state.edits, companies: withEntry(state.edits.companies, id, undefined), contacts: withEntry(state.edits.contacts, id, undefined) })
          return { id, restorable: false }
        }
        if (!baseOf(id) || state.edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        writeEdits({ ...state.edits, deleted: withEntry(state.edits.deleted, id, plainDateSchema.parse(today)) })
        return { id, restorable: true }
      })
    },
    restore(id) {
      change(() => {
        if (!state.edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notDeleted', { id })
        writeEdits({ ...state.edits, deleted: withEntry(state.edits.deleted, id, undefined) })
      })
      return get(id)
    },
    deleted: () => {
      refresh()
      return [...state.edits.deleted]
        .map(([id, deletedOn]) => ({ id, name: baseOf(id)?.name ?? id, deletedOn }))
        .sort((a, b) => collator.compare(a.name, b.name))
    },

  }
}
