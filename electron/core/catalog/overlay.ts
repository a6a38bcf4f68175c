/**
 * The catalog as the user sees it: the built-in layer (records by number, its search index read
 * or built once) with the overlay on top, the records the user's layer and the imports change.
 * An edit never rebuilds the built-in index: the records it replaces are hidden in place (one
 * byte each), and the changed records go into a small search segment of their own; when there are
 * more than a few segments, the recent ones are merged into one. Every record has an order (its
 * place by name), so the built-in index and the segments rank as one list.
 */
import type { BuiltinLayer } from './builtin-layer'
import { searchFieldsOf } from './builtin-layer'
import type { Company, CompanyView } from './schema'
import { buildIndexData, createDocSearcher, MAX_ORDER, type DocSearcher, type KeyKind } from './search'

/** Orders of built-in records are multiples of this; a user's record goes between two of them. */
const SLOT = 2 ** 14
/** Recent segments beyond this many are merged into one. */
const maxRecentSegments = 8

type Segment = {
  readonly searcher: DocSearcher
  readonly views: ReadonlyArray<CompanyView>
  readonly orders: Float64Array
  /** 1: the record was changed again or removed since. */
  readonly hidden: Uint8Array
  live: number
}

type Entry = { readonly view: CompanyView | null; segment: Segment | null; doc: number; readonly order: number }

export type Overlay = {
  /**
   * Applies changed overlay entries: a view (the record as it now reads), null (hides the built-in
   * record, shows nothing: deleted) or undefined (no longer in the overlay: the built-in record shows).
   */
  apply(updates: ReadonlyMap<string, CompanyView | null | undefined>): void
  view(id: string): CompanyView | null
  /** Every record, by name. */
  list(): ReadonlyArray<CompanyView>
  /**
   * The records of `list()` from `offset`, at most `limit`: only those records are decoded (and
   * not kept), so paging through a large catalog holds one page at a time.
   */
  page(offset: number, limit: number): ReadonlyArray<CompanyView>
  /** The overlay's records, by name. */
  touched(): ReadonlyArray<CompanyView>
  search(query: string, limit: number): ReadonlyArray<CompanyView>
  /** Records with a domain that compacts like `key` and passes `check`, by name. */
  withDomain(key: string, check: (domain: string) => boolean): ReadonlyArray<CompanyView>
  /** Records with this e-mail address (lower case), by name. */
  withEmail(key: string): ReadonlyArray<CompanyView>
}

function fnv(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/** `viewOf` shows a built-in record as it is (catalog.ts viewOf); `collator` orders names. */
export function createOverlay(options: { readonly builtin: BuiltinLayer; readonly collator: Intl.Collator; readonly viewOf: (company: Company) => CompanyView }): Overlay {
  const { builtin, collator, viewOf } = options
  if ((builtin.count + 1) * SLOT > MAX_ORDER) throw new Error(`The built-in catalog has more records (${builtin.count}) than the search can order.`)
  const hidden = new Uint8Array(builtin.count)
  let baseSearcher: DocSearcher | null = null
  const searcher = () => {
    if (!baseSearcher) {
      const orders = new Float64Array(builtin.count)
      for (let doc = 0; doc < orders.length; doc += 1) orders[doc] = (doc + 1) * SLOT
      baseSearcher = createDocSearcher(builtin.index(), { orders, hidden })
    }
    return baseSearcher
  }
  const baseViews = new Map<number, CompanyView>()
  const baseView = (doc: number): CompanyView => {
    let view = baseViews.get(doc)
    if (!view) baseViews.set(doc, (view = viewOf(builtin.record(doc))))
    return view
  }
  const entries = new Map<string, Entry>()
  let segments: Segment[] = []
  let listed: ReadonlyArray<CompanyView> | null = null

  /** After the built-in records named the same or before, in a place of its own among them. */
  const orderFor = (view: CompanyView): number => {
    let lo = 0
    let hi = builtin.count
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (collator.compare(builtin.nameAt(mid), view.name) <= 0) lo = mid + 1
      else hi = mid
    }
    return lo * SLOT + 1 + (fnv(view.id) % (SLOT - 1))
  }

  const segmentOf = (views: ReadonlyArray<CompanyView>): Segment => {
    const orders = Float64Array.from(views, (view) => entries.get(view.id)!.order)
    const hiddenHere = new Uint8Array(views.length)
    const segment: Segment = { searcher: createDocSearcher(buildIndexData(views, searchFieldsOf), { orders, hidden: hiddenHere }), views, orders, hidden: hiddenHere, live: views.length }
    views.forEach((view, doc) => {
      const entry = entries.get(view.id)!
      entry.segment = segment
      entry.doc = doc
    })
    return segment
  }

  const apply = (updates: ReadonlyMap<string, CompanyView | null | undefined>) => {
    if (updates.size === 0) return
    const added: CompanyView[] = []
    for (const [id, view] of updates) {
      const old = entries.get(id)
      if (old?.segment) {
        old.segment.hidden[old.doc] = 1
        old.segment.live -= 1
      }
      const doc = builtin.docOf(id)
      if (view === undefined) {
        entries.delete(id)
        if (doc !== undefined) hidden[doc] = 0
        continue
      }
      if (doc !== undefined) hidden[doc] = 1
      entries.set(id, { view, segment: null, doc: -1, order: view ? orderFor(view) : 0 })
      if (view) added.push(view)
    }
    segments = segments.filter((segment) => segment.live > 0)
    if (added.length > 0) segments.push(segmentOf(added))
    // The first segment holds what was read at start; the recent ones, an edit each: merged when many.
    if (segments.length > 1 + maxRecentSegments) {
      const recent = segments.slice(1)
      const views = recent.flatMap((segment) => segment.views.filter((_, doc) => segment.hidden[doc] === 0))
      segments = [segments[0]!, segmentOf(views)]
    }
    listed = null
  }

  const overlayViews = (): Array<{ order: number; view: CompanyView }> => {
    const out: Array<{ order: number; view: CompanyView }> = []
    for (const entry of entries.values()) if (entry.view) out.push({ order: entry.order, view: entry.view })
    return out.sort((a, b) => a.order - b.order)
  }

  /** Candidates from every index for a key, checked on the records, by name. */
  const withKey = (text: string, kind: KeyKind, check: (view: CompanyView) => boolean): CompanyView[] => {
    const found: Array<{ order: number; view: CompanyView }> = []
    for (const doc of searcher().docsWithKey(text, kind)) {
      if (hidden[doc] === 0 && check(baseView(doc))) found.push({ order: (doc + 1) * SLOT, view: baseView(doc) })
    }
    for (const segment of segments) {
      for (const doc of segment.searcher.docsWithKey(text, kind)) {
        if (segment.hidden[doc] === 0 && check(segment.views[doc]!)) found.push({ order: segment.orders[doc]!, view: segment.views[doc]! })
      }
    }
    return found.sort((a, b) => a.order - b.order).map((f) => f.view)
  }

  return {
    apply,
    view(id) {
      const entry = entries.get(id)
      if (entry) return entry.view
      const doc = builtin.docOf(id)
      return doc === undefined ? null : baseView(doc)
    },
    list() {
      if (listed) return listed
      const mine = overlayViews()
      const out: CompanyView[] = []
      let k = 0
      for (let doc = 0; doc < builtin.count; doc += 1) {
        const order = (doc + 1) * SLOT
        while (k < mine.length && mine[k]!.order < order) out.push(mine[k++]!.view)
        if (hidden[doc] === 0) out.push(baseView(doc))
      }
      while (k < mine.length) out.push(mine[k++]!.view)
      return (listed = out)
    },
    page(offset, limit) {
      if (listed) return listed.slice(offset, offset + limit)
      const mine = overlayViews()
      const out: CompanyView[] = []
      const end = offset + Math.max(0, Math.floor(limit))
      // Positions are counted from the order alone: a built-in record is read only inside the page.
      let at = 0
      let k = 0
      const take = (view: () => CompanyView) => {
        if (at >= offset && at < end) out.push(view())
        at += 1
      }
      for (let doc = 0; doc < builtin.count && at < end; doc += 1) {
        const order = (doc + 1) * SLOT
        while (k < mine.length && mine[k]!.order < order && at < end) {
          const view = mine[k++]!.view
          take(() => view)
        }
        if (hidden[doc] === 0 && at < end) take(() => baseViews.get(doc) ?? viewOf(builtin.recordOnce(doc)))
      }
      while (k < mine.length && at < end) {
        const view = mine[k++]!.view
        take(() => view)
      }
      return out
    },
    touched: () => overlayViews().map((entry) => entry.view),
    search(query, limit) {
      const hits: Array<{ score: number; view: CompanyView }> = []
      for (const hit of searcher().search(query, limit)) hits.push({ score: hit.score, view: baseView(hit.doc) })
      for (const segment of segments) for (const hit of segment.searcher.search(query, limit)) hits.push({ score: hit.score, view: segment.views[hit.doc]! })
      return hits
        .sort((a, b) => b.score - a.score)
        .slice(0, Math.max(0, Math.floor(limit)))
        .map((hit) => hit.view)
    },
    withDomain: (key, check) => withKey(key, 'domain', (view) => view.domains.some(check)),
    withEmail: (key) => withKey(key, 'email', (view) => view.emails.some((e) => e.address.toLowerCase() === key)),
  }
}
